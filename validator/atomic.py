"""Write a file so that it is either the old one or the whole new one, never half of each.

Every file the tool writes (the baseline, a ``--output`` report, fixed reports) goes
through ``atomic_write``: the text is written to a temporary file in the same directory
(so the rename never crosses file systems), flushed to disk, and then moved over the
target with ``os.replace``, which is atomic on POSIX and Windows. When the disk is full
or the process is killed half-way, the old file is untouched and the temporary file is
removed; when two runs race, the last rename wins and each reader sees one complete file.
"""

from __future__ import annotations

import contextlib
import os
import stat

from validator.errors import ConfigError
from validator.messages import message
from validator.oserrors import os_reason

__all__ = ["atomic_write"]


def atomic_write(
    path: str | os.PathLike[str], data: str | bytes, *, key: str = "output", lang: str = "zh"
) -> None:
    """Replace ``path`` with ``data`` (text as UTF-8, as written; or bytes) in one step, or raise
    ``ConfigError`` and change nothing.

    ``key`` names the setting the path came from (``output``, ``baseline``) in the error,
    worded in ``lang``. An existing file's permission bits are kept; a new file gets the usual
    ones (umask). A symbolic link is followed, so the link survives; a device or pipe
    (``/dev/stdout``) is written directly, as there is no file to replace.
    """
    shown = os.fspath(path)
    target = os.path.realpath(shown)  # through a symbolic link: the link stays, its file is replaced
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if _is_special(target):  # /dev/stdout, a named pipe: nothing to replace, and renaming over it is wrong
        _write_through(target, payload, shown, key, lang)
        return
    directory = os.path.dirname(target)
    try:
        handle, temporary = _create_temporary(directory, os.path.basename(target))
    except OSError as error:
        raise _error(shown, error, key, lang) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        _keep_mode(target, temporary)
        os.replace(temporary, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise _error(shown, error, key, lang) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _is_special(target: str) -> bool:
    """Whether ``target`` exists and is neither a regular file nor a directory (a device, a pipe)."""
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _write_through(target: str, payload: bytes, shown: str, key: str, lang: str) -> None:
    try:
        with open(target, "wb") as stream:
            stream.write(payload)
    except OSError as error:
        raise _error(shown, error, key, lang) from None


def _create_temporary(directory: str, name: str) -> tuple[int, str]:
    """A new file beside the target, created with mode 0o666 so that the umask applies as usual."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temporary = os.path.join(directory, f".{name}.{os.urandom(4).hex()}.tmp")
        try:
            return os.open(temporary, flags, 0o666), temporary
        except FileExistsError:
            continue  # another run's temporary file: pick another name


def _keep_mode(target: str, temporary: str) -> None:
    """Give the new file the old one's permission bits (a new target keeps what the umask gave)."""
    try:
        mode = os.stat(target).st_mode & 0o7777
    except FileNotFoundError:
        return
    os.chmod(temporary, mode)


def _error(target: str, error: OSError, key: str, lang: str) -> ConfigError:
    return ConfigError(message("cli.write_failed", lang, reason=os_reason(error, lang)), path=target, key=key)
