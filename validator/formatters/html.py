"""The HTML format: one self-contained page for the reviewer of many reports.

The 上级党委办公室 that receives 30–200 reports in January wants to see at a
glance which reports lack a part and which rules fire where; no tool in this
field gives that overview. The page has, from the top: the summary line, a
matrix of reports × checklist items (✔, or ✘ coloured by severity; sortable by
any column, filterable by unit, checklist and item), the totals per rule across
all reports, then each report's findings with excerpts, folded as in the text
format.

It must be safe to open a page made from files nobody vetted: Jinja2 escapes
every value (autoescape), the script reads and writes text only (never
``innerHTML``), and a Content-Security-Policy allows no outside load at all,
only this page's own styles and its one script (by hash). The page works
offline and prints on A4 (the controls are hidden in print). Jinja2 is imported
only when this format is asked for.

The view model is built here, in plain dataclasses, so that the template only
lays out and the counting stays shared with the text format.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import PurePath

from validator.formatters.base import FormatOptions, readable_reports, tally
from validator.formatters.excerpt import Excerpt, excerpt, place, source_line
from validator.formatters.text import grouped, summary_line
from validator.messages import message
from validator.model import SEVERITY_RANK, Checklist, FileResult, ReportResult, Result
from validator.regexes import compiled

__all__ = ["build_page", "format_html", "unit_of"]

_TEMPLATES = "templates"
# The issuing body of a report is its title up to 关于, the year or 落实: 中共青山县审计局党组 | 关于2024年度…
# (a title may also open with the year: 2023年 | 市水务局党组 | 落实…)
_UNIT_END = compiled(r"关于|(?:19|20)\d{2}\s*年|落实|贯彻")
_UNIT_PREFIX = compiled(r"^(?:(?:19|20)\d{2}\s*年度?)?(?:中共)?")


@dataclass(frozen=True)
class Column:
    """One checklist item column of the matrix (items of every checklist used, first seen first)."""

    id: str
    label: str


@dataclass(frozen=True)
class Cell:
    """One report's result for one item: ``status`` is pass, error, warning, info or empty (not checked)."""

    status: str
    mark: str
    tip: str
    rank: int  # for sorting: failures by severity first


@dataclass(frozen=True)
class Finding:
    """One shown finding: where, what, the excerpt; ``more`` says how many of its rule follow unshown."""

    line: int
    column: int
    code: str
    severity: str
    severity_word: str
    message: str
    excerpt: Excerpt | None
    gutter: str
    more: str


@dataclass(frozen=True)
class Row:
    """One report: a matrix row and a section with its findings."""

    anchor: str
    path: str
    title: str
    unit: str
    checklist: str
    checklist_name: str
    cells: tuple[Cell, ...]
    counts: dict[str, int]
    failed_items: tuple[str, ...]
    findings: tuple[Finding, ...]
    findings_heading: str


@dataclass(frozen=True)
class RuleTotal:
    code: str
    summary: str
    severity: str
    severity_word: str
    reports: int
    findings: int


@dataclass
class Page:
    lang: str
    words: dict[str, str]
    summary: str
    columns: list[Column] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    checklists: list[tuple[str, str]] = field(default_factory=list)
    unreadable: list[tuple[str, str]] = field(default_factory=list)
    totals: list[RuleTotal] = field(default_factory=list)
    version: str = ""


def format_html(files: Sequence[FileResult], options: FormatOptions) -> str:
    """The whole run as one HTML document (UTF-8, no outside resources)."""
    import jinja2  # only here: the other formats need no template engine

    page = build_page(files, options)
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    template = env.from_string(_read_template("report.html.j2"))
    script = _read_template("report.js")
    style = _read_template("report.css")
    return template.render(page=page, script=script, style=style, script_hash=_csp_hash(script))


def build_page(files: Sequence[FileResult], options: FormatOptions) -> Page:
    """The view model: rows, item columns, rule totals and the words of the page in ``options.lang``."""
    lang = options.lang
    page = Page(lang=lang, words=_words(lang), summary=summary_line(files, lang), version=options.version)
    used: dict[str, Checklist | None] = {}
    for file in files:
        if file.error is not None:
            page.unreadable.append((file.path, file.error))
        for report in readable_reports(file):
            chosen = report.checklist or ""  # none (genre not recognised) is a checklist of no items here
            used.setdefault(chosen, options.checklists.get(chosen))
    page.columns = _columns(used, options)
    page.checklists = [(cid, _checklist_name(cid, options)) for cid in used]
    number = 0
    for file in files:
        for report in readable_reports(file):
            number += 1
            page.rows.append(_row(number, file, report, page.columns, options))
    page.totals = _totals(files, options)
    return page


def unit_of(title: str | None, path: str) -> str:
    """The reporting unit as the title names it (中共 dropped), else the file name: what one filters by."""
    if title:
        rest = _UNIT_PREFIX.sub("", title, count=1)
        match = _UNIT_END.search(rest)
        unit = rest[: match.start()].strip() if match else ""
        return unit or title
    return PurePath(path).stem


