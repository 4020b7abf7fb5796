"""One line per failed result, for editors' problem matchers and grep.

``path:line:col: severity ID message`` — the shape of ruff's and gcc's output,
which VS Code's ``$gcc``-style problem matchers, Vim's ``errorformat`` and
Emacs' compilation mode read. A result without a place points at the report's
first line; a file that cannot be read gives ``path:1:1: error input message``.
Nothing else is printed, so every line is a finding.
"""

from __future__ import annotations

from collections.abc import Sequence

from validator.formatters.base import FormatOptions
from validator.model import FileResult


def format_compact(files: Sequence[FileResult], options: FormatOptions) -> str:
    lines = []
    for file in files:
        if file.error is not None:
            lines.append(f"{file.path}:1:1: error input {_one_line(file.error)}")
            continue
        for report in file.reports:
            failed = [r for r in report.results if r.status == "fail"]
            for result in sorted(
                failed, key=lambda r: (r.span.line, r.span.column) if r.span else (report.line, 1)
            ):
                line, column = (result.span.line, result.span.column) if result.span else (report.line, 1)
                lines.append(
                    f"{file.path}:{line}:{column}: {result.severity} {result.id} {_one_line(result.message)}"
                )
    return "".join(f"{line}\n" for line in lines)


def _one_line(text: str) -> str:
    return " ".join(text.splitlines())
