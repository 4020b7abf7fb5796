"""The reviewed copy in LibreOffice: it converts to PDF and text, and reads as the fixed text once accepted.

LibreOffice is a second, independent reader of our OOXML: if it refused the
copy, or lost the tracked changes, Word users of other suites would too. The
accepted text is taken from LibreOffice's own ODT conversion, where deleted
text lives apart from the body (``text:tracked-changes``), so the body is the
document with every change accepted. Run by ``tox -e word``.
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from tests.fix.test_docx_review import CASES, review
from validator.fix.text import apply_edits

pytestmark = pytest.mark.word

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


def convert(source: Path, fmt: str, tmp_path: Path) -> Path:
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice (soffice) is not installed: .ci/run installs libreoffice-writer"
    outdir = tmp_path / fmt.split(":")[0]
    completed = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            fmt,
            "--outdir",
            str(outdir),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    produced = outdir / (source.stem + "." + fmt.split(":")[0])
    assert produced.exists() and produced.stat().st_size > 0, completed.stdout + completed.stderr
    return produced


def accepted_paragraphs(odt: Path) -> list[str]:
    """The non-empty paragraphs of an ODT's body with every tracked change accepted, comments left out."""
    with zipfile.ZipFile(odt) as archive:
        root = etree.fromstring(archive.read("content.xml"))
    for dropped in [*root.iter(TEXT + "tracked-changes"), *root.iter(OFFICE + "annotation")]:
        _remove_keeping_tail(dropped)
    body = root.find(f"{OFFICE}body/{OFFICE}text")
    assert body is not None
    found = []
    for paragraph in body.iter(TEXT + "p", TEXT + "h"):
        text = "".join(_text(paragraph))
        if text:
            found.append(text)
    return found


def _remove_keeping_tail(element: etree._Element) -> None:
    """Remove ``element`` but not the text that follows it (lxml's ``remove`` drops its tail)."""
    parent, tail = element.getparent(), element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


def _text(element: etree._Element) -> list[str]:
    pieces = [element.text or ""]
    for child in element:
        if child.tag == TEXT + "s":
            pieces.append(" " * int(child.get(TEXT + "c", "1")))
        elif child.tag == TEXT + "tab":
            pieces.append(" ")
        elif child.tag not in (TEXT + "p", TEXT + "h"):
            pieces.extend(_text(child))
        pieces.append(child.tail or "")
    return pieces


@pytest.mark.parametrize("text", CASES)
def test_libreoffice_converts_the_copy_and_reads_the_fixed_text(tmp_path: Path, text: str) -> None:
    _, target, _, made = review(tmp_path, text)
    pdf = convert(target, "pdf", tmp_path)
    assert pdf.read_bytes().startswith(b"%PDF")
    plain = convert(target, "txt:Text", tmp_path).read_text(encoding="utf-8-sig")
    fixed = apply_edits(made.text, made.changes)
    for change in made.changes:  # LibreOffice's text shows the inserted words
        assert change.replacement in plain
    expected = [line for line in fixed.split("\n") if line]
    assert accepted_paragraphs(convert(target, "odt", tmp_path)) == expected
