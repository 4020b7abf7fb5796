"""A Word paragraph styled as a heading, without a number, is a heading to the parser."""

from __future__ import annotations

import io

import pytest

from validator.parse import parse_text
from validator.readers.docx import read_docx

docx = pytest.importorskip("docx")


def styled_report() -> bytes:
    document = docx.Document()
    document.add_paragraph("青山县统计局党组2024年落实全面从严治党主体责任情况报告")
    document.add_paragraph("2024年，局党组认真履行主体责任，现将有关情况报告如下。")
    document.add_heading("突出政治建设，把稳正确方向", level=1)
    document.add_paragraph("局党组始终把政治建设摆在首位，坚决做到“两个维护”，全年召开党组会议20次。")
    document.add_heading("强化理论武装", level=2)
    document.add_paragraph("落实“第一议题”制度，理论学习中心组集中学习12次。")
    document.add_heading("夯实组织基础，激发支部活力", level=1)
    document.add_paragraph("严格落实“三会一课”制度，4个党支部全部完成换届。")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_heading_styles_become_the_outline() -> None:
    source = read_docx(styled_report(), "styled.docx")
    assert source.levels[2] == 1 and source.levels[4] == 2 and source.levels[3] == 0
    (report,) = parse_text(source.text, source.path, source.format, source.levels).documents
    tops = [(h.title, h.rank, [c.title for c in h.children]) for h in report.headings]
    assert tops == [
        ("突出政治建设，把稳正确方向", 1, ["强化理论武装"]),
        ("夯实组织基础，激发支部活力", 1, []),
    ]


def test_without_the_hints_the_levels_are_lost() -> None:
    source = read_docx(styled_report(), "styled.docx")
    (report,) = parse_text(source.text, source.path, source.format).documents
    # only the unnumbered-heading guess is left: three flat headings, 强化理论武装 among them
    assert [(h.title, h.children) for h in report.headings] == [
        ("突出政治建设，把稳正确方向", ()),
        ("强化理论武装", ()),
        ("夯实组织基础，激发支部活力", ()),
    ]
