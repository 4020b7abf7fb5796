"""Checking a configuration file strictly and turning it into layers and overrides.

Every key is read by a reader that knows its type and, for ``select``, ``ignore``, ``severity``
and ``checklist``, the rule codes, item ids and checklists that are installed: a typo is a
one-line ``ConfigError`` (file, line, key, and a "did you mean"), because a misspelt ``ignore:``
would otherwise silently report what the team meant to switch off. ``extends`` is followed here,
with loops reported as the chain of files, so the caller receives the whole stack of layers.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, NoReturn, cast

from yaml.nodes import MappingNode, Node, SequenceNode

from validator.checklist.values import read_checklist_id, read_phrases, read_severity, read_strings
from validator.config.files import read_root
from validator.config.globs import glob_regex, read_globs
from validator.config.ids import closest, is_known_id
from validator.config.values import FAIL_ON, LANGS, TOML_PREFIX, YEARS, Layer, Origin, Override
from validator.model import Severity
from validator.yaml_nodes import (
    At,
    check_keys,
    quote,
    read_bool,
    read_choice,
    read_mapping,
    read_positive_int,
    read_str,
    wrong_type,
)

TOP_KEYS = (
    "checklist", "extends", "fail_on", "select", "ignore", "severity", "report_year", "redacted",
    "disable_plugins", "lang", "data", "vocabulary", "overrides",
)  # fmt: skip
VOCABULARY_KEYS = ("accept", "reject")
OVERRIDE_KEYS = ("files", "checklist", "select", "ignore", "severity", "report_year", "redacted")


@dataclass(frozen=True)
class Loaded:
    """A file over the files it extends, most distant first: the parts of a ``ProjectConfig``."""

    files: tuple[Path, ...] = ()
    layers: tuple[Layer, ...] = ()
    overrides: tuple[Override, ...] = ()


@dataclass(frozen=True)
class _File:
    """One file being read: where messages point, its key prefix, and its directory."""

    at: At
    prefix: str  # "" for YAML, "tool.report-validator." for pyproject.toml
    base: str  # the file's directory, absolute: globs and checklist paths are relative to it


class Loader:
    """Reads a file and, through ``extends``, its parents, checking ids against what is installed."""

    def __init__(self, known_ids: frozenset[str], known_checklists: frozenset[str] | None) -> None:
        self.known_ids = known_ids
        self.known_checklists = known_checklists

    def load(self, path: Path, chain: tuple[tuple[str, str], ...]) -> Loaded:
        """``path`` over its ``extends``; ``chain`` is the (real path, shown path) of the extending files."""
        source = _File(
            At(str(path)), TOML_PREFIX if path.suffix == ".toml" else "", os.path.abspath(path.parent)
        )
        root = read_root(path)
        if root is None:
            return Loaded(files=(path,))
        scope = source.prefix.rstrip(".")
        if not isinstance(root, MappingNode):
            if scope:
                wrong_type(source.at, root, scope, "表")
            source.at.fail(root, "配置文件的顶层应为映射（键: 值）", "")
        entries = read_mapping(source.at, root, scope)
        check_keys(At(source.at.path, where=f"[{scope}]" if scope else ""), entries, TOP_KEYS, scope)
        parent = Loaded()
        if "extends" in entries:
            parent = self._extends(source, entries["extends"][1], path, chain)
        layer = self._layer(source, entries, source.prefix)
        overrides = self._overrides(source, entries)
        return Loaded((path, *parent.files), (*parent.layers, layer), (*parent.overrides, *overrides))

    def _extends(self, source: _File, node: Node, path: Path, chain: tuple[tuple[str, str], ...]) -> Loaded:
        key = source.prefix + "extends"
        target = Path(os.path.normpath(path.parent / read_str(source.at, node, key)))
        real = os.path.realpath(path)
        chain = (*chain, (real, str(path)))
        reals = [item[0] for item in chain]
        if os.path.realpath(target) in reals:
            loop = [shown for _, shown in chain[reals.index(os.path.realpath(target)) :]]
            source.at.fail(node, f"{quote(key)} 形成循环：" + " → ".join((*loop, str(target))), key)
        if not target.is_file():
            source.at.fail(node, f"{quote(key)} 指向的配置文件不存在：{target}", key)
        if target.suffix.lower() not in (".yaml", ".yml", ".toml"):  # never read: no quoting its content
            source.at.fail(node, f"{quote(key)} 只能指向 .yaml、.yml 或 .toml 配置文件：{target}", key)
        return self.load(target, chain)

    def _layer(self, source: _File, entries: Mapping[str, tuple[Node, Node]], prefix: str) -> Layer:
        """The settings one mapping gives, each with its origin (severity: one per id)."""
        values: dict[str, Any] = {}
        origins: dict[str, Origin] = {}
        for name, (key_node, value_node) in entries.items():
            key = prefix + name
            if name == "severity":
                values[name] = self._severity(source, value_node, key, origins)
            elif name in _READERS:
                values[name] = _READERS[name](self, source, value_node, key)
            else:
                continue
            origins[name] = Origin(source.at.path, _line(key_node), key)
        return Layer(MappingProxyType(values), MappingProxyType(origins))

    def _overrides(self, source: _File, entries: Mapping[str, tuple[Node, Node]]) -> list[Override]:
        if "overrides" not in entries:
            return []
        key = source.prefix + "overrides"
        node = entries["overrides"][1]
        if not isinstance(node, SequenceNode):
            wrong_type(source.at, node, key, "列表")
        return [
            self._override(source, element, f"{key}[{index}]") for index, element in enumerate(node.value)
        ]

    def _override(self, source: _File, node: Node, key: str) -> Override:
        entries = read_mapping(source.at, node, key)
        check_keys(At(source.at.path, where=key), entries, OVERRIDE_KEYS, key)
        if "files" not in entries:
            source.at.fail(node, f'{quote(key)} 缺少必需的键 "files"', f"{key}.files")
        files = read_globs(source.at, entries["files"][1], f"{key}.files")
        layer = self._layer(source, entries, key + ".")
        origin = Origin(source.at.path, _line(node), key)
        patterns = tuple(glob_regex(pattern) for pattern in files)
        return Override(files, source.base, layer, origin, patterns)

    def _checklist(self, source: _File, node: Node, key: str) -> str:
        """A checklist id, or a ``.yaml`` path made absolute against the config file's directory."""
        value = read_str(source.at, node, key)
        if "/" in value or "\\" in value or value.endswith((".yaml", ".yml")):
            target = os.path.normpath(os.path.join(source.base, value))
            if not os.path.isfile(target):
                source.at.fail(node, f"{quote(key)} 指向的检查清单文件不存在：{target}", key)
            return target
        read_checklist_id(source.at, node, key)
        if value in ("auto", "none"):  # detect the genre / no checklist (validator.api)
            return value
        if self.known_checklists is not None and value not in self.known_checklists:
            hint = (
                _suggest(value, self.known_checklists) + "可用：" + ", ".join(sorted(self.known_checklists))
            )
            source.at.fail(node, f"{quote(key)} 中未知的检查清单 {quote(value)}", key, hint)
        return value

    def _ids(self, source: _File, node: Node, key: str) -> tuple[str, ...]:
        """Rule codes, item ids, or families (``NUM`` or ``NUM-``) that name at least one code."""
        values = read_strings(source.at, node, key)
        for index, (element, value) in enumerate(values):
            if not is_known_id(value, self.known_ids):
                self._unknown(source.at, element, value, key, f"{key}[{index}]")
        return tuple(value for _, value in values)

    def _severity(
        self, source: _File, node: Node, key: str, origins: dict[str, Origin]
    ) -> dict[str, Severity]:
        """id → severity, exact ids only (a family would leave "which one wins" to guess)."""
        result: dict[str, Severity] = {}
        for name, (key_node, value_node) in read_mapping(source.at, node, key).items():
            if name not in self.known_ids:
                self._unknown(source.at, key_node, name, key, f"{key}.{name}")
            result[name] = read_severity(source.at, value_node, f"{key}.{name}")
            origins[f"severity.{name}"] = Origin(source.at.path, _line(key_node), f"{key}.{name}")
        return result

    def _unknown(self, at: At, node: Node, value: str, key: str, path: str) -> NoReturn:
        hint = _suggest(value, self.known_ids) + "用 report-validator rules 查看所有规则代码和检查项"
        at.fail(node, f"{quote(key)} 中未知的规则代码或检查项 {quote(value)}", path, hint)


