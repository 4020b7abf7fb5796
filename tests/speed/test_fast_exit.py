"""The command exits without freeing its objects, yet keeps every promise of a normal exit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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


def test_a_closed_pipe_is_no_crash(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    many = tmp_path / "many.txt"  # findings enough to fill the pipe's buffer many times over
    lines = "".join(f"XX同志于**日召开第{n}次会议。\n" for n in range(3000))
    many.write_text("关于XX单位的报告\n\n" + lines, encoding="utf-8")
    reader = subprocess.Popen(["head", "-c", "10"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    assert reader.stdin is not None
    done = subprocess.run(
        [sys.executable, "-m", "validator", "check", "--no-cache", "--no-group", str(many)],
        stdout=reader.stdin,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    reader.stdin.close()
    reader.wait(timeout=30)
    assert "Traceback" not in done.stderr
    assert done.returncode in (0, 1)
