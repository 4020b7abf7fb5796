"""TERM-011 固定提法中的“新时代”（新时代, not 新时期）

党的十九大以来，“新时代党的建设总要求”“新时代党的组织路线”“新时代好干部标准”等提法中一律
用“新时代”；沿用“新时期”是过时表述。2018 年以前的报告（报告年份已知时）不报告。提法清单见
数据包 ``rules/data/formulations.yaml``。

合格：

    全面贯彻新时代党的建设总要求，坚持新时代好干部标准。

不合格：

    全面贯彻新时期党的建设总要求，坚持新时期好干部标准。

Since the 19th Congress these fixed terms say 新时代 (new era), not 新时期 (new period).
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.model import Severity, Text
from validator.rule import Rule, RuleContext, Violation

from ._formulations import variant_violations

CODE = "TERM-011"
NAME = "new-era"
SEVERITY: Severity = "error"
SOURCE = "党的十九大报告、二十大报告（新时代党的建设总要求、新时代党的组织路线、新时代好干部标准）"
OPTIONS: dict[str, object] = {}
FIX = "unsafe"  # the fixes this rule attaches (validator.fix)


def check(context: RuleContext) -> Iterator[Violation]:
    yield from variant_violations(context, CODE, fix="unsafe")  # wording: applied on request


RULE = Rule(
    code=CODE,
    name=NAME,
    severity=SEVERITY,
    summary=Text("固定提法仍用“新时期”", "Outdated 新时期 in a fixed term"),
    source=SOURCE,
    check=check,
    options=OPTIONS,
    doc=__doc__ or "",
    fix=FIX,
)
