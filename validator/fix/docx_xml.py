"""Inside ``word/document.xml``: which paragraph is which line, and how to mark a stretch of it.

The reader (``validator.readers.docx.body``) turns the body into lines; to put a
comment or a tracked change on a finding we need the way back, from a line
and a column to the ``w:t`` elements that hold those characters.
``ParagraphMap`` records the paragraph element of each line while the reader's
own ``BodyReader`` walks the body (so the order is the reader's by
construction), and ``segments`` reads a paragraph the way ``docx_runs`` does,
keeping for each piece of text the element it came from. A paragraph whose
pieces do not add up to the line the rules saw (text joined from a paragraph
whose mark was deleted, a line break inside ``w:t``) is "unmapped": its
findings become comments on the whole paragraph and its fixes are not made.

Marking a stretch first splits runs so that runs begin and end exactly at its
edges (each new run a copy of the old run's properties, so formatting is kept),
then puts ``w:commentRangeStart``/``End`` around them, or wraps each run in
``w:del`` (its ``w:t`` becoming ``w:delText``) and adds a ``w:ins`` run with the
replacement after them. Only runs that stand directly in the paragraph or in
a hyperlink are changed: a run inside an existing tracked change, a field or
a content control is commented, not rewritten.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import TYPE_CHECKING

from validator.readers.docx.body import BodyReader
from validator.readers.docx.ooxml import MC, alternative, is_on
from validator.readers.docx.runs import _symbol

if TYPE_CHECKING:
    from lxml.etree import _Element  # type: ignore[import-untyped, unused-ignore]

    from validator.readers.docx.numbering import Numbering
    from validator.readers.docx.styles import Styles

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
AUTHOR = "report-validator"


@dataclass(frozen=True)
class Line:
    """The paragraph behind one line of the text, and where its own text starts in the line.

    ``start`` is the length of the automatic number rendered in front; it is
    None when the paragraph's pieces do not add up to the line (unmapped).
    """

    element: _Element
    start: int | None


class ParagraphMap(BodyReader):
    """The reader's walk of the body, remembering the paragraph element of each line."""

    def __init__(self, path: str, ns: str, styles: Styles, numbering: Numbering) -> None:
        super().__init__(path, ns, styles, numbering)
        self.lines: dict[int, Line] = {}  # 0-based line → paragraph

    def paragraph(self, element: _Element, in_table: bool, carried: str) -> str:
        index = len(self.paragraphs)
        left = super().paragraph(element, in_table, carried)
        if len(self.paragraphs) > index:
            line = self.paragraphs[index].text
            own = "".join(text for _, text in segments(element, self.w))
            start = len(line) - len(own) if not carried and line.endswith(own) else None
            self.lines[index] = Line(element, start)
        return left


def segments(paragraph: _Element, w: str) -> list[tuple[_Element | None, str]]:
    """The paragraph's visible text in pieces: ``(w:t element, its text)``, or ``(None, text)``.

    None marks text no element holds one to one (a tab read as a space, a
    symbol, a formula): it can be commented, not rewritten. Mirrors
    ``docx_runs.ParagraphText``.
    """
    pieces: list[tuple[_Element | None, str]] = []
    _inline(paragraph, w, pieces)
    return pieces


_INLINE = ("hyperlink", "ins", "moveTo", "smartTag", "customXml", "fldSimple", "bdo", "dir")


def _inline(element: _Element, w: str, pieces: list[tuple[_Element | None, str]]) -> None:
    for child in element:
        tag = child.tag
        if tag == w + "r":
            _run(child, w, pieces)
        elif isinstance(tag, str) and tag.startswith(w) and tag[len(w) :] in _INLINE:
            _inline(child, w, pieces)
        elif tag == w + "sdt":
            content = child.find(w + "sdtContent")
            if content is not None:
                _inline(content, w, pieces)
        elif tag == MC + "AlternateContent":
            chosen = alternative(child)
            if chosen is not None:
                _inline(chosen, w, pieces)
        elif isinstance(tag, str) and tag.rpartition("}")[2] in ("oMath", "oMathPara"):
            pieces.append((None, "".join(t.text or "" for t in child.iter("{*}t"))))


def _run(run: _Element, w: str, pieces: list[tuple[_Element | None, str]]) -> None:
    properties = run.find(w + "rPr")
    if properties is not None and is_on(properties.find(w + "vanish"), w):
        return
    for child in run:
        tag = child.tag
        if tag == w + "t":
            text = child.text or ""
            clean = text.replace("\t", " ").replace("\r", "").replace("\n", "")
            pieces.append((child if clean == text else None, clean))
        elif tag in (w + "tab", w + "ptab"):
            pieces.append((None, " "))
        elif tag == w + "noBreakHyphen":
            pieces.append((None, "-"))
        elif tag == w + "sym":
            pieces.append((None, _symbol(child.get(w + "char"))))


