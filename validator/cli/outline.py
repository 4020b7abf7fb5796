"""Show a parsed file's heading tree: as an indented text tree or as JSON.

The text form is for a person checking at a glance that the validator reads
the report as they do: the line number in a gutter, then each heading
indented by its depth, run-in headings marked with … (body text follows).
"""

from __future__ import annotations

import json
from typing import Any

from validator import __version__
from validator.messages import message
from validator.model import Document, Heading, ParsedFile


def outline_json(parsed: ParsedFile) -> str:
    """The outline contract of DESIGN.md: per report, its title and heading tree."""
    payload = {
        "tool": {"name": "report-validator", "version": __version__},
        "path": parsed.path,
        "reports": [_report_dict(document) for document in parsed.documents],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)


def _report_dict(document: Document) -> dict[str, Any]:
    return {
        "title": document.title.text if document.title else None,
        "line": document.title.span.line if document.title else document.first_line,
        "lead_line": document.lead.span.line if document.lead else None,
        "headings": [heading_dict(heading) for heading in document.headings],
    }


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


def outline_text(parsed: ParsedFile, lang: str = "zh") -> str:
    """An indented tree, one heading per line, with line numbers in a gutter."""
    width = len(str(max((p.span.line for p in parsed.paragraphs), default=1)))
    out = [parsed.path]
    count = len(parsed.documents)
    for number, document in enumerate(parsed.documents, start=1):
        out.append(_report_header(document, number, count, lang))
        out.extend(_heading_lines(document.headings, width))
        if not document.headings:
            out.append("  " + message("outline.no_headings", lang))
    return "\n".join(out) + "\n"


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
