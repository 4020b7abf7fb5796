"""YAML checklist → validated ``Checklist``, with ``extends`` resolved.

A checklist is written by people who are not programmers, and a mistake in it must not turn into
a silently failing item on every report. So everything is checked when the file is loaded, and
each problem is a ``ConfigError`` of one line naming the file, the line and the key::

    rules/x.yaml:12: 未知的键 "severty"（检查项 political）；是否想写 "severity"？可用的键：…

For the line numbers we do not construct Python objects with ``yaml.safe_load``: we compose the
node tree with ``yaml.SafeLoader`` (no arbitrary tags are ever constructed) and walk the nodes,
each of which knows where it starts. Types are strict (``headings: 政治`` is an error, not a list
of one), because a lenient loader hides exactly the typos a user needs to see. The format is
documented in ``docs/checklists.md`` and described by ``schemas/checklist.schema.json``.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Callable, Collection, Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn, cast

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from validator.errors import ConfigError
from validator.model import Checklist, ChecklistItem, GenreDetection, RuleSetting, Severity, Text
from validator.safe_regex import SafePattern, compile_safe

SEVERITIES = ("error", "warning", "info")
SCOPES = ("title", "lead", "heading", "paragraph", "document")
TOP_KEYS = ("id", "name", "extends", "detect", "rules", "items")
ITEM_KEYS = (
    "id", "label", "severity", "code", "description", "source", "scope", "headings", "heading_patterns",
    "paragraphs", "paragraph_patterns", "min_evidence", "after", "order", "message", "drop",
)  # fmt: skip
CUE_KEYS = ("scope", "headings", "heading_patterns", "paragraphs", "paragraph_patterns", "min_evidence")
RULE_KEYS = ("enabled", "severity", "options")

_CHECKLIST_ID = re.compile(r"[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*")
_ITEM_ID = re.compile(r"[a-z][a-z0-9_]*")
_CODE = re.compile(r"[A-Z]+-[0-9]{3}")
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

# The ids of the checklists being loaded in this thread, outermost first, to catch extends cycles
# that go through ``resolve`` (a → b → a) as well as a file that extends itself.
_LOADING: ContextVar[tuple[str, ...]] = ContextVar("report_validator_checklists_loading", default=())


def load_checklist(
    path: str | Path,
    *,
    known_rules: Collection[str],
    resolve: Callable[[str], Checklist] | None = None,
    origin: str = "built-in",
) -> Checklist:
    """Read, validate and build the checklist at ``path``; see ``load_checklist_text``."""
    where = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise ConfigError(f"无法读取清单文件：{error.strerror or error}", path=where) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ConfigError("清单文件不是 UTF-8 编码", path=where, line=line) from None
    return load_checklist_text(text, where, known_rules=known_rules, resolve=resolve, origin=origin)


def load_checklist_text(
    text: str,
    path: str,
    *,
    known_rules: Collection[str],
    resolve: Callable[[str], Checklist] | None = None,
    origin: str = "built-in",
) -> Checklist:
    """Validate and build a checklist from YAML ``text``; ``path`` is only used in messages.

    ``known_rules`` are the rule codes a ``rules:`` entry may name. ``resolve(id)`` returns the
    (already loaded) checklist that ``extends: id`` names, or raises ``LookupError`` when there is
    none; a ``ConfigError`` it raises (the parent file is broken) passes through unchanged.
    Raises ``ConfigError`` for every problem, with the line of the offending key or value.
    """
    root = _compose(text, path)
    at = _At(path)
    top = _entries(at, root, "")
    _check_keys(at, top, TOP_KEYS)
    checklist_id = _checklist_id(at, _required(at, root, top, "id"), "id")
    name = _text(at, _required(at, root, top, "name"), "name")
    parent = _parent(at, _value(top, "extends"), checklist_id, resolve)
    if parent is None and "items" not in top:
        at.fail(root, '缺少必需的键 "items"（没有 extends 的清单必须列出检查项）', "items")
    return Checklist(
        id=checklist_id,
        name=name,
        items=_items(at, _value(top, "items"), parent, root),
        detection=_detection(at, _value(top, "detect"), parent),
        rules=_rules(at, _value(top, "rules"), known_rules, parent),
        path=path,
        origin=origin,
    )


def compile_pattern(pattern: str) -> SafePattern:
    """Compile a pattern of a loaded checklist for the engine.

    The same RE2 and the same cache that validated the pattern at load time, so a pattern that
    loaded always compiles here and the engine never sees a regex error.
    """
    return compile_safe(pattern)


# ---------------------------------------------------------------------------- YAML nodes


@dataclass(frozen=True)
class _At:
    """Where we are in the file, for messages: ``where`` is shown, ``prefix`` starts the key path."""

    path: str
    where: str = ""
    prefix: str = ""

    def fail(self, node: Node | None, message: str, key: str, hint: str = "") -> NoReturn:
        """Raise the one-line ConfigError for ``node``: message, where, then the hint."""
        text = message + (f"（{self.where}）" if self.where else "") + (f"；{hint}" if hint else "")
        line = node.start_mark.line + 1 if node is not None else 1
        raise ConfigError(_one_line(text), path=self.path, line=line, key=self.prefix + key)


def _one_line(text: str) -> str:
    """Escape line breaks and other invisible characters, so a message stays one line."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def _q(value: str) -> str:
    """A user's string quoted for a message, cut short when long."""
    return f'"{value if len(value) <= 60 else value[:60] + "…"}"'


