"""Reading heading markers: the number a marker stands for and how it is written.

The grammar decides *that* a line starts with a marker; this module says what
the marker means (一、 is 1 at rank 1, ⑵ is 2 at rank 4) and how it is written,
so rules judge a marker from its ``MarkerStyle`` without re-parsing it.
"""

from __future__ import annotations

import functools

from validator.model import MarkerStyle

_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_FULLWIDTH_BRACKETS = "（）"
_HALFWIDTH_BRACKETS = "()"
_DELIMITERS = "、.．，,:：是 \u3000"

# Grammar terminal -> (heading kind, GB/T 9704 rank)
MARKER_RANKS: dict[str, tuple[str, int | None]] = {
    "CN_MARKER": ("heading", 1),
    "PAREN_CN_MARKER": ("heading", 2),
    "DEC_MARKER": ("heading", 3),
    "PAREN_DEC_MARKER": ("heading", 4),
    "CIRCLED_MARKER": ("heading", 5),
    "ENUM_SHI": ("enum", None),
    "ENUM_QI": ("enum", None),
    "ENUM_DI": ("enum", None),
}


def chinese_to_int(numeral: str) -> int | None:
    """一 → 1, 十 → 10, 十一 → 11, 二十 → 20, 二十三 → 23; anything else → None."""
    if not numeral:
        return None
    if "十" not in numeral:
        return _CN_DIGITS.get(numeral) if len(numeral) == 1 else None
    tens, _, units = numeral.partition("十")
    tens_value = _CN_DIGITS.get(tens, 0) if tens else 1
    units_value = _CN_DIGITS.get(units, 0) if units else 0
    if (tens and not tens_value) or (units and not units_value):
        return None
    return tens_value * 10 + units_value


@functools.lru_cache(maxsize=512)
def marker_number(marker: str) -> int | None:
    """The value of a marker as written: （十二） → 12, 3． → 3, ⑤ → 5, 第二， → 2."""
    core = marker.strip(_FULLWIDTH_BRACKETS + _HALFWIDTH_BRACKETS + _DELIMITERS)
    core = core.removeprefix("其").removeprefix("第").rstrip(_FULLWIDTH_BRACKETS + _HALFWIDTH_BRACKETS)
    if not core:
        return None
    first = core[0]
    if "①" <= first <= "⑳":
        return ord(first) - ord("①") + 1
    if "⑴" <= first <= "⒇":
        return ord(first) - ord("⑴") + 1
    if core.isdecimal():
        return int(core)  # int() reads fullwidth digits too
    return chinese_to_int(core)


@functools.lru_cache(maxsize=512)
def marker_style(marker: str) -> MarkerStyle:
    """Describe how ``marker`` is written: numeral system, brackets, delimiter, digit width."""
    opening = marker[:1]
    closing_at = max(marker.find("）"), marker.find(")"))
    if opening in "（(" and closing_at > 0:
        pair = opening + marker[closing_at]
        brackets = "fullwidth" if pair == "（）" else "halfwidth" if pair == "()" else "mixed"
        delimiter = marker[closing_at + 1 :]
    else:
        brackets = "none"
        delimiter = marker.lstrip("其第").lstrip(
            "0123456789０１２３４５６７８９一二三四五六七八九十①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
        )
    return MarkerStyle(
        numeral=_numeral_kind(marker),
        brackets=brackets,
        delimiter=delimiter.strip(" \u3000"),
        digits="fullwidth" if any("０" <= c <= "９" for c in marker) else "halfwidth",
    )


def _numeral_kind(marker: str) -> str:
    if any(c.isdecimal() and not ("①" <= c <= "⒇") for c in marker):
        return "arabic"
    if any("①" <= c <= "⒇" for c in marker):
        return "circled"
    if any(c in _CN_DIGITS or c == "十" for c in marker):
        return "chinese"
    return "none"
