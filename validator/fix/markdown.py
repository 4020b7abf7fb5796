"""Where a Markdown report holds code, which no fix may touch.

The rules read a ``.md`` as written and may flag ``中文,中文`` inside a code
span or block; the finding is the rule's business, but rewriting code is not
ours: a fix whose span meets code is dropped. Recognised, as CommonMark has
them: fenced blocks (``` or ~~~, up to three spaces in; an unclosed fence runs
to the end), indented blocks (four spaces or a tab, after a blank line) and
inline code spans (a run of backticks to the next run of the same length).
"""

from __future__ import annotations

import re

from validator.regexes import compiled

_FENCE = compiled(r" {0,3}(`{3,}|~{3,})")
_INDENTED = compiled(r"(?: {4}|\t)")
_TICKS = compiled(r"`+")


def code_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges ``[start, end)`` of ``text`` (``\\n`` line endings) that are code."""
    ranges: list[tuple[int, int]] = []
    fence = ""
    previous_blank = True
    in_indented = False
    offset = 0
    for line in text.split("\n"):
        end = offset + len(line)
        opening = _FENCE.match(line)
        if fence:
            ranges.append((offset, end))
            if opening and _closes(opening, fence, line):
                fence = ""
        elif opening and not (opening.group(1)[0] == "`" and "`" in line[opening.end() :]):
            fence = opening.group(1)
            ranges.append((offset, end))
        elif line.strip() and _INDENTED.match(line) and (previous_blank or in_indented):
            ranges.append((offset, end))
            in_indented = True
        else:
            in_indented = in_indented and not line.strip()
            ranges.extend((offset + s, offset + e) for s, e in _inline_code(line))
        previous_blank = not line.strip()
        offset = end + 1
    return ranges


def _closes(opening: re.Match[str], fence: str, line: str) -> bool:
    """Whether the fence on ``line`` closes ``fence``: same character, at least as long, nothing after."""
    marks = opening.group(1)
    return marks[0] == fence[0] and len(marks) >= len(fence) and not line[opening.end() :].strip()


def _inline_code(line: str) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    runs = list(_TICKS.finditer(line))
    index = 0
    while index < len(runs):
        opening = runs[index]
        closing = next(
            (j for j in range(index + 1, len(runs)) if len(runs[j].group()) == len(opening.group())), None
        )
        if closing is None:
            index += 1
            continue
        found.append((opening.start(), runs[closing].end()))
        index = closing + 1
    return found