def _compose(text: str, path: str) -> Node:
    """The YAML node tree of ``text``, or a ConfigError at the line of the syntax error."""
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
        raise ConfigError(_one_line(f"YAML 语法错误：{detail}"), path=path, line=line) from None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        what = f"U+{error.character:04X}" if isinstance(error.character, int) else repr(error.character)
        raise ConfigError(f"YAML 中不允许的字符 {what}", path=path, line=line) from None
    except (yaml.YAMLError, RecursionError) as error:
        raise ConfigError(_one_line(f"YAML 无法解析：{error}"), path=path, line=1) from None
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


def _wrong_type(at: _At, node: Node, key: str, expected: str) -> NoReturn:
    at.fail(node, f"{_q(key)} 应为{expected}，实际是{_kind(node)}", key, _quote_hint(node, expected))


def _quote_hint(node: Node, expected: str) -> str:
    """YAML reads 2024, yes, on and 2024-01-01 as non-strings; say so when a string was meant."""
    if "字符串" in expected and isinstance(node, ScalarNode) and node.tag != _TAG + "str" and node.value:
        return f"YAML 把 {node.value} 读作{_kind(node)}，要写成文字请加引号：'{node.value}'"
    return ""


_Entries = dict[str, tuple[Node, Node]]


def _entries(at: _At, node: Node, key: str) -> _Entries:
    """A mapping node's entries by key (key node, value node): string keys, no duplicates."""
    if not isinstance(node, MappingNode):
        if not key:
            at.fail(node, f"清单的顶层应为映射（键: 值），实际是{_kind(node)}", key)
        _wrong_type(at, node, key, "映射")
    entries: _Entries = {}
    for key_node, value_node in node.value:
        if key_node.tag == _TAG + "merge":
            at.fail(key_node, "不支持 YAML 合并键 <<", key, "请直接写出各个键")
        if not isinstance(key_node, ScalarNode) or key_node.tag != _TAG + "str":
            at.fail(key_node, f"键应为字符串，实际是{_kind(key_node)}", key, _quote_hint(key_node, "字符串"))
        name = key_node.value
        if name in entries:
            first = entries[name][0].start_mark.line + 1
            at.fail(key_node, f"重复的键 {_q(name)}", f"{key}.{name}" if key else name, f"第 {first} 行已有")
        entries[name] = (key_node, value_node)
    return entries


def _check_keys(at: _At, entries: _Entries, allowed: Collection[str], key: str = "") -> None:
    """Fail on the first key not in ``allowed``, suggesting the nearest one."""
    for name, (key_node, _) in entries.items():
        if name not in allowed:
            close = difflib.get_close_matches(name, allowed, n=1)
            hint = (f"是否想写 {_q(close[0])}？" if close else "") + "可用的键：" + ", ".join(allowed)
            at.fail(key_node, f"未知的键 {_q(name)}", f"{key}.{name}" if key else name, hint)


