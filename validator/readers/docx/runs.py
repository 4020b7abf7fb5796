"""The visible text inside one Word paragraph, as a reader of the printed page reads it.

A paragraph's text is scattered over runs, and runs are wrapped in links,
tracked insertions, fields, content controls and compatibility branches; text
that no reader sees sits right beside it (tracked deletions, hidden text,
field codes, comment and footnote marks). Here we keep what shows and leave
out what does not:

* a soft line break (Shift+Enter) joins its two halves with nothing, as a
  Chinese reader reads across it; a tab becomes one space;
* text boxes are not read in place but handed back, to be read after the
  paragraph that anchors them, each box once.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from validator.readers.docx.ooxml import MC, alternative, is_on

if TYPE_CHECKING:
    from lxml.etree import _Element  # type: ignore[import-untyped, unused-ignore]

__all__ = ["ParagraphText"]


class ParagraphText:
    """Reads the text of paragraphs in the WordprocessingML namespace ``ns``."""

    def __init__(self, ns: str) -> None:
        self.w = ns
        self.spans: list[tuple[int, int, _Element | None]] = []
        self._length = 0
        # Inside a paragraph, what holds runs that read: links, tracked insertions and moves, fields…
        self._inline_tags = frozenset(
            ns + name
            for name in ("hyperlink", "ins", "moveTo", "smartTag", "customXml", "fldSimple", "bdo", "dir")
        )

    def read(self, paragraph: _Element) -> tuple[str, list[_Element]]:
        """The paragraph's visible text, and the contents of the text boxes anchored in it.

        ``spans`` is left holding, for each run that shows text, its start and end
        offsets in that text and its ``w:rPr`` (how the run is set).
        """
        parts: list[str] = []
        boxes: list[_Element] = []
        self.spans = []
        self._length = 0
        self._inline(paragraph, parts, boxes)
        return "".join(parts), boxes

    def _inline(self, element: _Element, parts: list[str], boxes: list[_Element]) -> None:
        """The visible text inside a paragraph: runs, also inside links, insertions, fields, controls."""
        w = self.w
        for child in element:
            tag = child.tag
            if tag == w + "r":
                self._run(child, parts, boxes)
            elif tag in self._inline_tags:
                self._inline(child, parts, boxes)
            elif tag == w + "sdt":
                content = child.find(w + "sdtContent")
                if content is not None:
                    self._inline(content, parts, boxes)
            elif tag == MC + "AlternateContent":
                chosen = alternative(child)
                if chosen is not None:
                    self._inline(chosen, parts, boxes)
            elif isinstance(tag, str) and tag.rpartition("}")[2] in ("oMath", "oMathPara"):
                formula = "".join(t.text or "" for t in child.iter("{*}t"))
                parts.append(formula)
                self._length += len(formula)
            # Left out: w:del and w:moveFrom (tracked deletions), comment ranges, bookmarks, proofing marks.

    def _run(self, run: _Element, parts: list[str], boxes: list[_Element]) -> None:
        """One run's text; its drawings' text boxes go to ``boxes``."""
        w = self.w
        properties = run.find(w + "rPr")
        if properties is not None and is_on(properties.find(w + "vanish"), w):
            return  # hidden text: Word does not show or print it
        first = len(parts)
        for child in run:
            tag = child.tag
            if tag == w + "t":
                parts.append((child.text or "").replace("\t", " ").replace("\r", "").replace("\n", ""))
            elif tag in (w + "tab", w + "ptab"):
                parts.append(" ")
            elif tag == w + "noBreakHyphen":
                parts.append("-")
            elif tag == w + "sym":
                parts.append(_symbol(child.get(w + "char")))
            elif tag in (w + "drawing", w + "pict", w + "object", MC + "AlternateContent"):
                boxes.extend(self._text_boxes(child))
            # Left out: w:br and w:cr (joined with nothing), w:delText, w:instrText (field codes),
            # w:commentReference, w:footnoteReference, w:softHyphen, w:lastRenderedPageBreak.
        shown = sum(len(part) for part in parts[first:])
        if shown:
            self.spans.append((self._length, self._length + shown, properties))
            self._length += shown

    def _text_boxes(self, element: _Element) -> Iterator[_Element]:
        """The outermost text-box contents in a drawing; a box nested in a box is read with its host."""
        for child in element:
            if child.tag == self.w + "txbxContent":
                yield child
            elif child.tag == MC + "AlternateContent":
                chosen = alternative(child)
                if chosen is not None:
                    yield from self._text_boxes(chosen)
            elif child.tag != MC + "Fallback":
                yield from self._text_boxes(child)


def _symbol(code: str | None) -> str:
    """A ``w:sym`` character; the private-use codes of symbol fonts (Wingdings) give nothing."""
    try:
        value = int(code or "", 16)
    except ValueError:
        return ""
    if value < 0x20 or 0xD800 <= value <= 0xF8FF or value > 0x10FFFF or 0x7F <= value < 0xA0:
        return ""
    return chr(value)
