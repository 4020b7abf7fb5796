"""A committed file named like an option is checked as a file through the shipped hook, never obeyed."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
import yaml

from tests.hostile.conftest import GOOD, Run

REPO = Path(__file__).resolve().parents[2]


def _hook_entry() -> list[str]:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    entry = shlex.split(hooks[0]["entry"])
    assert entry[0] == "report-validator"
    return entry[1:]


def test_the_hook_treats_an_option_like_file_name_as_a_file(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "--output=notes.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    # pre-commit runs: entry + the user's args + the staged file names
    code, out, err = run(*_hook_entry(), "--fail-on", "never", "--output=notes.md", "good.txt")
    assert not (tmp_path / "notes.md").exists(), "a file name was obeyed as --output"
    assert code == 0, err
    assert "检查 2 份报告" in out and "--output=notes.md" in out


def test_user_args_still_work_through_the_hook(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    code, out, _err = run(*_hook_entry(), "--format", "json", "good.txt")
    assert out.lstrip().startswith("{") and code in (0, 1)


def test_double_dash_ends_the_options(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "--output=notes.md").write_text(GOOD, encoding="utf-8")
    code, out, _err = run("check", "--fail-on", "never", "--", "--output=notes.md")
    assert code == 0 and "检查 1 份报告" in out
    assert not (tmp_path / "notes.md").exists()
