"""A text without ``report-validator:`` holds no suppression, so finding none there takes one look."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from validator.engine.suppressions import _DIRECTIVE, _MARK, find_suppressions
from validator.parse.lines import comment_line

# The directive's pieces, near misses of them, spaces and report text.
PIECES = st.sampled_from(
    ["<!--", "-->", " ", "\u3000", "\t", "\n", "report-validator", "report-validator:", "report-validator：",
     "REPORT-VALIDATOR:", ":", "=", "disable", "disable-next-line", "disable-file", "enable", "NUM-008", ",",
     "理由", "正文。"]
)  # fmt: skip
texts = st.lists(PIECES, max_size=30).map("".join)


@settings(max_examples=3000, deadline=None)
@given(texts)
@example("<!-- report-validator: disable=NUM-008 理由 -->")
@example("<!-- report-validator : disable=NUM-008 理由 -->")
def test_every_directive_holds_the_mark(text: str) -> None:
    for line in text.split("\n"):
        if _DIRECTIVE.match(line):
            assert _MARK in line


@settings(max_examples=1000, deadline=None)
@given(texts)
@example("<!-- report-validator: disable=NUM-008 理由 --> 正文 -->")
def test_the_mark_alone_decides_nothing(text: str) -> None:
    """With the mark the lines are read as before; without it there is nothing to find."""
    found = find_suppressions(text)
    assert bool(found) <= (_MARK in text)
    directives = [
        line for line in text.split("\n") if comment_line().fullmatch(line) and _DIRECTIVE.match(line)
    ]
    assert len(found) == len(directives)