class Marker:
    """Comments and tracked changes on one paragraph, addressed by offsets in its own text."""

    def __init__(self, paragraph: _Element, w: str) -> None:
        self.p = paragraph
        self.w = w

    def _element(self, name: str, **attributes: str) -> _Element:
        from lxml import etree  # type: ignore[import-untyped, unused-ignore]

        element = etree.Element(self.w + name)
        for key, value in attributes.items():
            element.set(self.w + key, value)
        return element

    def length(self) -> int:
        return sum(len(text) for _, text in segments(self.p, self.w))

    def _split_at(self, offset: int) -> None:
        """Make a run boundary at ``offset`` (a no-op at a boundary that exists)."""
        position = 0
        for element, text in segments(self.p, self.w):
            if position < offset < position + len(text) and element is not None:
                cut = offset - position
                tail = copy.deepcopy(element)
                element.text, tail.text = text[:cut], text[cut:]
                element.set(XML_SPACE, "preserve")
                tail.set(XML_SPACE, "preserve")
                element.addnext(tail)
                self._split_run_before(tail)
                return
            if position == offset and element is not None:
                self._split_run_before(element)
                return
            position += len(text)

    def _split_run_before(self, child: _Element) -> None:
        """Move ``child`` and what follows it in its run into a new run (same properties) after it."""
        run = child.getparent()
        if run is None or run.tag != self.w + "r":
            return
        content = [c for c in run if c.tag != self.w + "rPr"]
        if not content or content[0] is child:
            return
        properties = run.find(self.w + "rPr")
        new = self._element("r")
        if properties is not None:
            new.append(copy.deepcopy(properties))
        index = content.index(child)
        for moved in content[index:]:
            new.append(moved)
        run.addnext(new)

    def runs(self, start: int, end: int) -> list[tuple[_Element, _Element | None]] | None:
        """The runs holding ``[start, end)`` after splitting at both edges, each with its ``w:t``.

        None when the stretch is not all in ``w:t`` elements (a tab, a symbol).
        """
        self._split_at(start)
        self._split_at(end)
        found: list[tuple[_Element, _Element | None]] = []
        position = covered = 0
        whole = True
        for element, text in segments(self.p, self.w):
            if start <= position and position + len(text) <= end and text:
                covered += len(text)
                if element is None:
                    whole = False
                    continue
                run = element.getparent()
                if not found or found[-1][0] is not run:
                    found.append((run, element))
            position += len(text)
        return found if whole and covered == end - start else None

    def comment(self, comment_id: int, start: int | None, end: int | None) -> None:
        """Anchor comment ``comment_id`` on ``[start, end)``, or on the whole paragraph when None."""
        held = self.runs(start, end) if start is not None and end is not None and start < end else None
        range_start = self._element("commentRangeStart", id=str(comment_id))
        range_end = self._element("commentRangeEnd", id=str(comment_id))
        reference = self._element("r")
        reference.append(self._element("commentReference", id=str(comment_id)))
        if held:
            held[0][0].addprevious(range_start)
            held[-1][0].addnext(range_end)
        else:
            properties = self.p.find(self.w + "pPr")
            if properties is not None:
                properties.addnext(range_start)
            else:
                self.p.insert(0, range_start)
            self.p.append(range_end)
        range_end.addnext(reference)

    def change(self, start: int, end: int, replacement: str, first_id: int) -> int:
        """Replace ``[start, end)`` by ``replacement`` as a tracked change; the ids used (0: not made)."""
        if start == end:
            return self._insert_at(start, replacement, first_id)
        held = self.runs(start, end)
        if not held or any(run.getparent() is None or not self._editable(run) for run, _ in held):
            return 0
        used = 0
        for run, _ in held:
            deletion = self._element("del", id=str(first_id + used), author=AUTHOR)
            used += 1
            run.addprevious(deletion)
            deletion.append(run)
            for text in run.iter(self.w + "t"):
                text.tag = self.w + "delText"
                text.set(XML_SPACE, "preserve")
            for code in run.iter(self.w + "instrText"):
                code.tag = self.w + "delInstrText"
        if replacement:
            held[-1][0].getparent().addnext(self._insertion(held[0][0], replacement, first_id + used))
            used += 1
        return used

    def _insert_at(self, offset: int, replacement: str, ins_id: int) -> int:
        held = self.runs(offset, offset + 1) if offset < self.length() else None
        if held and self._editable(held[0][0]):
            held[0][0].addprevious(self._insertion(held[0][0], replacement, ins_id))
            return 1
        return 0

    def _insertion(self, like: _Element, text: str, ins_id: int) -> _Element:
        """A ``w:ins`` holding one run with ``text``, formatted like the run ``like``."""
        insertion = self._element("ins", id=str(ins_id), author=AUTHOR)
        run = self._element("r")
        properties = like.find(self.w + "rPr")
        if properties is not None:
            run.append(copy.deepcopy(properties))
        element = self._element("t")
        element.text = text
        element.set(XML_SPACE, "preserve")
        run.append(element)
        insertion.append(run)
        return insertion

    def _editable(self, run: _Element) -> bool:
        """A run directly in the paragraph or in a hyperlink: one a tracked change may wrap."""
        parent = run.getparent()
        return parent is not None and (parent is self.p or parent.tag == self.w + "hyperlink")
