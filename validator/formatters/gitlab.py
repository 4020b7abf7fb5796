"""The GitLab Code Quality format: a JSON list of issues for the merge-request widget.

GitLab reads a subset of the Code Climate issue format: ``description``,
``check_name``, ``fingerprint``, ``severity`` and ``location`` (``path`` and
``lines.begin``). Only failed results are issues; passes have no place in it.

GitLab compares fingerprints between the base and the head of a merge request
to say which issues are new and which were fixed, and it keeps only one issue
per fingerprint. Our content-anchored fingerprint is used as it is, so an
issue stays "the same" when lines move; it is unique within a report but not
across files (two copies of a report give the same ones), so a repeat is
replaced by a digest of the fingerprint, the path and its occurrence, and no
issue is silently merged into another.

An unreadable file is an issue too (``check_name`` ``input-error``): the widget
would otherwise show a clean file that was never checked. Severities follow
the brief of the CI formats: error -> major, warning -> minor, info -> info;
an input error is critical, since nothing of that file was checked.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from typing import Any

from validator.formatters.base import FormatOptions, readable_reports
from validator.formatters.naming import relative_to_cwd, result_title, rule_id
from validator.model import FileResult, ReportResult, Result

__all__ = ["SEVERITIES", "format_gitlab"]

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}
INPUT_ERROR = "input-error"


def format_gitlab(files: Sequence[FileResult], options: FormatOptions) -> str:
    """The whole run as one JSON array of issues (UTF-8 text, indented, final newline)."""
    seen: set[str] = set()
    issues = [_unique(issue, seen) for issue in _issues(files, options)]
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


def _issues(files: Sequence[FileResult], options: FormatOptions) -> Iterator[dict[str, Any]]:
    for file in files:
        path = relative_to_cwd(file.path)
        if file.error is not None:
            yield _issue(INPUT_ERROR, file.error, "critical", _digest(INPUT_ERROR, path), path, 1)
        for report in readable_reports(file):
            for result in report.results:
                if result.status == "fail":
                    yield _result_issue(path, report, result, options)


def _result_issue(path: str, report: ReportResult, result: Result, options: FormatOptions) -> dict[str, Any]:
    check = rule_id(result, report)
    line = result.span.line if result.span else report.line  # no span: the report's title line
    fingerprint = result.fingerprint or _digest(check, path, str(line), result.message)
    title = result_title(result, report, options)
    description = f"{title}: {result.message}" if result.message else title
    return _issue(check, description, SEVERITIES[result.severity], fingerprint, path, line)


def _issue(
    check: str, description: str, severity: str, fingerprint: str, path: str, line: int
) -> dict[str, Any]:
    return {
        "description": description,
        "check_name": check,
        "fingerprint": fingerprint,
        "severity": severity,
        "location": {"path": path, "lines": {"begin": line}},
    }


def _unique(issue: dict[str, Any], seen: set[str]) -> dict[str, Any]:
    """The issue, with its fingerprint replaced by a digest when an earlier issue already has it."""
    fingerprint, path = issue["fingerprint"], issue["location"]["path"]
    occurrence = 1
    while fingerprint in seen:
        occurrence += 1
        fingerprint = _digest(issue["fingerprint"], path, str(occurrence))
    seen.add(fingerprint)
    return issue | {"fingerprint": fingerprint}


def _digest(*parts: str) -> str:
    """32 hex digits, the length of our own fingerprints (and of the MD5 that Code Climate suggests)."""
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()[:32]
