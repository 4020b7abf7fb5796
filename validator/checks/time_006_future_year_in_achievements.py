"""TIME-006 工作成效中出现报告年度之后的年份（achievements mention a later year）

“主要工作及成效”写的是报告年度已经做成的事，一般不会出现之后的年份。出现了，有时是合理的
——评审在年底进行的项目常以下一年度命名（获批2024年度……精品项目）——有时则是别的年度的文字
混了进来，所以只作提示，请人工核对。以下情形不提示：
“获批／入选／荣获2024年度……”这类以年度命名的奖项和项目，年份区间（2019—2023年），书名号内的
文件名，“到2035年”“2035年远景目标”之类的目标年份。“存在的问题”和“下一步打算”部分不检查
（下一步本来就写将来）。报告年度未知时不检查。

合格：

    2023年以来，局党组扎实推进理论武装，获批2024年度全市机关党建精品项目1项。

不合格：

    2023年以来，局党组扎实推进理论武装。2024年3月，组织开展专题读书班。

Achievements are what was done in the report year; a later year there is sometimes legitimate
(awards named after the next year) and sometimes text from another report. Information only.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.model import Text
from validator.rule import RuleContext, Violation, rule

from ._text import lazy, span_in
from ._timeline import achievements, book_titles, inside, join

_year = lazy(r"20[0-9]{2}(?=\s*年)")  # no lookbehind: it would slow the scan tenfold
_range_before = lazy(r"20[0-9]{2}\s*年?\s*[-—–－~～至到]+\s*$")
_range_after = lazy(r"\s*年?\s*[-—–－~～至到]+\s*20[0-9]{2}")
_target_before = lazy(r"(?:到|至|截至|截止|力争|争取|预计|计划)\s*$")
_target_after = lazy(r"\s*年(?:远景|目标|愿景|前后)")
# Awards and projects named after the next year: 获批2024年度…项目, 入选2024年度…名师
_award_before = lazy(r"(?:获批|获评|获得|荣获|获|入选|评为|评选为|列入|纳入)\s*$")
_year_of_award = lazy(r"\s*年度")


@rule(
    code="TIME-006",
    name="future-year-in-achievements",
    severity="info",
    summary=Text("工作成效中出现报告年度之后的年份", "Achievements mention a year after the report year"),
    source="编辑惯例",
)
def check(context: RuleContext) -> Iterator[Violation]:
    year = context.report_year
    if year is None:
        return
    joined = join(achievements(context))
    for match in _year().finditer(joined.text):
        stated = int(match.group(0))
        if stated <= year or (match.start() and joined.text[match.start() - 1].isdigit()):
            continue
        paragraph, start = joined.locate(match.start())
        text = paragraph.text
        if inside(start, book_titles(text)) or _plan_or_range(text, start, start + 4):
            continue
        yield Violation(
            span_in(paragraph, start, text.index("年", start) + 1),
            Text(
                f"工作成效中出现“{stated}年”，晚于报告年度{year}年：如是以下一年度命名的项目或奖项"
                "可以忽略，否则请核对是否混入了其他年度的文字",
                f"the achievements mention {stated}, after the report year {year}: fine for awards "
                "named after the next year, otherwise check for text from another report",
            ),
        )


def _plan_or_range(text: str, start: int, end: int) -> bool:
    """A range (2019—2023年), a target (到2035年, 2035年远景目标) or an award (获批2024年度…)."""
    before = text[max(0, start - 12) : start]
    return bool(
        _range_before().search(before)
        or _range_after().match(text, end)
        or _target_before().search(before)
        or _target_after().match(text, end)
        or (_award_before().search(before) is not None and _year_of_award().match(text, end) is not None)
    )
