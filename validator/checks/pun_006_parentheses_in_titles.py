"""PUN-006 书名号内使用半角括号（halfwidth parentheses inside a title）

法规、文件的名称照原文书写，原文一律用全角括号：《党委（党组）落实全面从严治党主体
责任规定》《中国共产党支部工作条例（试行）》。书名号里出现半角括号，说明名称是从网页
或别的稿子里复制来的，审阅者会要求逐一核对。只检查含有汉字的书名号。

合格：

    认真贯彻落实《党委（党组）意识形态工作责任制实施办法》。

不合格：

    认真贯彻落实《党委(党组)意识形态工作责任制实施办法》。

Titles of regulations and documents are written as issued, with fullwidth parentheses;
halfwidth ones inside 《》 mean the title was copied from elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.model import Paragraph, Text
from validator.rule import RuleContext, Violation, rule

from ._census import has, register_needles
from ._punctuation import book_titles, is_han, joined
from ._text import lazy, span_in

_halfwidth = lazy(r"\([^()]*\)|[()]")
register_needles("《", "(", ")")


@rule(
    code="PUN-006",
    name="parentheses-in-titles",
    severity="warning",
    summary=Text("书名号内使用半角括号", "Halfwidth parentheses inside a title"),
    source="GB/T 9704-2012《党政机关公文格式》；GB/T 15834-2011《标点符号用法》（括号）",
)
def check(context: RuleContext) -> Iterator[Violation]:
    whole = joined(context.document)
    if not has(context.document, "《") or not whole.contains_any(("(", ")")):
        return
    for paragraph in whole.paragraphs:
        if "(" not in paragraph.text and ")" not in paragraph.text:
            continue
        for start, end in book_titles(paragraph.text):
            title = paragraph.text[start:end]
            if ("(" in title or ")" in title) and any(is_han(char) for char in title):
                yield from _parentheses(paragraph, start, title)


def _parentheses(paragraph: Paragraph, offset: int, title: str) -> Iterator[Violation]:
    shown = title if len(title) <= 24 else title[:12] + "…" + title[-10:]
    fixed = shown.replace("(", "（").replace(")", "）")
    for match in _halfwidth().finditer(title):
        start, end = offset + match.start(), offset + match.end()
        zh = f"书名号内应使用全角括号：{shown} → {fixed}"
        yield Violation(span_in(paragraph, start, end), Text(zh, "use fullwidth parentheses inside 《》"))
