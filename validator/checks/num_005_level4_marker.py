"""NUM-005 四级、五级标题序号（level-4 and level-5 markers）

GB/T 9704-2012 §7.3.3 的第四层序数是“（1）”；GB/T 15834-2011 规定带括号的序次语和带圈
数字“①”后面不加标点，所以“（1）、”“(1).”“①.”都是错误。半角“(1)”和“⑴”可以容忍，
但应改为全角“（1）”。

合格：

    （2）严格组织生活

不合格：

    （2）、严格组织生活（错误）
    (2)严格组织生活（警告）

The level-4 marker is “（1）” and takes no punctuation after it, nor does “①” (GB/T 9704 §7.3.3,
GB/T 15834): “（1）、” and “①.” are errors; “(1)” and “⑴” are tolerated with a warning.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.checks._numbering import (
    STRAY_AFTER_MARKER,
    after_marker,
    numbered,
    numbered_by_rank,
    stray_span,
)
from validator.checks._text import paragraphs_by_index
from validator.model import Heading, Text
from validator.rule import RuleContext, Violation, replace, rule


@rule(
    code="NUM-005",
    name="level4-marker",
    severity="error",
    summary=Text("四级标题序号应为“（1）”，后不加标点", "Level-4 markers are （1）, nothing after"),
    source="GB/T 9704-2012 §7.3.3；GB/T 15834-2011（带括号的序次语后不加标点）",
    fix="safe",
)
def check(context: RuleContext) -> Iterator[Violation]:
    document = context.document
    ranks = numbered_by_rank(document)
    if 4 not in ranks and 5 not in ranks:
        return
    paragraphs = paragraphs_by_index(document)
    for heading in numbered(document):
        if heading.rank not in (4, 5) or heading.number is None:
            continue
        delimiter = heading.style.delimiter
        written = heading.marker[: len(heading.marker) - len(delimiter)]
        canonical = _canonical(heading, heading.number)
        stray = after_marker(heading, paragraphs[heading.paragraph])
        span = heading.marker_span
        if delimiter:
            yield Violation(span, _punctuated(heading.marker, canonical), fix=replace(span, written))
        elif stray and stray in STRAY_AFTER_MARKER:
            span = stray_span(heading)
            yield Violation(span, _punctuated(heading.marker + stray, canonical), fix=replace(span, written))
        elif written != canonical:
            fix = replace(span, canonical) if heading.rank == 4 else None
            yield Violation(span, _variant(written, canonical), severity="warning", fix=fix)


def _canonical(heading: Heading, number: int) -> str:
    if heading.rank == 5:
        return heading.marker[:1]
    return f"（{number}）"


def _punctuated(written: str, canonical: str) -> Text:
    return Text(
        f"序号“{written}”后多了标点，应为“{canonical}”（括号和带圈数字后不加标点）",
        f"marker “{written}” has punctuation after it: write “{canonical}”",
    )


def _variant(written: str, canonical: str) -> Text:
    return Text(
        f"四级标题序号“{written}”不规范，应为“{canonical}”（全角括号、半角数字）",
        f"level-4 marker “{written}” should be “{canonical}” (fullwidth brackets)",
    )
