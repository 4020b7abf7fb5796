"""Fingerprints of results that survive unrelated edits: for SARIF, GitLab and the baseline.

A finding is identified by what it is about, not by where it is: the rule or
item id, the text of the line it stands on (stripped of indentation), and the
characters it points at. Lines moving up or down (a blank line inserted at the
top, a paragraph added elsewhere) leave the fingerprint unchanged; editing the
offending line changes it, which is right: that finding is a new one. Identical
findings on identical lines are told apart by their order of occurrence.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections import Counter
from collections.abc import Sequence

from validator.model import ReportResult, Result


def with_fingerprints(reports: Sequence[ReportResult], text: str) -> list[ReportResult]:
    """The reports with a ``fingerprint`` on every result."""
    lines = text.split("\n")
    return [_report(report, lines) for report in reports]


def _report(report: ReportResult, lines: list[str]) -> ReportResult:
    seen: Counter[str] = Counter()
    results = []
    for result in report.results:
        anchor = _anchor(report, result, lines)
        seen[anchor] += 1
        digest = hashlib.sha256(f"{anchor}\x00{seen[anchor]}".encode()).hexdigest()[:32]
        r = result  # built directly: dataclasses.replace costs more than the hash, on every result
        results.append(
            Result(r.kind, r.id, r.status, r.severity, r.message, r.span, r.evidence, digest, r.fix)
        )
    return dataclasses.replace(report, results=tuple(results))


def _anchor(report: ReportResult, result: Result, lines: list[str]) -> str:
    base = f"{report.checklist}\x00{report.title or ''}\x00{result.kind}\x00{result.id}\x00{result.status}"
    span = result.span
    if span is None or not 1 <= span.line <= len(lines):
        return base
    line = lines[span.line - 1]
    pointed = line[span.column - 1 : span.end_column - 1] if span.line == span.end_line else ""
    return f"{base}\x00{line.strip()}\x00{pointed}"
