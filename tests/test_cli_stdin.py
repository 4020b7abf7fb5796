"""``check --stdin --stdin-filename`` for editors, and the compact one-line format."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest

from validator.cli import main

DEFECTIVE = (Path(__file__).parent.parent / "examples" / "defective-report.txt").read_bytes()
PROBLEM_MATCHER = re.compile(
    r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning|info) (?P<id>\S+) (?P<msg>.+)$"
)


def feed_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_is_checked_under_the_given_name(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    feed_stdin(monkeypatch, DEFECTIVE)
    code = main(["check", "--stdin", "--stdin-filename", "reports/2024.txt", "--format", "compact"])
    out = capsys.readouterr().out
    assert code == 1
    lines = out.splitlines()
    assert lines and all(PROBLEM_MATCHER.match(line) for line in lines)
    assert all(line.startswith("reports/2024.txt:") for line in lines)
    assert any(" error problems " in line for line in lines)


def test_stdin_with_undecodable_bytes_is_an_input_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    feed_stdin(monkeypatch, b"\x00\x01\x02")
    assert main(["check", "--stdin", "--stdin-filename", "x.txt"]) == 2
    assert "x.txt" in capsys.readouterr().err
