"""The budgets that bound the work one file may cause: sizes checked before reading, and time.

A pre-commit hook or CI job runs on whatever a contributor commits, so a small file must not
cost minutes or gigabytes. Each budget has a default far above any real report (the largest
samples are under 1 MB) and can be changed with an environment variable, for a project that
really checks larger files or wants a tighter bound (docs/limits.md lists them):

===============================  =====================================  ==========
variable                         what                                   default
===============================  =====================================  ==========
REPORT_VALIDATOR_MAX_TEXT_MB     size of a .txt/.md file (or --stdin)   32
REPORT_VALIDATOR_MAX_DOCX_MB     size of a .docx file                   64
REPORT_VALIDATOR_MAX_PDF_MB      size of a .pdf file                    64
REPORT_VALIDATOR_PDF_STREAM_MB   one PDF stream after inflation         64
REPORT_VALIDATOR_PDF_PAGE_CHARS  glyphs on one PDF page                 20000
REPORT_VALIDATOR_PDF_MEMORY_MB   memory of the PDF reader's process     2048
REPORT_VALIDATOR_TIME_LIMIT      seconds to read, parse and check one   120
                                 file (0: no limit)
===============================  =====================================  ==========

Sizes are checked on the file's ``stat`` size before a byte is read, so a 3 GB sparse file is
refused at once; reading is also capped, for files that grow or lie about their size.
"""

from __future__ import annotations

import functools
import os
from typing import NamedTuple

from validator.errors import ConfigError

__all__ = ["Limits", "current_limits"]

_MB = 1024 * 1024


class Limits(NamedTuple):
    """The budgets in force (see the module docstring for their variables)."""

    text_bytes: int = 32 * _MB
    docx_bytes: int = 64 * _MB
    pdf_bytes: int = 64 * _MB
    pdf_stream_bytes: int = 64 * _MB
    pdf_page_chars: int = 20_000
    pdf_memory_bytes: int = 2048 * _MB
    seconds: float = 120.0

    def largest_file_bytes(self) -> int:
        """The largest input any reader accepts: what is ever worth reading before a reader decides."""
        return max(self.text_bytes, self.docx_bytes, self.pdf_bytes)

    def file_bytes(self, source_format: str) -> int:
        """The largest file of ``source_format`` (``text``, ``docx``, ``pdf``) that is read."""
        return {"docx": self.docx_bytes, "pdf": self.pdf_bytes}.get(source_format, self.text_bytes)


_VARIABLES = (
    "REPORT_VALIDATOR_MAX_TEXT_MB",
    "REPORT_VALIDATOR_MAX_DOCX_MB",
    "REPORT_VALIDATOR_MAX_PDF_MB",
    "REPORT_VALIDATOR_PDF_STREAM_MB",
    "REPORT_VALIDATOR_PDF_PAGE_CHARS",
    "REPORT_VALIDATOR_PDF_MEMORY_MB",
    "REPORT_VALIDATOR_TIME_LIMIT",
)


def current_limits() -> Limits:
    """The default budgets, each replaced by its environment variable when that is set.

    Asked for twice per file: the variables are read each time (a test or a caller may change
    them), their values parsed once.
    """
    return _limits(tuple(os.environ.get(name, "") for name in _VARIABLES))


@functools.lru_cache(maxsize=8)
def _limits(values: tuple[str, ...]) -> Limits:
    raw = dict(zip(_VARIABLES, values, strict=True))
    default = Limits()
    return Limits(
        text_bytes=_megabytes(raw, "REPORT_VALIDATOR_MAX_TEXT_MB", default.text_bytes),
        docx_bytes=_megabytes(raw, "REPORT_VALIDATOR_MAX_DOCX_MB", default.docx_bytes),
        pdf_bytes=_megabytes(raw, "REPORT_VALIDATOR_MAX_PDF_MB", default.pdf_bytes),
        pdf_stream_bytes=_megabytes(raw, "REPORT_VALIDATOR_PDF_STREAM_MB", default.pdf_stream_bytes),
        pdf_page_chars=int(_number(raw, "REPORT_VALIDATOR_PDF_PAGE_CHARS", default.pdf_page_chars)),
        pdf_memory_bytes=_megabytes(raw, "REPORT_VALIDATOR_PDF_MEMORY_MB", default.pdf_memory_bytes),
        seconds=_number(raw, "REPORT_VALIDATOR_TIME_LIMIT", default.seconds),
    )


def _megabytes(raw: dict[str, str], name: str, default: int) -> int:
    return int(_number(raw, name, default / _MB) * _MB)


def _number(raw: dict[str, str], name: str, default: float) -> float:
    """The variable's value as a non-negative finite number (unset or blank: ``default``);
    anything else is a ``ConfigError``, one line and exit 2 like every configuration mistake."""
    text = raw[name].strip()
    if not text:
        return default
    try:
        value = float(text[:20])
    except ValueError:
        value = -1.0
    if not 0 <= value < float("inf"):
        raise ConfigError(f"环境变量 {name} 应为非负数，实际是 {text[:20]!r}", key=name)
    return value
