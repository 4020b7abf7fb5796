"""The errors a user sees as one line, never as a traceback.

A problem in the input is an ``InputError``; a problem in configuration, a
checklist or a plugin is a ``ConfigError``. Both end the run for that file or
that command with exit code 2; anything else that escapes is a bug.
"""

from __future__ import annotations


class ValidatorError(Exception):
    """Base of every error shown to users as a single line."""


class InputError(ValidatorError):
    """A file that cannot be read as a report: missing, binary, undecodable…"""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ConfigError(ValidatorError):
    """A broken checklist, configuration file or option, named by file, line and key."""

    def __init__(self, message: str, *, path: str = "", line: int | None = None, key: str = "") -> None:
        where = f"{path}:{line}" if path and line else path
        super().__init__(f"{where}: {message}" if where else message)
        self.path = path
        self.line = line
        self.key = key
        self.message = message


def one_line(text: str) -> str:
    """``text`` with line breaks and other invisible characters escaped, so a message stays one line."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)
