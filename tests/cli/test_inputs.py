"""What gets checked: nothing silently, each file once, ``-`` as standard input, ``--stdin`` with a name."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from validator.cli import main


def checked_paths(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str]]:
    code = main(["check", *argv, "--format", "json", "--fail-on", "never"])
    return code, [f["path"] for f in json.loads(capsys.readouterr().out)["files"]]


def feed_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


@pytest.mark.parametrize("content", [[], ["a.png", "b.jpg"], [".hidden.txt"], ["old.doc"]])
def test_a_directory_with_nothing_to_check_is_an_error(
    project: Path, capsys: pytest.CaptureFixture[str], content: list[str]
) -> None:
    folder = project / "reprots"  # a typo in CI
    folder.mkdir()
    for name in content:
        (folder / name).write_bytes(b"x")
    assert main(["check", "reprots"]) == 2
    [line] = capsys.readouterr().err.strip().splitlines()
    supported = ".txt、.md、.markdown、.docx、.pdf、.ofd"
    assert line == f"report-validator: 错误：reprots: 没有可检查的文件（支持 {supported}）"


def test_an_empty_directory_beside_good_files_is_reported_and_the_others_checked(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "empty").mkdir()
    code, paths = checked_paths(capsys, "empty", "clean-report.txt")
    assert code == 2 and paths == ["empty", "clean-report.txt"]


def test_no_path_means_the_working_directory_and_it_must_hold_something(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 2
    assert capsys.readouterr().err.startswith("report-validator: 错误：.: 没有可检查的文件")


def test_the_same_file_named_five_ways_is_checked_once(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "sub").mkdir()
    (project / "sub" / "r.txt").write_bytes((project / "clean-report.txt").read_bytes())
    (project / "link.txt").symlink_to(project / "sub" / "r.txt")
    code, paths = checked_paths(
        capsys, "sub/", "sub/r.txt", "./sub/r.txt", str(project / "sub" / "r.txt"), "link.txt"
    )
    assert code == 0
    assert paths == ["sub/r.txt"]


def test_dash_is_standard_input(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    feed_stdin(monkeypatch, (project / "defective-report.txt").read_bytes())
    code, paths = checked_paths(capsys, "-", "clean-report.txt")
    assert code == 0 and paths == ["<stdin>", "clean-report.txt"]


def test_dash_with_stdin_filename_names_it(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    feed_stdin(monkeypatch, (project / "defective-report.txt").read_bytes())
    assert checked_paths(capsys, "-", "--stdin-filename", "reports/a.txt")[1] == ["reports/a.txt"]


def test_stdin_with_a_path_uses_the_path_as_the_name_only(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The file on disk is clean; what is checked is standard input, under the file's name."""
    feed_stdin(monkeypatch, (project / "defective-report.txt").read_bytes())
    assert main(["check", "--stdin", "clean-report.txt", "--format", "json"]) == 1
    [entry] = json.loads(capsys.readouterr().out)["files"]
    assert entry["path"] == "clean-report.txt"
    assert any(r["status"] == "fail" for r in entry["reports"][0]["results"])


def test_stdin_help_says_the_path_is_only_a_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--help"]) == 0
    help_text = " ".join(capsys.readouterr().out.split())
    assert "只作报告的名称" in help_text and "- 表示从标准输入读取" in help_text


@pytest.mark.parametrize(
    "argv",
    [["--stdin", "a.txt", "b.txt"], ["--stdin", "a.txt", "--stdin-filename", "b.txt"]],
)
def test_stdin_with_conflicting_names_is_a_usage_error(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    feed_stdin(monkeypatch, b"")
    assert main(["check", *argv]) == 2
    [line] = capsys.readouterr().err.strip().splitlines()
    assert line.startswith("report-validator: 错误：--stdin")
