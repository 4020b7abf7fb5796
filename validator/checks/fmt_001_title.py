"""FMT-001 标题字体字号（title typeface）

GB/T 9704-2012 §7.3.1：标题“一般用2号小标宋体字……分一行或多行居中排布”。本规则只看 .docx：按 Word
的方式求出标题段落每一段文字实际的字体和字号（直接格式、字符样式、段落样式及其 basedOn 链、文档默认值、
主题字体都算在内），与版式模板比较，报告与模板不符的第一处文字和对齐方式。纯文本、Markdown、PDF 没有
版式信息，本规则不报告。期望值来自版式模板（默认 ``rules/data/layout-gbt9704.yaml``），可用选项
``template`` 换成本单位的模板。

合格（.docx 中标题段落）：

    方正小标宋简体，22 磅（2号），居中

不合格：

    宋体，16 磅（三号），左对齐   → 标题应为 2号小标宋体，居中，实为 三号 宋体，左对齐

The title is set in 2号 (22 pt) 小标宋, centred (GB/T 9704-2012 §7.3.1); .docx only, values from the
layout template (option ``template``).
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.model import Text
from validator.rule import RuleContext, Violation, rule

from ._layout import OPTIONS, deviations, layout_template, message, run_span, typeset


@rule(
    code="FMT-001",
    name="title-typeface",
    severity="warning",
    summary=Text("标题字体字号不符合版式", "Title typeface not as the layout standard sets it"),
    source="GB/T 9704-2012 §7.3.1",
    options=OPTIONS,
    formats=("docx",),
)
def check(context: RuleContext) -> Iterator[Violation]:
    title = context.document.title
    if title is None:
        return
    template = layout_template(context.options)
    for paragraph, fmt in typeset(context.document, (title,)):
        found, run = deviations(fmt, template["title"], template)
        if found:
            span = run_span(paragraph, run) if run is not None else paragraph.span
            yield Violation(span, message("标题", template["title"], found))
