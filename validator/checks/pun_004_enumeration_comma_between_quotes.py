"""PUN-004 并列的引号或书名号之间加了顿号（enumeration comma between quoted items）

GB/T 15834-2011 规定：标有引号的并列成分之间、标有书名号的并列成分之间通常不用顿号
（“第一议题”“第一主题”，《问责条例》《监督条例》）。只有在引号或书名号之后还有其他
成分（如括注）插在中间时，才宜用顿号。本规则只报告紧挨着的 ``”、“`` 和 ``》、《``。

合格：

    严格落实“第一议题”“第一主题”制度，学习《中国共产党纪律处分条例》《中国共产党问责条例》。

不合格：

    严格落实“第一议题”、“第一主题”制度，学习《中国共产党纪律处分条例》、《中国共产党问责条例》。

GB/T 15834-2011: coordinate items in quotation marks or book-title marks are normally not
separated by an enumeration comma (、).
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.model import Text
from validator.rule import RuleContext, Violation, rule

from ._census import register_needles
from ._punctuation import joined, located
from ._text import lazy, span_in

_comma = lazy(r"(?<=[”》])、(?=[“《])")
_PAIRS = ("”、“", "》、《")
register_needles(*_PAIRS)


@rule(
    code="PUN-004",
    name="enumeration-comma-between-quotes",
    severity="warning",
    summary=Text("并列的引号或书名号之间加了顿号", "Enumeration comma between quoted items"),
    source="GB/T 15834-2011《标点符号用法》（顿号：标有引号或书名号的并列成分之间通常不用顿号）",
)
def check(context: RuleContext) -> Iterator[Violation]:
    whole = joined(context.document)
    if not whole.contains_any(_PAIRS):
        return
    for paragraph, index, _, _ in located(whole, _comma()):
        pair = paragraph.text[index - 1] + "、" + paragraph.text[index + 1]
        zh = f"并列的引号或书名号之间通常不用顿号，应删去“、”（{pair} → {pair[0]}{pair[2]}）"
        yield Violation(span_in(paragraph, index, index + 1), Text(zh, "no 、 between quoted items"))
