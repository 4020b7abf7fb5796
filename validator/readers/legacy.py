"""Old binary Word and WPS files (``.doc``, ``.wps``): converted by LibreOffice when it is installed.

Reading the binary formats well is a project of its own, and reading them
badly would produce text that every rule then misjudges. LibreOffice converts
them faithfully (automatic numbering included), so when ``soffice`` is on the
PATH the file is converted to ``.docx`` in a temporary directory and read as
one: its positions are those of the converted document (paragraph N of the
``.docx`` LibreOffice writes), which ``SourceText.converted`` says. The
conversion runs with a time limit, its own throwaway LibreOffice profile (so
it neither waits for nor disturbs a LibreOffice the user has open) and
nothing of the user's directory touched. Without LibreOffice, or when the
conversion fails, the honest answer is one line naming the command that
converts the file. A ``.doc`` that is really a ``.docx`` (a ZIP archive renamed
by hand, which happens in offices) is simply read as one.
"""

from __future__ import annotations

import os
import re

from validator.errors import InputError
from validator.model import SourceText
from validator.readers.docx import read_docx
from validator.readers.signatures import OLE_MAGIC, ZIP_MAGIC
from validator.regexes import compiled

__all__ = ["CONVERT_TIMEOUT", "convert_with_libreoffice", "legacy_reason", "read_legacy"]

CONVERT_TIMEOUT = 120.0  # seconds; a report converts in one to five
_PLAIN_WORD = compiled(r"[\w./\\:@%+=,-]+")


def read_legacy(data: bytes, path: str) -> SourceText:
    """Read a ``.doc`` or ``.wps``: a ZIP inside is a ``.docx``; an OLE file is converted by LibreOffice."""
    import dataclasses
    import shutil  # here, not above: start-up time belongs to the users of .txt

    if data.startswith(ZIP_MAGIC):
        return read_docx(data, path)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or not data.startswith(OLE_MAGIC):
        raise InputError(path, legacy_reason(path))
    converted = convert_with_libreoffice(soffice, data, os.path.splitext(path)[1].lower() or ".doc")
    if converted is None:
        raise InputError(path, "LibreOffice 无法转换此文件（已损坏或加密？）；" + legacy_reason(path))
    source = read_docx(converted, path)
    return dataclasses.replace(source, converted="LibreOffice → .docx")


def convert_with_libreoffice(
    soffice: str, data: bytes, suffix: str, timeout: float = CONVERT_TIMEOUT
) -> bytes | None:
    """The ``.docx`` LibreOffice makes of ``data``, or None when it fails or runs out of time."""
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory(prefix="report-validator-") as folder:
        source = os.path.join(folder, "input" + suffix)
        with open(source, "wb") as handle:
            handle.write(data)
        profile = "file://" + os.path.join(folder, "profile").replace(os.sep, "/")
        command = [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--nologo",
            "--convert-to",
            "docx",
            "--outdir",
            folder,
            source,
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=timeout, check=False, cwd=folder)
        except (OSError, subprocess.SubprocessError):  # a timeout kills the child; a missing binary, a race
            return None
        target = os.path.join(folder, "input.docx")
        if not os.path.isfile(target):
            return None
        with open(target, "rb") as handle:
            return handle.read()


def legacy_reason(path: str) -> str:
    """The one-line reason, with a conversion command the user can paste (their file's name in it)."""
    return f"旧版 Word/WPS 格式，请先转换：libreoffice --headless --convert-to docx {_shell_word(path)}"


def _shell_word(path: str) -> str:
    """The path as one shell word: bare when safe, else in double quotes (which cmd.exe also understands)."""
    if _PLAIN_WORD.fullmatch(path):
        return path
    # Only what POSIX shells expand inside double quotes is escaped; a Windows backslash stays as it is.
    return '"' + re.sub(r'(["$`])', r"\\\1", path) + '"'
