"""The NUM helpers walk the heading tree once; NUM-008 reads the sibling groups instead of the children.

Each is compared with the way it was computed before, on arbitrary outlines made of every kind
of heading marker (skipped levels, inversions, restarts, unnumbered lines).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from hypothesis import given, settings
from hypothesis import strategies as st

from validator.checks import _numbering, num_008_level_skip
from validator.checks._numbering import Group, is_numbered
from validator.engine.evaluate import rule_context
from validator.model import Document, Heading, RunSettings
from validator.parse import parse_text
from validator.rule import Violation

MARKERS = [
    "一、",
    "二、",
    "三、",
    "（一）",
    "（二）",
    "（三）",
    "1.",
    "2.",
    "3.",
    "（1）",
    "（2）",
    "①",
    "②",
    "一是",
    "二是",
]
LINES = st.one_of(
    st.tuples(st.sampled_from(MARKERS), st.sampled_from(["加强学习", "推进工作。正文如下。", ""])).map(
        "".join
    ),
    st.sampled_from(["正文段落。", "工作打算", ""]),
)
reports = st.lists(LINES, min_size=1, max_size=30).map(
    lambda lines: "某局工作总结\n\n" + "\n".join(lines) + "\n"
)


def _old_parents(document: Document) -> dict[int, Heading | None]:
    found: dict[int, Heading | None] = {}
    pending: list[tuple[Heading | None, tuple[Heading, ...]]] = [(None, document.headings)]
    while pending:
        parent, children = pending.pop()
        for child in children:
            found[id(child)] = parent
            if child.children:
                pending.append((child, child.children))
    return found


def _old_groups(document: Document) -> tuple[Group, ...]:
    groups: list[Group] = []
    pending: list[tuple[Heading | None, tuple[Heading, ...]]] = [(None, document.headings)]
    while pending:
        parent, children = pending.pop()
        by_rank: dict[int, list[Heading]] = {}
        for child in children:
            if is_numbered(child) and child.rank is not None:
                by_rank.setdefault(child.rank, []).append(child)
            if child.children:
                pending.append((child, child.children))
        groups.extend(Group(parent, rank, tuple(members)) for rank, members in by_rank.items())
    groups.sort(key=lambda group: (group.members[0].span.line, group.members[0].span.column))
    return tuple(groups)


def _old_by_rank(document: Document) -> Mapping[int, tuple[Heading, ...]]:
    ranks: dict[int, list[Heading]] = {}
    for heading in document.all_headings:
        if is_numbered(heading) and heading.rank is not None:
            ranks.setdefault(heading.rank, []).append(heading)
    return {rank: tuple(headings) for rank, headings in ranks.items()}


def _old_level_skips(document: Document) -> Iterator[Violation]:
    skips: dict[tuple[int, int], list[tuple[Heading, Heading]]] = {}
    for parent in (h for h in document.all_headings if is_numbered(h)):
        if not parent.children or parent.rank is None:
            continue
        ranks = {child.rank: child for child in reversed(parent.children) if is_numbered(child)}
        for rank, child in ranks.items():
            if rank is not None and rank > parent.rank + 1:
                skips.setdefault((parent.rank, rank), []).append((parent, child))
    for (upper, lower), pairs in sorted(skips.items(), key=lambda item: item[1][0][1].span):
        parent, child = pairs[0]
        yield Violation(
            child.marker_span, num_008_level_skip._message(parent, child, upper, lower, len(pairs))
        )


@settings(max_examples=300, deadline=None)
@given(reports)
def test_the_shared_walks_and_num_008_give_what_they_gave(text: str) -> None:
    for document in parse_text(text, "x.txt").documents:
        assert _numbering.parents(document) == _old_parents(document)
        assert _numbering.sibling_groups(document) == _old_groups(document)
        assert _numbering.numbered_by_rank(document) == _old_by_rank(document)
        assert _numbering.numbered(document) == tuple(h for h in document.all_headings if is_numbered(h))
        context = rule_context(document, RunSettings(), {})
        assert list(num_008_level_skip.check.check(context)) == list(_old_level_skips(document))


def test_a_skipped_level_is_found_both_ways() -> None:
    document = parse_text("某局工作总结\n\n一、总体\n1.学习\n二、问题\n1.不足\n", "x.txt").documents[0]
    found = list(num_008_level_skip.check.check(rule_context(document, RunSettings(), {})))
    assert found and found == list(_old_level_skips(document))
