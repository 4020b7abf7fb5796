"""Read an OFD file (GB/T 33190-2016, the national fixed-layout format of 电子公文): one line per paragraph.

An OFD is a ZIP package of XML: ``OFD.xml`` names each document's root
(``DocBody/DocRoot`` → ``Doc_0/Document.xml``), the document lists its pages
in order (``Pages/Page@BaseLoc`` → ``Pages/Page_0/Content.xml``), and a page's
content holds ``TextObject`` elements (a ``Boundary`` box and a ``Size`` in
millimetres) whose ``TextCode`` children carry the text, each with its
``X``/``Y`` start inside the box and its glyph advances (``DeltaX``, with the
``g count value`` shorthand). Like a PDF, an OFD knows printed lines, not
paragraphs: the glyph runs are gathered into lines by baseline, put in reading
order (top to bottom; text sharing a row, a table's cells, left to right), and
joined into paragraphs by the same rule as the PDF reader (a line that ran to
the right margin continues into one that is not indented), so an OFD of a
report reads as its ``.txt``. A page number alone on a page's first or last
row is left out. ``SourceText.pages`` gives each paragraph's page, so a
position is a page and a paragraph.

It is opened with the ``.docx`` defences: every part's declared size checked
before it is inflated (``safe_zip``), XML parsed without entities, DTD or
network and refused when it declares a DOCTYPE or holds millions of tags
(``safe_xml``). Pages and text have budgets of their own.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from typing import TYPE_CHECKING

from validator.errors import InputError
from validator.model import SourceText
from validator.regexes import compiled

if TYPE_CHECKING:
    from lxml.etree import _Element  # type: ignore[import-untyped, unused-ignore]

    from validator.readers.pdf import PdfLine
    from validator.readers.safe_xml import SafeXmlParser
    from validator.readers.safe_zip import SafeZip

__all__ = ["MAX_PAGES", "read_ofd"]

MAX_PAGES = 5_000
MAX_TEXT = 10_000_000  # characters, as for .docx
_A4 = (210.0, 297.0)
# compiled when an OFD is read
_PAGE_NUMBER = r"[\s\-—–－·•]*(?:第\s*)?[0-9０-９]{1,4}(?:\s*页)?[\s\-—–－·•]*"


class _Glyphs:
    """One ``TextCode``: its text, where its glyphs start and end, its baseline and size (mm).

    A plain class, not a dataclass: every run imports this module, and a dataclass costs a
    millisecond to define.
    """

    __slots__ = ("baseline", "size", "text", "x0", "x1")

    def __init__(self, text: str, x0: float, x1: float, baseline: float, size: float) -> None:
        self.text, self.x0, self.x1, self.baseline, self.size = text, x0, x1, baseline, size


def read_ofd(data: bytes, path: str) -> SourceText:
    """Read an ``.ofd``: one line per paragraph in reading order, with each line's page number."""
    from validator.readers.pdf import join_paragraphs

    lines = list(_lines(data, path))
    if not any(line.text.strip() for line in lines):
        raise InputError(path, "OFD 中没有文字（扫描件？）：请先做 OCR")
    paragraphs = list(join_paragraphs(lines))
    return SourceText(
        path=path,
        text="\n".join(paragraph.text for paragraph in paragraphs),
        format="ofd",
        encoding="",
        pages=tuple(paragraph.page for paragraph in paragraphs),
    )


def _lines(data: bytes, path: str) -> Iterator[PdfLine]:
    """The printed lines of every page of the first document, in reading order, page numbers left out."""
    try:
        import lxml.etree  # type: ignore[import-untyped, unused-ignore]  # noqa: F401
    except ImportError:
        raise InputError(path, "读取 .ofd 需要 lxml：请重新安装 report-validator") from None
    from validator.readers.safe_xml import SafeXmlParser
    from validator.readers.safe_zip import SafeZip

    if not data.startswith(b"PK"):
        raise InputError(path, "不是有效的 .ofd 文件（不是 ZIP 压缩包）")
    package, parser = SafeZip(data, path, kind=".ofd"), SafeXmlParser(path)
    root = _xml(package, parser, "OFD.xml")
    if root is None or _local(root) != "OFD":
        raise InputError(path, "不是 OFD 文件：缺少 OFD.xml")
    doc_root = next((element.text or "" for element in root.iter("{*}DocRoot")), "").strip()
    document_name = _resolve("", doc_root)
    document = _xml(package, parser, document_name) if doc_root else None
    if document is None:
        raise InputError(path, "OFD 文件缺少文档（DocRoot）")
    folder = posixpath.dirname(document_name)
    default_box = _box(next(document.iter("{*}PhysicalBox"), None))
    pages = list(document.iter("{*}Page"))
    if len(pages) > MAX_PAGES:
        raise InputError(path, f"页数过多（超过 {MAX_PAGES} 页），已拒绝")
    size = 0
    for number, page in enumerate(pages, start=1):
        content = _xml(package, parser, _resolve(folder, page.get("BaseLoc") or ""))
        if content is None:
            continue
        box = _box(next(content.iter("{*}PhysicalBox"), None)) or default_box or _A4
        glyphs = [glyph for text_object in content.iter("{*}TextObject") for glyph in _glyphs(text_object)]
        size += sum(len(glyph.text) for glyph in glyphs)
        if size > MAX_TEXT:
            raise InputError(path, f"文字内容过大（超过 {MAX_TEXT // 10_000} 万字），已拒绝")
        yield from _page_lines(glyphs, number, box)


