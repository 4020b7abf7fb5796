"""Helpers shared by the TERM-* rules: the fixed-formulation data pack, read and compiled once.

The wording (slogans and their verbs, series and their order, wrong variants and the right
form) lives in ``rules/data/formulations.yaml``; each rule reads its own part by its code
and asks the questions below: where does a slogan stand and which verb governs it, is a
listing in its canonical order, where does a wrong variant occur and what should it read.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, NamedTuple

from validator.datapack import data_cache, load_data
from validator.errors import ConfigError
from validator.model import Applicability, Document, Paragraph, Severity, Text
from validator.regexes import compiled
from validator.rule import RuleContext, Violation, replace
from validator.safe_regex import SafePattern, compile_lazy

from ._census import has, has_any, occurs, paragraphs_with, provides, provides_needles
from ._text import per_document, reading_paragraphs, reading_text, span_in

_DATA = "formulations"
_LOWER_SEVERITIES = ("warning", "info")
OPENING_QUOTES = "“‘「『\"'"
CLOSING_QUOTES = "”’」』\"'"
QUOTES = OPENING_QUOTES + CLOSING_QUOTES
SENTENCE_END = "。；！？;!?"
_SENTENCE_END = frozenset(SENTENCE_END)
NO_NOTE = Text("")


class Slogan(NamedTuple):
    """A quoted 提法 with fixed collocating verbs (``slogans`` in the data pack)."""

    term: str
    rule: str
    meaning: str
    verbs: tuple[str, ...]
    wrong_verbs: tuple[str, ...]
    quote: bool


class Series(NamedTuple):
    """Terms that keep a canonical order when listed together (``series``)."""

    rule: str
    name: Text
    members: tuple[str, ...]
    max_gap: int
    gap_chars: str | None  # None: anything but a sentence end
    finder: re.Pattern[str]  # any member (escaped literals: one scan per paragraph)

    def rank(self, member: str) -> int:
        return self.members.index(member)


class Variant(NamedTuple):
    """A wrong wording and what to write instead (``variants``)."""

    rule: str
    pattern: SafePattern
    anchors: tuple[str, ...]
    literal: str = ""  # the pattern when it is a plain string: found with str.find, not a regex
    accept: frozenset[str] = frozenset()
    not_after: str = ""
    not_before: str = ""
    canonical: str = ""
    replace: tuple[tuple[str, str], ...] = ()
    note: Text = NO_NOTE
    severity: Severity | None = None
    since: int | None = None
    year_known: bool = False

    def fixed(self, found: str) -> str:
        """The right form of ``found``."""
        if self.canonical:
            return self.canonical
        for old, new in self.replace:
            found = found.replace(old, new)
        return found

    def applies(self, year: int | None) -> bool:
        """Whether the variant is wrong in a report about ``year``."""
        if year is None:
            return not self.year_known
        return self.since is None or year >= self.since


class NumberedTerm(NamedTuple):
    """A fixed term written with Chinese numerals and its wrong Arabic forms (TERM-015)."""

    term: str
    arabic: tuple[str, ...]


class Pack(NamedTuple):
    slogans: tuple[Slogan, ...]
    series: tuple[Series, ...]
    variants: tuple[Variant, ...]
    numbered_terms: tuple[NumberedTerm, ...]
    session_terms: tuple[str, ...]


# ---------------------------------------------------------------------------- loading


@data_cache
def pack() -> Pack:
    """The data pack ``rules/data/formulations.yaml``, validated and compiled."""
    data = load_data(_DATA)
    if not isinstance(data, Mapping):
        raise ConfigError("数据包应为映射", key=_DATA)
    return Pack(
        slogans=tuple(_slogan(raw) for raw in _list(data, "slogans")),
        series=tuple(_series(raw) for raw in _list(data, "series")),
        variants=tuple(_variant(raw) for raw in _list(data, "variants")),
        numbered_terms=tuple(_numbered_term(raw) for raw in _list(data, "numbered_terms")),
        session_terms=tuple(str(term) for term in _list(data, "session_terms")),
    )


@provides_needles
def _needles() -> list[str]:
    data = pack()
    words = [anchor for variant in data.variants for anchor in variant.anchors]
    words += [slogan.term for slogan in data.slogans]
    words += [member for entry in data.series for member in entry.members]
    return words


@provides
def _variant_patterns() -> list[SafePattern]:
    return [variant.pattern for variant in pack().variants if not variant.literal]


@data_cache
def slogans(code: str | None = None) -> tuple[Slogan, ...]:
    return tuple(s for s in pack().slogans if code is None or s.rule == code)


@data_cache
def series(code: str) -> tuple[Series, ...]:
    return tuple(s for s in pack().series if s.rule == code)


@data_cache
def variants(code: str) -> tuple[Variant, ...]:
    return tuple(v for v in pack().variants if v.rule == code)


def _list(data: Mapping[str, Any], key: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise ConfigError(f"{key} 应为列表", key=f"{_DATA}.{key}")
    return value


def _require(raw: Any, key: str, *fields: str) -> Mapping[str, Any]:
    if not isinstance(raw, Mapping) or any(not raw.get(name) for name in fields):
        raise ConfigError(f"条目缺少 {'、'.join(fields)}：{raw!r}", key=f"{_DATA}.{key}")
    return raw


def _strings(raw: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = raw.get(key) or ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(item) for item in value)


def _text(raw: Any) -> Text:
    if raw is None:
        return Text("")
    if isinstance(raw, Mapping):
        return Text(str(raw.get("zh", "")), str(raw.get("en", "")))
    return Text(str(raw))


def _slogan(raw: Any) -> Slogan:
    raw = _require(raw, "slogans", "term", "rule")
    return Slogan(
        term=str(raw["term"]),
        rule=str(raw["rule"]),
        meaning=str(raw.get("meaning", "")),
        verbs=_strings(raw, "verbs"),
        wrong_verbs=_strings(raw, "wrong_verbs"),
        quote=bool(raw.get("quote", False)),
    )


def _series(raw: Any) -> Series:
    raw = _require(raw, "series", "rule", "members")
    members = _strings(raw, "members")
    if len(members) < 2:
        raise ConfigError(f"系列至少要有两项：{members!r}", key=f"{_DATA}.series")
    gap_chars = raw.get("gap_chars")
    return Series(
        rule=str(raw["rule"]),
        name=_text(raw.get("name")),
        members=members,
        max_gap=int(raw.get("max_gap", 16)),
        gap_chars=None if gap_chars is None else str(gap_chars),
        finder=compiled("|".join(map(re.escape, members))),
    )


def _variant(raw: Any) -> Variant:
    raw = _require(raw, "variants", "rule", "pattern")
    key = f"{_DATA}.variants.{raw['rule']}"
    pattern_text = str(raw["pattern"])
    anchors = _strings(raw, "anchors")
    if not anchors:
        if re.escape(pattern_text) != pattern_text:
            raise ConfigError(f"正则表达式需要 anchors（必含的字面文字）：{pattern_text}", key=key)
        anchors = (pattern_text,)
    if not raw.get("canonical") and not raw.get("replace"):
        raise ConfigError(f"条目需要 canonical 或 replace：{pattern_text}", key=key)
    severity = raw.get("severity")
    if severity is not None and severity not in _LOWER_SEVERITIES:
        raise ConfigError("severity 只能是 warning 或 info", key=key)
    try:
        pattern = compile_lazy(pattern_text)
    except ValueError as error:
        raise ConfigError(str(error), key=key) from None
    since = raw.get("since")
    return Variant(
        rule=str(raw["rule"]),
        pattern=pattern,
        anchors=anchors,
        literal=pattern_text if re.escape(pattern_text) == pattern_text else "",
        accept=frozenset(_strings(raw, "accept")),
        not_after=str(raw.get("not_after", "")),
        not_before=str(raw.get("not_before", "")),
        canonical=str(raw.get("canonical", "")),
        replace=tuple((str(old), str(new)) for old, new in raw.get("replace") or ()),
        note=_text(raw.get("note")),
        severity=severity,
        since=int(since) if since is not None else None,
        year_known=bool(raw.get("year_known", False)),
    )


def _numbered_term(raw: Any) -> NumberedTerm:
    if isinstance(raw, str):
        raw = {"term": raw}
    raw = _require(raw, "numbered_terms", "term")
    term = str(raw["term"])
    arabic = _strings(raw, "arabic") or arabic_forms(term)
    return NumberedTerm(term=term, arabic=arabic)


# ---------------------------------------------------------------------------- which rules have work


def has_work(context: RuleContext, code: str) -> bool:
    """Whether rule ``code`` may find anything in the report: one of its words occurs.

    Asked for every rule of the pack; the answer for all of them is found in one go per report,
    as most reports hold the words of only a few (a rule with nothing to look for then costs a
    lookup, not its three searches).
    """
    year = context.report_year
    memo = _active_codes(context.document)
    active = memo.get(year)
    if active is None:
        active = memo[year] = _codes_with_words(context.document, year)
    return code in active


@per_document
def _active_codes(document: Document) -> dict[int | None, frozenset[str]]:
    return {}  # filled in by ``has_work``, per report year


def _codes_with_words(document: Document, year: int | None) -> frozenset[str]:
    """The codes with a slogan (that has wrong verbs), two series members or a variant's anchor in
    the report: what ``verb_violations``, ``series_violations`` and ``variant_violations`` start from."""
    data = pack()
    codes = {slogan.rule for slogan in data.slogans if slogan.wrong_verbs and has(document, slogan.term)}
    for entry in data.series:
        if entry.rule not in codes and sum(has(document, member) for member in entry.members) >= 2:
            codes.add(entry.rule)
    for variant in data.variants:
        if variant.rule in codes or not variant.applies(year) or not has_any(document, variant.anchors):
            continue
        if _may_occur(document, variant):
            codes.add(variant.rule)
    return frozenset(codes)


# What a pattern may say about a match's surroundings: the start or end of a text or line, a word edge.
_ASSERTIONS = ("^", "$", "\\A", "\\z", "\\b", "\\B")


def _may_occur(document: Document, variant: Variant) -> bool:
    """Whether ``variant`` may match in some paragraph of the report (False: it matches in none).

    The census answers for the report's joined text, which holds every paragraph: a match in a
    paragraph is a match there, unless the pattern asserts something about what surrounds it
    (``^``, ``$``, ``\\b`` …), and such a pattern is always searched. Most reports hold the
    anchors of a wrong wording only in its right form, so its paragraphs are never searched.
    """
    if variant.literal:
        return has(document, variant.literal)
    source = variant.pattern.pattern
    return any(mark in source for mark in _ASSERTIONS) or occurs(document, variant.pattern)


# ---------------------------------------------------------------------------- numerals

_CN_VALUES = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_DIGITS = "〇一二三四五六七八九"


def arabic_forms(term: str) -> tuple[str, ...]:
    """The term with its single-character numerals written in Arabic digits: 三会一课 → 3会1课, 3会一课…"""
    options = [(char, str(_CN_VALUES[char])) if char in _CN_VALUES else (char,) for char in term]
    forms = [""]
    for choices in options:
        forms = [form + choice for form in forms for choice in choices]
    return tuple(form for form in forms if form != term)


def chinese_number(value: int) -> str:
    """1 → 一, 10 → 十, 19 → 十九, 20 → 二十, 105 → 一〇五 (numbers as in 党的二十大, 十九届)."""
    if value < 10:
        return _CN_DIGITS[value]
    if value < 100:
        tens, units = divmod(value, 10)
        return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[units] if units else "")
    return "".join(_CN_DIGITS[int(digit)] for digit in str(value))


# ---------------------------------------------------------------------------- finding things


def occurrences(text: str, term: str) -> Iterator[int]:
    """Every start offset of ``term`` in ``text``."""
    start = text.find(term)
    while start >= 0:
        yield start
        start = text.find(term, start + len(term))


def quoted(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands between quotation marks (either orientation)."""
    return start > 0 and end < len(text) and text[start - 1] in QUOTES and text[end] in QUOTES


