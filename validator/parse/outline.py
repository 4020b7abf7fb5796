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

_UNNUMBERED_MAX_CHARS = 40
_UNNUMBERED_MIN_COUNT = 2
_CLOSING_PUNCTUATION = "。！？；：!?;:，,、…"


# A heading's fields but its depth and children, as Heading takes them: (kind, rank, marker,
# style, number, title, run_in, span, marker_span, paragraph).
_Fields = tuple[HeadingKind, int | None, str, MarkerStyle, int | None, str, bool, Span, Span, int]


class _Node:
    """A heading while the tree is being built; made a Heading once, when its depth and children are known.

    Its fields wait in a tuple: a frozen Heading is slow to make, and a report has hundreds, so
    each is made once, not twice. A plain class with slots, because one is made per heading.
    """

    __slots__ = ("children", "fields", "rank", "sentence")

    def __init__(self, fields: _Fields, sentence: bool) -> None:
        self.fields = fields
        self.rank = fields[1]
        self.sentence = sentence  # run-in, or written as a sentence (ends in 。): owns no following paragraph
        self.children: list[_Node] = []

    def freeze(self, depth: int) -> Heading:
        children = tuple([child.freeze(depth + 1) for child in self.children]) if self.children else ()
        kind, rank, marker, style, number, title, run_in, span, marker_span, paragraph = self.fields
        return Heading(
            kind, rank, depth, marker, style, number, title, run_in, span, marker_span, paragraph, children
        )


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
    roots: list[_Node] = []
    stack: list[_Node] = []
    body_since_heading = False
    for position, (line, paragraph) in enumerate(zip(lines, paragraphs, strict=True)):
        kind = paragraph.kind
        if kind != "heading" and kind != "enum":
            body_since_heading = body_since_heading or kind == "body"
            continue
        fields = _heading(line, paragraph, unnumbered.get(position))
        node = _Node(fields, sentence=fields[6] or paragraph.text.endswith("。"))
        _place(node, stack, roots, body_since_heading)
        body_since_heading = False
    return tuple([root.freeze(1) for root in roots]), paragraphs


def _place(node: _Node, stack: list[_Node], roots: list[_Node], body_since_heading: bool) -> None:
    """Attach ``node`` under the right open heading and update the stack of open headings.

    A heading closes every open heading of the same or a lower rank. An
    enumeration item never holds headings; it goes under the innermost open
    heading, except that a run-in heading (or one written as a sentence)
    followed by a plain paragraph is finished, so items after that paragraph
    belong to its parent.
    """
    rank = node.rank
    if rank is None:
        if stack and stack[-1].sentence and body_since_heading:
            stack.pop()
    else:
        while stack and (stack[-1].rank or 0) >= rank:
            stack.pop()
    (stack[-1].children if stack else roots).append(node)
    if rank is not None:
        stack.append(node)


def _heading(line: ClassifiedLine, paragraph: Paragraph, unnumbered_rank: int | None) -> _Fields:
    """The fields of the heading on ``line``, in Heading's order, but its depth and children."""
    marker = line.marker if unnumbered_rank is None else ""
    kind, rank, style, number = _marker_facts(line.marker_type, marker, unnumbered_rank)
    rest = paragraph.text[len(marker) :]
    offset = len(marker) + len(rest) - len(rest.lstrip(" \t\u3000"))
    title, run_in = _split_run_in(rest.strip(" \t\u3000"))
    whole = paragraph.span
    start, line_number, end = whole.column, whole.line, whole.column + offset + len(title)
    return (
        kind,
        rank,
        marker,
        style,
        number,
        title,
        run_in,
        # a title that runs to the paragraph's end has the paragraph's span (equal, and immutable)
        whole if end == whole.end_column else Span(line_number, start, line_number, end),
        Span(line_number, start, line_number, start + len(marker)),
        paragraph.index,
    )


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


def _split_run_in(text: str) -> tuple[str, bool]:
    """The heading title and whether body text follows it in the same paragraph."""
    title, stop, body = text.partition("。")
    if not stop:
        return text, False
    return title, bool(body.strip())


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