def _columns(used: dict[str, Checklist | None], options: FormatOptions) -> list[Column]:
    columns: dict[str, Column] = {}
    for checklist_id, checklist in used.items():
        labels = options.checklist_labels.get(checklist_id, {})
        items = checklist.items if checklist else ()
        for item in items:
            columns.setdefault(item.id, Column(item.id, labels.get(item.id) or item.label.get(options.lang)))
    return list(columns.values())


def _checklist_name(checklist_id: str, options: FormatOptions) -> str:
    if not checklist_id:
        return message("format.no_genre", options.lang)
    checklist = options.checklists.get(checklist_id)
    return checklist.name.get(options.lang) if checklist else checklist_id


def _row(
    number: int, file: FileResult, report: ReportResult, columns: list[Column], options: FormatOptions
) -> Row:
    lang = options.lang
    items = {r.id: r for r in report.results if r.kind == "item"}
    cells = tuple(_cell(items.get(column.id), lang) for column in columns)
    failures = sorted(
        (r for r in report.results if r.kind == "rule" and r.status == "fail"),
        key=lambda r: (r.span.line, r.span.column) if r.span else (report.line, 0),
    )
    findings = tuple(
        _finding(file, report, result, more, lang) for result, more in grouped(failures, options.group)
    )
    counts = {severity: 0 for severity in SEVERITY_RANK}
    for result in report.results:
        if result.status == "fail":
            counts[result.severity] += 1
    labels = {column.id: column.label for column in columns}
    counted = tally(report)
    return Row(
        anchor=f"report-{number}",
        path=file.path,
        title=report.title or message("outline.untitled", lang),
        unit=unit_of(report.title, file.path),
        checklist=report.checklist or "",  # none: the genre was not recognised
        checklist_name=_checklist_name(report.checklist or "", options),
        cells=cells,
        counts=counts,
        failed_items=tuple(
            message("report_page.item", lang, label=labels.get(r.id, r.id), message=r.message)
            for r in items.values()
            if r.status == "fail"
        ),
        findings=findings,
        findings_heading=message("report_page.findings", lang, count=counted.findings - counted.items_failed),
    )


def _cell(result: Result | None, lang: str) -> Cell:
    if result is None:
        return Cell("empty", "", "", -1)
    if result.status == "pass":
        return Cell("pass", "✔", result.message, 0)
    tip = f"{message(f'severity.{result.severity}', lang)}：{result.message}"
    return Cell(result.severity, "✘", tip, SEVERITY_RANK[result.severity])


def _finding(file: FileResult, report: ReportResult, result: Result, more: int, lang: str) -> Finding:
    line, column = (result.span.line, result.span.column) if result.span else (report.line, 1)
    cut, gutter = None, ""
    if file.source is not None and result.span is not None:
        text = source_line(file.source, result.span.line)
        if text is not None:
            cut = excerpt(text, result.span, result.span.line, width=80, before=24)
            line_word = message("format.at_line", lang, line=result.span.line)
            gutter = place(file.source, result.span.line, lang) or line_word
    return Finding(
        line,
        column,
        result.id,
        result.severity,
        message(f"severity.{result.severity}", lang),
        result.message,
        cut,
        gutter,
        message("format.more", lang, count=more, code=result.id) if more else "",
    )


def _totals(files: Sequence[FileResult], options: FormatOptions) -> list[RuleTotal]:
    """Per rule that fired anywhere: in how many reports, how many times, at its worst severity."""
    reports: dict[str, int] = {}
    findings: dict[str, int] = {}
    worst: dict[str, str] = {}
    for file in files:
        for report in readable_reports(file):
            fired = set()
            for result in report.results:
                if result.kind != "rule" or result.status != "fail":
                    continue
                fired.add(result.id)
                findings[result.id] = findings.get(result.id, 0) + 1
                seen = worst.get(result.id, result.severity)
                worst[result.id] = max(seen, result.severity, key=SEVERITY_RANK.__getitem__)
            for code in fired:
                reports[code] = reports.get(code, 0) + 1
    totals = []
    for code in sorted(findings, key=lambda c: (-SEVERITY_RANK[worst[c]], -findings[c], c)):
        rule = options.rules.get(code)
        totals.append(
            RuleTotal(
                code,
                rule.summary.get(options.lang) if rule else "",
                worst[code],
                message(f"severity.{worst[code]}", options.lang),
                reports[code],
                findings[code],
            )
        )
    return totals


def _words(lang: str) -> dict[str, str]:
    """Every fixed word of the page, from the message catalogue (keys ``html.*``)."""
    from validator.messages import catalogue_keys

    return {key.removeprefix("html."): message(key, lang) for key in catalogue_keys("html.")}


def _read_template(name: str) -> str:
    return (resources.files("validator.formatters") / _TEMPLATES / name).read_text(encoding="utf-8")


def _csp_hash(script: str) -> str:
    """The CSP source that allows exactly this inline script and no other (no injected one)."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"
