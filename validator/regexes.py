"""The tool's own regular expressions, compiled once per machine rather than once per run.

Python compiles a ``re`` pattern in Python code (``re._parser``, ``re._compiler``): the hundred-odd
patterns of the rules, the parser and the readers cost about 30 ms of every start, a third of a
small check. The compiled form is a list of integers that ``_sre.compile`` turns back into a
pattern in microseconds, so ``compiled`` keeps those lists in the per-user cache
(``validator.snapshot.user_cache_dir``) and a later run restores its patterns from there.

Only patterns of the tool's code and of data packs go through ``compiled``: never one built
from a report, which must not leave a trace on disk. The file holds data (``marshal`` of
strings, integers, lists, tuples and dicts) and ``_sre.compile`` validates the code it is
given, so a damaged or planted file is at worst a pattern that fails to restore, which is then
compiled as usual. It is keyed by the interpreter's version (the code's format is private to
each version); new patterns are added when the process ends, written atomically.
"""

from __future__ import annotations

import atexit
import marshal
import re
import sys
from typing import Any

_Key = tuple[str, int]
_FILE_NAME = f"regexes-{sys.implementation.cache_tag}-{sys.hexversion:x}.marshal"
_MAX_KEPT = 1000  # bounds the file (a run uses about 150) if data packs keep changing

_restored: dict[_Key, Any] | None = None  # the snapshot's compiled forms, read on first use
_patterns: dict[_Key, re.Pattern[str]] = {}  # the patterns this process has asked for
_new: set[_Key] = set()


def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, restored from the snapshot when an earlier run compiled it.

    For patterns written in the tool's code or data packs only (see the module docstring).
    """
    key = (pattern, int(flags))
    found = _patterns.get(key)
    if found is None:
        found = _patterns[key] = _restore(key) or _compile(key)
    return found


def _restore(key: _Key) -> re.Pattern[str] | None:
    form = _snapshot().get(key)
    if form is None:
        return None
    try:
        return _private("_sre").compile(key[0], *form)  # type: ignore[no-any-return]
    except Exception:  # a form this interpreter refuses (it validates the code): compile as usual
        del _snapshot()[key]
        return None


def _compile(key: _Key) -> re.Pattern[str]:
    pattern = re.compile(*key)  # a pattern that does not compile raises here, and is not kept
    if not _new:
        atexit.register(_save)
    _new.add(key)
    return pattern


def _snapshot() -> dict[_Key, Any]:
    global _restored
    if _restored is None:
        _restored = {}
        try:
            from validator.snapshot import snapshot_dir

            data = marshal.loads((snapshot_dir() / _FILE_NAME).read_bytes())
            _restored = {(pattern, flags): tuple(form) for pattern, flags, *form in data}
        except Exception:  # absent, damaged or foreign: every pattern is compiled, and kept at exit
            _restored = {}
    return _restored


def _form(pattern: str, flags: int) -> list[Any]:
    """What ``_sre.compile`` takes after the pattern: the work ``re.compile`` does in Python."""
    new = sys.version_info >= (3, 11)  # Python 3.10 names them sre_parse and sre_compile
    _parser, _compiler = (
        _private("re._parser" if new else "sre_parse"),
        _private("re._compiler" if new else "sre_compile"),
    )
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    names = dict(parsed.state.groupdict)
    index: list[str | None] = [None] * parsed.state.groups
    for name, number in names.items():
        index[number] = name
    return [int(flags | parsed.state.flags), code, parsed.state.groups - 1, names, tuple(index)]


def _private(module: str) -> Any:
    """One of the ``re`` module's private parts: the same functions ``re.compile`` calls."""
    import importlib

    return importlib.import_module(module)


def _save() -> None:
    """Add this run's new patterns to the snapshot (called at exit, once, if there are any)."""
    from validator.snapshot import snapshot_dir, write_snapshot

    try:
        # Least recently used first, so that the cut below drops what no run asks for any more.
        restored = sorted(_snapshot().items(), key=lambda entry: entry[0] in _patterns)
        kept = [[*key, *form] for key, form in restored]
        kept += [[*key, *_form(*key)] for key in sorted(_new)]
    except Exception:  # a pattern this interpreter compiles otherwise: nothing is kept this time
        return
    write_snapshot(snapshot_dir() / _FILE_NAME, marshal.dumps(kept[-_MAX_KEPT:]))
