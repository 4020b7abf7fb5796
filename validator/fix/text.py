"""Apply fixes to decoded text: which fixes win when they overlap, and how often to re-check.

Rules see the text as the readers produce it (line endings ``\\n``), and a fix's
span is a line and columns in that text. Fixes of one pass must not overlap, so
they are taken in a defined order: by start, then end, then rule code, then
replacement; a fix that overlaps one already taken waits for the next pass,
when the rules have re-checked the changed text (``（一）、`` is fixed by NUM-002
and NUM-003, one after the other). Passes stop when no fix is left, when a pass
changes nothing, when the text comes back to an earlier state (two rules that
disagree), or after ``MAX_PASSES``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from validator.model import Fix

MAX_PASSES = 10


@dataclass(frozen=True)
class Edit:
    """A fix as character offsets into one text: replace ``text[start:end]`` with ``replacement``."""

    start: int
    end: int
    replacement: str
    rule: str = ""


@dataclass(frozen=True)
class Outcome:
    """The fixed text, how many fixes went in, and after how many passes."""

    text: str
    applied: int
    passes: int


def line_starts(text: str) -> list[int]:
    """The offset at which each line of ``text`` (split on ``\\n`` only) starts."""
    starts = [0]
    index = text.find("\n")
    while index >= 0:
        starts.append(index + 1)
        index = text.find("\n", index + 1)
    return starts


def to_edit(fix: Fix, text: str, starts: Sequence[int], rule: str = "") -> Edit | None:
    """The fix as offsets, or None when it cannot be applied safely (several lines, out of range)."""
    span = fix.span
    if span.line != span.end_line or not 1 <= span.line <= len(starts) or "\n" in fix.replacement:
        return None
    if "\r" in fix.replacement:
        return None
    line_start = starts[span.line - 1]
    line_end = starts[span.line] - 1 if span.line < len(starts) else len(text)
    start, end = line_start + span.column - 1, line_start + span.end_column - 1
    if not line_start <= start <= end <= line_end:
        return None
    return Edit(start, end, fix.replacement, rule)


def choose(edits: Sequence[Edit], text: str) -> list[Edit]:
    """The edits of one pass: in the defined order, each one that overlaps none taken before.

    An edit that changes nothing is dropped; two insertions at one place are
    not both taken (their order would be a guess).
    """
    taken: list[Edit] = []
    for edit in sorted(set(edits), key=lambda e: (e.start, e.end, e.rule, e.replacement)):
        if text[edit.start : edit.end] == edit.replacement:
            continue
        if taken:
            last = taken[-1]
            if edit.start < last.end or (edit.start == last.start and last.start == last.end):
                continue
        taken.append(edit)
    return taken


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """``text`` with non-overlapping ``edits`` (sorted by start) applied; everything else kept."""
    pieces: list[str] = []
    position = 0
    for edit in edits:
        pieces.append(text[position : edit.start])
        pieces.append(edit.replacement)
        position = edit.end
    pieces.append(text[position:])
    return "".join(pieces)


def fix_text(
    text: str,
    find: Callable[[str], Sequence[tuple[str, Fix]]],
    max_passes: int = MAX_PASSES,
) -> Outcome:
    """Apply what ``find`` proposes for the text (``(rule code, fix)`` pairs) until nothing is left.

    ``find`` re-checks the text of each pass; it already leaves out the fixes not
    wanted (unsafe ones without ``--unsafe-fixes``, suppressed findings).
    """
    seen = {text}
    applied = passes = 0
    while passes < max_passes:
        starts = line_starts(text)
        edits = [edit for rule, fix in find(text) if (edit := to_edit(fix, text, starts, rule))]
        chosen = choose(edits, text)
        if not chosen:
            break
        fixed = apply_edits(text, chosen)
        passes += 1
        if fixed in seen:  # rules that undo each other: keep the last state that was new
            break
        seen.add(fixed)
        text, applied = fixed, applied + len(chosen)
    return Outcome(text, applied, passes)


def edits_between(before: str, after: str) -> list[Edit]:
    """The smallest edits, line by line, that turn ``before`` into ``after`` (same number of lines).

    Used where fixes must be shown rather than applied (a Word copy's tracked
    changes): the result of every pass, as edits on the original text.
    """
    import difflib

    edits: list[Edit] = []
    old_lines, new_lines = before.split("\n"), after.split("\n")
    if len(old_lines) != len(new_lines):
        raise ValueError("fixes changed the number of lines")
    offset = 0
    for old, new in zip(old_lines, new_lines, strict=True):
        if old != new:
            matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
            for tag, i1, i2, j1, j2 in matcher.get_opcodes():
                if tag != "equal":
                    edits.append(Edit(offset + i1, offset + i2, new[j1:j2]))
        offset += len(old) + 1
    return edits
