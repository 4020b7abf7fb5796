"""Project configuration: find it, load it strictly, and say which settings apply to one file.

A project keeps its settings in ``.report-validator.yaml`` (or ``.yml``) or in the
``[tool.report-validator]`` table of ``pyproject.toml``. ``find_config`` looks upward from a
directory and stops at the repository root (a directory with ``.git``), as yamllint and ruff do,
so a checklist repository nested in another project never picks up its parent's settings.

The file is checked when it is loaded, like a checklist: an unknown key, a wrong type, a bad
value or an unknown rule code or item id is a ``ConfigError`` of one line naming the file, the
line and the key, because a typo in ``ignore:`` would otherwise silently report what the team
meant to switch off. The YAML is read with the checklist's node readers (``yaml_nodes``). TOML
has no line numbers in ``tomllib``, so its values are turned into the same YAML nodes with lines
found by a simple text search inside the table (best effort, see ``_TomlNodes``); one set of
readers then checks both formats and words their errors alike.

Precedence, highest first: command-line flags (applied by the caller), per-glob ``overrides``
(later entries win), the file's own keys, the files it ``extends``, built-in defaults. Every
value remembers where it was written (``Origin``), so ``report-validator config FILE`` can show
why a setting is what it is. The format is documented in ``docs/configuration.md`` and described
for editors by ``schemas/config.schema.json``.
"""

from __future__ import annotations

import dataclasses
import difflib
import json
import os
import re
import sys
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, NoReturn, cast

from yaml.error import Mark
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from validator.checklist_values import read_checklist_id, read_phrases, read_severity, read_strings
from validator.errors import ConfigError
from validator.model import Severity
from validator.yaml_nodes import (
    At,
    check_keys,
    compose,
    quote,
    read_bool,
    read_choice,
    read_mapping,
    read_positive_int,
    read_str,
    wrong_type,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

if TYPE_CHECKING:
    from validator.engine import RunSettings

FailOn = Literal["error", "warning", "info", "never"]
Lang = Literal["zh", "en"]

CONFIG_NAMES = (".report-validator.yaml", ".report-validator.yml")
PYPROJECT = "pyproject.toml"
TABLE = "report-validator"
TOML_PREFIX = f"tool.{TABLE}."  # key paths in pyproject.toml start with it
FAIL_ON: tuple[FailOn, ...] = ("error", "warning", "info", "never")
LANGS: tuple[Lang, ...] = ("zh", "en")
TOP_KEYS = (
    "checklist", "extends", "fail_on", "select", "ignore", "severity", "report_year", "redacted",
    "disable_plugins", "lang", "overrides",
)  # fmt: skip
OVERRIDE_KEYS = ("files", "checklist", "select", "ignore", "severity", "report_year", "redacted")
YEARS = (1921, 2100)

_TAG = "tag:yaml.org,2002:"


# ---------------------------------------------------------------------------- the API's values


@dataclass(frozen=True)
class Origin:
    """Where a value is written: file, line and key path (``overrides[1].select``)."""

    path: str
    line: int
    key: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line} {self.key}"


@dataclass(frozen=True)
class Layer:
    """What one mapping of one file sets: the top level, or one ``overrides`` entry.

    ``values`` holds only the keys the mapping gives (``severity`` as id → severity);
    ``origins`` is keyed like ``EffectiveConfig.origins``.
    """

    values: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    origins: Mapping[str, Origin] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class Override:
    """An ``overrides`` entry: settings for the files that match one of its globs.

    The globs are relative to ``base``, the directory of the file that wrote them (an extended
    file's globs keep meaning what they meant there).
    """

    files: tuple[str, ...]
    base: str
    layer: Layer
    origin: Origin
    patterns: tuple[re.Pattern[str], ...] = field(default=(), compare=False, repr=False)

    def matches(self, path: str | os.PathLike[str]) -> bool:
        """Whether ``path`` (made absolute against the working directory) matches a glob."""
        try:
            relative = os.path.relpath(os.path.abspath(path), self.base).replace(os.sep, "/")
        except ValueError:  # another drive on Windows
            return False
        if relative == ".." or relative.startswith("../"):
            return False
        return any(pattern.fullmatch(relative) for pattern in self.patterns)


