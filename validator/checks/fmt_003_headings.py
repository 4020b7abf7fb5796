"""FMT-003 各级标题字体（heading typefaces）

GB/T 9704-2012 §7.3.3：文中结构层次序数“一般第一层用黑体字、第二层用楷体字、第三层和第四层用仿宋体字
标注”。本规则只看 .docx：对“一、”“（一）”“1.”“（1）”四级标题，求出标题文字（行内标题只看标题部分，
Word 自动编号的序号不在文字中，不查）实际的字体和字号，与版式模板比较。

合格（.docx）：

    一、加强政治建设          ← 黑体，16 磅
    （一）深入学习            ← 楷体_GB2312，16 磅

不合格：

    一、加强政治建设          ← 仿宋，16 磅   → 一级标题应为 3号黑体，实为 三号 仿宋

Level-1 headings are 黑体, level-2 楷体, levels 3 and 4 仿宋, all 3号 (GB/T 9704-2012 §7.3.3); .docx
only, values from the layout template (option ``template``).
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.model import Text
from validator.rule import RuleContext, Violation, rule

from ._layout import OPTIONS, Grouped, deviations, layout_template, run_span

_LEVEL_NAMES = "一二三四五六七八九"


@rule(
    code="FMT-003",
    name="heading-typefaces",
    severity="warning",
    summary=Text("标题层次字体不符合版式", "Heading typeface not as the layout standard sets it"),
    source="GB/T 9704-2012 §7.3.3",
    options=OPTIONS,
    formats=("docx",),
)
def check(context: RuleContext) -> Iterator[Violation]:
    document = context.document
    layout = document.layout
    if layout is None:
        return
    template = layout_template(context.options)
    levels = template["headings"]
    grouped = Grouped()
    by_index = {paragraph.index: paragraph for paragraph in document.paragraphs}
    for heading in document.all_headings:
        if heading.kind != "heading" or heading.rank is None or not 0 < heading.rank <= len(levels):
            continue
        paragraph = by_index.get(heading.paragraph)
        fmt = layout.at(heading.span.line)
        if paragraph is None or fmt is None or fmt.in_table:
            continue
        expected = levels[heading.rank - 1]
        found, run = deviations(fmt, expected, template, heading.span.column, heading.span.end_column)
        if found:
            span = run_span(paragraph, run) if run is not None else heading.span
            what = f"{_LEVEL_NAMES[heading.rank - 1]}级标题"
            grouped.add(what, expected, found, span)
    for span, said in grouped.violations():
        yield Violation(span, said)
