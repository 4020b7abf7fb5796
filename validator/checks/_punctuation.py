"""Helpers shared by the PUN and HYG rules: character classes, markers, question clauses, data packs.

What counts as "Chinese text" around a mark decides whether a halfwidth comma is a slip
(``同时,要``) or belongs to a number, a URL or an English phrase (``1,000``, ``http://``,
``Hello, world``). A character is *CJK* here when it is a Chinese character or a mark that
only Chinese text uses (fullwidth punctuation, Chinese quotes and brackets).

Heading markers (``一、`` ``（一）`` ``1.``) and enumeration markers (``一是``) belong to the
NUM rules; the punctuation rules step over them so that one slip is reported once.

The HYG rules read word lists from ``rules/data``; each list becomes one RE2 alternation
(longest words first), so a paragraph is scanned once however long the list grows, and
``compile_safe`` keeps a pattern from a data file from hanging a run.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

from validator.datapack import data_cache, load_data
from validator.model import Document, Paragraph, Severity, Text
from validator.safe_regex import SafePattern, compile_lazy

from ._census import has_any, occurs, provides
from ._text import (
    contains,
    lazy,
    per_document,
    reading_bytes,
    reading_paragraphs,
    reading_text,
    text_paragraphs,
)

# Chinese characters: CJK Unified Ideographs, Extension A, Compatibility Ideographs, and the
# supplementary planes (Extensions B…); 〇 is the Chinese zero.
_HAN_RANGES = (
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x3FFFF),
)

# Marks that only Chinese text uses: CJK symbols and punctuation (、。《》「」【】…), fullwidth
# forms (，：；！？（）), Chinese quotes, the ellipsis, the dash and the middle dot.
_CJK_MARKS = (
    frozenset("“”‘’…—·")
    | {chr(c) for c in range(0x3001, 0x3040)}
    | {chr(c) for c in range(0xFF01, 0xFF61) if not chr(c).isalnum()}
)


def is_han(char: str) -> bool:
    """Whether ``char`` is a Chinese character (〇 included)."""
    if not char:
        return False
    code = ord(char)
    return char == "〇" or any(low <= code <= high for low, high in _HAN_RANGES)


def is_cjk(char: str) -> bool:
    """Whether ``char`` belongs to Chinese text: a Chinese character or a Chinese-only mark."""
    return bool(char) and (char in _CJK_MARKS or is_han(char))


def is_ascii_alnum(char: str) -> bool:
    return bool(char) and char.isascii() and char.isalnum()


def before(text: str, index: int) -> str:
    """The character before ``text[index]`` ('' at the start)."""
    return text[index - 1] if index > 0 else ""


def after(text: str, index: int) -> str:
    """The character at ``text[index]`` ('' past the end)."""
    return text[index] if index < len(text) else ""


# ---------------------------------------------------------------------------- joined text


class Joined(NamedTuple):
    """A report's readable paragraphs joined by newlines, to search once instead of per paragraph.

    Rules run one after another on the same report, so the last one built is kept: every rule
    of the family shares it. A cheap ``in`` test on ``text`` lets a rule skip a report that
    cannot hold what it looks for (most reports hold no ``##paidend##``), and one search over
    ``text`` replaces hundreds of calls, each with its own overhead.
    """

    document: Document
    text: str
    paragraphs: tuple[Paragraph, ...]
    starts: tuple[int, ...]  # offset in ``text`` of each paragraph

    def locate(self, start: int, end: int) -> tuple[Paragraph, int, int] | None:
        """The paragraph holding ``text[start:end]`` and the offsets in it (None across a break)."""
        index = bisect.bisect_right(self.starts, start) - 1
        paragraph = self.paragraphs[index]
        offset = self.starts[index]
        if end - offset > len(paragraph.text):
            return None
        return paragraph, start - offset, end - offset

    def contains_any(self, needles: Iterable[str]) -> bool:
        return has_any(self.document, needles)


def located(
    whole: Joined, pattern: SafePattern | re.Pattern[str]
) -> Iterator[tuple[Paragraph, int, int, str]]:
    """Each match of ``pattern`` in the joined text: its paragraph, offsets there, and the text."""
    for start, end in _spans(whole, pattern):
        place = whole.locate(start, end) if end > start else None
        if place is not None:
            yield place[0], place[1], place[2], whole.text[start:end]


def _spans(whole: Joined, pattern: SafePattern | re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """(start, end) of each match in the joined text; an RE2 pattern searches its UTF-8 encoding,
    made once per report (searching the str would encode the whole text again per pattern)."""
    if isinstance(pattern, re.Pattern):
        return ((match.start(), match.end()) for match in pattern.finditer(whole.text))
    return reading_bytes(whole.document).spans(pattern)


@per_document
def joined(document: Document) -> Joined:
    """The joined text of ``text_paragraphs(document)`` (the title included), built once per report."""
    text, starts = reading_text(document)
    return Joined(document, text, reading_paragraphs(document), starts)


# ---------------------------------------------------------------------------- markers


def marker_ranges(document: Document) -> dict[int, list[tuple[int, int]]]:
    """Per paragraph index, the offsets ``(start, end)`` of its heading and enumeration markers.

    The range reaches one character past the marker, so that a stray mark right after it
    (``（一）、``) is left to the NUM rules too.
    """
    columns = {paragraph.index: paragraph.span.column for paragraph in document.paragraphs}
    ranges: dict[int, list[tuple[int, int]]] = {}
    for heading in document.all_headings:
        if not heading.marker or heading.paragraph not in columns:
            continue
        start = heading.marker_span.column - columns[heading.paragraph]
        end = heading.marker_span.end_column - columns[heading.paragraph] + 1
        ranges.setdefault(heading.paragraph, []).append((start, end))
    return ranges


def in_ranges(index: int, ranges: list[tuple[int, int]]) -> bool:
    """Whether ``index`` lies in one of ``ranges`` (ascending and not overlapping: bisected, so a
    line of 10^5 book titles costs no scan of them all per mark)."""
    at = bisect.bisect_right(ranges, index, key=lambda found: found[0])
    return at > 0 and index < ranges[at - 1][1]


def paragraphs_with_markers(document: Document) -> Iterator[tuple[Paragraph, list[tuple[int, int]]]]:
    """Every paragraph a reader reads (title included), with its marker ranges."""
    markers = marker_ranges(document)
    for paragraph in text_paragraphs(document):
        yield paragraph, markers.get(paragraph.index, [])


# ---------------------------------------------------------------------------- book titles


_book_title = lazy(r"《[^《》\n]*》")


def book_titles(text: str) -> list[tuple[int, int]]:
    """The offsets ``(start, end)`` of every innermost 《…》 in ``text``, marks included."""
    return [match.span() for match in _book_title().finditer(text)] if "《" in text else []


# ---------------------------------------------------------------------------- question marks

# Words that make a clause a question (吗/呢…, 为什么/怎么/如何…, 是否/能否, A不A, 还是).
_question_word = lazy(
    r"[吗呢么吧谁哪几岂]|什么|为何|何以|何时|何处|如何|怎|是否|能否|可否|难道|多少|还是|"
    r"有没有|是不是|要不要|会不会|能不能|([\u4e00-\u9fff])不\1"
)
# Where the clause that a question mark closes begins.
_CLAUSE_BREAK = "。！？!?；;，,、：:“”‘’《》（）()\n"


def is_stray_question_mark(text: str, index: int) -> bool:
    """Whether the ``？``/``?`` at ``index`` sits between two Chinese characters outside a question.

    Such a mark is almost always a lost middle dot (学思想·强党性 → 学思想？强党性) that a
    code-page conversion turned into a question mark. A clause with a question word (吗, 什么,
    如何, 是否, A不A …) is a real question and is never reported.
    """
    if not (is_han(before(text, index)) and is_han(after(text, index + 1))):
        return False
    start = index
    while start > 0 and text[start - 1] not in _CLAUSE_BREAK:
        start -= 1
    return _question_word().search(text, start, index) is None


# ---------------------------------------------------------------------------- data packs


def data(name: str) -> dict[str, Any]:
    """The pack ``rules/data/<name>.yaml`` as a mapping (read once by ``load_data``)."""
    loaded = load_data(name)
    if not isinstance(loaded, dict):
        raise TypeError(f"rules/data/{name}.yaml: expected a mapping at the top level")
    return loaded


def strings(value: object) -> list[str]:
    """A YAML list of strings (or one string, or nothing) as a list."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, Iterable):
        return [str(item) for item in value]
    raise TypeError(f"expected a list of strings, got {value!r}")


@functools.lru_cache(maxsize=64)
def alternation(words: tuple[str, ...]) -> SafePattern:
    """One pattern matching any of ``words``, the longest first."""
    ordered = sorted(set(words), key=lambda word: (-len(word), word))
    return compile_lazy("|".join(re.escape(word) for word in ordered))


# ---------------------------------------------------------------------------- scrape artefacts


class Artefact(NamedTuple):
    """One entry of ``rules/data/scrape_artefacts.yaml``."""

    id: str
    label: Text
    pattern: SafePattern
    severity: Severity
    markdown: bool = True
    truncates: bool = False
    anchors: tuple[str, ...] = ()

    def may_occur_in(self, text: str) -> bool:
        return not self.anchors or any(contains(text, anchor) for anchor in self.anchors)


@data_cache
def artefacts() -> tuple[Artefact, ...]:
    entries = []
    for raw in data("scrape_artefacts")["artefacts"]:
        label = raw.get("label", {})
        severity: Severity = "warning" if raw.get("severity") == "warning" else "error"
        entries.append(
            Artefact(
                id=str(raw["id"]),
                label=Text(str(label.get("zh", raw["id"])), str(label.get("en", raw["id"]))),
                pattern=compile_lazy(str(raw["pattern"])),
                severity=severity,
                markdown=bool(raw.get("markdown", True)),
                truncates=bool(raw.get("truncates", False)),
                anchors=tuple(strings(raw.get("anchors"))),
            )
        )
    return tuple(entries)


@provides
def _patterns() -> list[SafePattern]:
    return [artefact.pattern for artefact in artefacts()]


def find_artefacts(
    text: str, markdown: bool, document: Document | None = None
) -> Iterator[tuple[int, int, Artefact]]:
    """Every artefact in ``text``: start and end offsets, and which kind it is.

    ``document``: ``text`` is the document's joined text, so the census tells which artefacts
    occur at all.
    """
    for artefact in artefacts():
        if markdown and not artefact.markdown:
            continue
        if document is not None and not occurs(document, artefact.pattern):
            continue
        if not artefact.may_occur_in(text):
            continue
        for match in artefact.pattern.finditer(text):
            if match.end() > match.start():
                yield match.start(), match.end(), artefact
