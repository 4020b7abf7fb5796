"""The OFD reader (GB/T 33190): an OFD reads, and is judged, as its .txt; hostile packages are refused.

The OFD files are written here (``ofd_build``) with the standard's structure
and a GB/T 9704 page, from the example reports; no binary fixture is committed.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("lxml")

from validator.api import Validator
from validator.cli import main
from validator.errors import InputError
from validator.readers import read_bytes
from validator.readers.ofd import read_ofd

from .ofd_build import LINES, build_ofd, printed_lines

EXAMPLES = Path(__file__).parents[2] / "examples"


def example(name: str) -> str:
    return (EXAMPLES / f"{name}.txt").read_text(encoding="utf-8").rstrip("\n")


@pytest.mark.parametrize("name", ["clean-report", "defective-report", "compilation"])
def test_an_ofd_reads_as_its_text(name: str) -> None:
    text = example(name)
    source = read_ofd(build_ofd(text.split("\n")), f"{name}.ofd")
    assert source.text == text
    assert source.format == "ofd"


@pytest.mark.parametrize("name", ["clean-report", "defective-report"])
def test_an_ofd_gives_the_verdicts_and_findings_of_its_text(name: str, tmp_path: Path) -> None:
    text = example(name)
    (tmp_path / "report.txt").write_text(text + "\n", encoding="utf-8")
    (tmp_path / "report.ofd").write_bytes(build_ofd(text.split("\n")))
    validator = Validator()

    def results(path: Path) -> list[tuple[object, ...]]:
        found = validator.check_path(path)
        assert found.error is None, found.error
        return [
            (report.checklist, r.kind, r.id, r.status, r.severity, r.message, r.span)
            for report in found.reports
            for r in report.results
        ]

    from_text, from_ofd = results(tmp_path / "report.txt"), results(tmp_path / "report.ofd")
    assert from_ofd == from_text
    if name == "defective-report":
        assert any(status == "fail" for _, _, _, status, *_ in from_text)  # the example does exercise rules


def test_positions_are_page_and_paragraph() -> None:
    paragraphs = example("clean-report").split("\n")
    source = read_ofd(build_ofd(paragraphs), "x.ofd")
    printed = printed_lines(paragraphs)
    pages = -(-len(printed) // LINES)
    assert source.pages[0] == 1 and source.pages[-1] == pages > 1
    assert list(source.pages) == sorted(source.pages)
    # The paragraph that starts on the 23rd printed line starts on page 2.
    starts = [row for row, (x, *_rest) in enumerate(printed) if row and x > 28.0 + 1]
    first_on_two = next(index for index, row in enumerate(starts, start=1) if row >= LINES)
    assert source.pages[first_on_two] == 2
    assert "— 1 —" not in source.text  # the printed page numbers are the printer's, not the author's


def test_reading_order_does_not_depend_on_the_order_objects_are_written() -> None:
    text = example("clean-report")
    assert read_ofd(build_ofd(text.split("\n"), shuffle=True), "x.ofd").text == text


def test_ofd_is_dispatched_by_suffix() -> None:
    text = example("clean-report")
    assert read_bytes(build_ofd(text.split("\n")), "report.ofd").text == text


def _replace(data: bytes, name: str, content: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != name:
                target.writestr(info, source.read(info))
        target.writestr(name, content)
    return out.getvalue()


def _reason(data: bytes) -> str:
    with pytest.raises(InputError) as caught:
        read_ofd(data, "x.ofd")
    return caught.value.reason


def test_hostile_and_broken_packages_are_refused_with_one_reason() -> None:
    good = build_ofd(["标题", "正文一段。"])
    page = "Doc_0/Pages/Page_0/Content.xml"
    laughs = b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa">]><ofd:Page xmlns:ofd="x">&a;</ofd:Page>'
    assert "DOCTYPE" in _reason(_replace(good, page, laughs))
    assert "不是有效的 .ofd" in _reason(b"plain text, not a zip")
    assert "无法作为 .ofd 打开" in _reason(good[:200])
    assert "缺少 OFD.xml" in _reason(_replace(_replace(good, "OFD.xml", b"<x/>"), "x", b""))
    assert "没有文字" in _reason(_replace(good, page, b'<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"/>'))
    bomb = _replace(good, page, b"<ofd:Page>" + b" " * (60 * 1024 * 1024) + b"</ofd:Page>")
    assert "压缩炸弹" in _reason(bomb)


def test_cli_names_a_broken_ofd_in_one_line_and_checks_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.ofd").write_bytes(b"PK\x03\x04 broken")
    (tmp_path / "b.ofd").write_bytes(build_ofd(example("clean-report").split("\n")))
    code = main(["check", str(tmp_path / "a.ofd"), str(tmp_path / "b.ofd"), "--format", "json"])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.err.strip().count("\n") == 0 and "a.ofd" in captured.err
    assert '"reports"' in captured.out and "中共青山县审计局党组" in captured.out
