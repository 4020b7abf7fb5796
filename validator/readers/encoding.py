"""Turn the bytes of a report into text, or say in Chinese why they are not one.

Reports reach us from Word "save as text", WPS, Notepad and web pages, so the
bytes may be UTF-8 (with or without BOM), UTF-16 with BOM (Windows "Unicode")
or GBK/GB18030 (older Chinese Windows, the "ANSI" of Notepad). Nothing here
guesses beyond that: a wrong guess would produce mojibake that every later rule
then reports as hundreds of nonsensical findings, so an honest refusal is better.

The order of the rules, and why:

1. A BOM is the only explicit statement of encoding a plain-text file can make,
   so it wins: UTF-8 BOM gives ``utf-8-sig``, UTF-16 LE/BE BOM gives ``utf-16``
   (decoded strictly; a broken UTF-16 file is an error, not a cue to guess).
   A UTF-32 BOM is not supported: its NUL bytes make rule 2 call it binary.
2. NUL bytes never occur in UTF-8 or GB18030 text but occur in nearly every
   binary format (PNG, ZIP-based .docx, PDF streams) and in BOM-less UTF-16,
   so they mark the input as not a text report — unless it is clearly UTF-16
   without a BOM: NULs mostly on one side of the code units, a strict decode
   without control characters, and text that reads as Chinese prose
   (``_utf16_without_bom``).
3. Strict UTF-8, then strict GB18030 (a superset of GBK and GB2312). Valid
   UTF-8 is strong evidence in itself; GB18030 is not, because it decodes a
   large share of arbitrary byte strings, so its result must also *look* like
   Chinese prose (see ``_is_plausible``).
4. Whatever the path, control characters other than ``\\t \\n \\r \\f \\v``
   and ``\\x1a`` mean the input is not a text report (see
   ``_FORBIDDEN_CONTROL``).
5. ``\\r\\n`` and lone ``\\r`` become ``\\n`` so that line numbers count what an
   editor shows. Nothing else changes; in particular no Unicode
   normalisation, because fullwidth punctuation (，（）：) is exactly what the
   rules examine.

Consumers must split the text on ``"\\n"`` only, never with
``str.splitlines()``: that also breaks on ``\\v``, ``\\f``, ``\\x1c``-``\\x1e``,
U+2028 and U+2029, which editors show inside a line, and line numbers would no
longer match. U+2028/U+2029 are deliberately kept as ordinary characters.

Only a *leading* U+FEFF is a BOM and removed. One further on (typically where
two files saved with BOMs were pasted together) is kept as content: it is no
control character, refusing the whole report for it would help nobody, and a
rule can point at its exact line and column instead.
"""

from __future__ import annotations

import codecs
from collections import Counter

from validator.regexes import compiled

__all__ = [
    "BINARY_CONTROL",
    "BINARY_NUL",
    "UNKNOWN_ENCODING",
    "UTF8_BOM_FAILED",
    "UTF16_FAILED",
    "DecodeError",
    "decode",
]

BINARY_NUL = "二进制文件（含 NUL 字节），不是文本报告"
BINARY_CONTROL = "二进制文件（含控制字符）"
UNKNOWN_ENCODING = "无法识别的编码（不是 UTF-8、UTF-16 或 GB18030 文本）"
UTF16_FAILED = "UTF-16 解码失败"
UTF8_BOM_FAILED = "UTF-8 解码失败（文件以 UTF-8 BOM 开头）"

# A UTF-32 LE BOM begins with the UTF-16 LE BOM; it must not be read as UTF-16
# (that would yield U+0000 characters) but fall through to the NUL-byte rule.
_UTF32_LE_BOM = codecs.BOM_UTF32_LE

