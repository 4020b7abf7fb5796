"""Read a report file into decoded text, choosing the reader by the file's suffix.

Everything after this package works on ``SourceText.text``: decoded, BOM gone,
line endings ``\\n``, nothing else touched, so that a line and column computed
from it are the ones the user's editor shows. Every failure is an
``InputError`` whose message starts with the path, so the command line can
print it as one line and carry on with the next file.

``READERS`` maps a lower-case suffix to a reader function. It is a plain dict
on purpose: a plugin hook will later add entries (``.docx``…) to it, and
nothing else needs to change for that.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from typing import BinaryIO

from validator.errors import InputError
from validator.lazy import lazy_function
from validator.limits import current_limits
from validator.model import Reader, SourceText
from validator.plugin.hookspecs import hookimpl
from validator.readers.text import read_markdown, read_text

# A run reads mostly one kind of file: the zip, XML and PDF readers are imported when first called.
_read_legacy = lazy_function("validator.readers.legacy", "read_legacy")

__all__ = [
    "READERS",
    "SUPPORTED_SUFFIXES",
    "Reader",
    "SourceText",
    "read_bytes",
    "read_path",
]

READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".docx": lazy_function("validator.readers.docx", "read_docx"),
    ".pdf": lazy_function("validator.readers.pdf", "read_pdf"),
    ".doc": _read_legacy,
    ".wps": _read_legacy,
    ".ofd": lazy_function("validator.readers.ofd", "read_ofd"),
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(READERS)


def read_path(path: str | os.PathLike[str], readers: Mapping[str, Reader] | None = None) -> SourceText:
    """Read and decode the report at ``path``, or raise ``InputError`` saying why not.

    The file is examined before it is read, so that a directory, a file larger
    than its format's budget (``validator.limits``: a 3 GB sparse file is refused
    by its size, not read) or a special file is refused without reading it. A name
    without suffix is read as plain text: the decoder refuses anything binary, so
    nothing is lost by trying. Pipes (FIFOs), character and block devices and
    sockets are refused at once: reading them may never end (``/dev/zero``, a FIFO
    nobody writes to) or block. ``--stdin`` is the way to pipe a report in.
    """
    name = os.fspath(path)
    info = _stat(name)
    if stat.S_ISDIR(info.st_mode):
        try:  # a folder the search could not list is yielded as such (validator.api._walk)
            with os.scandir(name):
                pass
        except OSError as exc:
            reason = "权限不足" if isinstance(exc, PermissionError) else exc.strerror or str(exc)
            raise InputError(name, f"无法读取目录：{reason}") from None
        raise InputError(name, "是目录，不是文件")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(name, f"不是普通文件（{_special_kind(info.st_mode)}），已拒绝")
    suffix = os.path.splitext(name)[1]
    reader = _reader_for(name, suffix, readers)
    budget = current_limits().file_bytes(_BUDGET_FORMATS.get(suffix.lower(), "text"))
    if info.st_size > budget:
        raise InputError(name, _too_large(info.st_size, budget))
    try:
        with open(name, "rb") as handle:
            data = _read_within(handle, info.st_size, budget)
    except OSError as exc:
        raise _os_error(name, exc) from None
    if len(data) > budget:
        raise InputError(name, _too_large(len(data), budget))
    return reader(data, name)


def _read_within(handle: BinaryIO, size: int, budget: int) -> bytes:
    """The file's bytes, ``budget + 1`` at most (the one more tells that it is too large).

    Read as ``stat`` sized it, and on only if it has grown since: asking for ``budget + 1``
    bytes at once makes Python set aside that much for every file (32 MB for a 20 KB report).
    """
    data = handle.read(size + 1)
    if len(data) > size:  # it grew since stat
        data += handle.read(budget + 1 - len(data))
    return data


# The size budget of each suffix (``Limits.file_bytes``); any other suffix has the text budget.
_BUDGET_FORMATS = {".docx": "docx", ".pdf": "pdf", ".doc": "docx", ".wps": "docx"}


def _too_large(size: int, budget: int) -> str:
    mb = 1024 * 1024
    return f"文件过大（{size / mb:.1f} MB，上限 {budget / mb:.0f} MB），已拒绝；上限见 docs/limits.md"


def _special_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "管道"
    if stat.S_ISSOCK(mode):
        return "套接字"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "设备"
    return "特殊文件"


def read_bytes(
    data: bytes, path: str, suffix: str | None = None, readers: Mapping[str, Reader] | None = None
) -> SourceText:
    """Decode a report that is already in memory (``--stdin``), named ``path`` in messages.

    ``suffix`` chooses the reader; when it is ``None`` it is taken from
    ``path``, and when that has none (``<stdin>``) the input is read as plain
    text. A suffix may be given with or without its dot, in any case.
    """
    if suffix is None:
        suffix = os.path.splitext(path)[1]
    elif suffix and not suffix.startswith("."):
        suffix = "." + suffix
    reader = _reader_for(path, suffix, readers)
    budget = current_limits().file_bytes(_BUDGET_FORMATS.get(suffix.lower(), "text"))
    if len(data) > budget:
        raise InputError(path, _too_large(len(data), budget))
    return reader(data, path)


def _reader_for(path: str, suffix: str, readers: Mapping[str, Reader] | None) -> Reader:
    """The reader for ``suffix``; no suffix means plain text, an unknown one is refused.

    ``readers`` is the registry's mapping (built-ins plus plugins); without it,
    the built-in readers are used.
    """
    if not suffix:
        return read_text
    known = READERS if readers is None else readers
    reader = known.get(suffix.lower())
    if reader is None:  # the suffixes named come from the readers in use; legacy Word is refused, not read
        hint = "、".join(s for s, read in known.items() if read is not _read_legacy)
        raise InputError(path, f"不支持的文件类型：{suffix}（支持 {hint}）")
    return reader


@hookimpl
def report_validator_readers() -> dict[str, Reader]:
    """The built-in readers, offered through the same hook as a plugin's."""
    return dict(READERS)


def _stat(name: str) -> os.stat_result:
    try:
        return os.stat(name)
    except OSError as exc:
        raise _os_error(name, exc) from None
    except ValueError:  # an embedded NUL, or a name the file system cannot encode
        raise InputError(name, "无法读取：路径无效") from None


def _os_error(name: str, exc: OSError) -> InputError:
    """Translate an ``OSError`` into the short Chinese reason users see."""
    if isinstance(exc, (FileNotFoundError, NotADirectoryError)):
        return InputError(name, "文件不存在")
    if isinstance(exc, IsADirectoryError):
        return InputError(name, "是目录，不是文件")
    if isinstance(exc, PermissionError):
        # Windows reports opening a directory as a permission error.
        if os.path.isdir(name):
            return InputError(name, "是目录，不是文件")
        return InputError(name, "无法读取：权限不足")
    return InputError(name, f"无法读取：{exc.strerror or exc}")
