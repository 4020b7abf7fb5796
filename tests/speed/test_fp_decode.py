"""Forbidden control characters are found in UTF-8's bytes exactly as the pattern finds them in the text."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from validator.readers.encoding import _FORBIDDEN_CONTROL, _has_forbidden_control, decode

# Every C0 and C1 control, DEL, characters whose UTF-8 starts with \xc2 or \xc3, and report text.
CHARACTERS = st.one_of(
    st.characters(min_codepoint=0, max_codepoint=0x100),
    st.sampled_from(["正", "文", "，", "。", "\n", "\r", "\ufeff", "·", "°", "\u2028"]),
)


@settings(max_examples=2000, deadline=None)
@given(st.lists(CHARACTERS, max_size=40).map("".join))
@example("\x1a\x0b\x0c\t")
@example("\x85")
@example("·\x01")
def test_the_bytes_tell_what_the_pattern_tells(text: str) -> None:
    expected = _FORBIDDEN_CONTROL.search(text) is not None
    assert _has_forbidden_control(text, text.encode("utf-8")) is expected
    assert _has_forbidden_control(text, None) is expected


@settings(max_examples=500, deadline=None)
@given(st.lists(CHARACTERS, max_size=40).map("".join))
def test_decoding_utf8_refuses_exactly_the_texts_with_a_forbidden_control(text: str) -> None:
    text = text.replace("\x00", "")  # NUL bytes take the path of binary files and UTF-16
    data = text.encode("utf-8")
    try:
        decoded, encoding = decode(data)
    except ValueError:
        assert _FORBIDDEN_CONTROL.search(text)
        return
    assert encoding in ("utf-8", "utf-8-sig")
    assert not _FORBIDDEN_CONTROL.search(decoded)
    assert decoded == text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
