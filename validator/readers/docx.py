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
defensively: every part we inflate is size-checked first (declared size,
compression ratio, a budget for the whole file), and XML is parsed by lxml
with entities unresolved, no network and default limits, and refused outright
when it declares a DOCTYPE. lxml is imported only when a ``.docx`` is read:
start-up time belongs to the users of ``.txt``.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from validator.errors import InputError
from validator.readers import SourceText
from validator.readers.legacy import OLE_MAGIC

if TYPE_CHECKING:
    import zipfile

    from lxml.etree import XMLParser, _Element  # type: ignore[import-untyped, unused-ignore]

    from validator.readers.docx_numbering import Numbering, Styles

# zipfile (with bz2 and lzma), lxml and the numbering module are imported when a .docx is read:
# every run imports this module, most runs read no .docx.

__all__ = ["DocxParagraph", "docx_paragraphs", "read_docx"]

MAX_UNCOMPRESSED = 50 * 1024 * 1024  # all the XML parts we inflate, together
MAX_RATIO = 100  # a part this much larger than its compressed form is a bomb…
RATIO_FLOOR = 1024 * 1024  # …once it is larger than this
MAX_TEXT = 10_000_000  # characters of text produced; a report has some ten thousand

_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_DOCTYPE_MARKS = (b"<!DOCTYPE", "<!DOCTYPE".encode("utf-16-le"), "<!DOCTYPE".encode("utf-16-be"))
_BOMB = f"解压后过大（超过 {MAX_UNCOMPRESSED // 1024 // 1024} MB）或压缩比异常，疑似压缩炸弹，已拒绝"


@dataclass(frozen=True)
class DocxParagraph:
    """One paragraph as read: its line of text and what Word knows about it beyond the text.

    ``marker`` is the automatic number rendered at the start of ``text``
    (empty when the paragraph has none); ``style`` is the paragraph style's
    name (``heading 1``, ``标题 2``); ``heading_level`` is the 1-based outline
    level that the style or the paragraph declares, a hint the parser may use
    one day; ``in_table`` says the paragraph stands in a table cell.
    """

    text: str
    marker: str = ""
    style: str = ""
    heading_level: int | None = None
    in_table: bool = False


def read_docx(data: bytes, path: str) -> SourceText:
    """Read a ``.docx``: one line per paragraph, automatic numbers rendered (see the module docstring)."""
    text = "\n".join(paragraph.text for paragraph in docx_paragraphs(data, path))
    return SourceText(path=path, text=text, format="docx", encoding="utf-8")


def docx_paragraphs(data: bytes, path: str) -> tuple[DocxParagraph, ...]:
    """The body's paragraphs in reading order, or ``InputError`` saying why the file cannot be read."""
    try:
        import lxml.etree  # type: ignore[import-untyped, unused-ignore]  # noqa: F401
    except ImportError:
        raise InputError(path, "读取 .docx 需要 lxml：请重新安装 report-validator") from None
    from validator.readers.docx_numbering import Numbering, Styles, namespace

    package = _Package(data, path)
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
    reader = _BodyReader(path, namespace(document), styles, numbering)
    reader.blocks(body, in_table=False)
    return tuple(reader.paragraphs)


