"""Shared helpers for the hostile-input tests: run the command line in-process."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from validator.cli import main

GOOD = "某局党组2024年工作总结\n一、加强政治建设\n全年召开会议12次。\n二、加强作风建设\n开展调研5次。\n"

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    def invoke(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return invoke


@pytest.fixture
def good_file(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path
