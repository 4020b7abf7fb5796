"""Acceptance test of the plugin path, in an environment where the example plugin is really pip-installed.

``tox -e plugins`` installs report-validator and ``plugins/report-validator-university``
from their directories and sets ``REPORT_VALIDATOR_PLUGIN_ENV=1``; elsewhere these
tests skip, because the last one uninstalls the plugin. Everything runs as
``python -m validator …`` subprocesses of the environment's interpreter, from a
temporary directory, so what is tested is the installed distributions' entry
points, not this checkout. The tests run in file order; the uninstall comes last.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.skipif(
    os.environ.get("REPORT_VALIDATOR_PLUGIN_ENV") != "1",
    reason="needs the tox `plugins` environment (REPORT_VALIDATOR_PLUGIN_ENV=1): it uninstalls a package",
)

DISTRIBUTION = "report-validator-university"
ORIGIN = "report_validator_university 0.1.0"
UNIVERSITY_REPORT = Path(__file__).parent / "university-report.txt"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``python -m …`` in this environment, from ``cwd``, without plugin filters from the caller."""
    env = {k: v for k, v in os.environ.items() if k not in {"REPORT_VALIDATOR_DISABLE_PLUGINS", "PYTHONPATH"}}
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8"
    )


def validator_json(*args: str, cwd: Path) -> Any:
    completed = run("validator", *args, "--format", "json", cwd=cwd)
    assert completed.returncode in (0, 1), completed.stderr
    assert completed.stderr == "", completed.stderr  # no plugin failed to load
    return json.loads(completed.stdout)


def test_rules_lists_the_plugins_checklist_and_rule(tmp_path: Path) -> None:
    listing = validator_json("rules", cwd=tmp_path)
    checklists = {c["id"]: c for c in listing["checklists"]}
    rules = {r["code"]: r for r in listing["rules"]}
    assert checklists["university-annual-report"]["origin"] == ORIGIN
    assert {"teaching_ideology", "campus_safety"} <= set(checklists["university-annual-report"]["items"])
    assert rules["UNI-001"]["origin"] == ORIGIN


def test_plugins_lists_the_plugin_with_what_it_adds(tmp_path: Path) -> None:
    completed = run("validator", "plugins", cwd=tmp_path)
    assert completed.returncode == 0, completed.stderr
    adds = "  checklists: university-annual-report\n  data: formulations.yaml, typos.yaml\n  rules: UNI-001"
    assert f"{ORIGIN}\n{adds}" in completed.stdout


def test_check_detects_a_university_report(tmp_path: Path) -> None:
    result = validator_json("check", str(UNIVERSITY_REPORT), cwd=tmp_path)
    (report,) = result["files"][0]["reports"]
    assert report["checklist"] == "university-annual-report"
    items = {r["id"]: r["status"] for r in report["results"] if r["kind"] == "item"}
    assert items["teaching_ideology"] == items["campus_safety"] == "pass"
    (uni_001,) = [r for r in report["results"] if r["id"] == "UNI-001"]
    assert uni_001["status"] == "pass"  # the report names its own university only


def test_uninstalled_plugin_is_gone(tmp_path: Path) -> None:
    uninstall = run("pip", "uninstall", "-y", DISTRIBUTION, cwd=tmp_path)
    assert uninstall.returncode == 0, uninstall.stderr
    listing = validator_json("rules", cwd=tmp_path)
    assert "university-annual-report" not in {c["id"] for c in listing["checklists"]}
    assert "UNI-001" not in {r["code"] for r in listing["rules"]}
    plugins = run("validator", "plugins", cwd=tmp_path)
    assert plugins.returncode == 0 and "report_validator_university" not in plugins.stdout
    result = validator_json("check", str(UNIVERSITY_REPORT), cwd=tmp_path)
    assert result["files"][0]["reports"][0]["checklist"] == "annual-report"
