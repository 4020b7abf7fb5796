"""The body of a Word document in reading order, one ``DocxParagraph`` per paragraph.

Line N of the text we produce is the N-th paragraph here, so the order is the
order a reader reads in: table cells row by row, text boxes after the
paragraph that anchors them, content controls and compatibility branches
opened, empty paragraphs included. Tracked changes read as accepted: a
deleted table row is left out, and a deleted paragraph mark joins the
paragraph to the next one. Each paragraph gets its automatic number in front
(found through its own ``numPr`` or its style's), its style's name and its
heading level. The text within a paragraph is ``docx_runs``'s job.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from validator.errors import InputError
from validator.model import ParagraphFormat
from validator.readers.docx.ooxml import MC, alternative, child_value, to_int

if TYPE_CHECKING:
    from lxml.etree import _Element  # type: ignore[import-untyped, unused-ignore]

    from validator.readers.docx.layout import Formatter
    from validator.readers.docx.numbering import Numbering
    from validator.readers.docx.styles import Styles

__all__ = ["MAX_TEXT", "BodyReader", "DocxParagraph"]

MAX_TEXT = 10_000_000  # characters of text produced; a report has some ten thousand


@dataclass(frozen=True)
class DocxParagraph:
    """One paragraph as read: its line of text and what Word knows about it beyond the text.

    ``marker`` is the automatic number rendered at the start of ``text``
    (empty when the paragraph has none); ``style`` is the paragraph style's
    name (``heading 1``, ``标题 2``); ``heading_level`` is the 1-based outline
    level that the style or the paragraph declares, which the parser takes as a
    heading hint for a paragraph without a number; ``in_table`` says the paragraph stands in a table cell;
    ``format`` is how Word sets it (None when the reader was not asked to resolve it).
    """

    text: str
    marker: str = ""
    style: str = ""
    heading_level: int | None = None
    in_table: bool = False
    format: ParagraphFormat | None = None


class BodyReader:
    """Walks the body in reading order and turns each paragraph into a ``DocxParagraph``."""

    def __init__(
        self, path: str, ns: str, styles: Styles, numbering: Numbering, formatter: Formatter | None = None
    ) -> None:
        # Imported here, not above: every run imports this module (for DocxParagraph), few read a .docx.
        from validator.readers.docx.numbering import NumberingCounter
        from validator.readers.docx.runs import ParagraphText

        self.path = path
        self.w = ns
        self.styles = styles
        self.numbering = numbering
        self.counter = NumberingCounter(numbering)
        self.text = ParagraphText(ns)
        self.formatter = formatter
        self.paragraphs: list[DocxParagraph] = []
        self.sections: list[
            tuple[_Element, int]
        ] = []  # each w:sectPr of a paragraph, and its line count so far
        self._size = 0
        self._block_tags = (ns + "tbl", ns + "sdt", ns + "customXml", MC + "AlternateContent")

    def blocks(self, container: _Element, in_table: bool) -> None:
        """Paragraphs and tables of a body, cell, content control or text box, in order."""
        w = self.w
        carried = ""  # text of paragraphs whose mark was deleted: it joins the next paragraph
        for element in container:
            tag = element.tag
            if tag == w + "p":
                carried = self.paragraph(element, in_table, carried)
                continue
            if tag not in self._block_tags:  # bookmarks, range marks, w:sectPr: no text
                continue
            if carried:  # a table or the end of the container: nothing to join the text to
                self._emit(DocxParagraph(carried, in_table=in_table))
                carried = ""
            if tag == w + "tbl":
                self.table(element)
            elif tag == w + "sdt":
                content = element.find(w + "sdtContent")
                if content is not None:
                    self.blocks(content, in_table)
            elif tag == w + "customXml":
                self.blocks(element, in_table)
            elif tag == MC + "AlternateContent":
                chosen = alternative(element)
                if chosen is not None:
                    self.blocks(chosen, in_table)
        if carried:
            self._emit(DocxParagraph(carried, in_table=in_table))

    def table(self, table: _Element) -> None:
        """Rows top to bottom, cells left to right; rows deleted as tracked changes are left out."""
        for row in self._wrapped(table, "tr"):
            if row.find(f"{self.w}trPr/{self.w}del") is not None:
                continue
            for cell in self._wrapped(row, "tc"):
                self.blocks(cell, in_table=True)

    def _wrapped(self, parent: _Element, name: str) -> Iterator[_Element]:
        """Children called ``name``, also those wrapped in content controls or custom XML."""
        for child in parent:
            if child.tag == self.w + name:
                yield child
            elif child.tag == self.w + "sdt":
                content = child.find(self.w + "sdtContent")
                if content is not None:
                    yield from self._wrapped(content, name)
            elif child.tag == self.w + "customXml":
                yield from self._wrapped(child, name)

    def paragraph(self, element: _Element, in_table: bool, carried: str) -> str:
        """Emit the paragraph (with ``carried`` text in front); return its text if its mark was deleted."""
        w = self.w
        properties = element.find(w + "pPr")
        own_text, boxes = self.text.read(element)
        text = carried + own_text
        mark = properties.find(w + "rPr") if properties is not None else None
        if mark is not None and (mark.find(w + "del") is not None or mark.find(w + "moveFrom") is not None):
            return text  # accepted, the deletion joins this paragraph to the next: it is not counted
        style_id = child_value(properties, w, "pStyle")
        marker = self._number(properties, style_id)
        if marker and marker[-1].isascii() and marker[-1].isalnum():
            marker += " "  # "%1" with Word's tab after it: keep number and text apart
        own_level = to_int(child_value(properties, w, "outlineLvl"))
        layout = (
            self.formatter.paragraph(
                properties, style_id, self.text.spans, len(marker) + len(carried), in_table
            )
            if self.formatter is not None
            else None
        )
        self._emit(
            DocxParagraph(
                text=marker + text,
                marker=marker.rstrip(" "),
                style=self.styles.name(style_id),
                heading_level=own_level + 1
                if own_level is not None and 0 <= own_level < 9
                else self.styles.heading_level(style_id),
                in_table=in_table,
                format=layout,
            )
        )
        section = properties.find(w + "sectPr") if properties is not None else None
        if section is not None:
            self.sections.append((section, len(self.paragraphs)))
        for box in boxes:  # text boxes anchored in this paragraph read after it
            self.blocks(box, in_table)
        return ""

    def _number(self, properties: _Element | None, style_id: str | None) -> str:
        """The paragraph's automatic number, from its own ``numPr`` or its style's."""
        w = self.w
        num_id = to_int(child_value(properties, w, "numPr", "numId"))
        ilvl = to_int(child_value(properties, w, "numPr", "ilvl"))
        if num_id is None:
            num_id = self.styles.num_id(style_id)
        if not num_id:  # None, or 0: numbering switched off
            return ""
        if ilvl is None:  # nearest style first: its own ilvl, else its linked level
            ilvl = self.styles.list_level(style_id, num_id, self.numbering.level_for_style)
        return self.counter.marker(num_id, ilvl or 0)

    def _emit(self, paragraph: DocxParagraph) -> None:
        """Keep ``paragraph``, unless the text read so far passes ``MAX_TEXT``."""
        self._size += len(paragraph.text) + 1
        if self._size > MAX_TEXT:
            raise InputError(self.path, f"文字内容过大（超过 {MAX_TEXT // 10_000} 万字），已拒绝")
        self.paragraphs.append(paragraph)
