"""A checklist's rule options, held to the options each rule declares (names and types).

Rule options are read from YAML as plain strings, numbers and booleans, so a checklist may
write ``min_chars: "abc"`` or a name no rule knows (``bogus: true``). Either used to be
accepted: the first crashed the rule on the first report (``int("abc")``), the second was
silently ignored, hiding a typo. Both are now a configuration error, found before any file is
checked, naming the checklist, the rule and the option.

A rule's default options say what it accepts: an option must be one of their names, and its
value must have the default's type (an ``int`` default takes a whole number, a ``float`` one
any finite number, a list one a list).
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from validator.errors import ConfigError
from validator.model import Checklist
from validator.rule import Rule

__all__ = ["check_rule_options"]

_TYPE_NAMES = {bool: "布尔值", int: "整数", float: "数", str: "字符串", tuple: "列表", list: "列表"}


def check_rule_options(checklist: Checklist, rules: Mapping[str, Rule]) -> None:
    """Raise ``ConfigError`` for the first option of ``checklist`` its rule does not declare or type."""
    for setting in checklist.rules:
        rule = rules.get(setting.code)
        if rule is None:
            continue  # an unknown code is the checklist reader's error, reported with its line
        for name, value in setting.options:
            key = f"rules.{setting.code}.options.{name}"
            if name not in rule.options:
                known = "、".join(sorted(rule.options)) or "无"
                raise ConfigError(
                    f"规则 {setting.code} 没有选项 {name}（可用：{known}）", path=checklist.origin, key=key
                )
            expected = type(rule.options[name])
            if not _fits(value, expected):
                what = _TYPE_NAMES.get(expected, expected.__name__)
                raise ConfigError(
                    f"规则 {setting.code} 的选项 {name} 应为{what}，实际是 {_shown(value)}",
                    path=checklist.origin,
                    key=key,
                )


def _fits(value: object, expected: type) -> bool:
    if expected is bool:
        return isinstance(value, bool)
    if expected is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if expected is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
    if expected in (tuple, list):
        return isinstance(value, (tuple, list))
    return isinstance(value, expected)


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:40] + "…"
