"""TERM-005 “两个确立”“四个意识”“四个自信”“两个维护”的顺序（order of the political requirements）

这四项连用时，中央文件的顺序是：深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个
自信”、做到“两个维护”。同一句中连用而顺序颠倒，审阅者会要求改正。相隔较远（超过 16 个字）
或分属不同句子的不算连用。

合格：

    深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”。

不合格：

    做到“两个维护”、增强“四个意识”、坚定“四个自信”。

Listed together, the requirements keep the order 两个确立 → 四个意识 → 四个自信 → 两个维护.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.model import Severity, Text
from validator.rule import Rule, RuleContext, Violation

from ._formulations import series_violations

CODE = "TERM-005"
NAME = "slogan-order"
SEVERITY: Severity = "warning"
SOURCE = "《党委（党组）落实全面从严治党主体责任规定》第三条；中央文献规范表述"
OPTIONS: dict[str, object] = {}


def check(context: RuleContext) -> Iterator[Violation]:
    yield from series_violations(context, CODE)


RULE = Rule(
    code=CODE,
    name=NAME,
    severity=SEVERITY,
    summary=Text("政治要求的顺序不当", "Political requirements out of their canonical order"),
    source=SOURCE,
    check=check,
    options=OPTIONS,
    doc=__doc__ or "",
)
