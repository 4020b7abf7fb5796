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
counts, each written in its level's ``numFmt`` (``numbering_formats``). Bullets
render as nothing: they number nothing, and a private-use Wingdings glyph would
only be noise in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from validator.readers.docx.numbering_formats import format_number
from validator.readers.docx.ooxml import LEVELS, MC, child_value, is_on, namespace, to_int
from validator.readers.docx.styles import Styles

if TYPE_CHECKING:
    from lxml.etree import _Element  # type: ignore[import-untyped, unused-ignore]

__all__ = ["Level", "Numbering", "NumberingCounter"]

_MAX_START = 32767  # Word's own limit for a list's start value
_MAX_LEVEL_TEXT = 64  # lvlText is a short template; a longer one is cut rather than trusted


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
    for fallback in element.iterfind(f"{MC}AlternateContent/{MC}Fallback"):
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
