"""Formatting as Word resolves it: each paragraph's ``ParagraphFormat``, each section's ``PageSetup``.

A run's type is the last word in a fixed order (ECMA-376 §17.7.2): document
defaults, the paragraph style's chain, the character style's chain, the run's
own ``w:rPr``; a paragraph's alignment, indent and spacing likewise from the
defaults, its style's chain and its own ``w:pPr``. Theme references
(``minorEastAsia``) are replaced by the theme's typefaces. Adjacent runs set
alike are merged, so a line has as many ``RunFormat`` as it has changes of type.

Units become those of the page rules: points for sizes and spacing, characters
for the first-line indent (Word's ``firstLineChars`` when given, else the
indent in points over the paragraph's type size), millimetres for paper and
margins (1 mm = 56.7 twips).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from validator.model import PageNumber, PageSetup, ParagraphFormat, RunFormat
from validator.readers.docx.ooxml import child_value, to_int
from validator.readers.docx.properties import Props, paragraph_props, run_props

if TYPE_CHECKING:
    from lxml.etree import _Element  # type: ignore[import-untyped, unused-ignore]

    from validator.readers.docx.styles import Styles

__all__ = ["Formatter", "page_setup"]

_WORD_DEFAULT_SIZE = 10.0  # points, when no level of the hierarchy gives a size
_TWIPS_PER_MM = 1440 / 25.4


class Formatter:
    """Resolves the formatting of the paragraphs of one document (its styles and theme fonts)."""

    def __init__(self, ns: str, styles: Styles, theme: dict[str, str]) -> None:
        self.w = ns
        self.styles = styles
        self.theme = theme

    def paragraph(
        self,
        ppr: _Element | None,
        style_id: str | None,
        spans: Sequence[tuple[int, int, _Element | None]],
        offset: int,
        in_table: bool = False,
    ) -> ParagraphFormat:
        """A paragraph's format; its runs cover ``spans`` of its text, which starts at ``offset + 1``."""
        base_paragraph, base_run = self.styles.paragraph_format(style_id)
        props = {**base_paragraph, **paragraph_props(ppr, self.w)}
        runs: list[RunFormat] = []
        for start, end, rpr in spans:
            run = self.run(base_run, rpr)
            if runs and runs[-1].end == offset + start + 1 and _same(runs[-1], run):
                runs[-1] = RunFormat(
                    runs[-1].start, offset + end + 1, run.font, run.latin_font, run.size, run.bold
                )
            else:
                runs.append(
                    RunFormat(
                        offset + start + 1, offset + end + 1, run.font, run.latin_font, run.size, run.bold
                    )
                )
        size = runs[0].size if runs else self._size(base_run)
        return ParagraphFormat(
            style=self.styles.name(style_id),
            alignment=str(props.get("jc", "left")),
            first_line_indent=_indent(props, "firstLine", size or _WORD_DEFAULT_SIZE),
            left_indent=_indent(props, "left", size or _WORD_DEFAULT_SIZE),
            right_indent=_indent(props, "right", size or _WORD_DEFAULT_SIZE),
            line_spacing=_spacing(props),
            line_rule=str(props.get("lineRule", "auto")),
            runs=tuple(runs),
            in_table=in_table,
        )

    def run(self, base: Props, rpr: _Element | None) -> RunFormat:
        """One run's type: paragraph style's run properties, its character style's, its own."""
        character = self.styles.character_format(child_value(rpr, self.w, "rStyle"))
        props = {**base, **character, **run_props(rpr, self.w)}
        return RunFormat(
            0,
            0,
            self._font(props.get("ea")),
            self._font(props.get("latin")),
            self._size(props),
            bool(props.get("b")),
        )

    def _font(self, value: object) -> str:
        name = str(value or "")
        return self.theme.get(name[6:], "") if name.startswith("theme:") else name

    @staticmethod
    def _size(props: Props) -> float:
        half_points = props.get("sz")
        return half_points / 2 if isinstance(half_points, int) else _WORD_DEFAULT_SIZE


def page_setup(section: _Element, ns: str, first_line: int, page_number: PageNumber | None) -> PageSetup:
    """Paper size and margins of ``w:sectPr`` in millimetres (A4 portrait when it does not say)."""
    size = section.find(ns + "pgSz")
    margins = section.find(ns + "pgMar")

    def mm(element: _Element | None, name: str, default: int) -> float:
        value = to_int(element.get(ns + name)) if element is not None else None
        return round((default if value is None else abs(value)) / _TWIPS_PER_MM, 1)

    return PageSetup(
        first_line=first_line,
        width=mm(size, "w", 11906),
        height=mm(size, "h", 16838),
        top=mm(margins, "top", 1440),
        bottom=mm(margins, "bottom", 1440),
        left=mm(margins, "left", 1800) + mm(margins, "gutter", 0),
        right=mm(margins, "right", 1800),
        page_number=page_number,
        line_pitch=_pitch(section.find(ns + "docGrid"), ns),
    )


def _pitch(grid: _Element | None, ns: str) -> float | None:
    """The grid's line pitch in points, when lines snap to a grid (``lines`` or ``linesAndChars``)."""
    if grid is None or grid.get(ns + "type") not in ("lines", "linesAndChars", "snapToChars"):
        return None
    pitch = to_int(grid.get(ns + "linePitch"))
    return pitch / 20 if pitch else None


def _same(a: RunFormat, b: RunFormat) -> bool:
    return (a.font, a.latin_font, a.size, a.bold) == (b.font, b.latin_font, b.size, b.bold)


def _indent(props: Props, key: str, size: float) -> float:
    """An indent in characters: Word's ``…Chars`` (hundredths) when given, else the twips over the size."""
    chars = props.get(key + "Chars")
    if isinstance(chars, int) and chars:
        return chars / 100
    twips = props.get(key)
    return round(twips / 20 / size, 2) if isinstance(twips, int) else 0.0


def _spacing(props: Props) -> float | None:
    line = props.get("line")
    if not isinstance(line, int):
        return None
    return line / 240 if props.get("lineRule", "auto") == "auto" else line / 20
