"""Inline suppressions in .txt and .md files, each with a reason, and the ones left unused.

A reviewer who accepts a finding says so where it stands, with a reason, in an
HTML comment alone on its line (invisible in rendered Markdown, and not a
paragraph of the report)::

    <!-- report-validator: disable-next-line=NUM-008 本单位惯例，二级标题可省略 -->
    <!-- report-validator: disable=PUN-001,HYG-001 转载原文，保留原貌 -->
    <!-- report-validator: enable=PUN-001 -->
    <!-- report-validator: disable-file=problems 本单位专项报告，不设问题部分 -->

``disable-next-line`` covers the next non-blank line; ``disable`` covers every
line after it until an ``enable`` of the same id (or the end of the file);
``disable-file`` covers the whole file, results without a line included: a
checklist item that fails because its part is missing stands on no line, so
only a file-level directive can accept it.
Ids are rule codes or checklist item ids. A suppression without a reason is
not applied and is reported (RV-002), as is a suppression that hid nothing
(RV-001): a stale suppression would otherwise hide the next real defect.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from validator.engine.evaluate import drop_failures
from validator.model import ReportResult, Result, Span
from validator.parse.lines import comment_line

UNUSED = "RV-001"
MALFORMED = "RV-002"

_DIRECTIVE = re.compile(
    r"^[ \t\u3000]*<!--\s*report-validator:\s*(?P<action>disable-next-line|disable-file|disable|enable)"
    r"\s*=\s*(?P<ids>[A-Za-z0-9_,\-]+)(?P<reason>[^\n]*?)\s*-->[ \t\u3000]*$"
)


@dataclass
class Suppression:
    """One directive: the ids it names, the lines it covers, and whether it hid something."""

    line: int
    action: str
    ids: tuple[str, ...]
    reason: str
    first: int = 0  # first line covered
    last: int = 0  # last line covered
    used: set[str] = field(default_factory=set)

    def covers(self, result: Result) -> bool:
        if result.id not in self.ids:
            return False
        if self.action == "disable-file":
            return True
        return result.span is not None and self.first <= result.span.line <= self.last


def find_suppressions(text: str) -> list[Suppression]:
    """Every directive in ``text``, with the lines it covers resolved."""
    lines = text.split("\n")
    found = []
    for number, line in enumerate(lines, start=1):
        match = _DIRECTIVE.match(line) if comment_line().fullmatch(line) else None
        if match:
            ids = tuple(i for i in match["ids"].split(",") if i)
            found.append(Suppression(number, match["action"], ids, match["reason"].strip()))
    for suppression in found:
        suppression.first, suppression.last = _covered(suppression, found, lines)
    return found


def _covered(suppression: Suppression, every: list[Suppression], lines: list[str]) -> tuple[int, int]:
    start = suppression.line + 1
    if suppression.action == "disable-next-line":
        target = next((n for n in range(start, len(lines) + 1) if lines[n - 1].strip()), start)
        return target, target
    if suppression.action == "enable":
        return 0, -1
    if suppression.action == "disable-file":
        return 1, len(lines)
    enables = [
        s.line
        for s in every
        if s.action == "enable" and s.line > suppression.line and set(s.ids) & set(suppression.ids)
    ]
    return start, (min(enables) - 1 if enables else len(lines))


def apply_suppressions(reports: Sequence[ReportResult], text: str, lang: str = "zh") -> list[ReportResult]:
    """The reports without the suppressed failures, plus RV-001/RV-002 for unused and unexplained ones."""
    suppressions = find_suppressions(text)
    if not suppressions or not reports:
        return list(reports)
    active = [s for s in suppressions if s.reason and s.action != "enable"]
    kept = [_filter(report, active, lang) for report in reports]
    for suppression in suppressions:
        if suppression.action != "enable" and _is_problem(suppression):
            # reported in the report the comment stands in (reports are in file order)
            at = max((i for i, r in enumerate(kept) if r.line <= suppression.line), default=0)
            kept[at] = dataclasses.replace(kept[at], results=(*kept[at].results, _problem(suppression, lang)))
    return kept


def _filter(report: ReportResult, active: list[Suppression], lang: str) -> ReportResult:
    def hidden(result: Result) -> bool:
        hiding = next((s for s in active if s.covers(result)), None)
        if hiding is not None:
            hiding.used.add(result.id)
        return hiding is not None

    message = "问题均已按注释抑制" if lang != "en" else "every finding suppressed by comment"
    return drop_failures(report, hidden, message)


def _is_problem(suppression: Suppression) -> bool:
    return not suppression.reason or set(suppression.ids) - suppression.used != set()


def _problem(suppression: Suppression, lang: str) -> Result:
    span = Span.on_line(suppression.line, 1, 2)
    ids = ",".join(suppression.ids)
    if not suppression.reason:
        zh, en = f"抑制注释缺少理由，未生效：{ids}", f"suppression without a reason, not applied: {ids}"
        return Result("rule", MALFORMED, "fail", "warning", en if lang == "en" else zh, span)
    unused = ",".join(i for i in suppression.ids if i not in suppression.used)
    zh, en = f"抑制注释未抑制任何问题：{unused}", f"suppression hid nothing: {unused}"
    return Result("rule", UNUSED, "fail", "warning", en if lang == "en" else zh, span)
