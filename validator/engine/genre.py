"""Which checklist fits a report — or none, and why.

A document repository holds many kinds of text besides the reports a checklist
describes: notices, minutes, news items, resolutions, 心得体会, lectures, survey
reports, the project's own Markdown. Judging them against a report's checklist
fails every one of them, so detection must be able to say "none":

1. The title names a kind of text that no checklist fits (…的通知, 会议纪要,
   决议, 心得体会, 党课讲稿, 调研报告 …; ``rules/data/genres.yaml``): none.
2. The title names a checklist's genre: a ``detect.title`` pattern whose match
   reaches the end of the title (the genre noun ends a title; a bracketed note
   such as （讨论稿） may follow). When several do, the longest match wins (the
   more specific genre, e.g. a plugin's university report over annual-report),
   then the most body cues, then the checklist registered first.
3. Otherwise the body must show the genre itself: at least ``detect.min_cues``
   distinct ``detect.text`` patterns, and none of the marks of another kind of
   text (a news lead, a notice's 特此通知, minutes' 会议指出, a resolution's
   （…大会通过）, inline code …). The most cues win; ties go to the first.
4. Otherwise: no checklist, and only the rules run.

Every answer carries its basis, in words a reader can check against the text
(标题“对照检查材料”; 正文有通知的标记“特此通知”). The body is searched once per
checklist with an RE2 set of all its cue patterns, and once for all the marks.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any, NamedTuple

from validator.datapack import data_cache, load_data
from validator.model import Checklist, Document, Text
from validator.safe_regex import SafePattern, compile_safe, search_set, set_takes

# What may follow the genre noun at the end of a title: a bracketed note, spaces, a full stop.
_TITLE_TAIL = r"[\s\x{3000}]*(?:[（(【〔\[][^）)】〕\]]{0,40}[）)】〕\]])?[\s\x{3000}。.]*$"
_TITLE_CONTINUATION_MAX = 60
_SNIPPET_MAX = 16


class GenreChoice(NamedTuple):
    """The checklist detection chose (None: no checklist fits) and the basis of the choice.

    This and ``OtherKind`` are NamedTuples rather than frozen dataclasses: as immutable, and far
    cheaper to define at import.
    """

    checklist: Checklist | None
    basis: Text


class OtherKind(NamedTuple):
    """A kind of text no built-in checklist fits, with the marks that give it away."""

    id: str
    name: Text
    title_patterns: tuple[str, ...]
    text_patterns: tuple[str, ...]


def detect_genre(document: Document, checklists: Sequence[Checklist]) -> GenreChoice:
    """The checklist whose genre the report is, or none; see the module docstring."""
    for title in title_texts(document):  # the title line, then with its second line
        other = _other_kind_in_title(title)
        if other is not None:
            kind, found = other
            return GenreChoice(
                None, _basis("标题是{kind}（“{found}”）", 'the title names a {kind} ("{found}")', kind, found)
            )
        by_title = _title_matches(title, checklists)
        if by_title:
            checklist, _, found = by_title[_most_specific(by_title, document)]
            return GenreChoice(checklist, Text(f"标题“{found}”", f'title "{found}"'))
    body = _body_text(document)  # joined only now: most reports are told by their title
    mark = _other_kind_mark(body)
    if mark is not None:
        kind, found = mark
        return GenreChoice(
            None,
            _basis("正文有{kind}的标记“{found}”", 'the text has a mark of a {kind}: "{found}"', kind, found),
        )
    return _by_body(body, checklists)


def forced_choice(checklist: Checklist | None) -> GenreChoice:
    """A choice made by ``--checklist`` or the configuration rather than by detection."""
    if checklist is None:
        return GenreChoice(None, Text("已指定不用检查清单", "no checklist, as configured"))
    return GenreChoice(checklist, Text("指定", "as configured"))


def title_texts(document: Document) -> tuple[str, ...]:
    """The report's title, and the title with its second line when it may be split over two.

    Official titles are often set as the issuing body on one line and 关于…的通报 on the
    next; the next paragraph counts when it is short and reads as a title. The title
    alone is tried first, so that a short line under a complete title (a date, a name)
    does not hide it.
    """
    if document.title is None:
        return ()
    text = document.title.text.strip()
    following = _paragraph_after(document, document.title.index)
    if following is not None and _reads_as_title(following):
        return (text, text + following)
    return (text,)


def _paragraph_after(document: Document, index: int) -> str | None:
    for position, paragraph in enumerate(document.paragraphs):
        if paragraph.index == index:
            after = document.paragraphs[position + 1 : position + 2]
            return after[0].text.strip() if after and after[0].kind == "body" else None
    return None


def _reads_as_title(text: str) -> bool:
    return 0 < len(text) <= _TITLE_CONTINUATION_MAX and text[-1] not in "。！？；：:，,、…"


def _title_matches(title: str, checklists: Sequence[Checklist]) -> list[tuple[Checklist, int, str]]:
    """The checklists that name their genre at the end of ``title``.

    Each with the length of its longest match (how specific it is) and the match of its
    first pattern that matches (the genre noun its author listed first, shown as the basis).
    """
    found: dict[int, tuple[Checklist, int, str]] = {}  # by the checklist's position
    owners = [order for order, checklist in enumerate(checklists) for _ in checklist.detection.title_patterns]
    patterns = tuple(pattern for checklist in checklists for pattern in checklist.detection.title_patterns)
    for index in _title_candidates(title, patterns):
        match = _title_regex(patterns[index]).search(title)
        if match is not None:
            checklist, length, first = found.get(
                owners[index], (checklists[owners[index]], 0, match.group(1))
            )
            found[owners[index]] = (checklist, max(length, len(match.group(1))), first)
    return list(found.values())


def _most_specific(by_title: list[tuple[Checklist, int, str]], document: Document) -> int:
    """The position of the title's checklist: the longest match, then the most cues, then the first.

    The cues are counted (in the body, joined for it) only when several matches are equally long.
    """
    longest = max(length for _, length, _ in by_title)
    tied = [order for order, (_, length, _) in enumerate(by_title) if length == longest]
    if len(tied) == 1:
        return tied[0]
    cues = _cues_found(_body_text(document), [by_title[order][0] for order in tied])
    return max(zip(tied, cues, strict=True), key=lambda entry: (len(entry[1]), -entry[0]))[0]


def _by_body(body: str, checklists: Sequence[Checklist]) -> GenreChoice:
    found = list(zip(checklists, _cues_found(body, checklists), strict=True))
    scored = [
        (len(cues), -order, checklist, cues)
        for order, (checklist, cues) in enumerate(found)
        if len(cues) >= max(checklist.detection.min_cues, 1)
    ]
    if not scored:
        return GenreChoice(
            None, Text("标题未写明文种，正文线索不足", "no genre in the title, too few cues in the text")
        )
    _count, _order, checklist, cues = max(scored, key=lambda entry: (entry[0], entry[1]))
    snippets = [_snippet(body, checklist.detection.text_patterns[index]) for index in cues[:3]]
    words = "、".join(f"“{snippet}”" for snippet in snippets)
    english = ", ".join(f'"{snippet}"' for snippet in snippets)
    return GenreChoice(
        checklist, Text(f"正文线索{len(cues)}处：{words}等", f"{len(cues)} cues in the text: {english} …")
    )


def _cues_found(body: str, checklists: Sequence[Checklist]) -> list[list[int]]:
    """For each checklist, the indexes of its text patterns found in ``body``: one RE2 set search
    for all of them (one per checklist cost a pass over the body each)."""
    patterns = tuple(pattern for checklist in checklists for pattern in checklist.detection.text_patterns)
    hits = sorted(_pattern_set(patterns).Match(_utf8(body)) or ()) if patterns and body else []
    found: list[list[int]] = []
    first = 0  # the index in ``patterns`` of the checklist's first pattern
    for checklist in checklists:
        end = first + len(checklist.detection.text_patterns)
        found.append([hit - first for hit in hits if first <= hit < end])
        first = end
    return found


def _other_kind_in_title(title: str) -> tuple[str, str] | None:
    kinds = other_kinds()
    owners = [kind for kind in kinds for _ in kind.title_patterns]
    patterns = tuple(pattern for kind in kinds for pattern in kind.title_patterns)
    for index in _title_candidates(title, patterns):
        match = _title_regex(patterns[index]).search(title)
        if match is not None:
            return owners[index].name.zh, match.group(1)
    return None


def _other_kind_mark(body: str) -> tuple[str, str] | None:
    """The first kind of other text whose marks the body carries, with the mark found."""
    kinds = other_kinds()
    owners = [kind for kind in kinds for _ in kind.text_patterns]
    patterns = tuple(pattern for kind in kinds for pattern in kind.text_patterns)
    hits = sorted(_pattern_set(patterns).Match(_utf8(body)) or ()) if body and patterns else []
    if not hits:
        return None
    return owners[hits[0]].name.zh, _snippet(body, patterns[hits[0]])


def _basis(zh: str, en: str, kind: str, found: str) -> Text:
    english = next((k.name.en for k in other_kinds() if k.name.zh == kind), kind)
    return Text(zh.format(kind=kind, found=found), en.format(kind=english, found=found))


def _snippet(body: str, pattern: str) -> str:
    match = compile_safe(f"(?m){pattern}").search(body)
    text = match.group(0).strip() if match is not None else ""
    return text if len(text) <= _SNIPPET_MAX else text[: _SNIPPET_MAX - 1] + "…"


def _body_text(document: Document) -> str:
    """The report's paragraphs but its title, one per line (cues use ^ and $ per paragraph)."""
    title_index = document.title.index if document.title else -1
    return "\n".join([p.text for p in document.paragraphs if p.index != title_index])


