"""Hypothesis drives the command line: never a traceback, never exit 0 (or 1) when an input failed."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.cli.conftest import EXAMPLES
from validator.cli import main

GOOD = ["clean.txt", "defective.txt", "reports", "reports/", "./clean.txt", "-"]
BAD = ["nosuch.txt", "empty", "pictures", "scan.png", "old.doc", "binary.txt", "nosuch/dir/"]
FLAGS = st.sampled_from(
    [
        [],
        ["--format", "json"],
        ["--format", "sarif"],
        ["--format", "compact"],
        ["--format", "junit"],
        ["--format", "nope"],
        ["--fail-on", "never"],
        ["--fail-on", "warning"],
        ["--fail-on", "critical"],
        ["--select", "NUM"],
        ["--select", "NUM-099"],
        ["--ignore", "problems,HYG"],
        ["--ignore", "FOO"],
        ["--report-year", "2024"],
        ["--report-year", "1800"],
        ["--report-year", "abc"],
        ["--lang", "en"],
        ["--checklist", "speech"],
        ["--checklist", "nosuch"],
        ["--redacted"],
        ["--no-baseline"],
        ["--baseline", "nosuch.json"],
        ["--output", "out.json"],
        ["--stdin"],
        ["--frobnicate"],
        ["--baseline"],
    ]
)

# Names that exist nowhere (line breaks, NUL, CJK, dots and slashes included), and free-form values.
MISSING = st.text(min_size=1, max_size=12).map(lambda name: f"zz{name}")
FREE_FLAGS = st.tuples(
    st.sampled_from(["--select", "--ignore", "--checklist", "--report-year", "--format", "--stdin-filename"]),
    st.text(max_size=12).filter(lambda value: not value.startswith("-")),
).map(list)


@pytest.fixture(scope="module")
def playground(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fuzz")
    (root / ".git").mkdir()
    shutil.copy(EXAMPLES / "clean-report.txt", root / "clean.txt")
    shutil.copy(EXAMPLES / "defective-report.txt", root / "defective.txt")
    (root / "reports").mkdir()
    shutil.copy(EXAMPLES / "compilation.txt", root / "reports" / "compilation.txt")
    (root / "empty").mkdir()
    (root / "pictures").mkdir()
    (root / "pictures" / "a.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (root / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (root / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0" + bytes(60))
    (root / "binary.txt").write_bytes(bytes(range(256)) * 4)
    return root


@contextlib.contextmanager
def inside(directory: Path, stdin: bytes) -> Iterator[tuple[io.StringIO, io.StringIO]]:
    out, err = io.StringIO(), io.StringIO()
    before = os.getcwd()
    os.chdir(directory)
    fake_stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    try:
        with (
            mock.patch.object(sys, "stdin", fake_stdin),
            contextlib.redirect_stdout(out),
            contextlib.redirect_stderr(err),
        ):
            yield out, err
    finally:
        os.chdir(before)


@settings(
    max_examples=int(os.environ.get("RV_FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    command=st.sampled_from(["check", "baseline"]),
    paths=st.lists(st.sampled_from(GOOD + BAD) | MISSING, max_size=4),
    flags=st.lists(FLAGS | FREE_FLAGS, max_size=3).map(
        lambda groups: [word for group in groups for word in group]
    ),
)
def test_random_command_lines(playground: Path, command: str, paths: list[str], flags: list[str]) -> None:
    argv = [command, *paths, *flags]
    stdin = (EXAMPLES / "defective-report.txt").read_bytes()
    with inside(playground, stdin) as (out, err):
        code = main(argv)  # anything escaping here is a bug
    errors = err.getvalue().splitlines()
    assert code in (0, 1, 2), argv
    assert "Traceback" not in err.getvalue() + out.getvalue(), argv
    assert all(
        line.startswith(("report-validator: 错误：", "report-validator: error: ")) for line in errors
    ), errors
    if code == 2:
        assert errors, f"exit 2 without a word on stderr: {argv}"
    stdin_only = "--stdin" in flags and command == "check"
    if any(path in BAD or path.startswith("zz") for path in paths) and not stdin_only:
        assert code == 2, f"an input failed, yet exit {code}: {argv}"
