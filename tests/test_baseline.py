"""Baseline: recorded findings are not reported again; a new defect, even mid-file, is."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from validator.cli import main

DEFECTIVE = (Path(__file__).parent.parent / "examples" / "defective-report.txt").read_text(encoding="utf-8")


def failed(capsys: pytest.CaptureFixture[str], *argv: str) -> list[tuple[str, int | None]]:
    main(["check", *argv, "--format", "json", "--fail-on", "never"])
    payload = json.loads(capsys.readouterr().out)
    return [
        (r["id"], r["line"])
        for f in payload["files"]
        for report in f["reports"]
        for r in report["results"]
        if r["status"] == "fail"
    ]


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    Path("report.txt").write_text(DEFECTIVE, encoding="utf-8")
    return tmp_path


def test_baseline_then_check_reports_nothing(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = failed(capsys, "report.txt")
    assert before, "the defective example must have findings"
    assert main(["baseline", "report.txt"]) == 0
    baseline = json.loads(Path(".report-validator-baseline.json").read_text(encoding="utf-8"))
    assert len(baseline["findings"]) == len(before)
    capsys.readouterr()
    assert failed(capsys, "report.txt", "--baseline", ".report-validator-baseline.json") == []


def test_new_defect_in_the_middle_is_the_only_one_reported(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["baseline", "report.txt", "--output", "base.json"]) == 0
    lines = DEFECTIVE.split("\n")
    middle = len(lines) // 2
    lines.insert(middle, "\n同时，XX同志牵头开展专项检查，共检查**个单位。\n")  # lines move down by 3
    Path("report.txt").write_text("\n".join(lines), encoding="utf-8")
    capsys.readouterr()
    new = failed(capsys, "report.txt", "--baseline", "base.json")
    assert new and {line for _, line in new} == {middle + 2}
    assert {code for code, _ in new} <= {"HYG-001", "PUN-001"}


def test_broken_baseline_is_one_line_exit_2(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("bad.json").write_text("{not json", encoding="utf-8")
    assert main(["check", "report.txt", "--baseline", "bad.json"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "bad.json" in err[0]


def test_paths_are_relative_and_portable(workdir: Path) -> None:
    """Absolute paths are stored relative to the baseline, a nested one with ``/`` on every system."""
    (workdir / "sub").mkdir()
    (workdir / "sub" / "nested.txt").write_text(DEFECTIVE, encoding="utf-8")
    nested = os.path.join(str(workdir), "sub", "nested.txt")  # the system's own separator
    assert main(["baseline", str(workdir / "report.txt"), nested, "--output", "abs.json"]) == 0
    paths = {f["path"] for f in json.loads(Path("abs.json").read_text(encoding="utf-8"))["findings"]}
    assert paths == {"report.txt", "sub/nested.txt"}


def test_accepted_missing_part_still_says_it_is_missing(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = DEFECTIVE.split("\n")
    Path("report.txt").write_text("\n".join(line for line in text if "问题" not in line), encoding="utf-8")
    main(["check", "report.txt", "--format", "json", "--fail-on", "never"])
    before = json.loads(capsys.readouterr().out)["files"][0]["reports"][0]["results"]
    (problems,) = [r for r in before if r["id"] == "problems"]
    assert problems["status"] == "fail"
    assert main(["baseline", "report.txt", "--output", "base.json"]) == 0
    capsys.readouterr()
    main(["check", "report.txt", "--baseline", "base.json", "--fail-on", "never"])
    out = capsys.readouterr().out
    (line,) = [line for line in out.splitlines() if line.startswith("  ✔ 存在的问题")]
    assert "已列入基线：" + problems["message"] in line
    assert "问题均已列入基线" not in out
