"""The words around a finding, with its span marked: what a writer needs to find it.

A report line is a whole paragraph, often 200 characters and more, and Word
and WPS show no column; so the excerpt is a window of the line around the
span, cut with ``...`` at either side, and the marker underneath is placed by
*display* width (a Chinese character takes two terminal cells, as rustc and
ruff count them), so the carets stand under the right characters.

Report text reaches a terminal here, so control characters (an ANSI escape in a
hostile file) are shown as ``�`` rather than obeyed.
"""

from __future__ import annotations

import unicodedata

from validator.messages import message
from validator.model import Source, Span
from validator.records import frozen
from validator.regexes import compiled

__all__ = ["Excerpt", "display_width", "excerpt", "place", "source_line"]

_ELLIPSIS = "..."
_CONTROL = compiled(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


@frozen
class Excerpt:
    """A window of one line: the text before, the marked span, the text after; cut ends marked."""

    before: str
    marked: str
    after: str
    cut_left: bool
    cut_right: bool

    @property
    def text(self) -> str:
        return self.left + self.marked + self.right

    @property
    def left(self) -> str:
        return (_ELLIPSIS if self.cut_left else "") + self.before

    @property
    def right(self) -> str:
        return self.after + (_ELLIPSIS if self.cut_right else "")

    def underline(self, mark: str = "^") -> str:
        """Spaces up to the span, then one ``mark`` per display cell of the span (at least one)."""
        return " " * display_width(self.left) + mark * max(1, display_width(self.marked))


def display_width(text: str) -> int:
    """Terminal cells: 2 for wide and fullwidth characters (汉字, ，), 0 for combining marks, else 1."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def source_line(source: Source, line: int) -> str | None:
    """Line ``line`` (1-based) of the source, or None when the source has no such line."""
    lines = source.text.split("\n")  # never splitlines(): spans count only \n
    return lines[line - 1] if 1 <= line <= len(lines) else None


def place(source: Source, line: int, lang: str) -> str | None:
    """Where a Word or PDF line is, as those programs show it (paragraph, page); None for plain text."""
    if source.format == "pdf" and 0 < line <= len(source.pages):
        return message("format.page", lang, page=source.pages[line - 1])
    if source.format == "docx":
        return message("format.paragraph", lang, number=line)
    return None


def excerpt(line_text: str, span: Span, line: int, width: int = 60, before: int = 16) -> Excerpt:
    """The part of ``line_text`` around ``span`` (on line ``line``), at most about ``width`` cells.

    ``before`` cells of context precede the span; the span itself is cut at
    ``width - before`` cells (a span to the end of a long paragraph); the
    rest of the width goes to the context after it.
    """
    start = span.column - 1 if span.line == line else 0
    end = span.end_column - 1 if span.end_line == line else len(line_text)
    start = min(max(start, 0), len(line_text))
    end = min(max(end, start), len(line_text))
    marked, marked_cut = _take(line_text[start:end], width - before)
    left, left_cut = _take(line_text[:start][::-1], before)
    room = width - display_width(left) - display_width(marked)
    right, right_cut = _take(line_text[end:], room) if not marked_cut else ("", end < len(line_text))
    return Excerpt(_clean(left[::-1]), _clean(marked), _clean(right), left_cut, right_cut or marked_cut)


def _take(text: str, cells: int) -> tuple[str, bool]:
    """The longest start of ``text`` that fits in ``cells``, and whether anything was cut."""
    used = 0
    for index, char in enumerate(text):
        used += display_width(char)
        if used > cells:
            return text[:index], True
    return text, False


def _clean(text: str) -> str:
    """Tabs as one space and control characters as U+FFFD, so that a terminal only prints."""
    return _CONTROL.sub("\ufffd", text.replace("\t", " "))