def _value(entries: _Entries, name: str) -> Node | None:
    return entries[name][1] if name in entries else None


def _required(at: _At, node: Node, entries: _Entries, name: str) -> Node:
    if name not in entries:
        at.fail(node, f"缺少必需的键 {_q(name)}", name)
    return entries[name][1]


def _str(at: _At, node: Node, key: str) -> str:
    """A non-blank string; numbers and dates are errors (quote them)."""
    if not isinstance(node, ScalarNode) or node.tag != _TAG + "str":
        _wrong_type(at, node, key, "字符串")
    if not node.value.strip():
        at.fail(node, f"{_q(key)} 不能为空", key)
    return cast(str, node.value)


def _bool(at: _At, node: Node, key: str) -> bool:
    if not isinstance(node, ScalarNode) or node.tag != _TAG + "bool":
        _wrong_type(at, node, key, "布尔值（true 或 false）")
    value: bool = _SCALARS.construct_yaml_bool(node)
    return value


def _positive_int(at: _At, node: Node, key: str) -> int:
    if not isinstance(node, ScalarNode) or node.tag != _TAG + "int":
        _wrong_type(at, node, key, "整数")
    value: int = _SCALARS.construct_yaml_int(node)
    if value < 1:
        at.fail(node, f"{_q(key)} 应为不小于 1 的整数，实际是 {value}", key)
    return value


def _choice(at: _At, node: Node, key: str, choices: tuple[str, ...]) -> str:
    value = _str(at, node, key)
    if value not in choices:
        at.fail(node, f"{_q(key)} 的值 {_q(value)} 无效", key, "可选：" + ", ".join(choices))
    return value


def _severity(at: _At, node: Node, key: str) -> Severity:
    return cast(Severity, _choice(at, node, key, SEVERITIES))


def _scope(at: _At, node: Node, key: str) -> str:
    return _choice(at, node, key, SCOPES)


def _checklist_id(at: _At, node: Node, key: str) -> str:
    value = _str(at, node, key)
    if not _CHECKLIST_ID.fullmatch(value):
        hint = "应为小写英文单词，用 - 或 _ 连接，如 annual-report"
        at.fail(node, f"清单 {_q(key)} 的值 {_q(value)} 无效", key, hint)
    return value


def _code(at: _At, node: Node, key: str) -> str:
    value = _str(at, node, key)
    if not _CODE.fullmatch(value):
        at.fail(node, f"{_q(key)} 的值 {_q(value)} 无效", key, "应为大写字母、连字符和三位数字，如 SEC-004")
    return value


def _text(at: _At, node: Node, key: str) -> Text:
    """``{zh: …, en: …}``: Chinese required, English optional."""
    entries = _entries(at, node, key)
    _check_keys(at, entries, ("zh", "en"), key)
    if "zh" not in entries:
        at.fail(node, f'{_q(key)} 缺少必需的键 "zh"', f"{key}.zh")
    en = _str(at, entries["en"][1], f"{key}.en") if "en" in entries else ""
    return Text(_str(at, entries["zh"][1], f"{key}.zh"), en)


def _message(at: _At, node: Node, key: str) -> dict[str, Text]:
    """``{pass: Text, fail: Text}``, either or both."""
    entries = _entries(at, node, key)
    _check_keys(at, entries, ("pass", "fail"), key)
    return {name: _text(at, value, f"{key}.{name}") for name, (_, value) in entries.items()}


def _strings(at: _At, node: Node, key: str) -> list[tuple[Node, str]]:
    """A list of distinct non-blank strings, each with its node (for the line of a later error)."""
    if not isinstance(node, SequenceNode):
        _wrong_type(at, node, key, "列表")
    seen: dict[str, int] = {}
    result = []
    for index, element in enumerate(node.value):
        value = _str(at, element, f"{key}[{index}]")
        if value in seen:
            at.fail(element, f"{_q(key)} 中重复的 {_q(value)}", f"{key}[{index}]", f"第 {seen[value]} 行已有")
        seen[value] = element.start_mark.line + 1
        result.append((element, value))
    return result


def _phrases(at: _At, node: Node, key: str) -> tuple[str, ...]:
    return tuple(value for _, value in _strings(at, node, key))


