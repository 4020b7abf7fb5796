"""FMT-002 正文字体字号与缩进（body typeface and indent）

GB/T 9704-2012 §7.3.3：正文“一般用3号仿宋体字……每个自然段左空二字，回行顶格”。本规则只看 .docx：
逐段求出正文文字实际的字体、字号（样式继承、文档默认值、主题字体都算在内）和首行缩进，与版式模板比较。
居中或右对齐的段落（落款、成文日期）、以冒号结尾的短行（主送机关）、20 字以内的短段不查缩进；表格里的
段落不查；行内标题（``1.加强教育。正文……``）只查标题之后的正文部分。每段最多报告一处。

合格（.docx 中正文段落）：

    仿宋_GB2312，16 磅（3号），首行缩进 2 字符

不合格：

    宋体，14 磅（四号），首行不缩进   → 正文应为 3号仿宋体，首行缩进二字，实为 四号 宋体，首行不缩进

Body text is 3号 (16 pt) 仿宋 with a first-line indent of two characters (GB/T 9704-2012 §7.3.3);
.docx only, values from the layout template (option ``template``).
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.model import Heading, Text
from validator.rule import RuleContext, Violation, rule

from ._layout import OPTIONS, Grouped, deviations, layout_template, run_span, typeset

_PROSE = ("body", "enum", "heading")
_SHORT = 20  # characters: a date, a signature, a salutation is no 自然段


@rule(
    code="FMT-002",
    name="body-typeface",
    severity="warning",
    summary=Text(
        "正文字体字号或缩进不符合版式", "Body typeface or indent not as the layout standard sets it"
    ),
    source="GB/T 9704-2012 §7.3.3",
    options=OPTIONS,
    formats=("docx",),
)
def check(context: RuleContext) -> Iterator[Violation]:
    document = context.document
    template = layout_template(context.options)
    expected = template["body"]
    run_in: dict[int, Heading] = {h.paragraph: h for h in document.all_headings if h.run_in}
    grouped = Grouped()
    candidates = tuple(p for p in document.paragraphs if p.kind in _PROSE and p is not document.title)
    for paragraph, fmt in typeset(document, candidates):
        heading = run_in.get(paragraph.index)
        if paragraph.kind == "heading" and heading is None:
            continue  # a heading on its own line: FMT-003
        start = heading.span.end_column if heading is not None else 1
        text = paragraph.text.strip()
        indent = (
            heading is None
            and len(text) > _SHORT
            and fmt.alignment not in ("center", "right")
            and not text.endswith(("：", ":"))
        )
        found, run = deviations(fmt, expected, template, start=start, indent=indent)
        if found:
            span = run_span(paragraph, run) if run is not None else paragraph.span
            grouped.add("正文", expected, found, span)
    for span, said in grouped.violations():
        yield Violation(span, said)
