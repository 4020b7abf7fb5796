"""``validator.readers.encoding.decode``: which bytes are a report, and as what text."""

from __future__ import annotations

import codecs
import random
import unicodedata

import pytest

from validator.readers.encoding import (
    BINARY_CONTROL,
    BINARY_NUL,
    UNKNOWN_ENCODING,
    UTF8_BOM_FAILED,
    UTF16_FAILED,
    DecodeError,
    decode,
)

REPORT = (
    "关于2024年度落实全面从严治党主体责任情况的报告\n"
    "一、加强政治建设\n"
    "（一）强化理论武装。坚持“第一议题”制度，全年召开党委理论学习中心组学习会12次。\n"
    "（二）严肃党内政治生活。1.认真开好民主生活会；2.落实“三会一课”制度。\n"
    "二、存在的问题\n"
    "①学习深度不够；②整改落实不到位……\n"
    "三、下一步工作打算\n"
    "中共××市××局委员会\n"
    "2024年12月20日\n"
)


def _reason(data: bytes) -> str:
    with pytest.raises(DecodeError) as info:
        decode(data)
    return info.value.reason


def test_utf8() -> None:
    assert decode(REPORT.encode("utf-8")) == (REPORT, "utf-8")


def test_empty_input_is_empty_utf8_text() -> None:
    assert decode(b"") == ("", "utf-8")


def test_utf8_bom_is_removed() -> None:
    assert decode(codecs.BOM_UTF8 + REPORT.encode("utf-8")) == (REPORT, "utf-8-sig")
    assert decode(codecs.BOM_UTF8) == ("", "utf-8-sig")


def test_utf8_bom_followed_by_other_bytes_is_an_error() -> None:
    assert _reason(codecs.BOM_UTF8 + REPORT.encode("gbk")) == UTF8_BOM_FAILED


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec == "utf-16-le" else codecs.BOM_UTF16_BE
    assert decode(bom + REPORT.encode(codec)) == (REPORT, "utf-16")


def test_utf16_as_python_writes_it() -> None:
    # What Notepad's "Unicode" and Python's "utf-16" both produce: BOM in native order.
    assert decode(REPORT.encode("utf-16")) == (REPORT, "utf-16")


def test_utf16_odd_length_is_an_error() -> None:
    assert _reason(codecs.BOM_UTF16_LE + "一、总体情况".encode("utf-16-le") + b"\x41") == UTF16_FAILED


def test_utf16_lone_surrogate_is_an_error() -> None:
    assert _reason(codecs.BOM_UTF16_LE + "党建".encode("utf-16-le") + b"\x00\xd8") == UTF16_FAILED


def test_utf32_is_treated_as_binary() -> None:
    assert _reason(REPORT.encode("utf-32")) == BINARY_NUL
    assert _reason(codecs.BOM_UTF32_BE + REPORT.encode("utf-32-be")) == BINARY_NUL


@pytest.mark.parametrize("codec", ["gbk", "gb2312", "gb18030"])
def test_chinese_legacy_encodings_decode_as_gb18030(codec: str) -> None:
    assert decode(REPORT.encode(codec)) == (REPORT, "gb18030")


def test_gb18030_four_byte_characters() -> None:
    # Extension A characters occur in personal names and need GB18030's four-byte codes.
    text = REPORT + "四、人员情况\n（一）党支部书记：王䶮同志，副书记：李㐀同志。\n"
    assert decode(text.encode("gb18030")) == (text, "gb18030")


def test_gb18030_bom_is_removed() -> None:
    assert decode("\ufeff一、加强政治建设\n".encode("gb18030")) == ("一、加强政治建设\n", "gb18030")


def test_old_gbk_file_with_dos_end_of_file_marker() -> None:
    assert decode("党建\r\n\x1a".encode("gbk")) == ("党建\n\x1a", "gb18030")


def test_short_gbk_input() -> None:
    assert decode("党建".encode("gbk")) == ("党建", "gb18030")
    assert decode("　\n".encode("gbk")) == ("　\n", "gb18030")


def test_gbk_with_a_few_uncommon_characters_is_accepted() -> None:
    text = REPORT + "附：β系数说明。\n"
    assert decode(text.encode("gb18030")) == (text, "gb18030")


def test_gb18030_decoding_to_private_use_characters_is_refused() -> None:
    # GBK's user-defined areas decode without error but to private-use characters.
    noise = "".join(chr(0xE000 + i) for i in range(40))
    assert _reason(noise.encode("gb18030")) == UNKNOWN_ENCODING


