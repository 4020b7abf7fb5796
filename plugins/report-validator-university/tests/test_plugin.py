"""The plugin is installed and report-validator loads it: `report-validator plugins` lists what it adds."""

from __future__ import annotations

import json

import pytest

from validator.cli import main
from validator.pytest_plugin import ReportCheck
from validator.testing import default_registry


def test_plugin_is_installed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plugins", "--format", "json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    adds = {entry["plugin"]: entry["adds"] for entry in listing["plugins"]}
    assert adds["report_validator_university 0.1.0"] == {
        "checklists": ["university-annual-report"],
        "data": ["formulations.yaml", "typos.yaml"],
        "rules": ["UNI-001"],
    }
    assert listing["failed"] == []


def test_rule_and_checklist_are_registered_with_their_origin() -> None:
    registry = default_registry()
    assert registry.rules["UNI-001"].origin == "report_validator_university 0.1.0"
    assert registry.checklists["university-annual-report"].origin == "report_validator_university 0.1.0"


def test_rule_is_documented() -> None:
    rule = default_registry().rules["UNI-001"]
    assert "合格" in rule.doc and "不合格" in rule.doc
    assert rule.summary.zh and rule.summary.en and rule.source


def test_data_pack_entries_fire_and_their_right_forms_do_not(report_check: ReportCheck) -> None:
    """The plugin's formulations.yaml and typos.yaml entries are reported by the built-in rules."""
    title = "某大学党委2024年落实全面从严治党主体责任情况报告\n\n"
    wrong = report_check(title + "全校坚持立德育人根本任务，推进全员全方位全过程育人，建强辅导员对伍。\n")
    right = report_check(title + "全校坚持立德树人根本任务，推进全员全过程全方位育人，建强辅导员队伍。\n")
    found = [(r.id, r.message) for r in wrong.results if r.kind == "rule" and r.status == "fail"]
    assert ("TERM-011", "“立德育人根本任务”应为“立德树人根本任务”（党的教育方针的规范表述）") in found
    assert ("TERM-011", "“全员全方位全过程育人”应为“全员全过程全方位育人”") in found
    assert ("HYG-005", "疑为错别字：“辅导员对伍”应为“辅导员队伍”") in found
    assert not [r for r in right.results if r.id in ("TERM-011", "HYG-005") and r.status == "fail"]
