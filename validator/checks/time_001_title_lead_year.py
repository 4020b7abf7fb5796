"""TIME-001 标题年份与导语年份一致（title year matches the lead's year）

年度报告的标题写明所报告的年度（…2023年落实全面从严治党主体责任情况报告），导语开头再写一次
（2023年，… / 2023年以来，…）。两处年份不一致，多半是套用上一年的报告只改了一处，审阅者
据此就会怀疑全文的数据和提法是否也是上一年的。标题写年度区间（2021—2023年）时，导语年份
落在区间内即可。

合格：

    青山县统计局党组2023年落实全面从严治党主体责任情况报告
    2023年以来，局党组坚持以习近平新时代中国特色社会主义思想为指导……

不合格：

    青山县统计局党组2023年落实全面从严治党主体责任情况报告
    2022年以来，局党组坚持以习近平新时代中国特色社会主义思想为指导……

The year in the title and the year the lead paragraph opens with must agree; a mismatch
usually means last year's report was reused and only one of them was updated.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.model import Document, Paragraph, Text
from validator.parse.reportyear import YEAR_TEXT, title_years, year_of
from validator.rule import RuleContext, Violation, rule

from ._text import lazy, span_in

_lead_year = lazy(rf"^{YEAR_TEXT}\s*年")
_lead_follower = lazy(r"(?:度|以来)?[，,]")


@rule(
    code="TIME-001",
    name="title-lead-year",
    severity="error",
    summary=Text("标题年份与导语年份不一致", "Title year differs from the lead's year"),
    source="编辑惯例",
)
def check(context: RuleContext) -> Iterator[Violation]:
    document = context.document
    title = title_years(document)
    lead = _opening(document) if title else None
    if title is None or lead is None:
        return
    (first, last), (paragraph, year, end) = title, lead
    if first <= year <= last:
        return
    shown = str(first) if first == last else f"{first}—{last}"
    yield Violation(
        span_in(paragraph, 0, end),
        Text(
            f"导语年份 {year} 年与标题年份 {shown} 年不一致，请核对是否套用了其他年度的报告",
            f"the lead says {year} but the title says {shown}; check for text reused from another year",
        ),
    )


def _opening(document: Document) -> tuple[Paragraph, int, int] | None:
    """The lead's opening year and where it ends: the first paragraph before the first heading
    that opens with 2023年， / 2023年以来， (an introduction may come before the lead proper)."""
    for paragraph in document.paragraphs:
        if paragraph.kind in ("heading", "enum"):
            return None
        match = _lead_year().match(paragraph.text) if paragraph.kind == "body" else None
        # 2023年全市… is a subject, not the year the lead reports on
        if match and _lead_follower().match(paragraph.text, match.end()):
            return paragraph, year_of(match.group(1)), match.end()
    return None
