"""Old binary Word and WPS files (``.doc``, ``.wps``): refused with the command that converts them.

Reading the binary formats well is a project of its own, and reading them
badly would produce text that every rule then misjudges. LibreOffice converts
them faithfully (automatic numbering included) in one command, so the honest
answer is to name that command. A ``.doc`` that is really a ``.docx`` (a ZIP
archive renamed by hand, which happens in offices) is simply read as one.
"""

from __future__ import annotations

import re

from validator.errors import InputError
from validator.readers import SourceText

__all__ = ["legacy_reason", "read_legacy"]
_ZIP_MAGIC = b"PK\x03\x04"
_PLAIN_WORD = re.compile(r"[\w./\\:@%+=,-]+")


def read_legacy(data: bytes, path: str) -> SourceText:
    """Read a ``.doc`` or ``.wps``: a ZIP inside is a ``.docx`` and read as one; anything else is refused."""
    if data.startswith(_ZIP_MAGIC):
        from validator.readers.docx import read_docx

        return read_docx(data, path)
    raise InputError(path, legacy_reason(path))


def legacy_reason(path: str) -> str:
    """The one-line reason, with a conversion command the user can paste (their file's name in it)."""
    return f"旧版 Word/WPS 格式，请先转换：libreoffice --headless --convert-to docx {_shell_word(path)}"


def _shell_word(path: str) -> str:
    """The path as one shell word: bare when safe, else in double quotes (which cmd.exe also understands)."""
    if _PLAIN_WORD.fullmatch(path):
        return path
    # Only what POSIX shells expand inside double quotes is escaped; a Windows backslash stays as it is.
    return '"' + re.sub(r'(["$`])', r"\\\1", path) + '"'
