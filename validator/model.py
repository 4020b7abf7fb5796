"""The data at the heart of report-validator: frozen dataclasses and NamedTuples, nothing else.

Every other module speaks in these types, so this module imports nothing of ours but
``validator.records``, whose ``@frozen`` makes its dataclasses (cheap to define at each start).
Positions are 1-based and counted in characters of the original text, so a
fullwidth ``（`` is one column, as an editor shows it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping
from dataclasses import field
from types import MappingProxyType
from typing import Literal, NamedTuple, Protocol

from validator.records import frozen, slot_setters

Severity = Literal["error", "warning", "info"]
Applicability = Literal["safe", "unsafe"]  # of a fix: safe cannot change the meaning, unsafe rewords
Status = Literal["pass", "fail"]
HeadingKind = Literal["heading", "enum"]
ParagraphKind = Literal[
    "title",  # a report's title line (or a compilation's collective title)
    "heading",  # a numbered or unnumbered heading, standalone or run-in
    "enum",  # an enumeration item: 一是…, 其一…, 第一，…
    "body",  # an ordinary paragraph
    "toc_header",  # the 目录 line
    "toc",  # an entry of the 目录 block
    "salutation",  # a speech's 同志们：
    "closing",  # a speech's 谢谢大家！
    "end_matter",  # 附件说明, 落款, 成文日期, 附注, 附件, 抄送, 印发 (validator.parse.endmatter)
]

SEVERITY_RANK: dict[str, int] = {"info": 1, "warning": 2, "error": 3}

# _NAMED_TUPLES: immutable values that nothing compares with a plain tuple, passes to
# dataclasses.replace or encodes field by field (engine.plain) are NamedTuples: cheap to define
# and the cheapest to make. None has a field named index or count.
#
# _FAST_INIT: the classes made by the hundred per report (Span, Paragraph, Heading, Result) have
# slots and write their own __init__ (``@frozen`` keeps it), each field set by its slot's setter
# (``records.slot_setters``): a third quicker than object.__setattr__, and a Span takes 104 bytes
# instead of 144. They stay frozen (assignment raises); equality, hashing, ordering, repr, pickling
# and copying are those of @dataclass(frozen=True); having slots, they have no __dict__ (vars()).


@frozen(order=True, slots=True)
class Span:
    """A stretch of text: 1-based lines and columns, end column exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int

    def __init__(self, line: int, column: int, end_line: int, end_column: int) -> None:
        _span_line(self, line)
        _span_column(self, column)
        _span_end_line(self, end_line)
        _span_end_column(self, end_column)

    @classmethod
    def on_line(cls, line: int, column: int, end_column: int) -> Span:
        return cls(line, column, line, end_column)


_span_line, _span_column, _span_end_line, _span_end_column = slot_setters(Span)


@frozen
class Fix:
    """A proposed correction: put ``replacement`` where ``span`` stands (on one line).

    ``safe`` fixes are mechanical and cannot change what the text says
    (halfwidth → fullwidth punctuation, a doubled mark, a heading marker's form):
    ``check --fix`` applies them. ``unsafe`` fixes change wording (a leader's
    title, an institution's name, a typo) and are applied only on request
    (``--unsafe-fixes``), or offered as tracked changes in a reviewed Word copy.
    An empty ``replacement`` deletes; an empty span (end = start) inserts.
    """

    span: Span
    replacement: str
    applicability: Applicability = "safe"


class MarkerStyle(NamedTuple):  # see _NAMED_TUPLES
    """How a heading marker is written, so rules can judge it without re-parsing.

    ``numeral`` is ``chinese`` (一), ``arabic`` (1), ``circled`` (① ⑴) or
    ``none`` (unnumbered and word-ordinal headings); ``brackets`` is
    ``fullwidth`` （）, ``halfwidth`` (), ``mixed`` （) or ``none``;
    ``delimiter`` is the punctuation after the numeral or bracket as written
    (``、`` ``.`` ``．`` ``，`` or empty); ``digits`` is ``fullwidth`` when the
    Arabic digits are ０-９.
    """

    numeral: str = "none"
    brackets: str = "none"
    delimiter: str = ""
    digits: str = "halfwidth"


