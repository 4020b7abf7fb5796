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
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from validator.regexes import compiled
from validator.resources import data_file
from validator.snapshot import remembered

if TYPE_CHECKING:
    from lark import Lark, Token

_SPACES = " \t\u3000\u00a0"  # what the grammar's INDENT strips
_PLAIN_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.UNICODE | re.VERBOSE  # never re.DEBUG

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


class ClassifiedLine(NamedTuple):
    """One source line as the grammar sees it, before any structural judgement.

    ``kind`` is ``blank``, ``comment`` (an HTML comment alone on its line),
    ``heading`` (a numbered marker), ``enum``, ``toc_header``, ``salutation``,
    ``closing``, ``title_like``, an end-matter shape (``attachment``, ``note``,
    ``copy_to``, ``printed``, ``date``; see ``endmatter``) or ``body``.
    ``column`` is where the content starts (after indentation and Markdown
    ``#``); ``marker_type`` is the grammar terminal of the marker, if any;
    ``markdown_level`` is the number of ``#``, or the level of a Word heading style.
    A NamedTuple, not a frozen dataclass: one is made per line, and a tuple is made 2x faster.
    """

    line: int
    kind: str
    indent: str
    column: int
    text: str
    marker: str = ""
    marker_type: str = ""
    markdown_level: int = 0


# A ClassifiedLine from all its fields, without the NamedTuple's Python-level __new__ (2x faster).
_line: Callable[[tuple[int, str, str, int, str, str, str, int]], ClassifiedLine] = functools.partial(
    tuple.__new__, ClassifiedLine
)


def classify_lines(text: str) -> list[ClassifiedLine]:
    """Describe every line of ``text``, blank ones included, as the grammar does.

    Lark's lexer and parser spend most of a report's parsing time on lines whose shape is
    plain: an optional indentation, then a heading marker and its text, or one terminal
    that takes the whole line (body text, a title-like line …). ``_LineScanner`` reads
    those lines with the very alternation of the grammar's own terminals that Lark's lexer
    tries at the start of a line, in Lark's order; the other lines (Markdown ``#``, and any
    shape the scanner does not know) go through Lark, in one batch: each line of the
    grammar is parsed on its own, so the batch gives each line the tokens it has in the
    whole text. A Hypothesis test compares both ways on arbitrary text.
    """
    scanner = _line_scanner()
    lines = text.split("\n")
    if scanner is None:
        return classify_lines_with_lark(text)
    classified: list[ClassifiedLine | None] = []
    candidates: list[int] = []
    classify = scanner.classify
    for number, line in enumerate(lines, start=1):
        found = classify(number, line)
        classified.append(found)
        if found is None:
            candidates.append(number - 1)
    if candidates:
        batch = "\n".join(lines[index] for index in candidates)
        parsed: list[list[Token | tuple[str, list[Token]]]] = _report_parser().parse(batch)  # type: ignore[assignment]
        for index, parts in zip(candidates, parsed, strict=True):
            classified[index] = _classify(index + 1, parts)
    return classified  # type: ignore[return-value]  # every None was filled above


def classify_lines_with_lark(text: str) -> list[ClassifiedLine]:
    """Every line through Lark, no fast path: what ``classify_lines`` must always equal."""
    lines: list[list[Token | tuple[str, list[Token]]]] = _report_parser().parse(text)  # type: ignore[assignment]
    return [_classify(number, parts) for number, parts in enumerate(lines, start=1)]


# The shape of ``line`` that _LineScanner knows: INDENT? (MD_HASHES INDENT?)? content?
_LINE_SHAPE = frozenset(
    tuple(shape)
    for shape in (
        ["INDENT", "MD_HASHES", "INDENT", "content"], ["INDENT", "MD_HASHES", "INDENT"],
        ["INDENT", "MD_HASHES", "content"], ["INDENT", "MD_HASHES"], ["INDENT", "content"], ["INDENT"],
        ["MD_HASHES", "INDENT", "content"], ["MD_HASHES", "INDENT"], ["MD_HASHES", "content"], ["MD_HASHES"],
        ["content"], [],
    )
)  # fmt: skip


class _LineScanner:
    """Lark's lexer at the start of a line, without its per-token machinery.

    ``pattern`` is the alternation of all the grammar's terminals in the order Lark's
    lexer tries them (priority, then width, then length, then name: ``BasicLexer``), so
    its ``lastgroup`` is the terminal Lark takes. After a heading or enumeration marker
    the grammar allows only ``TEXT`` (the rest of the line) or the line's end; a
    whole-line terminal must end at the line's end; after ``INDENT`` comes the content.
    """

    def __init__(self, pattern: re.Pattern[str], markers: dict[str, str]) -> None:
        self.pattern = pattern
        self.markers = markers  # marker terminal -> "heading" or "enum"

    def classify(self, number: int, line: str) -> ClassifiedLine | None:
        """``line`` (without its ``\\n``) classified, or None when Lark must do it.

        The line is matched on its own, not inside the whole text (which would copy its text
        out again): no terminal of the grammar reaches past a line's end, and there every
        lookahead of the grammar judges the end of the string as it judges ``\\n`` (they ask
        for a non-space, or allow ``\\n`` and the end alike). The Hypothesis test compares
        the result with Lark's on whole texts.
        """
        if not line:
            return _line((number, "blank", "", 1, "", "", "", 0))
        match = self.pattern.match(line)
        if match is None:  # pragma: no cover - TEXT matches any non-empty line
            return None
        indent = ""
        name = match.lastgroup or ""  # a match always has a lastgroup: the pattern is all groups
        if name == "INDENT":
            indent = match.group()
            if len(indent) == len(line):
                return _line((number, "blank", indent, len(indent) + 1, "", "", "", 0))
            match = self.pattern.match(line, len(indent))
            if match is None:  # pragma: no cover
                return None
            name = match.lastgroup or ""
        kind = self.markers.get(name)
        if kind is not None:
            begin = match.start()
            return _line((number, kind, indent, begin + 1, line[begin:], match.group(), name, 0))
        kind = _LINE_KINDS.get(name)
        if kind is not None and match.end() == len(line):
            return _line((number, kind, indent, match.start() + 1, match.group(), "", "", 0))
        return None  # MD_HASHES, INDENT again, a token short of the line's end: Lark decides


