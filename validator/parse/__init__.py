"""Parsing: from decoded text to the reports it holds, with their paragraphs and heading trees.

The front door is ``parse_text``. Inside, three steps that never import each other
backwards: ``lines`` classifies each line with the Lark grammar (the only module that
imports lark), ``outline`` builds the heading tree from classified lines, and
``structure`` splits the file into reports (title, lead, paragraphs) around them.
``numerals`` and ``reportyear`` read the numbers and the year that the other parts need.
"""

from __future__ import annotations

from collections.abc import Sequence

from validator.model import ParsedFile
from validator.parse.lines import classify_lines
from validator.parse.structure import build_file

__all__ = ["parse_text"]


def parse_text(
    text: str, path: str = "<text>", source_format: str = "text", levels: Sequence[int] = ()
) -> ParsedFile:
    """Parse decoded report text into its paragraphs and reports.

    ``text`` must use ``\\n`` line endings (the readers see to it). Any text is
    accepted: the grammar has a body-text fallback for every line. ``levels``
    are heading levels that a Word paragraph style declares, per line: an
    unnumbered paragraph styled 标题 1 is a heading, as a ``#`` line is.
    """
    lines = classify_lines(text)
    for index, level in enumerate(levels[: len(lines)]):
        line = lines[index]
        if level and not line.markdown_level and line.kind in ("body", "title_like"):
            lines[index] = line._replace(markdown_level=level)
    return build_file(lines, text=text, path=path, source_format=source_format)
