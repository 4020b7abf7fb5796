"""Shared fixtures for the command-line tests: a project directory with reports in it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository root (``.git``) holding the clean and the defective example, as the working directory."""
    (tmp_path / ".git").mkdir()
    for name in ("clean-report.txt", "defective-report.txt"):
        shutil.copy(EXAMPLES / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def error_lines(err: str) -> list[str]:
    """The lines of stderr, each of which must have the one error shape."""
    return err.strip().splitlines()
