"""A table of one text (the title, a one-paragraph lead) is searched with one search per pattern.

It must find what the one pass over a joined text, or its fallback paragraph by paragraph, finds.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.speed.test_one_pass_cues import PATTERNS, WORDS, per_paragraph
from validator.engine.items import _find

text = st.lists(st.sampled_from([*WORDS, "ab", "c"]), max_size=10).map("".join)


@settings(max_examples=300, deadline=None)
@given(text)
def test_one_text_finds_what_each_paragraph_search_finds(text: str) -> None:
    assert _find([text], (), PATTERNS) == per_paragraph([text])


def test_an_empty_first_match_shows_the_pattern() -> None:
    assert _find(["xx问题"], (), ["x*", "问题$"]) == [(0, {"x*": "xx", "问题$": "问题"})]
    assert _find(["问题"], (), ["x*"]) == [(0, {"x*": "x*"})]
