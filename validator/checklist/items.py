"""``items:`` of a checklist, read entry by entry and merged over the items of the parent.

Merging is by id and key by key, so a checklist that ``extends`` another says only what differs:
an entry whose id the parent has changes just the keys it gives (the cue keys and the two message
texts one by one), ``drop: true`` removes the parent's item, and an entry with a new id is a new
item, which must give its label and severity. The result keeps the parent's order, then this
file's new items. Whether the merged items make sense together is ``checklist.validation``'s job;
``MergedItems`` hands it what this file wrote, so that its messages point at this file's lines.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from yaml.nodes import Node, SequenceNode

from validator.checklist.values import (
    CUE_KEYS,
    ITEM_ID,
    ITEM_KEYS,
    read_code,
    read_item_ids,
    read_message,
    read_patterns,
    read_phrases,
    read_scope,
    read_severity,
    read_text,
)
from validator.model import Checklist, ChecklistItem, Text
from validator.yaml_nodes import (
    At,
    check_keys,
    quote,
    read_bool,
    read_mapping,
    read_positive_int,
    read_str,
    required,
    wrong_type,
)


@dataclass(frozen=True)
class ItemSpec:
    """One entry of ``items:`` as written in this file: the keys given, validated, with their nodes."""

    id: str
    node: Node
    at: At
    values: Mapping[str, Any]
    nodes: Mapping[str, Node]
    drop: bool


@dataclass(frozen=True)
class MergedItems:
    """The merged items by id, in order, with this file's entries and the drops it made, by id."""

    items: Mapping[str, ChecklistItem]
    specs: Mapping[str, ItemSpec]
    dropped: Mapping[str, Node]


_ITEM_PARSERS: dict[str, Callable[[At, Node, str], Any]] = {
    "label": read_text,
    "description": read_text,
    "severity": read_severity,
    "code": read_code,
    "source": read_str,
    "scope": read_scope,
    "headings": read_phrases,
    "heading_patterns": read_patterns,
    "paragraphs": read_phrases,
    "paragraph_patterns": read_patterns,
    "min_evidence": read_positive_int,
    "after": read_item_ids,
    "order": read_item_ids,
    "message": read_message,
}


def merge_items(at: At, node: Node | None, parent: Checklist | None, root: Node) -> MergedItems:
    """The parent's items in order, dropped or overridden by this file's, then this file's new ones."""
    specs = _item_specs(at, node)
    merged = {item.id: item for item in parent.items} if parent else {}
    dropped: dict[str, Node] = {}
    for spec in specs.values():
        if spec.drop:
            if spec.id not in merged:
                why = (
                    f"被继承的清单 {quote(parent.id)} 中没有"
                    if parent
                    else "只有 extends 其他清单时才能删除检查项"
                )
                spec.at.fail(spec.nodes["drop"], f"无法删除检查项 {quote(spec.id)}", "drop", why)
            del merged[spec.id]
            dropped[spec.id] = spec.nodes["drop"]
        elif spec.id in merged:
            merged[spec.id] = _apply(merged[spec.id], spec)
        else:
            merged[spec.id] = _apply(_new_item(spec, parent), spec)
    if not merged:
        at.fail(node if node is not None else root, "清单没有任何检查项", "items")
    return MergedItems(merged, specs, dropped)


def _item_specs(at: At, node: Node | None) -> dict[str, ItemSpec]:
    """This file's entries by id, in order; an id given twice fails at its second entry."""
    if node is None:
        return {}
    if not isinstance(node, SequenceNode):
        wrong_type(at, node, "items", "列表")
    specs: dict[str, ItemSpec] = {}
    for index, element in enumerate(node.value):
        spec = _item_spec(at, element, index)
        if spec.id in specs:
            first = specs[spec.id].node.start_mark.line + 1
            spec.at.fail(spec.nodes["id"], f"重复的检查项 id {quote(spec.id)}", "id", f"第 {first} 行已定义")
        specs[spec.id] = spec
    return specs


def _item_spec(file_at: At, node: Node, index: int) -> ItemSpec:
    """Read one item: its id first, so that every later message can name it."""
    entries = read_mapping(
        dataclasses.replace(file_at, where=f"第 {index + 1} 个检查项"), node, f"items[{index}]"
    )
    at = dataclasses.replace(file_at, where=f"第 {index + 1} 个检查项", prefix=f"items[{index}].")
    item_id = read_str(at, required(at, node, entries, "id"), "id")
    if not ITEM_ID.fullmatch(item_id):
        hint = "应为小写字母开头，只含小写字母、数字和 _"
        at.fail(entries["id"][1], f"检查项 id {quote(item_id)} 无效", "id", hint)
    at = dataclasses.replace(file_at, where=f"检查项 {item_id}", prefix=f"items[{item_id}].")
    check_keys(at, entries, ITEM_KEYS)
    drop = "drop" in entries and read_bool(at, entries["drop"][1], "drop")
    if "drop" in entries and not drop:
        at.fail(entries["drop"][1], '"drop" 只能是 true', "drop", "不删除时请去掉这个键")
    if drop and len(entries) > 2:
        other = next(name for name in entries if name not in ("id", "drop"))
        at.fail(entries[other][0], f"删除的检查项不能再有其他键（{quote(other)}）", other)
    nodes = {name: value for name, (_, value) in entries.items()}
    values = {
        name: _ITEM_PARSERS[name](at, value, name) for name, value in nodes.items() if name in _ITEM_PARSERS
    }
    return ItemSpec(item_id, node, at, values, nodes, drop)


def _new_item(spec: ItemSpec, parent: Checklist | None) -> ChecklistItem:
    """A skeleton for an item this file introduces: it must give its label and severity."""
    for name in ("label", "severity"):
        if name not in spec.values:
            hint = ""
            if parent:
                close = difflib.get_close_matches(spec.id, [item.id for item in parent.items], n=1)
                hint = f"被继承的清单 {quote(parent.id)} 中没有此检查项"
                hint += f"，是否想写 {quote(close[0])}？" if close else ""
            spec.at.fail(spec.node, f"新检查项缺少必需的键 {quote(name)}", name, hint)
    return ChecklistItem(spec.id, spec.values["label"], spec.values["severity"], Text(""), "")


def _apply(item: ChecklistItem, spec: ItemSpec) -> ChecklistItem:
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