def _suggest(value: str, known: Collection[str]) -> str:
    close = closest(value, known)
    return f"是否想写 {quote(close)}？" if close else ""


def _year(loader: Loader, source: _File, node: Node, key: str) -> int:
    value = read_positive_int(source.at, node, key)
    if not YEARS[0] <= value <= YEARS[1]:
        source.at.fail(node, f"{quote(key)} 应为 {YEARS[0]}–{YEARS[1]} 之间的年份，实际是 {value}", key)
    return value


def _data(loader: Loader, source: _File, node: Node, key: str) -> tuple[str, ...]:
    """Data pack files, relative to the configuration file that names them; each must exist."""
    paths = []
    for name in read_phrases(source.at, node, key):
        path = os.path.normpath(os.path.join(source.base, name))
        if not os.path.isfile(path):
            source.at.fail(node, f"{quote(key)} 指向的数据包不存在：{name}", key)
        paths.append(path)
    return tuple(paths)


def _vocabulary(loader: Loader, source: _File, node: Node, key: str) -> Mapping[str, tuple[str, ...]]:
    """The project's own words: ``accept`` (never reported) and ``reject`` (always reported)."""
    entries = read_mapping(source.at, node, key)
    check_keys(At(source.at.path, where=key), entries, VOCABULARY_KEYS, key)
    accept = read_phrases(source.at, entries["accept"][1], f"{key}.accept") if "accept" in entries else ()
    reject = read_phrases(source.at, entries["reject"][1], f"{key}.reject") if "reject" in entries else ()
    return MappingProxyType({"accept": accept, "reject": reject})


_Reader = Callable[[Loader, _File, Node, str], object]
_READERS: dict[str, _Reader] = {
    "checklist": Loader._checklist,
    "fail_on": lambda _, source, node, key: read_choice(source.at, node, key, FAIL_ON),
    "select": Loader._ids,
    "ignore": Loader._ids,
    "report_year": _year,
    "redacted": lambda _, source, node, key: read_bool(source.at, node, key),
    "disable_plugins": lambda _, source, node, key: read_phrases(source.at, node, key),
    "lang": lambda _, source, node, key: read_choice(source.at, node, key, LANGS),
    "data": _data,
    "vocabulary": _vocabulary,
}
"""The readers of the plain settings; ``severity``, ``extends`` and ``overrides`` have their own."""


def _line(node: Node) -> int:
    return cast(int, node.start_mark.line) + 1
