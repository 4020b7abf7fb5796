"""Fingerprints stay the same across runs and when lines move, and change when the finding does."""

from __future__ import annotations

from pathlib import Path

from validator.api import Validator

TEXT = (Path(__file__).parent.parent / "examples" / "defective-report.txt").read_text(encoding="utf-8")


def fingerprints(text: str) -> list[tuple[str, str]]:
    validator = Validator()
    return [(r.id, r.fingerprint) for report in validator.check_text(text) for r in report.results]


def test_identical_across_runs_and_unique() -> None:
    first, second = fingerprints(TEXT), fingerprints(TEXT)
    assert first == second
    assert all(fingerprint for _, fingerprint in first)
    assert len({fingerprint for _, fingerprint in first}) == len(first)


def test_unchanged_when_a_blank_line_is_inserted_at_the_top() -> None:
    assert fingerprints("\n" + TEXT) == fingerprints(TEXT)


def test_changed_when_the_offending_line_changes() -> None:
    before = dict(fingerprints(TEXT))
    line = next(line for line in TEXT.split("\n") if line.startswith("（一）、"))
    after = dict(fingerprints(TEXT.replace(line, line.replace("旗帜鲜明讲政治", "旗帜鲜明讲政治讲大局"))))
    assert before.keys() == after.keys()
    assert before["political"] != after["political"]  # its evidence is the edited heading
    assert before["problems"] == after["problems"]  # a missing part has no place: unchanged
