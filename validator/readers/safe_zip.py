"""Inflate the members of a ``.docx`` or ``.ofd`` archive without letting a hostile one exhaust memory.

A ``.docx`` or an ``.ofd`` is a ZIP and may come from anywhere. A few kilobytes of ZIP can
declare gigabytes of XML (a zip bomb), so every member is checked before a
byte of it is inflated: its declared size against a budget for the whole
file, its compression ratio against what XML plausibly reaches, and the
stream is never read past the size it declared, whatever it really holds.

zipfile (with its bz2 and lzma back ends) is imported when an archive is
opened: every run imports this module, most runs read no ``.docx``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from validator.errors import InputError

if TYPE_CHECKING:
    import zipfile

__all__ = ["MAX_RATIO", "MAX_UNCOMPRESSED", "RATIO_FLOOR", "SafeZip"]

MAX_UNCOMPRESSED = 50 * 1024 * 1024  # all the XML parts we inflate, together
MAX_RATIO = 100  # a part this much larger than its compressed form is a bomb…
RATIO_FLOOR = 1024 * 1024  # …once it is larger than this

_BOMB = f"解压后过大（超过 {MAX_UNCOMPRESSED // 1024 // 1024} MB）或压缩比异常，疑似压缩炸弹，已拒绝"


class SafeZip:
    """A ZIP archive read member by member, all members together within one size budget."""

    def __init__(self, data: bytes, path: str, kind: str = ".docx") -> None:
        import io
        import zipfile

        self.path = path
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except Exception:  # zipfile raises a zoo of types on a damaged archive; all mean the same here
            raise InputError(path, f"文件已损坏或不完整，无法作为 {kind} 打开") from None
        self._archive = archive
        self._members: dict[str, zipfile.ZipInfo] = {}
        for info in archive.infolist():  # part names are case-insensitive (OPC)
            self._members.setdefault(info.filename.lower(), info)
        self._budget = MAX_UNCOMPRESSED

    def read(self, name: str) -> bytes | None:
        """Member ``name`` (in any letter case) inflated, or None when the archive has no such member."""
        info = self._members.get(name.lower())
        if info is None:
            return None
        return self._inflate(info)

    def _inflate(self, info: zipfile.ZipInfo) -> bytes:
        """The member's bytes, checked against the bomb limits before a byte is inflated."""
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
