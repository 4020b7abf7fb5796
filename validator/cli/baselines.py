"""Which baseline a run uses and where ``baseline`` writes, found as the configuration is found.

``check`` uses ``--baseline FILE``, else the ``.report-validator-baseline.json`` found upward from
the working directory (stopping at the repository root), else none; ``--no-baseline`` turns the
search off. The file is read before any report is, so a broken baseline fails at once. What it
hid is said at the end of the text summary: a finding left out must never look like a pass.
``baseline`` writes to ``--output``, else to the file ``check`` would find, else at the project
root (the configuration's directory), else in the working directory.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from validator.messages import message
from validator.model import FileResult

__all__ = ["Baseline", "default_baseline_path", "failures", "open_baseline"]


class Baseline(NamedTuple):
    """A loaded baseline: its path as shown, the accepted (file key, fingerprint) pairs, its directory."""

    shown: str
    accepted: frozenset[tuple[str, str]]
    base: str

    def apply(self, files: Sequence[FileResult], lang: str) -> tuple[list[FileResult], str]:
        """The files less what this baseline accepts, and the note for the summary line."""
        from validator.engine.baseline import apply_baseline

        kept = apply_baseline(files, self.accepted, lang, self.base)
        hidden = failures(files) - failures(kept)
        return kept, message("baseline.applied", lang, path=self.shown, count=hidden)


def open_baseline(args: argparse.Namespace) -> Baseline | None:
    """The baseline ``check`` uses, loaded (``ConfigError`` when it is broken), or None."""
    from validator.engine.baseline import base_of, find_baseline, load_baseline

    path = args.baseline or (None if args.no_baseline else find_baseline(Path.cwd()))
    if path is None:
        return None
    shown = args.baseline or os.path.relpath(path)
    return Baseline(shown, load_baseline(shown), base_of(path))


def default_baseline_path(args: argparse.Namespace) -> Path:
    """Where ``baseline`` writes without ``--output``."""
    from validator.config import find_config
    from validator.engine.baseline import DEFAULT_BASELINE, find_baseline

    found = find_baseline(Path.cwd())
    if found is None:
        config = Path(args.config) if args.config else find_config(Path.cwd())
        found = (config.parent if config is not None else Path()).absolute() / DEFAULT_BASELINE
    return Path(os.path.relpath(found))


def failures(files: Sequence[FileResult]) -> int:
    """How many results failed, over every report of every file."""
    return sum(1 for f in files for r in f.reports for x in r.results if x.status == "fail")
