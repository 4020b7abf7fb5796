"""YAML text → node tree, and strictly typed values read from its nodes with file:line:key errors.

We do not construct Python objects with ``yaml.safe_load``: we compose the node tree with
``yaml.SafeLoader`` (no arbitrary tags are ever constructed) and read each value from its node,
which knows the line it starts on. So every problem becomes a ``ConfigError`` of one line naming
the file, the line and the key. Types are strict (``headings: 政治`` is an error, not a list of
one), because a lenient reader hides exactly the typos a user needs to see.

The readers here know YAML, not the checklist format; ``checklist.values`` builds the format's
own values (ids, codes, texts, phrase and pattern lists) on top of them.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Collection
from dataclasses import dataclass
from typing import NoReturn, cast

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from validator.errors import ConfigError, one_line

_TAG = "tag:yaml.org,2002:"
_KINDS = {
    "str": "字符串",
    "int": "整数",
    "float": "小数",
    "bool": "布尔值",
    "null": "空值",
    "timestamp": "日期",
}
_SCALARS = yaml.constructor.SafeConstructor()  # turns int/bool/float nodes into values, nothing else

Entries = dict[str, tuple[Node, Node]]
"""A mapping node's entries by key: (key node, value node)."""


@dataclass(frozen=True)
class At:
    """Where we are in the file, for messages: ``where`` is shown, ``prefix`` starts the key path."""

    path: str
    where: str = ""
    prefix: str = ""

    def fail(self, node: Node | None, message: str, key: str, hint: str = "") -> NoReturn:
        """Raise the one-line ConfigError for ``node``: message, where, then the hint."""
        text = message + (f"（{self.where}）" if self.where else "") + (f"；{hint}" if hint else "")
        line = node.start_mark.line + 1 if node is not None else 1
        raise ConfigError(one_line(text), path=self.path, line=line, key=self.prefix + key)


def quote(value: str) -> str:
    """A user's string quoted for a message, cut short when long."""
    return f'"{value if len(value) <= 60 else value[:60] + "…"}"'


def compose(text: str, path: str) -> Node:
    """The YAML node tree of ``text``, or a ConfigError at the line of the syntax error.

    libyaml's composer (when PyYAML has it) is several times faster, and every run
    loads the built-in checklists; a text it rejects is composed again by the pure
    Python loader, whose error messages and marks the messages below are written for.
    """
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            root = yaml.compose(text, Loader=fast)
        except (yaml.YAMLError, RecursionError):
            pass
        else:
            if root is None:
                raise ConfigError("清单文件是空的", path=path, line=1)
            return root
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        detail = error.problem or error.context or "无法解析"
        if error.context and error.problem:
            detail = f"{error.problem}（{error.context}）"
        line = mark.line + 1 if mark else 1
        if "'\\t'" in detail:
            detail += "；YAML 只能用空格缩进，不能用 Tab"
        raise ConfigError(one_line(f"YAML 语法错误：{detail}"), path=path, line=line) from None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        what = f"U+{error.character:04X}" if isinstance(error.character, int) else repr(error.character)
        raise ConfigError(f"YAML 中不允许的字符 {what}", path=path, line=line) from None
    except (yaml.YAMLError, RecursionError) as error:
        raise ConfigError(one_line(f"YAML 无法解析：{error}"), path=path, line=1) from None
    if root is None:
        raise ConfigError("清单文件是空的", path=path, line=1)
    return root


def _kind(node: Node) -> str:
    """What a node is, in words, for "应为列表，实际是字符串"."""
    if isinstance(node, MappingNode):
        return "映射"
    if isinstance(node, SequenceNode):
        return "列表"
    name = node.tag.removeprefix(_TAG)
    return _KINDS.get(name, f"标签 {node.tag}")


def is_scalar(node: Node, kind: str) -> bool:
    """Whether ``node`` is a scalar that YAML resolved to ``kind`` (``str``, ``int``, ``bool``…)."""
    return isinstance(node, ScalarNode) and node.tag == _TAG + kind


def wrong_type(at: At, node: Node, key: str, expected: str) -> NoReturn:
    """Fail with "``key`` should be ``expected``, is …", hinting at quotes when a string was meant."""
    at.fail(node, f"{quote(key)} 应为{expected}，实际是{_kind(node)}", key, _quote_hint(node, expected))


def _quote_hint(node: Node, expected: str) -> str:
    """YAML reads 2024, yes, on and 2024-01-01 as non-strings; say so when a string was meant."""
    if "字符串" in expected and isinstance(node, ScalarNode) and node.tag != _TAG + "str" and node.value:
        return f"YAML 把 {node.value} 读作{_kind(node)}，要写成文字请加引号：'{node.value}'"
    return ""


