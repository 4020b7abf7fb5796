"""The built LALR parser cached on disk as JSON: a cache file can hold data, never code.

Lark's own cache (``Lark(cache=...)``) is a pickle preceded by the grammar's hash, and the hash
is public (it is computed from the grammar we ship), so anyone who can write to the cache
directory (a shared CI cache, a home directory on a shared disk) could plant a
file that runs code in every later run. Here the parse tables are stored as JSON — tuples, sets
and dicts with non-string keys tagged so they come back as they were — and read with
``json.loads``, which builds strings, numbers, lists and dicts and nothing else. A file that does
not decode, or names another grammar, is ignored and rebuilt. It is written to a temporary file
and renamed, so a concurrent run never reads half a file.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, TypeVar

from validator.snapshot import blake2b, user_cache_dir, write_snapshot

__all__ = ["Tables", "cache_file", "cached_parser"]

_TUPLE, _SET, _DICT = "\0t", "\0s", "\0d"

P = TypeVar("P")


class Tables(Protocol[P]):
    """How to turn a built parser into plain tables and back (``validator.parse.lines`` knows Lark)."""

    def dump(self, parser: P) -> dict[str, Any]:
        """The parser's tables: dicts, lists, tuples, sets, strings, numbers."""

    def load(self, tables: dict[str, Any]) -> P:
        """The parser rebuilt from ``dump``'s tables."""


def cached_parser(grammar: str, version: str, build: Callable[[], P], tables: Tables[P]) -> P:
    """The parser for ``grammar`` (built by a library at ``version``): from the JSON cache, or built.

    A cache file that is absent, unreadable, damaged, or made for another grammar or version
    is ignored and replaced.
    """
    key = blake2b(f"{version}\n{grammar}".encode()).hexdigest()
    path = cache_file(key)
    if path is not None:
        try:
            payload = json.loads(path.read_bytes(), object_hook=_decode)
            if isinstance(payload, dict) and payload.get("key") == key:
                return tables.load(payload["tables"])
        except Exception:
            pass
    parser = build()
    if path is not None:
        _save(path, key, lambda: tables.dump(parser))
    return parser


def cache_file(key: str) -> Path | None:
    """The per-user cache file for ``key`` (None when no cache directory can be made)."""
    base = user_cache_dir()
    try:
        os.makedirs(base, mode=0o700, exist_ok=True)
    except OSError:
        return None
    return base / f"report-grammar-{key[:16]}.json"


def _save(path: Path, key: str, dump: Callable[[], dict[str, Any]]) -> None:
    """Write the tables whole (``snapshot.write_snapshot``: never half a file), or not at all."""
    try:
        text = json.dumps({"key": key, "tables": _encode(dump())}, ensure_ascii=False)
    except (TypeError, ValueError):
        return  # no cache this time: the parser is built again by the next run
    write_snapshot(path, text.encode("utf-8"))


def _encode(value: Any) -> Any:
    """Lark's serialised tables as JSON values, tuples, sets and non-string keys tagged."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, tuple):
        return {_TUPLE: [_encode(item) for item in value]}
    if isinstance(value, list):
        return [_encode(item) for item in value]
    if isinstance(value, (set, frozenset)):
        return {_SET: [_encode(item) for item in sorted(value, key=repr)]}
    if isinstance(value, dict):
        if all(isinstance(name, str) and not name.startswith("\0") for name in value):
            return {name: _encode(item) for name, item in value.items()}
        return {_DICT: [[_encode(name), _encode(item)] for name, item in value.items()]}
    raise TypeError(f"not cacheable: {type(value).__name__}")


def _decode(mapping: dict[str, Any]) -> Any:
    if len(mapping) == 1:
        ((tag, items),) = mapping.items()
        if tag == _TUPLE:
            return tuple(items)
        if tag == _SET:
            return frozenset(items)
        if tag == _DICT:
            return {name: item for name, item in items}
    return mapping
