"""``.doc`` and ``.wps`` without LibreOffice: refused with the command that converts them.

Unless they are a ``.docx`` inside, which is read as one.

With LibreOffice they are converted: ``test_legacy_libreoffice.py``, run by the tox ``libreoffice`` env.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from validator.errors import InputError
from validator.readers import read_bytes, read_path
from validator.readers.docx import OLE_MAGIC

pytestmark = pytest.mark.usefixtures("without_libreoffice")

OLE_FILE = OLE_MAGIC + bytes(4096)  # what Word 97–2003 and WPS write: an OLE compound file


@pytest.mark.parametrize("name", ["report.doc", "report.wps", "REPORT.DOC", "报告.wps"])
def test_old_binary_files_name_the_conversion_command(tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    target.write_bytes(OLE_FILE)
    with pytest.raises(InputError) as info:
        read_path(target)
    assert info.value.path == str(target)
    assert (
        info.value.reason
        == f"旧版 Word/WPS 格式，请先转换：libreoffice --headless --convert-to docx {target}"
    )


@pytest.mark.parametrize(
    ("path", "word"),
    [
        ("年度 报告.doc", '"年度 报告.doc"'),
        ('a"b$c.doc', '"a\\"b\\$c.doc"'),
        ("C:\\报告\\2024.wps", "C:\\报告\\2024.wps"),
    ],
)
def test_the_file_name_in_the_command_is_one_shell_word(path: str, word: str) -> None:
    with pytest.raises(InputError) as info:
        read_bytes(OLE_FILE, path)
    assert info.value.reason.endswith(f"--convert-to docx {word}")


def test_rtf_or_anything_else_named_doc_is_refused_the_same_way() -> None:
    for data in (b"{\\rtf1\\ansi ...}", b"<html><body>report</body></html>", b""):
        with pytest.raises(InputError) as info:
            read_bytes(data, "x.doc")
        assert "libreoffice" in info.value.reason


def test_a_docx_renamed_to_doc_is_read_as_a_docx() -> None:
    from .test_docx import Para, build_docx

    source = read_bytes(build_docx([Para("一、加强政治建设")]), "renamed.doc")
    assert (source.text, source.format) == ("一、加强政治建设", "docx")
