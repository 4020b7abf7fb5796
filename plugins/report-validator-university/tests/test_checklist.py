"""The university checklist: chosen by genre detection, built on annual-report, and extensible in turn.

``report_check`` is the pytest fixture report-validator installs: ``check`` on a
text, returning the report's ``ReportResult``.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from validator.model import ReportResult
from validator.pytest_plugin import ReportCheck
from validator.testing import default_registry

REPORT = """\
中共青山大学委员会关于2024年度落实全面从严治党主体责任情况的报告
2024年，青山大学党委坚持以习近平新时代中国特色社会主义思想为指导，落实立德树人根本任务。现将有关情况报告如下。
一、主要做法
（一）加强党的政治建设。坚定拥护“两个确立”、坚决做到“两个维护”，严格执行请示报告制度。
（二）强化理论武装。落实理论学习中心组学习制度，开展专题研讨4次。
（三）落实意识形态工作责任制。严格课堂教学管理，全面排查教材，对讲座、论坛实行“一会一报”。
（四）加强基层组织建设。落实“三会一课”制度，推进党支部标准化规范化建设。
（五）改进作风。落实中央八项规定精神，整治形式主义。
（六）正风肃纪。开展警示教育6场，运用“四种形态”谈话提醒31人次。
（七）压实主体责任。党委书记履行第一责任人职责，班子成员落实“一岗双责”。
（八）维护校园安全稳定。建设平安校园，排查实验室安全隐患，化解矛盾纠纷。
（九）落实立德树人根本任务。健全“三全育人”体系，建强辅导员队伍。
二、存在的问题
在总结成绩的同时，我们也清醒认识到还存在一些不足：一是理论学习不够深入，有的院系专题研讨形式单一；二是个别教师党支部作用发挥不明显。
三、下一步工作打算
下一步，学校党委将针对以上问题，一是深化理论武装，二是加强基层党组织建设。
"""


def statuses(report: ReportResult) -> dict[str, tuple[str, str]]:
    return {result.id: (result.status, result.severity) for result in report.results}


def test_genre_detection_picks_the_university_checklist(report_check: ReportCheck) -> None:
    report = report_check(REPORT)
    assert report.checklist == "university-annual-report"
    failed = [r.id for r in report.results if r.kind == "item" and r.status == "fail"]
    assert failed == []


def test_other_reports_keep_the_built_in_checklist(report_check: ReportCheck) -> None:
    bureau = REPORT.replace("中共青山大学委员会", "中共青山县审计局党组").replace("青山大学党委", "局党组")
    assert report_check(bureau).checklist == "annual-report"


def test_adds_items_and_regrades_an_inherited_one() -> None:
    checklists = default_registry().checklists
    parent, university = checklists["annual-report"], checklists["university-annual-report"]
    added = ["teaching_ideology", "campus_safety", "student_work"]
    assert [item.id for item in university.items] == [item.id for item in parent.items] + added
    assert (parent.item("ideology").severity, university.item("ideology").severity) == ("warning", "error")


def test_missing_campus_safety_fails(report_check: ReportCheck) -> None:
    text = REPORT.replace("（八）维护校园安全稳定。建设平安校园，排查实验室安全隐患，化解矛盾纠纷。\n", "")
    assert statuses(report_check(text))["campus_safety"] == ("fail", "warning")


def test_project_checklist_extending_a_built_in_adds_drops_and_regrades(
    report_check: ReportCheck, tmp_path: Path
) -> None:
    team = tmp_path / "team.yaml"
    team.write_text(
        textwrap.dedent(
            """\
            id: team-report
            name: {zh: 本校报告}
            extends: annual-report
            items:
              - id: lead
                drop: true
              - id: style
                severity: error
              - id: campus_safety
                label: {zh: 校园安全稳定}
                severity: error
                headings: [安全稳定]
            """
        ),
        encoding="utf-8",
    )
    report = report_check(REPORT, str(team))
    results = statuses(report)
    assert report.checklist == "team-report"
    assert "lead" not in results and "teaching_ideology" not in results
    assert results["style"] == ("pass", "error")
    assert results["campus_safety"] == ("pass", "error")


def test_project_checklist_sets_the_rule_options(report_check: ReportCheck, tmp_path: Path) -> None:
    team = tmp_path / "qingshan.yaml"
    team.write_text(
        "id: qingshan\nname: {zh: 青山大学党委报告}\nextends: university-annual-report\n"
        "rules:\n  UNI-001: {options: {official_name: 白水大学}}\n",
        encoding="utf-8",
    )
    findings = [r for r in report_check(REPORT, str(team)).results if r.id == "UNI-001"]
    assert [(r.status, r.span.line if r.span else 0) for r in findings] == [("fail", 1), ("fail", 2)]
