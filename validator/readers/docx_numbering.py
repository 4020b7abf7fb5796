"""Word's automatic numbering, rendered as the reader of the document sees it: 一、 （一） 1. （1）.

Offices number headings with Word's lists, so 一、 lives in ``numbering.xml``
and never in the paragraph's text; a reader that only takes the text sees
headings without numbers, and every numbering rule would then judge a report
the author never wrote. Here we count as Word counts (ECMA-376 §17.9 and
Word's observed behaviour, which other renderers converge on):

* A paragraph's list is its own ``w:numPr``, else its paragraph style's (the
  ``basedOn`` chain); ``numId`` 0 switches numbering off. A missing ``ilvl``
  comes from the nearest style that says one: its own ``ilvl``, or the level
  of the list linked to it (``w:lvl/w:pStyle``, how heading lists work); else 0.
* Counts live on the abstract definition (``w:abstractNum``, after following
  ``numStyleLink``), not on the ``w:num``: two lists that share a definition
  continue each other. A ``w:num``'s ``startOverride`` restarts its level the
  first time that ``w:num`` is used at that level, which is what Word's
  "restart numbering" writes.
* A level restarts when a higher level advances, unless ``lvlRestart`` says
  otherwise (0: never; n: only when level n or a higher one advances).

Each level's ``lvlText`` (``%1、``, ``（%2）``, ``%1.%2``) is filled with the
counts formatted by ``numFmt``. Bullets render as nothing: they number
nothing, and a private-use Wingdings glyph would only be noise in the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.etree import _Element  # type: ignore[import-untyped, unused-ignore]

__all__ = ["Level", "Numbering", "NumberingCounter", "Style", "Styles", "format_number"]

LEVELS = 9  # w:ilvl 0…8
_MAX_START = 32767  # Word's own limit for a list's start value
_MAX_LEVEL_TEXT = 64  # lvlText is a short template; a longer one is cut rather than trusted
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_MARKUP_COMPATIBILITY = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"


def namespace(element: _Element) -> str:
    """``{uri}`` of ``element``'s tag: the transitional and the strict schema are both read."""
    tag: str = element.tag
    return tag[: tag.index("}") + 1] if tag.startswith("{") else ""


def child_value(element: _Element | None, ns: str, *path: str) -> str | None:
    """The ``w:val`` of the descendant at ``path`` (direct children only), or None."""
    for name in path:
        if element is None:
            return None
        element = element.find(ns + name)
    if element is None:
        return None
    value: str | None = element.get(ns + "val")
    return value


def to_int(value: str | None) -> int | None:
    """A small integer attribute, or None for anything missing, malformed or absurdly long."""
    if value is None or not re.fullmatch(r"[+-]?[0-9]{1,9}", value.strip()):
        return None
    return int(value)


def is_on(element: _Element | None, ns: str) -> bool:
    """An OOXML on/off property: present and not ``w:val="0|false|off"``."""
    if element is None:
        return False
    value: str | None = element.get(ns + "val")
    return value is None or value.lower() not in ("0", "false", "off")


# --------------------------------------------------------------------------- styles


@dataclass(frozen=True)
class Style:
    """What of a paragraph style matters here: its list, its outline level, its parent."""

    name: str = ""
    based_on: str | None = None
    num_id: int | None = None
    ilvl: int | None = None
    outline_level: int | None = None  # w:outlineLvl, 0-based; 9 is body text


