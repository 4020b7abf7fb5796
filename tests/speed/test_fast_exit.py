"""The command exits without freeing its objects, yet keeps every promise of a normal exit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _command(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "validator", "check", "--no-cache", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_exit_codes_output_and_exit_handlers(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    clean = _command(str(EXAMPLES / "clean-report.txt"), env=env)
    defective = _command(str(EXAMPLES / "defective-report.txt"), "--format", "json", env=env)
    missing = _command(str(tmp_path / "absent.txt"), env=env)
    assert (clean.returncode, defective.returncode, missing.returncode) == (0, 1, 2)
    assert "检查 1 份报告" in clean.stdout and defective.stdout.rstrip().endswith("}")  # all of it, flushed
    assert "absent.txt" in missing.stderr and "Traceback" not in missing.stderr
    snapshots = tmp_path / "report-validator" / "snapshots"
    assert list(snapshots.glob("regexes-*.marshal"))  # written by an exit handler, before the fast exit


@pytest.mark.parametrize("command", [["check", "--no-cache", "--no-group"], ["outline"]])
def test_a_closed_pipe_is_no_crash_and_the_verdict_stands(tmp_path: Path, command: list[str]) -> None:
    """``report-validator check … | head``: the reader is gone before the output is written."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    report = tmp_path / "many.txt"
    lines = "".join(f"{n}.XX同志于**日召开第{n}次会议。\n" for n in range(1, 3000))
    report.write_text("关于XX单位的报告\n\n一、情况\n" + lines, encoding="utf-8")
    read_end, write_end = os.pipe()
    os.close(read_end)  # every write to the pipe now fails with EPIPE
    try:
        done = subprocess.run(
            [sys.executable, "-m", "validator", *command, str(report)],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )
    finally:
        os.close(write_end)
    assert done.stderr == ""  # no traceback, no "internal error"
    assert done.returncode == (1 if command[0] == "check" else 0)  # placeholders: findings
