"""TERM-007 习近平新时代中国特色社会主义思想的全称（the full name of the guiding thought）

党的指导思想的名称是“习近平新时代中国特色社会主义思想”，写作时不能缩略、漏字或改字：
“习近平新时代特色社会主义思想”“习近平中国特色社会主义思想”“习近平新时代中国特色社会主义
理论”都是政治性差错。习近平法治思想、习近平生态文明思想、习近平文化思想、习近平经济思想、
习近平强军思想、习近平外交思想、习近平总书记关于……的重要论述（重要思想）等是另外的正式
名称，不报告；旧称“习近平新时代中国特色社会主义经济思想（外交思想）”也不在本规则报告之列。

合格：

    坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想。

不合格：

    坚持以习近平新时代特色社会主义思想为指导。

The guiding thought is always named in full: 习近平新时代中国特色社会主义思想.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.model import Severity, Text
from validator.rule import Rule, RuleContext, Violation

from ._formulations import variant_violations

CODE = "TERM-007"
NAME = "thought-full-name"
SEVERITY: Severity = "error"
SOURCE = "中央文献规范表述（党章总纲）；编辑惯例"
OPTIONS: dict[str, object] = {}


def check(context: RuleContext) -> Iterator[Violation]:
    yield from variant_violations(context, CODE)


RULE = Rule(
    code=CODE,
    name=NAME,
    severity=SEVERITY,
    summary=Text("指导思想名称不完整或有误", "Guiding thought not named in full"),
    source=SOURCE,
    check=check,
    options=OPTIONS,
    doc=__doc__ or "",
)
