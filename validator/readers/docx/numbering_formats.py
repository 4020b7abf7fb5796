"""Numbers written in Word's list formats (``w:numFmt``): 一 十一 一百零一, ①, 壹拾, 甲乙丙, IV, AA.

A heading's number is judged as the reader sees it, so ``（十一）`` must come
out exactly as Word draws it, not as ``（11）``. Word's conventions are not
always the textbook ones: chineseCounting writes 十一, not 一十一, and past 99
goes digit by digit (一〇〇); letters repeat (AA, BB) instead of counting on
(AA, AB); a count outside what a format can write falls back to Arabic digits.
Kept apart from the counting (``docx_numbering``): how a number is written does
not depend on how it was counted.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["format_number"]

_CN_DIGITS = "〇一二三四五六七八九"
_CN_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_IDEOGRAPH_TRADITIONAL = "甲乙丙丁戊己庚辛壬癸"
_IDEOGRAPH_ZODIAC = "子丑寅卯辰巳午未申酉戌亥"
_FULLWIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def _chinese(
    value: int, digits: str = _CN_DIGITS, units: str = "十百千", drop_leading_one: bool = True
) -> str:
    """一 … 十 十一 … 二十 … 一百零一 … 九千九百九十九 (四位以内)."""
    written = str(value)
    parts: list[str] = []
    zero_pending = False
    for position, char in enumerate(written):
        digit = int(char)
        place = len(written) - position - 1
        if digit == 0:
            zero_pending = bool(parts)
            continue
        if zero_pending:
            parts.append("零")
            zero_pending = False
        parts.append(digits[digit] + (units[place - 1] if place else ""))
    text = "".join(parts)
    if drop_leading_one and 10 <= value <= 19:
        text = text[1:]  # 十一, not 一十一
    return text


def _chinese_counting(value: int) -> str:
    if 1 <= value <= 99:
        return _chinese(value)
    return "".join(_CN_DIGITS[int(c)] for c in str(value))


def _chinese_counting_thousand(value: int) -> str:
    return _chinese(value) if 1 <= value <= 9999 else _chinese_counting(value)


def _chinese_legal(value: int) -> str:
    if 1 <= value <= 9999:
        return _chinese(value, _CN_LEGAL_DIGITS, "拾佰仟", drop_leading_one=False)
    return str(value)


def _cycle(alphabet: str) -> Callable[[int], str]:
    return lambda value: alphabet[(value - 1) % len(alphabet)]


def _enclosed(first: str, count: int) -> Callable[[int], str]:
    return lambda value: chr(ord(first) + value - 1) if 1 <= value <= count else str(value)


def _letter(value: int, upper: bool) -> str:
    """A B … Z AA BB …, as Word repeats the letter; large counts fall back to digits."""
    if not 1 <= value <= 780:
        return str(value)
    letter = chr(ord("A" if upper else "a") + (value - 1) % 26)
    return letter * ((value - 1) // 26 + 1)


def _roman(value: int, upper: bool) -> str:
    if not 1 <= value <= 3999:
        return str(value)
    numerals = (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    )  # fmt: skip
    parts = []
    for amount, symbol in numerals:
        count, value = divmod(value, amount)
        parts.append(symbol * count)
    text = "".join(parts)
    return text if upper else text.lower()


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalHalfWidth": str,
    "decimalZero": lambda value: f"{value:02d}" if 0 <= value < 10 else str(value),
    "decimalFullWidth": lambda value: str(value).translate(_FULLWIDTH_DIGITS),
    "decimalFullWidth2": lambda value: str(value).translate(_FULLWIDTH_DIGITS),
    "decimalEnclosedCircle": _enclosed("①", 20),
    "decimalEnclosedCircleChinese": _enclosed("①", 20),
    "decimalEnclosedParen": _enclosed("⑴", 20),
    "decimalEnclosedFullstop": _enclosed("⒈", 20),
    "chineseCounting": _chinese_counting,
    "chineseCountingThousand": _chinese_counting_thousand,
    "japaneseCounting": _chinese_counting_thousand,
    "taiwaneseCounting": _chinese_counting,
    "taiwaneseCountingThousand": _chinese_counting_thousand,
    "chineseLegalSimplified": _chinese_legal,
    "ideographDigital": lambda value: "".join(_CN_DIGITS[int(c)] for c in str(value)),
    "taiwaneseDigital": lambda value: "".join(_CN_DIGITS[int(c)] for c in str(value)),
    "ideographTraditional": _cycle(_IDEOGRAPH_TRADITIONAL),
    "ideographZodiac": _cycle(_IDEOGRAPH_ZODIAC),
    "upperLetter": lambda value: _letter(value, upper=True),
    "lowerLetter": lambda value: _letter(value, upper=False),
    "upperRoman": lambda value: _roman(value, upper=True),
    "lowerRoman": lambda value: _roman(value, upper=False),
    "none": lambda value: "",
    "bullet": lambda value: "",
}


def format_number(value: int, fmt: str) -> str:
    """``value`` written in Word's number format ``fmt``; an unknown format (or 0, −1) as digits."""
    if value < 1 and fmt not in ("none", "bullet"):
        return (
            _CN_DIGITS[0]
            if value == 0 and fmt in ("chineseCounting", "chineseCountingThousand")
            else str(value)
        )
    return _FORMATS.get(fmt, str)(value)
