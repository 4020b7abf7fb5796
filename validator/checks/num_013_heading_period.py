"""NUM-013 同级标题句末标点一致（heading end punctuation consistent per level）

单独成行的标题末尾一般不加句号；段首标题（“1.加强教育。正文……”）以句号与正文隔开。
同一上级标题下的同级独立标题，有的以“。”结尾、有的不加，说明文稿是从不同材料拼合的，
排版时也不整齐。本规则只作提示，指出其中占少数的那一种写法（一样多时指出加了句号的）。
段首标题不参与比较。

合格：

    一、加强政治建设
    二、强化理论武装

不合格：

    一、加强政治建设。
    二、强化理论武装

Standalone sibling headings either all end in 。 or (better) none do; a mix is reported on the
minority (on those with 。 when even). Run-in headings (title。text…) are not compared.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from validator.checks._numbering import sibling_groups
from validator.checks._text import paragraphs_by_index, span_in
from validator.model import Heading, Paragraph, Text
from validator.rule import RuleContext, Violation, rule


@rule(
    code="NUM-013",
    name="heading-period",
    severity="info",
    summary=Text("同级标题句末标点应一致", "Heading end punctuation consistent per level"),
    source="编辑惯例（标题末尾不加句号）",
)
def check(context: RuleContext) -> Iterator[Violation]:
    paragraphs = paragraphs_by_index(context.document)
    for group in sibling_groups(context.document):
        with_period: list[Heading] = []
        without: list[Heading] = []
        for heading in group.members:
            if not heading.run_in:
                (with_period if _ends_in_period(heading, paragraphs) else without).append(heading)
        if with_period and without:
            yield from _minority(with_period, without, paragraphs)


def _ends_in_period(heading: Heading, paragraphs: Mapping[int, Paragraph]) -> bool:
    return paragraphs[heading.paragraph].text.rstrip(" \t\u3000").endswith("。")


def _minority(
    with_period: list[Heading], without: list[Heading], paragraphs: Mapping[int, Paragraph]
) -> Iterator[Violation]:
    """The less used form (those with 。 when even), the 。 itself when it is there."""
    periods = len(with_period) <= len(without)
    flagged, other = (with_period, without) if periods else (without, with_period)
    for heading in flagged:
        span = heading.span
        if periods:
            paragraph = paragraphs[heading.paragraph]
            end = len(paragraph.text.rstrip(" \t\u3000"))
            span = span_in(paragraph, end - 1, end)
        yield Violation(span, _message(heading, other[0], periods))


def _message(heading: Heading, example: Heading, has_period: bool) -> Text:
    marker, line = heading.marker.strip(), example.span.line
    if has_period:
        return Text(
            f"标题“{marker}”末尾有句号，而同级标题（如第 {line} 行）没有：同级标题写法应一致，"
            "独立标题一般不加句号",
            f"heading “{marker}” ends in 。 but its peers (line {line}) do not: keep one style",
        )
    return Text(
        f"标题“{marker}”末尾没有句号，而同级标题（如第 {line} 行）有：同级标题写法应一致",
        f"heading “{marker}” has no final 。 but its peers (line {line}) do: keep one style",
    )
