"""Checks on a checklist's merged items: references, ``after`` cycles, and items that could never pass.

They run on the merged result, not on each entry as it is read, because ``extends`` can break
what each file had right on its own: a parent's item may name in ``after`` an item this file
drops. Each check fails at a line of the file being loaded: the key this file wrote when it wrote
one, else the ``drop`` that broke the reference. Only items this file defines or changes are
checked for being satisfiable; the parent's own items were checked when the parent loaded.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Mapping

from yaml.nodes import Node, ScalarNode

from validator.checklist.items import ItemSpec, MergedItems
from validator.model import ChecklistItem
from validator.yaml_nodes import At, quote


def check_items(at: At, merged: MergedItems) -> None:
    """Checks on the merged checklist: references, cycles, and items that could never pass."""
    items, specs, dropped = merged.items, merged.specs, merged.dropped
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
    at: At,
    item: ChecklistItem,
    key: str,
    ref: str,
    items: Mapping[str, ChecklistItem],
    spec: ItemSpec | None,
    dropped: Mapping[str, Node],
) -> None:
    """``ref`` in ``item.after``/``item.order`` must name another content item of the final checklist."""
    written_here = spec is not None and key in spec.nodes
    if ref in items and ref != item.id and not (items[ref].order and written_here):
        return
    if spec is None or not written_here:  # inherited: broken by a drop in this file
        where = dataclasses.replace(at, where=f"检查项 {ref}", prefix=f"items[{ref}].")
        where.fail(dropped.get(ref), f"删除的检查项仍被检查项 {quote(item.id)} 的 {quote(key)} 引用", "drop")
    node = spec.nodes[key]
    element = next((e for e in node.value if isinstance(e, ScalarNode) and e.value == ref), node)
    if ref == item.id:
        spec.at.fail(element, f"检查项不能在 {quote(key)} 中引用自己", key)
    if ref in items:
        spec.at.fail(element, f"{quote(key)} 中的 {quote(ref)} 是顺序检查项，没有可比较的证据", key)
    close = difflib.get_close_matches(ref, list(items), n=1)
    hint = (f"是否想写 {quote(close[0])}？" if close else "") + "可用的检查项：" + ", ".join(items)
    spec.at.fail(element, f"{quote(key)} 中的检查项 {quote(ref)} 不存在", key, hint)


def _check_satisfiable(item: ChecklistItem, spec: ItemSpec) -> None:
    """An item this file defines or changes must be able to pass, and use every cue it gives.

    Mirrors how ``validator/engine/items.py`` looks: scope ``heading`` reads heading cues only;
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
            spec.nodes.get(name, spec.nodes.get("scope", spec.node)), f"{why}，{quote(name)} 不会被使用", name
        )
    if not (heading_cues or paragraph_cues or item.order):
        hint = "请给出 headings、heading_patterns、paragraphs、paragraph_patterns 或 order"
        spec.at.fail(spec.node, "检查项没有任何线索，永远不会通过", "headings", hint)
    available = len(cues.paragraphs) + len(cues.paragraph_patterns)
    if not item.order and cues.min_evidence > 1 and cues.min_evidence > available:
        message = f'"min_evidence" 为 {cues.min_evidence}，但段落线索只有 {available} 条，永远不会满足'
        spec.at.fail(spec.nodes.get("min_evidence", spec.node), message, "min_evidence")


def _check_after_cycles(at: At, items: Mapping[str, ChecklistItem], specs: Mapping[str, ItemSpec]) -> None:
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
