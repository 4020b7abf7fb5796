"""TERM-004 “四个自信”的规范表述（the four confidences）

“四个自信”是中国特色社会主义道路自信、理论自信、制度自信、文化自信，规范搭配是“坚定”
（坚定“四个自信”），不写“牢固‘四个自信’”“树牢‘四个自信’”“做到‘四个自信’”；逐项列出时按
道路、理论、制度、文化的顺序。

合格：

    增强“四个意识”，坚定“四个自信”。

不合格：

    增强“四个意识”，牢固“四个自信”。

The four confidences are made firm (坚定), not 牢固, and are listed as 道路、理论、制度、文化.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.model import Severity, Text
from validator.rule import Rule, RuleContext, Violation

from ._formulations import series_violations, verb_violations

CODE = "TERM-004"
NAME = "four-confidences"
SEVERITY: Severity = "warning"
SOURCE = "中央文献规范表述（《党委（党组）落实全面从严治党主体责任规定》第三条）；编辑惯例"
OPTIONS: dict[str, object] = {}


def check(context: RuleContext) -> Iterator[Violation]:
    yield from verb_violations(context, CODE)
    yield from series_violations(context, CODE)


RULE = Rule(
    code=CODE,
    name=NAME,
    severity=SEVERITY,
    summary=Text("“四个自信”搭配或顺序不当", "Wrong verb or order for “四个自信”"),
    source=SOURCE,
    check=check,
    options=OPTIONS,
    doc=__doc__ or "",
)
