"""Helpers shared by the NUM rules: numbered headings, sibling groups, and enumeration items.

The outline (``validator.parse.outline``) nests headings tolerantly; these helpers
read it back the way the numbering rules judge it: the numbered headings that
share a parent and a rank form one sibling group, and 一是/其一/第一， items,
whether they open a paragraph or run inside one, are enumeration items.
Unnumbered headings (004-style short lines, Markdown ``#``) carry no marker
and never take part in a numbering judgement.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping
from typing import NamedTuple

from validator.checks._text import lazy, per_document, reading_paragraphs, reading_text, span_in
from validator.model import Document, Heading, Paragraph, Span
from validator.parse.numerals import chinese_to_int

# The canonical marker of each rank, for messages.
CANONICAL = {1: "一、", 2: "（一）", 3: "1.", 4: "（1）", 5: "①"}

# What may legitimately follow a marker; anything in here right after it is doubled punctuation.
STRAY_AFTER_MARKER = "、，,.．:：;；"

_NUMERAL = r"(?:[二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])"

# An enumeration item inside a paragraph: at the start of the text or after a clause break.
# 一是一、二是二 is an idiom, 第一、二季度 a list of ordinals, 其一生 a word: none is an item.
_inline_item = lazy(
    r"(?:^|(?<=[。；：！？，;:!?,]))[ \u3000]*"
    rf"(?:(?P<shi>{_NUMERAL})是(?![一二三四五六七八九十][、，,])"
    rf"|其(?P<qi>{_NUMERAL})(?=[，、：,:]|是)"
    rf"|第(?P<di>{_NUMERAL})(?=[，、：,:](?![一二三四五六七八九十第]))"
    r"|(?P<sx>首先|其次)(?=[，,]|要|是))"
)
_SHOUXIAN = {"首先": 1, "其次": 2}
# What every item shows, each found by a fast literal search: the 是 of 一是 (up to three numerals
# after a clause break or a line start), 其一/其次, 第一, 首先. A paragraph that shows none of them
# holds no item; one that does is searched with _inline_item.
_BREAK = "[\n。；：！？，;:!?, \u3000]"
_DIGIT = "[一二三四五六七八九十]"
_ITEM_HINTS = tuple(
    lazy(pattern)
    for pattern in (
        rf"是(?:(?<={_BREAK}{_DIGIT}是)|(?<={_BREAK}{_DIGIT}{{2}}是)|(?<={_BREAK}{_DIGIT}{{3}}是))",
        rf"其(?<={_BREAK}其)(?=[一二三四五六七八九十次])",
        rf"第(?<={_BREAK}第)(?={_DIGIT})",
        rf"首先(?<={_BREAK}首先)",
    )
)


def is_numbered(heading: Heading) -> bool:
    """A heading with a numbered marker (一、 （一） 1. （1） ①): what the numbering rules judge."""
    return (
        heading.kind == "heading"
        and heading.rank is not None
        and bool(heading.marker)
        and (heading.number is not None)
    )


class _Numbered(NamedTuple):
    headings: tuple[Heading, ...]  # in document order
    by_rank: Mapping[int, tuple[Heading, ...]]  # each rank's, in document order


@per_document
def _numbered(document: Document) -> _Numbered:
    """The numbered headings, all and by rank, from one pass over the headings (every NUM rule asks)."""
    found: list[Heading] = []
    ranks: dict[int, list[Heading]] = {}
    for heading in document.all_headings:
        rank = heading.rank
        if heading.kind == "heading" and rank is not None and heading.marker and heading.number is not None:
            found.append(heading)
            if rank in ranks:
                ranks[rank].append(heading)
            else:
                ranks[rank] = [heading]
    return _Numbered(tuple(found), {rank: tuple(headings) for rank, headings in ranks.items()})


def numbered(document: Document) -> tuple[Heading, ...]:
    """The report's numbered headings, in document order (computed once per report)."""
    return _numbered(document).headings


def numbered_by_rank(document: Document) -> Mapping[int, tuple[Heading, ...]]:
    """The numbered headings of each rank, in document order (shared by the rules: read only)."""
    return _numbered(document).by_rank


