"""UNI-001's YAML cases, run exactly as report-validator runs its own rules' cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from validator.testing import RuleCase, case_ids, load_cases, run_case

CASES = load_cases(Path(__file__).parent / "cases")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_rule_case(case: RuleCase) -> None:
    run_case(case)
