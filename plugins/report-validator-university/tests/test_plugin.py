"""The plugin is installed and report-validator loads it: `report-validator plugins` lists what it adds."""

from __future__ import annotations

import json

import pytest

from validator.cli import main
from validator.testing import default_registry


def test_plugin_is_installed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plugins", "--format", "json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    adds = {entry["plugin"]: entry["adds"] for entry in listing["plugins"]}
    assert adds["report_validator_university 0.1.0"] == {
        "checklists": ["university-annual-report"],
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
