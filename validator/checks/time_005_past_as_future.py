"""TIME-005 下一步打算把本年度或更早的年份当作将来（next steps scheduled in the report year or earlier）

“下一步工作打算”写的是报告年度之后的安排：2023 年度报告的下一步应当是“2024年，将……”
或“新的一年”。下一步里出现“2023年，将……”“力争2023年底前完成”，说明这段文字是从上一年的
报告里搬过来的，年份没有改。本规则只看下一步部分里作时间状语的年份（句首或“在／于／力争／
争取……”之后，后接逗号或“将／要／计划／力争……”），不看“对照2023年巡视反馈问题”这类名词
性的年份。报告年度未知或找不到下一步部分时不检查。

合格：

    下一步，局党组将坚持问题导向。2024年，将重点抓好理论学习中心组学习。

不合格：

    下一步，局党组将坚持问题导向。2023年，将重点抓好理论学习中心组学习。

The next steps look ahead: in a 2023 report, "in 2023 we will…" is last year's plan left
unchanged.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.model import Text
from validator.rule import RuleContext, Violation, rule

from ._text import lazy, span_in
from ._timeline import CLAUSE_STOPS, bounds, next_steps

# A year used as a time adverbial: 2023年，将… / 力争2023年底前… / 在2023年要…
_year = lazy(r"(20[0-9]{2})\s*年(?:度)?(?:底|末|内|上半年|下半年)?前?")
# What may stand between the clause start and the year (在2023年, 力争2023年底前), and the words
# among them that already say "future".
_lead_in = lazy(r"\s*(?:(?:在|于|到|至|力争|争取|确保|计划|预计|拟|并|同时|今后)\s*)*")
_future_lead_in = lazy(r"力争|争取|确保|计划|预计|拟")
# Otherwise a future word must follow soon, in the same sentence: 2023年，将… / 2023年要…
_future_after = lazy(r"[^。；！？]{0,12}?(?:将|要|计划|拟|力争|争取|确保|着力|继续)")


@rule(
    code="TIME-005",
    name="past-as-future",
    severity="warning",
    summary=Text(
        "下一步打算把本年度或更早的年份当作将来", "Next steps scheduled in the report year or earlier"
    ),
    source="编辑惯例",
)
def check(context: RuleContext) -> Iterator[Violation]:
    year = context.report_year
    if year is None:
        return
    for paragraph, offset in next_steps(context):
        text = paragraph.text
        if "年" not in text:
            continue
        for match in _year().finditer(text, offset):
            stated = int(match.group(1))
            if stated > year or not _future(text, match.start(), match.end(), offset):
                continue
            yield Violation(
                span_in(paragraph, match.start(), match.end()),
                Text(
                    f"下一步打算把“{match.group(0)}”当作将来，而报告年度是{year}年：请改为{year + 1}年"
                    "或“新的一年”",
                    f"the next steps plan for {stated}, but the report is on {year}: "
                    f"write {year + 1} or 新的一年",
                ),
            )


def _future(text: str, start: int, end: int, offset: int) -> bool:
    """The year opens its clause (after at most a lead-in such as 力争) and speaks of the future."""
    left = max(offset, bounds(text, start, end, CLAUSE_STOPS)[0])  # bisected: linear in the paragraph
    if _lead_in().fullmatch(text, left, start) is None:
        return False
    return bool(_future_lead_in().search(text, left, start) or _future_after().match(text, end))