@functools.lru_cache(maxsize=1)
def _utf8(body: str) -> bytes:
    """The body in UTF-8, encoded once for the set searches of one report (the sets take bytes)."""
    return body.encode("utf-8")


@functools.lru_cache(maxsize=256)
def _title_regex(pattern: str) -> SafePattern:
    """A title pattern anchored at the end of the title (a bracketed note may follow)."""
    return compile_safe(f"((?:{pattern})){_TITLE_TAIL}")


def _title_candidates(title: str, patterns: tuple[str, ...]) -> list[int]:
    """Indexes of the title patterns that may match at the end of ``title``, in order.

    Compiling every title pattern with its tail took most of a first check (RE2 builds each
    one's automaton on first use): one set of the bare patterns says which occur in the title at
    all, and only those are compiled with the tail. A pattern the set could not take is always
    a candidate, so that it fails (or matches) just where it did before.
    """
    if not patterns:
        return []
    pattern_set, refused = _bare_set(patterns)
    return sorted({*(pattern_set.Match(title) or ()), *refused})


@functools.lru_cache(maxsize=16)
def _bare_set(patterns: tuple[str, ...]) -> tuple[Any, frozenset[int]]:
    """An RE2 set of ``patterns`` as written, and the indexes of those it refused.

    A pattern's match with the title tail is a match of the pattern alone, so the set finds a
    superset of the title patterns that match; ``\\C`` is refused here too (``compile_safe``
    refuses it, RE2 would not).
    """
    pattern_set = search_set()
    refused: set[int] = set()
    for index, pattern in enumerate(patterns):
        if "\\C" in pattern or not set_takes(pattern_set, f"(?:{pattern})"):
            pattern_set.Add("[^\\x{0}-\\x{10FFFF}]")  # matches nothing, keeps the indexes aligned
            refused.add(index)
    pattern_set.Compile()
    return pattern_set, frozenset(refused)


