"""Helpers shared by the TIME-* rules: the timeline data pack, the report's year, its parts.

The facts (which congress, plenum, campaign or named thought dates from when) live in
``rules/data/timeline.yaml``; this module reads them once and answers the questions the
rules ask: which year is the report about, until when may it cite something, where do its
achievements end and its next steps begin, is a position inside a 《书名》.
"""

from __future__ import annotations

import bisect
import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple

from validator.datapack import data_cache, load_data
from validator.errors import ConfigError
from validator.model import Document, Paragraph, Severity
from validator.parse.reportyear import year_from_text
from validator.rule import RuleContext
from validator.safe_regex import SafePattern, compile_lazy

from ._census import occurs, provides
from ._text import (
    lazy,
    per_document,
    prose,
    prose_indices,
    prose_paragraphs,
    reading_paragraphs,
    reading_text,
    starts_of,
)

SENTENCE_STOPS = "。！？；"
CLAUSE_STOPS = "。！？；，,：:"

_DATA = "timeline"
_CONFIDENCE = ("high", "low")
_SEVERITIES = ("error", "warning", "info")

# A paragraph before the first heading that opens with the year: 2025年以来，… (the lead may
# come after an introductory paragraph, so the engine's lead is not always the one with the year).
# Where the next-steps part starts inside the paragraph that also holds the problems.
_next_steps_bridge = lazy(r"针对(以上|上述|这些|当前)|下一步|下步|今后|新的一年")
_book_title = lazy(r"《[^《》]*》")


class Event(NamedTuple):
    """One dated reference of the timeline (see the header of ``rules/data/timeline.yaml``)."""

    id: str
    name: str
    year: int
    month: int  # 0 when unknown
    confidence: str
    patterns: tuple[SafePattern, ...]
    expected_in: tuple[int, ...] = ()
    mention: SafePattern | None = None
    current_until: int | None = None
    replaced_by: str = ""
    replaced_pattern: SafePattern | None = None
    outdated_severity: Severity = "error"

    @property
    def sure(self) -> bool:
        return self.confidence == "high"

    @property
    def when(self) -> str:
        return f"{self.year}年{self.month}月" if self.month else f"{self.year}年"

    @property
    def earliest(self) -> tuple[int, int]:
        """(year, month) of the earliest month it can date from (January when the month is unknown)."""
        return (self.year, self.month or 1)

    def search(self, text: str) -> Iterator[tuple[int, int]]:
        """Every (start, end) where a pattern of the event matches ``text``, in order, not overlapping."""
        return _spans(self.patterns, text)

    def mentioned_in(self, text: str) -> bool:
        """Whether ``text`` mentions the event, loosely (``mention``) when the data says how."""
        patterns = (self.mention,) if self.mention else self.patterns
        return any(pattern.search(text) for pattern in patterns)


def _spans(patterns: Iterable[SafePattern], text: str) -> Iterator[tuple[int, int]]:
    """Every (start, end) where one of ``patterns`` matches ``text``, in order, not overlapping."""
    spans = sorted({(m.start(), m.end()) for p in patterns for m in p.finditer(text)})
    last_end = -1
    for start, end in spans:
        if start >= last_end:
            last_end = end
            yield start, end


def mentioned(document: Document, event: Event) -> bool:
    """``event.mentioned_in`` the report's joined ``text_paragraphs``, told by the census."""
    patterns = (event.mention,) if event.mention else event.patterns
    return any(occurs(document, pattern) for pattern in patterns)


@data_cache
def timeline() -> tuple[Event, ...]:
    """The events of ``rules/data/timeline.yaml``, validated."""
    data = load_data(_DATA)
    raw_events = data.get("events") if isinstance(data, Mapping) else None
    if not isinstance(raw_events, list):
        raise ConfigError("数据包缺少 events 列表", key=_DATA)
    return tuple(_event(raw) for raw in raw_events)


def _event(raw: Any) -> Event:
    if not isinstance(raw, Mapping) or not raw.get("id") or not raw.get("patterns"):
        raise ConfigError(f"时间线条目缺少 id 或 patterns：{raw!r}", key=_DATA)
    key = f"{_DATA}.{raw['id']}"
    match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?", str(raw.get("date", "")))
    if not match:
        raise ConfigError('date 应写作 "YYYY-MM"（月份不详时写 "YYYY"）', key=key)
    confidence = str(raw.get("confidence", "low"))
    severity = str(raw.get("outdated_severity", "error"))
    if confidence not in _CONFIDENCE or severity not in _SEVERITIES:
        raise ConfigError("confidence 应为 high/low，outdated_severity 应为 error/warning/info", key=key)
    try:
        patterns = tuple(compile_lazy(str(p)) for p in raw["patterns"])
        mention = compile_lazy(str(raw["mention"])) if raw.get("mention") else None
        replaced = compile_lazy(str(raw["replaced_pattern"])) if raw.get("replaced_pattern") else None
    except ValueError as error:
        raise ConfigError(str(error), key=key) from None
    until = raw.get("current_until")
    return Event(
        id=str(raw["id"]),
        name=str(raw.get("name", raw["id"])),
        year=int(match.group(1)),
        month=int(match.group(2) or 0),
        confidence=confidence,
        patterns=patterns,
        expected_in=tuple(int(year) for year in raw.get("expected_in") or ()),
        mention=mention,
        current_until=int(until) if until is not None else None,
        replaced_by=str(raw.get("replaced_by", "")),
        replaced_pattern=replaced,
        outdated_severity=severity,  # type: ignore[arg-type]
    )


