"""SEC-017 整改数字前后不符（rectification counts that do not agree）

巡视（巡察）整改进展情况报告和通报常写“反馈的36个问题已完成整改30个，完成率83.3%”。
已完成的不能多于问题总数，完成率要与两个数字相符：这些数字会被公开，也会被上级逐项核对。
本规则只看 ``inspection-rectification`` 清单的材料，在同一段中找问题总数、已完成数和完成率：
已完成数大于总数，或完成率与“已完成数 ÷ 总数”相差超过四舍五入的误差时提出警告。

合格：

    截至目前，巡察反馈的36个问题已完成整改30个，完成率83.3%。

不合格：

    巡察反馈问题共14个，已完成整改16个，完成率85.7%。

In a rectification report, the number completed must not exceed the number of problems, and a
completion rate must match the two counts (within rounding).
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.model import Paragraph, Text
from validator.rule import RuleContext, Violation, rule

from ._text import lazy, span_in

RECTIFICATION_ITEM = "rectification"  # only the inspection-rectification checklist has it
_UNIT = r"\s*(?:个|项|条|件)"
_total = lazy(
    r"(?:共|梳理|反馈|指出|交办|认领|移交|查找|查摆)[^。；，,]{0,16}?(?:问题|任务|事项)[^。；，,0-9]{0,4}?(?P<n>[0-9]+)"
    + _UNIT
    + r"|(?:反馈|交办|指出|梳理|移交)(?:的)?(?P<n2>[0-9]+)"
    + _UNIT
    + r"(?:具体)?(?:问题|任务|事项)"
)
_done = lazy(
    r"(?:已|已经)(?:全部)?(?:完成整改|完成|整改完成|整改到位|办结|销号)(?:整改)?[^。；，,0-9]{0,4}?(?P<m>[0-9]+)"
    + _UNIT
    + r"|(?P<m2>[0-9]+)"
    + _UNIT
    + r"(?:问题|任务|事项)?(?:已|已经)(?:完成|整改|办结)"
)
_rate = lazy(r"(?:完成率|整改率|办结率|销号率)[^。；0-9]{0,3}(?P<p>[0-9]+(?:\.[0-9]+)?)\s*[%％]")


@rule(
    code="SEC-017",
    name="rectification-counts",
    severity="warning",
    summary=Text("整改数字前后不符", "Rectification counts that do not agree"),
    source="《中国共产党巡视工作条例》第三十八条（整改情况公开）；编辑惯例",
)
def check(context: RuleContext) -> Iterator[Violation]:
    if not context.evidence.get(RECTIFICATION_ITEM):
        return
    for paragraph in context.document.paragraphs:
        if paragraph.kind in ("body", "heading", "enum"):
            yield from _judge(paragraph)


def _judge(paragraph: Paragraph) -> Iterator[Violation]:
    text = paragraph.text
    total = _total().search(text)
    if total is None:
        return
    done = _done().search(text, total.end())
    if done is None:
        return
    found, completed = int(total.group("n") or total.group("n2")), int(done.group("m") or done.group("m2"))
    if completed > found:
        zh = f"已完成 {completed} 个，多于问题总数 {found} 个"
        yield Violation(
            span_in(paragraph, done.start(), done.end()), Text(zh, f"{completed} completed of {found}")
        )
        return
    rate = _rate().search(text, done.end())
    if rate is None or found == 0:
        return
    from decimal import Decimal  # here: few reports state a completion rate, and decimal costs 1 ms to import

    stated = Decimal(rate.group("p"))
    exact = Decimal(completed * 100) / Decimal(found)
    places = -stated.as_tuple().exponent  # type: ignore[operator]
    tolerance = Decimal(5) / Decimal(10) ** (int(places) + 1) + Decimal("0.001")
    if abs(exact - stated) > tolerance:
        zh = f"完成率 {stated}% 与 {completed}÷{found}={exact:.1f}% 不符"
        en = f"completion rate {stated}% does not match {completed}/{found} = {exact:.1f}%"
        yield Violation(span_in(paragraph, rate.start("p"), rate.end()), Text(zh, en))
