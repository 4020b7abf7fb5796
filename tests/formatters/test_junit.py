"""The JUnit format: what junitparser (and so GitLab and Jenkins) reads back, passes included."""

from __future__ import annotations

from pathlib import Path

import pytest
from junitparser import Error, Failure, JUnitXml, TestCase, TestSuite

from validator.api import Validator
from validator.engine.evaluate import enabled_rules
from validator.formatters import FormatOptions
from validator.formatters.junit import format_junit
from validator.model import FileResult, ReportResult, Result, Span, Text
from validator.rule import Rule

TITLE = "中共某某委员会关于2023年度落实全面从严治党主体责任情况的报告"
LABELS = {
    "annual-report": {"political": "党的政治建设", "problems": "存在的问题", "next_steps": "下一步工作打算"}
}
NUM_006 = Rule("NUM-006", "numbering-gap", "error", Text("序号跳号", "Numbering gap"), "GB/T", lambda c: ())
OPTIONS = FormatOptions(checklist_labels=LABELS, rules={"NUM-006": NUM_006})


def report(title: str | None = TITLE, line: int = 1) -> ReportResult:
    return ReportResult(
        title=title,
        line=line,
        checklist="annual-report",
        results=(
            Result("item", "political", "pass", "error", "找到“党的政治建设”部分", Span(4, 1, 4, 18)),
            Result("item", "problems", "fail", "error", "缺少“存在的问题”部分"),
            Result("item", "next_steps", "pass", "warning", "找到“下一步工作打算”部分", Span(31, 1, 31, 12)),
            Result("rule", "NUM-006", "fail", "warning", "序号“（三）”前缺少“（二）”", Span(14, 1, 14, 4)),
            Result("rule", "NUM-006", "fail", "error", "序号“（五）”前缺少“（四）”", Span(18, 2, 18, 5)),
            Result("rule", "HYG-001", "pass", "warning", "未发现问题"),
            Result("rule", "PUN-002", "fail", "info", "半角逗号“,”\x0c应为全角“，”", Span(20, 5, 20, 6)),
        ),
    )


def run() -> list[FileResult]:
    return [
        FileResult("reports/2023.txt", (report(),)),
        FileResult("reports/汇编.txt", (report(), report(None, 40))),
        FileResult("reports/scan.doc", error="无法识别的文件格式"),
        FileResult("reports/empty.txt"),
    ]


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def parse(files: list[FileResult], options: FormatOptions = OPTIONS) -> JUnitXml:
    return JUnitXml.fromstring(format_junit(files, options).encode("utf-8"))


def suites(xml: JUnitXml) -> list[TestSuite]:
    return list(xml)


def cases(suite: TestSuite) -> list[TestCase]:
    return list(suite)


def test_declaration_and_well_formed_xml() -> None:
    text = format_junit(run(), OPTIONS)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')
    assert text.endswith("</testsuites>\n")
    parse(run())  # parses, though a message held a form feed, which XML cannot carry


def test_one_suite_per_report_and_per_unreadable_or_empty_file() -> None:
    names = [suite.name for suite in suites(parse(run()))]
    assert names == [
        f"reports/2023.txt:1 {TITLE}",
        f"reports/汇编.txt:1 {TITLE}",
        "reports/汇编.txt:40",
        "reports/scan.doc",
        "reports/empty.txt",
    ]


def test_one_case_per_item_passes_included_and_per_rule() -> None:
    suite = suites(parse(run()))[0]
    assert [(case.classname, case.name) for case in cases(suite)] == [
        ("annual-report", "political 党的政治建设 · reports/2023.txt"),
        ("annual-report", "problems 存在的问题 · reports/2023.txt"),
        ("annual-report", "next_steps 下一步工作打算 · reports/2023.txt"),
        ("rules", "NUM-006 序号跳号 · reports/2023.txt"),
        ("rules", "HYG-001 · reports/2023.txt"),
        ("rules", "PUN-002 · reports/2023.txt"),
    ]
    assert [case.is_passed for case in cases(suite)] == [True, False, True, False, True, False]
    assert (suite.tests, suite.failures, suite.errors) == (6, 3, 0)