@dataclass(frozen=True)
class EffectiveConfig:
    """The settings in force for one file (or for the run), before command-line flags.

    ``checklist`` is a checklist id or an absolute path to a YAML file, ``None`` to detect the
    genre. ``severity`` maps a rule code or item id to the severity it is reported with.
    ``origins`` says where each value that is not a default was written; the keys are the
    setting names, and ``severity.<id>`` for each severity.
    """

    checklist: str | None = None
    fail_on: FailOn = "error"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=lambda: MappingProxyType({}))
    report_year: int | None = None
    redacted: bool = False
    disable_plugins: tuple[str, ...] = ()
    lang: Lang = "zh"
    origins: Mapping[str, Origin] = field(default_factory=lambda: MappingProxyType({}))

    def run_settings(self) -> RunSettings:
        """The engine's view of these settings (``fail_on`` is the caller's to apply)."""
        from validator.engine import RunSettings

        return RunSettings(
            lang=self.lang,
            select=self.select,
            ignore=self.ignore,
            report_year=self.report_year,
            redacted=self.redacted,
            severity=self.severity,
        )

    def with_layer(self, layer: Layer) -> EffectiveConfig:
        """These settings with ``layer``'s on top: values replace, ``severity`` merges by id."""
        changes: dict[str, Any] = dict(layer.values)
        if "severity" in changes:
            changes["severity"] = MappingProxyType({**self.severity, **changes["severity"]})
        origins = MappingProxyType({**self.origins, **layer.origins})
        return dataclasses.replace(self, **changes, origins=origins)


@dataclass(frozen=True)
class ProjectConfig:
    """A loaded configuration: its layers (most distant ``extends`` first) and its overrides.

    ``ProjectConfig()`` is the configuration of a project without a file: all defaults.
    ``files`` lists the file and every file it extends (for messages and cache keys).
    """

    path: Path | None = None
    files: tuple[Path, ...] = ()
    layers: tuple[Layer, ...] = ()
    overrides: tuple[Override, ...] = ()

    def for_run(self) -> EffectiveConfig:
        """The settings without per-file overrides: where ``fail_on``, ``lang``, plugins come from."""
        config = EffectiveConfig()
        for layer in self.layers:
            config = config.with_layer(layer)
        return config

    def for_file(self, path: str | os.PathLike[str]) -> EffectiveConfig:
        """The settings for ``path``: the file's layers, then every matching override in order."""
        config = self.for_run()
        for override in self.overrides:
            if override.matches(path):
                config = config.with_layer(override.layer)
        return config


# ---------------------------------------------------------------------------- discovery


def find_config(start: Path) -> Path | None:
    """The nearest configuration file at or above ``start``, or None.

    In each directory ``.report-validator.yaml``/``.yml`` comes first, then a ``pyproject.toml``
    with a ``[tool.report-validator]`` table (one without it is skipped, as ruff does). The
    search ends at the filesystem root, or at a directory holding ``.git`` after looking in it.
    """
    directory = Path(os.path.abspath(start))
    if not directory.is_dir():
        directory = directory.parent
    for folder in (directory, *directory.parents):
        found = _config_in(folder)
        if found is not None or (folder / ".git").exists():
            return found
    return None


def _config_in(folder: Path) -> Path | None:
    """This directory's configuration file; both YAML spellings at once is an error, not a guess."""
    named = [folder / name for name in CONFIG_NAMES if (folder / name).is_file()]
    if len(named) > 1:
        raise ConfigError(f"同一目录下有两个配置文件，请删去一个：{named[0].name}", path=str(named[1]))
    if named:
        return named[0]
    pyproject = folder / PYPROJECT
    return pyproject if pyproject.is_file() and _has_table(pyproject) else None


def _has_table(pyproject: Path) -> bool:
    """Whether ``pyproject`` has our table; one that never names us is not even parsed."""
    text = _read_text(pyproject)
    if TABLE not in text:
        return False
    tool = _parse_toml(text, str(pyproject)).get("tool")
    return isinstance(tool, dict) and TABLE in tool


