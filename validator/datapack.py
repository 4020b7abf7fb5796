"""Data packs: the facts rules check against, kept in YAML under ``rules/data/``, extended by others.

The timeline of congresses, plenums and campaigns, the fixed formulations, the
typo dictionary, placeholder patterns and colloquialisms change with the year;
keeping them in data means a new year's facts are a data change, not a code
release. Each pack is read once per process with a safe loader.

An organization adds its own entries without editing this package: a plugin returns pack
files from the ``report_validator_data`` hook, and a project lists them under ``data:`` in
its configuration. A file extends the built-in pack it is named after (``typos.yaml`` adds
to ``rules/data/typos.yaml``): a list is appended to the list under the same key, a mapping
is merged into the mapping under the same key. ``schemas/data/<pack>.schema.json``
describes each pack.

Rules derive compiled tables from the packs and cache them; ``data_cache`` is the cache to
use for that, because ``use_packs`` clears every such cache when the packs in force change.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from validator.errors import ConfigError
from validator.resources import data_dir
from validator.snapshot import remembered

_F = TypeVar("_F", bound=Callable[..., Any])

_extensions: tuple[Path, ...] = ()
_added: tuple[tuple[str, str, tuple[Any, ...]], ...] = ()  # (pack, key, entries) given in memory
_derived_caches: list[Any] = []


def data_cache(function: _F) -> _F:
    """``functools.cache``, cleared whenever ``use_packs`` changes the packs in force."""
    cached = functools.cache(function)
    _derived_caches.append(cached)
    return cached  # type: ignore[return-value]


def builtin_packs() -> list[str]:
    """The names of the packs shipped with report-validator (``typos``, ``timeline`` …)."""
    return sorted(path.stem for path in (data_dir("rules") / "data").glob("*.yaml"))


def use_packs(paths: Iterable[Path], added: Mapping[str, Mapping[str, Sequence[Any]]] | None = None) -> None:
    """Make ``paths`` extend the built-in packs from now on (plugins' files, then the project's).

    A file must be named after a built-in pack; anything else is a ``ConfigError`` now,
    before any report is checked, rather than a pack that silently does nothing. ``added``
    gives entries from memory, by pack and key (the project's ``vocabulary.reject`` words).
    """
    global _extensions, _added
    wanted = tuple(Path(path) for path in paths)
    entries = tuple(
        (pack, key, tuple(values)) for pack, keys in (added or {}).items() for key, values in keys.items()
    )
    known = builtin_packs()
    for path in wanted:
        if path.stem not in known:
            raise ConfigError(
                f"数据包文件名应为内置数据包之一（{'、'.join(known)}）", path=str(path), key="data"
            )
    if (wanted, entries) != (_extensions, _added):
        _extensions, _added = wanted, entries
        for cached in _derived_caches:
            cached.cache_clear()


@data_cache
def load_data(name: str) -> Any:
    """The content of ``rules/data/<name>.yaml`` with every extension of it merged in."""
    data = _read(data_dir("rules") / "data" / f"{name}.yaml", name)
    for path in _extensions:
        if path.stem == name:
            data = _merged(data, _read(path, name), path)
    for pack, key, values in _added:
        if pack == name:
            data = {**data, key: [*data[key], *values]}
    return data


def _read(path: Path, name: str) -> Any:
    """The pack's YAML as plain data: from the start-up snapshot (``validator.snapshot``), or parsed."""
    return remembered("data", [path], name, lambda: _parse(path, name), code=("datapack.py", "yaml"))


def _parse(path: Path, name: str) -> Any:
    import yaml

    try:
        with open(path, encoding="utf-8") as handle:
            return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except OSError as error:
        raise ConfigError(f"无法读取数据包：{error.strerror}", path=str(path), key=name) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"第 {mark.line + 1} 行" if mark is not None else ""
        raise ConfigError(f"数据包不是有效的 YAML {where}".rstrip(), path=str(path), key=name) from None


def _merged(base: Any, extra: Any, path: Path) -> Any:
    """``base`` with ``extra``'s lists appended and mappings merged, key by key."""
    if extra is None:
        return base
    if not isinstance(base, dict) or not isinstance(extra, dict):
        raise ConfigError("数据包应为映射（键: 值）", path=str(path), key=path.stem)
    merged = dict(base)
    for key, value in extra.items():
        if key not in base:
            known = "、".join(map(str, base))
            raise ConfigError(f"数据包 {path.stem} 没有键 {key}（可用：{known}）", path=str(path), key=key)
        if isinstance(base[key], list) and isinstance(value, list):
            merged[key] = [*base[key], *value]
        elif isinstance(base[key], dict) and isinstance(value, dict):
            merged[key] = {**base[key], **value}
        else:
            kind = "列表" if isinstance(base[key], list) else "映射"
            raise ConfigError(f"数据包键 {key} 应为{kind}", path=str(path), key=key)
    return merged
