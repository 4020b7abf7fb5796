"""``report-validator outline``: the tree on good input, one line and exit 2 on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from validator.cli import main

EXAMPLES = Path(__file__).parent.parent / "examples"


def test_outline_text_shows_the_tree(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outline", str(EXAMPLES / "compilation.txt")]) == 0
    out = capsys.readouterr().out
    assert "报告 1/2：" in out and "报告 2/2：" in out
    assert "  一、" in out


def test_outline_json_follows_the_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outline", str(EXAMPLES / "clean-report.txt"), "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    (report,) = payload["reports"]
    assert report["title"].endswith("报告") and report["line"] == 1
    node = report["headings"][0]
    assert {"kind", "level", "marker", "number", "title", "line", "children"} <= set(node)
    assert (
        node["kind"] == "heading" and node["level"] == 1 and node["marker"] == "一、" and node["number"] == 1
    )


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda d: d / "missing.txt", "文件不存在"),
        (lambda d: d, "是目录"),
        (lambda d: _write(d / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "二进制"),
        (lambda d: _write(d / "latin.txt", bytes(range(0x80, 0xFF)) * 3), "编码"),
    ],
    ids=["missing", "directory", "binary", "undecodable"],
)
def test_outline_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: object, reason: str
) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    assert main(["outline", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1
    assert str(path) in lines[0] and reason in lines[0]
    assert "Traceback" not in captured.err


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
