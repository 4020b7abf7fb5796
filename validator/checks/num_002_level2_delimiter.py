"""NUM-002 二级标题序号后不加标点（nothing after the level-2 marker）

GB/T 15834-2011 规定带括号的序次语后面不再加标点：第二层写作“（一）”，“（一）、”
“（一）.”“（一）：”都是公文审校中常见的不规范序号。

合格：

    （二）抓实支部建设

不合格：

    （二）、抓实支部建设

A bracketed ordinal takes no punctuation after it (GB/T 15834): write “（二）”, never “（二）、”.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.checks._numbering import (
    STRAY_AFTER_MARKER,
    after_marker,
    numbered_by_rank,
    stray_span,
)
from validator.checks._text import paragraphs_by_index
from validator.model import Text
from validator.rule import RuleContext, Violation, replace, rule


@rule(
    code="NUM-002",
    name="level2-delimiter",
    severity="error",
    summary=Text("二级标题序号“（一）”后不加标点", "Nothing after the level-2 marker （一）"),
    source="GB/T 15834-2011（带括号的序次语后不加标点）；GB/T 9704-2012 §7.3.3",
    fix="safe",
)
def check(context: RuleContext) -> Iterator[Violation]:
    document = context.document
    paragraphs = paragraphs_by_index(document)
    for heading in numbered_by_rank(document).get(2, ()):
        marker = heading.marker
        bracketed = marker[: len(marker) - len(heading.style.delimiter)]
        stray = after_marker(heading, paragraphs[heading.paragraph])
        if heading.style.delimiter:
            span = heading.marker_span
            yield Violation(span, _message(marker, bracketed), fix=replace(span, bracketed))
        elif stray and stray in STRAY_AFTER_MARKER:
            span = stray_span(heading)
            yield Violation(span, _message(marker + stray, bracketed), fix=replace(span, marker))


def _message(written: str, bracketed: str) -> Text:
    return Text(
        f"二级标题序号“{written}”后多了标点，应为“{bracketed}”（括号后不加标点）",
        f"level-2 marker “{written}” has punctuation after the bracket: write “{bracketed}”",
    )
