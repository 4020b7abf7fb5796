"""Word's paragraph and run properties (``w:pPr``, ``w:rPr``) as flat dictionaries that merge by update.

Effective formatting is the last word in a fixed order: document defaults,
then the paragraph style and its ``basedOn`` ancestors (farthest first), then
the character style and its ancestors, then the run's own properties. Reading
every level into the same flat shape makes that order one ``dict.update`` per
level (``styles`` memoizes it per style, so a long chain costs its length
once). Only what the layout rules look at is read: fonts (with their theme
references), size, bold, alignment, first-line indent and line spacing.
Units are kept as Word writes them (twips, half-points, hundredths of a
character) until ``resolve`` turns them into points and characters.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from validator.readers.docx.ooxml import is_on, to_int

if TYPE_CHECKING:
    from lxml.etree import _Element  # type: ignore[import-untyped, unused-ignore]

__all__ = ["Props", "paragraph_props", "run_props", "theme_fonts"]

Props = dict[str, object]

_FONT_SLOTS = (("eastAsia", "ea"), ("ascii", "latin"))  # rFonts attribute → our key


def run_props(rpr: _Element | None, ns: str) -> Props:
    """What ``rpr`` sets: ``ea``/``latin`` (a typeface, or ``theme:minorEastAsia``), ``sz``, ``b``."""
    found: Props = {}
    if rpr is None:
        return found
    fonts = rpr.find(ns + "rFonts")
    if fonts is not None:
        for attribute, key in _FONT_SLOTS:
            theme = fonts.get(ns + attribute + "Theme")
            name = fonts.get(ns + attribute)
            if theme:  # a theme reference wins over the explicit name beside it (ECMA-376 §17.3.2.26)
                found[key] = "theme:" + theme
            elif name:
                found[key] = name
    size = to_int(_val(rpr.find(ns + "sz"), ns))
    if size is not None and 0 < size < 3200:
        found["sz"] = size
    bold = rpr.find(ns + "b")
    if bold is not None:
        found["b"] = is_on(bold, ns)
    return found


def paragraph_props(ppr: _Element | None, ns: str) -> Props:
    """What ``ppr`` sets: ``jc``, ``firstLine``/``left``/``right`` (and ``…Chars``), ``line``."""
    found: Props = {}
    if ppr is None:
        return found
    jc = _val(ppr.find(ns + "jc"), ns)
    if jc:
        found["jc"] = {"start": "left", "end": "right"}.get(jc, jc)
    indent = ppr.find(ns + "ind")
    if indent is not None:
        for first, hanging, key in (
            ("firstLine", "hanging", "firstLine"),
            ("firstLineChars", "hangingChars", "firstLineChars"),
        ):
            value = to_int(indent.get(ns + first))
            hung = to_int(indent.get(ns + hanging))
            if hung:
                found[key] = -hung
            elif value is not None:
                found[key] = value
        for names, key in ((("left", "start"), "left"), (("right", "end"), "right")):
            for name in names:  # w:start/w:end are the strict schema's spelling of w:left/w:right
                if (value := to_int(indent.get(ns + name))) is not None:
                    found[key] = value
                if (value := to_int(indent.get(ns + name + "Chars"))) is not None:
                    found[key + "Chars"] = value
    spacing = ppr.find(ns + "spacing")
    if spacing is not None:
        line = to_int(spacing.get(ns + "line"))
        if line is not None and line > 0:
            found["line"] = line
            found["lineRule"] = spacing.get(ns + "lineRule") or "auto"
    return found


def theme_fonts(theme: _Element | None) -> dict[str, str]:
    """``minorEastAsia`` → typeface, ``majorHAnsi`` → …, from ``theme1.xml``'s font scheme.

    An empty ``a:ea`` means "the font for the script": for Chinese that is the
    ``a:font script="Hans"`` entry, which is where Word's own theme names 等线.
    """
    fonts: dict[str, str] = {}
    if theme is None:
        return fonts
    for kind in ("major", "minor"):
        scheme = next(theme.iter("{*}" + kind + "Font"), None)
        if scheme is None:
            continue
        hans = next(
            (f.get("typeface") or "" for f in scheme.iterfind("{*}font") if f.get("script") == "Hans"), ""
        )
        latin = scheme.find("{*}latin")
        ea = scheme.find("{*}ea")
        latin_name = latin.get("typeface") or "" if latin is not None else ""
        fonts[kind + "HAnsi"] = fonts[kind + "Ascii"] = fonts[kind + "Bidi"] = latin_name
        fonts[kind + "EastAsia"] = (ea.get("typeface") or "" if ea is not None else "") or hans
    return fonts


def _val(element: _Element | None, ns: str) -> str | None:
    if element is None:
        return None
    value: str | None = element.get(ns + "val")
    return value
