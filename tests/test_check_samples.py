"""How ``check`` judges the real samples, with the checklist chosen by genre detection.

The expectations are the issue's acceptance points: every annual report passes
political and theory; 000 and the first six reports of 002 pass problems and
next_steps; 003 and 002's last report (cut off by a scrape marker) fail
problems, and that last report fails next_steps; 003 and 004 fail title; 001 is
judged as a speech.
"""

from __future__ import annotations

from functools import cache

import pytest

from validator.api import Validator
from validator.model import ReportResult

from .conftest import sample_path


@cache
def validator() -> Validator:
    return Validator()


def reports(prefix: str) -> list[ReportResult]:
    result = validator().check_path(sample_path(prefix))
    assert result.error is None
    return list(result.reports)


def status(report: ReportResult, item: str) -> str:
    (result,) = [r for r in report.results if r.kind == "item" and r.id == item]
    return result.status


ANNUAL = [("000", 0), *(("002", i) for i in range(7)), ("003", 0), ("004", 0)]


@pytest.mark.parametrize(("prefix", "index"), ANNUAL, ids=[f"{p}#{i + 1}" for p, i in ANNUAL])
def test_annual_reports_pass_political_and_theory(prefix: str, index: int) -> None:
    report = reports(prefix)[index]
    assert report.checklist == "annual-report"
    assert status(report, "political") == "pass"
    assert status(report, "theory") == "pass"


@pytest.mark.parametrize(("prefix", "index"), ANNUAL[:7], ids=[f"{p}#{i + 1}" for p, i in ANNUAL[:7]])
def test_complete_reports_pass_problems_and_next_steps(prefix: str, index: int) -> None:
    report = reports(prefix)[index]
    assert status(report, "problems") == "pass"
    assert status(report, "next_steps") == "pass"


def test_reports_without_problems_fail() -> None:
    assert status(reports("003")[0], "problems") == "fail"
    district = reports("002")[6]
    assert status(district, "problems") == "fail"
    assert status(district, "next_steps") == "fail"


def test_untitled_reports_fail_title() -> None:
    assert status(reports("003")[0], "title") == "fail"
    assert status(reports("004")[0], "title") == "fail"
    assert status(reports("000")[0], "title") == "pass"


def test_speech_is_judged_as_a_speech() -> None:
    (speech,) = reports("001")
    assert speech.checklist == "speech"
    assert all(r.status == "pass" for r in speech.results if r.kind == "item")


def test_every_item_gives_exactly_one_result() -> None:
    for prefix in ("000", "001", "002", "003", "004"):
        for report in reports(prefix):
            checklist = validator().registry.checklists[report.checklist]
            ids = [r.id for r in report.results if r.kind == "item"]
            assert ids == [item.id for item in checklist.items]
