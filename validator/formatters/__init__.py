"""Output formats of ``check``: one module per format, all sharing one signature and one tally.

A formatter renders the results of a whole run at once (not file by file) so
that it can end with a summary and so that whole-document formats (JSON,
SARIF, JUnit) are as easy to write as line formats. Every formatter, built-in
or from a plugin, has the type ``Formatter`` (``formatters.base``, with the
options and the counting every format shares) and is offered through the
``report_validator_formatters`` hook; the built-ins come through that same door.
"""

from __future__ import annotations

from validator.formatters import text
from validator.formatters.base import (
    FormatOptions,
    Formatter,
    Summary,
    Tally,
    readable_reports,
    summarize,
    tally,
)
from validator.lazy import lazy_function
from validator.plugin.hookspecs import hookimpl

__all__ = [
    "FormatOptions",
    "Formatter",
    "Summary",
    "Tally",
    "readable_reports",
    "report_validator_formatters",
    "summarize",
    "tally",
]


@hookimpl
def report_validator_formatters() -> dict[str, Formatter]:
    """The built-in formats, offered through the same hook as a plugin's."""
    return {
        "text": text.format_text,
        "json": lazy_function("validator.formatters.json_format", "format_json"),
        "sarif": lazy_function("validator.formatters.sarif", "format_sarif"),
        "junit": lazy_function("validator.formatters.junit", "format_junit"),
        "github": lazy_function("validator.formatters.github", "format_github"),
        "gitlab": lazy_function("validator.formatters.gitlab", "format_gitlab"),
        "compact": lazy_function("validator.formatters.compact", "format_compact"),
        "html": lazy_function("validator.formatters.html", "format_html"),
    }
