"""The paragraph styles of ``styles.xml``: what a paragraph inherits that its own markup does not say.

Offices number and level their headings through styles (标题 1, Heading 2), so
a paragraph that says nothing about lists may still be numbered, and a heading
may be one only by its style's name or outline level. Styles inherit through
``basedOn``, so every question here walks that chain, nearest style first.
Numbering styles are kept too, only for the list each one links to
(``numStyleLink`` in ``numbering.xml`` refers to them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from validator.readers.docx.ooxml import LEVELS, child_value, is_on_attribute, namespace, to_int

if TYPE_CHECKING:
    from lxml.etree import _Element  # type: ignore[import-untyped, unused-ignore]

__all__ = ["Style", "Styles"]

_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)


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
