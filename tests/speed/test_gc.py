"""The command line lets the cycle collector run less often while a command runs, and undoes it after."""

from __future__ import annotations

import argparse
import gc
from pathlib import Path

import pytest

from validator.cli import commands, main


def test_a_command_runs_with_fewer_collections_and_frozen_start_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = tmp_path / "r.txt"
    report.write_text("关于2025年工作情况的报告\n\n一、总体情况\n\n内容。\n", encoding="utf-8")
    seen: dict[str, object] = {}
    real_check = commands.run_check

    def watched(args: argparse.Namespace) -> int:
        code = real_check(args)  # prepare has run by now
        seen["threshold"], seen["frozen"] = gc.get_threshold(), gc.get_freeze_count()
        return code

    monkeypatch.setattr(commands, "run_check", watched)
    before = gc.get_threshold()
    assert main(["check", "--no-cache", "--fail-on", "never", str(report)]) == 0
    assert seen["threshold"] == (200_000, 20, 100)
    assert isinstance(seen["frozen"], int) and seen["frozen"] > 1000  # the registry, rules, checklists …
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0  # undone for the next caller