# ---------------------------------------------------------------------------- loading


def load_config(
    path: Path, *, known_ids: Collection[str], known_checklists: Collection[str] | None = None
) -> ProjectConfig:
    """Read, validate and merge the configuration at ``path`` and the files it extends.

    ``known_ids`` are the rule codes and checklist item ids that ``select``, ``ignore`` and
    ``severity`` may name (``select``/``ignore`` also take a family prefix such as ``NUM``).
    ``known_checklists``, when given, are the checklist ids ``checklist`` may name.
    Raises ``ConfigError`` (file, line, key) for every problem.
    """
    loader = _Loader(frozenset(known_ids), None if known_checklists is None else frozenset(known_checklists))
    loaded = loader.load(Path(path), ())
    return ProjectConfig(Path(path), loaded.files, loaded.layers, loaded.overrides)


@dataclass(frozen=True)
class _Loaded:
    files: tuple[Path, ...] = ()
    layers: tuple[Layer, ...] = ()
    overrides: tuple[Override, ...] = ()


@dataclass(frozen=True)
class _File:
    """One file being read: where messages point, its key prefix, and its directory."""

    at: At
    prefix: str  # "" for YAML, "tool.report-validator." for pyproject.toml
    base: str  # the file's directory, absolute: globs and checklist paths are relative to it


class _Loader:
    """Reads a file and, through ``extends``, its parents, checking ids against what is installed."""

    def __init__(self, known_ids: frozenset[str], known_checklists: frozenset[str] | None) -> None:
        self.known_ids = known_ids
        self.known_checklists = known_checklists

    def load(self, path: Path, chain: tuple[tuple[str, str], ...]) -> _Loaded:
        """``path`` over its ``extends``; ``chain`` is the (real path, shown path) of the extending files."""
        source = _File(
            At(str(path)), TOML_PREFIX if path.suffix == ".toml" else "", os.path.abspath(path.parent)
        )
        root = _root(path)
        if root is None:
            return _Loaded(files=(path,))
        scope = source.prefix.rstrip(".")
        if not isinstance(root, MappingNode):
            if scope:
                wrong_type(source.at, root, scope, "表")
            source.at.fail(root, "配置文件的顶层应为映射（键: 值）", "")
        entries = read_mapping(source.at, root, scope)
        check_keys(At(source.at.path, where=f"[{scope}]" if scope else ""), entries, TOP_KEYS, scope)
        parent = _Loaded()
        if "extends" in entries:
            parent = self._extends(source, entries["extends"][1], path, chain)
        layer = self._layer(source, entries, source.prefix)
        overrides = self._overrides(source, entries)
        return _Loaded((path, *parent.files), (*parent.layers, layer), (*parent.overrides, *overrides))

    def _extends(self, source: _File, node: Node, path: Path, chain: tuple[tuple[str, str], ...]) -> _Loaded:
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
        files = _read_globs(source.at, entries["files"][1], f"{key}.files")
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
            family = value.rstrip("-") + "-"
            if value not in self.known_ids and not any(known.startswith(family) for known in self.known_ids):
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
    close = difflib.get_close_matches(value, sorted(known), n=1)
    return f"是否想写 {quote(close[0])}？" if close else ""


def _year(loader: _Loader, source: _File, node: Node, key: str) -> int:
    value = read_positive_int(source.at, node, key)
    if not YEARS[0] <= value <= YEARS[1]:
        source.at.fail(node, f"{quote(key)} 应为 {YEARS[0]}–{YEARS[1]} 之间的年份，实际是 {value}", key)
    return value


_Reader = Callable[[_Loader, _File, Node, str], object]
_READERS: dict[str, _Reader] = {
    "checklist": _Loader._checklist,
    "fail_on": lambda _, source, node, key: read_choice(source.at, node, key, FAIL_ON),
    "select": _Loader._ids,
    "ignore": _Loader._ids,
    "report_year": _year,
    "redacted": lambda _, source, node, key: read_bool(source.at, node, key),
    "disable_plugins": lambda _, source, node, key: read_phrases(source.at, node, key),
    "lang": lambda _, source, node, key: read_choice(source.at, node, key, LANGS),
}
"""The readers of the plain settings; ``severity``, ``extends`` and ``overrides`` have their own."""


