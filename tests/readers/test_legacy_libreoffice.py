"""``.doc``/``.wps`` converted by a real LibreOffice: the same verdicts as the ``.docx`` they came from.

LibreOffice itself writes the ``.doc`` (from a python-docx file set to GB/T
9704), and the reader converts it back through LibreOffice. Conversions take
seconds, so these tests run in the tox ``libreoffice`` environment
(``REPORT_VALIDATOR_LIBREOFFICE=1``), where a missing LibreOffice is a failure,
not a skip. The time limit is tested everywhere, with a stand-in ``soffice``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from validator.api import Validator
from validator.errors import InputError
from validator.readers import read_path
from validator.readers.docx import OLE_MAGIC
from validator.readers.legacy import convert_with_libreoffice

EXAMPLES = Path(__file__).parents[2] / "examples"
IN_ENV = os.environ.get("REPORT_VALIDATOR_LIBREOFFICE") == "1"
needs_libreoffice = pytest.mark.skipif(
    not IN_ENV, reason="needs the tox `libreoffice` environment (REPORT_VALIDATOR_LIBREOFFICE=1)"
)


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    assert found, "the libreoffice tox environment needs LibreOffice (.ci/run installs libreoffice-writer)"
    return found


def to_doc(docx_path: Path, folder: Path) -> Path:
    """LibreOffice's own .doc of ``docx_path`` (Word 97–2003, an OLE file)."""
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation=file://{folder / 'profile'}",
            "--headless",
            "--convert-to",
            "doc",
            "--outdir",
            str(folder / "doc"),
            str(docx_path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    converted = folder / "doc" / (docx_path.stem + ".doc")
    assert converted.read_bytes().startswith(OLE_MAGIC)
    return converted


def results(validator: Validator, path: Path) -> list[tuple[object, ...]]:
    found = validator.check_path(path)
    assert found.error is None, found.error
    return [
        (report.checklist, r.kind, r.id, r.status, r.severity, r.message, r.span)
        for report in found.reports
        for r in report.results
    ]


@needs_libreoffice
@pytest.mark.parametrize("name", ["clean-report", "defective-report"])
def test_a_doc_gives_the_verdicts_of_the_docx_it_came_from(name: str, tmp_path: Path) -> None:
    pytest.importorskip("docx")
    from .layout_docx import gbt9704_docx

    lines = (EXAMPLES / f"{name}.txt").read_text(encoding="utf-8").rstrip("\n").split("\n")
    original = tmp_path / f"{name}.docx"
    original.write_bytes(gbt9704_docx(lines, named_font=True))  # .doc has no themes: the font is named
    doc = to_doc(original, tmp_path)
    validator = Validator()
    from_docx, from_doc = results(validator, original), results(validator, doc)
    assert from_doc == from_docx
    assert any(
        kind == "rule" and rule.startswith("FMT-") for _, kind, rule, *_ in from_doc
    )  # layout was judged
    assert read_path(doc).converted == "LibreOffice → .docx"
    wps = tmp_path / f"{name}.wps"
    wps.write_bytes(doc.read_bytes())  # WPS writes the same OLE format under its own suffix
    assert results(validator, wps) == from_docx


@needs_libreoffice
def test_a_doc_libreoffice_cannot_open_names_the_command(tmp_path: Path) -> None:
    soffice()
    broken = tmp_path / "broken.doc"
    broken.write_bytes(OLE_MAGIC + bytes(4096))
    with pytest.raises(InputError) as info:
        read_path(broken)
    assert "LibreOffice 无法转换" in info.value.reason
    assert f"libreoffice --headless --convert-to docx {broken}" in info.value.reason


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell script stands in for soffice")
def test_a_conversion_that_hangs_is_stopped_at_the_time_limit(tmp_path: Path) -> None:
    hanging = tmp_path / "soffice"
    hanging.write_text("#!/bin/sh\nexec sleep 60\n", encoding="utf-8")
    hanging.chmod(0o755)
    started = time.perf_counter()
    assert convert_with_libreoffice(str(hanging), OLE_MAGIC + bytes(64), ".doc", timeout=1) is None
    assert time.perf_counter() - started < 10


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell script stands in for soffice")
def test_the_conversion_happens_in_a_temporary_directory_that_is_removed(tmp_path: Path) -> None:
    """A stand-in soffice records its arguments: its own profile and output folder, the input copied there."""
    log = tmp_path / "args"
    fake = tmp_path / "soffice"
    fake.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > {log}\n', encoding="utf-8")
    fake.chmod(0o755)
    assert convert_with_libreoffice(str(fake), OLE_MAGIC, ".wps") is None  # it wrote no .docx
    args = log.read_text(encoding="utf-8").split("\n")
    outdir = Path(args[args.index("--outdir") + 1])
    assert args[0].startswith("-env:UserInstallation=file://" + str(outdir))
    assert args[args.index("--outdir") + 2] == str(outdir / "input.wps")
    assert not outdir.exists()
