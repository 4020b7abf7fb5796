"""The JSON format: the machine-readable contract of DESIGN.md, for CI, dashboards and scripts.

The shape is public (``schemas/report-validator-output.schema.json`` states
it): keys may be added in later versions, none removed or renamed. Every result
is written, passes included, because consumers count what was checked; a
result without a place has null positions rather than missing keys, so a
consumer never needs to test whether a key exists. The module is named
``json_format`` so that it does not shadow the standard ``json`` module.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from validator.formatters.base import FormatOptions, readable_reports, summarize
from validator.model import FileResult, Fix, ReportResult, Result, Span

__all__ = ["format_json"]


def format_json(files: Sequence[FileResult], options: FormatOptions) -> str:
    """The whole run as one JSON document (UTF-8 text, not escaped; indented; final newline)."""
    payload = {
        "tool": {"name": "report-validator", "version": options.version},
        "files": [_file_dict(file) for file in files],
        "summary": asdict(summarize(files)),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _file_dict(file: FileResult) -> dict[str, Any]:
    return {
        "path": file.path,
        "error": file.error,
        "reports": [_report_dict(report) for report in readable_reports(file)],
    }


def _report_dict(report: ReportResult) -> dict[str, Any]:
    return {
        "title": report.title,
        "line": report.line,
        "checklist": report.checklist,
        "results": [_result_dict(result) for result in report.results],
    }


def _result_dict(result: Result) -> dict[str, Any]:
    return {
        "kind": result.kind,
        "id": result.id,
        "status": result.status,
        "severity": result.severity,
        "message": result.message,
        **_place(result.span),
        "evidence": result.evidence,
        "fingerprint": result.fingerprint,
        **({"fix": fix_dict(result.fix)} if result.fix else {}),
    }


def _place(span: Span | None) -> dict[str, int | None]:
    """Where a span stands, as the JSON output gives it (four nulls without a span)."""
    keys = ("line", "column", "end_line", "end_column")
    if span is None:
        return dict.fromkeys(keys)
    return dict(zip(keys, (span.line, span.column, span.end_line, span.end_column), strict=True))


def fix_dict(fix: Fix) -> dict[str, Any]:
    """A fix as JSON: where, what to write, and whether ``--fix`` applies it without ``--unsafe-fixes``."""
    return {
        **_place(fix.span),
        "replacement": fix.replacement,
        "applicability": fix.applicability,
    }