def _xml(package: SafeZip, parser: SafeXmlParser, name: str) -> _Element | None:
    data = package.read(name)
    return None if data is None else parser.parse(name, data)


def _local(element: _Element) -> str:
    tag: str = element.tag if isinstance(element.tag, str) else ""
    return tag.rpartition("}")[2]


def _resolve(folder: str, location: str) -> str:
    """A location in the package: from its root when it starts with ``/``, else relative to ``folder``."""
    location = location.strip().replace("\\", "/")
    joined = location if location.startswith("/") else posixpath.join("/", folder, location)
    return posixpath.normpath(joined).lstrip("/")


def _numbers(text: str | None) -> list[float]:
    try:
        return [float(value) for value in (text or "").split()]
    except ValueError:
        return []


def _box(element: _Element | None) -> tuple[float, float] | None:
    """Width and height of a ``PhysicalBox``/``Boundary`` (``x y w h``)."""
    values = _numbers(element.text if element is not None else None)
    return (values[2], values[3]) if len(values) == 4 and values[2] > 0 and values[3] > 0 else None


def _advances(text: str | None, count: int, size: float) -> list[float]:
    """``DeltaX`` expanded (``g 3 5.6`` is three advances of 5.6); missing advances are one em."""
    tokens = (text or "").split()
    found: list[float] = []
    index = 0
    while index < len(tokens) and len(found) < count:
        if tokens[index] == "g" and index + 2 < len(tokens):
            repeat, value = _numbers(tokens[index + 1]), _numbers(tokens[index + 2])
            if repeat and value:
                found.extend([value[0]] * min(int(repeat[0]), count))
            index += 3
            continue
        found.extend(_numbers(tokens[index]))
        index += 1
    return (found + [size] * count)[:count]


def _glyphs(text_object: _Element) -> Iterator[_Glyphs]:
    """The ``TextCode`` runs of a ``TextObject``, positioned on the page."""
    boundary = _numbers(text_object.get("Boundary"))
    if len(boundary) != 4:
        return
    left, top = boundary[0], boundary[1]
    sizes = _numbers(text_object.get("Size"))
    size = sizes[0] if sizes and sizes[0] > 0 else 3.5
    x = y = 0.0
    for code in text_object.iter("{*}TextCode"):
        text = "".join(code.itertext())
        x = (_numbers(code.get("X")) or [x])[0]
        y = (_numbers(code.get("Y")) or [y])[0]
        if not text:
            continue
        width = sum(_advances(code.get("DeltaX"), len(text) - 1, size)) + size
        yield _Glyphs(text, left + x, left + x + width, top + y, size)
        x += width


def _page_lines(glyphs: list[_Glyphs], page: int, box: tuple[float, float]) -> Iterator[PdfLine]:
    """Runs on one baseline joined into printed lines; rows in reading order; a lone page number dropped."""
    from validator.readers.pdf import PdfLine

    rows: list[list[_Glyphs]] = []
    for glyph in sorted(glyphs, key=lambda g: (g.baseline, g.x0)):
        if rows and abs(rows[-1][0].baseline - glyph.baseline) < 0.3 * glyph.size:
            rows[-1].append(glyph)
        else:
            rows.append([glyph])
    lines: list[PdfLine] = []
    for row in rows:
        pieces: list[list[_Glyphs]] = []
        for glyph in sorted(row, key=lambda g: g.x0):
            if pieces and glyph.x0 - pieces[-1][-1].x1 < 1.5 * glyph.size:
                pieces[-1].append(glyph)
            else:
                pieces.append([glyph])
        for piece in pieces:
            lines.append(
                PdfLine(
                    page=page,
                    text="".join(glyph.text for glyph in piece),
                    x0=piece[0].x0,
                    x1=piece[-1].x1,
                    bottom=box[1] - piece[0].baseline,
                    size=max(glyph.size for glyph in piece),
                    shared_row=len(pieces) > 1,
                    page_width=box[0],
                )
            )
    page_number = compiled(_PAGE_NUMBER)
    if lines and not lines[-1].shared_row and page_number.fullmatch(lines[-1].text):
        lines.pop()
    if lines and not lines[0].shared_row and page_number.fullmatch(lines[0].text):
        lines.pop(0)
    yield from lines
