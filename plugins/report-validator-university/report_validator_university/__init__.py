"""report-validator plugin for universities: an annual-report checklist, UNI-001, and data.

report-validator finds this module through the entry point in ``pyproject.toml``
(group ``report_validator``) and calls the hooks below once per run, when it
builds its registry. A checklist is a YAML file shipped inside the package; a rule
is a ``@rule`` check, one per module; data packs are YAML files named after the
built-in pack they extend (``data/formulations.yaml`` adds to the fixed formulations).
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
    return [unit_name.check]


@hookimpl
def report_validator_data() -> list[Path]:
    return sorted((Path(__file__).parent / "data").glob("*.yaml"))
