"""A file's verdict as plain tuples: what worker processes send back and what the result cache stores.

Plain data (str, int, None, bytes, tuples) crosses a process boundary cheaply and can
be written with ``marshal``, which rebuilds values but never runs code, unlike
``pickle``. The encoding follows the model's dataclass fields in order, so a
field another engineer adds travels too; ``SCHEMA`` names those fields and is
part of the cache key, so entries written before such a change are not read.

Two parts are kept as ``marshal`` bytes inside the tuples, for speed:

* each result: most results of a run are alike (every rule's pass), so decoding
  looks the bytes up among the results already built and builds each distinct
  one once, rather than rebuilding 90 tuples of strings per report;
* the source text (as large as the file): most outputs never quote it, so it is
  only decoded when wanted (``decode_source``), and can be left out
  (``without_source``) where no output will show it.
"""

from __future__ import annotations

import marshal
from dataclasses import fields, is_dataclass
from operator import attrgetter
from typing import Any

from validator.model import FileResult, Fix, ReportResult, Result, Source, Span, Text

PlainFile = tuple[Any, ...]
SharedResults = dict[bytes, Result]

# The model's small value types that results carry, encoded as (tag, field values…).
_VALUE_TYPES = {f"\x00{cls.__name__}": cls for cls in (Span, Fix, Text, Source)}
_TAGS = {cls: tag for tag, cls in _VALUE_TYPES.items()}

_RESULT_FIELDS = tuple(f.name for f in fields(Result))
_REPORT_FIELDS = tuple(f.name for f in fields(ReportResult))
_FILE_FIELDS = tuple(f.name for f in fields(FileResult))
_RESULTS_AT = _REPORT_FIELDS.index("results")
_REPORTS_AT = _FILE_FIELDS.index("reports")
_ERROR_AT = _FILE_FIELDS.index("error")
_SOURCE_AT = _FILE_FIELDS.index("source")
_OWN_CODING = ("reports", "source")  # a file's fields that ``encode`` encodes on their own
_result_values = attrgetter(*_RESULT_FIELDS)
_SCALARS = (str, int, type(None))  # kept as they are, with no call: most fields of most results

SCHEMA = "plain-2:" + "|".join(  # plain-2: results and the source text as marshal bytes
    ",".join(names)
    for names in (
        _RESULT_FIELDS,
        _REPORT_FIELDS,
        _FILE_FIELDS,
        *(tuple(f.name for f in fields(cls)) for cls in _VALUE_TYPES.values()),
    )
)


class Encoder:
    """``encode`` for many files in one process, encoding each shared result once.

    The engine hands every report the same ``Result`` object for a rule that passes (most of a
    report's results), so a worker keeps their bytes by identity. The objects are held here
    too, so an identity is never reused for another result while it is kept; a run with many
    distinct results starts the memo afresh rather than let it grow.
    """

    LIMIT = 4096

    def __init__(self) -> None:
        self.known: dict[int, tuple[Result, bytes]] = {}

    def encode(self, file: FileResult, *, source: bool = True) -> PlainFile:
        """``encode(file)``; without the source text (as ``without_source``) when ``source`` is False."""
        if len(self.known) > self.LIMIT:
            self.known.clear()
        return encode(file, source=source, known=self.known)


def encode(
    file: FileResult, *, source: bool = True, known: dict[int, tuple[Result, bytes]] | None = None
) -> PlainFile:
    """The file's verdict as nested tuples of plain values (``ValueError`` for a value that is not).

    ``source`` False leaves the source text out (what ``without_source`` does, without first
    encoding it); ``known`` is an ``Encoder``'s memo of encoded results.
    """
    values = [_plain(getattr(file, name)) if name not in _OWN_CODING else None for name in _FILE_FIELDS]
    memo = known if known is not None else {}
    values[_REPORTS_AT] = tuple(_report(report, memo) for report in file.reports)
    values[_SOURCE_AT] = None if file.source is None or not source else marshal.dumps(_plain(file.source))
    return tuple(values)


def has_error(plain: PlainFile) -> bool:
    """Whether the encoded file could not be read (such results are not cached)."""
    return plain[_ERROR_AT] is not None


def source_bytes(plain: PlainFile) -> bytes | None:
    """The encoded source text of an encoded file, for ``decode_source``; None when it has none."""
    source = plain[_SOURCE_AT]
    return source if isinstance(source, bytes) else None


