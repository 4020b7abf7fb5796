"""A reviewed copy of a Word report: each finding a comment, each fix a tracked change.

``check report.docx --annotate`` writes ``report.checked.docx`` beside the
original (never over it): the writer opens it in Word or WPS and sees every
finding as a margin comment by ``report-validator`` (code, message, source) on
the words it concerns, every failed checklist item as a comment on the title,
and every mechanical correction as a tracked change to accept or reject.

Everything else in the package is copied as it was, part by part (styles,
numbering, headers and footers, media, existing comments): only
``word/document.xml`` and the comments part change, plus, when the document
had no comments, the relationship and content type that declare the new part.
The original is read with the reader's defences (``safe_zip``, ``safe_xml``:
size budget, no DOCTYPE, no entities, no network), so a hostile file fails
with the reader's one-line reason; the copy is written to a temporary file
beside the target and renamed (``os.replace``).

Fixes are made in one pass, in the order of ``validator.fix.text`` (a fix
overlapping one already taken is only described in its comment), and only on
text a run holds one to one (``docx_xml``); the comment says whether the
change was made.
"""

from __future__ import annotations

import bisect
import io
import os
import posixpath
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from validator.errors import InputError
from validator.fix.docx_xml import AUTHOR, Marker, ParagraphMap
from validator.fix.files import write_atomically
from validator.fix.text import Edit, choose, edits_between, fix_text, line_starts, to_edit
from validator.model import FileResult, Fix, Result, Span

if TYPE_CHECKING:
    from lxml.etree import _Element  # type: ignore[import-untyped, unused-ignore]

    from validator.readers.docx.package import DocxPackage

COMMENTS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
COMMENTS_CONTENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
_PACKAGE_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CONTENT_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"


@dataclass
class Review:
    """What a reviewed copy holds: the comments written and the fixes made (offsets in the text read)."""

    comments: int = 0
    changes: list[Edit] = field(default_factory=list)
    text: str = ""  # the text the findings were made on


def reviewed_copy_path(path: str) -> str:
    """``report.docx`` → ``report.checked.docx``, in the same directory."""
    stem, suffix = os.path.splitext(path)
    return f"{stem}.checked{suffix or '.docx'}"


Finder = Callable[[str], Sequence[tuple[str, Fix]]]


