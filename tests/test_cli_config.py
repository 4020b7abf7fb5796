"""The project configuration reaches ``check``: discovery, per-glob overrides, flags win, errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from validator.cli import main

EXAMPLES = Path(__file__).parent.parent / "examples"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "reports" / "old").mkdir(parents=True)
    shutil.copy(EXAMPLES / "defective-report.txt", tmp_path / "reports" / "2024.txt")
    shutil.copy(EXAMPLES / "defective-report.txt", tmp_path / "reports" / "old" / "2019.txt")
    monkeypatch.chdir(tmp_path / "reports")  # found upward from here
    return tmp_path


def results(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, dict[str, str]]]:
    code = main(["check", *argv, "--format", "json"])
    payload = json.loads(capsys.readouterr().out)
    by_file = {
        Path(f["path"]).name: {r["id"]: r["severity"] for rep in f["reports"] for r in rep["results"]}
        for f in payload["files"]
    }
    return code, by_file


def test_config_found_upward_with_overrides_and_severity(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / ".report-validator.yaml").write_text(
        "fail_on: never\n"
        "severity:\n  problems: warning\n"
        "overrides:\n  - files: ['reports/old/**']\n    ignore: [problems]\n",
        encoding="utf-8",
    )
    code, by_file = results(capsys, ".")
    assert code == 0  # fail_on: never
    assert by_file["2024.txt"]["problems"] == "warning"
    assert "problems" not in by_file["2019.txt"]


def test_command_line_flags_win(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / ".report-validator.yaml").write_text("fail_on: never\nignore: [problems]\n", encoding="utf-8")
    code, by_file = results(capsys, "2024.txt", "--fail-on", "error", "--ignore", "TIME")
    assert "problems" in by_file["2024.txt"]
    assert code == 1


def test_pyproject_table_is_read(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.report-validator]\nignore = ["problems"]\n', encoding="utf-8"
    )
    _, by_file = results(capsys, "2024.txt")
    assert "problems" not in by_file["2024.txt"]


@pytest.mark.parametrize(
    ("content", "line", "key"),
    [
        ("fail_on: [\n", 2, "YAML"),
        ("ignore: [problems]\nfial_on: never\n", 2, "fial_on"),
        ("select:\n  - NUM-999\n", 2, "NUM-999"),
    ],
    ids=["bad-yaml", "unknown-key", "unknown-rule"],
)
def test_broken_config_is_one_line_exit_2(
    project: Path, capsys: pytest.CaptureFixture[str], content: str, line: int, key: str
) -> None:
    (project / ".report-validator.yaml").write_text(content, encoding="utf-8")
    assert main(["check", "2024.txt"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and f".report-validator.yaml:{line}" in err[0] and key in err[0]


def test_config_command_shows_the_settings_and_their_source(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / ".report-validator.yaml").write_text("report_year: 2024\n", encoding="utf-8")
    assert main(["config", "2024.txt"]) == 0
    out = capsys.readouterr().out
    assert "report_year: 2024" in out and ".report-validator.yaml:1" in out
