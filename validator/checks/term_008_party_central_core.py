"""TERM-008 以习近平同志为核心的党中央（the Party Central Committee with Comrade Xi Jinping at its core）

规范表述是“以习近平同志为核心的党中央”，不写“以习近平总书记为核心的党中央”“以习近平为核心
的党中央”，也不漏“的”。

合格：

    在以习近平同志为核心的党中央坚强领导下。

不合格：

    在以习近平总书记为核心的党中央坚强领导下。

The fixed wording is 以习近平同志为核心的党中央 (同志, not 总书记).
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.model import Severity, Text
from validator.rule import Rule, RuleContext, Violation

from ._formulations import variant_violations

CODE = "TERM-008"
NAME = "party-central-core"
SEVERITY: Severity = "error"
SOURCE = "中央文献规范表述；编辑惯例"
OPTIONS: dict[str, object] = {}


def check(context: RuleContext) -> Iterator[Violation]:
    yield from variant_violations(context, CODE)


RULE = Rule(
    code=CODE,
    name=NAME,
    severity=SEVERITY,
    summary=Text("“以习近平同志为核心的党中央”表述有误", "Wrong wording of 以习近平同志为核心的党中央"),
    source=SOURCE,
    check=check,
    options=OPTIONS,
    doc=__doc__ or "",
)