def _patterns(at: _At, node: Node, key: str) -> tuple[str, ...]:
    """Regexes that RE2 compiles and that cannot match the empty string (which matches every text)."""
    values = _strings(at, node, key)
    for index, (element, pattern) in enumerate(values):
        try:
            compiled = compile_safe(pattern)
        except ValueError as error:
            at.fail(element, f"{_q(key)} 中的正则表达式 {_q(pattern)} 无效", f"{key}[{index}]", str(error))
        if compiled.search("") is not None:
            message = f"{_q(key)} 中的正则表达式 {_q(pattern)} 能匹配空字符串，会命中任何文本"
            at.fail(element, message, f"{key}[{index}]")
    return tuple(pattern for _, pattern in values)


def _item_ids(at: _At, node: Node, key: str) -> tuple[str, ...]:
    values = _strings(at, node, key)
    for index, (element, value) in enumerate(values):
        if not _ITEM_ID.fullmatch(value):
            at.fail(element, f"{_q(key)} 中的检查项 id {_q(value)} 无效", f"{key}[{index}]")
    return tuple(value for _, value in values)


# ---------------------------------------------------------------------------- top level


def _parent(
    at: _At, node: Node | None, own_id: str, resolve: Callable[[str], Checklist] | None
) -> Checklist | None:
    """The checklist ``extends`` names, loaded through ``resolve``; cycles and unknown ids fail here."""
    if node is None:
        return None
    parent_id = _checklist_id(at, node, "extends")
    loading = _LOADING.get()
    if parent_id == own_id or parent_id in loading:
        chain = (*loading[loading.index(parent_id) :], own_id) if parent_id in loading else (own_id,)
        at.fail(node, "extends 形成循环：" + " → ".join((*chain, parent_id)), "extends")
    if resolve is None:
        at.fail(node, f"无法继承清单 {_q(parent_id)}", "extends", "此处加载的清单不能使用 extends")
    token = _LOADING.set((*loading, own_id))
    try:
        parent: object = resolve(parent_id)
    except LookupError:
        parent = None
    except (OSError, ValueError) as error:
        at.fail(node, f"无法加载 extends 的清单 {_q(parent_id)}：{error}", "extends")
    finally:
        _LOADING.reset(token)
    if not isinstance(parent, Checklist):  # LookupError, or a resolver that answers None
        at.fail(node, f"extends 的清单 {_q(parent_id)} 不存在", "extends")
    return parent


def _detection(at: _At, node: Node | None, parent: Checklist | None) -> GenreDetection:
    """``detect: {title: [...], text: [...]}``; a key given here replaces the parent's list."""
    inherited = parent.detection if parent else GenreDetection()
    if node is None:
        return inherited
    entries = _entries(at, node, "detect")
    _check_keys(at, entries, ("title", "text"), "detect")
    title = _patterns(at, entries["title"][1], "detect.title") if "title" in entries else None
    text = _patterns(at, entries["text"][1], "detect.text") if "text" in entries else None
    return GenreDetection(
        title_patterns=inherited.title_patterns if title is None else title,
        text_patterns=inherited.text_patterns if text is None else text,
    )


def _rules(
    at: _At, node: Node | None, known_rules: Collection[str], parent: Checklist | None
) -> tuple[RuleSetting, ...]:
    """``rules: {CODE: true | false | {enabled, severity, options}}``, merged over the parent's."""
    settings = {setting.code: setting for setting in parent.rules} if parent else {}
    if node is None:
        return tuple(settings.values())
    for code, (key_node, value) in _entries(at, node, "rules").items():
        if code not in known_rules:
            close = difflib.get_close_matches(code, known_rules, n=3)
            hint = "是否想写 " + "、".join(map(_q, close)) + "？" if close else _known_rules_hint(known_rules)
            at.fail(key_node, f"未知的规则代码 {_q(code)}", f"rules.{code}", hint)
        settings[code] = _rule_setting(at, value, f"rules.{code}", settings.get(code, RuleSetting(code)))
    return tuple(settings.values())


def _known_rules_hint(known_rules: Collection[str]) -> str:
    codes = sorted(known_rules)
    if not codes:
        return "当前没有可用的规则"
    shown = ", ".join(codes[:20])
    return f"可用的规则：{shown}" + (f" 等 {len(codes)} 条" if len(codes) > 20 else "")


