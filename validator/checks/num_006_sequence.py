"""NUM-006 同级序号连续（sibling numbers run 1, 2, 3 without gaps or repeats）

同一上级标题下的同级序号应当从“一”或“1”开始，逐个加一，不跳号、不重号。跳号
（一、二、四、）和重号（1. 2. 2.）通常是增删段落后忘了重新编号，是审校必查的“序号
错误”。整篇连续编号（在（一）至（四）下依次编 1. 至 12.）是一种可以接受的编号方式，
此时按接续的序号判断；一个标题下先后列出两组各自从 1 起的序号（问题 1.–3.、措施
1.–3.）也不算重号；Markdown 文件里按惯例全部写作“1.”的列表由渲染器编号，也不算重号。

合格：

    一、加强政治建设
    二、强化理论武装
    三、严明纪律规矩

不合格：

    一、加强政治建设
    二、强化理论武装
    四、严明纪律规矩

Sibling numbers start at 1 and go up by one, with no gap and no repeat. Numbering that runs
on across parents (1.–12. across （一）…（四）) is judged as one run; a Markdown list written
1. 1. 1. is numbered by the renderer.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.checks._numbering import Group, format_marker, group_starts, marker_list, runs
from validator.model import Heading, Text
from validator.rule import RuleContext, Violation, rule


@rule(
    code="NUM-006",
    name="sequence",
    severity="error",
    summary=Text("同级序号应连续、不重号", "Sibling numbers run on without gaps or repeats"),
    source="GB/T 9704-2012 §7.3.3；编辑惯例（序号检查）",
)
def check(context: RuleContext) -> Iterator[Violation]:
    markdown = context.document.source_format == "markdown"
    for start in group_starts(context.document):
        first = start.group.members[0]
        if markdown and all(member.number == 1 for member in start.group.members):
            continue  # a Markdown list numbered 1. 1. 1. is rendered 1. 2. 3.
        if start.style == "wrong":
            yield Violation(first.marker_span, _bad_start(first, start.expected, start.group.rank))
        yield from _within(start.group)


def _within(group: Group) -> Iterator[Violation]:
    """Each number against the one before; a single mistyped number (1. 3. 3. 4.) is reported once."""
    numbers = [member.number or 0 for member in group.members]
    if numbers == list(range(numbers[0], numbers[0] + len(numbers))):
        return  # the usual group: 1. 2. 3. (one run, every step right)
    for run in runs(group.members):
        base = run[0].number or 0
        for position, heading in enumerate(run[1:], start=1):
            number, expected = heading.number or 0, base + 1
            if number == expected:
                base = expected
                continue
            yield Violation(heading.marker_span, _bad_step(run[position - 1], heading, expected, group.rank))
            following = run[position + 1].number if position + 1 < len(run) else None
            base = expected if following == expected + 1 else number


def _bad_start(heading: Heading, expected: tuple[int, ...], rank: int) -> Text:
    wanted = marker_list(expected, rank)
    return Text(
        f"序号“{heading.marker.strip()}”与前面的同级序号不衔接，此处应为{wanted}",
        f"“{heading.marker.strip()}” does not follow on from its siblings: expected {wanted}",
    )


def _bad_step(before: Heading, heading: Heading, expected: int, rank: int) -> Text:
    marker, wanted, previous = heading.marker.strip(), format_marker(expected, rank), before.marker.strip()
    if heading.number == before.number:
        zh, en = f"序号“{marker}”重复", f"“{marker}” is repeated"
    elif heading.number is not None and heading.number > expected:
        zh, en = f"序号“{marker}”跳号", f"“{marker}” skips a number"
    else:
        zh, en = f"序号“{marker}”顺序有误", f"“{marker}” is out of order"
    return Text(
        f"{zh}：前一个同级序号是“{previous}”（第 {before.span.line} 行），此处应为“{wanted}”",
        f"{en}: the previous sibling is “{previous}” (line {before.span.line}); expected “{wanted}”",
    )