def enclosed(text: str, start: int) -> bool:
    """Whether ``start`` lies inside an open “…” or 《…》 of ``text``.

    The marks before ``start`` are counted by bisecting their positions, found once per
    text: a slogan repeated 10^5 times on one line must not cost a scan of the line each.
    """
    marks = _mark_positions(text)
    before = [bisect.bisect_left(positions, start) for positions in marks]
    return before[0] > before[1] or before[2] > before[3]


@functools.lru_cache(maxsize=8)
def _mark_positions(text: str) -> tuple[list[int], ...]:
    """The offsets of “ ” 《 》 in ``text``, one sorted list per mark."""
    return tuple([m.start() for m in re.finditer(mark, text)] for mark in "“”《》")


@data_cache
def _applicable(code: str, year: int | None) -> tuple[tuple[Variant, ...], tuple[str, ...]]:
    """The variants of rule ``code`` wrong in a report about ``year``, and all their anchors."""
    entries = tuple(v for v in variants(code) if v.applies(year))
    return entries, tuple({anchor for entry in entries for anchor in entry.anchors})


def variant_violations(
    context: RuleContext, code: str, fix: Applicability | None = None
) -> Iterator[Violation]:
    """Every occurrence of a wrong variant of rule ``code`` in the report, in order.

    With ``fix``, each finding carries the right form as a fix of that applicability.
    """
    entries, anchors = _applicable(code, context.report_year)
    occurring = tuple(entry for entry in entries if _may_occur(context.document, entry))
    if not occurring:
        return
    if len(occurring) < len(entries):  # the others match nowhere: their anchors need no paragraph
        entries, anchors = occurring, tuple({anchor for entry in occurring for anchor in entry.anchors})
    for paragraph in paragraphs_with(context.document, anchors):
        text = paragraph.text
        if any(anchor in text for anchor in anchors):
            yield from _paragraph_variants(paragraph, entries, fix)