def write_reviewed_copy(
    file: FileResult,
    target: str,
    lang: str,
    sources: Mapping[str, str] | None = None,
    find: Finder | None = None,
) -> Review:
    """Write the reviewed copy of ``file`` (already checked) to ``target``; ``InputError`` when unsafe.

    With ``find`` (the fixes wanted for a text, as ``validator.fix.text.fix_text``
    takes it), the tracked changes are the result of every pass, as for ``--fix``;
    without, the fixes of ``file``'s findings that do not overlap (one pass).
    """
    if os.path.exists(target) and os.path.samefile(target, file.path):
        raise InputError(target, "审阅副本不能覆盖原文件")
    try:
        with open(file.path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise InputError(file.path, f"无法读取：{error.strerror or error}") from None
    copy, review = reviewed_copy(data, file, lang, sources or {}, find)
    try:
        write_atomically(target, copy)
    except OSError as error:
        raise InputError(target, f"无法写入：{error.strerror or error}") from None
    return review


def reviewed_copy(
    data: bytes, file: FileResult, lang: str, sources: Mapping[str, str], find: Finder | None = None
) -> tuple[bytes, Review]:
    """The bytes of the reviewed copy of the ``.docx`` ``data``, and what went into it."""
    from validator.readers.docx.numbering import Numbering
    from validator.readers.docx.ooxml import namespace
    from validator.readers.docx.package import DocxPackage
    from validator.readers.docx.styles import Styles

    package = DocxPackage(data, file.path)
    main = package.main_part()
    document = package.xml(main)
    if document is None or document.tag.rpartition("}")[2] != "document":
        raise InputError(file.path, "不是 Word 文档：缺少正文部件（word/document.xml）")
    w = namespace(document)
    parts = package.relationships(main)
    styles = Styles.from_xml(package.xml(parts["styles"]) if "styles" in parts else None)
    numbering = Numbering.from_xml(package.xml(parts["numbering"]) if "numbering" in parts else None, styles)
    body = document.find(w + "body")
    mapping = ParagraphMap(file.path, w, styles, numbering)
    if body is not None:
        mapping.blocks(body, in_table=False)
    text = "\n".join(paragraph.text for paragraph in mapping.paragraphs)
    comments_name = parts.get("comments", "")
    comments = package.xml(comments_name) if comments_name else None
    if comments is None:
        from lxml import etree  # type: ignore[import-untyped, unused-ignore]

        comments = etree.Element(w + "comments", nsmap={"w": w[1:-1]})
    review = Review(text=text)
    _annotate(mapping, comments, file, lang, sources, review, find)
    changed = {main: _xml(document)}
    if comments_name:
        changed[comments_name] = _xml(comments)
    else:
        changed.update(_new_comments_part(package, main, _xml(comments)))
    return _rezip(data, file.path, changed), review


def _annotate(
    mapping: ParagraphMap,
    comments: _Element,
    file: FileResult,
    lang: str,
    sources: Mapping[str, str],
    review: Review,
    find: Finder | None,
) -> None:
    """Comments for every failed result, then the fixes as tracked changes (last first)."""
    w, text = mapping.w, review.text
    failed = [(report.line, r) for report in file.reports for r in report.results if r.status == "fail"]
    starts = line_starts(text)
    edits = {id(r): e for _, r in failed if r.fix and (e := to_edit(r.fix, text, starts, r.id))}
    if find is not None:
        planned = edits_between(text, fix_text(text, find).text)
    else:
        planned = choose(list(edits.values()), text)
    next_id = 1 + max((int(v) for v in _ids(mapping, comments)), default=0)
    fixable: list[tuple[_Element, Result]] = []
    for title_line, result in failed:
        line, start, end = _place(result, title_line, mapping)
        comment = _comment(w, next_id, result, lang, sources)
        comments.append(comment)
        Marker(mapping.lines[line].element, w).comment(next_id, start, end)
        next_id += 1
        review.comments += 1
        if result.fix is not None:
            fixable.append((comment, result))
    for edit in sorted(planned, key=lambda e: e.start, reverse=True):
        line = bisect.bisect_right(starts, edit.start) - 1
        own = mapping.lines.get(line)
        if own is None or own.start is None or edit.start - starts[line] < own.start:
            continue  # text no run holds one to one, or the automatic number: described, not changed
        offset = starts[line] + own.start
        used = Marker(own.element, w).change(
            edit.start - offset, edit.end - offset, edit.replacement, next_id
        )
        next_id += used
        if used:
            review.changes.append(edit)
    review.changes.sort(key=lambda e: e.start)
    for comment, result in fixable:
        own_edit = edits.get(id(result))
        made = own_edit is not None and any(
            change.start <= own_edit.end and own_edit.start <= change.end for change in review.changes
        )
        _say(comment, w, result, lang, made)


def _place(result: Result, title_line: int, mapping: ParagraphMap) -> tuple[int, int | None, int | None]:
    """The 0-based line to comment on and the stretch in its paragraph's own text (None: all of it).

    Checklist items go on the title; a finding on a line no paragraph holds one
    to one goes on the nearest paragraph before it.
    """
    span: Span | None = result.span if result.kind == "rule" else None
    line = (span.line if span else title_line) - 1
    known = [index for index in mapping.lines if index <= line] or sorted(mapping.lines)[:1]
    if not known:
        raise InputError(mapping.path, "正文没有段落，无法添加批注")
    nearest = max(known)
    own = mapping.lines[nearest]
    if span is None or nearest != line or span.end_line != span.line or own.start is None:
        return nearest, None, None
    start, end = span.column - 1 - own.start, span.end_column - 1 - own.start
    if start < 0:  # in the automatic number, which no run holds
        return nearest, None, None
    return nearest, start, end


def _comment(w: str, comment_id: int, result: Result, lang: str, sources: Mapping[str, str]) -> _Element:
    """A ``w:comment`` by report-validator: the code and message, then the source."""
    from lxml import etree

    comment = etree.Element(w + "comment")
    comment.set(w + "id", str(comment_id))
    comment.set(w + "author", AUTHOR)
    comment.set(w + "initials", "RV")
    _paragraph(
        comment, w, f"{result.id}：{result.message}" if lang != "en" else f"{result.id}: {result.message}"
    )
    source = sources.get(result.id)
    if source:
        _paragraph(comment, w, ("依据：" if lang != "en" else "Source: ") + source)
    return comment


def _say(comment: _Element, w: str, result: Result, lang: str, made: bool) -> None:
    """Add to the comment whether its fix was made as a tracked change, and what it is."""
    if result.fix is None:
        return
    unsafe = result.fix.applicability == "unsafe"
    wanted = result.fix.replacement
    if lang == "en":
        kind = "suggested change" if unsafe else "change"
        done = "marked as a tracked change" if made else "not marked in the text"
        _paragraph(comment, w, f"{kind} “{wanted}”: {done}")
    else:
        kind = "建议改为" if unsafe else "改为"
        done = "已作为修订标出，请审阅" if made else "未在文中标出，请手工修改"
        _paragraph(comment, w, f"{kind}“{wanted}”：{done}")


def _paragraph(comment: _Element, w: str, text: str) -> None:
    from lxml import etree

    paragraph = etree.SubElement(comment, w + "p")
    run = etree.SubElement(paragraph, w + "r")
    element = etree.SubElement(run, w + "t")
    element.text = text
    element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def _ids(mapping: ParagraphMap, comments: _Element) -> list[str]:
    """Every numeric ``w:id`` in use (comments, revisions, bookmarks), so that new ids are new."""
    key = mapping.w + "id"
    roots = [comments]
    if mapping.paragraphs and mapping.lines:
        roots.append(next(iter(mapping.lines.values())).element.getroottree().getroot())
    return [value for root in roots for element in root.iter() if (value := element.get(key, "")).isdigit()]


def _xml(root: _Element) -> bytes:
    from lxml import etree

    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return data


def _new_comments_part(package: DocxPackage, main: str, comments: bytes) -> dict[str, bytes]:
    """The comments part, the relationship that names it, and its content type, for a document without one."""
    from lxml import etree

    folder, name = posixpath.split(main)
    part = posixpath.join(folder, "comments.xml")
    rels_name = posixpath.join(folder, "_rels", name + ".rels")
    rels = package.xml(rels_name)
    if rels is None:
        rels = etree.Element(_PACKAGE_RELS + "Relationships", nsmap={None: _PACKAGE_RELS[1:-1]})
    taken = {element.get("Id") for element in rels}
    number = 1 + len(taken)
    while f"rId{number}" in taken:
        number += 1
    relationship = etree.SubElement(rels, _PACKAGE_RELS + "Relationship")
    relationship.set("Id", f"rId{number}")
    relationship.set("Type", COMMENTS_TYPE)
    relationship.set("Target", "comments.xml")
    types = package.xml("[Content_Types].xml")
    if types is None:
        raise InputError(main, "不是有效的 .docx 文件：缺少 [Content_Types].xml")
    override = etree.SubElement(types, _CONTENT_TYPES + "Override")
    override.set("PartName", "/" + part)
    override.set("ContentType", COMMENTS_CONTENT)
    return {part: comments, rels_name: _xml(rels), "[Content_Types].xml": _xml(types)}


def _rezip(data: bytes, path: str, changed: Mapping[str, bytes]) -> bytes:
    """The package with ``changed`` parts replaced or added; every other member copied as it was.

    Members are inflated through ``SafeZip``, within the reader's size budget.
    """
    import zipfile

    from validator.readers.safe_zip import SafeZip

    safe = SafeZip(data, path)
    pending = {name.lower(): (name, content) for name, content in changed.items()}
    output = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            replaced = pending.pop(info.filename.lower(), None)
            if replaced is not None:
                target.writestr(info, replaced[1], compress_type=zipfile.ZIP_DEFLATED)
                continue
            content = safe.read(info.filename)
            target.writestr(info, content if content is not None else b"")
        for name, content in pending.values():
            target.writestr(name, content)
    return output.getvalue()
