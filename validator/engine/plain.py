"""A file's verdict as plain tuples: what worker processes send back and what the result cache stores.

Plain data (str, int, None, tuples) crosses a process boundary cheaply and can
be written with ``marshal``, which rebuilds values but never runs code, unlike
``pickle``. The encoding follows the model's dataclass fields in order, so a
field another engineer adds travels too; ``SCHEMA`` names those fields and is
part of the cache key, so entries written before such a change are not read.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from validator.model import FileResult, ReportResult, Result, Span

PlainFile = tuple[Any, ...]

_RESULT_FIELDS = tuple(f.name for f in fields(Result))
_REPORT_FIELDS = tuple(f.name for f in fields(ReportResult))
_FILE_FIELDS = tuple(f.name for f in fields(FileResult))
_SPAN_AT = _RESULT_FIELDS.index("span")
_RESULTS_AT = _REPORT_FIELDS.index("results")
_REPORTS_AT = _FILE_FIELDS.index("reports")
_ERROR_AT = _FILE_FIELDS.index("error")

_SPAN_FIELDS = tuple(f.name for f in fields(Span))
SCHEMA = "|".join(",".join(names) for names in (_RESULT_FIELDS, _REPORT_FIELDS, _FILE_FIELDS, _SPAN_FIELDS))


def encode(file: FileResult) -> PlainFile:
    """The file's verdict as nested tuples of plain values."""
    values = [getattr(file, name) for name in _FILE_FIELDS]
    values[_REPORTS_AT] = tuple(_report(report) for report in file.reports)
    return tuple(values)


def has_error(plain: PlainFile) -> bool:
    """Whether the encoded file could not be read (such results are not cached)."""
    return plain[_ERROR_AT] is not None


def decode(plain: PlainFile, shared: dict[tuple[Any, ...], Result] | None = None) -> FileResult:
    """The ``FileResult`` that ``encode`` was given (``ValueError``/``TypeError`` on malformed data).

    ``shared`` maps encoded results to results already built: results are immutable,
    and most of a run's are alike (every rule's pass, without fingerprints), so a
    warm run builds each distinct one once.
    """
    if not isinstance(plain, tuple) or len(plain) != len(_FILE_FIELDS):
        raise ValueError("not an encoded file result")
    values = list(plain)
    memo = shared if shared is not None else {}
    values[_REPORTS_AT] = tuple(_decode_report(report, memo) for report in plain[_REPORTS_AT])
    return FileResult(*values)


def _report(report: ReportResult) -> tuple[Any, ...]:
    values = [getattr(report, name) for name in _REPORT_FIELDS]
    values[_RESULTS_AT] = tuple(_result(result) for result in report.results)
    return tuple(values)


def _result(result: Result) -> tuple[Any, ...]:
    values = [getattr(result, name) for name in _RESULT_FIELDS]
    span = result.span
    values[_SPAN_AT] = (span.line, span.column, span.end_line, span.end_column) if span else None
    return tuple(values)


def _decode_report(plain: tuple[Any, ...], memo: dict[tuple[Any, ...], Result]) -> ReportResult:
    if len(plain) != len(_REPORT_FIELDS):
        raise ValueError("not an encoded report")
    values = list(plain)
    results = []
    for result in plain[_RESULTS_AT]:
        try:
            built = memo.get(result)
            if built is None:
                built = memo[result] = _decode_result(result)
        except TypeError:  # a field whose value cannot be hashed: built each time
            built = _decode_result(result)
        results.append(built)
    values[_RESULTS_AT] = tuple(results)
    return ReportResult(*values)


def _decode_result(plain: tuple[Any, ...]) -> Result:
    if len(plain) != len(_RESULT_FIELDS):
        raise ValueError("not an encoded result")
    span = plain[_SPAN_AT]
    if span is None:
        return Result(*plain)
    values = list(plain)
    values[_SPAN_AT] = Span(*span)
    return Result(*values)
