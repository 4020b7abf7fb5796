"""Genre detection counts every checklist's body cues in one set pass; the choice must not change.

Before, each checklist's cues were found by a set of its own, and a title that several checklists
matched was ranked by (longest match, most cues, first) with the cues of all of them counted. Now
one set holds every checklist's patterns, and cues are counted only to break a tie in length.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, SAMPLES_DIR
from validator.api import Validator
from validator.engine import genre
from validator.model import Checklist
from validator.parse import parse_text

CHECKLISTS = list(Validator().registry.checklists.values())


def _cues_one_by_one(body: str, checklist: Checklist) -> list[int]:
    """The way cues were found before: one set per checklist."""
    patterns = checklist.detection.text_patterns
    if not patterns or not body:
        return []
    return sorted(genre._pattern_set(patterns).Match(genre._utf8(body)) or ())


def _texts() -> list[Path]:
    found = sorted((REPO_ROOT / "examples").glob("*.txt"))
    found += sorted((REPO_ROOT / "tests" / "genres" / "texts").rglob("*.txt"))
    found += sorted((REPO_ROOT / "tests" / "reports").glob("*.txt"))
    if SAMPLES_DIR.is_dir():
        found += sorted(SAMPLES_DIR.iterdir())
    return found


@pytest.mark.parametrize("path", _texts(), ids=lambda path: path.name[:16])
def test_cues_and_the_title_ranking_are_as_before(path: Path) -> None:
    for document in parse_text(path.read_text(encoding="utf-8"), str(path)).documents:
        body = genre._body_text(document)
        assert genre._cues_found(body, CHECKLISTS) == [_cues_one_by_one(body, c) for c in CHECKLISTS]
        for title in genre.title_texts(document):
            by_title = genre._title_matches(title, CHECKLISTS)
            if by_title:
                ranked = [
                    (length, len(_cues_one_by_one(body, c)), -order)
                    for order, (c, length, _) in enumerate(by_title)
                ]
                assert genre._most_specific(by_title, document) == ranked.index(max(ranked))


def test_a_tie_in_length_is_broken_by_the_cues_then_by_the_order() -> None:
    by_id = {checklist.id: checklist for checklist in CHECKLISTS}
    annual, inspection = by_id["annual-report"], by_id["inspection-rectification"]
    tie = [(annual, 4, "报告"), (inspection, 4, "报告")]
    cued = parse_text("某局整改报告\n\n巡视组反馈意见，整改落实情况如下。\n", "x").documents[0]
    plain = parse_text("某局整改报告\n\n无关的正文。\n", "x").documents[0]
    assert genre._most_specific(tie, cued) == 1  # more cues of the second
    assert genre._most_specific(tie, plain) == 0  # no cues: the first
    assert genre._most_specific([(annual, 3, "报告"), (inspection, 4, "报告")], plain) == 1  # the longer
