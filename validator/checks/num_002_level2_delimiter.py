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
    paragraphs_by_index,
    stray_span,
)
from validator.model import Severity, Text
from validator.rule import Rule, RuleContext, Violation, replace

CODE = "NUM-002"
NAME = "level2-delimiter"
SEVERITY: Severity = "error"
SOURCE = "GB/T 15834-2011（带括号的序次语后不加标点）；GB/T 9704-2012 §7.3.3"
OPTIONS: dict[str, object] = {}
FIX = "safe"  # the fixes this rule attaches (validator.fix)


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


RULE = Rule(
    code=CODE,
    name=NAME,
    severity=SEVERITY,
    summary=Text("二级标题序号“（一）”后不加标点", "Nothing after the level-2 marker （一）"),
    source=SOURCE,
    check=check,
    options=OPTIONS,
    doc=__doc__ or "",
    fix=FIX,
)
