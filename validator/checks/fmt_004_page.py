"""FMT-004 纸张与页边距（paper and margins）

GB/T 9704-2012 §5.2.1：公文用纸采用 A4 型纸，成品幅面 210 mm × 297 mm；§5.2.2：天头（上白边）
37 mm ± 1 mm，订口（左白边）28 mm ± 1 mm，版心 156 mm × 225 mm。本规则只看 .docx：逐节读出 Word 的
纸张大小和页边距（装订线计入订口），版心宽 = 纸宽 − 左 − 右，版心高 = 纸高 − 上 − 下，与版式模板比较，
每节最多报告一处，指向该节的第一段。

合格（.docx 页面设置）：

    A4（210 × 297 mm），上 37 mm、下 35 mm、左 28 mm、右 26 mm

不合格：

    A4，上下 25.4 mm、左右 31.8 mm（Word 默认）
    → 页面应为 A4 纸，天头 37 mm、订口 28 mm，版心 156 mm × 225 mm，
      实为 天头 25.4 mm，订口 31.8 mm，版心 146.4 × 246.2 mm

Paper is A4 with a 37 mm top margin, a 28 mm binding margin and a 156 × 225 mm type area
(GB/T 9704-2012 §5.2.1, §5.2.2); .docx only, values from the layout template (option ``template``).
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.model import PageSetup, Text
from validator.rule import RuleContext, Violation, rule

from ._layout import OPTIONS, Template, layout_template, message, section_anchors


@rule(
    code="FMT-004",
    name="page-setup",
    severity="warning",
    summary=Text("纸张或页边距不符合版式", "Paper or margins not as the layout standard sets them"),
    source="GB/T 9704-2012 §5.2.1、§5.2.2",
    options=OPTIONS,
    formats=("docx",),
)
def check(context: RuleContext) -> Iterator[Violation]:
    template = layout_template(context.options)
    for section, span in section_anchors(context.document):
        found = _deviations(section, template)
        if found:
            yield Violation(span, message("页面", template["page"], found))


def _deviations(section: PageSetup, template: Template) -> list[str]:
    page = template["page"]
    tolerance = float(page.get("tolerance", 1))
    width, height = (
        section.width - section.left - section.right,
        section.height - section.top - section.bottom,
    )

    def off(value: float, key: str) -> bool:
        return key in page and abs(value - float(page[key])) > tolerance

    found: list[str] = []
    if off(section.width, "width") or off(section.height, "height"):
        found.append(f"纸张 {section.width:g} × {section.height:g} mm")
    if off(section.top, "top"):
        found.append(f"天头 {section.top:g} mm")
    if off(section.left, "left"):
        found.append(f"订口 {section.left:g} mm")
    if off(width, "text_width") or off(height, "text_height"):
        found.append(f"版心 {width:.1f} × {height:.1f} mm".replace(".0 ", " ").replace(".0 mm", " mm"))
    return found
