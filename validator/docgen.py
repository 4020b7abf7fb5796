"""Generate ``docs/rules.md`` from the rules' own metadata and docstrings.

The rule reference is written from the code, never by hand, so it cannot drift:
``tests/test_docs.py`` regenerates it and fails when the file differs. After
changing a rule, run ``python scripts/gen_rules_doc.py``.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable

from validator.rule import Rule

HEADER = """# 规则参考 · Rule reference

本文件由 `python scripts/gen_rules_doc.py` 根据各规则的元数据与文档字符串生成，请勿手工修改。
This file is generated from each rule's metadata and docstring; do not edit it by hand.

严重程度 · Severity: **error** 默认使检查失败 (fails `check` by default), **warning** 警告, **info** 提示.
用 `--select`/`--ignore` 或检查清单的 `rules:` 开关规则、调整严重程度。
修复 · Fix: **safe** 由 `check --fix` 自动修复 (applied by `--fix`), **unsafe** 改变措辞，
需加 `--unsafe-fixes` (wording), **mixed** 视情况而定 (some of each); 见 [fixes.md](fixes.md)。
"""

# How each kind of fix is applied, for the rule's section.
FIX_TEXT = {
    "safe": "safe：`check --fix` 自动修复 · applied by `check --fix`",
    "unsafe": "unsafe：改变措辞，`check --fix --unsafe-fixes` 才修复 · wording, with `--unsafe-fixes`",
    "mixed": "mixed：确定的情形 `check --fix` 修复，其余需 `--unsafe-fixes` · sure cases by `--fix`, "
    "the others with `--unsafe-fixes`",
}


def render_rules(rules: Iterable[Rule]) -> str:
    """The Markdown reference of ``rules``, sorted by code."""
    sections = [HEADER, _index(sorted(rules, key=lambda r: r.code))]
    sections.extend(_section(rule) for rule in sorted(rules, key=lambda r: r.code))
    return "\n".join(sections).rstrip("\n") + "\n"


def _index(rules: list[Rule]) -> str:
    rows = ["| 代码 Code | 名称 Name | 严重程度 | 修复 Fix | 说明 Summary |", "|---|---|---|---|---|"]
    rows.extend(
        f"| [{r.code}](#{r.code.lower()}) | `{r.name}` | {r.severity} | {r.fix or '—'} | "
        f"{r.summary.zh} · {r.summary.en} |"
        for r in rules
    )
    return "\n".join(rows) + "\n"


def _section(rule: Rule) -> str:
    lines = [
        f"## {rule.code}",
        "",
        f"**{rule.summary.zh}** · {rule.summary.en}  ",
        f"名称 name: `{rule.name}` · 默认严重程度 default severity: **{rule.severity}** · "
        f"依据 source: {rule.source}",
        "",
    ]
    if rule.fix:
        lines.append(f"修复 fix: {FIX_TEXT.get(rule.fix, rule.fix)}")
        lines.append("")
    if rule.options:
        lines.append("选项 options: " + ", ".join(f"`{k}` = `{v!r}`" for k, v in rule.options.items()))
        lines.append("")
    lines.append(inspect.cleandoc(rule.doc))
    lines.append("")
    return "\n".join(lines)
