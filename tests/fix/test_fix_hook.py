"""The ``report-validator-fix`` pre-commit hook: what pre-commit would run, run on staged-like files."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
import yaml

from validator.cli import main

REPO = Path(__file__).parent.parent.parent


def hook() -> dict[str, object]:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return next(h for h in hooks if h["id"] == "report-validator-fix")


def test_fix_hook_fixes_files_even_when_named_like_options(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = hook()
    assert spec["language"] == "python" and spec["require_serial"] is True
    entry = shlex.split(str(spec["entry"]))
    assert entry[:3] == ["report-validator", "check", "--fix"]
    monkeypatch.chdir(tmp_path)
    named = Path("-报告.txt")
    named.write_text(
        "中共某某局党组关于2024年度落实全面从严治党主体责任情况的报告\n"
        "一、总体情况\n全年开展学习10次,专题研讨3次。\n",
        encoding="utf-8",
    )
    argv = [*entry[1:], *list(spec.get("args", [])), str(named)]  # type: ignore[call-overload]
    main(argv)
    assert "10次，专题研讨" in named.read_text(encoding="utf-8")
