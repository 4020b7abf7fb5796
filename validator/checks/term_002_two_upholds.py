"""TERM-002 “两个维护”的规范表述（the two upholds）

“两个维护”指坚决维护习近平总书记党中央的核心、全党的核心地位，坚决维护党中央权威和集中统一
领导。《党委（党组）落实全面从严治党主体责任规定》第三条写作“做到‘两个维护’”；规范搭配是
“做到”“坚决做到”“践行”，不能“增强”“坚定”“树牢”“拥护”“捍卫”（那是“四个意识”“四个自信”
“两个确立”的动词），也不能写成“二个维护”。“两个维护”后接“的”时（增强“两个维护”的政治自觉）
动词另有宾语，不报告。

合格：

    坚决做到“两个维护”，增强“两个维护”的政治自觉。

不合格：

    不断增强“两个维护”，坚定“两个维护”。

The “two upholds” are practised (做到, 践行), not “strengthened” (增强) or “made firm” (坚定).
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.model import Severity, Text
from validator.rule import Rule, RuleContext, Violation

from ._formulations import variant_violations, verb_violations

CODE = "TERM-002"
NAME = "two-upholds"
SEVERITY: Severity = "error"
SOURCE = "中央文献规范表述（《党委（党组）落实全面从严治党主体责任规定》第三条）；编辑惯例"
OPTIONS: dict[str, object] = {}


def check(context: RuleContext) -> Iterator[Violation]:
    yield from verb_violations(context, CODE)
    yield from variant_violations(context, CODE)


RULE = Rule(
    code=CODE,
    name=NAME,
    severity=SEVERITY,
    summary=Text("“两个维护”搭配或写法不当", "Wrong verb or wording for “两个维护”"),
    source=SOURCE,
    check=check,
    options=OPTIONS,
    doc=__doc__ or "",
)
