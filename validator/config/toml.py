"""The ``[tool.report-validator]`` table of ``pyproject.toml``, as YAML nodes with line numbers.

The configuration is checked by one set of readers written for YAML nodes (``yaml_nodes``), so a
mistake is worded the same in both formats. ``tomllib`` gives values without positions, so
``TomlNodes`` rebuilds the node tree and finds each key's line by searching the text; that search
is best effort and lives here, apart from the loader, because it is the one part that knows TOML's
layouts. ``parse_toml`` turns ``tomllib``'s error into the project's one-line ``ConfigError``.
"""

from __future__ import annotations

import re
import sys
from typing import Any

from yaml.error import Mark
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from validator.config.values import TABLE
from validator.errors import ConfigError
from validator.regexes import compiled

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib


_TAG = "tag:yaml.org,2002:"
_HEADER = compiled(r"^\s*\[\[?\s*(.+?)\s*\]\]?\s*(?:#.*)?$")
_HEADER_PART = compiled(r'"((?:[^"\\]|\\.)*)"|\'([^\']*)\'|([A-Za-z0-9_-]+)')
_TOML_POSITION = compiled(r"\s*\(at (?:line (\d+), column \d+|end of document)\)$")


def parse_toml(text: str, path: str) -> dict[str, Any]:
    """``tomllib.loads``, its error turned into one line with the line number it names."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        found = _TOML_POSITION.search(message)
        line = int(found.group(1)) if found and found.group(1) else max(1, len(text.splitlines()))
        detail = message[: found.start()] if found else message
        raise ConfigError(f"TOML 语法错误：{detail}", path=path, line=line) from None
    except ValueError:  # an integer longer than Python converts (4,300 digits)
        raise ConfigError("TOML 中的整数过大", path=path) from None


class TomlNodes:
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
