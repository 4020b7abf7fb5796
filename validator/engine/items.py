"""Judge a report against each checklist item: is the part there, and where?

An item passes on one heading whose title carries a heading cue, or on
``min_evidence`` distinct paragraph cues. The evidence found is kept, so the
output can point at it and rules (SEC-008) can judge the part it found.
Evidence for an item with ``after`` is looked for at or after the first
evidence of those items, when they have any.
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from itertools import accumulate
from typing import NamedTuple

from validator.checks._text import paragraphs_by_index, per_document
from validator.model import ChecklistItem, Cues, Document, Paragraph, Result, Span
from validator.safe_regex import EncodedText, PhraseSet, compile_safe

_SEARCHED_KINDS = ("body", "heading", "enum")
# Below this many phrases, one str.find each costs less than a pass of an RE2 set over the UTF-8 text.
_SET_FROM = 16


class Evidence(NamedTuple):
    """What satisfied (or partly satisfied) an item: paragraphs, their spans and the cues hit.

    A NamedTuple rather than a frozen dataclass: as immutable, and far cheaper to define at import.
    """

    paragraphs: tuple[Paragraph, ...]
    spans: tuple[Span, ...]
    cues: tuple[str, ...]
    by_heading: bool

    @property
    def first_line(self) -> int | None:
        return self.spans[0].line if self.spans else None

    @property
    def last_line(self) -> int | None:
        return self.spans[-1].line if self.spans else None


NO_EVIDENCE = Evidence((), (), (), False)


def find_evidence(document: Document, cues: Cues, not_before: int = 0) -> Evidence:
    """Every place in ``document`` (from line ``not_before`` on) where ``cues`` are met."""
    tables = _tables(document)
    if cues.scope in ("heading", "paragraph"):
        heading_hits = _heading_evidence(tables, cues, not_before)
        if heading_hits.paragraphs or cues.scope == "heading":
            return heading_hits
    return _paragraph_evidence(tables.scope(cues.scope), cues, not_before)


def expect(document: Document, items: Sequence[ChecklistItem]) -> None:
    """Tell ``document``'s tables every phrase ``items`` will look for, before they look.

    Each table then learns from one RE2 set pass which of them occur at all: most do not, and
    each ``str.find`` of one that does not scans the whole table. Evidence is the same either way.
    """
    _tables(document).expect(_phrases_by_table(items))


def item_passes(item: ChecklistItem, evidence: Evidence) -> bool:
    return evidence.by_heading or len(evidence.cues) >= item.cues.min_evidence


def item_result(item: ChecklistItem, evidence: Evidence, lang: str) -> Result:
    """The one result of a content item, pointing at its first evidence."""
    passed = bool(evidence.paragraphs) and item_passes(item, evidence)
    if passed:
        cues = evidence.cues[:3]
        default = f"线索：{'、'.join(cues)}" if lang != "en" else f"cues: {', '.join(cues)}"
        message = item.message_pass.get(lang) or default
    else:
        message = item.message_fail.get(lang) or _missing_message(item, evidence, lang)
    span = evidence.spans[0] if evidence.spans else None
    excerpt = evidence.paragraphs[0].text[:60] if evidence.paragraphs else ""
    return Result("item", item.id, "pass" if passed else "fail", item.severity, message, span, excerpt)


def _missing_message(item: ChecklistItem, evidence: Evidence, lang: str) -> str:
    """Why the item failed, in words a writer can act on: the cues found and what else would count."""
    label = item.label.get(lang)
    found, needed = evidence.cues, item.cues.min_evidence
    examples = "”“".join(_examples(item.cues, found))
    if lang == "en":
        said = f"no '{label}' found"
        if found:
            said += f" (only {len(found)} of {needed} cues: “{'”“'.join(found)}”)"
        return said + (f"; would count: “{examples}”" if examples else "")
    said = f"未找到“{label}”"
    if found:
        said += f"（仅找到 {len(found)} 个线索“{'”“'.join(found)}”，需要 {needed} 个）"
    return said + (f"；可写如“{examples}”" if examples else "")


def _examples(cues: Cues, found: Sequence[str], count: int = 3) -> list[str]:
    """Up to ``count`` plain cue phrases not yet found: headings first, since one heading suffices."""
    candidates = [*cues.headings, *cues.paragraphs] if cues.scope != "heading" else list(cues.headings)
    unique = [phrase for phrase in dict.fromkeys(candidates) if phrase not in found]
    return unique[:count]


class _Tables:
    """What every item of a report searches, built once per report: its headings and its scopes.

    A search always covers the whole report; an item's ``not_before`` only drops the hits
    before that line, because a cue met in one paragraph is met there whatever else is searched.
    """

    def __init__(self, document: Document) -> None:
        self.document = document
        by_index = paragraphs_by_index(document)  # the NUM rules ask for it too: made once per report
        headings = document.all_headings
        self.headings = _Searched(
            tuple([heading.title for heading in headings]),
            tuple([by_index[heading.paragraph] for heading in headings]),
            tuple([heading.span for heading in headings]),
        )
        self._scopes: dict[str, _Searched] = {}
        self._expected: dict[str, tuple[str, ...]] = {}

    def expect(self, phrases: dict[str, tuple[str, ...]]) -> None:
        """The phrases that will be looked for, by table: ``""`` for the headings, else a scope."""
        self._expected = phrases
        self.headings.expect(phrases.get("", ()))
        for scope, searched in self._scopes.items():
            searched.expect(phrases.get(scope, ()))

    def scope(self, scope: str) -> _Searched:
        """The paragraphs searched for the paragraph cues of ``scope`` (title, lead, document …)."""
        searched = self._scopes.get(scope)
        if searched is None:
            paragraphs = tuple(_scope_paragraphs(self.document, scope))
            searched = _Searched(
                tuple([p.text for p in paragraphs]), paragraphs, tuple([p.span for p in paragraphs])
            )
            searched.expect(self._expected.get(scope, ()))
            self._scopes[scope] = searched
        return searched


class _Searched:
    """Texts searched together, the paragraph and span each stands for, and the haystack they make."""

    __slots__ = ("_absent", "_expected", "found", "haystack", "paragraphs", "spans")

    def __init__(
        self, texts: tuple[str, ...], paragraphs: tuple[Paragraph, ...], spans: tuple[Span, ...]
    ) -> None:
        self.haystack = _Haystack(texts)
        self.paragraphs = paragraphs
        self.spans = spans
        # by cues: an item searched again from a later line (``after``) reuses its first search
        self.found: dict[tuple[tuple[str, ...], tuple[str, ...]], list[tuple[int, dict[str, str]]]] = {}
        self._expected: tuple[str, ...] = ()
        self._absent: frozenset[str] | None = None  # the expected phrases that occur nowhere, once known

    def expect(self, phrases: tuple[str, ...]) -> None:
        """The phrases these texts will be searched for (which occur is found on the first search)."""
        if phrases != self._expected:
            self._expected, self._absent = phrases, None

    def absent(self) -> frozenset[str]:
        """The expected phrases that occur nowhere in these texts (none known: an empty set)."""
        absent = self._absent
        if absent is None:
            expected = self._expected  # one read: another thread may expect other phrases meanwhile
            present = None
            if len(expected) >= _SET_FROM:
                present = _phrase_set(expected).occurring(self.haystack.encoded.data)
            absent = self._absent = frozenset() if present is None else frozenset(expected) - present
        return absent  # phrases that occur nowhere here, whoever expected them

    def evidence(
        self, phrases: tuple[str, ...], patterns: tuple[str, ...], not_before: int, *, by_heading: bool
    ) -> Evidence:
        """The cues found in these texts, on line ``not_before`` or later."""
        found = self.found.get((phrases, patterns))
        if found is None:
            absent = self.absent()
            wanted = [phrase for phrase in phrases if phrase not in absent] if absent else phrases
            found = self.found[phrases, patterns] = _find_in(self.haystack, wanted, patterns)
        spans, paragraphs = self.spans, self.paragraphs
        hits = [(paragraphs[i], spans[i], matched) for i, matched in found if spans[i].line >= not_before]
        return _evidence(hits, by_heading=by_heading)


@per_document
def _tables(document: Document) -> _Tables:
    """The tables of ``document``, kept for the report being checked (every item of it asks)."""
    return _Tables(document)


_last_phrases: list[tuple[Sequence[ChecklistItem], dict[str, tuple[str, ...]]]] = []


def _phrases_by_table(items: Sequence[ChecklistItem]) -> dict[str, tuple[str, ...]]:
    """Every phrase ``items`` surely look for, by table (``""``: the headings; else a scope), each once.

    An item of scope ``paragraph`` looks at paragraphs only when no heading has its cues, so its
    paragraph phrases are left out: the set would scan the report for phrases nobody asks about.

    Kept for the last checklist's items (one read: another thread may replace it), since every
    report of a run asks about the same few checklists.
    """
    entry = _last_phrases[0] if _last_phrases else None
    if entry is not None and entry[0] is items:
        return entry[1]
    tables: dict[str, dict[str, None]] = {}
    for item in items:
        cues = item.cues
        if cues.scope in ("heading", "paragraph"):
            tables.setdefault("", {}).update(dict.fromkeys(cues.headings))
        else:
            tables.setdefault(cues.scope, {}).update(dict.fromkeys(cues.paragraphs))
    phrases = {table: tuple(found) for table, found in tables.items()}
    _last_phrases[:] = [(items, phrases)]
    return phrases


@functools.lru_cache(maxsize=64)
def _phrase_set(phrases: tuple[str, ...]) -> PhraseSet:
    return PhraseSet(phrases)


def _heading_evidence(tables: _Tables, cues: Cues, not_before: int) -> Evidence:
    return tables.headings.evidence(cues.headings, cues.heading_patterns, not_before, by_heading=True)


def _paragraph_evidence(searched: _Searched, cues: Cues, not_before: int) -> Evidence:
    return searched.evidence(cues.paragraphs, cues.paragraph_patterns, not_before, by_heading=False)


def _find(
    texts: Sequence[str], phrases: Iterable[str], patterns: Iterable[str]
) -> list[tuple[int, dict[str, str]]]:
    """(index, cues met with the text that met each) for every text where some cue is met.

    Everything is searched in the joined text, once per cue: most cues occur
    nowhere in a report, and one search of the whole text is far cheaper than
    one per paragraph. A phrase has no line break, so its occurrences in the
    joined text are occurrences in one paragraph. A pattern runs once over the
    joined text (encoded to UTF-8 once for all patterns, in multi-line mode so
    that ``^`` and ``$`` mean a paragraph's start and end), and each paragraph
    takes its first match; a pattern that could behave differently there (one
    that matched across a line break, an empty match, ``\\A``/``\\z``) is
    searched paragraph by paragraph instead, as before, so results never change.
    """
    return _find_in(_Haystack(tuple(texts)), phrases, patterns)


def _find_in(
    haystack: _Haystack, phrases: Iterable[str], patterns: Iterable[str]
) -> list[tuple[int, dict[str, str]]]:
    """``_find`` in texts already joined."""
    joined, starts = haystack.text, haystack.starts
    found: dict[int, dict[str, str]] = {}
    for phrase in phrases:
        at = joined.find(phrase)
        while at != -1:
            index = bisect_right(starts, at) - 1
            found.setdefault(index, {})[phrase] = phrase
            at = joined.find(phrase, starts[index + 1])
    single = len(haystack.texts) == 1 and "\n" not in joined  # the title, a one-paragraph lead
    for pattern in patterns:
        hits = _pattern_hit_in_one(joined, pattern) if single else _pattern_hits(haystack, pattern)
        if hits is None:
            hits = _pattern_hits_by_paragraph(haystack.texts, joined, pattern)
        for index, shown in hits.items():
            found.setdefault(index, {})[pattern] = shown
    return sorted(found.items())


class _Haystack:
    """Texts joined by line breaks, where each starts, and the joined text encoded once."""

    __slots__ = ("_encoded", "starts", "text", "texts")

    def __init__(self, texts: tuple[str, ...]) -> None:
        self.texts = texts
        self.text = "\n".join(texts)
        self.starts = [0, *accumulate([len(text) + 1 for text in texts])]
        self._encoded: EncodedText | None = None

    @property
    def encoded(self) -> EncodedText:
        """The joined text in UTF-8, encoded on the first pattern search (phrases never need it)."""
        if self._encoded is None:
            self._encoded = EncodedText(self.text)
        return self._encoded


def _pattern_hits(haystack: _Haystack, pattern: str) -> dict[int, str] | None:
    """First match per paragraph from one pass over the joined text; None when that pass can't say."""
    if not _joinable(pattern):
        return None
    starts, text = haystack.starts, haystack.text
    hits: dict[int, str] = {}
    for start, end in haystack.encoded.spans(compile_safe(f"(?m){pattern}")):
        index = bisect_right(starts, start) - 1
        if end >= starts[index + 1] or start == end:  # ran into the line break, or matched nothing
            return None
        if index not in hits:
            hits[index] = text[start:end][:20]
    return hits


@functools.lru_cache(maxsize=1024)
def _joinable(pattern: str) -> bool:
    """Whether a pattern's matches in the joined text are its matches in each paragraph."""
    if any(mark in pattern for mark in ("\\A", "\\z", "(?-", "(?s", "(?U")):
        return False
    return compile_safe(pattern).search("") is None


def _pattern_hits_by_paragraph(texts: Sequence[str], joined: str, pattern: str) -> dict[int, str]:
    hits: dict[int, str] = {}
    if not compile_safe(f"(?m){pattern}").search(joined):
        return hits
    for index, text in enumerate(texts):
        shown = _first_match(text, pattern)
        if shown is not None:
            hits[index] = shown
    return hits


def _pattern_hit_in_one(text: str, pattern: str) -> dict[int, str]:
    """``_pattern_hits_by_paragraph`` of one paragraph, with one search (its joined text is itself)."""
    shown = _first_match(text, pattern)
    return {} if shown is None else {0: shown}


def _first_match(text: str, pattern: str) -> str | None:
    """The first match of ``pattern`` in one paragraph's ``text`` as shown (the pattern itself when
    it is empty), or None."""
    match = compile_safe(pattern).search(text)
    return (match.group(0)[:20] or pattern) if match else None


def _evidence(hits: Sequence[tuple[Paragraph, Span, dict[str, str]]], *, by_heading: bool) -> Evidence:
    """Evidence from the hits; each cue (a phrase or a pattern) counts once, shown as first matched."""
    if not hits:
        return NO_EVIDENCE
    shown: dict[str, str] = {}
    for _, _, matched in hits:
        for cue, text in matched.items():
            shown.setdefault(cue, text)
    return Evidence(
        tuple(p for p, _, _ in hits), tuple(s for _, s, _ in hits), tuple(shown.values()), by_heading
    )


def _scope_paragraphs(document: Document, scope: str) -> list[Paragraph]:
    if scope == "title":
        return [document.title] if document.title else []
    if scope == "lead":
        return _before_first_heading(document)
    if scope == "document":
        return list(document.paragraphs)
    return [p for p in document.paragraphs if p.kind in _SEARCHED_KINDS]


def _before_first_heading(document: Document) -> list[Paragraph]:
    """The lead: body paragraphs between the title and the first heading."""
    lead = []
    for paragraph in document.paragraphs:
        if paragraph.kind in ("heading", "enum"):
            break
        if paragraph.kind == "body":
            lead.append(paragraph)
    return lead
