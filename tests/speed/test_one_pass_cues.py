"""Each evidence pattern runs once over a report, and finds what a search of each paragraph finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from validator.engine.items import _find, _Haystack, _pattern_hits, _pattern_hits_by_paragraph
from validator.safe_regex import EncodedText, compile_safe

PATTERNS = [
    "二十届[一二三四五]中全会",
    "^[一二三四五]、",  # a paragraph's start
    "报告$",  # a paragraph's end
    "问题[^。]{0,6}不足",  # a negated class could run over a line break
    "(?i)ab+c",
    "整改\\s*落实",  # \\s matches the line break
    "x*",  # matches nothing anywhere: searched per paragraph
    "\\A一",  # the text's start, not a paragraph's
    "(?s)问题.不足",
]
WORDS = ["一、", "二、", "问题", "不足", "。", "报告", "二十届三中全会", "abbc", "ABC", "整改", " ", "x"]

paragraphs = st.lists(st.lists(st.sampled_from(WORDS), max_size=8).map("".join), min_size=1, max_size=8)


def per_paragraph(texts: list[str]) -> list[tuple[int, dict[str, str]]]:
    found: dict[int, dict[str, str]] = {}
    for pattern in PATTERNS:
        for index, shown in _pattern_hits_by_paragraph(texts, "\n".join(texts), pattern).items():
            found.setdefault(index, {})[pattern] = shown
    return sorted(found.items())


@settings(max_examples=300, deadline=None)
@given(paragraphs)
def test_one_pass_finds_what_each_paragraph_search_finds(texts: list[str]) -> None:
    assert _find(texts, (), PATTERNS) == per_paragraph(texts)


def test_the_one_pass_is_taken_when_it_can_be() -> None:
    haystack = _Haystack(("一、总体情况", "学习二十届三中全会精神", "二、问题"))
    assert _pattern_hits(haystack, "^[一二三四五]、") == {0: "一、", 2: "二、"}
    assert _pattern_hits(haystack, "二十届[一二三四五]中全会") == {1: "二十届三中全会"}
    assert _pattern_hits(haystack, "\\A一") is None
    assert _pattern_hits(haystack, "情况\\s*学习") is None  # across a line break


def test_a_match_across_paragraphs_falls_back_to_each_paragraph() -> None:
    texts = ["存在问题", "不足之处"]
    assert _find(texts, (), ["问题\\s*不足"]) == []
    assert _find(texts, (), ["问题[^。]{0,6}"]) == [(0, {"问题[^。]{0,6}": "问题"})]


@given(st.lists(st.sampled_from(["甲", "a", "乙乙", "。", "\n", "😀", "é"]), max_size=30).map("".join))
def test_encoded_spans_are_character_offsets(text: str) -> None:
    pattern = compile_safe("乙+|😀|a")
    spans = list(EncodedText(text).spans(pattern))
    assert spans == [(m.start(), m.end()) for m in pattern.finditer(text)]
