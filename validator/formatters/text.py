"""The text format: a checklist a reviewer reads, rule findings an editor can jump to.

Per report it prints a header, then each checklist item as ✔ or ✘ with its
evidence line, so a reviewer sees what was checked and not only what failed.
Failed rules follow as ``path:line:col: severity CODE message``: the line
shape of compilers and linters, which editors and CI problem matchers already
parse. That is why those lines are not indented and their severity word stays
in English whatever ``--lang`` says, while the message is in the user's
language. Passed rules are only counted: forty ✔ lines of "no problem found"
would bury the three that matter. One summary line ends the output (its wording
is part of the contract in DESIGN.md).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from validator.formatters import FormatOptions, readable_reports, summarize
from validator.messages import message
from validator.model import FileResult, ReportResult, Result

__all__ = ["format_text", "summary_line"]

_MARKS = {"pass": "✔", "fail": "✘"}
_COLORS = {"pass": "\x1b[32m", "fail": "\x1b[31m"}  # ANSI green, red
_RESET = "\x1b[0m"


def format_text(files: Sequence[FileResult], options: FormatOptions) -> str:
    """The whole run as text: one block per report (or per unreadable file), then the summary."""
    blocks = [block for file in files for block in _file_blocks(file, options)]
    blocks.append([summary_line(files, options.lang)])
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


def summary_line(files: Sequence[FileResult], lang: str = "zh") -> str:
    """``检查 3 份报告：通过 41 项，未通过 2 项``, plus the unreadable files if there were any."""
    summary = summarize(files)
    line = message(
        "format.summary",
        lang,
        reports=summary.reports,
        passed=summary.passed,
        failed=summary.failed,
        s=_plural(summary.reports),
    )
    if summary.errors:
        line += message("format.unreadable", lang, count=summary.errors, s=_plural(summary.errors))
    return line


def _file_blocks(file: FileResult, options: FormatOptions) -> list[list[str]]:
    if file.error is not None:  # said once, on stderr, by the command line; counted in the summary
        return []
    reports = readable_reports(file)
    if not reports:  # say so, rather than let a checked file vanish from the output
        return [[message("format.no_reports", options.lang, path=file.path)]]
    return [_report_lines(file.path, report, options) for report in reports]


def _report_lines(path: str, report: ReportResult, options: FormatOptions) -> list[str]:
    lang = options.lang
    lines = [_header(path, report, lang)]
    labels = options.checklist_labels.get(report.checklist, {})
    items = [r for r in report.results if r.kind == "item"]
    lines += [_item_line(r, labels, options) for r in items if options.show_passed or r.status == "fail"]
    rules = [r for r in report.results if r.kind == "rule"]
    failed = sorted((r for r in rules if r.status == "fail"), key=lambda r: (*_position(r, report), r.id))
    lines.append("  " + message("format.rules", lang, passed=len(rules) - len(failed), failed=len(failed)))
    lines += [_finding_line(path, r, report) for r in failed]
    return lines


def _header(path: str, report: ReportResult, lang: str) -> str:
    title = report.title or message("outline.untitled", lang)
    return message(
        "format.report", lang, path=path, title=title, line=report.line, checklist=report.checklist
    )


def _item_line(result: Result, labels: Mapping[str, str], options: FormatOptions) -> str:
    """``  ✘ 存在的问题  错误  第 31 行  message``: severity only on a fail, line only with a span."""
    parts = [f"{_mark(result.status, options.color)} {labels.get(result.id, result.id)}"]
    if result.status == "fail":
        parts.append(message(f"severity.{result.severity}", options.lang))
    if result.span is not None:
        parts.append(message("format.at_line", options.lang, line=result.span.line))
    if result.message:
        parts.append(_one_line(result.message))
    return "  " + "  ".join(parts)


def _finding_line(path: str, result: Result, report: ReportResult) -> str:
    line, column = _position(result, report)
    return f"{path}:{line}:{column}: {result.severity} {result.id} {_one_line(result.message)}"


def _position(result: Result, report: ReportResult) -> tuple[int, int]:
    """Where a finding points; one without a span points at its report's first line."""
    return (result.span.line, result.span.column) if result.span else (report.line, 1)


def _mark(status: str, color: bool) -> str:
    mark = _MARKS[status]
    return f"{_COLORS[status]}{mark}{_RESET}" if color else mark


def _one_line(text: str) -> str:
    """Keep one finding on one line: a problem matcher reads a line break as a new finding.

    Only line breaks are replaced; other whitespace (a fullwidth space a
    message quotes, say) is left as it is.
    """
    return " ".join(text.splitlines())


def _plural(count: int) -> str:
    return "" if count == 1 else "s"
