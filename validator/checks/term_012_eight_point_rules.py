"""TERM-012 中央八项规定（及其实施细则）精神（the central eight-point rules）

规范表述是“中央八项规定精神”或“中央八项规定及其实施细则精神”。“中央八项规定实施细则精神”
漏了“及其”，意思变成细则的精神（警告）；“八项规定精神”漏了“中央”、“八项规定及实施细则”
漏了“其”，属于不够规范（提示）。

合格：

    严格落实中央八项规定及其实施细则精神。

不合格：

    严格落实中央八项规定实施细则精神。

The wording is 中央八项规定（及其实施细则）精神: 及其 is not dropped (warning), nor is 中央 (info).
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.model import Severity, Text
from validator.rule import Rule, RuleContext, Violation

from ._formulations import variant_violations

CODE = "TERM-012"
NAME = "eight-point-rules"
SEVERITY: Severity = "warning"
SOURCE = "中央文献规范表述（中央八项规定及其实施细则精神）；编辑惯例"
OPTIONS: dict[str, object] = {}


def check(context: RuleContext) -> Iterator[Violation]:
    yield from variant_violations(context, CODE)


RULE = Rule(
    code=CODE,
    name=NAME,
    severity=SEVERITY,
    summary=Text("“中央八项规定精神”表述不规范", "Non-standard wording of the eight-point rules"),
    source=SOURCE,
    check=check,
    options=OPTIONS,
    doc=__doc__ or "",
)