class _Package:
    """The ZIP archive of a ``.docx``, read part by part within a size budget."""

    def __init__(self, data: bytes, path: str) -> None:
        self.path = path
        if data.startswith(OLE_MAGIC):  # a .doc renamed to .docx, or a password-protected .docx
            raise InputError(path, "实为旧版 Word/WPS 文件或加密文档：请去掉密码，或用 Word/WPS 另存为 .docx")
        if not data.startswith(b"PK"):
            raise InputError(path, "不是有效的 .docx 文件（不是 ZIP 压缩包）")
        import io
        import zipfile

        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except Exception:  # zipfile raises a zoo of types on a damaged archive; all mean the same here
            raise InputError(path, "文件已损坏或不完整，无法作为 .docx 打开") from None
        self._archive = archive
        self._members: dict[str, zipfile.ZipInfo] = {}
        for info in archive.infolist():  # part names are case-insensitive (OPC)
            self._members.setdefault(info.filename.lower(), info)
        self._budget = MAX_UNCOMPRESSED
        self._parser: XMLParser | None = None

    def main_part(self) -> str:
        """The main document part, as the package relationships name it (``word/document.xml``)."""
        return self.relationships("").get("officeDocument", "word/document.xml")

    def relationships(self, source: str) -> dict[str, str]:
        """Relationship type (last URI segment: ``styles``) → part name, for the part ``source``."""
        folder, name = posixpath.split(source)
        root = self.xml(posixpath.join(folder, "_rels", name + ".rels"))
        found: dict[str, str] = {}
        if root is None:
            return found
        for relationship in root.iterfind(_RELATIONSHIPS + "Relationship"):
            kind: str = (relationship.get("Type") or "").rpartition("/")[2]
            target: str | None = relationship.get("Target")
            if target and relationship.get("TargetMode") != "External":
                found.setdefault(kind, _resolve(folder, target))
        return found

    def xml(self, name: str) -> _Element | None:
        """Parse part ``name``, or None when the package has no such part."""
        info = self._members.get(name.lower())
        if info is None:
            return None
        return self._parse(name, self._inflate(info))

    def _inflate(self, info: zipfile.ZipInfo) -> bytes:
        """The part's bytes, checked against the bomb limits before a byte is inflated."""
        if info.flag_bits & 0x1:
            raise InputError(self.path, "文件已加密，无法读取")
        declared = info.file_size
        if declared > self._budget or (declared > RATIO_FLOOR and declared > MAX_RATIO * info.compress_size):
            raise InputError(self.path, _BOMB)
        try:
            with self._archive.open(info) as handle:
                data = handle.read(declared + 1)  # never more than declared, whatever the stream holds
        except Exception:  # zlib, bz2, lzma and zipfile errors on a damaged or truncated member
            raise InputError(self.path, f"文件已损坏：无法解压 {info.filename}") from None
        if len(data) > declared:
            raise InputError(self.path, _BOMB)
        self._budget -= len(data)
        return data

    def _parse(self, name: str, data: bytes) -> _Element:
        from lxml import etree  # type: ignore[import-untyped, unused-ignore]

        if any(mark in data for mark in _DOCTYPE_MARKS):
            raise InputError(self.path, f"{name} 含有 DOCTYPE 声明（XML 实体攻击的载体），已拒绝")
        if self._parser is None:
            self._parser = etree.XMLParser(
                resolve_entities=False,
                no_network=True,
                huge_tree=False,
                load_dtd=False,
                dtd_validation=False,
                remove_comments=True,
                remove_pis=True,
                collect_ids=False,
            )
        try:
            root: _Element = etree.fromstring(data, self._parser)
        except (etree.LxmlError, ValueError):
            raise InputError(self.path, f"{name} 不是合法的 XML") from None
        doctype: object = getattr(root.getroottree().docinfo, "doctype", "")  # lxml-stubs lack it
        if doctype:  # a DOCTYPE in an encoding the byte scan above does not know
            raise InputError(self.path, f"{name} 含有 DOCTYPE 声明（XML 实体攻击的载体），已拒绝")
        return root


def _resolve(folder: str, target: str) -> str:
    """A relationship target as a part name: relative to the source's folder, or absolute."""
    from urllib.parse import unquote

    target = unquote(target)
    joined = target if target.startswith("/") else posixpath.join("/", folder, target)
    return posixpath.normpath(joined).lstrip("/")