def after_marker(heading: Heading, paragraph: Paragraph) -> str:
    """The character right after the marker ('' at the end of the paragraph)."""
    return paragraph.text[len(heading.marker) : len(heading.marker) + 1]


def stray_span(heading: Heading) -> Span:
    """The marker with the doubled punctuation that follows it (``1.、``)."""
    span = heading.marker_span
    return Span.on_line(span.line, span.column, span.end_column + 1)


def parents(document: Document) -> Mapping[int, Heading | None]:
    """Each heading's parent (None at the top level), keyed by ``id(heading)``."""
    return _family(document).parents


# ---------------------------------------------------------------------------- sibling groups


class Group(NamedTuple):
    """The numbered headings of one rank under one parent (None: the report's top level)."""

    parent: Heading | None
    rank: int
    members: tuple[Heading, ...]


class _Family(NamedTuple):
    parents: Mapping[int, Heading | None]  # by ``id(heading)``
    groups: tuple[Group, ...]  # in the document order of their first member


def sibling_groups(document: Document) -> tuple[Group, ...]:
    """Every sibling group of numbered headings, in the document order of their first member."""
    return _family(document).groups


@per_document
def _family(document: Document) -> _Family:
    """Each heading's parent and the sibling groups, from one walk of the heading tree."""
    found: dict[int, Heading | None] = {}
    groups: list[Group] = []
    pending: list[tuple[Heading | None, tuple[Heading, ...]]] = [(None, document.headings)]
    while pending:
        parent, children = pending.pop()
        by_rank: dict[int, list[Heading]] = {}
        for child in children:
            found[id(child)] = parent
            rank = child.rank
            if child.kind == "heading" and rank is not None and child.marker and child.number is not None:
                if rank in by_rank:
                    by_rank[rank].append(child)
                else:
                    by_rank[rank] = [child]
            if child.children:
                pending.append((child, child.children))
        for rank, members in by_rank.items():
            groups.append(Group(parent, rank, tuple(members)))
    groups.sort(key=lambda group: (group.members[0].span.line, group.members[0].span.column))
    return _Family(found, tuple(groups))


def runs(members: tuple[Heading, ...]) -> list[list[Heading]]:
    """A group split where the numbering starts again at 1 after a list of two or more.

    Two lists under one heading (problems 1.–3., then measures 1.–3.) are not
    a duplicated 1.; a 1. right after a lone 1. is.
    """
    result: list[list[Heading]] = []
    for member in members:
        if result and not (member.number == 1 and len(result[-1]) >= 2):
            result[-1].append(member)
        else:
            result.append([member])
    return result


class GroupStart(NamedTuple):
    """How a sibling group's numbering begins."""

    group: Group
    style: str  # "first" (first group of its rank), "restart", "continue" or "wrong"
    expected: tuple[int, ...]  # the acceptable first numbers
    previous: Group | None  # the previous group of the same rank


@per_document
def group_starts(document: Document) -> tuple[GroupStart, ...]:
    """How each sibling group starts: at 1, or where the previous group of its rank stopped.

    Numbering that runs on across parents (1.–12. across （一）…（四）) is a
    style of its own; a group that does neither is wrong.
    """
    previous: dict[int, Group] = {}
    starts: list[GroupStart] = []
    for group in sibling_groups(document):
        before = previous.get(group.rank)
        first = group.members[0].number
        last = before.members[-1].number if before else None
        expected = (1,) if last is None else (1, last + 1)
        if first not in expected:
            style = "wrong"
        elif before is None:
            style = "first"
        else:
            style = "restart" if first == 1 else "continue"
        starts.append(GroupStart(group, style, expected, before))
        previous[group.rank] = group
    return tuple(starts)