def test_short_gb18030_input_must_be_entirely_common() -> None:
    assert _reason("党建\ue000".encode("gb18030")) == UNKNOWN_ENCODING


def test_rare_hanzi_count_as_uncommon() -> None:
    # What 16 random bytes typically decode to: Hanzi, but mostly ones outside GB2312.
    assert _reason("丂丄丅丆丏丒丗丟".encode("gbk")) == UNKNOWN_ENCODING
    assert decode("丂丄丅丆丏丒丗丟".encode())[1] == "utf-8"


def test_random_bytes_are_refused() -> None:
    rng = random.Random(20241220)
    data = bytes(rng.randrange(0x80, 0x100) for _ in range(2000))
    assert _reason(data) == UNKNOWN_ENCODING


def test_latin1_bytes_that_are_not_gb18030_are_refused() -> None:
    assert _reason("Résumé à la carte".encode("latin-1")) == UNKNOWN_ENCODING


def test_png_is_binary() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"
    assert _reason(png) == BINARY_NUL


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_bomless_utf16_that_is_clearly_utf16_is_read(codec: str) -> None:
    assert decode(REPORT.encode(codec)) == (REPORT, "utf-16")


def test_bomless_utf16_that_is_not_clearly_text_is_binary() -> None:
    # NULs on both sides of the code units (an ASCII NUL character), and random-looking units.
    assert _reason("Report\x00报告".encode("utf-16-le")) == BINARY_NUL
    assert _reason(bytes(range(256)) * 4) == BINARY_NUL
    assert _reason("蘏蘐蘑蘒蘓蘔\n".encode("utf-16-le")) == BINARY_NUL  # rare characters: not plausible


@pytest.mark.parametrize("control", ["\x01", "\x07", "\x08", "\x1b", "\x1f", "\x7f", "\x85", "\x9f"])
def test_control_characters_are_refused(control: str) -> None:
    assert _reason(f"一、加强政治建设{control}\n".encode()) == BINARY_CONTROL


@pytest.mark.parametrize("codec", ["utf-16", "gb18030"])
def test_control_characters_are_refused_whatever_the_encoding(codec: str) -> None:
    assert _reason("一、加强政治建设\x07\n".encode(codec)) == BINARY_CONTROL


@pytest.mark.parametrize("control", ["\t", "\x0b", "\x0c", "\x1a"])
def test_layout_controls_and_sub_are_kept(control: str) -> None:
    text = f"一、加强政治建设{control}（一）强化理论武装。\n"
    assert decode(text.encode()) == (text, "utf-8")


def test_crlf_and_cr_give_the_same_text_as_lf() -> None:
    lf = decode(REPORT.encode())[0]
    assert decode(REPORT.replace("\n", "\r\n").encode())[0] == lf
    assert decode(REPORT.replace("\n", "\r").encode())[0] == lf
    assert decode(REPORT.replace("\n", "\r\n").encode("gbk"))[0] == lf


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "gb18030"])
def test_line_endings_are_normalised_in_every_encoding(codec: str) -> None:
    text = "一、加强政治建设\r\n（一）强化理论武装。\r（二）严肃党内政治生活。\n"
    assert (
        decode(text.encode(codec))[0] == "一、加强政治建设\n（一）强化理论武装。\n（二）严肃党内政治生活。\n"
    )


def test_mixed_line_endings_count_as_editors_count() -> None:
    # \r\r\n is two line breaks in every editor: a lone \r, then \r\n.
    assert decode("一\r\r\n二\n\r三".encode())[0] == "一\n\n二\n\n三"


def test_unicode_line_separators_are_kept_as_characters() -> None:
    text = "一、加强政治建设\u2028（一）强化理论武装。\u2029\n"
    assert decode(text.encode())[0] == text


def test_fullwidth_punctuation_is_not_normalised() -> None:
    text = "（一）强化理论武装：全年学习１２次，覆盖率１００％！是否到位？“是”；「否」。\u3000\n"
    decoded = decode(text.encode())[0]
    assert decoded == text
    assert decoded != unicodedata.normalize("NFKC", text)


def test_byte_order_mark_inside_the_text_is_kept() -> None:
    # Two BOM-prefixed files concatenated: the second BOM is content, visible to the rules.
    text = "一、加强政治建设\n\ufeff二、加强思想建设\n"
    assert decode(codecs.BOM_UTF8 + text.encode()) == (text, "utf-8-sig")


def test_decode_error_is_a_value_error_but_not_a_unicode_error() -> None:
    with pytest.raises(ValueError) as info:
        decode(b"\xff\xff\xff")
    assert not isinstance(info.value, UnicodeError)
