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
values but never run code: a header (magic tag, CRC-32 and length of the verdict), the verdict
with the key it was stored under, then the file's source text with its own CRC-32 inside the
verdict. The source text is as large as the file and most outputs never quote it, so it is
read past, and only checked and decoded when wanted. A truncated, corrupt or foreign entry is
a miss, never an error and never a wrong verdict. (CRC-32 guards against damage, as a digest
would, at a quarter of the cost; it is no defence against someone who can write the cache,
and neither was a digest: such a person can write a well-formed entry.) Each entry is
written to a temporary file in its own directory and moved into place with ``os.replace``, so
two runs sharing the cache at most write the same entry twice. A cache that cannot be written
(read-only disk, full disk) is silently not written: it only ever saves time.
"""

from __future__ import annotations

import contextlib
import dataclasses
import marshal
import os
import stat
import struct
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from validator import __version__
from validator.engine.plain import (
    SCHEMA,
    Encoder,
    PlainFile,
    SharedResults,
    decode,
    decode_source,
    quotes_source,
    source_bytes,
    without_source,
)
from validator.limits import current_limits
from validator.model import FileResult
from validator.snapshot import tool_stamp

CACHE_DIR_NAME = ".report-validator-cache"
CACHE_DIR_ENV = "REPORT_VALIDATOR_CACHE_DIR"
_MAGIC = b"RVC2"
_HEAD = struct.Struct("<4sII")  # magic, CRC-32 of the verdict, length of the verdict
_FIRST_READ = 16384  # bytes read of an entry at first: its header and, mostly, the whole verdict
_ENTRIES = "results-v1"  # the layout of the directories; each entry says its format


def default_cache_dir(project_root: Path, flag: str | None = None) -> Path:
    """``--cache-dir``, else ``$REPORT_VALIDATOR_CACHE_DIR``, else the project's own directory."""
    chosen = flag or os.environ.get(CACHE_DIR_ENV)
    return Path(chosen) if chosen else project_root / CACHE_DIR_NAME


def run_identity(parts: Iterable[str]) -> str:
    """A digest of what makes this run's verdicts (see the module docstring); ``parts`` come first."""
    import hashlib  # here: a run without the cache (--no-cache) never loads OpenSSL's hashes

    digest = hashlib.sha256()
    for part in (__version__, SCHEMA, *parts, *tool_stamp()):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


class ResultCache:
    """Entries under one directory for one run identity.

    Entries live in ``results-v1/<identity>/``: a new version, plugin or checklist starts a new
    directory, and a run that writes removes the directories of identities no run has used for
    ``UNUSED_DAYS`` (each run marks its own as used), so the cache does not grow without end.

    ``every_source`` False: a verdict read back carries its source text only when one of its
    failures has a place, the only text the built-in formats quote (see ``plain.quotes_source``).
    """

    UNUSED_DAYS = 14

    def __init__(self, directory: Path, identity: str, every_source: bool = True) -> None:
        self.directory = directory
        self.identity = identity
        self.every_source = every_source
        self._own = os.path.join(directory, _ENTRIES, identity[:24])
        self._prepared = False
        self._marked = False
        self._shared: SharedResults = {}  # results alike across entries, built once
        self._encoder = Encoder()  # and encoded once

    def key(self, path: str, settings: str, data: bytes) -> str:
        """The entry key of ``data`` read from ``path`` under ``settings`` (a stable text)."""
        import hashlib

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
            with open(self._entry(key), "rb", buffering=0) as handle:
                return self._decoded(key, handle)
        except Exception:  # absent, unreadable, malformed data of any kind: a miss
            return None

    def _decoded(self, key: str, handle: BinaryIO) -> FileResult | None:
        """The verdict of the open entry if it is intact and stored under ``key``; raises on malformed data.

        Only the verdict is read, not the source text after it, unless the text is wanted:
        reading 25 KB where 6 KB will do was a third of a warm run's time in the cache.
        """
        start = handle.read(_FIRST_READ)
        magic, checksum, length = _HEAD.unpack_from(start)
        if magic != _MAGIC:
            return None
        if _HEAD.size + length > len(start):  # a long verdict (many findings): read on, to the end at most
            start += handle.read()
        verdict = start[_HEAD.size : _HEAD.size + length]
        if len(verdict) != length or zlib.crc32(verdict) != checksum:
            return None
        stored_key, plain, source_checksum = marshal.loads(verdict)
        if stored_key != key:
            return None
        file = decode(plain, self._shared)
        if source_checksum is not None and (self.every_source or quotes_source(file)):
            source = start[_HEAD.size + length :] + handle.read()
            if zlib.crc32(source) != source_checksum:
                return None
            file = dataclasses.replace(file, source=decode_source(source))
        return file

    def put(self, key: str, result: FileResult) -> None:
        """Store a verdict (results of unreadable files are not stored: they are cheap to redo)."""
        if result.error is not None:
            return
        try:
            plain = self._encoder.encode(result)
        except ValueError:  # a field that is not plain data: never cached, always checked
            return
        self.put_plain(key, plain)

    def put_plain(self, key: str, plain: PlainFile) -> None:
        """Store an encoded verdict (see ``put``), its source text after it."""
        source = source_bytes(plain) or b""
        try:
            verdict = marshal.dumps((key, without_source(plain), zlib.crc32(source) if source else None))
        except ValueError:  # a field that is not plain data: never cached, always checked
            return
        blob = _HEAD.pack(_MAGIC, zlib.crc32(verdict), len(verdict)) + verdict + source
        try:
            self._prepare()
            target = self._entry(key)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            _write_atomically(Path(target), blob)
        except OSError:
            return

    def _entry(self, key: str) -> str:
        return os.path.join(self._own, key[:2], key[2:])  # strings, not Paths: one per file of a run

    def _mark_used(self) -> None:
        self._marked = True
        with contextlib.suppress(OSError):
            os.utime(self._own)

    def _prepare(self) -> None:
        """The directory with a ``.gitignore`` of ``*`` and a CACHEDIR.TAG, made once per run."""
        if self._prepared:
            return
        os.makedirs(self._own, exist_ok=True)
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
        own = os.path.basename(self._own)
        with contextlib.suppress(OSError):
            for other in os.scandir(self.directory / _ENTRIES):
                if other.is_dir() and other.name != own and other.stat().st_mtime < limit:
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


def largest_cached_file() -> int:
    """The size above which no file is read for the cache: the largest any reader accepts."""
    return current_limits().largest_file_bytes()


def regular_file_bytes(path: str, largest: int) -> bytes | None:
    """The bytes of a regular file, or None (missing, a pipe, a device, too large: never cached)."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size > largest:
            return None  # the reader refuses it by its size, unread: so must the cache
        with open(path, "rb") as handle:
            return handle.read()
    except (OSError, ValueError):
        return None