@frozen(slots=True)
class Paragraph:
    """One non-blank line of the source: in our inputs a line is a paragraph."""

    index: int  # position among the file's paragraphs, 0-based
    kind: ParagraphKind
    text: str  # the line without its leading indentation
    span: Span  # where ``text`` stands; the indentation is before span.column
    indent: str = ""

    def __init__(self, index: int, kind: ParagraphKind, text: str, span: Span, indent: str = "") -> None:
        _paragraph_index(self, index)
        _paragraph_kind(self, kind)
        _paragraph_text(self, text)
        _paragraph_span(self, span)
        _paragraph_indent(self, indent)


_paragraph_index, _paragraph_kind, _paragraph_text, _paragraph_span, _paragraph_indent = slot_setters(
    Paragraph
)


@frozen(slots=True)
class Heading:
    """A numbered (or unnumbered) heading, or an enumeration item, with its subtree.

    ``rank`` is the GB/T 9704 level of the marker: 1 一、 · 2 （一） · 3 1. ·
    4 （1） · 5 ①; enumeration items (一是, 其一, 第一，) have no rank.
    ``depth`` is where the heading sits in the tree (1 = top), which differs
    from ``rank`` when a level is skipped (一、 straight to 1.).
    ``title`` is the heading text after the marker; for a run-in heading
    (``1.加强教育。正文……``) it is the text before the first 。 and
    ``run_in`` is true.
    """

    kind: HeadingKind
    rank: int | None
    depth: int
    marker: str
    style: MarkerStyle
    number: int | None
    title: str
    run_in: bool
    span: Span  # marker and title
    marker_span: Span
    paragraph: int  # index of the Paragraph that holds it
    children: tuple[Heading, ...] = ()

    def __init__(
        self,
        kind: HeadingKind,
        rank: int | None,
        depth: int,
        marker: str,
        style: MarkerStyle,
        number: int | None,
        title: str,
        run_in: bool,
        span: Span,
        marker_span: Span,
        paragraph: int,
        children: tuple[Heading, ...] = (),
    ) -> None:
        _heading_kind(self, kind)
        _heading_rank(self, rank)
        _heading_depth(self, depth)
        _heading_marker(self, marker)
        _heading_style(self, style)
        _heading_number(self, number)
        _heading_title(self, title)
        _heading_run_in(self, run_in)
        _heading_span(self, span)
        _heading_marker_span(self, marker_span)
        _heading_paragraph(self, paragraph)
        _heading_children(self, children)

    def walk(self) -> Iterator[Heading]:
        """This heading and every heading below it, in document order."""
        return iter(_preorder((self,)))


(
    _heading_kind,
    _heading_rank,
    _heading_depth,
    _heading_marker,
    _heading_style,
    _heading_number,
    _heading_title,
    _heading_run_in,
    _heading_span,
    _heading_marker_span,
    _heading_paragraph,
    _heading_children,
) = slot_setters(Heading)


class EndMatter(NamedTuple):  # see _NAMED_TUPLES
    """A line around the body of an official document, and what it is there.

    ``role`` is ``attachment_list`` (附件：1.…), ``signature`` (落款), ``date`` (成文日期),
    ``note`` (附注 such as （此件公开发布）), ``attachment`` (an 附件's own text),
    ``copy_to`` (抄送：…) or ``printed`` (…印发).
    """

    role: str
    paragraph: Paragraph


@frozen
class Document:
    """One report. A compilation file yields several, all sharing ``text``.

    ``text`` is the whole decoded file (line endings made ``\\n``, nothing
    else changed); ``paragraphs`` are this report's own, in order, with
    positions in the file, so line numbers stay those of the file.
    """

    path: str
    text: str
    title: Paragraph | None
    lead: Paragraph | None
    paragraphs: tuple[Paragraph, ...]
    headings: tuple[Heading, ...]
    source_format: str = "text"
    end_matter: tuple[EndMatter, ...] = ()  # never headings, never the body's last paragraph
    layout: Layout | None = None  # how a .docx sets each line and page; None for the other formats

    @property
    def first_line(self) -> int:
        return self.paragraphs[0].span.line if self.paragraphs else 1

    @property
    def last_line(self) -> int:
        return self.paragraphs[-1].span.line if self.paragraphs else 1

    @functools.cached_property
    def lines(self) -> tuple[str, ...]:
        """The file's lines (split on ``\\n`` only), for whatever needs a finding's line of text."""
        return tuple(self.text.split("\n"))

    def iter_headings(self) -> Iterator[Heading]:
        """Every heading and enumeration item, in document order."""
        return iter(self.all_headings)

    @functools.cached_property
    def all_headings(self) -> tuple[Heading, ...]:
        """Every heading and enumeration item, in document order (computed once: rules ask often)."""
        return _preorder(self.headings)


