"""Classify each line of report text with the Lark grammar: the only module that imports lark.

``grammar/report.lark`` says what each line is (a heading marker and its text,
an enumeration item, the 目录 header, a salutation, a title-like line or body
text); this module runs it and turns Lark's output into plain ``ClassifiedLine``
records. ``validator.parse.structure`` then builds the reports from them. The parser is
built once per process and cached on disk between processes, because the
validator runs on every commit and start-up time is the user's time.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from validator.resources import data_file

if TYPE_CHECKING:
    from lark import Lark, Token

_SPACES = " \t\u3000\u00a0"  # what the grammar's INDENT strips

# Terminals that make up a whole line of their own kind.
_LINE_KINDS = {
    "TOC_HEADER": "toc_header",
    "COMMENT": "comment",
    "SALUTATION": "salutation",
    "CLOSING": "closing",
    "TITLE_LINE": "title_like",
    "ATTACHMENT": "attachment",
    "NOTE": "note",
    "COPY_TO": "copy_to",
    "PRINTED": "printed",
    "DATE_LINE": "date",
    "TEXT": "body",
}


@dataclass(frozen=True)
class ClassifiedLine:
    """One source line as the grammar sees it, before any structural judgement.

    ``kind`` is ``blank``, ``comment`` (an HTML comment alone on its line),
    ``heading`` (a numbered marker), ``enum``, ``toc_header``, ``salutation``,
    ``closing``, ``title_like``, an end-matter shape (``attachment``, ``note``,
    ``copy_to``, ``printed``, ``date``; see ``endmatter``) or ``body``.
    ``column`` is where the content starts (after indentation and Markdown
    ``#``); ``marker_type`` is the grammar terminal of the marker, if any;
    ``markdown_level`` is the number of ``#``, or the level of a Word heading style.
    """

    line: int
    kind: str
    indent: str
    column: int
    text: str
    marker: str = ""
    marker_type: str = ""
    markdown_level: int = 0


def classify_lines(text: str) -> list[ClassifiedLine]:
    """Run the grammar and describe every line of ``text``, blank ones included."""
    lines: list[list[Token | tuple[str, list[Token]]]] = _report_parser().parse(text)  # type: ignore[assignment]
    return [_classify(number, parts) for number, parts in enumerate(lines, start=1)]


def _classify(number: int, parts: list[Token | tuple[str, list[Token]]]) -> ClassifiedLine:
    indent, column, markdown_level = "", 1, 0
    kind, content, marker, marker_type = "blank", "", "", ""
    for child in parts:
        if isinstance(child, tuple):  # a heading or enum: marker, then optional TEXT
            kind, tokens = child
            marker, marker_type = tokens[0].value, tokens[0].type
            column = tokens[0].column or column
            content = "".join(token.value for token in tokens)
        elif child.type in ("INDENT", "MD_HASHES"):
            indent += child.value
            markdown_level = len(child.value) if child.type == "MD_HASHES" else markdown_level
        else:
            kind, content, column = _LINE_KINDS[child.type], child.value, child.column or column
    if kind == "comment" and markdown_level:  # "## <!-- x -->": a heading whose text is a comment
        kind = "body"
    if kind == "blank" and markdown_level:  # a lone "#": text in a .txt, an empty heading in .md
        kind, content, markdown_level = "body", indent.strip(_SPACES), 0
        indent = indent[: len(indent) - len(indent.lstrip(_SPACES))]
        column = len(indent) + 1
    elif kind == "blank":
        column = len(indent) + 1
    return ClassifiedLine(number, kind, indent, column, content, marker, marker_type, markdown_level)


@functools.lru_cache(maxsize=1)
def comment_line() -> re.Pattern[str]:
    """What a comment line is, as a Python regex made from the grammar's ``COMMENT`` terminal.

    The grammar is the one definition; suppressions (which live in comment lines) and the
    tests ask this function, so a line can never be a comment to one and text to another.
    Indentation may come first; a Markdown ``#`` may not (that line is a heading).
    """
    terminal = _report_parser().get_terminal("COMMENT")
    return re.compile(f"[{_SPACES}]*(?:{terminal.pattern.to_regexp()})")


@functools.lru_cache(maxsize=1)
def _report_parser() -> Lark:
    """The LALR parser, with a transformer applied while parsing: no tree is built.

    Building a Lark tree and walking it afterwards took half of the parsing time
    for nothing: we only need each line's tokens, which carry their own positions.
    """
    from lark import Lark, Token, Transformer

    class LineParts(Transformer[Token, Any]):
        def start(self, lines: list[Any]) -> list[Any]:
            return lines

        def line(self, parts: list[Any]) -> list[Any]:
            return parts

        def heading(self, tokens: list[Token]) -> tuple[str, list[Token]]:
            return ("heading", tokens)

        def enum(self, tokens: list[Token]) -> tuple[str, list[Token]]:
            return ("enum", tokens)

    grammar = data_file("grammar", "report.lark").read_text(encoding="utf-8")
    return Lark(
        grammar,
        parser="lalr",
        lexer="contextual",
        propagate_positions=True,
        transformer=LineParts(),
        cache=_cache_path(grammar),
    )


def _cache_path(grammar: str) -> str | bool:
    """A per-user cache file for the built parser, or False when none can be kept.

    Lark verifies the grammar's hash stored in the file, so a stale cache is
    rebuilt rather than trusted. We keep it in the user's cache directory, not
    in the shared temporary directory, so no other user can plant a cache file.
    """
    import lark

    base = os.environ.get("REPORT_VALIDATOR_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache"), "report-validator"
    )
    digest = hashlib.sha256(f"{lark.__version__}\n{grammar}".encode()).hexdigest()[:16]
    try:
        os.makedirs(base, mode=0o700, exist_ok=True)
    except OSError:
        return False
    return os.path.join(base, f"report-grammar-{digest}.lark")