@functools.lru_cache(maxsize=1)
def _line_scanner() -> _LineScanner | None:
    """The scanner made from the grammar, or None if the grammar's shape is not the known one."""
    facts = _grammar_facts()
    if facts["scanner"] is None:
        return None
    alternation, flags, markers = facts["scanner"]
    return _LineScanner(compiled(alternation, flags), dict(markers))


@functools.lru_cache(maxsize=1)
def _grammar_facts() -> dict[str, Any]:
    """What the fast path and ``comment_line`` take from the grammar, without loading Lark.

    Derived from the loaded parser once, then kept as a start-up snapshot (``validator.snapshot``:
    data, never code), keyed by the grammar, this module and the installed Lark; a run whose
    every line takes the fast path never imports Lark (nor json).
    """
    grammar = data_file("grammar", "report.lark")
    code = ("parse/lines.py", "lark")
    return remembered("line-facts", [grammar], "lines-v1", _derive_facts, code=code, valid=_valid_facts)


def _valid_facts(facts: Any) -> bool:
    """Whether kept facts have the shape ``_derive_facts`` gives and compile (else: derived again)."""
    if not isinstance(facts, dict):
        return False
    comment, scanner = facts.get("comment"), facts.get("scanner")
    if not isinstance(comment, str):
        return False
    if scanner is not None:
        if not (isinstance(scanner, list) and len(scanner) == 3):
            return False
        alternation, flags, markers = scanner
        if not (
            isinstance(alternation, str)
            and isinstance(flags, int)
            and not flags & ~_PLAIN_FLAGS
            and isinstance(markers, list)
            and all(
                isinstance(pair, list)
                and len(pair) == 2
                and isinstance(pair[0], str)
                and pair[1] in ("heading", "enum")
                for pair in markers
            )
        ):
            return False
    try:  # the same compiled patterns serve when used (validator.regexes)
        compiled(comment)
        if scanner is not None:
            compiled(scanner[0], scanner[1])
    except (re.error, RecursionError, OverflowError, ValueError):
        return False
    return True


def _derive_facts() -> dict[str, Any]:
    """The scanner's alternation, flags and markers (None for an unknown line shape), and COMMENT.

    The terminals (their patterns and order) come from the grammar; the shape of a line
    is checked against the grammar's rules, so a changed grammar turns the fast path off
    (and a test fails) rather than classify a line differently from Lark.
    """
    parser = _report_parser()
    facts: dict[str, Any] = {"comment": parser.get_terminal("COMMENT").pattern.to_regexp(), "scanner": None}
    rules: dict[str, set[tuple[str, ...]]] = {}
    for rule in parser.rules:
        rules.setdefault(rule.origin.name, set()).add(tuple(symbol.name for symbol in rule.expansion))
    markers: dict[str, str] = {}
    for kind in ("heading", "enum"):
        for expansion in rules.get(kind, set()):
            markers[expansion[0]] = kind
        if rules.get(kind, set()) != {
            shape for name in markers if markers[name] == kind for shape in ((name,), (name, "TEXT"))
        }:
            return facts
    content = set(rules.get("content", set()))
    if frozenset(rules.get("line", set())) != _LINE_SHAPE or content != {
        ("heading",),
        ("enum",),
        *((name,) for name in _LINE_KINDS),
    }:
        return facts
    terminals = sorted(
        parser.terminals,
        key=lambda t: (-t.priority, -t.pattern.max_width, -len(t.pattern.value), t.name),  # lark's BasicLexer
    )
    alternation = "|".join(f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in terminals)
    facts["scanner"] = [
        alternation,
        parser.options.g_regex_flags,
        [list(pair) for pair in sorted(markers.items())],
    ]
    return facts


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
    return compiled(f"[{_SPACES}]*(?:{_grammar_facts()['comment']})")


@functools.lru_cache(maxsize=1)
def _report_parser() -> Lark:
    """The LALR parser, with a transformer applied while parsing: no tree is built.

    Building a Lark tree and walking it afterwards took half of the parsing time
    for nothing: we only need each line's tokens, which carry their own positions.
    """
    import lark
    from lark import Lark, Token, Transformer

    from validator.parse.grammar_cache import cached_parser  # with Lark: its JSON tables

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