def _rule_setting(at: _At, node: Node, key: str, base: RuleSetting) -> RuleSetting:
    """One rule's setting; only the keys given change ``base`` (options merge by name)."""
    if isinstance(node, ScalarNode) and node.tag == _TAG + "bool":
        return dataclasses.replace(base, enabled=_bool(at, node, key))
    if not isinstance(node, MappingNode):
        _wrong_type(at, node, key, "true、false 或映射 {enabled, severity, options}")
    entries = _entries(at, node, key)
    _check_keys(at, entries, RULE_KEYS, key)
    setting = base
    if "enabled" in entries:
        setting = dataclasses.replace(setting, enabled=_bool(at, entries["enabled"][1], f"{key}.enabled"))
    if "severity" in entries:
        setting = dataclasses.replace(
            setting, severity=_severity(at, entries["severity"][1], f"{key}.severity")
        )
    if "options" in entries:
        options = dict(setting.options) | _options(at, entries["options"][1], f"{key}.options")
        setting = dataclasses.replace(setting, options=tuple(sorted(options.items())))
    return setting


def _options(at: _At, node: Node, key: str) -> dict[str, object]:
    """Rule options: strings, numbers and booleans, or lists of them (kept as tuples, so hashable)."""
    result: dict[str, object] = {}
    for name, (_, value) in _entries(at, node, key).items():
        if isinstance(value, SequenceNode):
            result[name] = tuple(_option_scalar(at, element, f"{key}.{name}") for element in value.value)
        else:
            result[name] = _option_scalar(at, value, f"{key}.{name}")
    return result


def _option_scalar(at: _At, node: Node, key: str) -> object:
    kind = node.tag.removeprefix(_TAG) if isinstance(node, ScalarNode) else ""
    if kind not in ("str", "int", "float", "bool"):
        _wrong_type(at, node, key, "字符串、数字、布尔值或它们的列表")
    return _SCALARS.construct_object(node)


# ---------------------------------------------------------------------------- items


@dataclass(frozen=True)
class _ItemSpec:
    """One entry of ``items:`` as written in this file: the keys given, validated, with their nodes."""

    id: str
    node: Node
    at: _At
    values: Mapping[str, Any]
    nodes: Mapping[str, Node]
    drop: bool


_ITEM_PARSERS: dict[str, Callable[[_At, Node, str], Any]] = {
    "label": _text,
    "description": _text,
    "severity": _severity,
    "code": _code,
    "source": _str,
    "scope": _scope,
    "headings": _phrases,
    "heading_patterns": _patterns,
    "paragraphs": _phrases,
    "paragraph_patterns": _patterns,
    "min_evidence": _positive_int,
    "after": _item_ids,
    "order": _item_ids,
    "message": _message,
}


def _item_spec(file_at: _At, node: Node, index: int) -> _ItemSpec:
    """Read one item: its id first, so that every later message can name it."""
    entries = _entries(
        dataclasses.replace(file_at, where=f"第 {index + 1} 个检查项"), node, f"items[{index}]"
    )
    at = dataclasses.replace(file_at, where=f"第 {index + 1} 个检查项", prefix=f"items[{index}].")
    item_id = _str(at, _required(at, node, entries, "id"), "id")
    if not _ITEM_ID.fullmatch(item_id):
        hint = "应为小写字母开头，只含小写字母、数字和 _"
        at.fail(entries["id"][1], f"检查项 id {_q(item_id)} 无效", "id", hint)
    at = dataclasses.replace(file_at, where=f"检查项 {item_id}", prefix=f"items[{item_id}].")
    _check_keys(at, entries, ITEM_KEYS)
    drop = "drop" in entries and _bool(at, entries["drop"][1], "drop")
    if "drop" in entries and not drop:
        at.fail(entries["drop"][1], '"drop" 只能是 true', "drop", "不删除时请去掉这个键")
    if drop and len(entries) > 2:
        other = next(name for name in entries if name not in ("id", "drop"))
        at.fail(entries[other][0], f"删除的检查项不能再有其他键（{_q(other)}）", other)
    nodes = {name: value for name, (_, value) in entries.items()}
    values = {
        name: _ITEM_PARSERS[name](at, value, name) for name, value in nodes.items() if name in _ITEM_PARSERS
    }
    return _ItemSpec(item_id, node, at, values, nodes, drop)


