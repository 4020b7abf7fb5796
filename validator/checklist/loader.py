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

This module is the public entry point, and it follows ``extends``; each other job has a module:

* ``yaml_nodes``: composing the YAML, and reading strictly typed values from its nodes;
* ``checklist.values``: the format's keys, and readers for its ids, codes, texts and patterns;
* ``checklist.items``: ``items:`` read entry by entry and merged over the parent's items;
* ``checklist.validation``: the merged items' references, ``after`` cycles and satisfiability;
* ``checklist.settings``: ``detect:`` and ``rules:``, merged over the parent's.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from contextvars import ContextVar
from pathlib import Path

from yaml.nodes import Node

from validator.checklist.items import merge_items
from validator.checklist.settings import read_detection, read_rules
from validator.checklist.validation import check_items
from validator.checklist.values import (
    CUE_KEYS,
    ITEM_KEYS,
    RULE_KEYS,
    SCOPES,
    SEVERITIES,
    TOP_KEYS,
    read_checklist_id,
    read_text,
)
from validator.errors import ConfigError
from validator.model import Checklist, ChecklistItem
from validator.safe_regex import SafePattern, compile_safe
from validator.yaml_nodes import At, check_keys, compose, optional, quote, read_mapping, required

__all__ = [
    "CUE_KEYS",
    "ITEM_KEYS",
    "RULE_KEYS",
    "SCOPES",
    "SEVERITIES",
    "TOP_KEYS",
    "compile_pattern",
    "load_checklist",
    "load_checklist_text",
]

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
    root = compose(text, path)
    at = At(path)
    top = read_mapping(at, root, "")
    check_keys(at, top, TOP_KEYS)
    checklist_id = read_checklist_id(at, required(at, root, top, "id"), "id")
    name = read_text(at, required(at, root, top, "name"), "name")
    parent = _parent(at, optional(top, "extends"), checklist_id, resolve)
    if parent is None and "items" not in top:
        at.fail(root, '缺少必需的键 "items"（没有 extends 的清单必须列出检查项）', "items")
    return Checklist(
        id=checklist_id,
        name=name,
        items=_items(at, optional(top, "items"), parent, root),
        detection=read_detection(at, optional(top, "detect"), parent),
        rules=read_rules(at, optional(top, "rules"), known_rules, parent),
        path=path,
        origin=origin,
    )


def compile_pattern(pattern: str) -> SafePattern:
    """Compile a pattern of a loaded checklist for the engine.

    The same RE2 and the same cache that validated the pattern at load time, so a pattern that
    loaded always compiles here and the engine never sees a regex error.
    """
    return compile_safe(pattern)


# ---------------------------------------------------------------------------- extends and items


def _parent(
    at: At, node: Node | None, own_id: str, resolve: Callable[[str], Checklist] | None
) -> Checklist | None:
    """The checklist ``extends`` names, loaded through ``resolve``; cycles and unknown ids fail here."""
    if node is None:
        return None
    parent_id = read_checklist_id(at, node, "extends")
    loading = _LOADING.get()
    if parent_id == own_id or parent_id in loading:
        chain = (*loading[loading.index(parent_id) :], own_id) if parent_id in loading else (own_id,)
        at.fail(node, "extends 形成循环：" + " → ".join((*chain, parent_id)), "extends")
    if resolve is None:
        at.fail(node, f"无法继承清单 {quote(parent_id)}", "extends", "此处加载的清单不能使用 extends")
    token = _LOADING.set((*loading, own_id))
    try:
        parent: object = resolve(parent_id)
    except LookupError:
        parent = None
    except (OSError, ValueError) as error:
        at.fail(node, f"无法加载 extends 的清单 {quote(parent_id)}：{error}", "extends")
    finally:
        _LOADING.reset(token)
    if not isinstance(parent, Checklist):  # LookupError, or a resolver that answers None
        at.fail(node, f"extends 的清单 {quote(parent_id)} 不存在", "extends")
    return parent


def _items(at: At, node: Node | None, parent: Checklist | None, root: Node) -> tuple[ChecklistItem, ...]:
    """``items:`` merged over the parent's, then checked as a whole (see the two modules)."""
    merged = merge_items(at, node, parent, root)
    check_items(at, merged)
    return tuple(merged.items.values())
