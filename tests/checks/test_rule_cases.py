"""Every rule's YAML cases, run by one parametrized test; every rule has cases and documentation."""

from __future__ import annotations

from pathlib import Path

import pytest

from validator.testing import case_ids, default_registry, load_cases, rules_without_cases, run_case

CASES = load_cases(Path(__file__).parent / "cases")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_rule_case(case: object) -> None:
    run_case(case)  # type: ignore[arg-type]


def test_every_rule_has_failing_and_passing_cases() -> None:
    assert rules_without_cases(default_registry(), CASES) == []


def test_every_builtin_rule_is_documented() -> None:
    for code, rule in default_registry().rules.items():
        if rule.origin != "built-in":
            continue
        assert rule.doc.strip(), f"{code} has no documentation"
        assert "合格" in rule.doc and "不合格" in rule.doc, f"{code}: the docs need 合格/不合格 examples"
        assert rule.source, f"{code} cites no source"
        assert rule.summary.zh and rule.summary.en, f"{code} needs a summary in zh and en"
