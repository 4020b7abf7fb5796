"""Configuration and checklist values a hostile or careless file may hold: one line, exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.conftest import Run

HUGE = "9" * 5000
CHECKLIST_HEAD = "id: hostile\nname: {zh: 测试}\nextends: annual-report\n"


def _assert_config_error(code: int, out: str, err: str, *needles: str) -> None:
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and "Traceback" not in err and "内部错误" not in err
    for needle in needles:
        assert needle in err


@pytest.mark.parametrize(
    ("options", "needle"),
    [
        ('{min_chars: "abc"}', "min_chars 应为整数"),
        ("{min_chars: .inf}", "有限的数"),
        ("{min_chars: .nan}", "有限的数"),
        (f"{{min_chars: {HUGE}}}", "整数过大"),
        ("{min_chars: [1, 2]}", "min_chars 应为整数"),
        ("{min_items: true}", "min_items 应为整数"),
        ("{bogus: true}", "没有选项 bogus"),
    ],
)
def test_wrong_rule_options_are_configuration_errors(
    run: Run, tmp_path: Path, good_file: Path, options: str, needle: str
) -> None:
    checklist = tmp_path / "list.yaml"
    checklist.write_text(CHECKLIST_HEAD + f"rules:\n  SEC-008: {{options: {options}}}\n", encoding="utf-8")
    _assert_config_error(*run("check", "--checklist", str(checklist), str(good_file)), needle, "list.yaml")


def test_huge_min_evidence_is_a_configuration_error(run: Run, tmp_path: Path, good_file: Path) -> None:
    checklist = tmp_path / "list.yaml"
    checklist.write_text(
        CHECKLIST_HEAD + f"items:\n  - id: problems\n    min_evidence: {HUGE}\n", encoding="utf-8"
    )
    _assert_config_error(
        *run("check", "--checklist", str(checklist), str(good_file)), "min_evidence", "整数过大"
    )


@pytest.mark.parametrize("digits", [5000, 30])
def test_huge_report_year_in_yaml_is_a_configuration_error(
    run: Run, tmp_path: Path, good_file: Path, digits: int
) -> None:
    config = tmp_path / "rv.yaml"
    config.write_text(f"report_year: {'9' * digits}\n", encoding="utf-8")
    _assert_config_error(*run("check", "--config", str(config), str(good_file)), "report_year", "整数过大")


@pytest.mark.parametrize("digits", [5000, 30])
def test_huge_report_year_in_toml_is_a_configuration_error(
    run: Run, tmp_path: Path, good_file: Path, digits: int
) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text(f"[tool.report-validator]\nreport_year = {'9' * digits}\n", encoding="utf-8")
    _assert_config_error(*run("check", "--config", str(config), str(good_file)), "整数过大")


def test_extends_of_a_file_that_is_not_ours_quotes_none_of_it(
    run: Run, tmp_path: Path, good_file: Path
) -> None:
    secret = tmp_path / "secret.env"
    secret.write_text("password: hunter2-SECRET\nAPI_TOKEN=s3cr3t-value\n", encoding="utf-8")
    config = tmp_path / "rv.yaml"
    for target in (str(secret), "/etc/passwd", "/etc/shadow"):
        config.write_text(f"extends: {target}\n", encoding="utf-8")
        code, out, err = run("check", "--config", str(config), str(good_file))
        _assert_config_error(code, out, err, ".yaml、.yml 或 .toml")
        assert "hunter2" not in err and "s3cr3t" not in err and "root" not in err.split(target)[-1]


def test_a_checklist_path_that_is_not_yaml_is_not_read(run: Run, tmp_path: Path, good_file: Path) -> None:
    secret = tmp_path / "secret.env"
    secret.write_text("password: hunter2-SECRET\n", encoding="utf-8")
    code, out, err = run("check", "--checklist", str(secret), str(good_file))
    _assert_config_error(code, out, err, ".yaml 或 .yml")
    assert "hunter2" not in err
