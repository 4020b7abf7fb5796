"""Checklist items on our own fixtures: each item passes, and fails when its part is removed.

Three layouts of the problems and next-steps parts are covered: with headings
(headed.txt), without headings as in many real reports (unheaded.txt: a
problems paragraph opening 在总结成绩的同时, a bridge 针对以上问题, then 一是…
paragraphs) and both in one paragraph (one-paragraph.txt: 还存有…不足 … 下一步，…).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from validator.api import Validator
from validator.model import ReportResult

REPORTS = Path(__file__).parent / "reports"


@cache
def validator() -> Validator:
    return Validator(checklist="annual-report")


def check(text: str) -> ReportResult:
    (report,) = validator().check_text(text)
    return report


def statuses(report: ReportResult) -> dict[str, str]:
    return {r.id: r.status for r in report.results if r.kind == "item"}


def fixture(name: str) -> str:
    return (REPORTS / name).read_text(encoding="utf-8")


def without_lines(text: str, predicate: Callable[[str], bool]) -> str:
    return "\n".join(line for line in text.split("\n") if not predicate(line))


@pytest.mark.parametrize("name", ["headed.txt", "unheaded.txt", "one-paragraph.txt"])
def test_problems_and_next_steps_pass(name: str) -> None:
    result = statuses(check(fixture(name)))
    assert result["problems"] == "pass"
    assert result["next_steps"] == "pass"
    assert result["order"] == "pass"


def test_every_item_passes_on_the_complete_report() -> None:
    assert set(statuses(check(fixture("headed.txt"))).values()) == {"pass"}


def test_headed_problems_removed_fails_problems_only() -> None:
    text = fixture("headed.txt")
    start, end = text.index("七、存在的问题"), text.index("八、下一步工作打算")
    result = statuses(check(text[:start] + text[end:]))
    assert result["problems"] == "fail"
    assert result["next_steps"] == "pass"


def test_headed_next_steps_removed_fails_next_steps() -> None:
    text = fixture("headed.txt")
    result = statuses(check(text[: text.index("八、下一步工作打算")]))
    assert result["next_steps"] == "fail"
    assert result["problems"] == "pass"


def test_unheaded_problems_paragraph_removed_fails_problems() -> None:
    result = statuses(check(without_lines(fixture("unheaded.txt"), lambda line: "在总结成绩的同时" in line)))
    assert result["problems"] == "fail"


def test_unheaded_next_steps_removed_fails_next_steps() -> None:
    text = fixture("unheaded.txt")
    text = text.replace("针对以上问题，局党组将采取有力措施认真加以解决。", "")
    text = without_lines(text, lambda line: line.startswith(("一是强化", "二是加强")))
    result = statuses(check(text))
    assert result["next_steps"] == "fail"
    assert result["problems"] == "pass"


def test_one_paragraph_next_steps_removed_fails_next_steps() -> None:
    text = fixture("one-paragraph.txt")
    text = text[: text.index("下一步，")]
    result = statuses(check(text))
    assert result["next_steps"] == "fail"
    assert result["problems"] == "pass"


@pytest.mark.parametrize(
    ("item", "removed"),
    [
        ("political", ("两个确立", "两个维护", "政治建设", "请示报告")),
        ("theory", ("理论", "第一议题", "专题研讨")),
        ("ideology", ("意识形态",)),
        ("organization", ("组织", "党支部", "三会一课")),
        ("style", ("作风", "八项规定", "四风")),
        ("discipline", ("纪律", "警示教育", "以案促改", "廉")),
        ("responsibility", ("主体责任", "第一责任人", "一岗双责", "专题会议")),
    ],
)
def test_topic_item_fails_without_its_cues(item: str, removed: tuple[str, ...]) -> None:
    text = without_lines(fixture("headed.txt"), lambda line: any(cue in line for cue in removed))
    assert statuses(check(text))[item] == "fail"


def test_title_and_lead_fail_when_missing() -> None:
    lines = fixture("headed.txt").split("\n")
    result = statuses(check("\n".join(lines[2:])))
    assert result["title"] == "fail"
    assert result["lead"] == "fail"


def test_order_fails_when_next_steps_come_first() -> None:
    text = fixture("headed.txt")
    problems = text[text.index("七、存在的问题") : text.index("八、下一步工作打算")]
    next_steps = text[text.index("八、下一步工作打算") :]
    swapped = text[: text.index("七、存在的问题")] + next_steps.rstrip("\n") + "\n" + problems
    result = check(swapped)
    assert statuses(result)["order"] == "fail"
    (order,) = [r for r in result.results if r.id == "order"]
    assert order.span is not None


def test_evidence_points_at_the_part() -> None:
    report = check(fixture("unheaded.txt"))
    (problems,) = [r for r in report.results if r.id == "problems"]
    assert problems.span is not None and problems.span.line == 7
    assert problems.evidence.startswith("在总结成绩的同时")


def test_order_is_not_called_correct_when_its_parts_are_missing() -> None:
    text = fixture("headed.txt")
    report = check(text[: text.index("七、存在的问题")])
    (order,) = [r for r in report.results if r.id == "order"]
    assert "顺序正确" not in order.message
    assert order.message == "未判断：未找到“存在的问题”“下一步工作打算”"


def test_order_failure_names_the_parts_by_their_labels() -> None:
    text = fixture("headed.txt")
    problems = text[text.index("七、存在的问题") : text.index("八、下一步工作打算")]
    next_steps = text[text.index("八、下一步工作打算") :]
    swapped = text[: text.index("七、存在的问题")] + next_steps.rstrip("\n") + "\n" + problems
    (order,) = [r for r in check(swapped).results if r.id == "order"]
    assert order.message == "“下一步工作打算”出现在“存在的问题”之前"


def test_item_failure_names_the_cues_found_and_what_would_count() -> None:
    text = without_lines(fixture("headed.txt"), lambda line: any(c in line for c in ("理论", "思想", "学习")))
    text += "\n全年落实第一议题制度12次。\n"
    (theory,) = [r for r in check(text).results if r.id == "theory"]
    assert theory.status == "fail"
    assert "仅找到 1 个线索“第一议题”，需要 2 个" in theory.message
    examples = theory.message.split("可写如", 1)[1]
    assert 2 <= examples.count("“") <= 3 and "第一议题" not in examples