def _items(at: _At, node: Node | None, parent: Checklist | None, root: Node) -> tuple[ChecklistItem, ...]:
    """The parent's items in order, dropped or overridden by this file's, then this file's new ones."""
    specs = _item_specs(at, node)
    merged = {item.id: item for item in parent.items} if parent else {}
    dropped: dict[str, Node] = {}
    for spec in specs.values():
        if spec.drop:
            if spec.id not in merged:
                why = (
                    f"被继承的清单 {_q(parent.id)} 中没有"
                    if parent
                    else "只有 extends 其他清单时才能删除检查项"
                )
                spec.at.fail(spec.nodes["drop"], f"无法删除检查项 {_q(spec.id)}", "drop", why)
            del merged[spec.id]
            dropped[spec.id] = spec.nodes["drop"]
        elif spec.id in merged:
            merged[spec.id] = _apply(merged[spec.id], spec)
        else:
            merged[spec.id] = _apply(_new_item(spec, parent), spec)
    if not merged:
        at.fail(node if node is not None else root, "清单没有任何检查项", "items")
    _check_final(at, merged, specs, dropped)
    return tuple(merged.values())


def _item_specs(at: _At, node: Node | None) -> dict[str, _ItemSpec]:
    if node is None:
        return {}
    if not isinstance(node, SequenceNode):
        _wrong_type(at, node, "items", "列表")
    specs: dict[str, _ItemSpec] = {}
    for index, element in enumerate(node.value):
        spec = _item_spec(at, element, index)
        if spec.id in specs:
            first = specs[spec.id].node.start_mark.line + 1
            spec.at.fail(spec.nodes["id"], f"重复的检查项 id {_q(spec.id)}", "id", f"第 {first} 行已定义")
        specs[spec.id] = spec
    return specs


def _new_item(spec: _ItemSpec, parent: Checklist | None) -> ChecklistItem:
    """A skeleton for an item this file introduces: it must give its label and severity."""
    for name in ("label", "severity"):
        if name not in spec.values:
            hint = ""
            if parent:
                close = difflib.get_close_matches(spec.id, [item.id for item in parent.items], n=1)
                hint = f"被继承的清单 {_q(parent.id)} 中没有此检查项"
                hint += f"，是否想写 {_q(close[0])}？" if close else ""
            spec.at.fail(spec.node, f"新检查项缺少必需的键 {_q(name)}", name, hint)
    return ChecklistItem(spec.id, spec.values["label"], spec.values["severity"], Text(""), "")


def _apply(item: ChecklistItem, spec: _ItemSpec) -> ChecklistItem:
    """``item`` with the keys ``spec`` gives replaced; cue keys and message texts one by one."""
    values = spec.values
    cues = dataclasses.replace(item.cues, **{name: values[name] for name in CUE_KEYS if name in values})
    plain = ("label", "severity", "code", "description", "source", "after", "order")
    changes: dict[str, Any] = {name: values[name] for name in plain if name in values}
    message = values.get("message", {})
    if "pass" in message:
        changes["message_pass"] = message["pass"]
    if "fail" in message:
        changes["message_fail"] = message["fail"]
    return dataclasses.replace(item, cues=cues, **changes)


def _check_final(
    at: _At, items: Mapping[str, ChecklistItem], specs: Mapping[str, _ItemSpec], dropped: Mapping[str, Node]
) -> None:
    """Checks on the merged checklist: references, cycles, and items that could never pass."""
    for item in items.values():
        spec = specs.get(item.id)
        if spec is not None and item.order and len(item.order) < 2:
            spec.at.fail(spec.nodes.get("order", spec.node), '"order" 至少要列出两个检查项', "order")
        for key in ("after", "order"):
            for ref in getattr(item, key):
                _check_reference(at, item, key, ref, items, spec, dropped)
        if spec is not None:
            _check_satisfiable(item, spec)
    _check_after_cycles(at, items, specs)


