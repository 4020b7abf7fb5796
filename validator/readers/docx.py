"""Read a Word ``.docx`` report as its reader reads it: one line per paragraph.

Party offices write in Word or WPS, so this is the primary input. Line N of the
text we produce is the N-th paragraph of the document body in reading order
(table cells row by row, text boxes after the paragraph that anchors them,
empty paragraphs included), so a finding's line and column point into the
document as Word shows it. What a reader sees is what the rules must see:

* automatic numbering (一、 （一） 1.) is rendered into the text
  (``docx_numbering``), because Word keeps it out of the paragraph;
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

This module is the front door and only puts the pieces together: the package
and its parts (``docx_package``), styles (``docx_styles``), lists
(``docx_numbering``), the body in reading order (``docx_body``) and the text
inside a paragraph (``docx_runs``). Every run imports it, most runs read no
``.docx``: zipfile, lxml and everything but ``docx_body`` are imported when a
``.docx`` is read, because start-up time belongs to the users of ``.txt``.
"""

from __future__ import annotations

from validator.errors import InputError
from validator.readers import SourceText
from validator.readers.docx_body import MAX_TEXT as MAX_TEXT
from validator.readers.docx_body import BodyReader, DocxParagraph
from validator.readers.ooxml import namespace
from validator.readers.safe_zip import MAX_RATIO as MAX_RATIO
from validator.readers.safe_zip import MAX_UNCOMPRESSED as MAX_UNCOMPRESSED
from validator.readers.safe_zip import RATIO_FLOOR as RATIO_FLOOR

__all__ = ["DocxParagraph", "docx_paragraphs", "read_docx"]
# The limits were defined here before the split; the redundant aliases above keep them importable from
# here (the tests import MAX_UNCOMPRESSED).


def read_docx(data: bytes, path: str) -> SourceText:
    """Read a ``.docx``: one line per paragraph, automatic numbers rendered (see the module docstring)."""
    paragraphs = docx_paragraphs(data, path)
    text = "\n".join(paragraph.text for paragraph in paragraphs)
    levels = tuple(paragraph.heading_level or 0 for paragraph in paragraphs)
    return SourceText(path=path, text=text, format="docx", encoding="utf-8", levels=levels)


def docx_paragraphs(data: bytes, path: str) -> tuple[DocxParagraph, ...]:
    """The body's paragraphs in reading order, or ``InputError`` saying why the file cannot be read."""
    try:
        import lxml.etree  # type: ignore[import-untyped, unused-ignore]  # noqa: F401
    except ImportError:
        raise InputError(path, "读取 .docx 需要 lxml：请重新安装 report-validator") from None
    from validator.readers.docx_numbering import Numbering
    from validator.readers.docx_package import DocxPackage
    from validator.readers.docx_styles import Styles

    package = DocxPackage(data, path)
    main = package.main_part()
    document = package.xml(main)
    if document is None or document.tag.rpartition("}")[2] != "document":
        raise InputError(path, "不是 Word 文档：缺少正文部件（word/document.xml）")
    parts = package.relationships(main)
    styles = Styles.from_xml(package.xml(parts["styles"]) if "styles" in parts else None)
    numbering = Numbering.from_xml(package.xml(parts["numbering"]) if "numbering" in parts else None, styles)
    body = document.find(namespace(document) + "body")
    if body is None:
        return ()
    reader = BodyReader(path, namespace(document), styles, numbering)
    reader.blocks(body, in_table=False)
    return tuple(reader.paragraphs)
