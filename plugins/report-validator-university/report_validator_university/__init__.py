"""report-validator plugin for universities: a Party committee's annual-report checklist, and UNI-001.

report-validator finds this module through the entry point in ``pyproject.toml``
(group ``report_validator``) and calls the two hooks below once per run, when it
builds its registry. A checklist is a YAML file shipped inside the package; a rule
is a ``Rule`` object, one per module.
"""

from __future__ import annotations

from pathlib import Path

from report_validator_university import unit_name
from validator import hookimpl
from validator.rule import Rule

__version__ = "0.1.0"


@hookimpl
def report_validator_checklists() -> list[Path]:
    return [Path(__file__).parent / "university-annual-report.yaml"]


@hookimpl
def report_validator_rules() -> list[Rule]:
    return [unit_name.RULE]