def _line(node: Node) -> int:
    return cast(int, node.start_mark.line) + 1


# ---------------------------------------------------------------------------- globs


def _read_globs(at: At, node: Node, key: str) -> tuple[str, ...]:
    """A non-empty list of relative POSIX globs that can match something below the file's directory."""
    values = read_strings(at, node, key)
    if not values:
        at.fail(node, f"{quote(key)} 不能为空", key)
    for index, (element, pattern) in enumerate(values):
        segments = pattern.removeprefix("./").strip("/").split("/")
        problem = ""
        if "\\" in pattern:
            problem = "路径分隔符请用 /"
        elif ".." in segments:
            problem = "不能用 .. 指向配置文件所在目录之外"
        elif "" in segments:
            problem = "不能有空的路径段（//）"
        if problem:
            at.fail(element, f"{quote(key)} 中的通配模式 {quote(pattern)} 无效", f"{key}[{index}]", problem)
    return tuple(pattern for _, pattern in values)


def glob_regex(pattern: str) -> re.Pattern[str]:
    """The regex for a glob matched against a POSIX path relative to the config file's directory.

    ``*`` and ``?`` stay within one path segment, ``[abc]``/``[!abc]`` is a character class,
    ``**`` as a whole segment is any number of segments (zero included). A pattern without a
    ``/`` matches the file name at any depth (``*.docx``); one with a ``/`` is anchored at the
    directory (a leading ``/`` or ``./`` only anchors); a trailing ``/`` means everything below.
    """
    text = pattern.removeprefix("./")
    if text.endswith("/"):
        text += "**"
    if "/" not in text:
        text = "**/" + text
    segments = text.lstrip("/").split("/")
    parts = []
    for index, segment in enumerate(segments):
        last = index == len(segments) - 1
        if segment == "**":
            parts.append(".*" if last else "(?:[^/]+/)*")
        else:
            parts.append(_segment_regex(segment) + ("" if last else "/"))
    return re.compile("".join(parts))


def _segment_regex(segment: str) -> str:
    out: list[str] = []
    index = 0
    while index < len(segment):
        char = segment[index]
        end = _class_end(segment, index) if char == "[" else -1
        if end > 0:
            body = segment[index + 1 : end]
            negate = body.startswith("!")
            escaped = "".join("\\" + c if c in "\\^[]" else c for c in body[negate:])
            out.append(f"[^/{escaped}]" if negate else f"[{escaped}]")
            index = end + 1
            continue
        out.append("[^/]*" if char == "*" else "[^/]" if char == "?" else re.escape(char))
        index += 1
    return "".join(out)


def _class_end(segment: str, start: int) -> int:
    """The index of the ``]`` closing the class at ``start``, or -1 (then ``[`` is literal, as in fnmatch)."""
    index = start + 1
    if segment[index : index + 1] == "!":
        index += 1
    if segment[index : index + 1] == "]":
        index += 1
    return segment.find("]", index)


# ---------------------------------------------------------------------------- files → nodes

