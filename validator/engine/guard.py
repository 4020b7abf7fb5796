"""One guard around each file: a crash in one file is that file's error, never the run's.

A pre-commit hook or a CI job runs on whatever a contributor commits, so any
input may hit a bug. Without a guard, an ``IndexError`` deep in a rule ends the
run with a traceback, exit 1 (the code for *findings*) and no result for the
other files. ``guarded(stage, path, work)`` runs one stage of one file (读取,
解析, 检查) and turns anything unexpected — ``MemoryError`` and
``RecursionError`` included — into an ``InputError`` of that file: one line
naming the file, the stage and, when the traceback shows it, the rule, checklist
item or plugin module that failed. ``--debug`` (or ``REPORT_VALIDATOR_DEBUG=1``)
also prints the traceback on stderr.

The rule is found from the traceback rather than by wrapping each rule: the
engine's ``run_rule`` frame holds the ``rule`` it is running, so the engine
needs no change to be named in the message.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from types import TracebackType
from typing import TypeVar

from validator.budget import OutOfTime, file_budget
from validator.errors import InputError, ValidatorError, one_line

__all__ = ["CHECK", "PARSE", "READ", "FileCrash", "culprit", "debug_enabled", "guarded", "one_line"]

T = TypeVar("T")

READ = "读取"
PARSE = "解析"
CHECK = "检查"

_debug = False


def set_debug(enabled: bool) -> None:
    """Print the traceback of each guarded crash on stderr (``--debug``)."""
    global _debug
    _debug = enabled


def debug_enabled() -> bool:
    return _debug or os.environ.get("REPORT_VALIDATOR_DEBUG", "") not in ("", "0")


class FileCrash(InputError):
    """An unexpected exception while reading, parsing or checking one file."""

    def __init__(self, path: str, stage: str, where: str, error: BaseException) -> None:
        kind = type(error).__name__
        detail = one_line(str(error))[:200]
        place = f"（{where}）" if where else ""
        reason = f"{stage}时出错{place}：{kind}" + (f": {detail}" if detail else "")
        if isinstance(error, OutOfTime):
            reason = f"{stage}时{error}{place}：文件过大或结构异常；上限见 docs/limits.md"
        elif isinstance(error, MemoryError):
            reason = f"{stage}时内存不足{place}：文件过大或结构异常"
        elif isinstance(error, RecursionError):
            reason = f"{stage}时嵌套过深{place}：文件结构异常"
        super().__init__(path, reason)
        self.stage = stage
        self.where = where


def guarded(stage: str, path: str, work: Callable[[], T]) -> T:
    """``work()``, with any unexpected exception turned into ``FileCrash`` for ``path``.

    A ``ValidatorError`` (an ``InputError`` saying why a file cannot be read, a
    ``ConfigError``) passes unchanged: it is already one line, and a
    configuration error is the run's, not the file's.
    """
    try:
        with file_budget():  # the caller's, when it opened one for the whole file
            return work()
    except ValidatorError:
        raise
    except (Exception, SystemExit) as error:  # the guard's purpose; a plugin's sys.exit() too
        where = culprit(error.__traceback__)
        if debug_enabled():
            import traceback  # only for --debug and a crash: most runs never need it

            traceback.print_exception(error, file=sys.stderr)
        raise FileCrash(path, stage, where, error) from None


def culprit(tb: TracebackType | None) -> str:
    """The rule, checklist item or plugin reader that raised, as the traceback shows it ('' if none).

    The innermost engine frame wins: ``run_rule`` holds the ``rule``, ``_judge_item``
    the ``item``; a reader is named when it is a plugin's (its module is not ours).
    """
    import traceback

    found = ""
    for frame, _line in traceback.walk_tb(tb):
        name = frame.f_code.co_name
        local = frame.f_locals
        if name == "run_rule" and hasattr(local.get("rule"), "code"):
            rule = local["rule"]
            origin = getattr(rule, "origin", "built-in")
            found = f"规则 {rule.code}" + (f"，插件 {origin}" if origin != "built-in" else "")
        elif name == "_judge_item" and hasattr(local.get("item"), "id"):
            found = f"检查项 {local['item'].id}"
        elif name in ("read_path", "read_bytes") and callable(local.get("reader")):
            module = getattr(local["reader"], "__module__", "") or ""
            if not module.startswith("validator."):
                found = f"读取插件 {module}"
    return found
