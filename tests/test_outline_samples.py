"""The parser reads the real samples as a careful reader does (issue acceptance).

The samples live in ../shared/samples and are never copied here; these tests
skip when they are absent.
"""

from __future__ import annotations

from validator.model import Document, Heading, ParsedFile
from validator.parse import parse_text
from validator.readers import read_path

from .conftest import sample_path


def parse_sample(prefix: str) -> ParsedFile:
    source = read_path(sample_path(prefix))
    return parse_text(source.text, source.path, source.format)


def top_level(document: Document) -> list[Heading]:
    return [h for h in document.headings if h.kind == "heading" and h.rank == 1]


def test_000_six_sections_each_with_numbered_items_and_closing_enumeration() -> None:
    (document,) = parse_sample("000").documents
    sections = top_level(document)
    assert [h.marker for h in sections] == ["一、", "二、", "三、", "四、", "五、", "六、"]
    for section in sections:
        items = [c for c in section.children if c.kind == "heading"]
        assert items, section.title
        assert all(item.rank == 3 and item.run_in for item in items)
        assert [item.number for item in items] == list(range(1, len(items) + 1))
    enums = [h for h in document.iter_headings() if h.kind == "enum"]
    assert [(h.marker, h.span.line) for h in enums] == [
        ("一是", 32),
        ("二是", 33),
        ("三是", 34),
        ("四是", 35),
    ]
    assert document.title is not None and document.title.span.line == 1
    assert document.lead is not None and document.lead.span.line == 3


def test_001_speech_has_two_sections_the_second_with_four_subsections() -> None:
    (document,) = parse_sample("001").documents
    first, second = top_level(document)
    assert [c.marker for c in second.children] == ["（一）", "（二）", "（三）", "（四）"]
    assert [c.rank for c in first.children] == [2, 2, 2]
    assert document.title is None
    assert document.paragraphs[0].kind == "salutation"
    assert document.paragraphs[-1].kind == "closing"


def test_002_compilation_gives_seven_reports_at_their_titles() -> None:
    parsed = parse_sample("002")
    assert len(parsed.documents) == 7
    titles = [d.title.span.line for d in parsed.documents if d.title]
    assert titles == [11, 31, 40, 70, 107, 132, 159]
    toc = [p for p in parsed.front_matter if p.kind == "toc"]
    assert [p.span.line for p in toc] == list(range(4, 11))
    heading_lines = {h.span.line for d in parsed.documents for h in d.iter_headings()}
    assert heading_lines.isdisjoint(range(1, 11))


def test_002_ecology_report_numbers_run_on_across_parents() -> None:
    ecology = parse_sample("002").documents[4]
    (main_work, *_rest) = top_level(ecology)
    fourth = main_work.children[3]
    assert fourth.marker == "（四）"
    assert [c.number for c in fourth.children] == [10, 11, 12]
    assert [h.title for h in top_level(ecology)[1:]] == ["存在的问题", "下一步打算"]


def test_003_three_indented_sections() -> None:
    (document,) = parse_sample("003").documents
    sections = top_level(document)
    assert [h.marker for h in sections] == ["一、", "二、", "三、"]
    for section in sections:
        paragraph = document.paragraphs[[p.index for p in document.paragraphs].index(section.paragraph)]
        assert paragraph.indent == "\u3000\u3000"
        assert section.span.column == 3


def test_004_five_unnumbered_sections() -> None:
    (document,) = parse_sample("004").documents
    sections = top_level(document)
    assert len(sections) == 5
    assert all(h.marker == "" and h.number is None for h in sections)
    assert all(not h.title.endswith("。") and len(h.title) <= 40 for h in sections)
