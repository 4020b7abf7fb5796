"""Usage errors as one line in the user's language, instead of argparse's usage block in English.

argparse answers a bad flag with a usage block and an English sentence, then exits. The
README promises one line on stderr, so ``Parser.error`` raises ``UsageError`` instead, with
argparse's sentence translated: the option (or argument) takes the place of the file in
``report-validator: 错误：<where>: <reason>``. The sentences are matched by their English
templates (argparse does not expose the parts); one that is not known is still one line,
shown as it is. The language comes from ``--lang`` on the same command line, as nothing
else has been read when the command line itself is wrong.
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from validator.errors import ValidatorError
from validator.messages import message
from validator.regexes import compiled

__all__ = ["Parser", "Reported", "UsageError", "lang_of"]


class UsageError(ValidatorError):
    """A command line that cannot be run: ``where`` is the option or argument, ``reason`` why."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


class Reported(ValidatorError):
    """An error already shown on stderr (each failed plugin, one line each): exit 2, nothing more."""


class Parser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose errors are ``UsageError`` (its subcommands' parsers too)."""

    def __init__(self, *args: Any, lang: str = "zh", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lang = lang

    def error(self, message: str) -> NoReturn:
        raise translate(message, self.lang)

    def _get_formatter(self) -> argparse.HelpFormatter:
        # argparse makes a formatter for every add_argument, and each asks the terminal for its
        # size (a system call, ~60 times per start): the width is asked once per process.
        return self.formatter_class(prog=self.prog, width=_help_width())  # type: ignore[call-arg]  # every HelpFormatter takes it


@functools.cache
def _help_width() -> int:
    """What argparse.HelpFormatter uses by default: the terminal's width less two.

    ``shutil.get_terminal_size``'s rules (``COLUMNS`` first, then the terminal, else 80), without
    importing shutil and the compression modules it pulls in at every start.
    """
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns) - 2
    try:
        width = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        width = 0
    return (width or 80) - 2


def lang_of(argv: Sequence[str]) -> str:
    """``en`` when the command line asks for English (``--lang en`` or ``--lang=en``), else ``zh``."""
    for index, word in enumerate(argv):
        if word == "--":
            break
        if word == "--lang=en" or (word == "--lang" and argv[index + 1 : index + 2] == ["en"]):
            return "en"
    return "zh"


_Rule = tuple[re.Pattern[str], str]
_RULES: tuple[_Rule, ...] = (
    (compiled(r"unrecognized arguments: (?P<where>.*)"), "cli.unrecognized"),
    (compiled(r"the following arguments are required: (?P<where>.*)"), "cli.required"),
    (
        compiled(
            r"argument (?P<where>[^:]+): invalid choice: (?P<value>.*?) \(choose from (?P<choices>.*)\)"
        ),
        "cli.invalid_choice",
    ),
    (compiled(r"argument (?P<where>[^:]+): invalid \S+ value: (?P<value>.*)"), "cli.invalid_value"),
    (compiled(r"argument (?P<where>[^:]+): expected one argument"), "cli.expected_one"),
    (compiled(r"argument (?P<where>[^:]+): expected at least one argument"), "cli.expected_some"),
    (compiled(r"argument (?P<where>[^:]+): ignored explicit argument (?P<value>.*)"), "cli.expected_none"),
    (compiled(r"ambiguous option: (?P<where>\S+) could match (?P<matches>.*)"), "cli.ambiguous"),
    (compiled(r"argument (?P<where>[^:]+): not allowed with argument (?P<other>.*)"), "cli.not_allowed"),
)


def translate(english: str, lang: str) -> UsageError:
    """argparse's sentence as a ``UsageError`` in ``lang``; every line break becomes a space."""
    english = " ".join(english.split())
    for pattern, key in _RULES:
        match = pattern.fullmatch(english)
        if match:
            values = match.groupdict()
            if "choices" in values:
                listed = re.findall(r"'([^']*)'", values["choices"]) or values["choices"].split(", ")
                values["choices"] = ("、" if lang != "en" else ", ").join(listed)
            where = values.pop("where").split("/")[0]
            return UsageError(where, message(key, lang, **values))
    return UsageError("report-validator", message("cli.usage", lang, message=english))
