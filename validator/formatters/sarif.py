"""The SARIF 2.1.0 format: findings for GitHub code scanning, Azure DevOps and SARIF viewers.

SARIF is a log of *problems*, so only failed results become SARIF results; a
pass would surface as an alert (GitHub does not document ``result.kind``).
What was checked still shows in ``tool.driver.rules``, which describes every
rule and checklist item that produced a finding, in the run's language, with a
link to its documentation. Links are written, never fetched: the tool stays
offline.

Three choices keep code scanning's alerts stable from one run to the next:
paths are relative to the working directory (the repository root in CI) under
``%SRCROOT%``; ``partialFingerprints`` carries our content-anchored fingerprint,
which survives lines moving up or down; and ids never depend on the language.
A checklist item's id is ``<checklist>/<item>`` (``annual-report/problems``):
SARIF's hierarchical form, which cannot collide with a rule code (``NUM-006``)
and keeps apart two checklists that both have a ``problems`` item.

This module is also where the other CI formats (GitHub, GitLab, JUnit) learn
how a result is named and where its file is, so that all of them agree.
"""

from __future__ import annotations

import inspect
import json
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from validator.formatters.base import FormatOptions, readable_reports
from validator.formatters.naming import checklist_item, relative_to_cwd, result_title, rule_id
from validator.model import SEVERITY_RANK, FileResult, Fix, ReportResult, Result

__all__ = ["MAX_RESULTS", "format_sarif", "relative_to_cwd", "result_title", "rule_id"]

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
HOME = "https://github.com/report-validator/report-validator"
RULES_DOC = f"{HOME}/blob/main/docs/rules.md"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "reportValidator/v1"
MAX_RESULTS = 25_000  # GitHub rejects a run with more results than this

LEVELS: dict[str, str] = {"error": "error", "warning": "warning", "info": "note"}
_LANGUAGES = {"zh": "zh-CN", "en": "en-US"}
_WORDS = {
    "source": ("依据", "Source"),
    "omitted": (
        "结果过多：另有 {count} 条较轻的问题未写入 SARIF（每次运行最多 {limit} 条）",
        "too many results: {count} less severe findings left out of the SARIF log (at most {limit} per run)",
    ),
}


def format_sarif(files: Sequence[FileResult], options: FormatOptions) -> str:
    """The whole run as one SARIF log with one run (indented UTF-8 JSON, final newline)."""
    findings = _capped(list(_failures(files)))
    ids = sorted({rule_id(result, report) for _, report, result in findings.kept})
    index = {identifier: number for number, identifier in enumerate(ids)}
    run: dict[str, Any] = {
        "tool": {"driver": _driver(ids, findings.kept, options)},
        "invocations": [_invocation(files, findings.omitted, options.lang)],
        "originalUriBaseIds": {SRCROOT: {"uri": _directory_uri(Path.cwd())}},
        "columnKind": "unicodeCodePoints",  # our columns count characters, not UTF-16 code units
        "results": [_result(file, report, result, index) for file, report, result in findings.kept],
    }
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------------------- shared with the CI formats


# ---------------------------------------------------------------------------- results


@dataclass(frozen=True)
class _Findings:
    """The failed results that go into the log, and how many were left out to stay within GitHub's cap."""

    kept: list[tuple[FileResult, ReportResult, Result]]
    omitted: int


def _failures(files: Sequence[FileResult]) -> Iterator[tuple[FileResult, ReportResult, Result]]:
    for file in files:
        for report in readable_reports(file):
            for result in report.results:
                if result.status == "fail":
                    yield file, report, result


def _capped(findings: list[tuple[FileResult, ReportResult, Result]]) -> _Findings:
    """At most ``MAX_RESULTS``, the most severe kept, in their original order."""
    if len(findings) <= MAX_RESULTS:
        return _Findings(findings, 0)
    order = sorted(range(len(findings)), key=lambda i: -SEVERITY_RANK[findings[i][2].severity])
    keep = sorted(order[:MAX_RESULTS])
    return _Findings([findings[i] for i in keep], len(findings) - MAX_RESULTS)


def _result(file: FileResult, report: ReportResult, result: Result, index: dict[str, int]) -> dict[str, Any]:
    identifier = rule_id(result, report)
    physical: dict[str, Any] = {"artifactLocation": _artifact(file.path), "region": _region(result, report)}
    entry: dict[str, Any] = {
        "ruleId": identifier,
        "ruleIndex": index[identifier],
        "level": LEVELS[result.severity],
        "message": {"text": result.message or identifier},
        "locations": [{"physicalLocation": physical}],
    }
    if result.fingerprint:
        entry["partialFingerprints"] = {FINGERPRINT_KEY: result.fingerprint}
    if result.fix is not None:  # SARIF §3.55: a fix is a set of replacements in one artifact
        entry["fixes"] = [_fix(file, result.fix)]
    entry["properties"] = {"kind": result.kind, "checklist": report.checklist, "report": report.title or ""}
    return entry


def _fix(file: FileResult, fix: Fix) -> dict[str, Any]:
    """A ``fix`` object: its description says whether it is safe; one replacement of one region."""
    span = fix.span
    region = {
        "startLine": span.line,
        "startColumn": span.column,
        "endLine": span.end_line,
        "endColumn": span.end_column,
    }
    return {
        "description": {"text": fix.applicability},
        "artifactChanges": [
            {
                "artifactLocation": _artifact(file.path),
                "replacements": [{"deletedRegion": region, "insertedContent": {"text": fix.replacement}}],
            }
        ],
    }


