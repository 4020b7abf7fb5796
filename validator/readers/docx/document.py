"""A ``.docx`` read end to end: package → styles and lists → body in reading order → layout.

This module only puts the pieces together: the package and its parts
(``package``), styles (``styles``), lists (``numbering``), the body in reading
order (``body``), the text inside a paragraph (``runs``) and the effective
formatting of paragraphs and sections (``layout``, ``footers``). zipfile, lxml
and everything but ``body`` are imported when a ``.docx`` is read, because
start-up time belongs to the users of ``.txt``.

Budgets are checked on the inflated bytes before they are parsed: a 558 KB
file of seven million empty paragraphs (inside the size limits, since empty
paragraphs compress 76 times) used to take 2.7 GB and 98 s to refuse.
"""

from __future__ import annotations

import re

from validator.errors import InputError
from validator.model import Layout, ParagraphFormat, SourceText
from validator.readers.docx.body import BodyReader, DocxParagraph
from validator.readers.docx.ooxml import namespace

__all__ = ["MAX_PARAGRAPHS", "docx_paragraphs", "read_docx"]

MAX_PARAGRAPHS = 100_000  # a report has a few thousand; a 1,000-page book some 30,000
_PARAGRAPH_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?p[\s/>]")


def read_docx(data: bytes, path: str) -> SourceText:
    """Read a ``.docx``: one line per paragraph, automatic numbers rendered (see the package docstring)."""
    paragraphs, layout = read_document(data, path)
    text = "\n".join(paragraph.text for paragraph in paragraphs)
    levels = tuple(paragraph.heading_level or 0 for paragraph in paragraphs)
    return SourceText(path=path, text=text, format="docx", encoding="utf-8", levels=levels, layout=layout)


def docx_paragraphs(data: bytes, path: str) -> tuple[DocxParagraph, ...]:
    """The body's paragraphs in reading order, or ``InputError`` saying why the file cannot be read."""
    return read_document(data, path)[0]


def read_document(data: bytes, path: str) -> tuple[tuple[DocxParagraph, ...], Layout]:
    """The body's paragraphs in reading order and the document's layout (paragraph formats, sections)."""
    try:
        import lxml.etree  # type: ignore[import-untyped, unused-ignore]  # noqa: F401
    except ImportError:
        raise InputError(path, "读取 .docx 需要 lxml：请重新安装 report-validator") from None
    from validator.readers.docx.footers import page_numbers
    from validator.readers.docx.layout import Formatter, page_setup
    from validator.readers.docx.numbering import Numbering
    from validator.readers.docx.package import DocxPackage
    from validator.readers.docx.properties import theme_fonts
    from validator.readers.docx.styles import Styles

    package = DocxPackage(data, path)
    main = package.main_part()
    raw = package.raw(main)
    if raw is not None and _too_many_paragraphs(raw):
        raise InputError(path, f"段落过多（超过 {MAX_PARAGRAPHS // 10_000} 万段），已拒绝")
    document = package.parse(main, raw) if raw is not None else None
    if document is None or document.tag.rpartition("}")[2] != "document":
        raise InputError(path, "不是 Word 文档：缺少正文部件（word/document.xml）")
    parts = package.relationships(main)
    styles = Styles.from_xml(package.xml(parts["styles"]) if "styles" in parts else None)
    numbering = Numbering.from_xml(package.xml(parts["numbering"]) if "numbering" in parts else None, styles)
    ns = namespace(document)
    body = document.find(ns + "body")
    if body is None:
        return (), Layout()
    theme = theme_fonts(package.xml(parts["theme"]) if "theme" in parts else None)
    formatter = Formatter(ns, styles, theme)
    reader = BodyReader(path, ns, styles, numbering, formatter)
    reader.blocks(body, in_table=False)
    last = body.find(ns + "sectPr")
    ends = [*reader.sections, *([(last, len(reader.paragraphs))] if last is not None else [])]
    numbers = page_numbers(package, main, ns, formatter, [section for section, _ in ends])
    sections = tuple(
        page_setup(section, ns, (ends[index - 1][1] if index else 0) + 1, number)
        for index, ((section, _), number) in enumerate(zip(ends, numbers, strict=True))
    )
    formats = tuple(paragraph.format or ParagraphFormat() for paragraph in reader.paragraphs)
    return tuple(reader.paragraphs), Layout(paragraphs=formats, sections=sections)


def _too_many_paragraphs(raw: bytes) -> bool:
    """More than ``MAX_PARAGRAPHS`` paragraph tags in the part, counted on its bytes (stops at the limit)."""
    return any(count > MAX_PARAGRAPHS for count, _ in enumerate(_PARAGRAPH_TAG.finditer(raw), start=1))
