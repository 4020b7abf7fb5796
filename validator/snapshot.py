"""Start-up snapshots: what a run derives from checklists and data packs, kept for the next run.

Every run used to parse the same YAML files (importing PyYAML for it) and validate the same
checklists (compiling each of their patterns to prove it valid): about 40 ms of a 100 ms check,
spent to arrive where the last run already was. A snapshot keeps the outcome, like Python's
``__pycache__`` keeps byte-code:

* it is derived from the tool's own files and the data and checklist files in force, never from
  a report, so it is kept in the per-user cache (``$XDG_CACHE_HOME/report-validator``, else
  ``~/.cache/report-validator``) and used whatever ``--no-cache`` says: that flag is about
  verdicts, whose cache is the project's;
* its key is the code that derives it (size and time of those files of the tool: a new version
  or an edited checkout makes new snapshots), Python's version, and each source file's path and
  content (BLAKE2);
  one file per kind and set of paths, replaced when the key changes, so the cache does not grow;
* it holds data, never code (``marshal`` of strings, numbers, tuples, lists and dicts; records
  are rebuilt from an allow-list of model classes), so a file planted in a shared cache
  directory can at worst be a miss;
* a file that is absent, damaged or made under another key is a miss: the value is built again
  and written atomically; a cache that cannot be written is silently not written.

A value that does not fit (a YAML date, an object) is simply not kept.
"""

from __future__ import annotations

import dataclasses
import functools
import marshal
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from validator.model import Checklist, ChecklistItem, Cues, GenreDetection, RuleSetting, Text

try:  # hashlib's import costs ~2 ms of start-up (it loads OpenSSL); BLAKE2 is built into Python
    from _blake2 import blake2b as blake2b
except ImportError:  # pragma: no cover - an interpreter built without it
    from hashlib import blake2b as blake2b

T = TypeVar("T")

_MAGIC = b"RVS1"
_RECORDS: dict[str, type[Any]] = {
    record.__name__: record for record in (Checklist, ChecklistItem, Cues, GenreDetection, RuleSetting, Text)
}


def user_cache_dir() -> Path:
    """The per-user cache directory (not created here): ``$XDG_CACHE_HOME/report-validator``.

    Not ``$REPORT_VALIDATOR_CACHE_DIR``: that is the verdicts' cache, which ``--no-cache`` keeps
    untouched. Windows has no XDG, and gets ``%LOCALAPPDATA%\\report-validator``.
    """
    base = (
        os.environ.get("XDG_CACHE_HOME")
        or os.environ.get("LOCALAPPDATA")
        or os.path.join(Path.home(), ".cache")
    )
    return Path(base) / "report-validator"


def remembered(
    kind: str,
    sources: Iterable[Path],
    context: str,
    build: Callable[[], T],
    *,
    code: Iterable[str] = (),
    valid: Callable[[Any], bool] | None = None,
) -> T:
    """``build()``, or what it returned in an earlier run with the same sources, code and ``context``.

    ``sources`` are the files the value is derived from (read here, to key it by their content);
    ``code`` the parts of the tool that derive it (``checklist``, ``model.py``: a folder or a
    module of ``validator``; ``yaml`` or ``lark`` for the installed library), whose files' size
    and time key it too; ``context`` is anything else it depends on (the rule codes a checklist
    may name). A kept value that ``valid`` refuses is built again and replaced. A source that
    cannot be read is left to ``build``, which says why.
    """
    paths = [os.path.abspath(path) for path in sources]
    try:
        contents = [Path(path).read_bytes() for path in paths]
    except OSError:
        return build()
    digest = blake2b(digest_size=20)
    for part in (sys.version, context, *code_stamp(("snapshot.py", *code)), *paths):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    for content in contents:
        digest.update(blake2b(content, digest_size=20).digest())
    key = digest.digest()
    file = _snapshot_file(kind, paths)
    found = _load(file, key)
    if found is not _MISS and (valid is None or valid(found)):
        return found  # type: ignore[no-any-return]
    value = build()
    _save(file, key, value)
    return value


_LIBRARIES = ("yaml", "lark")  # ``code`` parts that name an installed library, not a part of the tool


@functools.cache
def code_stamp(parts: tuple[str, ...]) -> tuple[str, ...]:
    """The stamps of the files of ``parts`` (see ``remembered``).

    Only the parts that make a value are stamped, not the whole tool: stating two hundred
    files would cost more than some of the values it guards.
    """
    package = Path(__file__).parent
    files: list[str] = []
    for part in parts:
        if part in _LIBRARIES:
            files.append(installed_module(part))
        elif (package / part).is_dir():
            files += sorted(str(path) for path in (package / part).glob("*.py"))
        else:
            files.append(str(package / part))
    return tuple(map(file_stamp, files))


