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
from collections.abc import Sequence
from typing import Any

from validator.model import ReportResult, Result


def with_fingerprints(reports: Sequence[ReportResult], text: str) -> list[ReportResult]:
    """The reports with a ``fingerprint`` on every result."""
    lines = text.split("\n")
    return [_report(report, lines) for report in reports]


def _report(report: ReportResult, lines: list[str]) -> ReportResult:
    """Fingerprint each result: sha256 of its anchor (``_anchor``) and its order among equal anchors.

    The hash of the part shared by the results of one id on one line (the line's text) is
    computed once and copied: hashing the whole line per result was quadratic (10^5 findings on
    one long line). The digests are exactly those of ``sha256(f"{anchor}\\x00{n}")``.
    """
    seen: dict[tuple[str, str, str, str | None, str], int] = {}
    stripped: dict[int, str] = {}
    prefixes: dict[tuple[str, str, str, str | None], Any] = {}
    head = f"{report.checklist}\x00{report.title or ''}\x00"
    results = []
    for r in report.results:
        line, pointed = _anchor_parts(r, lines, stripped)
        key = (r.kind, r.id, r.status, line, pointed)  # the anchor, by its parts: the report's are shared
        count = seen[key] = seen.get(key, 0) + 1
        prefix = prefixes.get(key[:4])
        if prefix is None:
            base = f"{head}{r.kind}\x00{r.id}\x00{r.status}"
            prefix = hashlib.sha256(
                f"{base}\x00".encode() if line is None else f"{base}\x00{line}\x00".encode()
            )
            prefixes[key[:4]] = prefix
        hasher = prefix.copy()
        hasher.update(f"{count}".encode() if line is None else f"{pointed}\x00{count}".encode())
        digest = hasher.hexdigest()[:32]
        # built directly: dataclasses.replace costs more than the hash, on every result
        results.append(
            Result(r.kind, r.id, r.status, r.severity, r.message, r.span, r.evidence, digest, r.fix)
        )
    return dataclasses.replace(report, results=tuple(results))


def _anchor_parts(result: Result, lines: list[str], stripped: dict[int, str]) -> tuple[str | None, str]:
    """The stripped text of the result's line (None without one) and the characters it points at."""
    span = result.span
    if span is None or not 1 <= span.line <= len(lines):
        return None, ""
    if span.line not in stripped:
        stripped[span.line] = lines[span.line - 1].strip()
    line = lines[span.line - 1]
    pointed = line[span.column - 1 : span.end_column - 1] if span.line == span.end_line else ""
    return stripped[span.line], pointed
