"""The styles of ``styles.xml``: what a paragraph or run inherits that its own markup does not say.

Offices number and level their headings through styles (标题 1, Heading 2), and
set fonts and sizes through them, so a paragraph that says nothing may still be
numbered, be a heading, or be set in 仿宋 16 pt. Styles inherit through
``basedOn``, nearest style first. Every question here is answered by folding
the chain from its farthest ancestor down and remembering the answer for each
style on the way (``_fold``): a paragraph's question then costs one look-up,
and a chain of N styles costs N once, not N per paragraph (a hostile file with
a chain of 16,000 styles used to cost minutes). A ``basedOn`` cycle ends the
walk where it closes. Numbering styles are kept only for the list each one
links to (``numStyleLink`` in ``numbering.xml`` refers to them).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from validator.readers.docx.ooxml import LEVELS, child_value, is_on_attribute, namespace, to_int
from validator.readers.docx.properties import Props, paragraph_props, run_props
from validator.regexes import compiled

if TYPE_CHECKING:
    from lxml.etree import _Element  # type: ignore[import-untyped, unused-ignore]

__all__ = ["Style", "Styles"]

_HEADING_NAME = compiled(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_T = TypeVar("_T")
_NOT_A_HEADING = 0  # a style that decides "no heading" (outline level 9, body text): ancestors are not asked


@dataclass(frozen=True)
class Style:
    """What of a style matters here: its list, its outline level, its parent, its formatting."""

    name: str = ""
    based_on: str | None = None
    num_id: int | None = None
    ilvl: int | None = None
    outline_level: int | None = None  # w:outlineLvl, 0-based; 9 is body text
    paragraph: Props = field(default_factory=dict)
    run: Props = field(default_factory=dict)


@dataclass
class Styles:
    """The paragraph and character styles of ``styles.xml``, the document defaults, and numbering styles."""

    paragraph: dict[str, Style] = field(default_factory=dict)
    character: dict[str, Style] = field(default_factory=dict)
    default: str | None = None
    numbering: dict[str, int] = field(default_factory=dict)  # numbering style id -> its numId
    default_paragraph: Props = field(default_factory=dict)  # w:docDefaults/w:pPrDefault
    default_run: Props = field(default_factory=dict)  # w:docDefaults/w:rPrDefault
    _memo: dict[object, dict[str, object]] = field(default_factory=dict, repr=False)

    @classmethod
    def from_xml(cls, root: _Element | None) -> Styles:
        styles = cls()
        if root is None:
            return styles
        ns = namespace(root)
        defaults = root.find(ns + "docDefaults")
        if defaults is not None:
            styles.default_paragraph = paragraph_props(defaults.find(f"{ns}pPrDefault/{ns}pPr"), ns)
            styles.default_run = run_props(defaults.find(f"{ns}rPrDefault/{ns}rPr"), ns)
        for element in root.iterfind(ns + "style"):
            style_id: str = element.get(ns + "styleId") or ""
            kind = element.get(ns + "type") or "paragraph"
            properties = element.find(ns + "pPr")
            num_id = to_int(child_value(properties, ns, "numPr", "numId"))
            if kind == "numbering":
                if num_id is not None:
                    styles.numbering[style_id] = num_id
                continue
            if kind not in ("paragraph", "character"):
                continue
            style = Style(
                name=child_value(element, ns, "name") or style_id,
                based_on=child_value(element, ns, "basedOn"),
                num_id=num_id,
                ilvl=to_int(child_value(properties, ns, "numPr", "ilvl")),
                outline_level=to_int(child_value(properties, ns, "outlineLvl")),
                paragraph=paragraph_props(properties, ns),
                run=run_props(element.find(ns + "rPr"), ns),
            )
            table = styles.paragraph if kind == "paragraph" else styles.character
            table.setdefault(style_id, style)
            if (
                kind == "paragraph"
                and styles.default is None
                and is_on_attribute(element.get(ns + "default"))
            ):
                styles.default = style_id
        return styles

    def _fold(
        self,
        key: object,
        table: dict[str, Style],
        style_id: str | None,
        start: _T,
        step: Callable[[_T, str, Style], _T],
    ) -> _T:
        """``step`` applied from the farthest ancestor of ``style_id`` down to it, remembered per style.

        Each style's answer is stored under ``key`` the first time it is
        computed, so the walk stops at the first ancestor already answered:
        all paragraphs together cost the number of styles, whatever the depth.
        """
        memo = self._memo.setdefault(key, {})
        path: list[str] = []
        seen: set[str] = set()
        current = style_id
        while current is not None and current in table and current not in memo and current not in seen:
            seen.add(current)
            path.append(current)
            current = table[current].based_on
        value: _T = memo[current] if current is not None and current in memo else start  # type: ignore[assignment]
        for name in reversed(path):
            value = step(value, name, table[name])
            memo[name] = value
        return value

    def _own(self, style_id: str | None) -> str | None:
        return style_id if style_id is not None else self.default

    def heading_level(self, style_id: str | None) -> int | None:
        """1-based heading level the style implies (标题 2 / Heading 2 / outline level 1), if any."""

        def step(inherited: int | None, _: str, style: Style) -> int | None:
            match = _HEADING_NAME.match(style.name.strip())
            if match:
                return int(match.group(1))
            if style.outline_level is not None:
                return style.outline_level + 1 if 0 <= style.outline_level < LEVELS else _NOT_A_HEADING
            return inherited

        level = self._fold("heading", self.paragraph, self._own(style_id), None, step)
        return level or None

    def num_id(self, style_id: str | None) -> int | None:
        """The list the nearest style in the chain names, if any."""

        def step(inherited: int | None, _: str, style: Style) -> int | None:
            return style.num_id if style.num_id is not None else inherited

        return self._fold("num", self.paragraph, self._own(style_id), None, step)

    def list_level(
        self, style_id: str | None, num_id: int, linked: Callable[[int, str], int | None]
    ) -> int | None:
        """The list level of the nearest style that says one: its ``ilvl``, else its level in ``num_id``."""

        def step(inherited: int | None, name: str, style: Style) -> int | None:
            own = style.ilvl if style.ilvl is not None else linked(num_id, name)
            return own if own is not None else inherited

        return self._fold(("ilvl", num_id), self.paragraph, self._own(style_id), None, step)

    def name(self, style_id: str | None) -> str:
        style = self.paragraph.get(self._own(style_id) or "")
        return style.name if style is not None else ""

    def paragraph_format(self, style_id: str | None) -> tuple[Props, Props]:
        """The paragraph and run properties a paragraph style gives, document defaults under them."""
        own = self._own(style_id)
        paragraph = self._fold("ppr", self.paragraph, own, self.default_paragraph, _merge_paragraph)
        run = self._fold("rpr", self.paragraph, own, self.default_run, _merge_run)
        return paragraph, run

    def character_format(self, style_id: str | None) -> Props:
        """The run properties a character style gives (its chain only: the caller lays it over the rest)."""
        return self._fold("char", self.character, style_id, {}, _merge_run)


def _merge_paragraph(inherited: Props, _: str, style: Style) -> Props:
    return {**inherited, **style.paragraph} if style.paragraph else inherited


def _merge_run(inherited: Props, _: str, style: Style) -> Props:
    return {**inherited, **style.run} if style.run else inherited
