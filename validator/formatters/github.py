"""The GitHub Actions format: workflow commands that become annotations, and a job summary.

Each failed result is one ``::error``/``::warning``/``::notice`` line, which
GitHub shows on the pull request beside the line it concerns; an unreadable
file is an ``::error`` on the file. Values are escaped exactly as GitHub's own
toolkit does (``actions/toolkit``, ``packages/core/src/command.ts``), so a
message with a line break, a comma or a ``%`` arrives intact.

GitHub shows at most 10 annotations of each level per step (50 per job) and
drops the rest without a word. So the lines come most severe first, every one
is printed (the log keeps them all), and when a level overflows one extra
``::notice`` says how many were not shown and where to find them. That notice
is printed *first*, because a notice printed after ten others would itself be
dropped. Columns are given only for a one-line span: the runner discards
``col``/``endColumn`` when ``line`` and ``endLine`` differ.

When ``GITHUB_STEP_SUMMARY`` is set, a Markdown summary (one table per report,
passes included, as the text format shows them) is appended to that file,
kept under GitHub's 1 MiB cap. Writing it is a side effect of formatting,
which is how GitHub defines the file: every step appends to its own.
"""

from __future__ import annotations

import html
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from validator.formatters.base import FormatOptions, readable_reports
from validator.formatters.naming import relative_to_cwd, result_title
from validator.formatters.text import summary_line
from validator.messages import message
from validator.model import SEVERITY_RANK, FileResult, ReportResult, Result
from validator.regexes import compiled

__all__ = [
    "LIMIT_PER_LEVEL",
    "STEP_SUMMARY_LIMIT",
    "command",
    "escape_data",
    "escape_property",
    "format_github",
    "step_summary",
]

LIMIT_PER_LEVEL = 10  # annotations GitHub shows per level and per step
STEP_SUMMARY_LIMIT = 1024 * 1024  # bytes; GitHub refuses a larger step summary
_NOTE_RESERVE = 1024  # bytes kept free for the line that says the summary was cut
_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
_MARKS = {"pass": "✔", "fail": "✘"}
_WORDS: dict[str, tuple[str, str]] = {
    "overflow": (
        "GitHub 每个步骤最多显示错误、警告、提示注释各 {limit} 条：另有 {hidden} 条未显示为注释，"
        "全部 {total} 条见本步骤日志{where}",
        "GitHub shows at most {limit} error, {limit} warning and {limit} notice annotations per step: "
        "{hidden} more are not shown as annotations; all {total} are in this step's log{where}",
    ),
    "where_summary": ("和作业摘要", " and the job summary"),
    "heading": ("report-validator 检查结果", "report-validator results"),
    "columns": (
        "| 检查项 / 规则 | 结果 | 严重程度 | 行 | 说明 |",
        "| Item / rule | Result | Severity | Line | Message |",
    ),
    "report": ("第 {line} 行 · 检查清单 {checklist}", "line {line} · checklist {checklist}"),
    "untitled": ("（无标题）", "(untitled)"),
    "passed_rules": ("通过的规则：{codes}", "Rules passed: {codes}"),
    "no_reports": ("未发现报告", "No reports found"),
    "input_error": ("无法读取：{error}", "Could not be read: {error}"),
    "truncated": (
        "（摘要已截断，以免超过 GitHub 的 1 MiB 上限：另有 {count} 行结果未列出，完整结果见本步骤日志）",
        "(summary cut to stay under GitHub's 1 MiB limit: {count} more result rows are in this step's log)",
    ),
    "unwritable": ("无法写入作业摘要 {path}：{error}", "could not write the job summary {path}: {error}"),
}


def format_github(files: Sequence[FileResult], options: FormatOptions) -> str:
    """Annotations, most severe first, then the text summary line; appends the job summary when asked."""
    annotations = sorted(_annotations(files, options), key=lambda a: -SEVERITY_RANK[a.severity])
    written, problem = _append_step_summary(files, options)
    lines = [_overflow(annotations, options.lang, written)]
    lines += [annotation.line for annotation in annotations]
    lines += [problem, summary_line(files, options.lang)]
    return "\n".join(line for line in lines if line) + "\n"


# ---------------------------------------------------------------------------- workflow commands


def escape_data(text: str) -> str:
    """A command's message, as ``escapeData`` in the toolkit: ``%`` first, then CR and LF."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value, as ``escapeProperty``: also ``:`` and ``,``, which delimit properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: Mapping[str, object], text: str) -> str:
    """``::name key=value,key=value::text``; like the toolkit, a property with an empty value is left out."""
    pairs = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items() if value)
    return f"::{name}{' ' + pairs if pairs else ''}::{escape_data(text)}"


@dataclass(frozen=True)
class _Annotation:
    severity: str
    line: str


def _annotations(files: Sequence[FileResult], options: FormatOptions) -> Iterator[_Annotation]:
    for file in files:
        path = relative_to_cwd(file.path)
        if file.error is not None:
            yield _Annotation("error", command("error", {"file": path}, file.error))
        for report in readable_reports(file):
            for result in report.results:
                if result.status == "fail":
                    yield _Annotation(result.severity, _result_command(path, report, result, options))


def _result_command(path: str, report: ReportResult, result: Result, options: FormatOptions) -> str:
    title = result_title(result, report, options)
    properties: dict[str, object] = {"file": path, **_place(result, report), "title": title}
    return command(_COMMANDS[result.severity], properties, result.message or title)


def _place(result: Result, report: ReportResult) -> dict[str, int]:
    """Where GitHub puts the annotation; a result without a span goes on its report's title line."""
    span = result.span
    if span is None:
        return {"line": report.line}
    if span.line != span.end_line or span.end_column < span.column:
        return {"line": span.line, "endLine": span.end_line}
    return {"line": span.line, "col": span.column, "endLine": span.end_line, "endColumn": span.end_column}


