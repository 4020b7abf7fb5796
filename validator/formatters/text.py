"""The text format: a checklist a reviewer reads, rule findings a writer can act on.

Per report it prints a header, then each checklist item as ✔ or ✘ with its
evidence line, so a reviewer sees what was checked and not only what failed.
Failed rules follow as ``path:line:col: 严重程度 CODE message``: the line shape
of compilers and linters, which editors jump to; every word of it is in the
user's language (CI problem matchers read the ``github`` and ``gitlab``
formats, not this one). Under each finding stands the text it is about, with
the span underlined as ruff and rustc do (validator.formatters.excerpt): a
Word user has no column to count. A rule that fires more than three times in
one report shows three and then ``同类问题另有 N 处``: 117 identical lines
bury the three other problems of the report; ``--no-group`` lists them all.
Passed rules are only counted. One summary line ends the output (its wording
is part of the contract in DESIGN.md; docs/output.md says what it counts).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from validator.formatters.base import FormatOptions, Summary, Tally, readable_reports, summarize, tally
from validator.formatters.excerpt import excerpt, place, source_line
from validator.messages import message
from validator.model import FileResult, ReportResult, Result, Source

__all__ = ["GROUP_AFTER", "format_text", "grouped", "summary_line"]

GROUP_AFTER = 3  # findings of one rule shown per report before the rest are folded

_MARKS = {"pass": "✔", "fail": "✘"}
_COLORS = {
    "pass": "\x1b[32m",  # green
    "fail": "\x1b[31m",  # red
    "error": "\x1b[1;31m",  # bold red
    "warning": "\x1b[33m",  # yellow
    "info": "\x1b[36m",  # cyan
    "dim": "\x1b[2m",
}
_RESET = "\x1b[0m"


def format_text(files: Sequence[FileResult], options: FormatOptions) -> str:
    """The whole run as text: one block per report (or per file without reports), then the summary."""
    blocks: list[list[str]] = []
    tallies: list[Tally] = []  # each report counted once, for its own line and for the summary
    for file in files:  # a file with an input error is said once on stderr, and counted in the summary
        reports = readable_reports(file)
        if file.error is None and not reports:  # say so, rather than let a checked file vanish
            blocks.append([message("format.no_reports", options.lang, path=file.path)])
        for report in reports:
            tallies.append(tally(report))
            blocks.append(_report_lines(file, report, tallies[-1], options))
    blocks.append([_summary_text(summarize(files, tallies), options.lang)])
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


def summary_line(files: Sequence[FileResult], lang: str = "zh") -> str:
    """``检查 3 份报告：通过 41 项，未通过 2 项（5 处问题）``, plus the unreadable files if any."""
    return _summary_text(summarize(files), lang)


def _summary_text(summary: Summary, lang: str) -> str:
    """The summary line of counts already made (``summary_line``)."""
    line = message(
        "format.summary",
        lang,
        reports=summary.reports,
        passed=summary.passed,
        failed=summary.failed,
        s=_plural(summary.reports),
    )
    if summary.failed:
        line += message("format.findings", lang, count=summary.findings, s=_plural(summary.findings))
    if summary.errors:
        line += message("format.unreadable", lang, count=summary.errors, s=_plural(summary.errors))
    return line


def grouped(failures: Sequence[Result], group: bool) -> Iterator[tuple[Result, int]]:
    """Each failure to show, with how many more of its rule follow unshown (0 but after the last shown).

    Failures come in the order given; with ``group``, a rule's first
    ``GROUP_AFTER`` are shown and the third carries the count of the rest.
    """
    totals: dict[str, int] = {}
    for result in failures:
        totals[result.id] = totals.get(result.id, 0) + 1
    seen: dict[str, int] = {}
    for result in failures:
        seen[result.id] = seen.get(result.id, 0) + 1
        if not group:
            yield result, 0
        elif seen[result.id] <= GROUP_AFTER:
            hidden = totals[result.id] - GROUP_AFTER if seen[result.id] == GROUP_AFTER else 0
            yield result, max(hidden, 0)


def _report_lines(file: FileResult, report: ReportResult, counts: Tally, options: FormatOptions) -> list[str]:
    lang = options.lang
    lines = [_header(file.path, report, options)]
    labels = options.checklist_labels.get(report.checklist or "", {})
    items = [r for r in report.results if r.kind == "item"]
    lines += [_item_line(r, labels, options) for r in items if options.show_passed or r.status == "fail"]
    lines.append(
        "  "
        + message(
            "format.rules",
            lang,
            passed=counts.rules_passed,
            failed=counts.rules_failed,
            findings=counts.findings - counts.items_failed,
        )
    )
    failed = sorted(
        (r for r in report.results if r.kind == "rule" and r.status == "fail"),
        key=lambda r: (*_position(r, report), r.id),
    )
    for result, hidden in grouped(failed, options.group):
        lines.append(_finding_line(file.path, result, report, options))
        lines += _excerpt_lines(file.source, result, options)
        if hidden:
            more = message("format.more", lang, count=hidden, code=result.id)
            lines.append("  " + _paint(more, "dim", options.color))
    return lines


def _header(path: str, report: ReportResult, options: FormatOptions) -> str:
    lang = options.lang
    title = report.title or message("outline.untitled", lang)
    chosen = choice_line(report, options)
    return message("format.report", lang, path=path, title=title, line=report.line, checklist=chosen)


def choice_line(report: ReportResult, options: FormatOptions) -> str:
    """``检查清单：self-review（依据：标题“对照检查材料”）``, or ``未识别文种：只检查通用规则``.

    The id is what ``--checklist`` takes to choose another; the basis says why this one.
    """
    lang = options.lang
    basis = report.basis.get(lang)
    if not report.checklist:
        return message("format.no_checklist_basis" if basis else "format.no_checklist", lang, basis=basis)
    key = "format.checklist" if basis else "format.checklist_forced"
    return message(key, lang, checklist=report.checklist, basis=basis)


def _item_line(result: Result, labels: Mapping[str, str], options: FormatOptions) -> str:
    """``  ✘ 存在的问题  错误  第 31 行  message``: severity only on a fail, line only with a span."""
    mark = _paint(_MARKS[result.status], result.status, options.color)
    parts = [f"{mark} {labels.get(result.id, result.id)}"]
    if result.status == "fail":
        parts.append(_severity(result, options))
    if result.span is not None:
        parts.append(message("format.at_line", options.lang, line=result.span.line))
    if result.message:
        parts.append(_one_line(result.message))
    return "  " + "  ".join(parts)


def _finding_line(path: str, result: Result, report: ReportResult, options: FormatOptions) -> str:
    line, column = _position(result, report)
    return f"{path}:{line}:{column}: {_severity(result, options)} {result.id} {_one_line(result.message)}"


def _severity(result: Result, options: FormatOptions) -> str:
    """错误/警告/提示 (error/warning/info with ``--lang en``), coloured by severity on a terminal."""
    return _paint(message(f"severity.{result.severity}", options.lang), result.severity, options.color)


def _excerpt_lines(source: Source | None, result: Result, options: FormatOptions) -> list[str]:
    """The finding's line, cut around the span, and the carets under the span; nothing without both."""
    if source is None or result.span is None:
        return []
    text = source_line(source, result.span.line)
    if text is None:
        return []
    cut = excerpt(text, result.span, result.span.line)
    gutter = place(source, result.span.line, options.lang) or str(result.span.line).rjust(4)
    pad = " " * len(gutter)
    carets = _paint(cut.underline(), result.severity, options.color)
    return [f"  {gutter} | {cut.text}", f"  {pad} | {carets}"]


def _position(result: Result, report: ReportResult) -> tuple[int, int]:
    """Where a finding points; one without a span points at its report's first line."""
    return (result.span.line, result.span.column) if result.span else (report.line, 1)


def _paint(text: str, style: str, color: bool) -> str:
    return f"{_COLORS[style]}{text}{_RESET}" if color else text


def _one_line(text: str) -> str:
    """Keep one finding on one line: a problem matcher reads a line break as a new finding.

    Only line breaks are replaced; other whitespace (a fullwidth space a
    message quotes, say) is left as it is.
    """
    return " ".join(text.splitlines())


def _plural(count: int) -> str:
    return "" if count == 1 else "s"
