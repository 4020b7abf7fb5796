"""Helpers shared by the built-in rules: which paragraphs to read, and spans inside them.

A character at offset ``i`` of ``paragraph.text`` stands at column
``paragraph.span.column + i`` of line ``paragraph.span.line`` (a paragraph is
one line of the source), so a finding can point at exactly the characters at fault.

The engine runs every rule on one report before it moves on to the next, so what
several rules derive from a report (its prose, its joined text, its sibling groups)
is computed once and kept for that report: ``per_document`` remembers the last
report a function was asked about. A ``Document`` is frozen, so what is derived
from it cannot go stale; it is recognized by identity, never hashed (hashing a
report would read all of it).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Mapping
from itertools import accumulate
from typing import TypeVar

from validator import regexes
from validator.budget import check_deadline
from validator.model import Document, Paragraph, Span
from validator.safe_regex import EncodedText

# Paragraph kinds whose text is the report's own prose (not the 目录, not the title).
PROSE_KINDS = frozenset({"body", "heading", "enum", "salutation", "closing"})
_TEXT_KINDS = PROSE_KINDS | {"title", "end_matter"}  # 落款, dates, 附件: read, never the body's end

_T = TypeVar("_T")


def per_document(function: Callable[[Document], _T]) -> Callable[[Document], _T]:
    """``function`` with its result kept for the last report it was called on.

    The result is shared by every caller: it must not be changed (tuples, named tuples,
    mappings nobody writes to), except a memo that only learns more about that report.
    The last report stays alive until the function is asked about the next one.
    """
    last: list[tuple[Document, _T]] = []

    @functools.wraps(function)
    def cached(document: Document) -> _T:
        entry = last[0] if last else None  # one read: another thread may replace it
        if entry is not None and entry[0] is document:
            return entry[1]
        value = function(document)
        last[:] = [(document, value)]
        return value

    return cached


def lazy(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A regex compiled on first use: most are needed only by the few reports that hold what a
    quick test looks for, and compiling them all at import slows every start."""

    @functools.cache
    def compiled() -> re.Pattern[str]:
        return regexes.compiled(pattern, flags)

    return compiled


def span_in(paragraph: Paragraph, start: int, end: int) -> Span:
    """The span of ``paragraph.text[start:end]``."""
    column = paragraph.span.column
    return Span(paragraph.span.line, column + start, paragraph.span.line, column + max(end, start + 1))


@per_document
def prose_paragraphs(document: Document) -> tuple[Paragraph, ...]:
    """The report's prose paragraphs, in order (computed once per report)."""
    return tuple(paragraph for paragraph in document.paragraphs if paragraph.kind in PROSE_KINDS)


@per_document
def paragraphs_by_index(document: Document) -> Mapping[int, Paragraph]:
    """Each paragraph by its index (shared by the rules and the checklist items: read only)."""
    return {paragraph.index: paragraph for paragraph in document.paragraphs}


@per_document
def prose_indices(document: Document) -> tuple[int, ...]:
    """The ``index`` of each prose paragraph, in order (ascending)."""
    return tuple(paragraph.index for paragraph in prose_paragraphs(document))


@per_document
def reading_paragraphs(document: Document) -> tuple[Paragraph, ...]:
    """Every paragraph a reader reads, the title included (computed once per report)."""
    return tuple(paragraph for paragraph in document.paragraphs if paragraph.kind in _TEXT_KINDS)


def prose(document: Document, start: int = 0) -> Iterator[Paragraph]:
    """The report's prose paragraphs, in order: body, headings, enumeration items (from the
    ``start``-th on).

    The file's time budget is looked at every 512 paragraphs (``validator.budget``).
    """
    paragraphs = prose_paragraphs(document)
    for position in range(start, len(paragraphs)):
        if not (position - start) & 511:
            check_deadline()
        yield paragraphs[position]


def text_paragraphs(document: Document) -> Iterator[Paragraph]:
    """Every paragraph of the report that a reader reads, the title included."""
    return iter(reading_paragraphs(document))


@per_document
def reading_text(document: Document) -> tuple[str, tuple[int, ...]]:
    """``text_paragraphs`` joined by newlines, and the offset of each paragraph in it."""
    texts = [paragraph.text for paragraph in reading_paragraphs(document)]
    return "\n".join(texts), starts_of(texts)


def starts_of(texts: list[str]) -> tuple[int, ...]:
    """The offset of each of ``texts`` in ``"\\n".join(texts)``."""
    return tuple(accumulate([len(text) + 1 for text in texts[:-1]], initial=0)) if texts else ()


@per_document
def reading_bytes(document: Document) -> EncodedText:
    """``reading_text`` encoded to UTF-8 once per report, for the census and every RE2 search of it
    (google-re2 would otherwise encode the whole text again for each pattern)."""
    return EncodedText(reading_text(document)[0])


def contains(text: str, needle: str) -> bool:
    """``needle in text``, answered quickly when one of the needle's characters is missing.

    Looking for one character is a fast ``memchr``; looking for a longer string is several times
    slower, and most reports lack most of the words the rules look for.
    """
    if len(needle) > 1:
        for char in needle:
            if char not in text:
                return False
    return needle in text
