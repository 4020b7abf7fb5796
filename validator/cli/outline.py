"""Show a parsed file's heading tree: as an indented text tree or as JSON.

The text form is for a person checking at a glance that the validator reads
the report as they do: the line number in a gutter, then each heading
indented by its depth, run-in headings marked with … (body text follows).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from validator import __version__
from validator.messages import message
from validator.model import Document, Heading, ParsedFile, Text

# A report's checklist as ``outline`` shows it: (checklist id or None, basis), per report.
Choice = tuple[str | None, Text]


def outline_json(parsed: ParsedFile, choices: Sequence[Choice] = ()) -> str:
    """The outline contract of DESIGN.md: per report, its title and heading tree.

    With ``choices``, each report also names its checklist (null: none) and the basis;
    every report names its end matter (附件, 落款, 成文日期, 附注, 抄送, 印发).
    """
    payload = {
        "tool": {"name": "report-validator", "version": __version__},
        "path": parsed.path,
        "reports": [
            _report_dict(document, choices[i] if i < len(choices) else None)
            for i, document in enumerate(parsed.documents)
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)


def _report_dict(document: Document, choice: Choice | None) -> dict[str, Any]:
    report: dict[str, Any] = {
        "title": document.title.text if document.title else None,
        "line": document.title.span.line if document.title else document.first_line,
        "lead_line": document.lead.span.line if document.lead else None,
        "headings": [heading_dict(heading) for heading in document.headings],
        "end_matter": [
            {"role": part.role, "line": part.paragraph.span.line, "text": part.paragraph.text}
            for part in document.end_matter
        ],
    }
    if choice is not None:
        report["checklist"], report["checklist_basis"] = choice[0], choice[1].zh or None
    return report


def heading_dict(heading: Heading) -> dict[str, Any]:
    """One node of the JSON outline; ``level`` is the marker's GB/T 9704 level (null for 一是…)."""
    return {
        "kind": heading.kind,
        "level": heading.rank,
        "depth": heading.depth,
        "marker": heading.marker,
        "number": heading.number,
        "title": heading.title,
        "run_in": heading.run_in,
        "line": heading.span.line,
        "column": heading.span.column,
        "end_line": heading.span.end_line,
        "end_column": heading.span.end_column,
        "children": [heading_dict(child) for child in heading.children],
    }


def outline_text(parsed: ParsedFile, lang: str = "zh", choices: Sequence[Choice] = ()) -> str:
    """An indented tree, one heading per line, with line numbers in a gutter; then the end matter."""
    width = len(str(max((p.span.line for p in parsed.paragraphs), default=1)))
    out = [parsed.path]
    count = len(parsed.documents)
    for number, document in enumerate(parsed.documents, start=1):
        out.append(_report_header(document, number, count, lang))
        if number <= len(choices):
            out.append("  " + _choice_line(choices[number - 1], lang))
        out.extend(_heading_lines(document.headings, width))
        if not document.headings:
            out.append("  " + message("outline.no_headings", lang))
        if document.end_matter:
            out.append("  " + message("outline.end_matter", lang))
            out.extend(
                f"  {part.paragraph.span.line:>{width}}  〔{message('end_matter.' + part.role, lang)}〕"
                f"{part.paragraph.text}"
                for part in document.end_matter
            )
    return "\n".join(out) + "\n"


def _choice_line(choice: Choice, lang: str) -> str:
    checklist, basis = choice
    if checklist is None:
        return message("format.no_checklist_basis", lang, basis=basis.get(lang))
    return message("format.checklist", lang, checklist=checklist, basis=basis.get(lang))


def _report_header(document: Document, number: int, count: int, lang: str) -> str:
    title = document.title.text if document.title else message("outline.untitled", lang)
    line = document.title.span.line if document.title else document.first_line
    return message("outline.report", lang, number=number, count=count, title=title, line=line)


def _heading_lines(headings: tuple[Heading, ...], width: int) -> list[str]:
    lines = []
    for top in headings:
        for heading in top.walk():
            indent = "    " * (heading.depth - 1)
            marker = heading.marker or "▸ "
            tail = " …" if heading.run_in else ""
            lines.append(f"  {heading.span.line:>{width}}  {indent}{marker}{heading.title}{tail}")
    return lines
