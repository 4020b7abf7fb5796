"""The fix in the JSON and SARIF outputs, and what docs/rules.md says about fixes."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from validator.cli import main
from validator.plugin.manager import load_plugins
from validator.plugin.registry import build_registry

REPO = Path(__file__).parent.parent.parent
DEFECTIVE = str(REPO / "examples" / "defective-report.txt")


def test_json_results_carry_their_fix(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", DEFECTIVE, "--format", "json"])
    payload = json.loads(capsys.readouterr().out)
    schema_file = REPO / "schemas" / "report-validator-output.schema.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    jsonschema.validate(payload, schema)
    results = [r for f in payload["files"] for rep in f["reports"] for r in rep["results"]]
    fixes = {r["id"]: r["fix"] for r in results if "fix" in r}
    assert fixes["PUN-001"] == {
        "line": 8,
        "column": 29,
        "end_line": 8,
        "end_column": 30,
        "replacement": "，",
        "applicability": "safe",
    }
    assert fixes["TERM-009"]["replacement"] == "习近平总书记"
    assert fixes["TERM-009"]["applicability"] == "unsafe"
    assert all("fix" not in r for r in results if r["status"] == "pass")


def test_sarif_results_carry_fixes(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", DEFECTIVE, "--format", "sarif"])
    results = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    fixed = {r["ruleId"]: r["fixes"][0] for r in results if "fixes" in r}
    change = fixed["PUN-002"]["artifactChanges"][0]
    assert change["artifactLocation"]["uri"].endswith("defective-report.txt")
    assert change["replacements"][0]["insertedContent"]["text"] == "。"
    assert change["replacements"][0]["deletedRegion"]["startLine"] == 15


def test_rules_declare_what_they_fix_and_rules_md_shows_it() -> None:
    rules = build_registry(load_plugins()).rules
    declared = {code: rule.fix for code, rule in rules.items() if rule.fix}
    assert declared["PUN-001"] == "safe" and declared["TERM-009"] == "unsafe"
    assert declared["NUM-004"] == "mixed"
    assert set(declared.values()) <= {"safe", "unsafe", "mixed"}
    doc = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    for code in declared:
        section = doc.split(f"## {code}", 1)[1].split("\n## ", 1)[0]
        assert "修复" in section, code


def test_rules_json_says_what_each_rule_fixes(capsys: pytest.CaptureFixture[str]) -> None:
    main(["rules", "--format", "json"])
    rules = {r["code"]: r for r in json.loads(capsys.readouterr().out)["rules"]}
    assert rules["PUN-002"]["fix"] == "mixed" and rules["HYG-005"]["fix"] == "unsafe"
    assert rules["SEC-008"]["fix"] == ""
