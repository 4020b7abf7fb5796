"""A file is read as ``stat`` sized it, and on if it has grown since: whole within budget, else refused."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from validator import readers
from validator.errors import InputError


def _stat_saying(size: int) -> Callable[[str], os.stat_result]:
    """``os.stat`` as it answered before the file grew to its present size."""
    real = os.stat

    def stat(name: str) -> os.stat_result:
        info = real(name)
        fields = list(info)
        fields[6] = size  # st_size, as it was before the file grew
        return os.stat_result(fields)

    return stat


def test_a_file_grown_since_stat_is_read_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = tmp_path / "r.txt"
    text = "关于2025年工作情况的报告\n一、总体情况\n" + "内容。" * 2000 + "\n"
    report.write_text(text, encoding="utf-8")
    monkeypatch.setattr(readers, "_stat", _stat_saying(10))
    assert readers.read_path(str(report)).text == text


def test_a_file_grown_past_its_budget_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = tmp_path / "r.txt"
    report.write_bytes("内容。".encode() * 400_000)  # 3.6 MB, over a 1 MB budget
    monkeypatch.setenv("REPORT_VALIDATOR_MAX_TEXT_MB", "1")
    monkeypatch.setattr(readers, "_stat", _stat_saying(100))
    with pytest.raises(InputError, match="文件过大"):
        readers.read_path(str(report))
