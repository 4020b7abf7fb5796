"""Helpers shared by the built-in rules: which paragraphs to read, and spans inside them.

A character at offset ``i`` of ``paragraph.text`` stands at column
``paragraph.span.column + i`` of line ``paragraph.span.line`` (a paragraph is
one line of the source), so a finding can point at exactly the characters at fault.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.model import Document, Paragraph, Span

# Paragraph kinds whose text is the report's own prose (not the 目录, not the title).
PROSE_KINDS = frozenset({"body", "heading", "enum", "salutation", "closing"})


def span_in(paragraph: Paragraph, start: int, end: int) -> Span:
    """The span of ``paragraph.text[start:end]``."""
    column = paragraph.span.column
    return Span.on_line(paragraph.span.line, column + start, column + max(end, start + 1))


def prose(document: Document) -> Iterator[Paragraph]:
    """The report's prose paragraphs, in order: body, headings, enumeration items."""
    return (paragraph for paragraph in document.paragraphs if paragraph.kind in PROSE_KINDS)


def text_paragraphs(document: Document) -> Iterator[Paragraph]:
    """Every paragraph of the report that a reader reads, the title included."""
    return (p for p in document.paragraphs if p.kind in PROSE_KINDS or p.kind == "title")
