"""End matter: 附件说明 and 附件, 落款, 成文日期, 附注, 抄送, 印发 are read as such.

They are never headings of the report, never numbering defects, never its truncated ending;
TIME-007 still checks the date. A report that ends properly gets exactly the findings it gets
without its end matter.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from validator.api import Validator
from validator.model import Document
from validator.parse import parse_text

REPO = Path(__file__).parent.parent.parent
CLEAN = (REPO / "examples" / "clean-report.txt").read_text(encoding="utf-8")

END_MATTER = """
附件：1.青山县审计局2024年度全面从严治党责任清单
      2.青山县审计局2024年度党风廉政建设工作台账

中共青山县审计局党组
2025年1月20日

（此件公开发布）
"""

FULL_END_MATTER = (
    END_MATTER
    + """
附件1

青山县审计局2024年度全面从严治党责任清单

一、党组主体责任
1.研究部署全面从严治党工作。
3.听取班子成员履行一岗双责情况汇报。

附件2

青山县审计局2024年度党风廉政建设工作台账

抄送：县纪委监委，县委组织部。
青山县审计局办公室　　　　　　2025年1月20日印发
"""
)


@pytest.fixture(scope="module")
def validator() -> Validator:
    return Validator()


def _results(validator: Validator, text: str) -> list[tuple[str, str, str, int | None, str]]:
    [report] = validator.check_text(text, "report.txt")
    return [(r.kind, r.id, r.status, r.span.line if r.span else None, r.message) for r in report.results]


@pytest.mark.parametrize(
    "end_matter", [END_MATTER, FULL_END_MATTER], ids=["list-signature-date-note", "with-attachments"]
)
def test_the_annual_report_example_gives_the_same_findings_with_end_matter(
    validator: Validator, end_matter: str
) -> None:
    assert _results(validator, CLEAN + end_matter) == _results(validator, CLEAN)


def _document(text: str) -> Document:
    [document] = parse_text(text).documents
    return document


def test_roles_of_the_end_matter() -> None:
    document = _document(CLEAN + FULL_END_MATTER)
    roles = [(part.role, part.paragraph.text[:8]) for part in document.end_matter]
    assert roles[:5] == [
        ("attachment_list", "附件：1.青山县"),
        ("attachment_list", "2.青山县审计局"),
        ("signature", "中共青山县审计局"),
        ("date", "2025年1月2"),
        ("note", "（此件公开发布）"),
    ]
    assert roles[-2:] == [("copy_to", "抄送：县纪委监委"), ("printed", "青山县审计局办公")]
    assert {role for role, _ in roles[5:-2]} == {"attachment"}
    # the attachment's own 一、 and 1. 3. are not headings of the report
    last_heading_line = max(h.span.line for h in document.iter_headings())
    assert last_heading_line < document.end_matter[0].paragraph.span.line


@pytest.mark.parametrize("code", ["NUM-006", "NUM-008", "NUM-010", "HYG-006"])
def test_no_numbering_or_truncation_finding_from_end_matter(validator: Validator, code: str) -> None:
    for text in (CLEAN + END_MATTER, CLEAN + FULL_END_MATTER, CLEAN + "\n（此件公开发布）\n"):
        assert [r for r in _results(validator, text) if r[1] == code and r[2] == "fail"] == []


def test_time_007_still_checks_the_date(validator: Validator) -> None:
    text = CLEAN + END_MATTER.replace("2025年1月20日", "2025.1.20")
    fails = [r for r in _results(validator, text) if r[1] == "TIME-007" and r[2] == "fail"]
    assert len(fails) == 1 and "2025年1月20日" in fails[0][4]
    assert [p.role for p in _document(text).end_matter if p.paragraph.text == "2025.1.20"] == ["date"]


def test_a_date_or_attachment_line_inside_the_body_stays_body() -> None:
    document = _document(
        "某局2024年工作情况报告\n2024年1月5日\n全年召开会议3次。\n附件：见后\n全年完成任务。\n"
    )
    assert document.end_matter == ()
    assert [p.kind for p in document.paragraphs] == ["title", "body", "body", "body", "body"]


def test_a_body_without_end_matter_is_untouched() -> None:
    document = _document(CLEAN)
    assert document.end_matter == ()


# ------------------------------------------------------------------ Hypothesis

END_LINES = st.sampled_from(
    [
        "附件：1.青山县审计局工作要点",
        "2.青山县审计局责任清单",
        "  3.青山县审计局工作台账",
        "附件：",
        "附件1",
        "附件",
        "中共青山县审计局党组",
        "青山县审计局",
        "2025年1月20日",
        "2025.1.20",
        "二〇二五年一月二十日",
        "（此件公开发布）",
        "（联系人：王某，电话：1234567）",
        "抄送：县纪委监委。",
        "青山县审计局办公室　　2025年1月20日印发",
    ]
)
TAIL_LINES = frozenset(
    {"2025年1月20日", "2025.1.20", "二〇二五年一月二十日", "（此件公开发布）", "抄送：县纪委监委。"}
    | {"（联系人：王某，电话：1234567）", "青山县审计局办公室　　2025年1月20日印发"}
)
BODY_LINES = st.sampled_from(
    [
        "一、加强政治建设",
        "（一）抓好理论学习",
        "1.落实第一议题制度。",
        "二、存在的问题",
        "全年召开党组会议12次，研究全面从严治党工作。",
        "一是加强学习。二是强化监督。",
        "特此报告。",
        "下一步，我们将继续努力。",
    ]
)


@settings(max_examples=200, deadline=None)
@given(
    body=st.lists(BODY_LINES, min_size=1, max_size=8),
    end=st.lists(END_LINES, min_size=1, max_size=8),
    blank=st.booleans(),
)
def test_pieced_end_matter_parses_and_never_becomes_a_heading(
    body: list[str], end: list[str], blank: bool
) -> None:
    text = (
        "某局党组2024年落实全面从严治党主体责任情况报告\n"
        + "\n".join(body)
        + ("\n\n" if blank else "\n")
        + "\n".join(end)
    )
    parsed = parse_text(text)
    [document] = parsed.documents
    end_lines = {part.paragraph.span.line for part in document.end_matter}
    heading_lines = {heading.span.line for heading in document.iter_headings()}
    assert not end_lines & heading_lines
    for part in document.end_matter:
        assert part.paragraph.kind == "end_matter"
    # a report ending in a date, a note, 抄送 or 印发 line ends in end matter
    if end[-1] in TAIL_LINES:
        assert document.paragraphs[-1].span.line in end_lines
    first_end = min(end_lines, default=None)
    if first_end is not None:
        assert all(line >= first_end for line in end_lines)
        assert all(h.span.line < first_end for h in document.iter_headings())
