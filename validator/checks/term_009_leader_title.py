"""TERM-009 领导人称谓（the leader's title）

正式文稿中称“习近平总书记”，不用“习总书记”“习总”这类口语简称。“学习总书记重要讲话”中的
“习总”属于“学习”一词，不报告。

合格：

    认真学习贯彻习近平总书记重要讲话精神。

不合格：

    认真学习贯彻习总书记重要讲话精神。

Formal text names the leader in full: 习近平总书记, never 习总书记 or 习总.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.model import Severity, Text
from validator.rule import Rule, RuleContext, Violation

from ._formulations import variant_violations

CODE = "TERM-009"
NAME = "leader-title"
SEVERITY: Severity = "error"
SOURCE = "编辑惯例（领导人姓名职务表述）"
OPTIONS: dict[str, object] = {}
FIX = "unsafe"  # the fixes this rule attaches (validator.fix)


def check(context: RuleContext) -> Iterator[Violation]:
    yield from variant_violations(context, CODE, fix="unsafe")  # wording: applied on request


RULE = Rule(
    code=CODE,
    name=NAME,
    severity=SEVERITY,
    summary=Text("领导人称谓使用简称", "Leader referred to by an informal short title"),
    source=SOURCE,
    check=check,
    options=OPTIONS,
    doc=__doc__ or "",
    fix=FIX,
)
