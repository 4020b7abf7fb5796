"""Items learn from one RE2 set pass which of their phrases occur; the evidence must not change.

``expect`` tells a report's tables the phrases its checklist will look for, and the phrases the
set does not find are then not looked for. Evidence found that way must be the evidence found by
looking for every phrase (what ``find_evidence`` does when nothing was expected), and the set must
say a phrase occurs exactly when ``in`` does, whatever the text and the phrases.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from validator.api import Validator
from validator.engine import items
from validator.engine.items import expect, find_evidence
from validator.parse import parse_text
from validator.safe_regex import PhraseSet

from .corpus import real_files

ALPHABET = st.sampled_from(
    ["问", "题", "下", "一", "步", "\\", "E", "Q", "\n", "。", "a", "*", "\u3000", "😀"]
)
words = st.lists(ALPHABET, max_size=5).map("".join)


@given(st.lists(words, min_size=1, max_size=20, unique=True), st.lists(ALPHABET, max_size=200).map("".join))
@example(["\\E", "a\\Eb", "", "问题"], "问题a\\Eb")
def test_the_set_finds_a_phrase_exactly_when_in_does(phrases: list[str], text: str) -> None:
    occurring = PhraseSet(tuple(phrases)).occurring(text.encode("utf-8"))
    assert occurring == frozenset(phrase for phrase in phrases if phrase in text)


@pytest.mark.parametrize("path", real_files(), ids=lambda path: path.name[:12])
def test_expected_phrases_give_the_evidence_of_looking_for_every_phrase(path: Path) -> None:
    checklists = list(Validator().registry.checklists.values())
    skipped = 0
    for document in parse_text(path.read_text(encoding="utf-8"), str(path)).documents:
        lines = sorted({p.span.line for p in document.paragraphs})
        starts = [0, *lines[:: max(1, len(lines) // 4)]] if lines else [0]
        for checklist in checklists:
            every = {
                (item.id, line): find_evidence(document, item.cues, line)
                for item in checklist.items
                for line in starts
            }
            fresh = dataclasses.replace(document)  # another report to the memo: fresh tables
            expect(fresh, checklist.items)  # told what will be looked for
            tables = items._tables(fresh)
            for item in checklist.items:
                for line in starts:
                    assert find_evidence(fresh, item.cues, line) == every[item.id, line], (
                        checklist.id,
                        item.id,
                    )
            skipped += len(tables.headings.absent())
    assert skipped  # the set did leave phrases out, so the comparison above meant something
