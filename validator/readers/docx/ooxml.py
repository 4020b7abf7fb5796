"""Small readers of WordprocessingML values, shared by the body, style and numbering readers.

OOXML spells the same few things in many places: a property's value sits in a
``w:val`` attribute of a child element, a switch is on when present unless it
says ``0``/``false``/``off``, numbers are decimal strings that a hostile or
sloppy writer may make absurdly long, and Word 2010+ wraps newer markup in
``mc:AlternateContent`` with an older fallback. Reading each of them one way,
here, keeps the other modules about what the values mean. Nothing here imports
lxml: the elements are only passed through, so the module costs nothing at
start-up.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.etree import _Element  # type: ignore[import-untyped, unused-ignore]

__all__ = ["LEVELS", "MC", "alternative", "child_value", "is_on", "is_on_attribute", "namespace", "to_int"]

LEVELS = 9  # list levels (w:ilvl) and outline levels (w:outlineLvl) both run 0…8
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"


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


def is_on_attribute(value: str | None) -> bool:
    """An on/off attribute (``w:default="1"``): off unless it says so, unlike an on/off element."""
    return value is not None and value.lower() in ("1", "true", "on")


def alternative(element: _Element) -> _Element | None:
    """The branch of ``mc:AlternateContent`` to read: the first choice (DrawingML), else the fallback.

    Word writes a text box twice, as DrawingML (choice) and as VML (fallback);
    reading both would read the box twice.
    """
    chosen: _Element | None = element.find(MC + "Choice")
    if chosen is None:
        chosen = element.find(MC + "Fallback")
    return chosen