@dataclass
class Styles:
    """The paragraph styles of ``styles.xml`` and the numbering styles that lists link to."""

    paragraph: dict[str, Style] = field(default_factory=dict)
    default: str | None = None
    numbering: dict[str, int] = field(default_factory=dict)  # numbering style id -> its numId

    @classmethod
    def from_xml(cls, root: _Element | None) -> Styles:
        styles = cls()
        if root is None:
            return styles
        ns = namespace(root)
        for element in root.iterfind(ns + "style"):
            style_id: str = element.get(ns + "styleId") or ""
            kind = element.get(ns + "type") or "paragraph"
            properties = element.find(ns + "pPr")
            num_id = to_int(child_value(properties, ns, "numPr", "numId"))
            if kind == "numbering":
                if num_id is not None:
                    styles.numbering[style_id] = num_id
                continue
            if kind != "paragraph":
                continue
            styles.paragraph[style_id] = Style(
                name=child_value(element, ns, "name") or style_id,
                based_on=child_value(element, ns, "basedOn"),
                num_id=num_id,
                ilvl=to_int(child_value(properties, ns, "numPr", "ilvl")),
                outline_level=to_int(child_value(properties, ns, "outlineLvl")),
            )
            if styles.default is None and is_on_attribute(element.get(ns + "default")):
                styles.default = style_id
        return styles

    def chain(self, style_id: str | None) -> Iterator[tuple[str, Style]]:
        """The style and its ``basedOn`` ancestors, nearest first (a cycle ends the walk)."""
        seen: set[str] = set()
        current = style_id if style_id is not None else self.default
        while current is not None and current not in seen and current in self.paragraph:
            seen.add(current)
            style = self.paragraph[current]
            yield current, style
            current = style.based_on

    def heading_level(self, style_id: str | None) -> int | None:
        """1-based heading level the style implies (标题 2 / Heading 2 / outline level 1), if any."""
        for _, style in self.chain(style_id):
            match = _HEADING_NAME.match(style.name.strip())
            if match:
                return int(match.group(1))
            if style.outline_level is not None:
                return style.outline_level + 1 if 0 <= style.outline_level < LEVELS else None
        return None

    def name(self, style_id: str | None) -> str:
        return next((style.name for _, style in self.chain(style_id)), "")


def is_on_attribute(value: str | None) -> bool:
    return value is not None and value.lower() in ("1", "true", "on")


# ------------------------------------------------------------------------ numbering


@dataclass(frozen=True)
class Level:
    """One ``w:lvl``: how its count starts, is written and restarts."""

    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # w:lvlRestart: None = after any higher level, 0 = never
    legal: bool = False  # w:isLgl: every number in the text written in Arabic digits
    style: str = ""  # w:pStyle: the paragraph style linked to this level


@dataclass(frozen=True)
class Instance:
    """One ``w:num``: an abstract definition, with its overrides applied."""

    abstract: str
    levels: tuple[Level, ...]
    start_overrides: dict[int, int]

    def start(self, ilvl: int) -> int:
        return self.start_overrides.get(ilvl, self.levels[ilvl].start)


@dataclass
class Numbering:
    """The lists of ``numbering.xml``, by ``numId``."""

    instances: dict[int, Instance] = field(default_factory=dict)

    @classmethod
    def from_xml(cls, root: _Element | None, styles: Styles) -> Numbering:
        if root is None:
            return cls()
        ns = namespace(root)
        abstracts = {
            element.get(ns + "abstractNumId") or "": element for element in root.iterfind(ns + "abstractNum")
        }
        nums = {
            num_id: element
            for element in root.iterfind(ns + "num")
            if (num_id := to_int(element.get(ns + "numId"))) is not None
        }
        numbering = cls()
        for num_id, element in nums.items():
            abstract_id = _resolve_abstract(
                child_value(element, ns, "abstractNumId"), abstracts, nums, styles, ns
            )
            if abstract_id is None:
                continue
            levels = list(_levels(abstracts[abstract_id], ns))
            overrides: dict[int, int] = {}
            for override in element.iterfind(ns + "lvlOverride"):
                ilvl = to_int(override.get(ns + "ilvl"))
                if ilvl is None or not 0 <= ilvl < LEVELS:
                    continue
                replacement = override.find(ns + "lvl")
                if replacement is not None:
                    levels[ilvl] = _level(replacement, ns)
                start = to_int(child_value(override, ns, "startOverride"))
                if start is not None:
                    overrides[ilvl] = _clamp(start)
            numbering.instances[num_id] = Instance(abstract_id, tuple(levels), overrides)
        return numbering

    def level_for_style(self, num_id: int, style_id: str) -> int | None:
        """The level of list ``num_id`` linked to paragraph style ``style_id`` (``w:lvl/w:pStyle``)."""
        instance = self.instances.get(num_id)
        if instance is None or not style_id:
            return None
        return next((ilvl for ilvl, level in enumerate(instance.levels) if level.style == style_id), None)