def test_a_failed_item_has_one_failure_with_its_location() -> None:
    problems = cases(suites(parse(run()))[0])[1]
    [failure] = problems.result
    assert isinstance(failure, Failure)
    assert (failure.message, failure.type) == ("缺少“存在的问题”部分", "error")
    assert failure.text == "reports/2023.txt:1:1: error problems 缺少“存在的问题”部分"


def test_a_rule_with_several_violations_is_one_case_with_one_failure_listing_all() -> None:
    num = cases(suites(parse(run()))[0])[3]
    [failure] = num.result
    assert failure.message == "序号“（三）”前缺少“（二）”（另有 1 处）"
    assert failure.type == "error"  # the most severe of its violations
    assert failure.text.splitlines() == [
        "reports/2023.txt:14:1: warning NUM-006 序号“（三）”前缺少“（二）”",
        "reports/2023.txt:18:2: error NUM-006 序号“（五）”前缺少“（四）”",
    ]
    english = cases(suites(parse(run(), FormatOptions(lang="en")))[0])[3]
    assert english.result[0].message == "序号“（三）”前缺少“（二）” (and 1 more)"


def test_a_passed_item_shows_its_evidence() -> None:
    political = cases(suites(parse(run()))[0])[0]
    assert political.system_out == "reports/2023.txt:4:1: error political 找到“党的政治建设”部分"


def test_characters_xml_cannot_hold_are_replaced() -> None:
    [failure] = cases(suites(parse(run()))[0])[5].result
    assert failure.message == "半角逗号“,”\ufffd应为全角“，”"


def test_names_are_unique_across_the_run_as_gitlab_needs() -> None:
    keys = [(case.classname, case.name) for suite in suites(parse(run())) for case in cases(suite)]
    assert len(keys) == len(set(keys))
    compilation = suites(parse(run()))[2]
    assert cases(compilation)[0].name == "political 党的政治建设 · reports/汇编.txt:40"


def test_an_unreadable_file_is_a_suite_with_one_error() -> None:
    suite = suites(parse(run()))[3]
    [case] = cases(suite)
    assert (case.classname, case.name) == ("input", "读取 reports/scan.doc")
    [error] = case.result
    assert isinstance(error, Error)
    assert error.message == "无法识别的文件格式"
    assert (suite.tests, suite.failures, suite.errors) == (1, 0, 1)


def test_totals_on_testsuites() -> None:
    xml = parse(run())
    assert (xml.tests, xml.failures, xml.errors) == (19, 9, 1)


def test_an_empty_run() -> None:
    xml = parse([])
    assert (xml.tests, xml.failures, xml.errors) == (0, 0, 0)


def test_samples_give_a_case_per_item_and_per_enabled_rule(samples_dir: Path) -> None:
    validator = Validator()
    files = validator.check_paths([str(samples_dir)])
    xml = JUnitXml.fromstring(
        format_junit(files, FormatOptions(rules=validator.registry.rules)).encode("utf-8")
    )
    reports = [report for file in files for report in file.reports]
    assert len(suites(xml)) == len(reports)
    for suite, report in zip(suites(xml), reports, strict=True):
        checklist = validator.registry.checklists[report.checklist]
        rules = enabled_rules(checklist, validator.registry.rules)
        items = [case for case in cases(suite) if case.classname == report.checklist]
        rule_cases = [case for case in cases(suite) if case.classname == "rules"]
        assert len(items) == len(checklist.items)
        judged = [rule.code for rule, _ in rules if not rule.formats]  # the layout rules judge Word only
        assert [case.name.split(" ")[0] for case in rule_cases] == judged
        assert suite.failures == sum(not case.is_passed for case in cases(suite))
