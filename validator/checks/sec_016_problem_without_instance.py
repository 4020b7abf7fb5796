"""SEC-016 查摆的问题没有具体事例（a problem aspect with no concrete instance）

对照检查材料查摆问题要“见人见事”：每个方面都要有具体事例，通常以“比如”“例如”“如，”
“具体表现在”引出。只有“学习不够深入”“担当不够”之类的判断、没有事例的方面，审阅者会认为
是泛泛而谈、千篇一律。本规则只看 ``self-review`` 清单的材料，逐一检查“查摆的问题”部分的
每个方面：有下级标题时每个下级标题是一个方面，否则每个“一是、二是…”是一个方面。

合格：

    （一）在强化政治忠诚方面。对党中央决策部署的学习领会还不够深入，比如对审计领域新要求
    的传达停留在会议层面。

不合格：

    （二）在担当作为方面。攻坚克难的劲头有所减弱，担当精神不够强。

Each aspect of the problems found should give an instance (比如, 例如, 如，, 具体表现在).
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.model import Text
from validator.rule import RuleContext, Violation, rule

from ._parts import aspects, self_review_problems
from ._text import lazy

_instance = lazy(r"比如|例如|譬如|再如|如[，,：:]|具体表现(为|在)|主要表现(为|在)|表现在")


@rule(
    code="SEC-016",
    name="problem-without-instance",
    severity="warning",
    summary=Text("查摆的问题没有具体事例", "Problem aspect with no concrete instance"),
    source="中共中央办公厅年度民主生活会通知（“见人见事见思想”）；编辑惯例",
)
def check(context: RuleContext) -> Iterator[Violation]:
    part = self_review_problems(context.document, context.evidence)
    for aspect in aspects(context.document, part):
        if not _instance().search(aspect.text):
            zh = f"“{aspect.label}”没有具体事例（比如、例如、具体表现在…）"
            en = f"'{aspect.label}' gives no concrete instance (比如, 例如 …)"
            yield Violation(aspect.span, Text(zh, en))