# Control characters (Unicode category Cc) that make the input "binary".
# Allowed, because real reports contain them:
#   \t \n \r  ordinary layout;
#   \v (\x0b) Word's manual line break (Shift+Enter) in "save as text";
#   \f (\x0c) a page break from Word/WPS exports;
#   \x1a      SUB: the DOS end-of-file marker some old tools still append, and
#             the character code-page converters put in place of a character
#             they could not map. It is harmless, and a rule can report it
#             with a position, which helps the user more than refusing the file.
# Everything else in C0, DEL and the C1 block (\x80-\x9f, which in decoded text
# only appears after a file was mis-converted somewhere upstream) is refused.
_FORBIDDEN_CONTROL = compiled(r"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f-\x9f]")
# The bytes of UTF-8 text that are no forbidden control: the allowed C0 controls, ASCII's printable
# characters, and every byte of a longer character (a C1 control among them is told by its \xc2).
_UTF8_ALLOWED_BYTES = (
    bytes(range(0x09, 0x0E)) + b"\x1a" + bytes(range(0x20, 0x7F)) + bytes(range(0x80, 0x100))
)

# Characters other than Hanzi that genuine Chinese report text consists of.
# Used only to judge a GB18030 decode, whose failure mode is a scatter of
# private-use characters (GBK's user-defined areas), rare Hanzi, rare symbols
# and stray kana/Cyrillic/Greek. Hanzi are judged by ``_is_common_hanzi``.
_COMMON = compiled(
    "["
    "\x21-\x7e"  # ASCII printable (space is whitespace, excluded before counting)
    "\xa0-\u017f"  # Latin-1 and Latin Extended-A: · × ÷ ° ± § and pinyin ā é ī ō ū
    "\u01cd-\u01dc\u0251\u0261"  # the rest of GB2312's pinyin letters: ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ ɑ ɡ
    "\u2000-\u206f"  # general punctuation: — … ‘ ’ “ ” ‰ ※
    "\u2100-\u218f"  # letterlike symbols and number forms: ℃ № Ⅰ Ⅱ
    "\u2190-\u22ff"  # arrows and mathematical operators: → ≤ ≥ ∶ (GBK's ratio colon)
    "\u2460-\u24ff"  # enclosed alphanumerics: ① ⑴ ⒈
    "\u2500-\u27bf"  # box drawing, blocks, geometric shapes, symbols, dingbats: ■ □ ● ◆ ★ ✓
    "\u3000-\u303f"  # CJK symbols and punctuation: 、 。 《 》 【 】
    "\u3200-\u33ff"  # enclosed CJK letters and CJK compatibility: ㈠ ㎡
    "\uff00-\uffef"  # fullwidth forms: ， （ ） ： ； １
    "]"
)
# Not counted either way: whitespace says nothing about the encoding, and control
# characters are judged by their own rule, whose message is the more useful one.
_NOT_COUNTED = compiled(r"[\s\x00-\x1f\x7f-\x9f]")

# A decode is plausible when at most this share of its counted characters is
# uncommon: enough slack for the odd Greek letter or Japanese kana in a real
# report, far too little for random bytes, which decode to mostly private-use
# and rare characters.
_MAX_UNCOMMON_SHARE = 0.05


class DecodeError(ValueError):
    """Bytes that are not a text report; ``reason`` is a short Chinese message.

    A subclass of ``ValueError`` so that callers may catch either, but never a
    ``UnicodeDecodeError``: the codec's English message about byte offsets is
    useless to the people who write reports, and readers catch exactly this
    class so that a genuine bug elsewhere is not mistaken for bad input.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def decode(data: bytes) -> tuple[str, str]:
    """Decode a report's bytes: return ``(text, encoding)`` or raise ``DecodeError``.

    ``encoding`` is one of ``utf-8``, ``utf-8-sig``, ``utf-16``, ``gb18030``;
    an empty input is ``("", "utf-8")``. ``text`` has its BOM removed and its
    line endings made ``\\n``; nothing else is changed. The module docstring
    gives the rules and the reasons for them.
    """
    text, encoding = _decode_raw(data)
    if _has_forbidden_control(text, data if encoding.startswith("utf-8") else None):
        raise DecodeError(BINARY_CONTROL)
    if "\r" in text:  # most files have none: one look instead of two replacements
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, encoding


def _has_forbidden_control(text: str, utf8: bytes | None) -> bool:
    """Whether ``text`` holds a forbidden control character; ``utf8``: the UTF-8 it was decoded from, if so.

    UTF-8 is looked at in its bytes, three times faster than the pattern over the text: deleting
    every allowed byte leaves the forbidden C0 controls and DEL, which UTF-8 writes as one
    byte each, and nothing else; a C1 control (U+0080-U+009F) starts with the byte ``\\xc2``,
    so text with that byte is searched as any other.
    """
    if utf8 is None or b"\xc2" in utf8:
        return _FORBIDDEN_CONTROL.search(text) is not None
    return bool(utf8.translate(None, _UTF8_ALLOWED_BYTES))


def _decode_raw(data: bytes) -> tuple[str, str]:
    """Pick the encoding and decode strictly, with the BOM (if any) removed."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            raise DecodeError(UTF8_BOM_FAILED) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not data.startswith(_UTF32_LE_BOM):
        codec = "utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
        try:
            return data[2:].decode(codec), "utf-16"
        except UnicodeDecodeError:
            raise DecodeError(UTF16_FAILED) from None
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is None:
            raise DecodeError(BINARY_NUL)
        return text, "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise DecodeError(UNKNOWN_ENCODING) from None
    # GB18030 has its own BOM (84 31 95 33), which decodes to U+FEFF.
    text = text.removeprefix("\ufeff")
    if not _is_plausible(text):
        raise DecodeError(UNKNOWN_ENCODING)
    return text, "gb18030"


