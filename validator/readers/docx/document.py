"""A ``.docx`` read end to end: package → styles and lists → body in reading order.

This module only puts the pieces together: the package and its parts
(``package``), styles (``styles``), lists (``numbering``), the body in reading
order (``body``) and the text inside a paragraph (``runs``). zipfile, lxml and
everything but ``body`` are imported when a ``.docx`` is read, because start-up
time belongs to the users of ``.txt``.
"""

from __future__ import annotations

from validator.errors import InputError
from validator.readers import SourceText
from validator.readers.docx.body import BodyReader, DocxParagraph
from validator.readers.docx.ooxml import namespace

__all__ = ["docx_paragraphs", "read_docx"]


def read_docx(data: bytes, path: str) -> SourceText:
    """Read a ``.docx``: one line per paragraph, automatic numbers rendered (see the package docstring)."""
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
    from validator.readers.docx.numbering import Numbering
    from validator.readers.docx.package import DocxPackage
    from validator.readers.docx.styles import Styles

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
