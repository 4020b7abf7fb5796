"""The parts of a self-examination material, as the checklist's evidence locates them.

SEC-015, SEC-016 and SEC-018 judge the problems part of a 对照检查材料 (the ``self-review``
checklist): they run on a report whose evidence has a ``causes`` item, and read the part from
its first evidence paragraph up to the next part (a heading of the same or a higher level, or
the first evidence of the causes or the measures). A headed part's aspects are its
sub-headings; an unheaded one's are its 一是/二是 items.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import accumulate, pairwise

from validator.model import Document, Heading, Paragraph, Span

from ._text import lazy, span_in

SELF_REVIEW_ITEM = "causes"  # only the self-review checklist has it
_NEXT_PARTS = ("causes", "measures")
_enum = lazy(r"(?:^|(?<=[。；;：:]))\s*[一二三四五六七八九十]是")


@dataclass(frozen=True)
class Aspect:
    """One aspect of the problems part: where it starts, and its whole text."""

    span: Span
    label: str
    text: str


def is_self_review(evidence: Mapping[str, tuple[Paragraph, ...]]) -> bool:
    return SELF_REVIEW_ITEM in evidence and bool(evidence.get("problems"))


Evidence = Mapping[str, tuple[Paragraph, ...]]


def self_review_problems(document: Document, evidence: Evidence) -> list[Paragraph]:
    """The problems part of a self-review material; empty for any other report, or without one."""
    return problems_part(document, evidence) if is_self_review(evidence) else []


def problems_part(document: Document, evidence: Mapping[str, tuple[Paragraph, ...]]) -> list[Paragraph]:
    """The paragraphs of the problems part (empty when the checklist found none)."""
    found = evidence.get("problems", ())
    if not found:
        return []
    start = found[0]
    later = [p.index for key in _NEXT_PARTS for p in evidence.get(key, ()) if p.index > start.index]
    stop = min(later, default=None)
    heading = _heading_at(document, start.index)
    part = [start]
    for paragraph in document.paragraphs:
        if paragraph.index <= start.index or paragraph.kind == "end_matter":
            continue
        if stop is not None and paragraph.index >= stop:
            break
        other = _heading_at(document, paragraph.index)
        if heading is not None and other is not None and _closes(heading, other):
            break
        if heading is None and other is not None and other.kind == "heading" and other.rank == 1:
            break
        part.append(paragraph)
    return part


def aspects(document: Document, part: list[Paragraph]) -> list[Aspect]:
    """The problems part's aspects: its sub-headings, else its 一是/二是 items, else the whole part."""
    if not part:
        return []
    heading = _heading_at(document, part[0].index)
    children = [child for child in heading.children if child.kind == "heading"] if heading else []
    if children:
        return _by_subheadings(part, children)
    items = _enum_items(part)
    if len(items) >= 2:
        return items
    return [Aspect(part[0].span, part[0].text[:16], "".join(paragraph.text for paragraph in part))]


def _enum_items(part: list[Paragraph]) -> list[Aspect]:
    """The 一是/二是 items of an unheaded part, each up to the next (across paragraphs)."""
    text = "".join(paragraph.text for paragraph in part)
    offsets = list(accumulate((len(p.text) for p in part), initial=0))
    starts = [match.end() - 2 for match in _enum().finditer(text)]
    items = []
    for begin, end in pairwise([*starts, len(text)]):
        at = bisect_right(offsets, begin) - 1
        paragraph = part[at]
        local = begin - offsets[at]
        items.append(Aspect(span_in(paragraph, local, local + 2), text[begin : begin + 16], text[begin:end]))
    return items


def _by_subheadings(part: list[Paragraph], children: list[Heading]) -> list[Aspect]:
    starts = [child.paragraph for child in children]
    found = []
    for child, begin, end in zip(children, starts, [*starts[1:], None], strict=True):
        text = "".join(p.text for p in part if p.index >= begin and (end is None or p.index < end))
        found.append(Aspect(child.span, child.title[:24], text))
    return found


def _heading_at(document: Document, index: int) -> Heading | None:
    return next((h for h in document.all_headings if h.paragraph == index), None)


def _closes(heading: Heading, other: Heading) -> bool:
    """Whether ``other`` ends the part that ``heading`` opened (same or higher level)."""
    if other.kind != "heading" or heading.rank is None or other.rank is None:
        return False
    return other.rank <= heading.rank


__all__ = ["Aspect", "aspects", "is_self_review", "problems_part", "self_review_problems"]
