"""FMT-006 页码（page numbers）

GB/T 9704-2012 §7.5：页码“一般用4号半角宋体阿拉伯数字，编排在公文版心下边缘之下，数字左右各放一条
一字线”，即 ``— 1 —``。本规则只看 .docx：逐节找页脚里的页码域（PAGE），读出它在第一页印出的样子和
字号，与版式模板比较；页脚里没有页码域也报告。每节最多报告一处，指向该节的第一段。

合格（.docx 页脚）：

    — 1 —        ← 页码域，14 磅（4号）

不合格：

    第 1 页      → 页码应为 4号半角阿拉伯数字，左右各一条一字线（— 1 —），实为 “第 1 页”

Page numbers are 4号 half-width Arabic numerals between two em dashes, ``— 1 —``
(GB/T 9704-2012 §7.5); .docx only, values from the layout template (option ``template``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from validator.model import PageNumber, Text
from validator.regexes import compiled
from validator.rule import RuleContext, Violation, rule

from ._layout import OPTIONS, Template, layout_template, message, section_anchors, size_name


@rule(
    code="FMT-006",
    name="page-number",
    severity="warning",
    summary=Text("页码不符合版式", "Page number not as the layout standard sets it"),
    source="GB/T 9704-2012 §7.5",
    options=OPTIONS,
    formats=("docx",),
)
def check(context: RuleContext) -> Iterator[Violation]:
    template = layout_template(context.options)
    for section, span in section_anchors(context.document):
        found = _deviations(section.page_number, template)
        if found:
            yield Violation(span, message("页码", template["page_number"], found))


def _deviations(number: PageNumber | None, template: Template) -> list[str]:
    expected = template["page_number"]
    if number is None:
        return ["页脚中没有页码"]
    found: list[str] = []
    pattern = expected.get("pattern")
    if pattern and not _form(str(pattern)).fullmatch(number.text):
        found.append(f"“{number.text}”")
    size = expected.get("size")
    if size is not None and (number.size is None or abs(number.size - float(size)) > 0.25):
        found.append(size_name(number.size))
    return found


def _form(pattern: str) -> re.Pattern[str]:
    """``— {n} —`` as a regex: the number is any half-width digits, a space may be one or several."""
    parts = [re.escape(part).replace(r"\ ", " ") for part in pattern.split("{n}")]
    return compiled(r"[0-9]+".join(part.replace(" ", r"\s*") for part in parts))
