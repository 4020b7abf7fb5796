"""Which patterns and words occur in a report, found in one RE2 pass shared by the rules.

Most reports hold none of the placeholders, scrape artefacts, typos and colloquialisms of
``rules/data``, few of the timeline's events and few of the words the TERM rules look for, yet
asking each pattern on its own costs a pass over the report (RE2 also encodes the text to UTF-8
for every search, and a Python search for a word of two or more characters is slow). An RE2 set
answers for all of them at once; a rule then searches only with what occurs, and gets the same
findings as if it had tried everything.

Modules register what they ask about: ``@provides`` functions list patterns (a data pack's
compiled ones, or RE2 sources of a rule's quick test), ``@provides_needles`` functions and
``register_needles`` list words for ``has``. The set is built from all of them the first time a
report is asked about (when a run checks, every rule module is imported by then). A pattern or
word that is not in the set (its module registered later, or its data pack failed to load: its
rule reports that) is searched on its own, so no answer depends on the set.

Unlike a single regex, an RE2 set has no NFA to fall back on, so its DFA never gives up on a
long text (it flushes its cache and goes on); a memory budget too small for it fails at
``Compile``, and then everything is searched on its own.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from validator.datapack import data_cache
from validator.model import Document, Paragraph
from validator.safe_regex import SafePattern, compile_safe, literal, search_set

from ._text import contains, per_document, reading_bytes, reading_paragraphs, reading_text

# A function that lists patterns: compiled ones (the data packs') or RE2 sources (a rule's quick
# tests); or, registered with ``provides_needles``, words that ``has`` is asked about.
Provider = Callable[[], Iterable["SafePattern | str"]]
NeedleProvider = Callable[[], Iterable[str]]
_PROVIDERS: list[tuple[bool, Provider | NeedleProvider]] = []  # (lists needles, function)


def provides(function: Provider) -> Provider:
    """Register ``function`` (which lists patterns) for the set; returns it unchanged."""
    _PROVIDERS.append((False, function))
    return function


def provides_needles(function: NeedleProvider) -> NeedleProvider:
    """Register ``function`` (which lists words) so that the census answers ``has`` for them."""
    _PROVIDERS.append((True, function))
    return function


def register_needles(*words: str) -> None:
    """Register fixed ``words`` so that the census answers ``has`` for them."""
    provides_needles(lambda: words)


def _source(pattern: SafePattern | str) -> str:
    return pattern if isinstance(pattern, str) else pattern.pattern


class _Scanner(NamedTuple):
    scanner: Any  # the compiled re2.Set; None when RE2 refused it
    sources: dict[str, int]  # each pattern's source → its index in the set
    needles: dict[str, int]  # each registered word → the index of its literal pattern


@data_cache
def _scanner(providers: int) -> _Scanner:
    """The compiled set of the first ``providers`` functions' patterns and words."""
    import re2

    scanner = search_set()
    index: dict[str, int] = {}
    needles: dict[str, int] = {}
    for lists_needles, provider in _PROVIDERS[:providers]:
        try:
            items = list(provider())
        except Exception:  # a broken data pack: its rule raises the error when it loads the pack
            continue
        for item in items:
            source = literal((item,)) if lists_needles and isinstance(item, str) else _source(item)
            position = index.get(source)
            if position is None:
                try:
                    position = index[source] = scanner.Add(source)
                except re2.error:
                    continue  # searched on its own
            if lists_needles and isinstance(item, str):
                needles[item] = position
    try:
        scanner.Compile()
    except re2.error:
        return _Scanner(None, {}, {})
    return _Scanner(scanner, index, needles)


class _Census(NamedTuple):
    sources: dict[str, int]  # each pattern's source → its index in the set
    matched: frozenset[int]  # the indexes of the patterns that match the report
    present: dict[str, bool]  # whether the report holds a word (registered ones, then as asked)


@per_document
def _census(document: Document) -> _Census:
    """What the set finds in the report's joined text."""
    state = _scanner(len(_PROVIDERS))
    if state.scanner is None or not state.sources:
        return _Census({}, frozenset(), {})
    matched = frozenset(state.scanner.Match(reading_bytes(document).data) or ())
    return _Census(state.sources, matched, {word: at in matched for word, at in state.needles.items()})


def occurs(document: Document, pattern: SafePattern | str) -> bool:
    """Whether ``pattern`` (compiled, or an RE2 source) matches somewhere in the joined
    ``text_paragraphs`` of ``document``; True also for a source RE2 refuses (the caller looks closer).
    """
    census = _census(document)
    position = census.sources.get(_source(pattern))
    if position is not None:
        return position in census.matched
    if isinstance(pattern, str):
        try:
            pattern = compile_safe(pattern)
        except ValueError:
            return True
    return pattern.search(reading_text(document)[0]) is not None


def has(document: Document, needle: str) -> bool:
    """Whether the joined ``text_paragraphs`` hold ``needle``: told by the census for a registered
    word, else looked for; remembered for the report (rules share)."""
    present = _census(document).present
    found = present.get(needle)  # inline rather than ``_holds``: rules ask this over a hundred times a report
    if found is None:
        found = present[needle] = contains(reading_text(document)[0], needle)
    return found


def has_any(document: Document, needles: Iterable[str]) -> bool:
    """Whether the joined ``text_paragraphs`` hold one of ``needles`` (the census read once for all)."""
    present = _census(document).present
    return any(_holds(document, present, needle) for needle in needles)


def _holds(document: Document, present: dict[str, bool], needle: str) -> bool:
    found = present.get(needle)
    if found is None:
        found = present[needle] = contains(reading_text(document)[0], needle)
    return found


def paragraphs_with(document: Document, needles: Iterable[str]) -> list[Paragraph]:
    """The paragraphs of ``text_paragraphs`` that hold one of ``needles``, in order.

    Found with ``str.find`` in the joined text (a fast search, not a test per paragraph); a needle
    that holds a line break may add a paragraph that does not hold it, so callers test again.
    """
    paragraphs = reading_paragraphs(document)
    found: set[int] = set()
    for needle in needles:
        if not needle:
            return list(paragraphs)
        if has(document, needle):
            found.update(_holding(document, needle))
    return [paragraphs[position] for position in sorted(found)]


@per_document
def _holders(document: Document) -> dict[str, tuple[int, ...]]:
    return {}


def _holding(document: Document, needle: str) -> tuple[int, ...]:
    """The positions in ``reading_paragraphs`` of the paragraphs that hold ``needle`` (remembered)."""
    memo = _holders(document)
    positions = memo.get(needle)
    if positions is None:
        text, starts = reading_text(document)
        found = []
        at = text.find(needle)
        while at >= 0:
            position = bisect.bisect_right(starts, at) - 1
            found.append(position)
            following = starts[position + 1] if position + 1 < len(starts) else len(text)
            at = text.find(needle, max(at + 1, following))  # the next paragraph that holds it
        positions = memo[needle] = tuple(found)
    return positions
