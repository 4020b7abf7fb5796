"""TERM-010 中央纪委的规范简称（the standard short name of the CCDI）

中国共产党中央纪律检查委员会的规范简称是“中央纪委”（中央纪委国家监委），不写“中纪委”；
全会简称写作“十九届中央纪委五次全会”，不写“第五次全会”。“工作中纪委……”一类“中”是方位词
的，不报告。

合格：

    认真学习十九届中央纪委五次全会精神。

不合格：

    认真学习十九届中纪委第五次全会精神。

Formal text writes 中央纪委, not 中纪委, and 中央纪委五次全会, not 第五次全会.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.model import Severity, Text
from validator.rule import Rule, RuleContext, Violation

from ._formulations import variant_violations

CODE = "TERM-010"
NAME = "ccdi-name"
SEVERITY: Severity = "warning"
SOURCE = "编辑惯例（机构名称规范简称）"
OPTIONS: dict[str, object] = {}
FIX = "unsafe"  # the fixes this rule attaches (validator.fix)


def check(context: RuleContext) -> Iterator[Violation]:
    yield from variant_violations(context, CODE, fix="unsafe")  # wording: applied on request


RULE = Rule(
    code=CODE,
    name=NAME,
    severity=SEVERITY,
    summary=Text("中央纪委名称不规范", "Non-standard short name of the CCDI"),
    source=SOURCE,
    check=check,
    options=OPTIONS,
    doc=__doc__ or "",
    fix=FIX,
)
