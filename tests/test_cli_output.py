"""The command line's side of the output: --no-group, colour, --output, words of rules and --help."""

from __future__ import annotations

import argparse
import io
import os
from pathlib import Path

import pytest

from validator.cli import _build_parser, main
from validator.cli import help as cli_help
from validator.cli.commands import wants_color

from .conftest import REPO_ROOT

DEFECTIVE = REPO_ROOT / "examples" / "defective-report.txt"
# Five halfwidth commas: PUN-001 fires five times in one report.
COMMAS = (
    "青山县统计局党组2024年落实全面从严治党主体责任情况报告\n全年学习,研讨,调研,督查,整改,均按计划完成。\n"
)


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_group_lists_every_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "r.txt"
    report.write_text(COMMAS, encoding="utf-8")
    main(["check", str(report), "--fail-on", "never"])
    grouped = capsys.readouterr().out
    main(["check", str(report), "--fail-on", "never", "--no-group"])
    listed = capsys.readouterr().out
    assert grouped.count(": 警告 PUN-001 ") == 3 and "PUN-001 同类问题另有 2 处" in grouped
    assert listed.count(": 警告 PUN-001 ") == 5 and "同类问题" not in listed


def test_colour_only_for_a_terminal_without_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr("sys.stdout", Terminal())
    assert wants_color(None)
    assert not wants_color("out.txt")
    monkeypatch.setenv("NO_COLOR", "1")
    assert not wants_color(None)
    monkeypatch.setenv("NO_COLOR", "")  # the no-color.org convention: only a non-empty value counts
    assert wants_color(None)
    monkeypatch.setattr("sys.stdout", io.StringIO())
    assert not wants_color(None)


def test_coloured_text_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    terminal = Terminal()
    monkeypatch.setattr("sys.stdout", terminal)
    main(["check", str(DEFECTIVE)])
    assert "\x1b[1;31m错误\x1b[0m HYG-001" in terminal.getvalue()


def test_output_file_is_replaced_whole_and_left_alone_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "out.html"
    assert main(["check", str(DEFECTIVE), "--format", "html", "--output", str(target)]) == 1
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert os.listdir(tmp_path) == ["out.html"]  # no temporary file left beside it
    blocked = tmp_path / "blocked"
    blocked.mkdir()
    (blocked / "out.html").mkdir()  # a directory where the file should go: os.replace fails
    assert main(["check", str(DEFECTIVE), "--output", str(blocked / "out.html")]) == 2
    assert os.listdir(blocked) == ["out.html"]


def test_rules_lists_built_ins_and_severities_in_the_users_words(capsys: pytest.CaptureFixture[str]) -> None:
    main(["rules"])
    zh = capsys.readouterr().out
    assert "[内置]" in zh and "[built-in]" not in zh
    assert " 错误 " in zh and " error " not in zh
    main(["rules", "--lang", "en"])
    en = capsys.readouterr().out
    assert "[built-in]" in en and "[内置]" not in en and " error " in en


def test_help_headings_in_chinese_and_english(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--help"]) == 0
    zh = capsys.readouterr().out
    assert zh.startswith("用法：report-validator check")
    assert "选项:" in zh and "显示本帮助并退出" in zh and "options:" not in zh
    assert main(["check", "--help", "--lang", "en"]) == 0
    en = capsys.readouterr().out
    assert en.startswith("usage: report-validator check")
    assert "list every finding" in en and "列出全部问题" not in en


def test_every_help_text_has_its_english() -> None:
    """A help text added to cli.py without an English version fails here, not silently in --lang en."""
    parser = _build_parser("zh")
    texts = []
    for each in cli_help._parsers(parser):
        texts.append(each.description)
        texts += [
            action.help
            for action in cli_help._actions(each)
            if not isinstance(action, (argparse._HelpAction, argparse._VersionAction))
        ]
    missing = {text for text in texts if text and text not in cli_help.ENGLISH_HELP}
    assert missing == set()


def test_a_run_builds_only_its_commands_parser_and_help_lists_every_command(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A run parses with its own command's sub-parser only; the top-level help still lists all six."""
    only_check = _build_parser("zh", ["check", "x.txt"])
    commands = next(a for a in only_check._actions if isinstance(a, argparse._SubParsersAction))
    assert list(commands.choices) == ["check"]
    assert only_check.parse_args(["check", "--no-cache", "x.txt"]).paths == ["x.txt"]
    assert main(["--help"]) == 0
    listed = capsys.readouterr().out
    for command in ("outline", "check", "baseline", "plugins", "rules", "config"):
        assert command in listed


@pytest.mark.parametrize("columns", ["100", "0", "wide", None])
def test_help_width_follows_shutils_rules_without_importing_it(
    monkeypatch: pytest.MonkeyPatch, columns: str | None
) -> None:
    import shutil

    from validator.cli.usage import _help_width

    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    _help_width.cache_clear()
    try:
        assert _help_width() == shutil.get_terminal_size().columns - 2
    finally:
        _help_width.cache_clear()
