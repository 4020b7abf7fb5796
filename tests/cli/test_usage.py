"""argparse's sentences, as different Python versions word them, become one translated line."""

from __future__ import annotations

import pytest

from validator.cli.usage import lang_of, translate


@pytest.mark.parametrize(
    "english",
    [
        "argument --fail-on: invalid choice: 'critical' (choose from 'error', 'warning', 'info', 'never')",
        "argument --fail-on: invalid choice: 'critical' (choose from error, warning, info, never)",
    ],
)
def test_invalid_choice_in_either_wording(english: str) -> None:
    error = translate(english, "zh")
    assert (error.where, error.reason) == (
        "--fail-on",
        "无效的取值 'critical'（可用：error、warning、info、never）",
    )
    assert (
        translate(english, "en").reason
        == "invalid choice 'critical' (choose from error, warning, info, never)"
    )


def test_an_unknown_sentence_is_still_one_line() -> None:
    error = translate("something new\nover two lines", "zh")
    assert (error.where, error.reason) == ("report-validator", "用法错误：something new over two lines")


def test_option_with_aliases_is_named_by_its_first_spelling() -> None:
    assert translate("argument -o/--output: expected one argument", "en").where == "-o"


@pytest.mark.parametrize(
    ("argv", "lang"),
    [
        (["check", "--lang", "en"], "en"),
        (["check", "--lang=en"], "en"),
        (["check", "--lang"], "zh"),
        (["check", "--", "--lang", "en"], "zh"),  # after --, a file name
        (["check", "--lang", "zh"], "zh"),
    ],
)
def test_language_of_a_command_line_that_could_not_be_parsed(argv: list[str], lang: str) -> None:
    assert lang_of(argv) == lang