def read_mapping(at: At, node: Node, key: str) -> Entries:
    """A mapping node's entries by key (key node, value node): string keys, no duplicates."""
    if not isinstance(node, MappingNode):
        if not key:
            at.fail(node, f"清单的顶层应为映射（键: 值），实际是{_kind(node)}", key)
        wrong_type(at, node, key, "映射")
    entries: Entries = {}
    for key_node, value_node in node.value:
        if key_node.tag == _TAG + "merge":
            at.fail(key_node, "不支持 YAML 合并键 <<", key, "请直接写出各个键")
        if not isinstance(key_node, ScalarNode) or key_node.tag != _TAG + "str":
            at.fail(key_node, f"键应为字符串，实际是{_kind(key_node)}", key, _quote_hint(key_node, "字符串"))
        name = key_node.value
        if name in entries:
            first = entries[name][0].start_mark.line + 1
            at.fail(
                key_node, f"重复的键 {quote(name)}", f"{key}.{name}" if key else name, f"第 {first} 行已有"
            )
        entries[name] = (key_node, value_node)
    return entries


def check_keys(at: At, entries: Entries, allowed: Collection[str], key: str = "") -> None:
    """Fail on the first key not in ``allowed``, suggesting the nearest one."""
    for name, (key_node, _) in entries.items():
        if name not in allowed:
            close = difflib.get_close_matches(name, allowed, n=1)
            hint = (f"是否想写 {quote(close[0])}？" if close else "") + "可用的键：" + ", ".join(allowed)
            at.fail(key_node, f"未知的键 {quote(name)}", f"{key}.{name}" if key else name, hint)


def optional(entries: Entries, name: str) -> Node | None:
    """The value node of key ``name``, or None when the mapping does not have it."""
    return entries[name][1] if name in entries else None


def required(at: At, node: Node, entries: Entries, name: str) -> Node:
    """The value node of key ``name``; a mapping without it fails at the mapping's line."""
    if name not in entries:
        at.fail(node, f"缺少必需的键 {quote(name)}", name)
    return entries[name][1]


def read_str(at: At, node: Node, key: str) -> str:
    """A non-blank string; numbers and dates are errors (quote them)."""
    if not isinstance(node, ScalarNode) or node.tag != _TAG + "str":
        wrong_type(at, node, key, "字符串")
    if not node.value.strip():
        at.fail(node, f"{quote(key)} 不能为空", key)
    return cast(str, node.value)


def read_bool(at: At, node: Node, key: str) -> bool:
    """``true`` or ``false`` (or another spelling YAML resolves to a boolean)."""
    if not isinstance(node, ScalarNode) or node.tag != _TAG + "bool":
        wrong_type(at, node, key, "布尔值（true 或 false）")
    value: bool = _SCALARS.construct_yaml_bool(node)
    return value


# Longer integers are not a count or a year anyone means, and Python refuses to convert
# integers of more than 4,300 digits (a ValueError that would escape as a crash).
_MAX_INT_DIGITS = 18


def read_int(at: At, node: Node, key: str) -> int:
    """An integer of at most 18 digits (a 5,000-digit one is a one-line error, not a crash)."""
    if not isinstance(node, ScalarNode) or node.tag != _TAG + "int":
        wrong_type(at, node, key, "整数")
    digits = sum(ch.isdigit() for ch in node.value)
    if digits > _MAX_INT_DIGITS:
        at.fail(node, f"{quote(key)} 的整数过大（{digits} 位）", key)
    value: int = _SCALARS.construct_yaml_int(node)
    return value


def read_positive_int(at: At, node: Node, key: str) -> int:
    """An integer of at least 1."""
    value = read_int(at, node, key)
    if value < 1:
        at.fail(node, f"{quote(key)} 应为不小于 1 的整数，实际是 {value}", key)
    return value


def read_choice(at: At, node: Node, key: str, choices: tuple[str, ...]) -> str:
    """One of ``choices``, listed in the message when the value is another."""
    value = read_str(at, node, key)
    if value not in choices:
        at.fail(node, f"{quote(key)} 的值 {quote(value)} 无效", key, "可选：" + ", ".join(choices))
    return value


def read_scalar(at: At, node: Node, key: str, expected: str) -> object:
    """A string, number or boolean as its Python value; anything else fails as not ``expected``.

    Numbers must be finite (``.inf`` and ``.nan`` are no count or threshold) and integers
    short (``read_int``).
    """
    kind = node.tag.removeprefix(_TAG) if isinstance(node, ScalarNode) else ""
    if kind not in ("str", "int", "float", "bool"):
        wrong_type(at, node, key, expected)
    if kind == "int":
        return read_int(at, node, key)
    value = _SCALARS.construct_object(node)
    if isinstance(value, float) and not math.isfinite(value):
        at.fail(node, f"{quote(key)} 应为有限的数，实际是 {value}", key)
    return value
