"""Read a Word ``.docx`` report as its reader reads it: one line per paragraph.

Party offices write in Word or WPS, so this is the primary input. Line N of the
text we produce is the N-th paragraph of the document body in reading order
(table cells row by row, text boxes after the paragraph that anchors them,
empty paragraphs included), so a finding's line and column point into the
document as Word shows it. What a reader sees is what the rules must see:

* automatic numbering (一、 （一） 1.) is rendered into the text
  (``numbering``), because Word keeps it out of the paragraph;
* tracked deletions are left out and insertions kept, i.e. the document as it
  reads once the changes are accepted (a deleted paragraph mark joins the
  paragraph to the next one, as accepting it would);
* comments, hidden text, field codes and footnote marks are left out;
* a soft line break (Shift+Enter) joins its two halves with nothing, as a
  Chinese reader reads across it; a tab becomes one space.

A ``.docx`` is a ZIP of XML parts and may come from anywhere, so it is opened
defensively: every part we inflate is size-checked first (``safe_zip``), and
XML is parsed by lxml with entities unresolved, no network and default
limits, and refused outright when it declares a DOCTYPE (``safe_xml``).

The rooms: ``document`` (the reading, end to end), ``package`` (parts found
through relationships), ``styles``, ``numbering`` and ``numbering_formats``
(automatic numbers), ``body`` (reading order), ``runs`` (text inside a
paragraph), ``ooxml`` (how WordprocessingML spells values).
"""

from __future__ import annotations

from validator.readers.docx.body import MAX_TEXT, DocxParagraph
from validator.readers.docx.document import docx_paragraphs, read_docx
from validator.readers.safe_zip import MAX_RATIO, MAX_UNCOMPRESSED, RATIO_FLOOR
from validator.readers.signatures import OLE_MAGIC

__all__ = [
    "MAX_RATIO",
    "MAX_TEXT",
    "MAX_UNCOMPRESSED",
    "OLE_MAGIC",
    "RATIO_FLOOR",
    "DocxParagraph",
    "docx_paragraphs",
    "read_docx",
]