def tool_stamp() -> list[str]:
    """The stamps of every file of the tool and its data: an edited checkout is a new tool."""
    from validator.resources import DATA_NAMES, data_dir

    roots = [Path(__file__).parent, *(data_dir(name) for name in sorted(DATA_NAMES))]
    stamp = []
    for root in roots:
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            stamp += [file_stamp(os.path.join(folder, name)) for name in sorted(files)]
    return stamp


def file_stamp(path: str) -> str:
    """``path:size:mtime``, or the path alone when it cannot be stated: a changed file, a new stamp."""
    try:
        info = os.stat(path)
    except OSError:
        return path
    return f"{path}:{info.st_size}:{info.st_mtime_ns}"


def installed_module(name: str) -> str:
    """Where an installed package's code is, found without importing it (``no <name>`` if absent)."""
    import importlib.util

    spec = importlib.util.find_spec(name)
    return spec.origin if spec is not None and spec.origin else f"no {name}"


# ---------------------------------------------------------------------------- the file

_MISS = object()


def snapshot_dir() -> Path:
    """Where snapshots are kept (not created here)."""
    return user_cache_dir() / "snapshots"


def write_snapshot(file: Path, data: bytes) -> None:
    """Write a snapshot whole (a temporary file, then a rename), or not at all: it only saves time."""
    from validator.atomic import atomic_write
    from validator.errors import ConfigError

    try:
        file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        atomic_write(file, data)
    except (OSError, ConfigError):
        pass


def _snapshot_file(kind: str, paths: list[str]) -> Path:
    """One file per kind and set of sources: a changed source replaces its snapshot."""
    name = blake2b("\0".join(paths).encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()
    return snapshot_dir() / f"{kind}-{name}.marshal"


def _load(file: Path, key: bytes) -> Any:
    try:
        data = file.read_bytes()
    except OSError:
        return _MISS
    if not data.startswith(_MAGIC) or data[len(_MAGIC) : len(_MAGIC) + len(key)] != key:
        return _MISS
    try:
        return _decode(marshal.loads(data[len(_MAGIC) + len(key) :]))
    except Exception:  # damaged, or written by a tool whose records differ: a miss
        return _MISS


def _save(file: Path, key: bytes, value: Any) -> None:
    try:
        payload = marshal.dumps(_encode(value))
    except (TypeError, ValueError):
        return  # not plain data: not kept
    write_snapshot(file, _MAGIC + key + payload)


# ---------------------------------------------------------------------------- plain data

# Each value is tagged by the first item of a tuple: records, tuples, lists and dicts come back
# as what they were; strings, numbers, booleans and None stand for themselves.
_RECORD, _TUPLE, _LIST, _DICT = "r", "t", "l", "d"


def _encode(value: Any) -> Any:
    name = type(value).__name__
    if _RECORDS.get(name) is type(value):  # before tuples: some records are NamedTuples
        if dataclasses.is_dataclass(value):
            fields: Iterable[Any] = (getattr(value, field.name) for field in dataclasses.fields(value))
        else:
            fields = value
        return (_RECORD, name, *map(_encode, fields))
    if value is None or isinstance(value, (str, int, float)):
        return value
    if isinstance(value, tuple):
        return (_TUPLE, *map(_encode, value))
    if isinstance(value, list):
        return (_LIST, *map(_encode, value))
    if isinstance(value, dict):
        return (_DICT, *(_encode(item) for pair in value.items() for item in pair))
    raise TypeError(f"not plain data: {name}")


_SCALARS = frozenset({str, int, float, bool, type(None)})  # stand for themselves (marshal makes no subclass)


def _decode(value: Any) -> Any:
    """The value ``_encode`` was given (``ValueError`` for anything else: marshal can hold code objects).

    Called for every value of every snapshot at each start (thousands): the common cases first.
    """
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is not tuple or not value:
        raise ValueError(f"not plain data: {kind.__name__}")
    tag = value[0]
    if tag == _LIST:
        return [_decode(item) for item in value[1:]]
    if tag == _DICT:
        if len(value) % 2 != 1:
            raise ValueError("a dict of unpaired items")
        return {_decode(value[at]): _decode(value[at + 1]) for at in range(1, len(value), 2)}
    if tag == _TUPLE:
        return tuple([_decode(item) for item in value[1:]])
    if tag == _RECORD:
        return _RECORDS[value[1]](*[_decode(item) for item in value[2:]])
    raise ValueError(f"unknown tag {tag!r}")
