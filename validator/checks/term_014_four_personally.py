"""TERM-014 “四个亲自”的措辞（the four “personally” duties）

《党委（党组）落实全面从严治党主体责任规定》要求书记“重要工作亲自部署、重大问题亲自过问、
重点环节亲自协调、重要案件亲自督办”。常见的改字（关键环节、重大案件……）只作提示；“重要环节
亲自协调”见于 2014 年的讲话，同样接受。只报告数据包中列出的改字，“巡察工作亲自部署”之类的
普通说法不报告。

合格：

    书记坚持重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要案件亲自督办。

不合格：

    书记坚持重要工作亲自部署、重大问题亲自过问、关键环节亲自协调、重大案件亲自督办。

The secretary's four duties keep the regulation's wording (重点环节, 重要案件 …).
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.model import Severity, Text
from validator.rule import Rule, RuleContext, Violation

from ._formulations import variant_violations

CODE = "TERM-014"
NAME = "four-personally"
SEVERITY: Severity = "info"
SOURCE = "《党委（党组）落实全面从严治党主体责任规定》第三章（书记“四个亲自”）"
OPTIONS: dict[str, object] = {}


def check(context: RuleContext) -> Iterator[Violation]:
    yield from variant_violations(context, CODE)


RULE = Rule(
    code=CODE,
    name=NAME,
    severity=SEVERITY,
    summary=Text("“四个亲自”措辞与规定不一致", "Wording of the four personal duties differs"),
    source=SOURCE,
    check=check,
    options=OPTIONS,
    doc=__doc__ or "",
)
