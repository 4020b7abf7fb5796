"""FMT-007 署名和成文日期的位置（signature and date placement）

GB/T 9704-2012 §7.3.5：发文机关署名和成文日期编排在正文之后的右侧——成文日期右空二字（不加盖印章）
或右空四字（加盖印章），署名在成文日期之上。本规则只看 .docx：在报告最后六段里找单独成行的成文日期
（``2024年1月20日``，也认汉字写法）和紧挨在它上面的署名（30 字以内、不以句末标点结尾的一行），检查
它们是否排在右侧：右对齐，或者用缩进、空格从左边起空出至少 12 个字（模板中的 ``closing.min_offset``）。
左对齐或居中的落款会被退回。模板中没有 ``closing`` 时不检查。

合格（.docx）：

    正文……特此报告。
                                          青山县审计局党组   ← 右对齐，右缩进 2 字符
                                            2024年1月20日    ← 右对齐，右缩进 4 字符

不合格：

    正文……特此报告。
    青山县审计局党组                                           ← 左对齐
    2024年1月20日                 → 成文日期应为 居右（成文日期右空二至四字，署名在其上），实为 左对齐

The signature and the date line stand on the right, the date two to four characters from the margin
(GB/T 9704-2012 §7.3.5); .docx only, values from the layout template (option ``template``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from validator.model import Paragraph, ParagraphFormat, Text
from validator.rule import RuleContext, Violation, rule

from ._layout import OPTIONS, alignment_name, layout_template, message, typeset
from ._text import lazy

_TAIL = 6  # the closing is among a report's last paragraphs
_NUMBER = "0-9０-９〇○零一二三四五六七八九十"
_date = lazy(rf"[（(]?\s*[{_NUMBER}]{{4}}\s*年\s*[{_NUMBER}]{{1,2}}\s*月\s*[{_NUMBER}]{{1,3}}\s*日\s*[）)]?")
_SENTENCE_END = tuple("。！？：；，、.!?:;,")


@rule(
    code="FMT-007",
    name="closing-placement",
    severity="warning",
    summary=Text("署名和成文日期未排在右侧", "Signature or date line not placed on the right"),
    source="GB/T 9704-2012 §7.3.5",
    options=OPTIONS,
    formats=("docx",),
)
def check(context: RuleContext) -> Iterator[Violation]:
    document = context.document
    expected = layout_template(context.options).get("closing")
    if not expected or document.layout is None or len(document.paragraphs) < 3:
        return
    tail = document.paragraphs[-_TAIL:]
    date = next((p for p in reversed(tail) if _date().fullmatch(p.text.strip())), None)
    if date is None or date is document.paragraphs[0] or date.index <= document.paragraphs[0].index + 1:
        return  # no date line, or a date under the title (a speech's): not a closing
    before = [p for p in tail if p.index == date.index - 1]
    signature = before[0] if before and len(before[0].text.strip()) <= 30 else None
    if signature is not None and (
        signature.text.strip().endswith(_SENTENCE_END) or signature is document.title
    ):
        signature = None
    for what, paragraph in (("发文机关署名", signature), ("成文日期", date)):
        if paragraph is None:
            continue
        for _, fmt in typeset(document, (paragraph,)):
            if not _placed_right(paragraph, fmt, expected):
                yield Violation(paragraph.span, message(what, expected, [alignment_name(fmt.alignment)]))


def _placed_right(paragraph: Paragraph, fmt: ParagraphFormat, expected: Mapping[str, Any]) -> bool:
    """Right-aligned, or pushed to the right by an indent or by spaces typed before the text."""
    if fmt.alignment == "right":
        return True
    spaces = sum(0.5 if char == " " else 1.0 for char in paragraph.indent)
    offset = fmt.left_indent + fmt.first_line_indent + spaces
    return offset >= float(expected.get("min_offset", 12))
