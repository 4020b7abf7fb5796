"""Build Word reports from text with python-docx, and read tracked changes back as Word would.

A built report exercises what the reviewed copy must keep: runs split mid-word
with alternating formatting, a header and a footer, a table, and an existing
comment by another author.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
EXISTING_COMMENT = "请核对数字（审稿人）"


def build_docx(text: str, path: Path) -> None:
    """A .docx with one paragraph per line of ``text``; the last two lines go into a table."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "页眉：内部资料"
    document.sections[0].footer.paragraphs[0].text = "页脚：第 1 页"
    lines = text.rstrip("\n").split("\n")
    body, cells = (lines[:-2], lines[-2:]) if len(lines) > 4 else (lines, [])
    first_runs = []
    for line in body:
        paragraph = document.add_paragraph()
        for start in range(0, len(line), 7):  # runs of 7 characters, every other one bold
            run = paragraph.add_run(line[start : start + 7])
            run.bold = (start // 7) % 2 == 1
        if paragraph.runs and not first_runs:
            first_runs = paragraph.runs[:1]
    if cells:
        table = document.add_table(rows=1, cols=len(cells))
        for cell, line in zip(table.rows[0].cells, cells, strict=True):
            cell.paragraphs[0].add_run(line)
    if first_runs:
        document.add_comment(first_runs, text=EXISTING_COMMENT, author="审稿人")
    document.save(str(path))


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rejected(path: Path, author: str | None = None) -> bytes:
    """The package with every tracked change (by ``author``) rejected: insertions out, deletions back."""
    members = parts(path)
    root = etree.fromstring(members["word/document.xml"])
    for insertion in list(root.iter(W + "ins")):
        if insertion.getparent().tag != W + "rPr" and author in (None, insertion.get(W + "author")):
            insertion.getparent().remove(insertion)
    for deletion in list(root.iter(W + "del")):
        parent = deletion.getparent()
        if parent.tag == W + "rPr" or author not in (None, deletion.get(W + "author")):
            continue
        for text in deletion.iter(W + "delText"):
            text.tag = W + "t"
        index = parent.index(deletion)
        for offset, child in enumerate(list(deletion)):
            parent.insert(index + offset, child)
        parent.remove(deletion)
    members["word/document.xml"] = etree.tostring(
        root, xml_declaration=True, encoding="UTF-8", standalone=True
    )
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return output.getvalue()


def comments(path: Path, author: str = "report-validator") -> dict[str, str]:
    """Comment id → text (paragraphs joined by newlines) of the comments by ``author``."""
    root = etree.fromstring(parts(path)["word/comments.xml"])
    found = {}
    for comment in root.iter(W + "comment"):
        if comment.get(W + "author") == author:
            paragraphs = ["".join(t.text or "" for t in p.iter(W + "t")) for p in comment.iter(W + "p")]
            found[comment.get(W + "id")] = "\n".join(paragraphs)
    return found
