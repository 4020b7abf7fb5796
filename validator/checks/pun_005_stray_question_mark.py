"""PUN-005 非问句中的问号（question mark outside a question）

两个汉字之间夹着一个问号，而前面的分句里没有“吗、呢、什么、为什么、如何、是否”这类
疑问词，几乎都是编码转换时丢失的间隔号“·”（``学思想·强党性`` 变成 ``学思想？强党性``），
或者是多打的字符。活动名称、口号里的间隔号丢了，审阅者会以为是乱码。真正的问句
（``为什么要入党？怎样做合格党员？``）不报告。

合格：

    开展“学思想·强党性”主题党日活动。为什么要这样做？因为……

不合格：

    开展“学思想？强党性”主题党日活动。

A question mark between two Chinese characters, in a clause without a question word, is
almost always a middle dot (·) lost in an encoding conversion.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.model import Text
from validator.rule import RuleContext, Violation, rule

from ._census import register_needles
from ._punctuation import is_stray_question_mark, joined
from ._text import span_in

register_needles("？", "?")


@rule(
    code="PUN-005",
    name="stray-question-mark",
    severity="warning",
    summary=Text("非问句中的问号", "Question mark outside a question"),
    source="GB/T 15834-2011《标点符号用法》（问号、间隔号）；编辑惯例",
)
def check(context: RuleContext) -> Iterator[Violation]:
    whole = joined(context.document)
    if not whole.contains_any(("？", "?")):
        return
    for paragraph in whole.paragraphs:
        text = paragraph.text
        if "？" not in text and "?" not in text:
            continue
        for index, char in enumerate(text):
            if char in "？?" and is_stray_question_mark(text, index):
                context_text = text[max(0, index - 4) : index + 5]
                zh = f"非问句中出现问号：“{context_text}”，疑为丢失的间隔号“·”或多余字符"
                en = "question mark outside a question: probably a lost middle dot (·)"
                yield Violation(span_in(paragraph, index, index + 1), Text(zh, en))