def next_marker(heading: Heading) -> str:
    """The marker of the next sibling written the way ``heading``'s is: （二） after （一）, 3． after 2．."""
    number, marker = heading.number, heading.marker.strip()
    if number is None:
        return ""
    if heading.style.numeral == "circled":
        return re.sub("[①-⑳⑴-⒇]", lambda m: chr(ord(m.group()) + 1), marker, count=1)
    if heading.style.numeral == "arabic":
        following = str(number + 1)
        if heading.style.digits == "fullwidth":
            following = following.translate(_FULLWIDTH_DIGITS)
        return re.sub("[0-9０-９]+", following, marker, count=1)
    return re.sub("[一二三四五六七八九十]+", chinese_numeral(number + 1), marker, count=1)


_FULLWIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def marker_list(numbers: tuple[int, ...], rank: int) -> str:
    return "或".join(f"“{format_marker(number, rank)}”" for number in numbers)


def format_marker(number: int, rank: int) -> str:
    """The canonical marker of ``number`` at ``rank``: 3 at rank 2 is （三）."""
    if rank in (1, 2):
        numeral = chinese_numeral(number)
        return f"{numeral}、" if rank == 1 else f"（{numeral}）"
    if rank == 3:
        return f"{number}."
    if rank == 4:
        return f"（{number}）"
    return chr(ord("①") + number - 1) if 1 <= number <= 20 else str(number)


def chinese_numeral(number: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 23 → 二十三, 100 → 一百, 105 → 一百零五.

    Any whole number is written (a marker such as 九十九、 is followed by 一百、,
    not by a crash); from 10,000 on, or below 1, Arabic digits are used.
    """
    digits = "零一二三四五六七八九"
    if number < 1 or number >= 10_000:
        return str(number)
    if number < 10:
        return digits[number]
    if number < 20:
        return "十" + (digits[number - 10] if number > 10 else "")
    written = ""
    pending_zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, number = divmod(number, value)
        if digit:
            written += ("零" if pending_zero and written else "") + digits[digit] + unit
            pending_zero = False
        else:
            pending_zero = True
    return written


# ---------------------------------------------------------------------------- enumeration items


class EnumItem(NamedTuple):
    """One enumeration item: its family (是 一是, 其 其一, 第 第一，, 首先 首先/其次), number and place."""

    family: str
    number: int
    written: str
    span: Span


ENUM_WORDS = {"是": "{}是", "其": "其{}", "第": "第{}，", "首先": "{}"}


def enum_word(family: str, number: int) -> str:
    """How item ``number`` of ``family`` is written: 是 3 → 三是, 第 2 → 第二，."""
    if family == "首先":
        return {1: "首先", 2: "其次"}.get(number, "")
    return ENUM_WORDS[family].format(chinese_numeral(number))


def heading_item(heading: Heading) -> EnumItem | None:
    """The enumeration item a paragraph-level enum heading stands for."""
    if heading.kind != "enum" or heading.number is None:
        return None
    family = "第" if heading.marker.startswith("第") else "其" if heading.marker.startswith("其") else "是"
    written = heading.marker.rstrip("、，,:：")
    return EnumItem(family, heading.number, written, heading.marker_span)


def paragraphs_with_items(document: Document) -> set[int]:
    """The indexes of the paragraphs that may hold an enumeration item (a few searches of the report)."""
    text, starts = reading_text(document)
    paragraphs = reading_paragraphs(document)
    found: set[int] = {paragraphs[0].index} if paragraphs else set()  # no line break before it
    for hint in _ITEM_HINTS:
        for match in hint().finditer(text):
            found.add(paragraphs[bisect.bisect_right(starts, match.start()) - 1].index)
    return found


def inline_items(paragraph: Paragraph, start: int = 0) -> Iterator[EnumItem]:
    """The enumeration items inside ``paragraph.text[start:]``, in order."""
    text = paragraph.text
    for match in _inline_item().finditer(text, start):
        family = next(name for name in ("shi", "qi", "di", "sx") if match.group(name))
        word = match.group(family)
        number = _SHOUXIAN[word] if family == "sx" else chinese_to_int(word)
        if number is None:
            continue
        begin = match.start(family) - (1 if family in ("qi", "di") else 0)
        end = match.end(family) + (1 if family == "shi" else 0)
        name = {"shi": "是", "qi": "其", "di": "第", "sx": "首先"}[family]
        yield EnumItem(name, number, text[begin:end], span_in(paragraph, begin, end))
