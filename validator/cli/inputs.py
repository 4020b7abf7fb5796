"""The inputs of a run: files and directories from the command line, or standard input.

``-`` among the paths is standard input. ``--stdin`` reads one report from standard input
(for editors); a PATH given with it is only the report's name (its suffix picks the reader)
and is never read, as ``--help`` says. Paths are collected by ``validator.engine.paths``
(duplicates gone after resolving); a named directory without a supported file, or a run with
nothing to check at all, is an input error of one line, because in CI a mistyped folder
would otherwise check nothing and pass.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from validator.cli.usage import UsageError
from validator.engine.paths import STDIN, collect, searched_suffixes
from validator.messages import message
from validator.model import FileResult

if TYPE_CHECKING:
    from validator.engine.pipeline import Validator

STDIN_NAME = "<stdin>"


def read_inputs(
    args: argparse.Namespace,
    validator: Validator,
    lang: str,
    check: Callable[[Sequence[str]], list[FileResult]] | None = None,
) -> list[FileResult]:
    """Every file of the run checked, in order; unreadable ones and empty directories as errors.

    ``check`` checks the files named on disk all at once (the cache and ``--jobs`` live there);
    by default one after the other in this process.
    """
    if getattr(args, "stdin", False):
        return [validator.check_bytes(_stdin_bytes(), stdin_name(args, lang))]
    named = getattr(args, "stdin_filename", None) or STDIN_NAME
    readers = tuple(validator.registry.readers)
    targets = collect(args.paths or ["."], frozenset(readers))
    on_disk = [t.path for t in targets if not t.empty_directory and t.path != STDIN]
    checked = iter((check or _one_by_one(validator))(on_disk))
    files = []
    for target in targets:
        if target.empty_directory:
            files.append(FileResult(path=target.path, error=no_files(readers, lang)))
        elif target.path == STDIN:
            files.append(validator.check_bytes(_stdin_bytes(), named))
        else:
            files.append(next(checked))
    return files


def _one_by_one(validator: Validator) -> Callable[[Sequence[str]], list[FileResult]]:
    return lambda paths: [validator.check_path(path) for path in paths]


def stdin_name(args: argparse.Namespace, lang: str) -> str:
    """The name of the report read with ``--stdin``: the one PATH, ``--stdin-filename``, or ``<stdin>``."""
    paths = [path for path in args.paths if path != STDIN]
    if len(paths) > 1:
        raise UsageError("--stdin", message("cli.stdin_paths", lang))
    if paths and args.stdin_filename:
        raise UsageError("--stdin-filename", message("cli.stdin_twice", lang))
    return paths[0] if paths else args.stdin_filename or STDIN_NAME


def no_files(readers: tuple[str, ...], lang: str) -> str:
    """Why a directory gave nothing to check, naming the suffixes looked for (in the readers' order)."""
    searched = searched_suffixes(readers)
    joiner = ", " if lang == "en" else "、"
    return message("cli.no_files", lang, suffixes=joiner.join(s for s in readers if s in searched))


def _stdin_bytes() -> bytes:
    """Standard input, read no further than the largest input budget allows (plus one byte to tell)."""
    from validator.limits import current_limits

    most = current_limits().largest_file_bytes() + 1
    stream = sys.stdin
    if hasattr(stream, "buffer"):
        return bytes(stream.buffer.read(most))
    return stream.read(most).encode("utf-8")
