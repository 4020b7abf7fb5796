"""Write a fixed ``.txt``/``.md`` back as the user saved it: same encoding, BOM, line endings.

The rules see decoded text with ``\\n`` line endings; the file on disk may be
GBK, UTF-8 with a BOM, UTF-16, with CRLF or lone CR line endings. A fix never
spans a line ending (``validator.fix.text`` refuses one that would), so the
fixed text has the same lines, and each line gets back its own ending. The
bytes are re-encoded with the codec that decoded them, and only after checking
that this codec gives back the original bytes exactly: every byte outside the
fixed spans then stays as it was, and a file that would not round-trip (a rare
GB18030 edge, UTF-16 big-endian) is left alone with a one-line reason.

The file is written to a temporary file in its own directory and renamed over
the original (``os.replace``), so a failed run changes nothing; it is written
only when something changed, and keeps its permission bits.
"""

from __future__ import annotations

import difflib
import os
import re
import stat
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from validator.errors import InputError
from validator.fix.text import fix_text
from validator.model import Fix
from validator.regexes import compiled

_LINE_END = compiled(r"\r\n|\r|\n")


@dataclass(frozen=True)
class FixedFile:
    """A file before and after its fixes, as bytes and as text (line endings kept)."""

    path: str
    before: bytes
    after: bytes
    before_text: str
    after_text: str
    applied: int

    @property
    def changed(self) -> bool:
        return self.before != self.after

    def diff(self) -> str:
        """A unified diff of the change (empty when nothing changed)."""
        lines = difflib.unified_diff(
            _lines(self.before_text),
            _lines(self.after_text),
            fromfile=self.path,
            tofile=self.path,
        )
        return "".join(
            line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n"
            for line in lines
        )


def _lines(text: str) -> list[str]:
    """The lines of ``text`` with their endings (``splitlines`` would also break at \\f and U+2028)."""
    return [line for line in re.split(r"(?<=\r\n)|(?<=\r)(?!\n)|(?<=\n)", text) if line]


def fix_bytes(
    data: bytes,
    path: str,
    encoding: str,
    decoded: str,
    find: Callable[[str], Sequence[tuple[str, Fix]]],
) -> FixedFile:
    """Fix ``data`` (read by a reader as ``decoded`` with ``encoding``); ``InputError`` when unsafe to write.

    ``find`` gives the ``(rule code, fix)`` pairs wanted for a text; it is called
    once per pass.
    """
    try:
        raw = data.decode(encoding)
        exact = raw.encode(encoding) == data
    except (LookupError, UnicodeError):
        exact = False
    if not exact or _LINE_END.sub("\n", raw) != decoded:
        raise InputError(path, f"无法按原编码（{encoding or '未知'}）逐字节写回，未修改")
    outcome = fix_text(decoded, find)
    if not outcome.applied:
        return FixedFile(path, data, data, raw, raw, 0)
    fixed_raw = _with_line_ends(raw, outcome.text)
    return FixedFile(path, data, fixed_raw.encode(encoding), raw, fixed_raw, outcome.applied)


def _with_line_ends(raw: str, fixed: str) -> str:
    """``fixed`` (``\\n`` endings, same number of lines as ``raw``) with the line endings of ``raw``."""
    ends = _LINE_END.findall(raw)
    lines = fixed.split("\n")
    if len(lines) != len(ends) + 1:  # cannot happen: no fix spans a line ending
        raise ValueError("a fix changed the number of lines")
    pieces = [line + end for line, end in zip(lines[:-1], ends, strict=True)]
    pieces.append(lines[-1])
    return "".join(pieces)


def write_atomically(path: str, data: bytes) -> None:
    """Replace the file at ``path`` with ``data``: a temporary file beside it, then ``os.replace``.

    The permission bits of the original are kept, and a symbolic link stays a
    link: its target is what gets replaced. On any failure the original is
    untouched and the temporary file removed.
    """
    path = os.path.realpath(path)
    directory = os.path.dirname(path)
    mode = stat.S_IMODE(os.stat(path).st_mode) if os.path.exists(path) else None
    handle, temporary = tempfile.mkstemp(prefix=".report-validator-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