@provides
def _patterns() -> Iterator[SafePattern]:
    for event in timeline():
        yield from event.patterns
        if event.mention is not None:
            yield event.mention
        if event.replaced_pattern is not None:
            yield event.replaced_pattern


def find_events(document: Document, events: Sequence[Event]) -> Iterator[tuple[Paragraph, int, int, Event]]:
    """Every mention of one of ``events`` in the report's ``text_paragraphs``: (paragraph, start, end,
    event), offsets in the paragraph.

    The census tells which patterns occur at all (most reports mention few of the events); only
    those are searched, over the joined text.
    """
    found = [(event, [p for p in event.patterns if occurs(document, p)]) for event in events]
    if not any(patterns for _, patterns in found):
        return
    joined = whole(document)
    for event, patterns in found:
        for start, end in _spans(patterns, joined.text):
            paragraph, local = joined.locate(start)
            yield paragraph, local, local + end - start, event


# ---------------------------------------------------------------------------- the text


class Joined(NamedTuple):
    """Paragraphs joined with newlines, so that one regex pass covers them all."""

    paragraphs: tuple[Paragraph, ...]
    text: str
    starts: tuple[int, ...]

    def locate(self, offset: int) -> tuple[Paragraph, int]:
        """The paragraph that holds ``offset`` of ``text``, and the offset inside it."""
        index = bisect_right(self.starts, offset) - 1
        return self.paragraphs[index], offset - self.starts[index]


@per_document
def whole(document: Document) -> Joined:
    """``join(text_paragraphs(document))``, built once per report."""
    text, starts = reading_text(document)
    return Joined(reading_paragraphs(document), text, starts)


def join(paragraphs: Iterable[Paragraph]) -> Joined:
    chosen = tuple(paragraphs)
    texts = [paragraph.text for paragraph in chosen]
    return Joined(chosen, "\n".join(texts), starts_of(texts))


# ---------------------------------------------------------------------------- the year


def year_is_stated(context: RuleContext) -> bool:
    """Whether the report's year comes from its own text, not only from the ``report_year`` setting."""
    return year_from_text(context.document) is not None


def deadline(year: int) -> tuple[int, int]:
    """(year, month) of the latest month a report on ``year`` can know of: January of the next year."""
    return (year + 1, 1)


# ---------------------------------------------------------------------------- the parts


def next_steps_start(context: RuleContext) -> tuple[Paragraph, int] | None:
    """Where the next-steps part begins: its first paragraph and the offset inside it."""
    found = context.evidence.get("next_steps", ())
    if not found:
        return None
    first = found[0]
    if first.kind == "heading":
        return first, 0
    match = _next_steps_bridge().search(first.text)
    return first, match.start() if match else 0


def next_steps(context: RuleContext) -> Iterator[tuple[Paragraph, int]]:
    """The next-steps part to the end of the report: each paragraph with the offset it starts at.

    The next steps close the report (research/domain.md §3.1, 5/5 samples), so everything from
    their start to the end belongs to them.
    """
    start = next_steps_start(context)
    if start is None:
        return
    first, offset = start
    at = bisect_left(prose_indices(context.document), first.index)  # the prose's indices ascend
    for paragraph in prose(context.document, at):
        yield paragraph, offset if paragraph.index == first.index else 0


def achievements(context: RuleContext) -> tuple[Paragraph, ...]:
    """The prose before the problems and the next steps (the lead and the achievement sections)."""
    stops = [p.index for key in ("problems", "next_steps") for p in context.evidence.get(key, ())[:1]]
    paragraphs = prose_paragraphs(context.document)
    if not stops:
        return paragraphs
    return paragraphs[: bisect_left(prose_indices(context.document), min(stops))]  # indices ascend


# ---------------------------------------------------------------------------- inside a paragraph


@functools.lru_cache(maxsize=16)
def book_titles(text: str) -> tuple[tuple[int, int], ...]:
    """The (start, end) of every 《…》 in ``text`` (found once per text: rules ask per match)."""
    return tuple((m.start(), m.end()) for m in _book_title().finditer(text)) if "《" in text else ()


def inside(position: int, ranges: Sequence[tuple[int, int]]) -> bool:
    """Whether ``position`` lies in one of ``ranges`` (ascending, not overlapping: bisected)."""
    index = bisect_right(ranges, position, key=lambda found: found[0])
    return index > 0 and position < ranges[index - 1][1]


def bounds(text: str, start: int, end: int, stops: str) -> tuple[int, int]:
    """The stretch of ``text`` around ``start:end`` delimited by any character of ``stops``.

    The stops' positions are found once per text and bisected: searching back and forth from
    each match would cost a scan of the line per match when a stop is absent (quadratic).
    """
    positions = _stop_positions(text, stops)
    before = bisect.bisect_left(positions, start)
    after = bisect.bisect_left(positions, end)
    left = positions[before - 1] + 1 if before else 0
    return left, positions[after] if after < len(positions) else len(text)


@functools.lru_cache(maxsize=16)
def _stop_positions(text: str, stops: str) -> list[int]:
    """The offsets of every character of ``stops`` in ``text``, ascending."""
    return [match.start() for match in re.finditer(f"[{re.escape(stops)}]", text)] if stops else []


_ORDER: tuple[Severity, ...] = ("info", "warning", "error")


def lower(severity: Severity, steps: int = 1) -> Severity:
    """``severity`` lowered by ``steps`` (never below info)."""
    return _ORDER[max(0, _ORDER.index(severity) - steps)]


def cap(severity: Severity, ceiling: Severity) -> Severity:
    """The lower of ``severity`` and ``ceiling``."""
    return _ORDER[min(_ORDER.index(severity), _ORDER.index(ceiling))]
