"""NUM-007 层级倒置（level inversion）

GB/T 9704-2012 §7.3.3 的层次依次是“一、”“（一）”“1.”“（1）”，上一层的序号不能出现在
下一层之下。“1.”之后紧接着出现“（一）”，或者“1.”“（一）”出现在全文第一个“一、”之前，
读者就无法判断层次归属。本规则按正文顺序判断：一个较高层次的序号出现在较低层次的
序号之后，而它前面没有同层次的兄弟序号，即为倒置。

合格：

    一、加强政治建设
    1.坚持理论学习

不合格：

    一、加强政治建设
    1.坚持理论学习
    （一）严格组织生活

Higher-rank markers never appear below lower-rank ones (一、 > （一） > 1. > （1）): a （一）
right after a 1. with no （一） sibling before it, or a 1. before the first 一、, is an inversion.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.checks._numbering import is_numbered
from validator.model import Heading, Text
from validator.rule import RuleContext, Violation, rule


@rule(
    code="NUM-007",
    name="inversion",
    severity="error",
    summary=Text("标题层级不得倒置", "No level inversion"),
    source="GB/T 9704-2012 §7.3.3",
)
def check(context: RuleContext) -> Iterator[Violation]:
    open_headings: list[Heading] = []  # the headings that are open, outermost first
    for heading in context.document.all_headings:
        rank = heading.rank
        if heading.kind != "heading" or rank is None:
            continue
        lowest: Heading | None = None  # the last numbered heading closed here (the outermost)
        while open_headings and (open_headings[-1].rank or 0) > rank:
            closed = open_headings.pop()
            if is_numbered(closed):
                lowest = closed
        sibling = bool(open_headings) and open_headings[-1].rank == rank
        if lowest is not None and not sibling and is_numbered(heading):
            yield Violation(heading.marker_span, _message(heading, lowest))
        if sibling:
            open_headings.pop()
        open_headings.append(heading)


def _message(heading: Heading, lower: Heading) -> Text:
    marker, below = heading.marker.strip(), lower.marker.strip()
    return Text(
        f"层级倒置：较高层次的“{marker}”出现在较低层次的“{below}”（第 {lower.span.line} 行）之后，"
        "层次应依次为“一、”“（一）”“1.”“（1）”",
        f"inverted levels: “{marker}” comes after the lower-level “{below}” (line {lower.span.line}); "
        "levels go 一、 > （一） > 1. > （1）",
    )
