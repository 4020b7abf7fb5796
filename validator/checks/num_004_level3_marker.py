"""NUM-004 三级标题序号（level-3 heading marker）

GB/T 9704-2012 §7.3.3 的第三层序数是“1.”；GB/T 15834-2011 规定阿拉伯数字序次语后用下脚
点（“1.”或全角“1．”都可以）。“1、”在公文里十分常见，但不合规范；“1）”是从其他文体带来
的写法；这两种给出警告。“1，”“1：”把句内标点当成了序号标点，是错误。

合格：

    2.加强教育管理

不合格：

    2、加强教育管理（警告）
    2，加强教育管理（错误）

The level-3 marker is “1.” (or “1．”) per GB/T 9704 §7.3.3 and GB/T 15834: “1、” and “1）” are
tolerated with a warning, “1，” and “1：” are errors.
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
from validator.model import Heading, Text
from validator.rule import RuleContext, Violation, replace, rule

_CANONICAL = ".．"
_TOLERATED = "、）)"


@rule(
    code="NUM-004",
    name="level3-marker",
    severity="error",
    summary=Text("三级标题序号应为“1.”", "Level-3 headings are numbered 1."),
    source="GB/T 9704-2012 §7.3.3；GB/T 15834-2011（阿拉伯数字序次语后用下脚点）",
    fix="mixed",
)
def check(context: RuleContext) -> Iterator[Violation]:
    document = context.document
    paragraphs = paragraphs_by_index(document)
    for heading in numbered_by_rank(document).get(3, ()):
        delimiter = heading.style.delimiter
        stray = after_marker(heading, paragraphs[heading.paragraph])
        span = heading.marker_span
        if delimiter in _TOLERATED:  # 1、 and 1) are common house styles: rewrite only on request
            unsure = replace(span, _canonical(heading), "unsafe")
            yield Violation(span, _message(heading, heading.marker), severity="warning", fix=unsure)
        elif delimiter not in _CANONICAL:
            fix = replace(span, _canonical(heading)) if delimiter else None  # 1 加强…: maybe no heading
            yield Violation(span, _message(heading, heading.marker), fix=fix)
        elif stray and stray in STRAY_AFTER_MARKER:
            span = stray_span(heading)
            yield Violation(
                span, _message(heading, heading.marker + stray), fix=replace(span, heading.marker)
            )


def _canonical(heading: Heading) -> str:
    return heading.marker.rstrip("、.．，,:：）) \u3000") + "."


def _message(heading: Heading, written: str) -> Text:
    canonical = _canonical(heading)
    return Text(
        f"三级标题序号“{written}”不规范，应为“{canonical}”（阿拉伯数字序号后用下脚点）",
        f"level-3 marker “{written}” should be “{canonical}” (an Arabic ordinal takes a full stop)",
    )