class _BodyReader:
    """Walks the body in reading order and turns each paragraph into a ``DocxParagraph``."""

    def __init__(self, path: str, ns: str, styles: Styles, numbering: Numbering) -> None:
        self.path = path
        self.w = ns
        self.styles = styles
        self.numbering = numbering
        from validator.readers.docx_numbering import NumberingCounter

        self.counter = NumberingCounter(numbering)
        self.paragraphs: list[DocxParagraph] = []
        self._size = 0
        self._block_tags = (ns + "tbl", ns + "sdt", ns + "customXml", _MC + "AlternateContent")
        # Inside a paragraph, what holds runs that read: links, tracked insertions and moves, fields…
        self._inline_tags = frozenset(
            ns + name
            for name in ("hyperlink", "ins", "moveTo", "smartTag", "customXml", "fldSimple", "bdo", "dir")
        )

    # ------------------------------------------------------------------ blocks

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
            elif tag == _MC + "AlternateContent":
                chosen = _alternative(element)
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

    # --------------------------------------------------------------- paragraphs

    def paragraph(self, element: _Element, in_table: bool, carried: str) -> str:
        """Emit the paragraph (with ``carried`` text in front); return its text if its mark was deleted."""
        from validator.readers.docx_numbering import child_value, to_int

        w = self.w
        properties = element.find(w + "pPr")
        parts: list[str] = []
        boxes: list[_Element] = []
        self.inline(element, parts, boxes)
        text = carried + "".join(parts)
        mark = properties.find(w + "rPr") if properties is not None else None
        if mark is not None and (mark.find(w + "del") is not None or mark.find(w + "moveFrom") is not None):
            return text  # accepted, the deletion joins this paragraph to the next: it is not counted
        style_id = child_value(properties, w, "pStyle")
        marker = self._number(properties, style_id)
        if marker and marker[-1].isascii() and marker[-1].isalnum():
            marker += " "  # "%1" with Word's tab after it: keep number and text apart
        own_level = to_int(child_value(properties, w, "outlineLvl"))
        self._emit(
            DocxParagraph(
                text=marker + text,
                marker=marker.rstrip(" "),
                style=self.styles.name(style_id),
                heading_level=own_level + 1
                if own_level is not None and 0 <= own_level < 9
                else self.styles.heading_level(style_id),
                in_table=in_table,
            )
        )
        for box in boxes:  # text boxes anchored in this paragraph read after it
            self.blocks(box, in_table)
        return ""

    def _number(self, properties: _Element | None, style_id: str | None) -> str:
        """The paragraph's automatic number, from its own ``numPr`` or its style's."""
        from validator.readers.docx_numbering import child_value, to_int

        w = self.w
        num_id = to_int(child_value(properties, w, "numPr", "numId"))
        ilvl = to_int(child_value(properties, w, "numPr", "ilvl"))
        chain = list(self.styles.chain(style_id))
        if num_id is None:
            num_id = next((style.num_id for _, style in chain if style.num_id is not None), None)
        if not num_id:  # None, or 0: numbering switched off
            return ""
        for style_id_in_chain, style in chain:  # nearest style first: its own ilvl, else its linked level
            if ilvl is not None:
                break
            ilvl = (
                style.ilvl
                if style.ilvl is not None
                else self.numbering.level_for_style(num_id, style_id_in_chain)
            )
        return self.counter.marker(num_id, ilvl or 0)

    def inline(self, element: _Element, parts: list[str], boxes: list[_Element]) -> None:
        """The visible text inside a paragraph: runs, also inside links, insertions, fields, controls."""
        w = self.w
        for child in element:
            tag = child.tag
            if tag == w + "r":
                self.run(child, parts, boxes)
            elif tag in self._inline_tags:
                self.inline(child, parts, boxes)
            elif tag == w + "sdt":
                content = child.find(w + "sdtContent")
                if content is not None:
                    self.inline(content, parts, boxes)
            elif tag == _MC + "AlternateContent":
                chosen = _alternative(child)
                if chosen is not None:
                    self.inline(chosen, parts, boxes)
            elif isinstance(tag, str) and tag.rpartition("}")[2] in ("oMath", "oMathPara"):
                parts.extend(t.text or "" for t in child.iter("{*}t"))
            # Left out: w:del and w:moveFrom (tracked deletions), comment ranges, bookmarks, proofing marks.

    def run(self, run: _Element, parts: list[str], boxes: list[_Element]) -> None:
        from validator.readers.docx_numbering import is_on

        w = self.w
        properties = run.find(w + "rPr")
        if properties is not None and is_on(properties.find(w + "vanish"), w):
            return  # hidden text: Word does not show or print it
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
            elif tag in (w + "drawing", w + "pict", w + "object", _MC + "AlternateContent"):
                boxes.extend(self._text_boxes(child))
            # Left out: w:br and w:cr (joined with nothing), w:delText, w:instrText (field codes),
            # w:commentReference, w:footnoteReference, w:softHyphen, w:lastRenderedPageBreak.

    def _text_boxes(self, element: _Element) -> Iterator[_Element]:
        """The outermost text-box contents in a drawing; a box nested in a box is read with its host."""
        for child in element:
            if child.tag == self.w + "txbxContent":
                yield child
            elif child.tag == _MC + "AlternateContent":
                chosen = _alternative(child)
                if chosen is not None:
                    yield from self._text_boxes(chosen)
            elif child.tag != _MC + "Fallback":
                yield from self._text_boxes(child)

    def _emit(self, paragraph: DocxParagraph) -> None:
        self._size += len(paragraph.text) + 1
        if self._size > MAX_TEXT:
            raise InputError(self.path, f"文字内容过大（超过 {MAX_TEXT // 10_000} 万字），已拒绝")
        self.paragraphs.append(paragraph)


def _alternative(element: _Element) -> _Element | None:
    """The branch of ``mc:AlternateContent`` to read: the first choice (DrawingML), else the fallback.

    Word writes a text box twice, as DrawingML (choice) and as VML (fallback);
    reading both would read the box twice.
    """
    chosen: _Element | None = element.find(_MC + "Choice")
    if chosen is None:
        chosen = element.find(_MC + "Fallback")
    return chosen


def _symbol(code: str | None) -> str:
    """A ``w:sym`` character; the private-use codes of symbol fonts (Wingdings) give nothing."""
    try:
        value = int(code or "", 16)
    except ValueError:
        return ""
    if value < 0x20 or 0xD800 <= value <= 0xF8FF or value > 0x10FFFF or 0x7F <= value < 0xA0:
        return ""
    return chr(value)
