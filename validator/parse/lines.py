"""Classify each line of report text with the Lark grammar: the only module that imports lark.

``grammar/report.lark`` says what each line is (a heading marker and its text,
an enumeration item, the 目录 header, a salutation, a title-like line or body
text); this module runs it and turns Lark's output into plain ``ClassifiedLine``
records. ``validator.parse.structure`` then builds the reports from them. The parser is
built once per process and cached on disk between processes (as JSON, which cannot run
code: ``grammar_cache``), because the validator runs on every commit and start-up time is
the user's time.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from validator.parse.grammar_cache import cached_parser
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
    import lark
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
    transformer = LineParts()

    def build() -> Lark:
        return Lark(
            grammar,
            parser="lalr",
            lexer="contextual",
            propagate_positions=True,
            transformer=transformer,
        )

    # Cached as JSON, never as a pickle: see validator.parse.grammar_cache.
    return cached_parser(grammar, lark.__version__, build, _LarkTables(transformer))


class _LarkTables:
    """A Lark parser's tables (``memo_serialize``, as ``Lark.save`` has them) and back."""

    def __init__(self, transformer: Any) -> None:
        self.transformer = transformer  # code, not data: given again when loading

    def dump(self, parser: Lark) -> dict[str, Any]:
        from lark.grammar import Rule
        from lark.lexer import TerminalDef

        data, memo = parser.memo_serialize([TerminalDef, Rule])
        data["options"] = {name: value for name, value in data["options"].items() if name != "transformer"}
        return {"data": data, "memo": memo}

    def load(self, tables: dict[str, Any]) -> Lark:
        from lark import Lark

        return Lark._load_from_dict(  # type: ignore[no-untyped-call,no-any-return]
            tables["data"], tables["memo"], transformer=self.transformer, propagate_positions=True
        )
