"""The faster parse gives exactly what the parse before it gave, on any text.

The heading tree is now made in one pass (a heading is made when a later heading closes it,
an enumeration item at once) instead of a tree of nodes frozen afterwards. The previous
builder is kept below, as it was, as the reference: both must give equal reports, field for
field, for the examples, the real samples and arbitrary text pieced from every line kind.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.speed.test_line_fast_path import PIECES, ROOT, SAMPLES
from validator.model import Heading, MarkerStyle, Paragraph, ParsedFile, Span
from validator.parse import outline, parse_text, structure
from validator.parse.lines import ClassifiedLine

# ------------------------------------------------------------------ the builder before, as it was

_Fields = tuple[str, int | None, str, MarkerStyle, int | None, str, bool, Span, Span, int]


class _Node:
    __slots__ = ("children", "fields", "rank", "sentence")

    def __init__(self, fields: _Fields, sentence: bool) -> None:
        self.fields = fields
        self.rank = fields[1]
        self.sentence = sentence
        self.children: list[_Node] = []

    def freeze(self, depth: int) -> Heading:
        children = tuple([child.freeze(depth + 1) for child in self.children]) if self.children else ()
        kind, rank, marker, style, number, title, run_in, span, marker_span, paragraph = self.fields
        return Heading(
            kind,  # type: ignore[arg-type]
            rank,
            depth,
            marker,
            style,
            number,
            title,
            run_in,
            span,
            marker_span,
            paragraph,
            children,
        )


def reference_build_outline(
    lines: Sequence[ClassifiedLine], paragraphs: list[Paragraph], title_at: int | None
) -> tuple[tuple[Heading, ...], list[Paragraph]]:
    unnumbered = outline._unnumbered_headings(lines, paragraphs, title_at)
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
        fields = _reference_heading(line, paragraph, unnumbered.get(position))
        node = _Node(fields, sentence=fields[6] or paragraph.text.endswith("。"))
        _reference_place(node, stack, roots, body_since_heading)
        body_since_heading = False
    return tuple([root.freeze(1) for root in roots]), paragraphs


def _reference_place(node: _Node, stack: list[_Node], roots: list[_Node], body_since_heading: bool) -> None:
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


def _reference_heading(line: ClassifiedLine, paragraph: Paragraph, unnumbered_rank: int | None) -> _Fields:
    marker = line.marker if unnumbered_rank is None else ""
    kind, rank, style, number = outline._marker_facts(line.marker_type, marker, unnumbered_rank)
    rest = paragraph.text[len(marker) :]
    offset = len(marker) + len(rest) - len(rest.lstrip(" \t\u3000"))
    title, run_in = _reference_split_run_in(rest.strip(" \t\u3000"))
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
        whole if end == whole.end_column else Span(line_number, start, line_number, end),
        Span(line_number, start, line_number, start + len(marker)),
        paragraph.index,
    )


def _reference_split_run_in(text: str) -> tuple[str, bool]:
    title, stop, body = text.partition("。")
    if not stop:
        return text, False
    return title, bool(body.strip())


def reference_parse(text: str, source_format: str = "text", levels: Sequence[int] = ()) -> ParsedFile:
    """The file parsed with the builder before."""
    with mock.patch.object(structure, "build_outline", reference_build_outline):
        return parse_text(text, "x", source_format, levels)


# ------------------------------------------------------------------ the comparisons

# Headings, run-in or not, at every rank, with items, body text, spaces and 。 in every place.
HEADING_PIECES = st.sampled_from(
    ["一、", "二、", "（一）", "（二）", "1.", "2.", "（1）", "①", "一是", "二是", "其一，", "第一，",
     "加强学习", "加强学习。", "正文。", "。", "。 ", " ", "\u3000", "\t", "正文，正文", "报告", "#", "## ",
     "\n"]
)  # fmt: skip
heading_lines = st.lists(HEADING_PIECES | PIECES, max_size=6).map("".join)
heading_text = st.lists(heading_lines, max_size=25).map("\n".join)


def _assert_same(text: str, source_format: str = "text", levels: Sequence[int] = ()) -> None:
    parsed = parse_text(text, "x", source_format, levels)
    reference = reference_parse(text, source_format, levels)
    assert parsed == reference
    assert repr(parsed) == repr(reference)  # equal, and the same types (a depth, a tuple) throughout


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(heading_text)
@example("一、总体\n（一）学习。正文。\n1.其一\n正文。\n一是甲\n二、其次")
@example("（一）学习。\n正文。\n一是甲\n1.乙\n一是丙")
@example("短标题\n较长的一段正文内容\n另一个标题\n较长的一段正文内容再长一些")
def test_the_outline_is_the_one_built_before(text: str) -> None:
    _assert_same(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(heading_text, st.lists(st.integers(0, 3), max_size=25))
def test_word_heading_levels_give_the_outline_built_before(text: str, levels: list[int]) -> None:
    _assert_same(text, "docx", levels)


def _real_paths() -> list[Path]:
    paths = sorted((ROOT / "examples").rglob("*.txt")) + sorted((ROOT / "examples").rglob("*.md"))
    paths += sorted(ROOT.glob("tests/**/*.txt")) + sorted(ROOT.glob("tests/**/*.md"))
    return paths + (sorted(SAMPLES.glob("*.txt")) if SAMPLES.is_dir() else [])


@pytest.mark.parametrize("path", _real_paths(), ids=lambda path: path.name)
def test_real_reports_parse_as_before(path: Path) -> None:
    text = path.read_bytes().decode("utf-8", "replace").replace("\r\n", "\n")
    _assert_same(text, "markdown" if path.suffix == ".md" else "text")
