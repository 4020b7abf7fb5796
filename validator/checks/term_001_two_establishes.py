"""TERM-001 “两个确立”的规范表述（the two establishments）

“两个确立”指确立习近平同志党中央的核心、全党的核心地位，确立习近平新时代中国特色社会主义
思想的指导地位。它是已经作出的历史结论，规范搭配是“深刻领悟‘两个确立’的决定性意义”“坚定
拥护‘两个确立’”“捍卫‘两个确立’”，不能“做到”“增强”“树立”“落实”；也不能写成“两个确定”
“二个确立”。这类差错属于政治性差错，审阅者必定退回。搭配词与错误写法见数据包
``rules/data/formulations.yaml``；“两个确立”后接“的”时（做到“两个确立”的……）动词另有宾语，
不报告。

合格：

    深刻领悟“两个确立”的决定性意义，坚定拥护“两个确立”。

不合格：

    坚决做到“两个确立”，牢记“两个确定”。

The “two establishments” are upheld (拥护, 捍卫) and understood (领悟), never “achieved” (做到) or
“strengthened” (增强), and never written 两个确定.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.model import Severity, Text
from validator.rule import Rule, RuleContext, Violation

from ._formulations import variant_violations, verb_violations

CODE = "TERM-001"
NAME = "two-establishes"
SEVERITY: Severity = "error"
SOURCE = "中央文献规范表述（党的十九届六中全会决议、二十大报告）；编辑惯例"
OPTIONS: dict[str, object] = {}


def check(context: RuleContext) -> Iterator[Violation]:
    yield from verb_violations(context, CODE)
    yield from variant_violations(context, CODE)


RULE = Rule(
    code=CODE,
    name=NAME,
    severity=SEVERITY,
    summary=Text("“两个确立”搭配或写法不当", "Wrong verb or wording for “两个确立”"),
    source=SOURCE,
    check=check,
    options=OPTIONS,
    doc=__doc__ or "",
)
