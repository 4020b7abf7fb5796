"""The GitLab Code Quality format: a JSON list of failed results, unique fingerprints, mapped severities."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from validator.api import Validator
from validator.formatters import FormatOptions
from validator.formatters.gitlab import format_gitlab
from validator.model import FileResult, ReportResult, Result, Span, Text
from validator.rule import Rule

TITLE = "中共某某委员会关于2023年度落实全面从严治党主体责任情况的报告"
LABELS = {"annual-report": {"problems": "存在的问题"}}
NUM_006 = Rule("NUM-006", "numbering-gap", "error", Text("序号跳号", "Numbering gap"), "GB/T", lambda c: ())
OPTIONS = FormatOptions(checklist_labels=LABELS, rules={"NUM-006": NUM_006})
KEYS = {"description", "check_name", "fingerprint", "severity", "location"}


def report(line: int = 1) -> ReportResult:
    return ReportResult(
        title=TITLE,
        line=line,
        checklist="annual-report",
        results=(
            Result("item", "political", "pass", "error", "找到", Span(4, 1, 4, 18), fingerprint="p" * 32),
            Result("item", "problems", "fail", "error", "缺少“存在的问题”部分", fingerprint="a" * 32),
            Result(
                "rule",
                "NUM-006",
                "fail",
                "error",
                "序号“（三）”前缺少“（二）”",
                Span(14, 1, 14, 4),
                "",
                "b" * 32,
            ),
            Result(
                "rule",
                "PUN-002",
                "fail",
                "warning",
                "半角逗号“,”应为全角“，”",
                Span(20, 5, 20, 6),
                "",
                "c" * 32,
            ),
            Result("rule", "HYG-001", "fail", "info", "标题后不宜有句号", Span(9, 12, 9, 13)),
            Result("rule", "TERM-007", "pass", "warning", "未发现问题", fingerprint="d" * 32),
        ),
    )


def run() -> list[FileResult]:
    return [
        FileResult("reports/2023.txt", (report(),)),
        FileResult("reports/2023 副本.txt", (report(),)),  # a copy: the same fingerprints again
        FileResult("reports/scan.doc", error="无法识别的文件格式"),
    ]


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def issues(files: list[FileResult] | None = None) -> list[dict[str, Any]]:
    data = json.loads(format_gitlab(run() if files is None else files, OPTIONS))
    assert isinstance(data, list)
    return data


def test_a_json_list_of_failed_results_only() -> None:
    found = issues()
    assert all(set(issue) == KEYS for issue in found)
    assert [(i["check_name"], i["location"]["path"]) for i in found] == [
        ("annual-report/problems", "reports/2023.txt"),
        ("NUM-006", "reports/2023.txt"),
        ("PUN-002", "reports/2023.txt"),
        ("HYG-001", "reports/2023.txt"),
        ("annual-report/problems", "reports/2023 副本.txt"),
        ("NUM-006", "reports/2023 副本.txt"),
        ("PUN-002", "reports/2023 副本.txt"),
        ("HYG-001", "reports/2023 副本.txt"),
        ("input-error", "reports/scan.doc"),
    ]


def test_severities_are_mapped() -> None:
    assert [issue["severity"] for issue in issues()[:4]] == ["major", "major", "minor", "info"]
    assert issues()[-1]["severity"] == "critical"


def test_description_names_the_check_and_lines_begin_at_the_finding() -> None:
    first, num, *_ = issues()
    assert first["description"] == "problems 存在的问题: 缺少“存在的问题”部分"
    assert first["location"]["lines"] == {"begin": 1}  # no span: the report's title line
    assert num["description"] == "NUM-006 序号跳号: 序号“（三）”前缺少“（二）”"
    assert num["location"]["lines"] == {"begin": 14}
    later = issues([FileResult("b.txt", (report(line=40),))])
    assert later[0]["location"]["lines"] == {"begin": 40}


def test_fingerprints_are_ours_and_unique_even_for_a_copied_file() -> None:
    found = issues()
    fingerprints = [issue["fingerprint"] for issue in found]
    assert len(set(fingerprints)) == len(fingerprints)
    assert fingerprints[:3] == ["a" * 32, "b" * 32, "c" * 32]  # ours, as they are, where unique
    assert all(len(fp) == 32 and int(fp, 16) >= 0 for fp in fingerprints)
    assert issues() == found  # deterministic


def test_a_result_without_a_fingerprint_gets_a_stable_one() -> None:
    hyg = [issue for issue in issues() if issue["check_name"] == "HYG-001"]
    assert hyg[0]["fingerprint"] != hyg[1]["fingerprint"]
    assert hyg[0]["fingerprint"] == issues()[3]["fingerprint"]


def test_paths_are_relative_to_the_working_directory() -> None:
    [issue] = issues([FileResult(str(Path.cwd() / "sub" / "a.txt"), error="文件不存在")])
    assert issue["location"]["path"] == "sub/a.txt"


def test_an_empty_run_is_an_empty_list() -> None:
    assert format_gitlab([], OPTIONS) == "[]\n"


def test_samples_give_unique_fingerprints(samples_dir: Path) -> None:
    """Samples 003 and 004 both lack a title: the same content-anchored fingerprint in two files."""
    validator = Validator()
    files = validator.check_paths([str(samples_dir)])
    found = json.loads(format_gitlab(files, FormatOptions(rules=validator.registry.rules)))
    fingerprints = [issue["fingerprint"] for issue in found]
    assert len(set(fingerprints)) == len(fingerprints)
    failed = sum(r.status == "fail" for f in files for report in f.reports for r in report.results)
    assert len(found) == failed
    assert {issue["severity"] for issue in found} <= {"major", "minor", "info"}
