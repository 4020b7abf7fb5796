"""A configuration file on disk → the node tree the loader checks, whichever format it is in.

Both discovery (``has_table``) and loading read files, and both must fail the same way: a file
that cannot be read, is not UTF-8 or is not valid TOML is a one-line ``ConfigError`` with the
file and, where known, the line. YAML goes to the checklist's composer (``yaml_nodes``), the
``pyproject.toml`` table to ``config.toml``; the loader sees only nodes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from validator.config.values import TABLE
from validator.errors import ConfigError

if TYPE_CHECKING:
    from yaml.nodes import Node

# TOML and YAML are imported when a file is read: most runs have no configuration file, and the
# pyproject.toml of most projects never names us (~12 ms of start-up for nothing).


def has_table(pyproject: Path) -> bool:
    """Whether ``pyproject`` has our table; one that never names us is not even parsed."""
    text = read_text(pyproject)
    if TABLE not in text:
        return False
    from validator.config.toml import parse_toml

    tool = parse_toml(text, str(pyproject)).get("tool")
    return isinstance(tool, dict) and TABLE in tool


def read_text(path: Path) -> str:
    """The file's text, a UTF-8 BOM dropped (Windows editors write one); the line of bad bytes if any."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ConfigError(f"无法读取配置文件：{error.strerror or error}", path=str(path)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ConfigError("配置文件不是 UTF-8 编码", path=str(path), line=line) from None


def read_root(path: Path) -> Node | None:
    """The file's settings as a node tree; None for a YAML file with nothing but comments."""
    text = read_text(path)
    if path.suffix == ".toml":
        from validator.config.toml import TomlNodes, parse_toml

        tool = parse_toml(text, str(path)).get("tool")
        if not isinstance(tool, dict) or TABLE not in tool:
            raise ConfigError(f"没有 [tool.{TABLE}] 表", path=str(path), line=1, key=f"tool.{TABLE}")
        return TomlNodes(text, str(path)).build(tool[TABLE])
    if all(not line or line.startswith(("#", "%")) or line in ("---", "...") for line in _stripped(text)):
        return None  # an empty file is a valid configuration: all defaults, and discovery stops here
    from validator.yaml_nodes import compose

    return compose(text, str(path))


def _stripped(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines()]
