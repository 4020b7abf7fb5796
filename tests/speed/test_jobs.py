"""``check --jobs N``: the output, order and exit code of ``--jobs 1``, with forked or spawned workers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from validator.api import Validator
from validator.cli import main
from validator.engine.parallel import available_cores, check_files

from .corpus import write_corpus


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("fmt", ["json", "text", "sarif"])
def test_jobs_2_gives_the_output_of_jobs_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    write_corpus(tmp_path, 24)
    one = run(capsys, "check", str(tmp_path), "--format", fmt, "--jobs", "1", "--no-cache")
    two = run(capsys, "check", str(tmp_path), "--format", fmt, "--jobs", "2", "--no-cache")
    assert two == one
    code, out, err = one
    assert code == 2  # the binary file is an input error, and it reaches the summary
    assert err.count("report-050-binary.txt") == 1
    assert out.count("report-0") >= 25


@pytest.mark.parametrize("start_method", ["fork", "spawn"])
def test_workers_started_either_way_give_the_same_results(tmp_path: Path, start_method: str) -> None:
    if start_method not in __import__("multiprocessing").get_all_start_methods():
        pytest.skip(f"{start_method} is not available here")
    paths = [str(p) for p in write_corpus(tmp_path, 12)]
    validator = Validator()
    expected = [validator.check_path(path) for path in paths]
    got = check_files(validator, paths, jobs=2, factory=Validator, start_method=start_method)
    assert got == expected
    assert [r.path for r in got] == paths
    assert sum(1 for r in got if r.error) == 1


def test_default_jobs_is_the_cores_this_process_may_use() -> None:
    if hasattr(os, "sched_getaffinity"):
        assert available_cores() == len(os.sched_getaffinity(0))
    assert available_cores() >= 1


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_jobs_must_be_a_positive_number(capsys: pytest.CaptureFixture[str], value: str) -> None:
    code, _, err = run(capsys, "check", "--jobs", value, "x.txt")
    assert code == 2
    assert "--jobs" in err


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process is POSIX")
def test_ctrl_c_stops_the_pool_without_a_traceback(tmp_path: Path) -> None:
    for path in write_corpus(tmp_path, 200):  # long reports: the run lasts well beyond the signal
        path.write_text(path.read_text(encoding="utf-8", errors="replace") * 40, encoding="utf-8")
    command = [sys.executable, "-m", "validator", "check", str(tmp_path), "--jobs", "2", "--no-cache"]
    with subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) as process:
        time.sleep(2.0)  # imports, then the pool is at work
        if process.poll() is not None:
            process.communicate()
            pytest.skip("the run ended before the signal on this machine")
        process.send_signal(signal.SIGINT)
        started = time.monotonic()
        _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert "Traceback" not in err
    assert time.monotonic() - started < 10


def test_this_process_checks_the_first_file_and_a_share_of_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first file is checked before the workers start (they inherit a warm validator); then both work."""
    if "fork" not in __import__("multiprocessing").get_all_start_methods():
        pytest.skip("fork is not available here")
    paths = [str(p) for p in write_corpus(tmp_path, 40)]
    here: list[str] = []
    original = Validator.check_path

    def spy(self: Validator, path: str) -> object:
        here.append(path)  # a forked worker appends to its own copy of the list, not to this one
        return original(self, path)

    monkeypatch.setattr(Validator, "check_path", spy)
    validator = Validator()
    got = check_files(validator, paths, jobs=2, factory=Validator, start_method="fork")
    assert [r.path for r in got] == paths
    assert here[0] == paths[0]
    assert 1 <= len(here) < len(paths)  # the worker was sent chunks from the start


def test_chunks_cover_every_file_once_and_shrink_toward_the_end() -> None:
    from validator.engine.parallel import MAX_CHUNK, _chunks

    tasks = [(f"report-{n}.txt", None) for n in range(1000)]
    chunks = _chunks(tasks, 2)
    assert [task for chunk in chunks for task in chunk] == tasks
    sizes = [len(chunk) for chunk in chunks]
    assert sizes == sorted(sizes, reverse=True)
    assert sizes[0] == MAX_CHUNK and sizes[-1] == 1