def _preorder(headings: tuple[Heading, ...]) -> tuple[Heading, ...]:
    """The headings and all below them, in document order: a loop, not nested generators (one per level)."""
    found: list[Heading] = []
    pending = list(reversed(headings))
    while pending:
        heading = pending.pop()
        found.append(heading)
        pending.extend(reversed(heading.children))
    return tuple(found)


@frozen
class ParsedFile:
    """What the parser makes of one file: its paragraphs and the reports in it.

    ``front_matter`` holds the paragraphs that belong to no report: a
    compilation's collective title and its 目录 block.
    """

    path: str
    text: str
    paragraphs: tuple[Paragraph, ...]
    documents: tuple[Document, ...]
    front_matter: tuple[Paragraph, ...] = ()


# ---------------------------------------------------------------------------- checklists


@frozen
class Text:
    """A message in Chinese and English; ``get`` falls back to Chinese."""

    zh: str
    en: str = ""

    def get(self, lang: str) -> str:
        return self.en if lang == "en" and self.en else self.zh


@frozen
class Cues:
    """How a checklist item is satisfied: where to look and for what.

    ``scope`` is ``title``, ``lead``, ``heading`` (heading titles only),
    ``paragraph`` (headings first, then paragraphs) or ``document`` (any
    paragraph, title included). ``headings``/``paragraphs`` are plain phrases;
    ``heading_patterns``/``paragraph_patterns`` are regular expressions
    (linear-time RE2 syntax). An item passes on one heading hit, or on
    ``min_evidence`` distinct paragraph cues.
    """

    scope: str = "paragraph"
    headings: tuple[str, ...] = ()
    heading_patterns: tuple[str, ...] = ()
    paragraphs: tuple[str, ...] = ()
    paragraph_patterns: tuple[str, ...] = ()
    min_evidence: int = 1


@frozen
class ChecklistItem:
    """One thing a report must contain (or one order it must keep)."""

    id: str
    label: Text
    severity: Severity
    description: Text
    source: str
    cues: Cues = Cues()
    code: str = ""  # the SEC-… code of domain.md §4.3 this item implements
    after: tuple[str, ...] = ()  # evidence must come after these items' evidence
    order: tuple[str, ...] = ()  # for an order item: these items' evidence in this order
    message_fail: Text = Text("")
    message_pass: Text = Text("")


class GenreDetection(NamedTuple):  # see _NAMED_TUPLES
    """How a checklist recognises its genre: regexes on the title and on paragraphs.

    A title pattern counts when its match reaches the end of the title (the genre
    noun ends a title); the body counts when at least ``min_cues`` distinct text
    patterns are found in it (validator.engine.genre).
    """

    title_patterns: tuple[str, ...] = ()
    text_patterns: tuple[str, ...] = ()
    min_cues: int = 3


class RuleInfo(Protocol):
    """What the output formats and the docs know of a rule: its metadata, never its code.

    ``validator.rule.Rule`` has these attributes; formats take this protocol, so that they
    depend on the model alone and cannot run a rule.
    """

    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def severity(self) -> Severity: ...
    @property
    def summary(self) -> Text: ...
    @property
    def source(self) -> str: ...
    @property
    def doc(self) -> str: ...
    @property
    def origin(self) -> str: ...
    @property
    def fix(self) -> str: ...


@frozen
class RuleSetting:
    """A checklist's (or configuration's) say on one rule: on or off, severity, options."""

    code: str
    enabled: bool = True
    severity: Severity | None = None
    options: tuple[tuple[str, object], ...] = ()


