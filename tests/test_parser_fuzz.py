"""Any text parses: nothing raises, every span lies inside the text, every line is accounted for."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from validator.model import ParsedFile, Span
from validator.parse import parse_text
from validator.parse.lines import comment_line

# Characters that make markers and line kinds, so the fuzzer reaches them often.
MARKER_CHARACTERS = "<!->一二三四五六七八九十是其第（）()、.．，,:：。！？；0123456789０１２①⑴"
REPORT_ALPHABET = st.sampled_from(list(MARKER_CHARACTERS + "目录同志们谢大家报告 \u3000\t#\n"))
report_like_text = st.lists(REPORT_ALPHABET, max_size=300).map("".join)

# Whole pieces of lines (line kinds, markers, indentation, trailing spaces), so that
# every line kind meets every neighbour: "目录  ", "　同志们：", "一、<!-- x -->"...
LINE_PIECES = st.sampled_from(
    ["目录", "同志们：", "谢谢大家！", "一、", "（一）", "(1)", "1.", "1．2024年", "一是", "第一，", "①",
     "某局2024年工作情况报告", "<!-- report-validator: disable=NUM-008 理由 -->", "##", "#", " ", "\u3000",
     "\t", "正文。", "1.5亿元", "X", "”“"]
)  # fmt: skip
pieced_text = st.lists(st.lists(LINE_PIECES, max_size=4).map("".join), max_size=12).map("\n".join)


BLANK_LINE = re.compile(r"[ \t\u3000\u00a0]*")


def is_blank_or_comment(line: str) -> bool:
    """Lines that are no paragraph: blank, or an HTML comment alone (where suppressions live).

    What a comment line is comes from the one definition the parser and suppressions share.
    """
    return BLANK_LINE.fullmatch(line) is not None or comment_line().fullmatch(line) is not None


def assert_well_formed(text: str, parsed: ParsedFile) -> None:
    lines = text.split("\n")

    def inside(span: Span) -> bool:
        return (
            1 <= span.line <= span.end_line <= len(lines)
            and 1 <= span.column <= len(lines[span.line - 1]) + 1
            and 1 <= span.end_column <= len(lines[span.end_line - 1]) + 1
        )

    for paragraph in parsed.paragraphs:
        assert inside(paragraph.span), paragraph
        line = lines[paragraph.span.line - 1]
        assert line[paragraph.span.column - 1 : paragraph.span.end_column - 1] == paragraph.text
    for document in parsed.documents:
        for heading in document.iter_headings():
            assert inside(heading.span) and inside(heading.marker_span), heading
    # every non-blank line is exactly one paragraph, and each paragraph belongs to
    # exactly one report or to the front matter
    content_lines = [n for n, line in enumerate(lines, start=1) if not is_blank_or_comment(line)]
    assert [p.span.line for p in parsed.paragraphs] == content_lines
    owned = [p.index for p in parsed.front_matter] + [p.index for d in parsed.documents for p in d.paragraphs]
    assert sorted(owned) == list(range(len(parsed.paragraphs)))


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(exclude_characters="\r", exclude_categories=("Cs",))))
def test_arbitrary_text_parses(text: str) -> None:
    assert_well_formed(text, parse_text(text))


@settings(deadline=None)
@given(report_like_text)
def test_report_like_text_parses(text: str) -> None:
    assert_well_formed(text, parse_text(text))


@settings(deadline=None, max_examples=300)
@given(pieced_text)
@example("# <!-- report-validator: disable=NUM-008 理由 -->")  # a heading whose text is a comment: kept
@example("## <!---->\n一、")
def test_text_pieced_from_line_kinds_parses(text: str) -> None:
    assert_well_formed(text, parse_text(text))


def test_empty_text_gives_one_empty_report() -> None:
    parsed = parse_text("")
    assert parsed.paragraphs == ()
    assert len(parsed.documents) == 1 and parsed.documents[0].headings == ()
