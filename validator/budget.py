"""The per-file time budget: a deadline each thread checks between steps of the work.

Signals and ``alarm`` only work in the main thread, and a watchdog thread cannot stop another
thread's Python code, so the work itself looks at the clock: the engine before each rule, the
rules' paragraph loops every few hundred paragraphs, the PDF reader by its subprocess' timeout.
The deadline is thread-local, so threads and worker processes each keep their own. Running out
raises ``OutOfTime``, which the file's guard reports as that file's error; the run goes on with
the next file. With every rule linear, the budget (``REPORT_VALIDATOR_TIME_LIMIT``, default 120 s)
is a backstop that real reports never meet.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator

from validator.limits import current_limits

__all__ = ["OutOfTime", "check_deadline", "file_budget", "remaining"]

_local = threading.local()


class OutOfTime(Exception):
    """The file's time budget ran out."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"超出时间预算（{seconds:g} 秒）")
        self.seconds = seconds


@contextlib.contextmanager
def file_budget(seconds: float | None = None) -> Iterator[None]:
    """Give the work inside a deadline, unless one is already running in this thread (0: none)."""
    if getattr(_local, "deadline", None) is not None:
        yield
        return
    budget = current_limits().seconds if seconds is None else seconds
    _local.deadline = time.monotonic() + budget if budget > 0 else float("inf")
    _local.seconds = budget
    try:
        yield
    finally:
        _local.deadline = None


def check_deadline() -> None:
    """Raise ``OutOfTime`` when this thread's file has used up its budget."""
    deadline = getattr(_local, "deadline", None)
    if deadline is not None and time.monotonic() > deadline:
        raise OutOfTime(_local.seconds)


def remaining() -> float | None:
    """Seconds left in this thread's budget (None: no budget running)."""
    deadline: float | None = getattr(_local, "deadline", None)
    if deadline is None or deadline == float("inf"):
        return None
    return max(0.0, deadline - time.monotonic())