@frozen
class Checklist:
    """A validated YAML checklist, ``extends`` already resolved."""

    id: str
    name: Text
    items: tuple[ChecklistItem, ...]
    detection: GenreDetection = GenreDetection()  # a NamedTuple: immutable, safe to share
    rules: tuple[RuleSetting, ...] = ()
    path: str = ""
    origin: str = "built-in"  # or "plugin-name 1.2.3", or a file path

    def item(self, item_id: str) -> ChecklistItem | None:
        return self._items_by_id.get(item_id)

    @functools.cached_property
    def _items_by_id(self) -> dict[str, ChecklistItem]:
        """The items by id, the first of each id (made once: the engine asks for items by id per report)."""
        return {item.id: item for item in reversed(self.items)}


# ---------------------------------------------------------------------------- results


@frozen(slots=True)
class Result:
    """One line of the verdict: an item or a rule, passed or failed, and where.

    Passes are results too, so a checklist shows what it checked. ``span`` is
    None when a result has no place (a missing section).
    """

    kind: Literal["item", "rule"]
    id: str
    status: Status
    severity: Severity
    message: str
    span: Span | None = None
    evidence: str = ""
    fingerprint: str = ""  # stable across unrelated edits (validator.engine.fingerprints)
    fix: Fix | None = None  # the correction the rule proposes (validator.fix applies it)

    def __init__(
        self,
        kind: Literal["item", "rule"],
        id: str,
        status: Status,
        severity: Severity,
        message: str,
        span: Span | None = None,
        evidence: str = "",
        fingerprint: str = "",
        fix: Fix | None = None,
    ) -> None:
        _result_kind(self, kind)
        _result_id(self, id)
        _result_status(self, status)
        _result_severity(self, severity)
        _result_message(self, message)
        _result_span(self, span)
        _result_evidence(self, evidence)
        _result_fingerprint(self, fingerprint)
        _result_fix(self, fix)

    def sort_key(self) -> tuple[int, int, int, str]:
        line, column = (self.span.line, self.span.column) if self.span else (0, 0)
        return (0 if self.kind == "item" else 1, line, column, self.id)


(
    _result_kind,
    _result_id,
    _result_status,
    _result_severity,
    _result_message,
    _result_span,
    _result_evidence,
    _result_fingerprint,
    _result_fix,
) = slot_setters(Result)


@frozen
class ReportResult:
    """The verdict on one report of a file."""

    title: str | None
    line: int
    checklist: str | None  # None: no checklist fits the report's genre, only the rules ran
    results: tuple[Result, ...]
    basis: Text = Text("")  # what chose the checklist (or why none): 标题“对照检查材料”


@frozen
class Source:
    """The decoded text that a file's spans point into, kept so that output can quote it.

    ``format`` is the reader's (``text``, ``markdown``, ``docx``, ``pdf``): a
    Word or PDF line is a paragraph, with no column a writer could count.
    ``pages`` gives the page of each line for paged formats, as the reader does.
    """

    text: str
    format: str = "text"
    pages: tuple[int, ...] = ()


@frozen
class FileResult:
    """The verdict on one file: its reports, or the input error that stopped it.

    ``source`` is what was read (None when nothing was, or for results built by
    hand); it is not part of the verdict, so it takes no part in equality.
    """

    path: str
    reports: tuple[ReportResult, ...] = ()
    error: str | None = None
    source: Source | None = field(default=None, compare=False, repr=False)


@frozen
class RunSettings:
    """What the command line (and later the configuration) says about a run."""

    lang: str = "zh"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    report_year: int | None = None  # used when a report's title and lead name no year
    redacted: bool = False  # anonymized corpus: placeholders are expected
    severity: Mapping[str, Severity] = field(default_factory=lambda: MappingProxyType({}))  # id -> severity
    accept: tuple[str, ...] = ()  # the project's vocabulary: a finding inside one of these is not one


# ---------------------------------------------------------------------------- page layout


