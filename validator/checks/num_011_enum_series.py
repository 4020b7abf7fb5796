"""NUM-011 “一是、二是”序列连续（一是…二是… series run on, one kind at a time）

“一是……二是……三是……”是报告里最常用的列项方式，既有每项单独成段的，也有写在同一段里
的。序列应当从“一是”开始逐个递增，不跳号（一是…三是）、不重号；同一组列项也不要把
“一是”与“其二”“第三，”或“首先”“其次”混用（GB/T 15834-2011 的解读材料也提醒“首先、其次”
不与“第一、第二”混用）。跳号、重号是错误；混用、缺少“一是”给出警告。每个标题之下重新
计数；同一段里再次出现“一是”就开始一个新的序列；“其次”之后仍有本序列的“二是”时，“其次”
只是连接词，不算混用。

合格：

    一是加强理论学习。二是严格组织生活。三是抓好作风建设。

不合格：

    一是加强理论学习。三是抓好作风建设。
    一是加强理论学习。其次，要严格组织生活。

An 一是…二是… series, in separate paragraphs or inside one, starts at 一是 and goes up by one
(a gap or a repeat is an error) and does not switch to 其二, 第三， or 首先/其次 (a warning).
Each heading starts the count again, and so does a new 一是.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Mapping
from types import MappingProxyType

from validator.checks._numbering import EnumItem, enum_word, heading_item, inline_items, paragraphs_with_items
from validator.checks._text import prose_indices, prose_paragraphs
from validator.model import Heading, Text
from validator.rule import RuleContext, Violation, rule

_FAMILIES = ("是", "其", "第", "首先")
_NO_CARRY: Mapping[str, tuple[int, EnumItem]] = MappingProxyType({})


class _Series:
    """The last number of each kind of series (是, 其, 第, 首先) that is open."""

    def __init__(self) -> None:
        self.last: dict[str, tuple[int, EnumItem]] = {}

    def feed(self, item: EnumItem, *, anchored: bool, upcoming: Mapping[str, int]) -> Iterator[Violation]:
        """Judge ``item`` against the open series.

        ``anchored``: the item opens a paragraph, so a missing 一是 before it is worth a
        warning. ``upcoming``: the number of the next item of each kind, so that one
        mistyped number (一是 三是 三是 四是) is reported once, and a 其次 that is followed
        by its own 二是 is a mere connective, not a replacement for 二是.
        """
        family, number = item.family, item.number
        if number == 1:
            self.last[family] = (1, item)
        elif family in self.last:
            previous, before = self.last[family]
            expected = previous + 1
            self.last[family] = (expected if upcoming.get(family) == expected + 1 else number, item)
            if number != expected and family != "首先":
                yield Violation(item.span, _broken(item, previous, before))
        else:
            self.last[family] = (number, item)
            other = next((f for f, (n, _) in self.last.items() if n == number - 1 and f != family), None)
            if other is not None and upcoming.get(other) != number:
                before = self.last[other][1]
                self.last[other] = (number, item)  # either kind may go on: warn once
                yield Violation(item.span, _mixed(item, other, before), severity="warning")
            elif other is None and anchored and family != "首先":
                yield Violation(item.span, _unopened(item), severity="warning")


@rule(
    code="NUM-011",
    name="enum-series",
    severity="error",
    summary=Text("“一是、二是”序列应连续、不混用", "一是…二是… series run on and do not mix kinds"),
    source="GB/T 15834-2011（序次语）；编辑惯例",
)
def check(context: RuleContext) -> Iterator[Violation]:
    document = context.document
    candidates = paragraphs_with_items(document)
    opening: dict[int, Heading] = {heading.paragraph: heading for heading in document.all_headings}
    # The paragraphs that hold an item (opening it or inside it), and those that close the series.
    events = candidates.union([index for index, heading in opening.items() if heading.kind == "enum"])
    if not events:
        return  # no item anywhere: nothing to judge
    prose, indices = prose_paragraphs(document), prose_indices(document)
    # Between two of them, any other paragraph ends what the first carries over, and a heading
    # paragraph (a prose one) also closes the open series.
    resets = sorted(index for index, heading in opening.items() if heading.kind == "heading")
    following = _following_items(document.all_headings)
    outer = _Series()
    carry: Mapping[str, tuple[int, EnumItem]] = _NO_CARRY
    last = -1  # the position in ``prose`` of the previous paragraph judged
    for index in sorted(events):
        if not _is_prose(indices, index):
            continue  # the title
        at = bisect.bisect_left(indices, index)
        if at - last > 1:
            carry = _NO_CARRY
            if last >= 0 and any(_is_prose(indices, r) for r in _between(resets, indices[last], index)):
                outer = _Series()
        last = at
        paragraph = prose[at]
        heading = opening.get(paragraph.index)
        items: list[EnumItem] = []
        if paragraph.index in candidates:
            items = list(inline_items(paragraph, len(heading.marker) if heading else 0))
        after_paragraph: dict[str, int] = {}
        upcoming_items = _upcoming(items)
        series = _Series()
        if heading is not None and heading.kind == "heading":
            outer = _Series()
        elif heading is not None and (item := heading_item(heading)) is not None:
            continued = carry.get(item.family)
            if item.family not in outer.last and continued and continued[0] == item.number - 1:
                outer.last[item.family] = continued
            after_paragraph = following.get(heading.paragraph, {})
            yield from outer.feed(item, anchored=True, upcoming={**after_paragraph, **upcoming_items[0]})
            series = outer  # 一是…。二是… in one paragraph goes on until a 一是 opens a nested series
        for position, item in enumerate(items):
            if item.number == 1 and series is outer:
                series = _Series()
            upcoming = upcoming_items[position + 1]
            if series is outer:
                upcoming = {**after_paragraph, **upcoming}
            yield from series.feed(item, anchored=False, upcoming=upcoming)
        carry = {} if series is outer else series.last


def _between(ordered: list[int], low: int, high: int) -> list[int]:
    """The numbers of ``ordered`` strictly between ``low`` and ``high``."""
    return ordered[bisect.bisect_right(ordered, low) : bisect.bisect_left(ordered, high)]


def _is_prose(indices: tuple[int, ...], index: int) -> bool:
    at = bisect.bisect_left(indices, index)
    return at < len(indices) and indices[at] == index


def _upcoming(items: list[EnumItem]) -> list[dict[str, int]]:
    """For each position ``p`` from -1 on, at ``[p + 1]``: the number of the next item of each kind
    after ``items[p]``.

    Built in one backward pass (a few kinds, so a small dict per item): asking the rest of
    the paragraph for each item would be quadratic in a paragraph of 10^5 items.
    """
    upcoming: list[dict[str, int]] = [{} for _ in range(len(items) + 1)]
    running: dict[str, int] = {}
    for position in range(len(items) - 1, -2, -1):
        upcoming[position + 1] = dict(running)
        if position >= 0:
            running[items[position].family] = items[position].number
    return upcoming


def _following_items(headings: tuple[Heading, ...]) -> dict[int, dict[str, int]]:
    """For each item paragraph, the number of the next item paragraph of each kind under its heading."""
    following: dict[int, dict[str, int]] = {}
    waiting: dict[str, list[int]] = {}  # kind -> item paragraphs still waiting for the next item of it
    for heading in headings:
        item = heading_item(heading) if heading.kind == "enum" else None
        if item is None:
            if heading.kind == "heading" and waiting:
                waiting.clear()
            continue
        for paragraph in waiting.pop(item.family, ()):
            following[paragraph][item.family] = item.number
        following[heading.paragraph] = {}
        for family in _FAMILIES:
            waiting.setdefault(family, []).append(heading.paragraph)
    return following


def _broken(item: EnumItem, previous: int, before: EnumItem) -> Text:
    expected = enum_word(item.family, previous + 1)
    if item.number == previous:
        zh, en = "重复", "is repeated"
    elif item.number > previous:
        zh, en = "跳号", "skips a number"
    else:
        zh, en = "顺序颠倒", "goes backwards"
    return Text(
        f"列项“{item.written}”{zh}：前一项是“{before.written}”（第 {before.span.line} 行），"
        f"此处应为“{expected}”",
        f"item “{item.written}” {en}: the previous one is “{before.written}” (line {before.span.line}); "
        f"expected “{expected}”",
    )


def _mixed(item: EnumItem, family: str, before: EnumItem) -> Text:
    expected = enum_word(family, item.number)
    return Text(
        f"列项“{item.written}”与前面的“{before.written}”（第 {before.span.line} 行）不是同一种序次语，"
        f"应统一为“{expected}”",
        f"item “{item.written}” mixes kinds with “{before.written}” (line {before.span.line}): "
        f"write “{expected}”",
    )


def _unopened(item: EnumItem) -> Text:
    first = enum_word(item.family, 1)
    return Text(
        f"列项“{item.written}”前面没有“{first}”：序列应从“{first}”开始",
        f"item “{item.written}” has no “{first}” before it: a series starts at “{first}”",
    )
