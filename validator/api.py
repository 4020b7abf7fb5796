"""The Python API: check a text or a path, get the reports with their results.

    >>> from validator.api import Validator
    >>> validator = Validator()                       # built-ins and installed plugins
    >>> [report] = validator.check_text("某局党组2024年落实全面从严治党主体责任情况报告\\n…")
    >>> [(r.id, r.status) for r in report.results if r.kind == "item"]
    [('title', 'pass'), ...]

``Validator.check_path`` returns a ``FileResult`` whose ``error`` holds the
one-line reason when the file cannot be read; it never raises for bad input.
Configuration problems (a broken checklist, an unknown checklist name) raise
``validator.errors.ConfigError``. The pipeline itself lives in ``validator.engine.evaluate``;
this module is the stable name for it.
"""

from __future__ import annotations

from validator.engine.paths import expand_paths
from validator.engine.pipeline import FileSettings, Validator, resolve_checklist
from validator.model import RunSettings

__all__ = ["FileSettings", "RunSettings", "Validator", "expand_paths", "resolve_checklist"]