@functools.lru_cache(maxsize=64)
def _pattern_set(patterns: tuple[str, ...]) -> Any:
    """An RE2 set: which of ``patterns`` occur anywhere in a text, in one pass (``^``/``$`` per line).

    Checklists' patterns were validated when they were loaded; a data pack's bad pattern gets
    the ``ValueError`` that ``compile_safe`` gives it, compiled alone only when the set refuses it
    (compiling each to validate it cost more than the set).
    """
    import re2

    pattern_set = search_set()
    for pattern in patterns:
        if "\\C" in pattern:  # RE2 takes \C, compile_safe refuses it
            compile_safe(pattern)
        try:
            pattern_set.Add(f"(?m){pattern}")
        except re2.error:
            compile_safe(pattern)  # raises the ValueError that names what is wrong
            raise
    pattern_set.Compile()
    return pattern_set


@data_cache
def other_kinds() -> tuple[OtherKind, ...]:
    """The kinds of text no built-in checklist fits (``rules/data/genres.yaml``)."""
    data = load_data("genres")
    return tuple(
        OtherKind(
            id=entry["id"],
            name=Text(entry["name"]["zh"], entry["name"]["en"]),
            title_patterns=tuple(entry.get("title", ())),
            text_patterns=tuple(entry.get("text", ())),
        )
        for entry in data["kinds"]
    )


__all__ = ["GenreChoice", "OtherKind", "detect_genre", "forced_choice", "other_kinds", "title_texts"]
