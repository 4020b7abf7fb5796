"""``EncodedText``: RE2 searches of a text encoded once give the offsets a search of the str gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from validator.safe_regex import EncodedText, compile_safe

TEXTS = st.lists(st.sampled_from(["甲", "a", "乙乙", "。", "\n", "😀", "é", "x"]), max_size=30).map("".join)
# Patterns that can match the empty string too: after an empty match a search of the bytes moves
# on by one byte, into the middle of a character, where only another empty match can be found.
PATTERNS = st.sampled_from(["乙+|😀|a", "a*", "(?:)", "乙*", "[^a]?", "x?|é+", "(?m)$"])


@given(TEXTS, PATTERNS)
def test_spans_are_those_of_a_search_of_the_str(text: str, source: str) -> None:
    pattern = compile_safe(source)
    spans = list(EncodedText(text).spans(pattern))
    assert spans == [(match.start(), match.end()) for match in pattern.finditer(text)]


def test_an_empty_match_inside_a_character_is_stepped_over() -> None:
    """An RE2 search of 中's bytes from its second byte finds an empty match there (it used to
    end in a UnicodeDecodeError); a search of the str never looks inside a character."""
    assert list(EncodedText("中文").spans(compile_safe("x*"))) == [(0, 0), (1, 1), (2, 2)]
