"""TIME-003 提及报告年度之后才出现的会议或提法（anachronism）

年度报告最迟在次年1月31日前报送，所以一份 2022 年度报告不可能提到 2024 年才开展的
党纪学习教育，也不可能提到 2023 年10月才提出的习近平文化思想。出现这类“穿越”，几乎总是
把别的年度、别的单位的稿子拼了进来，或者标题、导语的年份写错了。会议、学习教育和重要
提法的时间见数据包 ``rules/data/timeline.yaml``；其中依据不足（``confidence: low``）的条目
只作提示，报告年度只来自 ``report_year`` 设置、正文未写年度时最多报警告。报告年度未知时
不检查。

合格：

    青山县统计局党组2024年落实全面从严治党主体责任情况报告
    下一步，我们将认真学习贯彻二十届中央纪委四次全会精神。

不合格：

    青山县统计局党组2022年落实全面从严治党主体责任情况报告
    扎实开展党纪学习教育，深入学习习近平文化思想。

A report on year Y is due by 31 January of Y+1, so it cannot mention a meeting, campaign or
term that dates from later; when it does, text from another report was pasted in or the year
is wrong.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.model import Severity, Text
from validator.rule import RuleContext, Violation, rule

from ._text import span_in
from ._timeline import Event, cap, deadline, find_events, timeline, year_is_stated


@rule(
    code="TIME-003",
    name="anachronism",
    severity="error",
    summary=Text(
        "提及报告年度之后才出现的会议或提法", "Mentions a meeting or term from after the report year"
    ),
    source="《党委（党组）落实全面从严治党主体责任规定》第三章（次年1月31日前报告）；rules/data/timeline.yaml",
)
def check(context: RuleContext) -> Iterator[Violation]:
    year = context.report_year
    if year is None:
        return
    latest = deadline(year)
    later = [event for event in timeline() if event.earliest > latest]
    ceiling: Severity = "error" if year_is_stated(context) else "warning"
    for paragraph, start, end, event in find_events(context.document, later):
        severity = cap("error" if event.sure else "info", ceiling)
        yield Violation(
            span_in(paragraph, start, end), _message(event, paragraph.text[start:end], year), severity
        )


def _message(event: Event, found: str, year: int) -> Text:
    unsure = "" if event.sure else "（该时间依据不足，请核实）"
    return Text(
        f"{year}年度报告提到“{found}”，而{event.name}始于{event.when}，晚于报告应报送的"
        f"{year + 1}年1月31日：请核对报告年度或是否混入了其他年度的文字{unsure}",
        f"a {year} report mentions {found}, which dates from {event.when}, after the "
        f"report was due (31 January {year + 1}): check the year or text pasted from another report",
    )
