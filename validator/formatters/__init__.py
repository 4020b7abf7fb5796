"""Output formats of ``check``: one module per format, all sharing one signature and one tally.

A formatter renders the results of a whole run at once (not file by file) so
that it can end with a summary and so that whole-document formats (JSON,
SARIF, JUnit) are as easy to write as line formats. Every formatter, built-in
or from a plugin, has the type ``Formatter`` and is offered through the
``report_validator_formatters`` hook; the built-ins come through that same
door (see the hook at the bottom of this module).

``summarize`` is here, not in one formatter, so that the text summary line and
the JSON ``summary`` object can never disagree on what was counted.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from validator import __version__
from validator.model import Checklist, FileResult, ReportResult
from validator.rule import Rule

__all__ = [
    "FormatOptions",
    "Formatter",
    "Summary",
    "readable_reports",
    "report_validator_formatters",
    "summarize",
]


@dataclass(frozen=True)
class FormatOptions:
    """How to render a run; the same options reach every formatter, built-in or plugin.

    ``lang`` chooses the tool's own words (``zh`` or ``en``); result messages
    arrive already in that language. ``version`` defaults to this package's
    version, so a caller only passes it to report another one. ``color`` adds
    ANSI colours (off by default: output is usually read by CI logs and
    problem matchers). ``show_passed`` is for people, not machines: when false
    the text format hides passed checklist items, while JSON keeps every result
    because its consumers count them. ``checklist_labels`` maps checklist id ->
    item id -> label in ``lang``, so text output can say 党的政治建设 rather
    than ``political``; an item without a label is shown by its id. ``rules``
    and ``checklists`` are the run's registry, for formats that describe what
    was checked (SARIF's rule metadata, JUnit's passing test cases).
    """

    lang: str = "zh"
    version: str = __version__
    color: bool = False
    show_passed: bool = True
    checklist_labels: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    rules: Mapping[str, Rule] = field(default_factory=dict)  # code -> rule, for metadata (SARIF)
    checklists: Mapping[str, Checklist] = field(default_factory=dict)  # id -> checklist


Formatter = Callable[[Sequence[FileResult], FormatOptions], str]


@dataclass(frozen=True)
class Summary:
    """The counts that end every output: the ``summary`` object of the JSON contract."""

    files: int
    reports: int
    passed: int
    failed: int
    errors: int  # files that could not be read


def readable_reports(file: FileResult) -> tuple[ReportResult, ...]:
    """The reports of a file that was read; none for a file with an input error.

    The model says a file has reports *or* an input error; should a caller
    ever set both, every format shows only the error and counts nothing from
    that file, so that text and JSON stay in agreement.
    """
    return () if file.error is not None else file.reports


def summarize(files: Sequence[FileResult]) -> Summary:
    """Count reports and results (items and rules alike) over the whole run."""
    reports = [report for file in files for report in readable_reports(file)]
    statuses = [result.status for report in reports for result in report.results]
    return Summary(
        files=len(files),
        reports=len(reports),
        passed=statuses.count("pass"),
        failed=statuses.count("fail"),
        errors=sum(1 for file in files if file.error is not None),
    )


# The format modules import FormatOptions and summarize from here, so they can only
# be imported once those exist.
from validator.formatters import json_format, text  # noqa: E402
from validator.lazy import lazy_function  # noqa: E402
from validator.plugin.hookspecs import hookimpl  # noqa: E402


@hookimpl
def report_validator_formatters() -> dict[str, Formatter]:
    """The built-in formats, offered through the same hook as a plugin's."""
    return {
        "text": text.format_text,
        "json": json_format.format_json,
        "sarif": lazy_function("validator.formatters.sarif", "format_sarif"),
        "junit": lazy_function("validator.formatters.junit", "format_junit"),
        "github": lazy_function("validator.formatters.github", "format_github"),
        "gitlab": lazy_function("validator.formatters.gitlab", "format_gitlab"),
        "compact": lazy_function("validator.formatters.compact", "format_compact"),
    }
