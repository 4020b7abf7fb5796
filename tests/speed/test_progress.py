"""The progress bar: on a terminal, for runs that last; never in a pipe or a log."""

from __future__ import annotations

import io

import pytest

from validator.engine import parallel
from validator.engine.parallel import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_long_run_on_a_terminal_shows_a_bar_and_clears_it(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = iter([0.0, 0.1, 0.7, 1.5])
    monkeypatch.setattr(parallel.time, "monotonic", lambda: next(clock))
    stream = Terminal()
    bar = Progress(stream, 40)
    bar.advance(10)  # 0.1 s: too early to show anything
    assert stream.getvalue() == ""
    bar.advance(10)
    assert stream.getvalue().endswith("] 20/40")
    bar.advance(20)
    assert "[" + "#" * Progress.WIDTH + "] 40/40" in stream.getvalue()
    bar.close()
    assert stream.getvalue().endswith("\r")


def test_no_bar_when_stderr_is_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel.time, "monotonic", iter([0.0, 9.0, 9.0]).__next__)
    stream = io.StringIO()
    bar = Progress(stream, 5)
    bar.advance(5)
    bar.close()
    assert stream.getvalue() == ""
