"""From the paths on the command line to the files to check: directories searched, duplicates gone.

A file named twice (``examples/ examples/a.txt ./examples/a.txt``) is one file: it is checked
and counted once, under the spelling first given, since the same path resolved (symbolic links
followed) is the same file. A named directory that holds no file a reader accepts is reported
rather than passed over: in CI a mistyped folder would otherwise check nothing and pass. ``-``
is kept as it is; the command line reads it from standard input.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

__all__ = ["LEGACY_SUFFIXES", "STDIN", "Target", "collect", "expand_paths", "searched_suffixes"]

STDIN = "-"

# Refused with a conversion hint when named, but not looked for in directories: a
# repository that keeps old originals beside their .docx should not fail every run.
LEGACY_SUFFIXES = frozenset({".doc", ".wps"})


class Target(NamedTuple):
    """One thing to check: a file (or ``-``), or a named directory in which nothing was found."""

    path: str
    empty_directory: bool = False


def searched_suffixes(suffixes: Iterable[str]) -> frozenset[str]:
    """The suffixes looked for in directories: the readers', less legacy Word and (without the extra) PDF."""
    searched = frozenset(suffixes) - LEGACY_SUFFIXES
    if importlib.util.find_spec("pdfminer") is None:
        searched -= {".pdf"}
    return searched


def collect(paths: Iterable[str], suffixes: frozenset[str]) -> list[Target]:
    """Files as given and the readable files under each directory, each once, in a stable order.

    In directories, hidden files and folders, Word's lock files (``~$报告.docx``),
    legacy .doc/.wps files and, without the ``pdf`` extra, PDFs are skipped;
    a file named on the command line is always tried, so it gets its one-line reason.
    """
    searched = searched_suffixes(suffixes)
    seen: set[str] = set()
    targets: list[Target] = []

    def add(path: str) -> bool:
        key = path if path == STDIN else _identity(path)
        if key in seen:
            return False
        seen.add(key)
        targets.append(Target(path))
        return True

    for path in paths:
        if path != STDIN and os.path.isdir(path):
            found = sorted(_walk(Path(path), searched))
            if not found:
                targets.append(Target(path, empty_directory=True))
            for name in found:
                add(name)
        else:
            add(path)
    return targets


def expand_paths(paths: Iterable[str], suffixes: frozenset[str]) -> list[str]:
    """The files to check (``collect`` without the empty directories)."""
    return [target.path for target in collect(paths, suffixes) if not target.empty_directory]


def _identity(path: str) -> str:
    """The file a path names, symbolic links followed; the path itself when it cannot be resolved."""
    try:
        return os.path.realpath(path)
    except (OSError, ValueError):
        return path


def _walk(directory: Path, suffixes: frozenset[str]) -> Iterator[str]:
    unreadable: list[str] = []  # a folder that cannot be listed is yielded, so it gets its error
    for root, dirs, files in os.walk(directory, onerror=lambda error: unreadable.append(error.filename)):
        yield from unreadable
        unreadable.clear()
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.startswith((".", "~$")) or os.path.splitext(name)[1].lower() not in suffixes:
                continue
            yield os.path.join(root, name)
    yield from unreadable
