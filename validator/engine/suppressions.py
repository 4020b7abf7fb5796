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

import bisect
import dataclasses
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

from validator.engine.evaluate import drop_failures
from validator.model import ReportResult, Result, Span
from validator.parse.lines import comment_line
from validator.regexes import compiled

UNUSED = "RV-001"
MALFORMED = "RV-002"

_DIRECTIVE = compiled(
    r"^[ \t\u3000]*<!--\s*report-validator:\s*(?P<action>disable-next-line|disable-file|disable|enable)"
    r"\s*=\s*(?P<ids>[A-Za-z0-9_,\-]+)(?P<reason>[^\n]*?)\s*-->[ \t\u3000]*$"
)
_MARK = "report-validator:"  # what every line _DIRECTIVE matches holds, as written


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
    """Every directive in ``text``, with the lines it covers resolved.

    Linear in the file (a file of 10^5 directives must not cost minutes): the next non-blank
    line and each id's ``enable`` lines are looked up, not searched for per directive.
    """
    if _MARK not in text:  # no directive without it: one look at the text, not a pattern per line
        return []
    lines = text.split("\n")
    found = []
    for number, line in enumerate(lines, start=1):
        match = _DIRECTIVE.match(line) if comment_line().fullmatch(line) else None
        if match:
            ids = tuple(i for i in match["ids"].split(",") if i)
            found.append(Suppression(number, match["action"], ids, match["reason"].strip()))
    if not found:
        return found
    next_content = _next_content(lines)
    enables: dict[str, list[int]] = {}
    for suppression in found:
        if suppression.action == "enable":
            for name in suppression.ids:
                enables.setdefault(name, []).append(suppression.line)
    for suppression in found:
        suppression.first, suppression.last = _covered(suppression, enables, next_content, len(lines))
    return found


def _next_content(lines: list[str]) -> list[int]:
    """For each line number n (1-based, index n), the first non-blank line at or after n (0: none)."""
    following = [0] * (len(lines) + 2)
    for number in range(len(lines), 0, -1):
        following[number] = number if lines[number - 1].strip() else following[number + 1]
    return following


def _covered(
    suppression: Suppression, enables: dict[str, list[int]], next_content: list[int], count: int
) -> tuple[int, int]:
    start = suppression.line + 1
    if suppression.action == "disable-next-line":
        target = next_content[start] if start <= count else 0
        return (target, target) if target else (start, start)
    if suppression.action == "enable":
        return 0, -1
    if suppression.action == "disable-file":
        return 1, count
    ends = []
    for name in set(suppression.ids):
        lines = enables.get(name, [])
        at = bisect.bisect_right(lines, suppression.line)
        if at < len(lines):
            ends.append(lines[at])
    return start, (min(ends) - 1 if ends else count)


def apply_suppressions(reports: Sequence[ReportResult], text: str, lang: str = "zh") -> list[ReportResult]:
    """The reports without the suppressed failures, plus RV-001/RV-002 for unused and unexplained ones."""
    suppressions = find_suppressions(text)
    if not suppressions or not reports:
        return list(reports)
    active = [s for s in suppressions if s.reason and s.action != "enable"]
    kept = [_filter(report, active, lang) for report in reports]
    report_lines = [report.line for report in kept]
    problems: dict[int, list[Result]] = {}
    for suppression in suppressions:
        if suppression.action != "enable" and _is_problem(suppression):
            # reported in the report the comment stands in (reports are in file order)
            at = _report_at(report_lines, suppression.line)
            problems.setdefault(at, []).append(_problem(suppression, lang))
    for at, extra in problems.items():
        kept[at] = dataclasses.replace(kept[at], results=(*kept[at].results, *extra))
    return kept


def _report_at(report_lines: list[int], line: int) -> int:
    """The index of the last report starting at or before ``line`` (0 when none does).

    Reports are in file order, so their lines ascend; where they do not (a report without a
    title starts at its first line), the original linear search decides.
    """
    if all(a <= b for a, b in itertools.pairwise(report_lines)):
        return max(0, bisect.bisect_right(report_lines, line) - 1)
    return max((i for i, start in enumerate(report_lines) if start <= line), default=0)


def _filter(report: ReportResult, active: list[Suppression], lang: str) -> ReportResult:
    hiding = _hiding(report.results, active)

    def hidden(result: Result) -> bool:
        return id(result) in hiding

    message = "问题均已按注释抑制" if lang != "en" else "every finding suppressed by comment"
    return drop_failures(report, hidden, message)


def _hiding(results: Sequence[Result], active: list[Suppression]) -> set[int]:
    """The ``id()`` of each failed result some suppression covers, marking the one that hides it.

    The first covering suppression in file order hides a result (and is the one marked used).
    Per id, the results are swept in line order with a heap of the suppressions begun so far,
    smallest directive line first, dropping those ended: linear but for the sorting.
    """
    import heapq  # here: only a file with directives comes this far

    by_id: dict[str, list[Suppression]] = {}
    for suppression in active:
        for name in set(suppression.ids):
            by_id.setdefault(name, []).append(suppression)
    hidden: set[int] = set()
    failing: dict[str, list[Result]] = {}
    for result in results:
        if result.status != "fail" or result.id not in by_id:
            continue
        if result.span is not None:
            failing.setdefault(result.id, []).append(result)
            continue
        # a missing part stands on no line: only a file-level directive reaches it
        whole_file = next((s for s in by_id[result.id] if s.action == "disable-file"), None)
        if whole_file is not None:
            whole_file.used.add(result.id)
            hidden.add(id(result))
    for name, found in failing.items():
        begun = sorted(by_id[name], key=lambda s: s.first)
        heap: list[tuple[int, int, Suppression]] = []
        position = 0
        for result in sorted(found, key=lambda r: r.span.line if r.span else 0):
            line = result.span.line if result.span else 0
            while position < len(begun) and begun[position].first <= line:
                suppression = begun[position]
                heapq.heappush(heap, (suppression.line, position, suppression))
                position += 1
            while heap and heap[0][2].last < line:
                heapq.heappop(heap)
            if heap:
                heap[0][2].used.add(result.id)
                hidden.add(id(result))
    return hidden


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