def _overflow(annotations: Sequence[_Annotation], lang: str, in_summary: bool) -> str:
    """The one notice that says how many annotations GitHub will not show; empty when none is hidden."""
    counts = {level: sum(1 for a in annotations if a.severity == level) for level in _COMMANDS}
    if all(count <= LIMIT_PER_LEVEL for count in counts.values()):
        return ""
    room = {
        "error": LIMIT_PER_LEVEL,
        "warning": LIMIT_PER_LEVEL,
        "info": LIMIT_PER_LEVEL - 1,
    }  # 1: this notice
    hidden = sum(max(count - room[level], 0) for level, count in counts.items())
    where = _word("where_summary", lang) if in_summary else ""
    text = _word("overflow", lang).format(
        limit=LIMIT_PER_LEVEL, hidden=hidden, total=len(annotations), where=where
    )
    return command("notice", {"title": "report-validator"}, text)


# ---------------------------------------------------------------------------- the job summary


def _append_step_summary(files: Sequence[FileResult], options: FormatOptions) -> tuple[bool, str]:
    """Append the summary to ``$GITHUB_STEP_SUMMARY`` when set: whether it was, and a warning if it failed.

    A summary that cannot be written costs the reader a table, not the run its
    annotations, so the failure is a ``::warning``, never a traceback.
    """
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return False, ""
    try:
        used = os.path.getsize(target) if os.path.exists(target) else 0
        markdown = step_summary(files, options, STEP_SUMMARY_LIMIT - used - (1 if used else 0))
        if markdown:
            with open(target, "a", encoding="utf-8", newline="\n") as stream:
                stream.write(("\n" if used else "") + markdown)
    except OSError as error:
        text = _word("unwritable", options.lang).format(path=target, error=error)
        return False, command("warning", {"title": "report-validator"}, text)
    return bool(markdown), ""


def step_summary(
    files: Sequence[FileResult], options: FormatOptions, budget: int = STEP_SUMMARY_LIMIT
) -> str:
    """The run as Markdown in at most ``budget`` UTF-8 bytes: whole when it fits, else cut with a note."""
    lines = list(_summary_lines(files, options))
    if sum(_size(text) for text, _ in lines) <= budget:
        return "".join(text + "\n" for text, _ in lines)
    kept, used = [], 0
    for text, _ in lines:
        if used + _size(text) > budget - _NOTE_RESERVE:
            break
        kept.append(text)
        used += _size(text)
    if not kept:
        return ""
    omitted = sum(1 for _, row in lines[len(kept) :] if row)
    kept += ["", _word("truncated", options.lang).format(count=omitted)]
    return "".join(text + "\n" for text in kept)


def _summary_lines(files: Sequence[FileResult], options: FormatOptions) -> Iterator[tuple[str, bool]]:
    """Markdown lines, each marked when it is a result row (what a cut summary counts as left out)."""
    yield f"## {_word('heading', options.lang)}", False
    yield "", False
    yield _cell(summary_line(files, options.lang)), False
    for file in files:
        yield from _file_lines(file, options)


def _file_lines(file: FileResult, options: FormatOptions) -> Iterator[tuple[str, bool]]:
    path = _cell(relative_to_cwd(file.path))
    if file.error is not None:
        yield from _block(f"### {_MARKS['fail']} {path}", _word("input_error", options.lang), file.error)
        return
    reports = readable_reports(file)
    if not reports:
        yield from _block(f"### {path}", _word("no_reports", options.lang), "")
    for report in reports:
        yield from _report_lines(path, report, options)


def _block(heading: str, template: str, error: str) -> Iterator[tuple[str, bool]]:
    yield "", False
    yield heading, False
    yield "", False
    yield _cell(template.format(error=error)), False


def _report_lines(path: str, report: ReportResult, options: FormatOptions) -> Iterator[tuple[str, bool]]:
    lang = options.lang
    failed = any(result.status == "fail" for result in report.results)
    title = _cell(report.title or _word("untitled", lang))
    yield "", False
    yield f"### {_MARKS['fail' if failed else 'pass']} {path} · {title}", False
    yield "", False
    yield _cell(_word("report", lang).format(line=report.line, checklist=report.checklist or "—")), False
    yield "", False
    yield _word("columns", lang), False
    yield "|---|:-:|---|--:|---|", False
    for result in report.results:
        if result.kind == "item" or result.status == "fail":
            yield _row(result, report, options), True
    passed = sorted({r.id for r in report.results if r.kind == "rule" and r.status == "pass"})
    if passed:
        yield "", False
        yield (
            _cell(_word("passed_rules", lang).format(codes=(", " if lang == "en" else "、").join(passed))),
            False,
        )


def _row(result: Result, report: ReportResult, options: FormatOptions) -> str:
    severity = message(f"severity.{result.severity}", options.lang) if result.status == "fail" else ""
    line = str(result.span.line) if result.span else ""
    cells = [_cell(result_title(result, report, options)), _MARKS[result.status], severity, line]
    return "| " + " | ".join([*cells, _cell(result.message)]) + " |"


_MARKDOWN_SPECIAL = compiled(r"([\\`*_\[\]|~#])")


def _cell(text: str) -> str:
    """Text shown as itself in GitHub Markdown: HTML and Markdown syntax escaped, lines joined by ``<br>``."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))
    return "<br>".join(escaped.splitlines()) if escaped else ""


def _size(text: str) -> int:
    return len(text.encode("utf-8")) + 1  # and its line break


def _word(key: str, lang: str) -> str:
    zh, en = _WORDS[key]
    return en if lang == "en" else zh
