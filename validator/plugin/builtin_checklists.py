"""The built-in checklists bundle: every ``rules/*.yaml`` shipped with report-validator."""

from __future__ import annotations

from pathlib import Path

from validator.plugin.hookspecs import hookimpl
from validator.resources import data_dir


@hookimpl
def report_validator_checklists() -> list[Path]:
    return sorted(data_dir("rules").glob("*.yaml"))
