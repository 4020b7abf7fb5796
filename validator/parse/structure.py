"""From classified lines to reports: titles, 目录, compilations and paragraphs.

The grammar tells what each line looks like; this module decides what each
line *is* in its place, as a careful reader does: the first title-like line
is the title, a 目录 block is not headings, a compilation holds one report per
title listed in its 目录. The heading tree itself is built in ``outline``.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from validator.model import Document, EndMatter, Paragraph, ParagraphKind, ParsedFile, Span
from validator.parse.endmatter import end_matter_roles
from validator.parse.lines import ClassifiedLine
from validator.parse.outline import build_outline
from validator.regexes import compiled

_TERMINAL_PUNCTUATION = "。！？；：!?;:，,…"
_TOC_PAGE_NUMBER = compiled(r"(?:[.．…·]{2,}|[ \t\u3000]+)[ \t\u3000]*[0-9]+[ \t\u3000]*$")
_TITLE_MAX_CHARS = 80


def build_file(lines: Sequence[ClassifiedLine], *, text: str, path: str, source_format: str) -> ParsedFile:
    """Group the lines of one file into paragraphs and reports."""
    content = [line for line in lines if line.kind not in ("blank", "comment")]
    toc_end = _toc_end(content)
    groups, front = ([content], []) if toc_end is None else _split_compilation(content, toc_end)
    front_paragraphs = [_front_paragraph(line, index, toc_end or 0) for index, line in enumerate(front)]
    documents: list[Document] = []
    paragraphs = list(front_paragraphs)
    for group in groups:
        document = _build_document(group, len(paragraphs), text, path, source_format)
        documents.append(document)
        paragraphs.extend(document.paragraphs)
    return ParsedFile(path, text, tuple(paragraphs), tuple(documents), tuple(front_paragraphs))


# ------------------------------------------------------------------ 目录 and compilations


def _toc_end(content: Sequence[ClassifiedLine]) -> int | None:
    """Index just past the 目录 block, or None when the file has no 目录.

    The block is the 目录 line and the entries after it: numbered lines, lines
    ending in a page number, or lines whose text comes back later as a title.
    It ends at the first line that is none of these, or that repeats an entry
    (the first report's title, when the entries are not numbered).
    """
    start = next((i for i, line in enumerate(content[:10]) if line.kind == "toc_header"), None)
    if start is None:
        return None
    last_seen_at = {line.text.strip(): i for i, line in enumerate(content)}
    seen: set[str] = set()
    end = start + 1
    for i, line in enumerate(content[start + 1 :], start=start + 1):
        entry = _toc_entry_text(line)
        numbered = line.kind in ("heading", "enum") or bool(_TOC_PAGE_NUMBER.search(line.text))
        if entry in seen or not (numbered or last_seen_at.get(entry, i) > i):
            break
        seen.add(entry)
        end += 1
    return end


def _toc_entry_text(line: ClassifiedLine) -> str:
    """The title a 目录 entry points at: without its number and page number."""
    entry = line.text[len(line.marker) :] if line.marker else line.text
    return _TOC_PAGE_NUMBER.sub("", entry).strip()


def _split_compilation(
    content: Sequence[ClassifiedLine], toc_end: int
) -> tuple[list[list[ClassifiedLine]], list[ClassifiedLine]]:
    """Cut the body after the 目录 at each listed title; returns (reports, front matter)."""
    entries = [_toc_entry_text(line) for line in content[:toc_end] if line.kind != "toc_header"]
    starts: list[int] = []
    for entry in entries:
        after = starts[-1] + 1 if starts else toc_end
        found = next((i for i in range(after, len(content)) if content[i].text.strip() == entry), None)
        if found is not None:
            starts.append(found)
    if not starts:
        starts = [i for i in range(toc_end, len(content)) if content[i].kind == "title_like"]
    if not starts:
        starts = [toc_end] if toc_end < len(content) else []
    bounds = [*starts, len(content)]
    groups = [list(content[begin:end]) for begin, end in pairwise(bounds)]
    return groups, list(content[: starts[0] if starts else len(content)])


def _front_paragraph(line: ClassifiedLine, index: int, toc_end: int) -> Paragraph:
    """A compilation's own lines: its collective title, the 目录 and its entries."""
    kind: ParagraphKind = "toc" if index < toc_end else "body"
    if line.kind == "toc_header":
        kind = "toc_header"
    elif index == 0:
        kind = "title"
    return _paragraph(line, index, kind)


# ------------------------------------------------------------------ one report


def _build_document(
    group: Sequence[ClassifiedLine], first_index: int, text: str, path: str, source_format: str
) -> Document:
    title_at = _title_position(group)
    roles = end_matter_roles(group, title_at)
    kinds = _paragraph_kinds(group, title_at, roles)
    numbered = enumerate(zip(group, kinds, strict=True), start=first_index)
    paragraphs = [_paragraph(line, index, kind) for index, (line, kind) in numbered]
    # end matter is never a heading: the outline sees its lines as plain, unmarked text
    lines = (
        [_plain(line) if position in roles else line for position, line in enumerate(group)]
        if roles
        else group
    )
    headings, paragraphs = build_outline(lines, paragraphs, title_at)
    title = paragraphs[title_at] if title_at is not None else None
    end_matter = tuple(EndMatter(roles[position], paragraphs[position]) for position in sorted(roles))
    return Document(
        path, text, title, _lead(paragraphs), tuple(paragraphs), headings, source_format, end_matter
    )


def _plain(line: ClassifiedLine) -> ClassifiedLine:
    return line._replace(kind="end_matter", marker="", marker_type="", markdown_level=0)


def _lead(paragraphs: Sequence[Paragraph]) -> Paragraph | None:
    """The lead paragraph: the first body paragraph, if it comes before every heading."""
    for paragraph in paragraphs:
        if paragraph.kind == "body":
            return paragraph
        if paragraph.kind in ("heading", "enum"):
            return None
    return None


def _title_position(group: Sequence[ClassifiedLine]) -> int | None:
    """Where the report's title stands: its first line, when that reads as a title.

    A title-like line (ending in 报告, 讲话, 材料…) is a title; so is a Markdown
    ``#`` line, or a short line without closing punctuation that is not a
    heading and is followed by a longer paragraph.
    """
    if not group:
        return None
    first = group[0]
    if first.kind == "title_like" or (first.markdown_level == 1 and first.kind == "body"):
        return 0
    if first.kind != "body" or len(first.text) > _TITLE_MAX_CHARS:
        return None
    if first.text.rstrip()[-1:] in _TERMINAL_PUNCTUATION:
        return None
    following = group[1] if len(group) > 1 else None
    return 0 if following is not None and len(following.text) > len(first.text) else None


# The paragraph kind of each line kind that keeps its own; any other line is body text
# (title-like lines after the first included).
_OWN_KINDS: dict[str, ParagraphKind] = {
    kind: kind for kind in ("heading", "enum", "toc_header", "salutation", "closing")
}


def _paragraph_kinds(
    group: Sequence[ClassifiedLine], title_at: int | None, roles: dict[int, str]
) -> list[ParagraphKind]:
    """The kind of each line's paragraph: its title, its end matter, and what each other line is."""
    kinds = [_OWN_KINDS.get(line.kind, "body") for line in group]
    if title_at is not None:
        kinds[title_at] = "title"
    for position in roles:
        kinds[position] = "end_matter"
    return kinds


def _paragraph(line: ClassifiedLine, index: int, kind: ParagraphKind) -> Paragraph:
    stripped = line.text.rstrip(" \t\u3000")
    span = Span(line.line, line.column, line.line, line.column + len(stripped))  # on_line, without its call
    return Paragraph(index, kind, stripped, span, line.indent)
