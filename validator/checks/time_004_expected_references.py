"""TIME-004 未提及本年度的重要会议或学习教育（expected references for the year missing）

每一年都有全党性的重要会议和学习教育，当年的年度报告通常会写到：2023 年的学习贯彻习近平
新时代中国特色社会主义思想主题教育，2024 年的党纪学习教育和二十届三中全会，2025 年的深入
贯彻中央八项规定精神学习教育和二十届四中全会。一份报告一个也没提，可能是沿用了旧稿，也可能
只是写法不同，所以只作提示。每年应提及的内容见数据包 ``rules/data/timeline.yaml``
（``expected_in``）。报告年度未知时不检查。

合格：

    青山县统计局党组2024年落实全面从严治党主体责任情况报告
    2024年，局党组深入学习贯彻党的二十大和二十届三中全会精神，扎实开展党纪学习教育。

不合格：

    青山县统计局党组2024年落实全面从严治党主体责任情况报告
    2024年，局党组深入学习贯彻党的二十大精神，扎实开展理论学习。

Each year has its Party-wide meetings and education campaigns that the year's report usually
mentions; a report that mentions none of them may reuse old text. Information only.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.model import Document, Span, Text
from validator.rule import RuleContext, Violation, rule

from ._text import lazy, span_in
from ._timeline import mentioned, timeline

_year = lazy(r"(20[0-9]{2})\s*年")


@rule(
    code="TIME-004",
    name="expected-references",
    severity="info",
    summary=Text("未提及本年度的重要会议或学习教育", "The year's key meetings or campaigns not mentioned"),
    source="年度重要会议与学习教育时间表（数据包 rules/data/timeline.yaml）",
)
def check(context: RuleContext) -> Iterator[Violation]:
    year = context.report_year
    if year is None:
        return
    expected = [event for event in timeline() if year in event.expected_in]
    if not expected:
        return
    missing = [event.name for event in expected if not mentioned(context.document, event)]
    if missing:
        names = "".join(f"“{name}”" for name in missing)
        yield Violation(
            _where(context.document, year),
            Text(
                f"{year}年度报告未提及{names}，请核对是否遗漏了本年度的重要会议或学习教育",
                f"the {year} report does not mention {', '.join(missing)}; check for the year's "
                "key meetings and campaigns",
            ),
        )


def _where(document: Document, year: int) -> Span:
    """The year in the title (or the opening paragraph that states it), else the report's start."""
    for paragraph in document.paragraphs[:5]:
        if paragraph.kind not in ("title", "body"):
            continue
        for match in _year().finditer(paragraph.text):
            if int(match.group(1)) == year:
                return span_in(paragraph, match.start(), match.end())
    first = document.paragraphs[0] if document.paragraphs else None
    return span_in(first, 0, 1) if first else Span.on_line(1, 1, 2)