def _resolve_abstract(
    abstract_id: str | None,
    abstracts: dict[str, _Element],
    nums: dict[int, _Element],
    styles: Styles,
    ns: str,
) -> str | None:
    """Follow ``numStyleLink`` (a list that takes its levels from a numbering style) to real levels."""
    seen: set[str] = set()
    while abstract_id is not None and abstract_id in abstracts and abstract_id not in seen:
        seen.add(abstract_id)
        link = child_value(abstracts[abstract_id], ns, "numStyleLink")
        if link is None:
            return abstract_id
        linked_num = styles.numbering.get(link)
        element = nums.get(linked_num) if linked_num is not None else None
        if element is None:
            return abstract_id
        abstract_id = child_value(element, ns, "abstractNumId")
    return None


def _levels(abstract: _Element, ns: str) -> Iterator[Level]:
    by_level = {}
    for element in abstract.iterfind(ns + "lvl"):
        ilvl = to_int(element.get(ns + "ilvl"))
        if ilvl is not None and 0 <= ilvl < LEVELS:
            by_level[ilvl] = _level(element, ns)
    for ilvl in range(LEVELS):
        yield by_level.get(ilvl, Level(fmt="none"))


def _level(element: _Element, ns: str) -> Level:
    restart = to_int(child_value(element, ns, "lvlRestart"))
    start = to_int(child_value(element, ns, "start"))
    return Level(
        start=1 if start is None else _clamp(start),
        fmt=_number_format(element, ns),
        text=(child_value(element, ns, "lvlText") or "")[:_MAX_LEVEL_TEXT],
        restart=restart if restart is None or restart >= 0 else None,
        legal=is_on(element.find(ns + "isLgl"), ns),
        style=child_value(element, ns, "pStyle") or "",
    )


def _number_format(element: _Element, ns: str) -> str:
    """``w:numFmt``; Word 2010+ may wrap it in ``mc:AlternateContent``, whose fallback we read."""
    value = child_value(element, ns, "numFmt")
    if value is not None:
        return value
    for fallback in element.iterfind(
        f"{_MARKUP_COMPATIBILITY}AlternateContent/{_MARKUP_COMPATIBILITY}Fallback"
    ):
        value = child_value(fallback, ns, "numFmt")
        if value is not None:
            return value
    return "decimal"


def _clamp(value: int) -> int:
    """Start values between 0 and Word's maximum: a huge one would only make huge numerals."""
    return max(0, min(value, _MAX_START))


# ------------------------------------------------------------------------- counting


class NumberingCounter:
    """Running counts over the document, in reading order; one per document."""

    def __init__(self, numbering: Numbering) -> None:
        self._numbering = numbering
        self._counts: dict[str, list[int | None]] = {}
        self._used: set[tuple[int, int]] = set()

    def marker(self, num_id: int, ilvl: int) -> str:
        """Advance list ``num_id`` at level ``ilvl`` and return the number as shown ("" if none)."""
        instance = self._numbering.instances.get(num_id)
        if instance is None or not 0 <= ilvl < LEVELS:
            return ""
        counts = self._counts.setdefault(instance.abstract, [None] * LEVELS)
        if (num_id, ilvl) not in self._used:
            self._used.add((num_id, ilvl))
            if ilvl in instance.start_overrides:
                counts[ilvl] = None
        current = counts[ilvl]
        counts[ilvl] = instance.start(ilvl) if current is None else current + 1
        for deeper in range(ilvl + 1, LEVELS):
            restart = instance.levels[deeper].restart
            if ilvl < (deeper if restart is None else restart):
                counts[deeper] = None
        return _render(instance, ilvl, counts)


def _render(instance: Instance, ilvl: int, counts: list[int | None]) -> str:
    level = instance.levels[ilvl]
    if level.fmt in ("bullet", "none"):
        return ""

    def number(match: re.Match[str]) -> str:
        k = int(match.group(1)) - 1
        value = counts[k]
        fmt = instance.levels[k].fmt
        if level.legal and fmt != "none":
            fmt = "decimal"
        return format_number(instance.start(k) if value is None else value, fmt)

    return re.sub(r"%([1-9])", number, level.text)


# ------------------------------------------------------------------------ numerals

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
