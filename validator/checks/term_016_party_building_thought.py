"""TERM-016 习近平党建思想（the newer name of the thought on Party building）

2026 年起公开报道中出现“习近平党建思想”的提法，与“习近平总书记关于党的建设的重要思想”
并用。本规则只在报告年份已知且不早于 2026 年时作出提示，两种写法都合格，请按上级最新文件统一。
（在 2026 年以前的报告中使用新提法，由时间一致性规则判断。）

合格：

    深入学习贯彻习近平党建思想。

不合格：

    （2026 年度报告，提示）深入学习贯彻习近平总书记关于党的建设的重要思想。

From report year 2026 on, the newer name 习近平党建思想 may be used; this is a hint, never a defect.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.model import Severity, Text
from validator.rule import Rule, RuleContext, Violation

from ._formulations import variant_violations

CODE = "TERM-016"
NAME = "party-building-thought"
SEVERITY: Severity = "info"
SOURCE = "2026 年公开报道（习近平党建思想，待官方文件核实）"
OPTIONS: dict[str, object] = {}


def check(context: RuleContext) -> Iterator[Violation]:
    yield from variant_violations(context, CODE)


RULE = Rule(
    code=CODE,
    name=NAME,
    severity=SEVERITY,
    summary=Text("可用新提法“习近平党建思想”", "The newer name 习近平党建思想 is available"),
    source=SOURCE,
    check=check,
    options=OPTIONS,
    doc=__doc__ or "",
)
