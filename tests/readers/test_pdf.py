"""The ``.pdf`` reader: a report printed to PDF reads back as its ``.txt``, paragraph per line.

The PDFs are drawn in the test with reportlab and its built-in CID font
STSong-Light, laid out as 公文 are (title centred in a larger size, body
indented two characters and wrapped at the margin, page numbers at the foot).
"""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

pytest.importorskip("pdfminer")
pytest.importorskip("reportlab")

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from validator.api import Validator
from validator.errors import InputError
from validator.readers import read_bytes
from validator.readers.pdf import NEEDS_EXTRA, NO_TEXT_LAYER, PdfLine, join_paragraphs, read_pdf

from .test_docx import REPORT_TXT

FONT = "STSong-Light"
MM = 72 / 25.4
pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def _wrap(text: str, width: float, size: float, indent: float) -> list[str]:
    """Break ``text`` into printed lines as a typesetter does, the first one indented."""
    lines, line, available = [], "", width - indent
    for char in text:
        if line and pdfmetrics.stringWidth(line + char, FONT, size) > available:
            lines.append(line)
            line, available = char, width
        else:
            line += char
    return [*lines, line]


def build_pdf(
    paragraphs: Sequence[str], *, title: bool = True, size: float = 16, pitch: float = 28, **options: object
) -> bytes:
    """A4, 公文 margins; the first paragraph a centred 22pt title, the rest indented body text."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, **options)
    width, height = A4
    left, right, top, bottom = 28 * MM, width - 26 * MM, height - 37 * MM, 35 * MM
    y, number = top, 1

    def next_page() -> None:
        nonlocal y, number
        page.setFont(FONT, 14)
        page.drawCentredString(width / 2, 20 * MM, f"- {number} -")
        page.showPage()
        y, number = top, number + 1

    for index, paragraph in enumerate(paragraphs):
        if index == 0 and title:
            page.setFont(FONT, 22)
            for line in _wrap(paragraph, right - left, 22, 0):
                page.drawCentredString((left + right) / 2, y, line)
                y -= 40
            y -= pitch
            continue
        for position, line in enumerate(_wrap(paragraph, right - left, size, 2 * size)):
            if y < bottom:
                next_page()
            page.setFont(FONT, size)
            page.drawString(left + (2 * size if position == 0 else 0), y, line)
            y -= pitch
    next_page()
    page.save()
    return buffer.getvalue()


def test_a_printed_report_reads_back_as_its_text() -> None:
    source = read_pdf(build_pdf(REPORT_TXT.split("\n")), "report.pdf")
    assert source.text == REPORT_TXT
    assert source.format == "pdf"
    assert len(source.pages) == REPORT_TXT.count("\n") + 1
    assert source.pages[0] == 1 and source.pages[-1] > 1
    assert list(source.pages) == sorted(source.pages)


def test_check_gives_the_pdf_the_verdicts_of_its_text(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_text(REPORT_TXT, encoding="utf-8")
    (tmp_path / "report.pdf").write_bytes(build_pdf(REPORT_TXT.split("\n")))
    validator = Validator()
    verdicts = []
    for name in ("report.txt", "report.pdf"):
        result = validator.check_path(tmp_path / name)
        assert result.error is None
        verdicts.append(
            [(r.kind, r.id, r.status, r.span) for report in result.reports for r in report.results]
        )
    assert verdicts[0] == verdicts[1]
    assert any(kind == "item" for kind, *_ in verdicts[0])


def test_a_paragraph_broken_by_a_page_is_one_line_on_its_first_page() -> None:
    long = "全年共召开党组会议研究全面从严治党工作" * 12 + "。"
    paragraphs = ["标题", *[f"第{n}段正文。" for n in range(1, 20)], long, "最后一段。"]
    source = read_pdf(build_pdf(paragraphs, title=False), "x.pdf")
    lines = source.text.split("\n")
    assert lines == paragraphs
    assert source.pages[lines.index(long)] == 1
    assert source.pages[-1] == 2
    assert "- 1 -" not in source.text


def test_a_scan_without_text_is_refused_with_advice_to_ocr() -> None:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.rect(100, 100, 300, 500, fill=1)  # what a scanned page is to a text extractor: no glyphs
    page.showPage()
    page.save()
    with pytest.raises(InputError) as info:
        read_bytes(buffer.getvalue(), "scan.pdf")
    assert str(info.value) == f"scan.pdf: {NO_TEXT_LAYER}"


def test_without_pdfminer_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pdfminer.high_level", None)
    with pytest.raises(InputError) as info:
        read_bytes(build_pdf(["标题", "正文。"]), "x.pdf")
    assert info.value.reason == NEEDS_EXTRA == "读取 PDF 需要安装 report-validator[pdf]"


def test_damaged_and_encrypted_pdfs_are_input_errors() -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption

    data = build_pdf(["标题", "正文。"])
    for broken in (b"%PDF-1.4\n" + bytes(200), b"not a pdf at all", data[:400]):
        with pytest.raises(InputError):
            read_bytes(broken, "x.pdf")
    locked = build_pdf(["标题", "正文。"], encrypt=StandardEncryption("secret", canPrint=1))
    with pytest.raises(InputError) as info:
        read_bytes(locked, "x.pdf")
    assert "加密" in info.value.reason


def test_table_cells_on_one_row_read_left_to_right() -> None:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.setFont(FONT, 16)
    for y, cells in ((700, ("项目", "次数")), (670, ("专题研讨", "4"))):
        for x, text in zip((100, 300), cells, strict=True):
            page.drawString(x, y, text)
    page.showPage()
    page.save()
    assert read_pdf(buffer.getvalue(), "x.pdf").text.split("\n") == ["项目", "次数", "专题研讨", "4"]


def _line(text: str, x0: float, x1: float, bottom: float, page: int = 1, size: float = 16) -> PdfLine:
    return PdfLine(page=page, text=text, x0=x0, x1=x1, bottom=bottom, size=size)


def test_joining_rules_on_measured_lines() -> None:
    lines = [
        _line("一、加强政治建设", 112, 240, 700),  # a heading: short, so it ends its paragraph
        _line("坚持把党的政治建设摆在首位，全面贯彻落实", 112, 512, 672),  # indented first line, full
        _line("党中央决策部署，持续推进全面从严治党向纵深", 80, 512, 644),  # flush left after a full line
        _line("发展。", 80, 128, 616),
        _line("隔一空行、顶格书写的新段落也是新的一段", 80, 512, 560),  # a blank line's gap: new paragraph
        _line("Word 与 WPS", 80, 512, 532),  # continues, Latin words keep their space
        _line("office", 80, 130, 504),
    ]
    assert [line.text for line in join_paragraphs(lines)] == [
        "一、加强政治建设",
        "坚持把党的政治建设摆在首位，全面贯彻落实党中央决策部署，持续推进全面从严治党向纵深发展。",
        "隔一空行、顶格书写的新段落也是新的一段Word 与 WPS office",
    ]
