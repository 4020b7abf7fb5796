"""PUN-001 中文中使用半角标点（halfwidth punctuation in Chinese text）

公文的标点符号依照 GB/T 15834《标点符号用法》，中文行文一律使用全角标点。从网页、表格
或英文输入法带进来的半角逗号、分号、冒号、问号、叹号和括号（``, ; : ? ! ( )``）宽度只有
半个字，排版后挤在汉字之间，一眼就能看出是拼凑的文字。本规则只在标点两侧是中文时报告：
数字中的 ``1,000``、比例 ``1:2``、网址和英文短语不受影响；书名号内的半角括号由 PUN-006
报告，标题序号（``(一)``）由 NUM 规则报告。每处报告一次，可以逐处替换为对应的全角标点。

合格：

    同时，要持续深化作风建设；全年召开会议12次（含专题会议3次）。

不合格：

    同时,要持续深化作风建设;全年召开会议12次(含专题会议3次)。

Chinese text takes fullwidth punctuation (GB/T 15834). A halfwidth ``, ; : ? ! ( )`` with
Chinese on its sides is a slip from another input method or a pasted source.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.model import Paragraph, Text
from validator.rule import RuleContext, Violation, replace, rule

from ._census import register_needles
from ._punctuation import (
    after,
    before,
    book_titles,
    in_ranges,
    is_cjk,
    is_han,
    is_stray_question_mark,
    joined,
    paragraphs_with_markers,
)
from ._text import lazy, span_in

FULLWIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}

_HALFWIDTH = (",", ";", ":", "?", "!", "(")
register_needles(*_HALFWIDTH)
_mark = lazy(r"[,;:?!]")
_parentheses = lazy(r"\(([^()\n]{0,200})\)")
# Content of a bracketed ordinal: (1) (一) (a), left to the numbering rules.
_ordinal = lazy(r"\s*(?:[0-9]{1,3}|[一二三四五六七八九十]{1,3}|[A-Za-z])\s*")


@rule(
    code="PUN-001",
    name="halfwidth-punctuation",
    severity="warning",
    summary=Text("中文中使用半角标点", "Halfwidth punctuation in Chinese text"),
    source="GB/T 15834-2011《标点符号用法》；GB/T 9704-2012 §9",
    fix="safe",
)
def check(context: RuleContext) -> Iterator[Violation]:
    if not joined(context.document).contains_any(_HALFWIDTH):
        return
    for paragraph, markers in paragraphs_with_markers(context.document):
        text = paragraph.text
        if not any(mark in text for mark in _HALFWIDTH):
            continue
        for match in _mark().finditer(text):
            index = match.start()
            if not in_ranges(index, markers) and _in_chinese(text, index):
                yield _violation(paragraph, index, index + 1)
        if "(" in text:
            titles = book_titles(text)
            for match in _parentheses().finditer(text):
                start, end = match.span()
                if in_ranges(start, markers) or in_ranges(start, titles):
                    continue
                if _chinese_parentheses(text, start, end, match.group(1)):
                    yield _violation(paragraph, start, end)


def _in_chinese(text: str, index: int) -> bool:
    """Whether the mark at ``index`` stands in Chinese text (not in a number, URL or English)."""
    mark = text[index]
    left = before(text, index)
    right = after(text, _skip_spaces(text, index + 1))
    if mark == "?" and is_stray_question_mark(text, index):
        return False  # a lost middle dot, reported by PUN-005
    if is_cjk(left):
        return is_cjk(right) or right.isdigit() or right == ""
    # 共10,其中… : a count ending a clause before Chinese text.
    return mark in ",;" and (left.isdigit() or left == "%") and is_han(right)


def _chinese_parentheses(text: str, start: int, end: int, content: str) -> bool:
    """A ``(…)`` pair around Chinese content, or between Chinese characters; not an ordinal."""
    if _ordinal().fullmatch(content) or before(text, start) == "]":  # Markdown link target
        return False
    if any(is_cjk(char) for char in content):
        return True
    return bool(content) and is_han(before(text, start)) and is_han(after(text, end))


def _skip_spaces(text: str, index: int) -> int:
    while index < len(text) and text[index] == " ":
        index += 1
    return index


def _violation(paragraph: Paragraph, start: int, end: int) -> Violation:
    found = paragraph.text[start:end]
    if len(found) == 1:
        zh = f"半角“{found}”应为全角“{FULLWIDTH[found]}”"
        en = f"halfwidth '{found}' in Chinese text: use '{FULLWIDTH[found]}'"
        fixed = FULLWIDTH[found]
    else:
        inner = found[1:-1] if len(found) <= 14 else found[1:7] + "…" + found[-7:-1]
        zh = f"半角括号“({inner})”应为全角“（{inner}）”"
        en = "halfwidth parentheses around Chinese text: use '（）'"
        fixed = "（" + found[1:-1] + "）"
    span = span_in(paragraph, start, end)
    return Violation(span, Text(zh, en), fix=replace(span, fixed))
