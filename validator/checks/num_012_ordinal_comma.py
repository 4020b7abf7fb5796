"""NUM-012 “第一”“其一”后用逗号（第一， not 第一、）

GB/T 15834-2011 规定“第一”“其一”“首先”一类序次语后面用逗号：“第一，……第二，……”。
写成“第一、”“其一：”是常见的不规范用法。“第一、二批”这样的并列序数不是序次语，
不在此列。

合格：

    第一，提高政治站位。第二，压实工作责任。

不合格：

    第一、提高政治站位。第二、压实工作责任。

Ordinals such as 第一 and 其一 used as item markers take a comma (GB/T 15834): “第一，”, not
“第一、” or “第一：”.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.checks._census import occurs, provides
from validator.checks._text import lazy, prose, span_in
from validator.model import Applicability, Text
from validator.rule import RuleContext, Violation, replace, rule

_NUMERAL = r"(?:[二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])"
# At the start of a paragraph or a sentence; not 第一、二批 or 第一、第二名 (a list of ordinals).
_ordinal = lazy(
    rf"(?:^|(?<=[。；：！？;:!?]))[ \u3000]*(?P<word>[第其]{_NUMERAL})(?P<mark>[、：:])"
    r"(?![一二三四五六七八九十第其0-9０-９])"
)
# For the census: the ordinal and its mark, wherever they stand (RE2 has no lookaround).
_ANYWHERE = f"[第其]{_NUMERAL}[、：:]"


@provides
def _patterns() -> list[str]:
    return [_ANYWHERE]


@rule(
    code="NUM-012",
    name="ordinal-comma",
    severity="warning",
    summary=Text("“第一”“其一”后用逗号", "第一 and 其一 take a comma"),
    source="GB/T 15834-2011（“第一”“其一”等序次语后用逗号）",
    fix="mixed",
)
def check(context: RuleContext) -> Iterator[Violation]:
    if not occurs(context.document, _ANYWHERE):
        return  # the usual report: no 第一、 anywhere
    for paragraph in prose(context.document):
        if "第" not in paragraph.text and "其" not in paragraph.text:
            continue
        for match in _ordinal().finditer(paragraph.text):
            word, mark = match.group("word"), match.group("mark")
            # 第一、 is a slip; 第一： may introduce a list, so only on request
            applicability: Applicability = "safe" if mark == "、" else "unsafe"
            yield Violation(
                span_in(paragraph, match.start("word"), match.end("mark")),
                Text(
                    f"序次语“{word}{mark}”后应用逗号：“{word}，”",
                    f"the ordinal “{word}{mark}” takes a comma: “{word}，”",
                ),
                fix=replace(span_in(paragraph, match.start("mark"), match.end("mark")), "，", applicability),
            )
