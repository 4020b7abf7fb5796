"""Every rule's own YAML cases, fixed: the fixes it proposes leave nothing for it to fix again."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from validator.api import Validator
from validator.fix.text import fix_text
from validator.model import Fix

CASES = Path(__file__).parent.parent / "checks" / "cases"
FIXING = ["PUN-001", "PUN-002", "NUM-001", "NUM-002", "NUM-003", "NUM-004", "NUM-005", "NUM-012"]
FIXING += ["TERM-009", "TERM-010", "TERM-011", "HYG-005"]


def cases() -> list[object]:
    found = []
    for code in FIXING:
        data = yaml.safe_load((CASES / f"{code}.yaml").read_text(encoding="utf-8"))
        found.extend(
            pytest.param(code, case["text"], id=f"{code}-{case['name']}")
            for case in data["cases"]
            if case.get("expect")
        )
    return found


@pytest.fixture(scope="module")
def validator() -> Validator:
    return Validator()


@pytest.mark.parametrize(("code", "text"), cases())
def test_fixing_a_rules_failing_case_leaves_it_nothing_to_fix(
    validator: Validator, code: str, text: str
) -> None:
    def find(t: str) -> list[tuple[str, Fix]]:
        return [
            (r.id, r.fix)
            for report in validator.check_text(t, "case.txt")
            for r in report.results
            if r.status == "fail" and r.fix is not None
        ]

    proposed = [rule for rule, _ in find(text)]
    fixed = fix_text(text, find)
    assert fixed.text.count("\n") == text.count("\n")
    assert not [rule for rule, _ in find(fixed.text) if rule == code]
    if code in proposed:
        assert fixed.applied and fixed.text != text