def _utf16_without_bom(data: bytes) -> str | None:
    """The text of BOM-less UTF-16 that is clearly UTF-16, else None (the input is binary).

    Saved without a BOM (some editors and converters do), UTF-16 shows a NUL byte in every
    ASCII character (line breaks, digits, Latin letters), on the high side of the code unit:
    mostly the odd bytes for little-endian, the even ones for big-endian (a few Hanzi such as
    一 U+4E00 put one on the other side). The byte order with more NULs on its high side is
    tried; the text must decode strictly, hold no forbidden control character (a U+0000, which
    binary data is full of, is one) and read as Chinese prose by the test a GB18030 decode must
    pass (``_is_plausible``).
    """
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if max(even, odd) < 2 * min(even, odd):
        return None  # no side stands out: not the shape of text
    try:
        text = data.decode("utf-16-le" if odd > even else "utf-16-be")
    except UnicodeDecodeError:
        return None
    if _FORBIDDEN_CONTROL.search(text) or not _is_plausible(text):
        return None
    return text


def _is_plausible(text: str) -> bool:
    """Whether a GB18030 decode looks like Chinese prose rather than noise.

    At most 5 % of the counted characters (all but whitespace and control
    characters) may be uncommon. Common are the ranges of ``_COMMON`` and the
    6,763 Hanzi of GB2312. Not the whole CJK Unified Ideographs block: GBK's
    code space is dense with Hanzi, so random bytes decode mostly to Hanzi, but
    half of those are rare ones outside GB2312, while real reports use rare
    Hanzi a few times in ten thousand (the samples: 3 in 63,000). Measured on
    random bytes 0x80-0xFF, counting all Hanzi as common accepts 29 % of
    16-byte and 3.5 % of 64-byte inputs; counting GB2312 only, 0.1 % and none.
    A name written with a rare or Extension A character still fits the 5 %.

    Short inputs get no special rule, on purpose: below 20 counted characters
    a single uncommon one already breaks the 5 %, so a short input must consist
    of common characters only, which is the strictest test there is. A few
    bytes that happen to form common Hanzi are still accepted; with so little
    evidence nothing can tell them from a genuine two-character GBK file, and
    the report rules have next to nothing to check in it anyway. An input with
    nothing to count (blank lines only) is accepted: it is blank in any
    encoding.
    """
    visible = _NOT_COUNTED.sub("", text)
    if not visible:
        return True
    uncommon = sum(
        count
        for char, count in Counter(visible).items()
        if not (_COMMON.match(char) or _is_common_hanzi(char))
    )
    return uncommon <= _MAX_UNCOMMON_SHARE * len(visible)


def _is_common_hanzi(char: str) -> bool:
    """Whether ``char`` is one of GB2312's Hanzi, the ones everyday writing uses."""
    if not "\u4e00" <= char <= "\u9fff":
        return False
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True
