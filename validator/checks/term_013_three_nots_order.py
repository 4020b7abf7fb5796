"""TERM-013 “三不腐”的顺序（the order of 不敢腐、不能腐、不想腐）

“一体推进不敢腐、不能腐、不想腐”的顺序固定：不敢腐、不能腐、不想腐。逐项列出时顺序颠倒属于
政治性差错；分开论述（强化不敢腐的震慑……扎紧不能腐的笼子）不算列举，不报告。

合格：

    一体推进不敢腐、不能腐、不想腐。

不合格：

    一体推进不能腐、不敢腐、不想腐。

The three goals are always listed as 不敢腐、不能腐、不想腐.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.model import Severity, Text
from validator.rule import Rule, RuleContext, Violation

from ._formulations import series_violations

CODE = "TERM-013"
NAME = "three-nots-order"
SEVERITY: Severity = "error"
SOURCE = "中央文献规范表述（一体推进不敢腐、不能腐、不想腐）"
OPTIONS: dict[str, object] = {}


def check(context: RuleContext) -> Iterator[Violation]:
    yield from series_violations(context, CODE)


RULE = Rule(
    code=CODE,
    name=NAME,
    severity=SEVERITY,
    summary=Text("“不敢腐、不能腐、不想腐”顺序颠倒", "不敢腐、不能腐、不想腐 out of order"),
    source=SOURCE,
    check=check,
    options=OPTIONS,
    doc=__doc__ or "",
)
