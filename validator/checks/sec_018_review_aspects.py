"""SEC-018 对照检查未按当年规定的方面查摆（aspects the year's notice fixes）

每年的民主生活会，中央的通知都规定查摆的方面（2022 年度“六个带头”，2025 年度“五个带头”
……），对照检查材料的“查摆的问题”部分要逐一对照这些方面。本规则只看 ``self-review`` 清单的
材料：按标题或导语中的年度，从数据文件 ``rules/data/self_review_aspects.yaml`` 取当年的方面，
问题部分没有提到的方面逐一列出（警告）。数据文件中没有该年度、或材料看不出年度时，只给出
一条提示（info），说明未能核对——这不是材料的错。

合格（2022 年度）：

    （一）在带头深刻领悟“两个确立”的决定性意义、坚决做到“两个维护”方面。……
    （二）在带头学习贯彻习近平新时代中国特色社会主义思想方面。……（六个方面逐一查摆）

不合格（2022 年度）：

    （一）在理论学习方面。……
    （二）在工作作风方面。……（没有对照“六个带头”）

The problems part of a self-examination material follows the aspects that year's central
notice fixes (a data file per year); a year with no data gives an info finding only.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from validator.datapack import data_cache, load_data
from validator.model import Text
from validator.rule import RuleContext, Violation, rule
from validator.safe_regex import SafePattern, compile_lazy

from ._parts import self_review_problems


@rule(
    code="SEC-018",
    name="review-aspects",
    severity="warning",
    summary=Text("对照检查未按当年规定的方面查摆", "Aspects the year's notice fixes"),
    source="中共中央办公厅关于召开年度民主生活会的通知（rules/data/self_review_aspects.yaml）",
)
def check(context: RuleContext) -> Iterator[Violation]:
    part = self_review_problems(context.document, context.evidence)
    if not part:
        return
    year = context.report_year
    aspects = _aspects().get(year) if year is not None else None
    if aspects is None:
        known = "、".join(str(y) for y in sorted(_aspects()))
        zh = (
            f"没有{year}年度民主生活会查摆方面的数据（已有：{known}），未核对查摆的方面"
            if year
            else "看不出材料的年度，未核对查摆的方面"
        )
        en = (
            f"no data on the aspects for {year}; aspects not checked"
            if year
            else "no year found; aspects not checked"
        )
        yield Violation(part[0].span, Text(zh, en), "info")
        return
    text = "".join(paragraph.text for paragraph in part)
    missing = [label for label, cues in aspects if not any(cue.search(text) for cue in cues)]
    if missing:
        zh = f"查摆的问题未对照{year}年度规定的方面：" + "；".join(missing)
        en = f"problems not examined under {len(missing)} of the {year} aspects"
        yield Violation(part[0].span, Text(zh, en))


@data_cache
def _aspects() -> dict[int, list[tuple[str, list[SafePattern]]]]:
    data: dict[str, Any] = load_data("self_review_aspects")
    aspects = {}
    for year, spec in data["years"].items():
        aspects[int(year)] = [(a["label"], [compile_lazy(cue) for cue in a["cues"]]) for a in spec["aspects"]]
    return aspects