class RunFormat(NamedTuple):  # see _NAMED_TUPLES
    """How a stretch of one line is set, as Word resolves it (styles, defaults and theme applied).

    ``start``/``end`` are 1-based columns of the line (end exclusive), so a finding
    can point at the characters set wrongly. ``font`` is the East Asian typeface
    (the one Chinese characters are drawn in), ``latin_font`` the one for Latin
    letters and digits; empty when the document does not say. ``size`` is in points.
    """

    start: int
    end: int
    font: str = ""
    latin_font: str = ""
    size: float | None = None
    bold: bool = False


class ParagraphFormat(NamedTuple):  # see _NAMED_TUPLES
    """One paragraph's effective formatting: alignment, indent, spacing and its runs.

    ``alignment`` is Word's ``jc`` (``left``, ``center``, ``right``, ``both``,
    ``distribute``); ``first_line_indent`` is in characters (negative for a
    hanging indent); ``line_spacing`` is in points when ``line_rule`` is
    ``exact`` or ``atLeast`` and a multiple of single spacing when ``auto``;
    ``in_table`` marks a paragraph in a table cell (set by the table's own rules, not the body's).
    """

    style: str = ""
    alignment: str = "left"
    first_line_indent: float = 0.0
    left_indent: float = 0.0  # characters, as the first-line indent
    right_indent: float = 0.0
    line_spacing: float | None = None
    line_rule: str = "auto"
    runs: tuple[RunFormat, ...] = ()
    in_table: bool = False


class PageNumber(NamedTuple):  # see _NAMED_TUPLES
    """The footer paragraph that holds a page-number field: its text as printed on page 1, and its type."""

    text: str
    font: str = ""
    size: float | None = None


class PageSetup(NamedTuple):  # see _NAMED_TUPLES
    """One section of the document: paper and margins in millimetres, and its page number (if any).

    ``first_line`` is the line of the section's first paragraph, where a finding
    about the section points. ``line_pitch`` is the document grid's line pitch in
    points (``w:docGrid``), to which single-spaced lines snap; None without a grid.
    """

    first_line: int
    width: float
    height: float
    top: float
    bottom: float
    left: float
    right: float
    page_number: PageNumber | None = None
    line_pitch: float | None = None


class Layout(NamedTuple):  # see _NAMED_TUPLES
    """How a paged document is set: one ``ParagraphFormat`` per line, and its sections.

    Only formats that keep typography (``.docx``) have one; rules about the
    printed page look at ``Document.layout`` and stay silent when it is None.
    """

    paragraphs: tuple[ParagraphFormat, ...] = ()
    sections: tuple[PageSetup, ...] = ()

    def at(self, line: int) -> ParagraphFormat | None:
        """The format of line ``line`` (1-based), or None past the end."""
        return self.paragraphs[line - 1] if 0 < line <= len(self.paragraphs) else None


@frozen
class SourceText:
    """A report's text as decoded from its file, before any parsing.

    ``path`` is the path as the user gave it (for messages, never re-resolved);
    ``format`` is ``text``, ``markdown``, ``docx``, ``pdf`` or ``ofd``; ``encoding`` is
    what the bytes were decoded as (``utf-8``, ``utf-8-sig``, ``utf-16``,
    ``gb18030``; empty for a PDF or OFD) so a report can say so. Split ``text`` on
    ``"\\n"`` only, never with ``splitlines()``, which also breaks at ``\\v``,
    ``\\f`` and U+2028 where editors do not. ``pages`` gives the page number of
    each line for paged formats (``.pdf``, ``.ofd``) and is empty for the others;
    ``levels`` gives, per line, the heading level a Word paragraph style declares
    (标题 1 → 1; 0 for none), and is empty for formats without styles;
    ``layout`` is how a ``.docx`` sets each line and page (fonts, sizes,
    margins), for the layout rules, and None for the other formats;
    ``converted`` says that the file was converted before it was read (an old
    ``.doc`` by LibreOffice), so that positions are those of the conversion.
    """

    path: str
    text: str
    format: str
    encoding: str
    pages: tuple[int, ...] = ()
    levels: tuple[int, ...] = ()
    layout: Layout | None = None
    converted: str = ""  # how the text was obtained when not read directly ("LibreOffice → .docx")


Reader = Callable[[bytes, str], SourceText]  # a file format's bytes → text (plugins add readers)
