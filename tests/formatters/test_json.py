"""The JSON format: the exact keys of DESIGN.md, and a schema that holds the output to them."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from validator import __version__
from validator.formatters import FormatOptions
from validator.formatters.json_format import format_json
from validator.formatters.text import summary_line
from validator.model import FileResult, ReportResult, Result, Span

SCHEMA_PATH = Path(__file__).parents[2] / "schemas" / "report-validator-output.schema.json"
OPTIONS = FormatOptions(version="9.8.7")

# The keys DESIGN.md promises (none may be removed or renamed), and the ones we add.
TOP_KEYS = {"tool", "files", "summary"}
TOOL_KEYS = {"name", "version"}
FILE_KEYS = {"path", "error", "reports"}
REPORT_KEYS = {"title", "line", "checklist", "results"}
RESULT_KEYS = {"kind", "id", "status", "severity", "message", "line", "column", "end_line", "end_column"}
ADDED_RESULT_KEYS = {"evidence", "fingerprint"}
SUMMARY_KEYS = {"files", "reports", "passed", "failed", "errors"}
ADDED_SUMMARY_KEYS = {"findings"}

# The example of DESIGN.md, as written there: the schema must accept the contract's own example.
DESIGN_EXAMPLE: dict[str, Any] = {
    "tool": {"name": "report-validator", "version": "0.1.0"},
    "files": [
        {
            "path": "reports/2023.txt",
            "error": None,
            "reports": [
                {
                    "title": "…情况报告",
                    "line": 1,
                    "checklist": "annual-report",
                    "results": [
                        {"kind": "item", "id": "problems", "status": "pass", "severity": "error",
                         "message": "…", "line": 31, "column": 1, "end_line": 31, "end_column": 120},
                        {"kind": "rule", "id": "NUM-006", "status": "fail", "severity": "error",
                         "message": "…", "line": 14, "column": 1, "end_line": 14, "end_column": 3},
                    ],
                }
            ],
        }
    ],
    "summary": {"files": 1, "reports": 1, "passed": 12, "failed": 1, "errors": 0},
}  # fmt: skip


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def run() -> list[FileResult]:
    report = ReportResult(
        title="关于2023年度落实全面从严治党主体责任情况的报告",
        line=1,
        checklist="annual-report",
        results=(
            Result(
                "item", "political", "pass", "error", "找到“党的政治建设”部分", Span(4, 1, 4, 18), "（一）"
            ),
            Result("item", "problems", "fail", "error", "缺少“存在的问题”部分"),
            Result("item", "next_steps", "pass", "warning", "找到“下一步工作打算”部分", Span(31, 1, 31, 12)),
            Result(
                "rule", "NUM-006", "fail", "error", "序号“（三）”前缺少“（二）”", Span(14, 1, 14, 4), "（三）"
            ),
            Result("rule", "HYG-001", "pass", "warning", "未发现问题"),
        ),
    )
    untitled = ReportResult(None, 40, "annual-report", (Result("item", "problems", "pass", "error", "找到"),))
    return [
        FileResult("reports/汇编.txt", (report, untitled)),
        FileResult("reports/scan.doc", error="无法识别的文件格式"),
    ]


def output() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(format_json(run(), OPTIONS))
    return data


def test_output_validates_against_the_schema(validator: jsonschema.protocols.Validator) -> None:
    validator.validate(output())
    validator.validate(json.loads(format_json([], OPTIONS)))


def test_the_schema_accepts_the_example_of_design_md(validator: jsonschema.protocols.Validator) -> None:
    validator.validate(DESIGN_EXAMPLE)


@pytest.mark.parametrize(
    ("where", "key", "value"),
    [
        ("result", "status", "ok"),
        ("result", "kind", "check"),
        ("result", "severity", "fatal"),
        ("result", "line", 0),
        ("result", "column", None),  # positions are all integers or all null, never mixed
        ("result", "line", "14"),
        ("report", "line", None),
        ("summary", "failed", -1),
        ("tool", "name", "other-tool"),
        ("file", "error", "无法读取"),  # an unreadable file has no reports
    ],
)
def test_the_schema_rejects_broken_output(
    validator: jsonschema.protocols.Validator, where: str, key: str, value: object
) -> None:
    broken = copy.deepcopy(DESIGN_EXAMPLE)
    file = broken["files"][0]
    target = {
        "tool": broken["tool"],
        "summary": broken["summary"],
        "file": file,
        "report": file["reports"][0],
        "result": file["reports"][0]["results"][1],
    }[where]
    target[key] = value
    assert not validator.is_valid(broken)


@pytest.mark.parametrize("key", sorted(RESULT_KEYS))
def test_the_schema_requires_every_result_key(validator: jsonschema.protocols.Validator, key: str) -> None:
    broken = copy.deepcopy(DESIGN_EXAMPLE)
    del broken["files"][0]["reports"][0]["results"][0][key]
    assert not validator.is_valid(broken)


def test_the_schema_allows_added_keys(validator: jsonschema.protocols.Validator) -> None:
    extended = copy.deepcopy(DESIGN_EXAMPLE)
    extended["files"][0]["reports"][0]["results"][0]["source"] = "GB/T 9704—2012 7.3.3"
    extended["summary"]["suppressed"] = 0
    validator.validate(extended)


def test_exact_keys_of_design_md() -> None:
    data = output()
    assert set(data) == TOP_KEYS
    assert set(data["tool"]) == TOOL_KEYS
    assert set(data["summary"]) == SUMMARY_KEYS | ADDED_SUMMARY_KEYS
    for file in data["files"]:
        assert set(file) == FILE_KEYS
        for report in file["reports"]:
            assert set(report) == REPORT_KEYS
            for result in report["results"]:
                assert set(result) == RESULT_KEYS | ADDED_RESULT_KEYS


def test_values_of_a_result_with_a_span_and_of_one_without() -> None:
    results = output()["files"][0]["reports"][0]["results"]
    assert results[3] == {
        "kind": "rule", "id": "NUM-006", "status": "fail", "severity": "error",
        "message": "序号“（三）”前缺少“（二）”", "line": 14, "column": 1, "end_line": 14, "end_column": 4,
        "evidence": "（三）", "fingerprint": "",
    }  # fmt: skip
    assert results[1] == {
        "kind": "item", "id": "problems", "status": "fail", "severity": "error",
        "message": "缺少“存在的问题”部分", "line": None, "column": None, "end_line": None, "end_column": None,
        "evidence": "", "fingerprint": "",
    }  # fmt: skip


def test_files_reports_and_summary() -> None:
    data = output()
    assert data["tool"] == {"name": "report-validator", "version": "9.8.7"}
    assert [file["path"] for file in data["files"]] == ["reports/汇编.txt", "reports/scan.doc"]
    assert data["files"][1] == {"path": "reports/scan.doc", "error": "无法识别的文件格式", "reports": []}
    reports = data["files"][0]["reports"]
    assert [(r["title"], r["line"], r["checklist"]) for r in reports] == [
        ("关于2023年度落实全面从严治党主体责任情况的报告", 1, "annual-report"),
        (None, 40, "annual-report"),
    ]
    assert data["summary"] == {"files": 2, "reports": 2, "passed": 4, "failed": 2, "errors": 1, "findings": 2}


def test_summary_agrees_with_the_text_summary_line() -> None:
    summary = output()["summary"]
    assert summary_line(run()) == (
        f"检查 {summary['reports']} 份报告：通过 {summary['passed']} 项，未通过 {summary['failed']} 项"
        f"（{summary['findings']} 处问题），{summary['errors']} 个文件无法读取"
    )


def test_every_item_result_appears_exactly_once() -> None:
    first = output()["files"][0]["reports"][0]
    item_ids = [result["id"] for result in first["results"] if result["kind"] == "item"]
    assert sorted(item_ids) == ["next_steps", "political", "problems"]


def test_text_is_unescaped_indented_and_ends_with_a_newline() -> None:
    text = format_json(run(), OPTIONS)
    assert "缺少“存在的问题”部分" in text
    assert "\\u" not in text
    assert text.startswith('{\n  "tool": {\n    "name": "report-validator",')
    assert text.endswith("}\n") and not text.endswith("\n\n")


def test_version_defaults_to_the_packages_own() -> None:
    assert json.loads(format_json([], FormatOptions()))["tool"]["version"] == __version__


def test_an_empty_run() -> None:
    assert json.loads(format_json([], OPTIONS)) == {
        "tool": {"name": "report-validator", "version": "9.8.7"},
        "files": [],
        "summary": {"files": 0, "reports": 0, "passed": 0, "failed": 0, "errors": 0, "findings": 0},
    }
