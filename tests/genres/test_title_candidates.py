"""Title detection compiles only the title patterns that a set of the bare patterns finds in the title.

The set is a filter: what detection decides must be what trying every pattern with its
title tail decides, and a pattern the set refuses must fail (or match) where it did before.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from validator.api import Validator
from validator.engine.genre import _title_candidates, _title_regex, other_kinds

WORDS = ["关于", "2024年度", "落实", "全面从严治党", "主体责任", "情况的", "报告", "通知", "会议纪要",
         "对照检查材料", "述职述责述廉", "（讨论稿）", "。", " ", "心得体会", "整改", "的"]  # fmt: skip


def _all_title_patterns() -> tuple[str, ...]:
    checklists = Validator().registry.checklists.values()
    return (
        *(pattern for kind in other_kinds() for pattern in kind.title_patterns),
        *(pattern for checklist in checklists for pattern in checklist.detection.title_patterns),
    )


PATTERNS = _all_title_patterns()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=8).map("".join))
def test_the_candidates_hold_every_pattern_that_matches_with_its_tail(title: str) -> None:
    matching = [index for index, pattern in enumerate(PATTERNS) if _title_regex(pattern).search(title)]
    candidates = _title_candidates(title, PATTERNS)
    assert set(matching) <= set(candidates)
    assert candidates == sorted(candidates)


def test_the_set_finds_the_genre_noun_of_a_real_title() -> None:
    title = "中共青山县审计局党组关于2024年度落实全面从严治党主体责任情况的报告"
    matching = [index for index, pattern in enumerate(PATTERNS) if _title_regex(pattern).search(title)]
    assert matching
    assert len(_title_candidates(title, PATTERNS)) < len(PATTERNS)


def test_a_pattern_the_set_refuses_is_always_a_candidate_and_fails_as_before() -> None:
    patterns = ("通知", "(?=报告)报告", "\\C报告")  # lookahead: RE2 refuses it; \C: we refuse it
    assert _title_candidates("会议纪要", patterns) == [1, 2]
    assert _title_candidates("关于开展工作的通知", patterns) == [0, 1, 2]
    for refused in patterns[1:]:
        with pytest.raises(ValueError):
            _title_regex(refused)
