"""How every CI format names a result and a file, so that SARIF, JUnit, GitHub and GitLab agree.

A reviewer who sees ``annual-report/problems`` in the code-scanning view and
``problems 存在的问题`` in a GitHub annotation must recognise the same finding,
and every consumer resolves paths against the repository root.
"""

from __future__ import annotations

import os
from pathlib import PurePath

from validator.formatters.base import FormatOptions
from validator.model import ChecklistItem, ReportResult, Result


def rule_id(result: Result, report: ReportResult) -> str:
    """``NUM-006`` for a rule; ``annual-report/problems`` for a checklist item (see the module docstring)."""
    return result.id if result.kind == "rule" else f"{report.checklist}/{result.id}"


def result_title(result: Result, report: ReportResult, options: FormatOptions) -> str:
    """``SEC-008 问题查摆过于笼统`` or ``problems 存在的问题``: the id a user greps for, and words."""
    if result.kind == "rule":
        rule = options.rules.get(result.id)
        words = rule.summary.get(options.lang) if rule else ""
    else:
        words = options.checklist_labels.get(report.checklist or "", {}).get(result.id, "")
        item = checklist_item(result.id, report.checklist or "", options)
        words = words or (item.label.get(options.lang) if item else "")
    return f"{result.id} {words}" if words and words != result.id else result.id


def relative_to_cwd(path: str) -> str:
    """``path`` relative to the working directory, with ``/``; outside it, absolute.

    CI services resolve paths against the repository root, which is where a CI
    job runs. A file outside the working directory keeps its absolute path
    rather than a ``../`` path, which no consumer could resolve either and
    which would pretend to lie under the root.
    """
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute, os.getcwd())
    except ValueError:  # another drive on Windows
        return PurePath(absolute).as_posix()
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return PurePath(absolute).as_posix()
    return PurePath(relative).as_posix()


def checklist_item(item_id: str, checklist_id: str, options: FormatOptions) -> ChecklistItem | None:
    """The checklist item a result is about, from the run's checklists, if known."""
    checklist = options.checklists.get(checklist_id)
    return checklist.item(item_id) if checklist else None
