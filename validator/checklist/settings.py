"""A checklist's two settings sections, ``detect:`` and ``rules:``, merged over the parent's.

They merge differently from ``items:`` (see ``checklist.items``): in ``detect`` a key given
replaces the parent's whole list, while in ``rules`` each rule changes only the keys it gives,
and a rule's ``options`` merge by name. A rule code must be one of the codes the caller knows,
so that a typo is an error at load time rather than a setting that silently does nothing.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Collection

from yaml.nodes import MappingNode, Node, SequenceNode

from validator.checklist.values import RULE_KEYS, read_patterns, read_severity
from validator.model import Checklist, GenreDetection, RuleSetting
from validator.yaml_nodes import (
    At,
    check_keys,
    is_scalar,
    quote,
    read_bool,
    read_mapping,
    read_positive_int,
    read_scalar,
    wrong_type,
)


def read_detection(at: At, node: Node | None, parent: Checklist | None) -> GenreDetection:
    """``detect: {title: [...], text: [...]}``; a key given here replaces the parent's list."""
    inherited = parent.detection if parent else GenreDetection()
    if node is None:
        return inherited
    entries = read_mapping(at, node, "detect")
    check_keys(at, entries, ("title", "text", "min_cues"), "detect")
    title = read_patterns(at, entries["title"][1], "detect.title") if "title" in entries else None
    text = read_patterns(at, entries["text"][1], "detect.text") if "text" in entries else None
    cues = read_positive_int(at, entries["min_cues"][1], "detect.min_cues") if "min_cues" in entries else None
    return GenreDetection(
        title_patterns=inherited.title_patterns if title is None else title,
        text_patterns=inherited.text_patterns if text is None else text,
        min_cues=inherited.min_cues if cues is None else cues,
    )


def read_rules(
    at: At, node: Node | None, known_rules: Collection[str], parent: Checklist | None
) -> tuple[RuleSetting, ...]:
    """``rules: {CODE: true | false | {enabled, severity, options}}``, merged over the parent's."""
    settings = {setting.code: setting for setting in parent.rules} if parent else {}
    if node is None:
        return tuple(settings.values())
    for code, (key_node, value) in read_mapping(at, node, "rules").items():
        if code not in known_rules:
            close = difflib.get_close_matches(code, known_rules, n=3)
            hint = (
                "是否想写 " + "、".join(map(quote, close)) + "？" if close else _known_rules_hint(known_rules)
            )
            at.fail(key_node, f"未知的规则代码 {quote(code)}", f"rules.{code}", hint)
        settings[code] = _rule_setting(at, value, f"rules.{code}", settings.get(code, RuleSetting(code)))
    return tuple(settings.values())


def _known_rules_hint(known_rules: Collection[str]) -> str:
    """The codes a ``rules:`` entry may name, the first twenty of them."""
    codes = sorted(known_rules)
    if not codes:
        return "当前没有可用的规则"
    shown = ", ".join(codes[:20])
    return f"可用的规则：{shown}" + (f" 等 {len(codes)} 条" if len(codes) > 20 else "")


def _rule_setting(at: At, node: Node, key: str, base: RuleSetting) -> RuleSetting:
    """One rule's setting; only the keys given change ``base`` (options merge by name)."""
    if is_scalar(node, "bool"):
        return dataclasses.replace(base, enabled=read_bool(at, node, key))
    if not isinstance(node, MappingNode):
        wrong_type(at, node, key, "true、false 或映射 {enabled, severity, options}")
    entries = read_mapping(at, node, key)
    check_keys(at, entries, RULE_KEYS, key)
    setting = base
    if "enabled" in entries:
        setting = dataclasses.replace(setting, enabled=read_bool(at, entries["enabled"][1], f"{key}.enabled"))
    if "severity" in entries:
        setting = dataclasses.replace(
            setting, severity=read_severity(at, entries["severity"][1], f"{key}.severity")
        )
    if "options" in entries:
        options = dict(setting.options) | _options(at, entries["options"][1], f"{key}.options")
        setting = dataclasses.replace(setting, options=tuple(sorted(options.items())))
    return setting


_OPTION = "字符串、数字、布尔值或它们的列表"


def _options(at: At, node: Node, key: str) -> dict[str, object]:
    """Rule options: strings, numbers and booleans, or lists of them (kept as tuples, so hashable)."""
    result: dict[str, object] = {}
    for name, (_, value) in read_mapping(at, node, key).items():
        if isinstance(value, SequenceNode):
            result[name] = tuple(
                read_scalar(at, element, f"{key}.{name}", _OPTION) for element in value.value
            )
        else:
            result[name] = read_scalar(at, value, f"{key}.{name}", _OPTION)
    return result