def _region(result: Result, report: ReportResult) -> dict[str, int]:
    """Our span as it is: SARIF columns are 1-based too and its ``endColumn`` is exclusive like ours.

    A result without a place (a missing section) points at its report's title
    line, so that a compilation's seven reports do not all point at line 1.
    """
    span = result.span
    if span is None:
        return {"startLine": report.line}
    return {
        "startLine": span.line,
        "startColumn": span.column,
        "endLine": span.end_line,
        "endColumn": span.end_column,
    }


def _directory_uri(directory: Path) -> str:
    """SARIF wants a base URI to end with ``/`` (``file:///`` already does)."""
    uri = directory.as_uri()
    return uri if uri.endswith("/") else uri + "/"


def _artifact(path: str) -> dict[str, str]:
    """A percent-encoded URI reference under ``%SRCROOT%``; a ``file:`` URI outside the working directory."""
    shown = relative_to_cwd(path)
    if os.path.isabs(shown):
        return {"uri": Path(shown).as_uri()}
    return {"uri": quote(shown, safe="/"), "uriBaseId": SRCROOT}


# ---------------------------------------------------------------------------- the run


def _invocation(files: Sequence[FileResult], omitted: int, lang: str) -> dict[str, Any]:
    """Unreadable files are the tool's failures, not findings: SARIF calls them execution notifications."""
    notes = [_input_error(file) for file in files if file.error is not None]
    if omitted:
        zh, en = _WORDS["omitted"]
        text = (en if lang == "en" else zh).format(count=omitted, limit=MAX_RESULTS)
        notes.append({"level": "warning", "message": {"text": text}})
    invocation: dict[str, Any] = {"executionSuccessful": not any(file.error for file in files)}
    if notes:
        invocation["toolExecutionNotifications"] = notes
    return invocation


def _input_error(file: FileResult) -> dict[str, Any]:
    return {
        "level": "error",
        "message": {"text": file.error or ""},
        "locations": [{"physicalLocation": {"artifactLocation": _artifact(file.path)}}],
    }


def _driver(
    ids: list[str], findings: list[tuple[FileResult, ReportResult, Result]], options: FormatOptions
) -> dict[str, Any]:
    first = {rule_id(result, report): (report, result) for _, report, result in reversed(findings)}
    return {
        "name": "report-validator",
        "version": options.version,
        "informationUri": HOME,
        "language": _LANGUAGES.get(options.lang, "zh-CN"),
        "rules": [_descriptor(identifier, *first[identifier], options) for identifier in ids],
    }


def _descriptor(
    identifier: str, report: ReportResult, result: Result, options: FormatOptions
) -> dict[str, Any]:
    """Rule metadata; a rule or item the registry does not know (RV-001, say) gets its id alone."""
    if result.kind == "rule":
        return _rule_descriptor(identifier, options)
    return _item_descriptor(identifier, report.checklist or "", result.id, options)


def _rule_descriptor(code: str, options: FormatOptions) -> dict[str, Any]:
    rule = options.rules.get(code)
    if rule is None:
        return {"id": code}
    summary = rule.summary.get(options.lang)
    paragraph = _first_paragraph(rule.doc, code) or summary
    source = f"{_word('source', options.lang)}: {rule.source}"
    markdown = inspect.cleandoc(rule.doc) if rule.doc else summary
    descriptor: dict[str, Any] = {
        "id": code,
        "name": rule.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": paragraph},
        "help": {"text": f"{paragraph}\n\n{source}", "markdown": f"{markdown}\n\n{source}"},
    }
    if rule.origin == "built-in":  # docs/rules.md documents the built-in rules only
        descriptor["helpUri"] = f"{RULES_DOC}#{code.lower()}"
    descriptor["defaultConfiguration"] = {"level": LEVELS[rule.severity]}
    descriptor["properties"] = {"kind": "rule", "source": rule.source, "origin": rule.origin}
    return descriptor


def _item_descriptor(
    identifier: str, checklist_id: str, item_id: str, options: FormatOptions
) -> dict[str, Any]:
    checklist = options.checklists.get(checklist_id)
    item = checklist_item(item_id, checklist_id, options)
    if checklist is None or item is None:
        return {"id": identifier, "name": item_id}
    label = item.label.get(options.lang)
    description = item.description.get(options.lang) or label
    source = f"{_word('source', options.lang)}: {item.source}" if item.source else ""
    help_text = f"{description}\n\n{source}" if source else description
    descriptor: dict[str, Any] = {
        "id": identifier,
        "name": item_id,
        "shortDescription": {"text": label},
        "fullDescription": {"text": description},
        "help": {"text": help_text, "markdown": help_text},
    }
    if checklist.origin == "built-in" and checklist.path:  # the YAML in rules/ is the item's documentation
        descriptor["helpUri"] = f"{HOME}/blob/main/rules/{PurePath(checklist.path).name}"
    descriptor["defaultConfiguration"] = {"level": LEVELS[item.severity]}
    properties = {"kind": "item", "checklist": checklist_id, "source": item.source}
    descriptor["properties"] = properties | ({"code": item.code} if item.code else {})
    return descriptor


def _first_paragraph(doc: str, code: str) -> str:
    """The doc's first paragraph of prose, skipping a heading line such as ``SEC-008 问题查摆过于笼统``."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", inspect.cleandoc(doc)) if p.strip()]
    if paragraphs and paragraphs[0].startswith(code) and "\n" not in paragraphs[0]:
        paragraphs = paragraphs[1:]
    return paragraphs[0] if paragraphs else ""


def _word(key: str, lang: str) -> str:
    zh, en = _WORDS[key]
    return en if lang == "en" else zh
