"""Parsing: from decoded text to the reports it holds, with their paragraphs and heading trees.

The front door is ``parse_text``. Inside, three steps that never import each other
backwards: ``lines`` classifies each line with the Lark grammar (the only module that
imports lark), ``outline`` builds the heading tree from classified lines, and
``structure`` splits the file into reports (title, lead, paragraphs) around them.
``numerals`` and ``reportyear`` read the numbers and the year that the other parts need.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

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
    with _no_cycle_collection():
        lines = classify_lines(text)
        for index, level in enumerate(levels[: len(lines)]):
            line = lines[index]
            if level and not line.markdown_level and line.kind in ("body", "title_like"):
                lines[index] = line._replace(markdown_level=level)
        return build_file(lines, text=text, path=path, source_format=source_format)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector while a file is parsed, as it was before if it was off.

    A parse makes objects by the thousand that all stay alive (paragraphs, spans, headings) and
    no reference cycles, so the collector, run every few hundred allocations, walks them again
    and again for nothing: that was a third of the time of parsing a large file. Memory stays
    bounded: nothing a parse makes is cyclic garbage, and reference counting frees the rest.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
