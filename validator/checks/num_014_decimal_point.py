"""NUM-014 “1.”与“1．”混用（1. and 1． mixed）

三级序号的下脚点可以用半角“.”，也可以用全角“．”，但一份文稿应当统一。两种写法混在
一起，多半是从不同来源拼合的文字，排出来宽窄不一。本规则只作提示，每份报告提示一次，
指出占少数的那种写法第一次出现的位置。

合格：

    1.加强教育
    2.严格管理

不合格：

    1.加强教育
    2．严格管理

The full stop after a level-3 number is halfwidth “.” or fullwidth “．”; one report uses one of
them. One info finding per report, at the first marker of the less used form.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.checks._numbering import numbered_by_rank
from validator.model import Heading, Text
from validator.rule import RuleContext, Violation, rule


@rule(
    code="NUM-014",
    name="decimal-point",
    severity="info",
    summary=Text("“1.”与“1．”不得混用", "1. and 1． not mixed"),
    source="编辑惯例（同一文稿格式统一）",
)
def check(context: RuleContext) -> Iterator[Violation]:
    forms: dict[str, list[Heading]] = {".": [], "．": []}
    for heading in numbered_by_rank(context.document).get(3, ()):
        if heading.style.delimiter in forms:
            forms[heading.style.delimiter].append(heading)
    halfwidth, fullwidth = forms["."], forms["．"]
    if not halfwidth or not fullwidth:
        return
    minority, majority = (
        (fullwidth, halfwidth) if len(fullwidth) <= len(halfwidth) else (halfwidth, fullwidth)
    )
    first, usual = minority[0], majority[0].style.delimiter
    yield Violation(
        first.marker_span,
        Text(
            f"序号“{first.marker}”的下脚点与本报告其他 {len(majority)} 个三级序号（“{usual}”）不一致，"
            f"共 {len(minority)} 处，应统一",
            f"“{first.marker}” uses a different full stop from the report's other {len(majority)} "
            f"level-3 markers (“{usual}”); {len(minority)} place(s): use one form",
        ),
    )