_HEADER = re.compile(r"^\s*\[\[?\s*(.+?)\s*\]\]?\s*(?:#.*)?$")
_HEADER_PART = re.compile(r'"((?:[^"\\]|\\.)*)"|\'([^\']*)\'|([A-Za-z0-9_-]+)')
_TOML_POSITION = re.compile(r"\s*\(at (?:line (\d+), column \d+|end of document)\)$")


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ConfigError(f"无法读取配置文件：{error.strerror or error}", path=str(path)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ConfigError("配置文件不是 UTF-8 编码", path=str(path), line=line) from None


def _root(path: Path) -> Node | None:
    """The file's settings as a node tree; None for a YAML file with nothing but comments."""
    text = _read_text(path)
    if path.suffix == ".toml":
        tool = _parse_toml(text, str(path)).get("tool")
        if not isinstance(tool, dict) or TABLE not in tool:
            raise ConfigError(f"没有 [tool.{TABLE}] 表", path=str(path), line=1, key=f"tool.{TABLE}")
        return _TomlNodes(text, str(path)).build(tool[TABLE])
    if all(not line or line.startswith(("#", "%")) or line in ("---", "...") for line in _stripped(text)):
        return None  # an empty file is a valid configuration: all defaults, and discovery stops here
    return compose(text, str(path))


def _stripped(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines()]


def _parse_toml(text: str, path: str) -> dict[str, Any]:
    """``tomllib.loads``, its error turned into one line with the line number it names."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        found = _TOML_POSITION.search(message)
        line = int(found.group(1)) if found and found.group(1) else max(1, len(text.splitlines()))
        detail = message[: found.start()] if found else message
        raise ConfigError(f"TOML 语法错误：{detail}", path=path, line=line) from None


class _TomlNodes:
    """TOML values → YAML nodes with best-effort line numbers, so YAML's readers check both formats.

    ``tomllib`` keeps no positions, so the line of a key is searched in the text: a table's own
    ``[header]`` (the n-th ``[[header]]`` for the n-th table of an array), else ``key =`` between
    the parent's line and the next header, else the parent's line. A string in an array is
    searched the same way by its quoted text. Dotted keys, inline tables and multi-line arrays
    are found in the usual layouts; an unusual one gets the parent's line, never a wrong file.
    """

    def __init__(self, text: str, path: str) -> None:
        self.path = path
        self.lines = text.splitlines()
        self.headers: list[tuple[int, tuple[str, ...]]] = []
        for number, line in enumerate(self.lines):
            found = _HEADER.match(line)
            if found:
                parts = tuple(a or b or c for a, b, c in _HEADER_PART.findall(found.group(1)))
                self.headers.append((number, parts))

    def build(self, value: object) -> Node:
        table = ("tool", TABLE)
        start = self._header(table, 0)
        if start is None:
            start = next((number for number, parts in self.headers if parts[:2] == table), None)
        if start is None:
            start = next((number for number, line in enumerate(self.lines) if TABLE in line), 0)
        return self._node(value, table, start)

    def _node(self, value: object, dotted: tuple[str, ...], line: int) -> Node:
        mark = Mark(self.path, 0, line, 0, None, 0)
        if isinstance(value, dict):
            pairs: list[tuple[Node, Node]] = []
            for key, child in value.items():
                at = self._key_line(key, child, (*dotted, key), line)
                key_mark = Mark(self.path, 0, at, 0, None, 0)
                pairs.append(
                    (ScalarNode(_TAG + "str", key, key_mark, key_mark), self._node(child, (*dotted, key), at))
                )
            return MappingNode(_TAG + "map", pairs, mark, mark)
        if isinstance(value, list):
            tables = _is_tables(value)
            items = []
            for index, child in enumerate(value):
                found = self._header(dotted, line, index) if tables else self._literal_line(child, line)
                items.append(self._node(child, dotted, line if found is None else found))
            return SequenceNode(_TAG + "seq", items, mark, mark)
        tag, text = _scalar(value)
        return ScalarNode(_TAG + tag, text, mark, mark)

    def _key_line(self, key: str, value: object, dotted: tuple[str, ...], parent: int) -> int:
        if isinstance(value, dict) or _is_tables(value):
            header = self._header(dotted, parent)
            if header is not None:
                return header
        pattern = re.compile(r"(?:^|[\s{,.])[\"']?" + re.escape(key) + r"[\"']?\s*[=.]")
        found = self._search(pattern, parent)
        return parent if found is None else found

    def _literal_line(self, value: object, parent: int) -> int | None:
        if not isinstance(value, str):
            return None
        return self._search(re.compile(f"[\"']{re.escape(value)}[\"']"), parent)

    def _header(self, dotted: tuple[str, ...], after: int, nth: int = 0) -> int | None:
        found = [number for number, parts in self.headers if parts == dotted and number >= after]
        return found[nth] if nth < len(found) else None

    def _search(self, pattern: re.Pattern[str], start: int) -> int | None:
        end = next((number for number, _ in self.headers if number > start), len(self.lines))
        return next((number for number in range(start, end) if pattern.search(self.lines[number])), None)


def _is_tables(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, dict) for item in value)


def _scalar(value: object) -> tuple[str, str]:
    """A TOML scalar as YAML would resolve it: (tag name, text the YAML constructors accept)."""
    if isinstance(value, bool):
        return "bool", "true" if value else "false"
    if isinstance(value, int):
        return "int", str(value)
    if isinstance(value, float):
        return "float", repr(value)
    if isinstance(value, str):
        return "str", value
    return "timestamp", str(value)  # TOML dates and times


# ---------------------------------------------------------------------------- report-validator config


def render_effective(
    config: ProjectConfig,
    path: str | os.PathLike[str] | None = None,
    *,
    fmt: Literal["yaml", "json"] = "yaml",
) -> str:
    """The settings in force for ``path`` (or for the run), each with where it comes from.

    For ``report-validator config [FILE]``: a user who wonders why a rule is off sees which
    file and line turned it off. ``yaml`` is valid YAML (it could be pasted into a config file),
    each value followed by ``# default`` or ``# file:line key``. ``json`` is ``{"file", "config",
    "settings": {key: {"value", "source"}}}`` with ``source`` null for a default, and for
    ``severity`` also ``"sources": {id: source}``.
    """
    effective = config.for_file(path) if path is not None else config.for_run()
    shown = None if path is None else os.fspath(path)
    if fmt == "json":
        settings: dict[str, dict[str, Any]] = {}
        for key, value, source in _settings(effective):
            settings[key] = {"value": value, "source": source}
        settings["severity"]["sources"] = {
            name: _source(effective, f"severity.{name}") for name in effective.severity
        }
        payload = {"file": shown, "config": [str(file) for file in config.files], "settings": settings}
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    rows: list[tuple[str, str | None]] = []
    for key, value, source in _settings(effective):
        if key == "severity" and value:
            rows.append(("severity:", None))
            rows.extend(
                (f"  {name}: {_json(level)}", _source(effective, f"severity.{name}"))
                for name, level in value.items()
            )
        else:
            rows.append((f"{key}: {_json(value)}", source))
    width = max(len(text) for text, _ in rows) + 2
    files = " extends ".join(map(str, config.files)) or "none (all defaults)"
    lines = [f"# file: {shown}" if shown is not None else "# run-wide settings", f"# config: {files}"]
    lines.extend(
        text if text == "severity:" else f"{text:<{width}}# {source or 'default'}" for text, source in rows
    )
    return "\n".join(lines) + "\n"


def _settings(effective: EffectiveConfig) -> list[tuple[str, Any, str | None]]:
    """Each setting as (key, JSON value, source or None for a default), in declaration order."""
    result = []
    for item in dataclasses.fields(EffectiveConfig):
        if item.name != "origins":
            value: Any = getattr(effective, item.name)
            plain = (
                dict(value)
                if isinstance(value, Mapping)
                else list(value)
                if isinstance(value, tuple)
                else value
            )
            result.append((item.name, plain, _source(effective, item.name)))
    return result


def _source(effective: EffectiveConfig, key: str) -> str | None:
    origin = effective.origins.get(key)
    return None if origin is None else str(origin)


def _json(value: Any) -> str:
    """A value as JSON, which is also flow-style YAML (strings always quoted: no ``yes`` surprises)."""
    return json.dumps(value, ensure_ascii=False)


__all__ = [
    "CONFIG_NAMES",
    "FAIL_ON",
    "LANGS",
    "OVERRIDE_KEYS",
    "TOP_KEYS",
    "EffectiveConfig",
    "FailOn",
    "Lang",
    "Layer",
    "Origin",
    "Override",
    "ProjectConfig",
    "find_config",
    "glob_regex",
    "load_config",
    "render_effective",
]
