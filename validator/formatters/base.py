"""What every output format shares: the options it is given, and one way of counting.

``summarize`` and ``tally`` are here, not in one formatter, so that the text summary
line, the JSON ``summary`` object, SARIF and JUnit can never disagree on what was counted.
Formats see a rule only as its metadata (``model.RuleInfo``), never as code to run.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import field

from validator import __version__
from validator.model import Checklist, FileResult, ReportResult, RuleInfo
from validator.records import frozen


@frozen
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
    ``group`` is for people too: formats for machines always list every finding.
    """

    lang: str = "zh"
    version: str = __version__
    color: bool = False
    show_passed: bool = True
    group: bool = True  # text and HTML: a rule's fourth and later findings in a report folded into one line
    checklist_labels: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    rules: Mapping[str, RuleInfo] = field(default_factory=dict)  # code -> rule, for metadata (SARIF)
    checklists: Mapping[str, Checklist] = field(default_factory=dict)  # id -> checklist


Formatter = Callable[[Sequence[FileResult], FormatOptions], str]


@frozen
class Summary:
    """The counts that end every output: the ``summary`` object of the JSON contract.

    ``passed`` and ``failed`` count *checks*: each checklist item and each enabled
    rule of each report once, failed when it has any failure, which is what a
    JUnit test case is. ``findings`` counts failures: a rule that fires 117 times
    is one failed check and 117 findings, which is what SARIF lists. docs/output.md
    says which output shows which count.
    """

    files: int
    reports: int
    passed: int
    failed: int
    errors: int  # files that could not be read
    findings: int = 0


def readable_reports(file: FileResult) -> tuple[ReportResult, ...]:
    """The reports of a file that was read; none for a file with an input error.

    The model says a file has reports *or* an input error; should a caller
    ever set both, every format shows only the error and counts nothing from
    that file, so that text and JSON stay in agreement.
    """
    return () if file.error is not None else file.reports


@frozen
class Tally:
    """One report's checks, split by kind, and its findings: the counts of every per-report line."""

    items_passed: int
    items_failed: int
    rules_passed: int
    rules_failed: int
    findings: int


def tally(report: ReportResult) -> Tally:
    """Count a report's checks (an item or rule is failed if any of its results failed) and findings."""
    checks: dict[str, dict[str, bool]] = {"item": {}, "rule": {}}  # kind -> id -> failed
    findings = 0
    for result in report.results:  # one pass, no per-result tuples: a warm run tallies 90,000 results
        failed = checks.get(result.kind)
        if result.status == "fail":
            findings += 1
            if failed is not None:
                failed[result.id] = True
        elif failed is not None and result.id not in failed:
            failed[result.id] = False
    items_failed, rules_failed = sum(checks["item"].values()), sum(checks["rule"].values())
    return Tally(
        items_passed=len(checks["item"]) - items_failed,
        items_failed=items_failed,
        rules_passed=len(checks["rule"]) - rules_failed,
        rules_failed=rules_failed,
        findings=findings,
    )


def summarize(files: Sequence[FileResult], tallies: Sequence[Tally] | None = None) -> Summary:
    """Count reports, checks and findings over the whole run.

    ``tallies`` are the readable reports' tallies, in order, when the caller has them
    already (the text format counts each report for its own line): each is counted once.
    """
    if tallies is None:
        tallies = [tally(report) for file in files for report in readable_reports(file)]
    return Summary(
        files=len(files),
        reports=len(tallies),
        passed=sum(t.items_passed + t.rules_passed for t in tallies),
        failed=sum(t.items_failed + t.rules_failed for t in tallies),
        errors=sum(1 for file in files if file.error is not None),
        findings=sum(t.findings for t in tallies),
    )
