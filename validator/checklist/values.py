"""The checklist format's vocabulary: its keys, and readers for the values its keys take.

The key tuples are the single list of what a checklist may say; ``schemas/checklist.schema.json``
and ``docs/checklists.md`` describe the same keys, and a test holds the schema to these tuples.
The readers turn a YAML node into one of the format's values (an id, a rule code, a ``{zh, en}``
text, a list of phrases or of RE2 patterns), failing with file, line and key like every reader in
``yaml_nodes``, on which they are built.
"""

from __future__ import annotations

from typing import cast

from yaml.nodes import Node, SequenceNode

from validator.model import Severity, Text
from validator.regexes import compiled
from validator.safe_regex import compile_safe
from validator.yaml_nodes import At, check_keys, quote, read_choice, read_mapping, read_str, wrong_type

SEVERITIES = ("error", "warning", "info")
SCOPES = ("title", "lead", "heading", "paragraph", "document")
TOP_KEYS = ("id", "name", "extends", "detect", "rules", "items")
ITEM_KEYS = (
    "id", "label", "severity", "code", "description", "source", "scope", "headings", "heading_patterns",
    "paragraphs", "paragraph_patterns", "min_evidence", "after", "order", "message", "drop",
)  # fmt: skip
CUE_KEYS = ("scope", "headings", "heading_patterns", "paragraphs", "paragraph_patterns", "min_evidence")
RULE_KEYS = ("enabled", "severity", "options")

ITEM_ID = compiled(r"[a-z][a-z0-9_]*")
_CHECKLIST_ID = compiled(r"[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*")
_CODE = compiled(r"[A-Z]+-[0-9]{3}")


def read_severity(at: At, node: Node, key: str) -> Severity:
    """``error``, ``warning`` or ``info``."""
    return cast(Severity, read_choice(at, node, key, SEVERITIES))


def read_scope(at: At, node: Node, key: str) -> str:
    """Which part of a report an item looks in; see ``SCOPES``."""
    return read_choice(at, node, key, SCOPES)


def read_checklist_id(at: At, node: Node, key: str) -> str:
    """A checklist id (``id`` and ``extends``): lowercase words joined by - or _."""
    value = read_str(at, node, key)
    if not _CHECKLIST_ID.fullmatch(value):
        hint = "应为小写英文单词，用 - 或 _ 连接，如 annual-report"
        at.fail(node, f"清单 {quote(key)} 的值 {quote(value)} 无效", key, hint)
    return value


def read_code(at: At, node: Node, key: str) -> str:
    """A finding code such as ``SEC-004``."""
    value = read_str(at, node, key)
    if not _CODE.fullmatch(value):
        at.fail(
            node, f"{quote(key)} 的值 {quote(value)} 无效", key, "应为大写字母、连字符和三位数字，如 SEC-004"
        )
    return value


def read_text(at: At, node: Node, key: str) -> Text:
    """``{zh: …, en: …}``: Chinese required, English optional."""
    entries = read_mapping(at, node, key)
    check_keys(at, entries, ("zh", "en"), key)
    if "zh" not in entries:
        at.fail(node, f'{quote(key)} 缺少必需的键 "zh"', f"{key}.zh")
    en = read_str(at, entries["en"][1], f"{key}.en") if "en" in entries else ""
    return Text(read_str(at, entries["zh"][1], f"{key}.zh"), en)


def read_message(at: At, node: Node, key: str) -> dict[str, Text]:
    """``{pass: Text, fail: Text}``, either or both."""
    entries = read_mapping(at, node, key)
    check_keys(at, entries, ("pass", "fail"), key)
    return {name: read_text(at, value, f"{key}.{name}") for name, (_, value) in entries.items()}


def read_strings(at: At, node: Node, key: str) -> list[tuple[Node, str]]:
    """A list of distinct non-blank strings, each with its node (for the line of a later error)."""
    if not isinstance(node, SequenceNode):
        wrong_type(at, node, key, "列表")
    seen: dict[str, int] = {}
    result = []
    for index, element in enumerate(node.value):
        value = read_str(at, element, f"{key}[{index}]")
        if value in seen:
            message = f"{quote(key)} 中重复的 {quote(value)}"
            at.fail(element, message, f"{key}[{index}]", f"第 {seen[value]} 行已有")
        seen[value] = element.start_mark.line + 1
        result.append((element, value))
    return result


def read_phrases(at: At, node: Node, key: str) -> tuple[str, ...]:
    """Literal phrases to look for: distinct non-blank strings."""
    return tuple(value for _, value in read_strings(at, node, key))


def read_patterns(at: At, node: Node, key: str) -> tuple[str, ...]:
    """Regexes that RE2 compiles and that cannot match the empty string (which matches every text)."""
    values = read_strings(at, node, key)
    for index, (element, pattern) in enumerate(values):
        try:
            compiled = compile_safe(pattern)
        except ValueError as error:
            at.fail(
                element, f"{quote(key)} 中的正则表达式 {quote(pattern)} 无效", f"{key}[{index}]", str(error)
            )
        if compiled.search("") is not None:
            message = f"{quote(key)} 中的正则表达式 {quote(pattern)} 能匹配空字符串，会命中任何文本"
            at.fail(element, message, f"{key}[{index}]")
    return tuple(pattern for _, pattern in values)


def read_item_ids(at: At, node: Node, key: str) -> tuple[str, ...]:
    """Ids of other items (``after``, ``order``); whether they exist is checked after merging."""
    values = read_strings(at, node, key)
    for index, (element, value) in enumerate(values):
        if not ITEM_ID.fullmatch(value):
            at.fail(element, f"{quote(key)} 中的检查项 id {quote(value)} 无效", f"{key}[{index}]")
    return tuple(value for _, value in values)