def _check_reference(
    at: _At,
    item: ChecklistItem,
    key: str,
    ref: str,
    items: Mapping[str, ChecklistItem],
    spec: _ItemSpec | None,
    dropped: Mapping[str, Node],
) -> None:
    """``ref`` in ``item.after``/``item.order`` must name another content item of the final checklist."""
    written_here = spec is not None and key in spec.nodes
    if ref in items and ref != item.id and not (items[ref].order and written_here):
        return
    if spec is None or not written_here:  # inherited: broken by a drop in this file
        where = dataclasses.replace(at, where=f"检查项 {ref}", prefix=f"items[{ref}].")
        where.fail(dropped.get(ref), f"删除的检查项仍被检查项 {_q(item.id)} 的 {_q(key)} 引用", "drop")
    node = spec.nodes[key]
    element = next((e for e in node.value if isinstance(e, ScalarNode) and e.value == ref), node)
    if ref == item.id:
        spec.at.fail(element, f"检查项不能在 {_q(key)} 中引用自己", key)
    if ref in items:
        spec.at.fail(element, f"{_q(key)} 中的 {_q(ref)} 是顺序检查项，没有可比较的证据", key)
    close = difflib.get_close_matches(ref, list(items), n=1)
    hint = (f"是否想写 {_q(close[0])}？" if close else "") + "可用的检查项：" + ", ".join(items)
    spec.at.fail(element, f"{_q(key)} 中的检查项 {_q(ref)} 不存在", key, hint)


def _check_satisfiable(item: ChecklistItem, spec: _ItemSpec) -> None:
    """An item this file defines or changes must be able to pass, and use every cue it gives.

    Mirrors how ``validator/items.py`` looks: scope ``heading`` reads heading cues only;
    ``title``, ``lead`` and ``document`` read paragraph cues only; ``paragraph`` reads both;
    an order item reads none.
    """
    cues = item.cues
    heading_cues = [name for name in ("headings", "heading_patterns") if getattr(cues, name)]
    paragraph_cues = [name for name in ("paragraphs", "paragraph_patterns") if getattr(cues, name)]
    if item.order:
        unused, why = heading_cues + paragraph_cues, "顺序检查项（order）不查找线索"
    elif cues.scope == "heading":
        unused, why = paragraph_cues, '"scope" 为 heading 时只查小标题'
    elif cues.scope in ("title", "lead", "document"):
        unused, why = heading_cues, f'"scope" 为 {cues.scope} 时只按段落线索查找'
    else:
        unused, why = [], ""
    if unused:
        name = unused[0]
        spec.at.fail(
            spec.nodes.get(name, spec.nodes.get("scope", spec.node)), f"{why}，{_q(name)} 不会被使用", name
        )
    if not (heading_cues or paragraph_cues or item.order):
        hint = "请给出 headings、heading_patterns、paragraphs、paragraph_patterns 或 order"
        spec.at.fail(spec.node, "检查项没有任何线索，永远不会通过", "headings", hint)
    available = len(cues.paragraphs) + len(cues.paragraph_patterns)
    if not item.order and cues.min_evidence > 1 and cues.min_evidence > available:
        message = f'"min_evidence" 为 {cues.min_evidence}，但段落线索只有 {available} 条，永远不会满足'
        spec.at.fail(spec.nodes.get("min_evidence", spec.node), message, "min_evidence")


def _check_after_cycles(at: _At, items: Mapping[str, ChecklistItem], specs: Mapping[str, _ItemSpec]) -> None:
    """``a.after: [b]`` with ``b.after: [a]`` can never be satisfied; name the cycle."""
    done: set[str] = set()

    def visit(item_id: str, trail: tuple[str, ...]) -> None:
        if item_id in trail:
            cycle = (*trail[trail.index(item_id) :], item_id)
            culprit = next((specs[i] for i in cycle if i in specs and "after" in specs[i].nodes), None)
            where = culprit.at if culprit else at
            node = culprit.nodes["after"] if culprit else None
            where.fail(node, "after 形成循环：" + " → ".join(cycle), "after")
        if item_id in done:
            return
        for ref in items[item_id].after:
            visit(ref, (*trail, item_id))
        done.add(item_id)

    for item_id in items:
        visit(item_id, ())
