"""The heading tree of one report, nested by rank as a reader nests it.

Nesting is tolerant, because real reports are: a skipped level (一、 straight
to 1.) nests the 1. items under the 一、; numbering that runs on across parents
(1.–12. across （一）…（四）) still nests each item under its own parent; an
inversion does not crash anything. Whether the numbering is *right* is for the
NUM rules to judge. Reports without numbered top-level headings may use short
unnumbered heading lines instead, which are recognised here.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Sequence

from validator.model import Heading, HeadingKind, MarkerStyle, Paragraph, Span
from validator.parse.lines import ClassifiedLine
from validator.parse.numerals import MARKER_RANKS, marker_number, marker_style
from validator.regexes import compiled

_UNNUMBERED_MAX_CHARS = 40
_UNNUMBERED_MIN_COUNT = 2
_CLOSING_PUNCTUATION = "。！？；：!?;:，,、…"
_NOT_SPACE = compiled(r"\S")  # what str.strip() keeps: \s is str.isspace()'s whitespace
_TITLE_START = compiled("[^ \t\u3000]")  # what lstrip(" \t\u3000") keeps


# Heading's arguments but its children: (kind, rank, depth, marker, style, number, title, run_in,
# span, marker_span, paragraph).
_Fields = tuple[HeadingKind, int | None, int, str, MarkerStyle, int | None, str, bool, Span, Span, int]


class _Open:
    """A heading whose children may still come: made a Heading when a later heading closes it.

    Every other field is known when the heading is read (its depth is the number of headings
    open above it), so they wait in a tuple in Heading's order; a heading is closed, and
    made, before any later heading is placed beside it, so each is made once, already complete.
    A plain class with slots, because one is made per heading that can hold others.
    """

    __slots__ = ("children", "fields", "rank", "sentence")

    def __init__(self, fields: _Fields, rank: int, sentence: bool) -> None:
        self.fields = fields
        self.rank = rank
        self.sentence = sentence  # run-in, or written as a sentence (ends in 。): owns no following paragraph
        self.children: list[Heading] = []


def build_outline(
    lines: Sequence[ClassifiedLine], paragraphs: list[Paragraph], title_at: int | None
) -> tuple[tuple[Heading, ...], list[Paragraph]]:
    """The heading tree of a report, and its paragraphs with unnumbered headings marked."""
    unnumbered = _unnumbered_headings(lines, paragraphs, title_at)
    if unnumbered:
        paragraphs = [
            dataclasses.replace(p, kind="heading") if position in unnumbered else p
            for position, p in enumerate(paragraphs)
        ]
    roots: list[Heading] = []
    stack: list[_Open] = []  # the open headings, outermost first
    body_since_heading = False
    for position, paragraph in enumerate(paragraphs):
        kind = paragraph.kind
        if kind != "heading" and kind != "enum":
            body_since_heading = body_since_heading or kind == "body"
            continue
        _add(lines[position], paragraph, unnumbered.get(position), stack, roots, body_since_heading)
        body_since_heading = False
    while stack:
        _close(stack, roots)
    return tuple(roots), paragraphs


def _add(
    line: ClassifiedLine,
    paragraph: Paragraph,
    unnumbered_rank: int | None,
    stack: list[_Open],
    roots: list[Heading],
    body_since_heading: bool,
) -> None:
    """Place the heading on ``line`` under the right open heading, closing those it ends.

    A heading closes every open heading of the same or a lower rank. An
    enumeration item never holds headings (it is made at once); it goes under the
    innermost open heading, except that a run-in heading (or one written as a
    sentence) followed by a plain paragraph is finished, so items after that
    paragraph belong to its parent.
    """
    marker = line.marker if unnumbered_rank is None else ""
    kind, rank, style, number = _marker_facts(line.marker_type, marker, unnumbered_rank)
    if rank is None:
        if stack and stack[-1].sentence and body_since_heading:
            _close(stack, roots)
    else:
        while stack and stack[-1].rank >= rank:
            _close(stack, roots)
    # The title starts after the marker and the spaces after it, and ends at the first 。; body
    # text after the 。 makes the heading run-in. All looked at in place in the paragraph's text:
    # a run-in heading's body is most of its line, not worth copying.
    text = paragraph.text
    begin = _TITLE_START.search(text, len(marker))
    title_from = begin.start() if begin else len(text)
    stop = text.find("。", title_from)
    if stop < 0:
        title, run_in = text[title_from:].rstrip(" \t\u3000"), False
    else:
        title, run_in = text[title_from:stop], _NOT_SPACE.search(text, stop + 1) is not None
    whole = paragraph.span
    line_number, start = whole.line, whole.column
    end = start + title_from + len(title)  # the marker, the spaces after it, the title
    fields: _Fields = (
        kind,
        rank,
        len(stack) + 1,
        marker,
        style,
        number,
        title,
        run_in,
        # a title that runs to the paragraph's end has the paragraph's span (equal, and immutable)
        whole if end == whole.end_column else Span(line_number, start, line_number, end),
        _marker_span(line_number, start, start + len(marker)),
        paragraph.index,
    )
    if rank is None:
        (stack[-1].children if stack else roots).append(Heading(*fields))
    else:
        stack.append(_Open(fields, rank, run_in or text.endswith("。")))  # positional: a keyword costs more


def _close(stack: list[_Open], roots: list[Heading]) -> None:
    """Make the innermost open heading, now complete, and add it to its parent (or the roots)."""
    node = stack.pop()
    heading = Heading(*node.fields, tuple(node.children))
    (stack[-1].children if stack else roots).append(heading)


@functools.lru_cache(maxsize=4096)
def _marker_span(line: int, column: int, end_column: int) -> Span:
    """Where a marker stands: shared by every report with a marker there (a Span is immutable).

    Markers stand at the same few places report after report (column 1, two to four
    characters wide, on lines numbered alike); a look-up is several times cheaper than a Span.
    """
    return Span(line, column, line, end_column)


@functools.lru_cache(maxsize=1024)
def _marker_facts(
    marker_type: str, marker: str, unnumbered_rank: int | None
) -> tuple[HeadingKind, int | None, MarkerStyle, int | None]:
    """Kind, rank, style and number of a marker: one cached look-up, as a report repeats its markers."""
    kind, rank = MARKER_RANKS.get(marker_type, ("heading", unnumbered_rank))
    return (
        "enum" if kind == "enum" else "heading",
        rank,
        marker_style(marker) if marker else MarkerStyle(),
        marker_number(marker) if marker else None,
    )


def _unnumbered_headings(
    lines: Sequence[ClassifiedLine], paragraphs: Sequence[Paragraph], title_at: int | None
) -> dict[int, int]:
    """Positions of body lines that serve as headings, with their rank.

    Markdown ``#`` lines are headings (one ``#`` is the title). Otherwise, in a
    report with no numbered top-level heading, short lines without closing
    punctuation, each followed by a longer paragraph, are level-1 headings when
    there are at least two of them.
    """
    title_offset = 1 if title_at is not None and lines[title_at].markdown_level == 1 else 0
    found = {
        position: min(5, max(1, line.markdown_level - title_offset))
        for position, line in enumerate(lines)
        if line.markdown_level and paragraphs[position].kind == "body"
    }
    if found or any(line.marker_type == "CN_MARKER" for line in lines):
        return found
    candidates = [
        position
        for position, paragraph in enumerate(paragraphs[:-1])
        if paragraph.kind == "body"
        and len(paragraph.text) <= _UNNUMBERED_MAX_CHARS
        and paragraph.text[-1:] not in _CLOSING_PUNCTUATION
        and paragraphs[position + 1].kind == "body"
        and len(paragraphs[position + 1].text) > len(paragraph.text)
    ]
    return dict.fromkeys(candidates, 1) if len(candidates) >= _UNNUMBERED_MIN_COUNT else {}
