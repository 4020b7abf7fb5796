"""The JUnit XML format: a checklist as test cases, for GitLab's test report and Jenkins.

JUnit is the one CI format where a *pass* is normal, which fits a checklist:
each report is a ``<testsuite>``, each checklist item a ``<testcase>`` (passed
or with a ``<failure>``), and each enabled rule one ``<testcase>`` too. A
testcase holds one failure, so a rule with several violations gives one
failure whose message is the first violation and whose text lists them all as
``path:line:col: severity CODE message``. An unreadable file is a suite with
one testcase in ``<error>``: the tool failed there, no check did.

Only the elements and attributes that GitLab and Jenkins both read are used
(testsuites/testsuite/testcase/failure/error/system-out, plus ``file``, which
GitLab shows and Jenkins ignores). ``time`` is ``0``: the formatter sees no
timings, and some readers insist on the attribute.

GitLab keys a test case by ``classname`` and ``name`` across the whole job and
keeps only the first of duplicates, so a name carries its report: ``problems
存在的问题 · reports/2023.txt`` (with ``:line`` when the file is a compilation
of several reports). Names do not depend on line numbers otherwise, so that a
merge request compares the same tests on both sides.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence

from validator.formatters.base import FormatOptions, readable_reports
from validator.formatters.naming import relative_to_cwd, result_title
from validator.model import SEVERITY_RANK, FileResult, ReportResult, Result
from validator.regexes import compiled

__all__ = ["RULES_CLASSNAME", "format_junit"]

RULES_CLASSNAME = "rules"
INPUT_CLASSNAME = "input"
_WORDS = {
    "more": ("（另有 {count} 处）", " (and {count} more)"),
    "read": ("读取 {path}", "read {path}"),
}
# Characters XML 1.0 cannot carry at all, not even escaped (a report may hold a stray form feed).
_NOT_XML = compiled("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def format_junit(files: Sequence[FileResult], options: FormatOptions) -> str:
    """The whole run as one ``<testsuites>`` document, UTF-8, with an XML declaration and a final newline."""
    root = ET.Element("testsuites", name="report-validator")
    suites = [suite for file in files for suite in _suites(file, options)]
    root.extend(suites)
    _count(root, suites)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _suites(file: FileResult, options: FormatOptions) -> Iterator[ET.Element]:
    path = relative_to_cwd(file.path)
    if file.error is not None:
        yield _input_error_suite(path, file.error, options.lang)
        return
    reports = readable_reports(file)
    if not reports:  # a checked file still shows, with nothing in it
        yield _suite(path, [])
    for report in reports:
        where = f"{path}:{report.line}"
        name = f"{where} {report.title}" if report.title else where
        ref = path if len(reports) == 1 else where
        yield _suite(name, list(_report_cases(path, ref, report, options)))


def _suite(name: str, cases: list[ET.Element]) -> ET.Element:
    suite = ET.Element("testsuite", name=_xml(name))
    suite.extend(cases)
    _count(suite, cases)
    return suite


def _count(element: ET.Element, children: Sequence[ET.Element]) -> None:
    """``tests``, ``failures``, ``errors``, ``skipped`` and ``time``, from the test cases below."""
    cases = [case for child in children for case in child.iter("testcase")]
    element.set("tests", str(len(cases)))
    element.set("failures", str(sum(1 for case in cases if case.find("failure") is not None)))
    element.set("errors", str(sum(1 for case in cases if case.find("error") is not None)))
    element.set("skipped", "0")
    element.set("time", "0")


def _report_cases(path: str, ref: str, report: ReportResult, options: FormatOptions) -> Iterator[ET.Element]:
    """One case per item (in checklist order), then one per rule (in the order the engine ran them)."""
    rules: dict[str, list[Result]] = {}
    for result in report.results:
        if result.kind == "item":
            yield _item_case(path, ref, report, result, options)
        else:
            rules.setdefault(result.id, []).append(result)
    for results in rules.values():
        yield _rule_case(path, ref, report, results, options)


def _item_case(
    path: str, ref: str, report: ReportResult, result: Result, options: FormatOptions
) -> ET.Element:
    case = _case(report.checklist or "", f"{result_title(result, report, options)} · {ref}", path)
    if result.status == "fail":
        _failure(case, result.message, result.severity, _location_line(path, report, result))
    elif result.message:  # what the item was satisfied by: a reviewer's evidence
        ET.SubElement(case, "system-out").text = _xml(_location_line(path, report, result))
    return case


def _rule_case(
    path: str, ref: str, report: ReportResult, results: list[Result], options: FormatOptions
) -> ET.Element:
    case = _case(RULES_CLASSNAME, f"{result_title(results[0], report, options)} · {ref}", path)
    failed = [result for result in results if result.status == "fail"]
    if failed:
        text = "\n".join(_location_line(path, report, result) for result in failed)
        worst = max((result.severity for result in failed), key=SEVERITY_RANK.__getitem__)
        summary = failed[0].message
        if len(failed) > 1:
            summary += _word("more", options.lang).format(count=len(failed) - 1)
        _failure(case, summary, worst, text)
    return case


def _input_error_suite(path: str, error: str, lang: str) -> ET.Element:
    case = _case(INPUT_CLASSNAME, _word("read", lang).format(path=path), path)
    ET.SubElement(case, "error", message=_xml(error), type="InputError").text = _xml(f"{path}: {error}")
    return _suite(path, [case])


def _case(classname: str, name: str, path: str) -> ET.Element:
    return ET.Element("testcase", classname=_xml(classname), name=_xml(name), file=_xml(path), time="0")


def _failure(case: ET.Element, summary: str, severity: str, text: str) -> None:
    ET.SubElement(case, "failure", message=_xml(summary), type=severity).text = _xml(text)


def _location_line(path: str, report: ReportResult, result: Result) -> str:
    """``path:line:col: severity ID message``, the text format's finding line; no span: the title line."""
    line, column = (result.span.line, result.span.column) if result.span else (report.line, 1)
    return f"{path}:{line}:{column}: {result.severity} {result.id} {result.message}"


def _xml(text: str) -> str:
    """``text`` with the characters XML cannot hold replaced by U+FFFD, so the document always parses."""
    return _NOT_XML.sub("\ufffd", text)


def _word(key: str, lang: str) -> str:
    zh, en = _WORDS[key]
    return en if lang == "en" else zh
