"""Property tests: whatever the bytes, a reader returns clean text or an ``InputError``."""

from __future__ import annotations

import unicodedata

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from validator.errors import InputError
from validator.readers import read_bytes

# Control characters a report may contain; every other Cc character makes it "binary".
ALLOWED_CONTROLS = frozenset("\t\n\r\x0b\x0c\x1a")


def _has_forbidden_control(text: str) -> bool:
    return any(unicodedata.category(ch) == "Cc" and ch not in ALLOWED_CONTROLS for ch in text)


def _lf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


@settings(deadline=None)
@given(st.binary())
def test_arbitrary_bytes_give_clean_text_or_input_error(data: bytes) -> None:
    try:
        source = read_bytes(data, "x.txt")
    except InputError as error:
        assert str(error).startswith("x.txt: ")
        return
    assert "\r" not in source.text
    assert not _has_forbidden_control(source.text)
    assert source.encoding in {"utf-8", "utf-8-sig", "utf-16", "gb18030"}
    assert (source.path, source.format) == ("x.txt", "text")


@settings(deadline=None)
@given(st.text())
def test_utf8_text_round_trips(text: str) -> None:
    data = text.encode("utf-8")
    # A leading U+FEFF encodes to the UTF-8 BOM, which is (rightly) taken as one.
    expected = _lf(text.removeprefix("\ufeff"))
    if _has_forbidden_control(text):
        try:
            read_bytes(data, "x.txt")
        except InputError:
            return
        raise AssertionError("a forbidden control character was accepted")
    assert read_bytes(data, "x.txt").text == expected


REPORT_CHARACTERS = st.sampled_from(
    list("一二三四五六七八九十加强党的政治建设思想组织作风纪律制度反腐败斗争学习贯彻落实全面从严治党主体责任")
    + list("，。、；：？！“”‘’（）《》【】…—·①②③１２３ABCabc0123456789.()%-\n\r\t 　")
)


@settings(deadline=None)
@given(st.text(REPORT_CHARACTERS, min_size=1))
def test_gb18030_report_text_round_trips(text: str) -> None:
    data = text.encode("gb18030")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        # Pure ASCII, or the rare GB18030 byte string that is also valid UTF-8: UTF-8 rightly wins.
        assume(False)
    source = read_bytes(data, "x.txt")
    assert (source.text, source.encoding) == (_lf(text), "gb18030")
