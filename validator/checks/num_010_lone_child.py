"""NUM-010 有一无二（a lone numbered heading）

编辑惯例“有一必有二”：既然分条列项，就至少有两条。只有“（一）”没有“（二）”、只有
“一、”没有“二、”，多半是漏写了后面的部分，或者这一层本不必编号。后面的序号写在同一段
里的（“（1）……。（2）……。”）不算只有一个。

合格：

    一、加强政治建设
    （一）坚持理论学习
    （二）严格组织生活

不合格：

    一、加强政治建设
    （一）坚持理论学习
    二、强化作风建设

A numbered heading with no sibling of its rank under the same parent (only （一）, no （二）)
breaks the editorial convention that a list has at least two items (a second item inside the
same paragraph counts).
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.checks._numbering import next_marker, sibling_groups
from validator.checks._text import paragraphs_by_index
from validator.model import Heading, Paragraph, Text
from validator.rule import RuleContext, Violation, rule

_NAME_CHARS = 12


@rule(
    code="NUM-010",
    name="lone-child",
    severity="warning",
    summary=Text("有一必有二：同级序号至少两个", "A numbered list has at least two items"),
    source="编辑惯例（有一必有二）",
)
def check(context: RuleContext) -> Iterator[Violation]:
    paragraphs = paragraphs_by_index(context.document)
    for group in sibling_groups(context.document):
        if len(group.members) != 1:
            continue
        heading = group.members[0]
        if _followed_inline(heading, paragraphs[heading.paragraph]):
            continue
        marker = heading.marker.strip()
        parent = _name(group.parent)
        where_zh, where_en = ("本报告第一层", " at the top level")
        if parent:
            where_zh, where_en = f"“{parent}”下", f" under “{parent}”"
        yield Violation(
            heading.marker_span,
            Text(
                f"{where_zh}只有一个同级序号“{marker}”：分条列项至少应有两条，或者不编号",
                f"“{marker}” is the only item of its level{where_en}: a list needs two items, or no number",
            ),
        )


def _name(heading: Heading | None) -> str:
    """How a message names the parent: its marker and the start of its title."""
    if heading is None:
        return ""
    name = heading.marker.strip() + heading.title
    return name if len(name) <= _NAME_CHARS else name[:_NAME_CHARS] + "…"


def _followed_inline(heading: Heading, paragraph: Paragraph) -> bool:
    """（1）甲。（2）乙。 in one paragraph: the second item is there, inside the paragraph."""
    following = next_marker(heading)
    return bool(following) and following in paragraph.text[len(heading.marker) :]
