"""The result cache: a file's verdict kept by content, so an unchanged file is not checked again.

Like ruff's and mypy's caches it lives in the project, ``.report-validator-cache/`` beside the
configuration file (or in the working directory), with a ``.gitignore`` of ``*`` inside; the
``--cache-dir`` flag or ``REPORT_VALIDATOR_CACHE_DIR`` moves it, ``--no-cache`` skips it.

An entry's key is a SHA-256 of everything that can change a verdict:

* the run's identity (``run_identity``): the tool's version, the encoding's schema, every
  plugin with its version, each checklist in full (its ``repr``: items, cues, patterns,
  rule settings) and each rule's metadata and options, and the size and mtime of the tool's
  own code and data files (an edited checkout is a new tool, whatever its version says);
* the file's path (it is in the output, and the suffix chooses the reader), the settings that
  apply to it (configuration overrides by glob, ``--select`` …) and its bytes.

Entries are ``marshal`` data of plain tuples (``validator.engine.plain``), which can rebuild
values but never run code, behind a magic tag and a BLAKE2 digest of the payload: a truncated,
corrupt or foreign entry is a miss, never an error and never a wrong verdict. Each entry is
written to a temporary file in its own directory and moved into place with ``os.replace``, so
two runs sharing the cache at most write the same entry twice. A cache that cannot be written
(read-only disk, full disk) is silently not written: it only ever saves time.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from validator import __version__
from validator.engine.plain import SCHEMA, PlainFile, decode, encode
from validator.limits import current_limits
from validator.model import FileResult, Result

CACHE_DIR_NAME = ".report-validator-cache"
CACHE_DIR_ENV = "REPORT_VALIDATOR_CACHE_DIR"
_MAGIC = b"RVC1"
_DIGEST_SIZE = 16
_ENTRIES = "results-v1"


def default_cache_dir(project_root: Path, flag: str | None = None) -> Path:
    """``--cache-dir``, else ``$REPORT_VALIDATOR_CACHE_DIR``, else the project's own directory."""
    chosen = flag or os.environ.get(CACHE_DIR_ENV)
    return Path(chosen) if chosen else project_root / CACHE_DIR_NAME


def run_identity(parts: Iterable[str]) -> str:
    """A digest of what makes this run's verdicts (see the module docstring); ``parts`` come first."""
    digest = hashlib.sha256()
    for part in (__version__, SCHEMA, *parts, *_code_stamp()):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


def _code_stamp() -> list[str]:
    """Size and mtime of every file of the tool and its data: editing a checkout invalidates entries."""
    import validator
    from validator.resources import DATA_NAMES, data_dir

    roots = [Path(validator.__file__).parent, *(data_dir(name) for name in sorted(DATA_NAMES))]
    stamp = []
    for root in roots:
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                path = os.path.join(folder, name)
                info = os.stat(path)
                stamp.append(f"{path}:{info.st_size}:{info.st_mtime_ns}")
    return stamp


class ResultCache:
    """Entries under one directory for one run identity.

    Entries live in ``results-v1/<identity>/``: a new version, plugin or checklist starts a new
    directory, and a run that writes removes the directories of identities no run has used for
    ``UNUSED_DAYS`` (each run marks its own as used), so the cache does not grow without end.
    """

    UNUSED_DAYS = 14

    def __init__(self, directory: Path, identity: str) -> None:
        self.directory = directory
        self.identity = identity
        self._prepared = False
        self._marked = False
        self._shared: dict[tuple[object, ...], Result] = {}  # results alike across entries, built once

    def key(self, path: str, settings: str, data: bytes) -> str:
        """The entry key of ``data`` read from ``path`` under ``settings`` (a stable text)."""
        digest = hashlib.sha256(self.identity.encode())
        for part in (path.encode("utf-8", "surrogateescape"), settings.encode("utf-8", "surrogatepass")):
            digest.update(len(part).to_bytes(8, "little"))
            digest.update(part)
        digest.update(data)
        return digest.hexdigest()

    def get(self, key: str) -> FileResult | None:
        """The stored verdict, or None for a miss (absent, unreadable, corrupt, or not ours)."""
        if not self._marked:
            self._mark_used()
        try:
            with open(self._entry(key), "rb") as handle:
                blob = handle.read()
        except OSError:
            return None
        head, payload = blob[: len(_MAGIC) + _DIGEST_SIZE], blob[len(_MAGIC) + _DIGEST_SIZE :]
        if head != _MAGIC + hashlib.blake2b(payload, digest_size=_DIGEST_SIZE).digest():
            return None
        try:
            stored_key, plain = marshal.loads(payload)
            return decode(plain, self._shared) if stored_key == key else None
        except Exception:  # malformed data of any kind is a miss
            return None

    def put(self, key: str, result: FileResult) -> None:
        """Store a verdict (results of unreadable files are not stored: they are cheap to redo)."""
        if result.error is not None:
            return
        self.put_plain(key, encode(result))

    def put_plain(self, key: str, plain: PlainFile) -> None:
        try:
            payload = marshal.dumps((key, plain))
        except ValueError:  # a field that is not plain data: never cached, always checked
            return
        blob = _MAGIC + hashlib.blake2b(payload, digest_size=_DIGEST_SIZE).digest() + payload
        try:
            self._prepare()
            target = self._entry(key)
            target.parent.mkdir(exist_ok=True)
            _write_atomically(target, blob)
        except OSError:
            return

    def _own(self) -> Path:
        return self.directory / _ENTRIES / self.identity[:24]

    def _entry(self, key: str) -> Path:
        return self._own() / key[:2] / key[2:]

    def _mark_used(self) -> None:
        self._marked = True
        with contextlib.suppress(OSError):
            os.utime(self._own())

    def _prepare(self) -> None:
        """The directory with a ``.gitignore`` of ``*`` and a CACHEDIR.TAG, made once per run."""
        if self._prepared:
            return
        self._own().mkdir(parents=True, exist_ok=True)
        self._mark_used()
        self._prune()
        for name, text in (
            (".gitignore", "# Created by report-validator: a cache, never committed.\n*\n"),
            ("CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n# report-validator's cache\n"),
        ):
            if not (self.directory / name).exists():
                _write_atomically(self.directory / name, text.encode())
        self._prepared = True

    def _prune(self) -> None:
        """Remove other identities' entries that no run has used for ``UNUSED_DAYS``."""
        import shutil
        import time

        limit = time.time() - self.UNUSED_DAYS * 86400
        with contextlib.suppress(OSError):
            for other in os.scandir(self.directory / _ENTRIES):
                if other.is_dir() and other.name != self._own().name and other.stat().st_mtime < limit:
                    shutil.rmtree(other.path, ignore_errors=True)


def _write_atomically(target: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``target``, then move it into place."""
    import tempfile

    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def regular_file_bytes(path: str) -> bytes | None:
    """The bytes of a regular file, or None (missing, a pipe, a device …: those are never cached)."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size > current_limits().largest_file_bytes():
            return None  # the reader refuses it by its size, unread: so must the cache
        with open(path, "rb") as handle:
            return handle.read()
    except (OSError, ValueError):
        return None

