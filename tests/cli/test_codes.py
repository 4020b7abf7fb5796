"""Codes named on the command line are checked like the configuration's: a typo is exit 2, not a pass."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from validator.cli import main


@pytest.mark.parametrize(
    ("flag", "value", "hint"),
    [
        ("--select", "NUM-099", "NUM-009"),
        ("--select", "NUMM", "NUM"),
        ("--ignore", "FOO", None),
        ("--select", "NUM-006,PUN-999", "PUN-"),
        ("--ignore", "problem", "problems"),
    ],
)
def test_unknown_code_is_one_line_with_did_you_mean_and_exit_2(
    project: Path, capsys: pytest.CaptureFixture[str], flag: str, value: str, hint: str | None
) -> None:
    assert main(["check", "defective-report.txt", flag, value]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""  # nothing checked, nothing reported as passed
    [line] = captured.err.strip().splitlines()
    assert line.startswith(f"report-validator: 错误：{flag}: 未知的规则代码或检查项 ")
    if hint is not None:
        assert "是否想写" in line and hint in line
    else:
        assert "report-validator rules" in line


def test_unknown_code_in_english(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "clean-report.txt", "--select", "NUM-099", "--lang", "en"]) == 2
    assert capsys.readouterr().err.strip() == (
        "report-validator: error: --select: unknown rule code or item id NUM-099; did you mean NUM-009?"
    )


def test_the_configuration_refuses_the_same_code(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """One rule for both places: what the flag refuses, the file refuses too."""
    Path(".report-validator.yaml").write_text("select: [NUM-099]\n", encoding="utf-8")
    assert main(["check", "clean-report.txt"]) == 2
    assert "NUM-099" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["NUM", "NUM-", "NUM-006", "problems", "NUM-006, problems"])
def test_known_codes_and_families_still_select(
    project: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    assert (
        main(["check", "defective-report.txt", "--select", value, "--format", "json", "--fail-on", "never"])
        == 0
    )
    results = [r for r in json.loads(capsys.readouterr().out)["files"][0]["reports"][0]["results"]]
    wanted = [part.strip().rstrip("-") for part in value.split(",")]
    assert results and all(any(r["id"].startswith(w) for w in wanted) for r in results)


def test_baseline_refuses_unknown_codes_too(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["baseline", "defective-report.txt", "--ignore", "NUM-099"]) == 2
    assert not Path(".report-validator-baseline.json").exists()
    assert "NUM-099" in capsys.readouterr().err


@pytest.mark.parametrize("year", ["1800", "1920", "2101", "0", "-5"])
def test_report_year_out_of_range_is_refused_like_the_configuration(
    project: Path, capsys: pytest.CaptureFixture[str], year: str
) -> None:
    assert main(["check", "clean-report.txt", f"--report-year={year}"]) == 2
    [line] = capsys.readouterr().err.strip().splitlines()
    assert line.startswith("report-validator: 错误：--report-year: 应为 1921–2100 之间的年份")
    Path(".report-validator.yaml").write_text(f"report_year: {year}\n", encoding="utf-8")
    assert main(["check", "clean-report.txt"]) == 2  # the configuration says no to the same year
    assert "report_year" in capsys.readouterr().err


def test_the_configured_language_words_the_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path(".report-validator.yaml").write_text("lang: en\n", encoding="utf-8")
    assert main(["check", "clean-report.txt", "--select", "NUM-099"]) == 2
    assert capsys.readouterr().err.startswith("report-validator: error: --select: unknown rule code")


@pytest.mark.parametrize(("value", "hint"), [("speach", "，是否想写 speech？"), ("nosuch", "")])
def test_unknown_checklist_is_refused_before_reading(
    project: Path, capsys: pytest.CaptureFixture[str], value: str, hint: str
) -> None:
    assert main(["check", "clean-report.txt", "--checklist", value]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    line = captured.err.strip()
    assert line.startswith(f"report-validator: 错误：--checklist: 未知的检查清单 {value}（可用：")
    assert "annual-report" in line and "speech" in line and line.endswith("）" + hint)
