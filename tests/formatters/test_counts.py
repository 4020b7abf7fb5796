"""The same run counted by every format: checks in text, JSON and JUnit; findings in text, JSON and SARIF.

docs/output.md promises these equalities; a reviewer who sees 16 in one place
and 15 in another stops trusting both.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from validator.cli import main

from ..conftest import REPO_ROOT, SAMPLES_DIR


def output(capsys: pytest.CaptureFixture[str], fmt: str, paths: list[str]) -> str:
    main(["check", *paths, "--format", fmt, "--fail-on", "never"])
    return capsys.readouterr().out


@pytest.mark.parametrize("corpus", ["examples", "samples"])
def test_every_format_counts_alike(corpus: str, capsys: pytest.CaptureFixture[str]) -> None:
    folder = REPO_ROOT / "examples" if corpus == "examples" else SAMPLES_DIR
    if not folder.is_dir():
        pytest.skip("../shared/samples is absent")
    paths = [str(path) for path in sorted(Path(folder).iterdir()) if path.suffix == ".txt"]
    data = json.loads(output(capsys, "json", paths))
    summary = data["summary"]
    reports = [report for file in data["files"] for report in file["reports"]]
    assert summary["failed"] > 0 and summary["findings"] >= summary["failed"]

    junit = ET.fromstring(output(capsys, "junit", paths))
    assert int(junit.get("tests", "")) == summary["passed"] + summary["failed"]
    assert int(junit.get("failures", "")) == summary["failed"]

    sarif = json.loads(output(capsys, "sarif", paths))
    assert len(sarif["runs"][0]["results"]) == summary["findings"]

    text = output(capsys, "text", paths).splitlines()
    assert text[-1] == (
        f"检查 {summary['reports']} 份报告：通过 {summary['passed']} 项，未通过 {summary['failed']} 项"
        f"（{summary['findings']} 处问题）"
    )
    rule_lines = [
        re.match(r"  规则：通过 (\d+) 条，未通过 (\d+) 条，共 (\d+) 处问题$", line) for line in text
    ]
    per_report = [tuple(int(n) for n in m.groups()) for m in rule_lines if m]
    assert len(per_report) == summary["reports"]
    rules = [len({r["id"] for r in report["results"] if r["kind"] == "rule"}) for report in reports]
    assert [passed + failed for passed, failed, _ in per_report] == rules  # each enabled rule once
    failed_items = sum(line.startswith("  ✘ ") for line in text)
    assert sum(failed for _, failed, _ in per_report) + failed_items == summary["failed"]
    assert sum(findings for _, _, findings in per_report) + failed_items == summary["findings"]
