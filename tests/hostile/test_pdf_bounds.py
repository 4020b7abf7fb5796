"""PDFs that cost minutes or gigabytes to a naive reader are refused within their budgets."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.hostile.builders import inflating_stream_pdf, overlapping_glyphs_pdf
from tests.hostile.conftest import Run

pytest.importorskip("pdfminer")


@pytest.mark.parametrize("isolated", ["1", "0"], ids=["subprocess", "in-process"])
def test_overlapping_glyphs_are_refused_by_the_page_budget(
    run: Run, tmp_path: Path, good_file: Path, monkeypatch: pytest.MonkeyPatch, isolated: str
) -> None:
    monkeypatch.setenv("REPORT_VALIDATOR_PDF_SUBPROCESS", isolated)
    pdf = tmp_path / "glyphs.pdf"
    pdf.write_bytes(overlapping_glyphs_pdf(320_000))  # 21 KB; pdfminer's layout: minutes
    started = time.monotonic()
    code, _out, err = run("check", str(pdf), str(good_file))
    assert time.monotonic() - started < 60  # generous: the refusal comes after 20,000 glyphs
    assert code == 2
    assert "glyphs.pdf" in err and "单页字符过多" in err and err.count("\n") == 1


@pytest.mark.parametrize("isolated", ["1", "0"], ids=["subprocess", "in-process"])
def test_a_stream_that_inflates_to_gigabytes_is_refused(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated: str
) -> None:
    monkeypatch.setenv("REPORT_VALIDATOR_PDF_SUBPROCESS", isolated)
    pdf = tmp_path / "bomb.pdf"
    pdf.write_bytes(inflating_stream_pdf(256))  # 256 MB of spaces in 260 KB
    code, _out, err = run("check", str(pdf))
    assert code == 2
    assert "bomb.pdf" in err and "解压后过大" in err


def test_the_budgets_are_configurable(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = tmp_path / "glyphs.pdf"
    pdf.write_bytes(overlapping_glyphs_pdf(600))
    monkeypatch.setenv("REPORT_VALIDATOR_PDF_PAGE_CHARS", "500")
    code, _out, err = run("check", str(pdf))
    assert code == 2 and "超过 500 个" in err
    stream = tmp_path / "stream.pdf"
    stream.write_bytes(inflating_stream_pdf(3))
    monkeypatch.setenv("REPORT_VALIDATOR_PDF_STREAM_MB", "2")
    code, _out, err = run("check", str(stream))
    assert code == 2 and "超过 2 MB" in err


def test_the_pdf_subprocess_has_a_memory_limit(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REPORT_VALIDATOR_PDF_SUBPROCESS", "1")
    monkeypatch.setenv("REPORT_VALIDATOR_PDF_STREAM_MB", "4000")  # let the bomb through the stream cap
    monkeypatch.setenv("REPORT_VALIDATOR_PDF_MEMORY_MB", "200")
    pdf = tmp_path / "bomb.pdf"
    pdf.write_bytes(inflating_stream_pdf(256))
    code, _out, err = run("check", str(pdf))
    assert code == 2
    assert "bomb.pdf" in err and "内存不足" in err and err.count("\n") == 1


def test_the_pdf_subprocess_has_a_time_limit(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REPORT_VALIDATOR_PDF_SUBPROCESS", "1")
    monkeypatch.setenv("REPORT_VALIDATOR_TIME_LIMIT", "0.5")
    pdf = tmp_path / "slow.pdf"
    pdf.write_bytes(overlapping_glyphs_pdf(19_000))  # under the page budget, some seconds of layout
    code, _out, err = run("check", str(pdf))
    assert code == 2
    assert "slow.pdf" in err and ("超时" in err or "超出时间预算" in err)
