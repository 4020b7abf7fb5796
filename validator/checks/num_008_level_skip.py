"""NUM-008 跳级使用序号（a level is skipped）

GB/T 9704-2012 §7.3.3 说结构层次序数“依次可以用”“一、”“（一）”“1.”“（1）”。有的写作
规范允许“按顺序跳用”（“一、”下直接用“1.”），有的要求“避免跳级”；两种做法都常见，本
规则只作提示，每份报告每种跳法提示一次，并给出有几个标题下如此。

合格：

    一、加强政治建设
    （一）坚持理论学习
    1.落实第一议题制度

不合格：

    一、加强政治建设
    1.落实第一议题制度

A level skipped downwards (一、 straight to 1.) is allowed by some style guides and discouraged by
others: one info finding per report and kind of skip, with the number of headings where it happens.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.checks._numbering import CANONICAL, Group, numbered, sibling_groups
from validator.model import Heading, Text
from validator.rule import RuleContext, Violation, rule


@rule(
    code="NUM-008",
    name="level-skip",
    severity="info",
    summary=Text("标题层级跳级", "A heading level is skipped"),
    source="GB/T 9704-2012 §7.3.3（“依次可以用”）；编辑惯例（跃层与避免跳级两说）",
)
def check(context: RuleContext) -> Iterator[Violation]:
    # Under each parent, the first numbered child of each rank: its sibling group's first member.
    groups_under: dict[int, list[Group]] = {}
    for group in sibling_groups(context.document):
        if group.parent is not None:
            groups_under.setdefault(id(group.parent), []).append(group)
    skips: dict[tuple[int, int], list[tuple[Heading, Heading]]] = {}
    for parent in numbered(context.document):  # in document order: each skip's pairs in that order
        if parent.rank is None:
            continue
        for group in groups_under.get(id(parent), ()):
            if group.rank > parent.rank + 1:
                skips.setdefault((parent.rank, group.rank), []).append((parent, group.members[0]))
    for (upper, lower), pairs in sorted(skips.items(), key=lambda item: item[1][0][1].span):
        parent, child = pairs[0]
        yield Violation(child.marker_span, _message(parent, child, upper, lower, len(pairs)))


def _message(parent: Heading, child: Heading, upper: int, lower: int, count: int) -> Text:
    """The markers as written where the skip first happens (“三、” then “1.”), not a canonical “一、”."""
    above, below = parent.marker.strip(), child.marker.strip()
    missing = "”“".join(CANONICAL[rank] for rank in range(upper + 1, lower))
    return Text(
        f"“{above}”下直接使用“{below}”，跳过了“{missing}”层次（本报告共 {count} 个标题下如此）",
        f"“{below}” directly under “{above}” skips the “{missing}” level "
        f"(under {count} heading(s) in this report)",
    )