def without_source(plain: PlainFile) -> PlainFile:
    """The encoded file without its source text (the output will not quote it)."""
    return (*plain[:_SOURCE_AT], None, *plain[_SOURCE_AT + 1 :])


def quotes_source(file: FileResult) -> bool:
    """Whether a built-in format may quote the file's text: only a failure with a place is quoted."""
    for report in file.reports:  # loops, not any(): called for every file of a warm run
        for result in report.results:
            if result.status == "fail" and result.span is not None:
                return True
    return False


def decode(plain: PlainFile, shared: SharedResults | None = None) -> FileResult:
    """The ``FileResult`` that ``encode`` was given (``ValueError``, ``TypeError``, ``EOFError``: malformed).

    ``shared`` maps encoded results to results already built: results are immutable,
    and most of a run's are alike (every rule's pass, without fingerprints), so a
    warm run builds each distinct one once.
    """
    if not isinstance(plain, tuple) or len(plain) != len(_FILE_FIELDS):
        raise ValueError("not an encoded file result")
    named = zip(_FILE_FIELDS, plain, strict=True)
    values: list[Any] = [None if name in _OWN_CODING else _value(value) for name, value in named]
    memo = shared if shared is not None else {}
    values[_REPORTS_AT] = tuple(_decode_report(report, memo) for report in plain[_REPORTS_AT])
    source = source_bytes(plain)
    values[_SOURCE_AT] = None if source is None else decode_source(source)
    return FileResult(*values)


def decode_source(data: bytes) -> Source:
    """The ``Source`` of ``source_bytes`` (``ValueError``/``TypeError``/``EOFError`` on malformed data)."""
    source = _value(marshal.loads(data))
    if not isinstance(source, Source):
        raise ValueError("not an encoded source")
    return source


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float, bool, bytes)):
        return value
    tag = _TAGS.get(type(value))
    if tag is not None:
        return (tag, *(_plain(getattr(value, f.name)) for f in fields(value)))
    if isinstance(value, tuple) and not is_dataclass(value):
        return tuple(_plain(item) for item in value)
    raise ValueError(f"not plain data: {type(value).__name__}")


def _value(plain: Any) -> Any:
    if isinstance(plain, tuple):
        if plain and isinstance(plain[0], str) and plain[0] in _VALUE_TYPES:
            return _VALUE_TYPES[plain[0]](*(_value(item) for item in plain[1:]))
        return tuple(_value(item) for item in plain)
    return plain


def _report(report: ReportResult, known: dict[int, tuple[Result, bytes]]) -> tuple[Any, ...]:
    values = [_plain(getattr(report, name)) if name != "results" else None for name in _REPORT_FIELDS]
    results = []
    for result in report.results:
        kept = known.get(id(result))
        if kept is None or kept[0] is not result:
            kept = known[id(result)] = (result, _result(result))
        results.append(kept[1])
    values[_RESULTS_AT] = tuple(results)
    return tuple(values)


def _result(result: Result) -> bytes:
    # the fields in one call, and strings and numbers taken as they are: 90 results per report
    values = _result_values(result)
    return marshal.dumps(tuple([v if type(v) in _SCALARS else _plain(v) for v in values]))


def _decode_report(plain: tuple[Any, ...], memo: SharedResults) -> ReportResult:
    if len(plain) != len(_REPORT_FIELDS):
        raise ValueError("not an encoded report")
    values: list[Any] = [_value(v) if at != _RESULTS_AT else None for at, v in enumerate(plain)]
    known = memo.get  # a Result is never falsy: ``or`` builds only the unknown ones
    values[_RESULTS_AT] = tuple([known(result) or _remember(result, memo) for result in plain[_RESULTS_AT]])
    return ReportResult(*values)


def _remember(data: bytes, memo: SharedResults) -> Result:
    built = memo[data] = _decode_result(data)
    return built


def _decode_result(data: bytes) -> Result:
    if not isinstance(data, bytes):
        raise TypeError("not an encoded result")
    plain = marshal.loads(data)
    if not isinstance(plain, tuple) or len(plain) != len(_RESULT_FIELDS):
        raise ValueError("not an encoded result")
    return Result(*(_value(value) for value in plain))
