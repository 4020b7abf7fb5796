"""The pytest plugin report-validator installs: the ``report_check`` fixture, for testing reports and plugins.

It is registered under pytest's ``pytest11`` entry-point group, so every project
that has report-validator installed can use the fixture without importing
anything (the way ``tox.pytest`` and datasette's pytest plugin serve their plugin
authors)::

    def test_campus_safety_is_required(report_check):
        report = report_check(REPORT_TEXT)
        assert report.checklist == "university-annual-report"
        assert {r.id: r.status for r in report.results}["campus_safety"] == "fail"

The fixture is a thin wrapper over ``validator.testing.check_report``, which
holds the logic and needs no pytest. Disable the plugin with
``-p no:report_validator``.
"""

from __future__ import annotations

from typing import Any, Protocol

import pytest

from validator.model import ReportResult
from validator.testing import check_report


class ReportCheck(Protocol):
    """What the ``report_check`` fixture returns: ``check`` on a text, for one report."""

    def __call__(self, text: str, checklist: str | None = None, **settings: Any) -> ReportResult: ...


@pytest.fixture
def report_check() -> ReportCheck:
    """``report_check(text, checklist=None, **settings) -> ReportResult`` with the default registry.

    The default registry holds the built-ins and every installed plugin, as the
    command line sees them. ``checklist`` is an id or a YAML path (none: genre
    detection); ``settings`` are ``RunSettings`` fields (``lang="en"``,
    ``select=["UNI-001"]``, ``report_year=2024``, ``redacted=True`` …).
    """

    def run(text: str, checklist: str | None = None, **settings: Any) -> ReportResult:
        return check_report(text, checklist, **settings)

    return run
