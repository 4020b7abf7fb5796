"""TERM-003 “四个意识”的规范表述（the four consciousnesses）

“四个意识”是政治意识、大局意识、核心意识、看齐意识，顺序固定；规范搭配是“增强”“树牢”
（牢固树立），不能“坚定”“做到”“捍卫”“拥护”。逐项列出时顺序颠倒（大局意识、政治意识……），
或动词用错，都属于政治性差错。

合格：

    增强“四个意识”，牢固树立政治意识、大局意识、核心意识、看齐意识。

不合格：

    坚定“四个意识”，增强大局意识、政治意识、核心意识、看齐意识。

The four consciousnesses are strengthened (增强, 树牢), not “made firm”, and are listed in the order
政治、大局、核心、看齐.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.model import Severity, Text
from validator.rule import Rule, RuleContext, Violation

from ._formulations import series_violations, verb_violations

CODE = "TERM-003"
NAME = "four-consciousnesses"
SEVERITY: Severity = "error"
SOURCE = "中央文献规范表述（《党委（党组）落实全面从严治党主体责任规定》第三条）；编辑惯例"
OPTIONS: dict[str, object] = {}


def check(context: RuleContext) -> Iterator[Violation]:
    yield from verb_violations(context, CODE)
    yield from series_violations(context, CODE)


RULE = Rule(
    code=CODE,
    name=NAME,
    severity=SEVERITY,
    summary=Text("“四个意识”搭配或顺序不当", "Wrong verb or order for “四个意识”"),
    source=SOURCE,
    check=check,
    options=OPTIONS,
    doc=__doc__ or "",
)
