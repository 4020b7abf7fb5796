"""Inline suppressions hide exactly their finding; unused or unexplained ones are reported.

The fixture's problems paragraph (line 4) is vague, so SEC-008 fails there.
"""

from __future__ import annotations

from validator.api import Validator
from validator.model import ReportResult

REPORT = """青山县统计局党组2024年落实全面从严治党主体责任情况报告
一、坚持政治引领
1.坚定拥护“两个确立”，坚决做到“两个维护”。全年召开党组会议20次。
在总结成绩的同时，我们也认识到还存在一些差距，理论学习还有差距，工作作风还需加强。
下一步，局党组将持续加强理论学习。"""


def check(text: str) -> ReportResult:
    (report,) = Validator(checklist="annual-report").check_text(text)
    return report


def results(report: ReportResult, result_id: str) -> list[tuple[str, int]]:
    return [(r.status, r.span.line if r.span else 0) for r in report.results if r.id == result_id]


def with_comment(line_number: int, comment: str) -> str:
    lines = REPORT.split("\n")
    lines.insert(line_number - 1, comment)
    return "\n".join(lines)


def test_the_finding_exists_without_suppression() -> None:
    assert results(check(REPORT), "SEC-008") == [("fail", 4)]


def test_next_line_suppression_hides_exactly_its_finding() -> None:
    report = check(with_comment(4, "<!-- report-validator: disable-next-line=SEC-008 审阅组同意保留原文 -->"))
    assert results(report, "SEC-008") == [("pass", 0)]
    assert results(report, "RV-001") == [] and results(report, "RV-002") == []
    unsuppressed = {(r.id, r.status) for r in check(REPORT).results if r.id != "SEC-008"}
    assert {(r.id, r.status) for r in report.results if r.id != "SEC-008"} == unsuppressed


def test_range_suppression_until_enable() -> None:
    hidden = with_comment(2, "<!-- report-validator: disable=SEC-008 历史原因 -->")
    assert results(check(hidden), "SEC-008") == [("pass", 0)]
    reopened = with_comment(4, "<!-- report-validator: enable=SEC-008 -->").replace(
        "一、坚持政治引领", "<!-- report-validator: disable=SEC-008 历史原因 -->\n一、坚持政治引领"
    )
    assert results(check(reopened), "SEC-008") == [("fail", 6)]


def test_unused_suppression_is_reported() -> None:
    report = check(with_comment(3, "<!-- report-validator: disable-next-line=SEC-008 不存在的问题 -->"))
    assert results(report, "SEC-008") == [("fail", 5)]
    (unused,) = [r for r in report.results if r.id == "RV-001"]
    assert unused.status == "fail" and unused.severity == "warning"
    assert unused.span is not None and unused.span.line == 3 and "SEC-008" in unused.message


def test_suppression_without_reason_is_not_applied_and_reported() -> None:
    report = check(with_comment(4, "<!-- report-validator: disable-next-line=SEC-008 -->"))
    assert results(report, "SEC-008") == [("fail", 5)]
    assert results(report, "RV-002") == [("fail", 4)]


def test_comment_lines_are_not_paragraphs() -> None:
    report = check(with_comment(2, "<!-- 这是一条普通注释 -->"))
    assert results(report, "SEC-008") == [("fail", 5)]