def _paragraph_variants(
    paragraph: Paragraph, entries: Sequence[Variant], fix: Applicability | None
) -> Iterator[Violation]:
    text = paragraph.text
    taken = bytearray(len(text))  # 1 where an earlier finding stands: no overlapping findings
    for entry in entries:
        if not any(anchor in text for anchor in entry.anchors):
            continue
        for start, end in _matches(entry, text):
            found = text[start:end]
            if found in entry.accept or _different_word(entry, text, start, end):
                continue
            if taken.find(1, start, end) >= 0:
                continue
            taken[start:end] = b"\x01" * (end - start)
            fixed = entry.fixed(found)
            message = wording(found, fixed, entry.note)
            span = span_in(paragraph, start, end)
            proposed = replace(span, fixed, fix) if fix and fixed != found else None
            yield Violation(span, message, entry.severity, proposed)


def _matches(entry: Variant, text: str) -> Iterator[tuple[int, int]]:
    if entry.literal:
        return ((start, start + len(entry.literal)) for start in occurrences(text, entry.literal))
    return ((match.start(), match.end()) for match in entry.pattern.finditer(text))


def _different_word(entry: Variant, text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return bool(before and before in entry.not_after) or bool(after and after in entry.not_before)


def wording(found: str, fixed: str, note: Text = NO_NOTE) -> Text:
    """The message for a wrong wording: what is written, what it should be, and why."""
    zh = f"“{found}”应为“{fixed}”"
    en = f"“{found}” should read “{fixed}”"
    if note.zh:
        zh += f"（{note.zh}）"
    if note.en or note.zh:
        en += f" ({note.en or note.zh})"
    return Text(zh, en)


# ---------------------------------------------------------------------------- verbs


def verb_violations(context: RuleContext, code: str) -> Iterator[Violation]:
    """A wrong verb right before a slogan of rule ``code`` (增强“两个维护”, 牢固“四个自信”).

    The slogan is looked for in the report's joined text: a line break next to it reads as the
    start or end of its paragraph, so the verbs found are those found paragraph by paragraph
    (unless one of the words holds a line break: then paragraph by paragraph it is).
    """
    document = context.document
    for slogan in slogans(code):
        if not slogan.wrong_verbs or not has(document, slogan.term):
            continue
        if _multiline(slogan):
            for paragraph in paragraphs_with(document, (slogan.term,)):
                if slogan.term in paragraph.text:
                    yield from _paragraph_verbs(paragraph, slogan)
            continue
        text, starts = reading_text(document)
        paragraphs = reading_paragraphs(document)
        for begin, end, verb in _verbs(text, slogan):
            at = bisect.bisect_right(starts, begin) - 1
            span = span_in(paragraphs[at], begin - starts[at], end - starts[at])
            yield Violation(span, _verb_message(verb, slogan))


@data_cache
def _multiline(slogan: Slogan) -> bool:
    words = (slogan.term, *slogan.wrong_verbs, *(other.term for other in pack().slogans))
    return any("\n" in word for word in words)


def _paragraph_verbs(paragraph: Paragraph, slogan: Slogan) -> Iterator[Violation]:
    for begin, end, verb in _verbs(paragraph.text, slogan):
        yield Violation(span_in(paragraph, begin, end), _verb_message(verb, slogan))


def _verbs(text: str, slogan: Slogan) -> Iterator[tuple[int, int, str]]:
    """(start, end, verb) of each wrong verb before the slogan in ``text``: the span runs from the
    verb to the slogan's closing quote."""
    for start in occurrences(text, slogan.term):
        end = start + len(slogan.term)
        verb_end = start - 1 if start > 0 and text[start - 1] in QUOTES else start
        after = end + 1 if end < len(text) and text[end] in QUOTES else end
        if text.startswith("的", after) or not text.endswith(slogan.wrong_verbs, 0, verb_end):
            continue  # 增强“两个维护”的政治自觉: the verb governs what follows 的; or no wrong verb
        verb = next((v for v in slogan.wrong_verbs if text.endswith(v, 0, verb_end)), None)
        if verb is None or any(text.endswith(s.term, 0, verb_end) for s in pack().slogans):
            continue  # 两个确立两个维护: the “verb” is the end of the slogan before
        yield verb_end - len(verb), after, verb


def _verb_message(verb: str, slogan: Slogan) -> Text:
    right = "、".join(slogan.verbs)
    zh = f"“{verb}”不与“{slogan.term}”搭配，规范搭配为：{right}"
    en = f"“{verb}” does not collocate with “{slogan.term}”; the standard verbs are: {right}"
    return Text(zh, en)


# ---------------------------------------------------------------------------- series


def series_violations(context: RuleContext, code: str) -> Iterator[Violation]:
    """A listing of a series of rule ``code`` out of its canonical order (one finding per listing).

    The report's paragraphs are searched as one text, one line each (a line break ends a
    listing), so a series costs one regex scan per report.
    """
    text, offsets = reading_text(context.document)
    entries = [e for e in series(code) if sum(has(context.document, m) for m in e.members) >= 2]
    if not entries:
        return
    paragraphs = reading_paragraphs(context.document)
    for entry in entries:
        for start, rank, earlier in _inversions(entry, text):
            index = bisect.bisect_right(offsets, start) - 1
            column = start - offsets[index]
            member = entry.members[rank]
            span = span_in(paragraphs[index], column, column + len(member))
            yield Violation(span, _order_message(entry, member, entry.members[earlier]))


def _inversions(entry: Series, text: str) -> Iterator[tuple[int, int, int]]:
    """(start, rank, rank of the member it follows) of the first inversion in each listing."""
    ranks = _ranks(entry.members)
    listing: list[tuple[int, int]] = []
    listed: set[int] = set()
    for match in entry.finder.finditer(text):
        start, rank = match.start(), ranks[match.group()]
        if listing and rank not in listed and _joined(entry, text, listing[-1], start):
            listing.append((start, rank))
            listed.add(rank)
            continue
        if len(listing) > 1:  # one member alone is in no order
            yield from _first_inversion(listing)
        listing, listed = [(start, rank)], {rank}
    if len(listing) > 1:
        yield from _first_inversion(listing)


@data_cache
def _ranks(members: tuple[str, ...]) -> dict[str, int]:
    """Each member's rank (``Series.rank``): the first place it is listed at."""
    ranks: dict[str, int] = {}
    for rank, member in enumerate(members):
        ranks.setdefault(member, rank)
    return ranks


def _joined(entry: Series, text: str, previous: tuple[int, int], start: int) -> bool:
    """Whether the member at ``start`` continues the listing whose last member is ``previous``."""
    begin = previous[0] + len(entry.members[previous[1]])
    if start - begin > entry.max_gap:
        return False
    gap = text[begin:start]
    if "\n" in gap:
        return False
    if entry.gap_chars is None:
        return _SENTENCE_END.isdisjoint(gap)
    return _chars(entry.gap_chars).issuperset(gap)


@data_cache
def _chars(chars: str) -> frozenset[str]:
    return frozenset(chars)


def _first_inversion(listing: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int, int]]:
    highest = -1
    for start, rank in listing:
        if rank < highest:
            yield start, rank, highest
            return
        highest = max(highest, rank)


def _order_message(entry: Series, member: str, earlier: str) -> Text:
    order = "、".join(entry.members)
    zh = f"“{member}”不应在“{earlier}”之后（{entry.name.zh}：{order}）"
    en = f"“{member}” should not come after “{earlier}” ({entry.name.en or entry.name.zh}: {order})"
    return Text(zh, en)
