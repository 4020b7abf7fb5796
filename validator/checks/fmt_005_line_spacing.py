"""FMT-005 行距（line spacing: 22 lines a page）

GB/T 9704-2012 §5.2.4：“一般每面排22行，每行排28个字，并撑满版心”。225 mm 的版心排 22 行，行距约
28.95 磅，通常设为“固定值”；“最小值”取同一数值（3号字的行距即为该值）、单倍行距而“对齐到
文档网格”且网格行距相同，也算合格。本规则只看 .docx 的正文和各级标题（不含标题、表格），与版式
模板比较。同一种不合格的行距只在第一次出现处报告一次，并列出其他段落的行号。

合格（.docx 段落设置）：

    行距：固定值 28.95 磅

不合格：

    行距：1.5 倍   → 行距应为 固定值 28.95 磅（每面 22 行），实为 1.5 倍行距；共 12 段如此，另见第 …… 行

Lines are spaced so that 22 fill the type area, a fixed spacing of about 28.95 pt
(GB/T 9704-2012 §5.2.4); .docx only, values from the layout template (option ``template``).
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.model import Document, ParagraphFormat, Text
from validator.rule import RuleContext, Violation, rule

from ._layout import OPTIONS, Grouped, Template, layout_template, section_at, typeset

_PROSE = ("body", "enum", "heading")


@rule(
    code="FMT-005",
    name="line-spacing",
    severity="warning",
    summary=Text("行距不符合版式", "Line spacing not as the layout standard sets it"),
    source="GB/T 9704-2012 §5.2.4",
    options=OPTIONS,
    formats=("docx",),
)
def check(context: RuleContext) -> Iterator[Violation]:
    document = context.document
    template = layout_template(context.options)
    expected = template["line_spacing"]
    grouped = Grouped()
    candidates = tuple(p for p in document.paragraphs if p.kind in _PROSE and p is not document.title)
    for paragraph, fmt in typeset(document, candidates):
        found = _found(document, fmt, paragraph.span.line, template)
        if found:
            grouped.add("行距", expected, [found], paragraph.span)
    for span, said in grouped.violations():
        yield Violation(span, said)


def _found(document: Document, fmt: ParagraphFormat, line: int, template: Template) -> str:
    """The paragraph's spacing in Word's words when it is not the expected one, else ""."""
    expected = template["line_spacing"]
    points, tolerance = float(expected["points"]), float(expected.get("tolerance", 0.5))
    spacing = fmt.line_spacing
    if fmt.line_rule in ("exact", "atLeast") and spacing is not None and abs(spacing - points) <= tolerance:
        # "at least" the pitch sets 3号 lines exactly at it: the page is the same, so it is not reported
        return ""
    if fmt.line_rule == "auto" and (spacing is None or abs(spacing - 1) < 0.01):
        section = section_at(document, line)
        if (
            section is not None
            and section.line_pitch is not None
            and abs(section.line_pitch - points) <= tolerance
        ):
            return ""  # single lines snapped to a grid of the right pitch
        return "单倍行距"
    if fmt.line_rule == "auto":
        return f"{spacing:g} 倍行距"
    return f"{'固定值' if fmt.line_rule == 'exact' else '最小值'} {spacing:g} 磅"
