"""One error shape: ``report-validator: 错误：<where>: <reason>``, one line, on stderr only."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from validator.cli import main

ZH = re.compile(r"^report-validator: 错误：(?P<where>[^:：]+(?::\d+)?): (?P<reason>\S.*)$")
EN = re.compile(r"^report-validator: error: (?P<where>[^:]+(?::\d+)?): (?P<reason>\S.*)$")
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize(
    ("argv", "where"),
    [
        (["check", "--fail-on", "critical"], "--fail-on"),
        (["check", "--frobnicate"], "--frobnicate"),
        (["check", "--report-year", "abc"], "--report-year"),
        (["check", "--baseline"], "--baseline"),
        (["check", "--format", "xml", "clean-report.txt"], "--format"),
        (["chek", "clean-report.txt"], "COMMAND"),
        (["outline"], "FILE"),
        (["baseline"], "PATH"),
        (["check", "--baseline", "a.json", "--no-baseline"], "--no-baseline"),
    ],
)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_usage_errors_are_one_line_in_the_chosen_language(
    project: Path, capsys: pytest.CaptureFixture[str], argv: list[str], where: str, lang: str
) -> None:
    assert main([*argv, "--lang", lang]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    [line] = captured.err.strip().splitlines()  # no usage block
    match = (EN if lang == "en" else ZH).match(line)
    assert match, line
    assert match["where"] == where
    assert "usage:" not in line
    if lang == "en":
        assert not CJK.search(line), line
    else:  # argparse's English is translated: no English sentence survives
        assert not re.search(r"\b(invalid|expected|unrecognized|required|choose)\b", line), line


def test_config_error_has_the_same_shape(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path(".report-validator.yaml").write_text("fail_on: sometimes\n", encoding="utf-8")
    assert main(["check", "clean-report.txt"]) == 2
    [line] = capsys.readouterr().err.strip().splitlines()
    match = ZH.match(line)
    assert match and match["where"].endswith(".report-validator.yaml:1"), line


def test_input_error_is_said_once_on_stderr_only(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "nosuch.txt", "clean-report.txt"]) == 2
    captured = capsys.readouterr()
    assert captured.err.strip().splitlines() == ["report-validator: 错误：nosuch.txt: 文件不存在"]
    assert "nosuch.txt" not in captured.out  # the text output counts it in its summary line only
    assert captured.out.rstrip().endswith("1 个文件无法读取")
    assert "✔" in captured.out  # the other file is still checked


def test_machine_formats_still_carry_the_input_error(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    assert main(["check", "nosuch.txt", "--format", "json"]) == 2
    captured = capsys.readouterr()
    [entry] = json.loads(captured.out)["files"]
    assert entry["path"] == "nosuch.txt" and entry["error"]
    assert len(captured.err.strip().splitlines()) == 1


def test_unsupported_suffix_names_what_is_supported(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("scan.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    assert main(["check", "scan.png"]) == 2
    [line] = capsys.readouterr().err.strip().splitlines()
    supported = line.split("支持 ", 1)[1]
    assert ".markdown" in supported and ".txt" in supported and ".docx" in supported
    assert ".doc、" not in supported + "、" and ".wps" not in supported  # refused, so not "supported"


def test_a_line_break_in_a_file_name_does_not_split_the_error(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "a\nb.txt", "c\u2028d.txt"]) == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        "report-validator: 错误：a\\nb.txt: 文件不存在",
        "report-validator: 错误：c\\u2028d.txt: 文件不存在",
    ]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("nosuch.txt", None, "no such file"),
        (
            "scan.png",
            b"\x89PNG",
            "unsupported file type: .png (supported: .txt, .md, .markdown, .docx, .pdf, .ofd)",
        ),
        ("blob.txt", bytes(range(256)), "a binary file (NUL bytes), not a text report"),
        ("empty", "dir", "no file to check (supported: .txt, .md, .markdown, .docx, .pdf, .ofd)"),
    ],
)
def test_input_errors_in_english_are_english_throughout(
    project: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes | str | None, reason: str
) -> None:
    if content == "dir":
        Path(name).mkdir()
    elif isinstance(content, bytes):
        Path(name).write_bytes(content)
    assert main(["check", name, "--lang", "en"]) == 2
    assert capsys.readouterr().err.strip() == f"report-validator: error: {name}: {reason}"


def test_outline_input_error_in_english(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outline", "nosuch.txt", "--lang", "en"]) == 2
    assert capsys.readouterr().err.strip() == "report-validator: error: nosuch.txt: no such file"


def test_output_to_a_directory_is_refused_before_checking(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "out").mkdir()
    assert main(["check", "clean-report.txt", "--output", "out"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip() == "report-validator: 错误：--output: 无法写入文件：是目录，不是文件"
