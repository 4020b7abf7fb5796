"""NUM-009 重新编号与接续编号混用（restart and run-on numbering mixed）

下级序号通常在每个上级标题下从 1 重新编起；也有文稿在（一）至（四）下连续编 1. 至
12.。两种方式都可以，但同一份报告只能用一种：一会儿接着编、一会儿又从 1 起，读者会
以为漏了内容。本规则比较同一上级之下相邻几组序号的起始方式，发现混用时警告一次。

合格：

    （一）坚持政治统领
    1.开展主题教育
    2.落实决策部署
    （二）坚持凝心铸魂
    3.深化日常教育
    4.守好意识形态阵地
    （三）坚持正风肃纪
    5.推进作风建设
    6.加强廉洁文化建设

不合格：

    （一）坚持政治统领
    1.开展主题教育
    2.落实决策部署
    （二）坚持凝心铸魂
    3.深化日常教育
    4.守好意识形态阵地
    （三）坚持正风肃纪
    1.推进作风建设
    2.加强廉洁文化建设

Numbers below a heading either restart under each parent or run on across parents; one report
keeps to one way. Groups under different grandparents (a new 一、) may restart either way.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from validator.checks._numbering import GroupStart, group_starts, parents
from validator.model import Heading, Text
from validator.rule import RuleContext, Violation, rule


@rule(
    code="NUM-009",
    name="restart-mixed",
    severity="warning",
    summary=Text("重新编号与接续编号不得混用", "Restart and run-on numbering not mixed"),
    source="编辑惯例（同一文稿编号方式一致）",
)
def check(context: RuleContext) -> Iterator[Violation]:
    parent_of = parents(context.document)
    established: dict[int, tuple[GroupStart, str]] = {}  # per level: its first styled group, and style
    reported: set[int] = set()
    for start in group_starts(context.document):
        style, rank = _style(start, parent_of), start.group.rank
        if style is None or rank in reported:
            continue
        first, first_style = established.setdefault(rank, (start, style))
        if first_style != style:
            reported.add(rank)  # one warning per level: the first switch shows the problem
            yield Violation(start.group.members[0].marker_span, _message(start, first))


def _style(start: GroupStart, parent_of: Mapping[int, Heading | None]) -> str | None:
    """``restart`` or ``continue``; None when the group tells nothing about the style.

    A group that starts at 1 under a parent whose previous same-rank group sits under
    another grandparent (a new 一、) may restart in either style.
    """
    if start.style == "continue":
        return "continue"
    if start.style != "restart" or start.previous is None:
        return None
    here, there = start.group.parent, start.previous.parent
    if here is None or there is None or parent_of.get(id(here)) is not parent_of.get(id(there)):
        return None
    return "restart"


def _message(start: GroupStart, established: GroupStart) -> Text:
    heading = start.group.members[0]
    marker, line = heading.marker.strip(), established.group.members[0].span.line
    if start.style == "continue":
        zh = f"“{marker}”接着上一组编号，而第 {line} 行的一组是重新从 1 编起的：全文编号方式应统一"
        en = (
            f"“{marker}” runs on from the previous group, but the group at line {line} restarts: pick one way"
        )
    else:
        zh = f"“{marker}”重新从 1 编起，而第 {line} 行的一组是接着上一组编号的：全文编号方式应统一"
        en = f"“{marker}” restarts at 1, but the group at line {line} runs on: pick one way"
    return Text(zh, en)
