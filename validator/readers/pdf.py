"""Read a PDF that has a text layer, with pdfminer.six (the optional extra ``report-validator[pdf]``).

Repositories keep the signed, final versions of reports as PDFs. The aim is
that a PDF gives the same verdicts as the ``.txt`` of the same report, so the
text is rebuilt as the author typed it: one line per paragraph. A PDF knows
only printed lines, so paragraphs are recovered from the layout that 公文
follow (GB/T 9704: body indented two characters, justified):

* a printed line continues the paragraph above it when that line ran to the
  right margin, this one starts at the left margin (no first-line indent),
  the two are set in the same font size and the gap between them is the
  ordinary line pitch; a paragraph broken by a page break is joined too;
* a title centred over two lines is joined (consecutive centred lines set
  larger than the body text, as 公文 set the title in 二号 over a 三号 body);
* everything else starts a new line: headings (their own short line), the
  title, the date, table cells (top to bottom, then left to right; text that
  shares its row with other text is never joined);
* a page number alone on the top or bottom row of a page (``- 3 -``,
  ``第3页``) is left out: it is the printer's, not the author's.

Lines are joined with nothing between Chinese characters and a space between
two Latin words. Page numbers of each line go to ``SourceText.pages``. Kangxi
radicals and compatibility ideographs (``⼀`` U+2F00 for ``一``), which some
PDF producers map glyphs to, are read as the ideographs they look like, or
no heading marker would be recognised; nothing else is normalised.

A PDF without a text layer (a scan) cannot be checked; it is refused with the
advice to run OCR, never read as an empty report.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from validator.errors import InputError
from validator.model import SourceText
from validator.regexes import compiled

if TYPE_CHECKING:
    from pdfminer.layout import LTItem, LTTextLine

__all__ = ["NEEDS_EXTRA", "NO_TEXT_LAYER", "PdfLine", "pdf_lines", "read_pdf"]

NEEDS_EXTRA = "读取 PDF 需要安装 report-validator[pdf]"
NO_TEXT_LAYER = "没有文字层（扫描件？）：请先做 OCR"
UNDECODABLE = "PDF 文字层无法解码（字体缺少编码映射）：请先做 OCR"

_FULL_SLACK = 2.0  # a line within this many characters of the right margin ran to it
_INDENT_SLACK = 0.5  # a line within this many characters of the left margin is not indented
_PITCH_SLACK = 1.3  # a gap larger than this many ordinary line pitches separates paragraphs
_PAGE_NUMBER = (  # - 3 -, — 3 —, 3, 第3页, 第 3 页 共 9 页, 3/9
    r"[\s\-—–－·•]*(?:第\s*)?[0-9０-９]{1,4}(?:\s*页)?(?:\s*[/／]\s*[0-9]{1,4}|\s*共\s*[0-9]{1,4}\s*页)?[\s\-—–－·•]*"
)
_CJK_VARIANTS = (range(0x2E80, 0x2FE0), range(0xF900, 0xFB00), range(0x2F800, 0x2FA20))


@dataclass(frozen=True)
class PdfLine:
    """A printed line, or a paragraph once lines are joined: its text and where it stands.

    ``x0`` and ``x1`` are the left edge of its first and the right edge of its
    last visible character (leading spaces typed as glyphs do not move them);
    ``bottom`` is the line's lower edge (y grows upwards); ``size`` is the
    font size, which is also the width of a Chinese character.
    """

    page: int
    text: str
    x0: float
    x1: float
    bottom: float
    size: float
    shared_row: bool = False  # other text stands on the same row: a table cell, never joined
    page_width: float = 0.0


def read_pdf(data: bytes, path: str) -> SourceText:
    """Read a PDF's text layer into one line per paragraph, with each line's page number.

    The reading runs in a subprocess with memory and time limits where the platform allows
    (``pdf_worker``), within the bounds of ``pdf_bounds`` in any case.
    """
    from validator.readers.pdf_worker import isolated_lines, isolation_enabled

    if b"%PDF-" not in data[:1024]:
        raise InputError(path, "不是有效的 PDF 文件")
    if isolation_enabled() and _has_pdfminer():
        lines: list[PdfLine] = isolated_lines(data, path)  # type: ignore[assignment]
    else:
        lines = pdf_lines(data, path)
    paragraphs = list(join_paragraphs(lines))
    return SourceText(
        path=path,
        text="\n".join(paragraph.text for paragraph in paragraphs),
        format="pdf",
        encoding="",
        pages=tuple(paragraph.page for paragraph in paragraphs),
    )


def _has_pdfminer() -> bool:
    """Whether the ``pdf`` extra is installed (else the in-process path gives its message)."""
    try:
        import pdfminer.high_level  # noqa: F401
    except ImportError:
        return False
    return True


def pdf_lines(data: bytes, path: str) -> list[PdfLine]:
    """The printed lines of every page in reading order, page numbers left out."""
    try:
        import pdfminer.high_level  # noqa: F401 - the module users import: its absence means no extra
        from pdfminer.layout import LAParams
        from pdfminer.pdfdocument import PDFEncryptionError
    except ImportError:
        raise InputError(path, NEEDS_EXTRA) from None
    from validator.budget import OutOfTime
    from validator.readers.pdf_bounds import PdfRefused, bounded_pages

    if b"%PDF-" not in data[:1024]:
        raise InputError(path, "不是有效的 PDF 文件")
    import warnings

    _quiet_pdfminer()
    lines: list[PdfLine] = []
    counts = [0, 0]  # characters read, characters without a Unicode mapping
    try:
        with warnings.catch_warnings():  # pdfminer warns about every quirk of a file; we judge the result
            warnings.simplefilter("ignore")
            # boxes_flow=None: no grouping of text boxes (the costly part, quadratic when glyphs
            # overlap); the reading order is ours (_reading_order), not pdfminer's.
            pages = bounded_pages(data, LAParams(all_texts=True, boxes_flow=None))
            for number, page in enumerate(pages, start=1):
                found = (replace(line, page_width=page.width) for line in _page_lines(page, number, counts))
                lines.extend(_without_page_numbers(_reading_order(found)))
    except PDFEncryptionError:
        raise InputError(path, "PDF 已加密，无法读取文字") from None
    except PdfRefused as refused:
        raise InputError(path, refused.reason) from None
    except (OutOfTime, MemoryError):
        raise  # the file's guard reports these
    except Exception:  # pdfminer raises many types (and sometimes plain ones) on a damaged file
        raise InputError(path, "PDF 文件已损坏，无法读取") from None
    if counts[1] > counts[0] // 2:
        raise InputError(path, UNDECODABLE)
    if not any(line.text.strip() for line in lines):
        raise InputError(path, NO_TEXT_LAYER)
    return lines


def _quiet_pdfminer() -> None:
    """pdfminer logs warnings about damaged files; without a handler Python would print them."""
    import logging

    logger = logging.getLogger("pdfminer")
    if not any(isinstance(handler, logging.NullHandler) for handler in logger.handlers):
        logger.addHandler(logging.NullHandler())


def _page_lines(page: Iterable[LTItem], number: int, counts: list[int]) -> Iterator[PdfLine]:
    from pdfminer.layout import LTFigure, LTTextBox, LTTextLine

    for item in page:
        if isinstance(item, LTTextBox):
            for line in item:
                if isinstance(line, LTTextLine):
                    found = _line(line, number, counts)
                    if found is not None:
                        yield found
        elif isinstance(item, LTFigure):  # text drawn inside a form XObject
            yield from _page_lines(item, number, counts)


def _line(line: LTTextLine, number: int, counts: list[int]) -> PdfLine | None:
    """The line's text from its glyphs; pdfminer's guessed spaces only between two Latin characters."""
    from pdfminer.layout import LTAnno, LTChar

    items = list(line)
    texts: list[str] = []
    visible: list[LTChar] = []
    for index, item in enumerate(items):
        if isinstance(item, LTChar):
            counts[0] += 1
            raw = item.get_text()
            if raw.startswith("(cid:"):
                counts[1] += 1
                continue
            text = _clean(raw)
            texts.append(text)
            if text.strip():
                visible.append(item)
        elif (
            isinstance(item, LTAnno)
            and item.get_text() == " "
            and _latin(items, index - 1, -1)
            and _latin(items, index + 1, 1)
        ):
            texts.append(" ")
    if not visible:
        return None
    return PdfLine(
        page=number,
        text="".join(texts).rstrip(),
        x0=min(char.x0 for char in visible),
        x1=max(char.x1 for char in visible),
        bottom=line.y0,
        size=max(char.size for char in visible),
    )


def _latin(items: Sequence[LTItem], index: int, step: int) -> bool:
    """Whether the nearest glyph from ``index`` in direction ``step`` is an ASCII letter or digit."""
    from pdfminer.layout import LTChar

    while 0 <= index < len(items):
        item = items[index]
        if isinstance(item, LTChar):
            text = item.get_text()
            return _is_latin(text)
        index += step
    return False


def _is_latin(text: str) -> bool:
    return len(text) == 1 and text.isascii() and text.isalnum()


def _clean(text: str) -> str:
    """A glyph's text: variant ideographs made plain, tabs a space, control characters gone."""
    import unicodedata

    out = []
    for char in text:
        code = ord(char)
        if any(code in block for block in _CJK_VARIANTS):
            out.append(unicodedata.normalize("NFKC", char))
        elif char == "\t":
            out.append(" ")
        elif unicodedata.category(char) != "Cc":
            out.append(char)
    return "".join(out)


def _reading_order(lines: Iterable[PdfLine]) -> list[PdfLine]:
    """Top to bottom; lines that share a row (table cells) left to right, and marked as such."""
    ordered = sorted(lines, key=lambda line: (-line.bottom, line.x0))
    rows: list[list[PdfLine]] = []
    for line in ordered:
        if rows and abs(rows[-1][0].bottom - line.bottom) < 0.5 * max(line.size, rows[-1][0].size):
            rows[-1].append(line)
        else:
            rows.append([line])
    return [
        replace(line, shared_row=len(row) > 1)
        for row in rows
        for line in sorted(row, key=lambda line: line.x0)
    ]


@functools.cache
def _page_number_pattern() -> re.Pattern[str]:
    return compiled(_PAGE_NUMBER)


def _page_number(text: str) -> bool:
    return _page_number_pattern().fullmatch(text) is not None


def _without_page_numbers(lines: list[PdfLine]) -> list[PdfLine]:
    """Drop a page number printed alone on the first or the last row of the page."""
    if lines and not lines[-1].shared_row and _page_number(lines[-1].text):
        lines = lines[:-1]
    if lines and not lines[0].shared_row and _page_number(lines[0].text):
        lines = lines[1:]
    return lines


def join_paragraphs(lines: Sequence[PdfLine]) -> Iterator[PdfLine]:
    """Join printed lines into paragraphs (see the module docstring); each keeps its first page."""
    if not lines:
        return
    layout = _Layout.measure(lines)
    current = lines[0]
    for line in lines[1:]:
        if layout.continues(current, line):
            current = _join(current, line)
        else:
            yield current
            current = line
    yield current


@dataclass(frozen=True)
class _Layout:
    """The text block as the body text draws it: margins, body font size, line pitch per size.

    Measured on the body's own lines (the commonest font size), so that a
    title wider than the text block or a small footnote does not move them.
    """

    left: float
    right: float
    body_size: float
    pitches: dict[float, float]

    @classmethod
    def measure(cls, lines: Sequence[PdfLine]) -> _Layout:
        import statistics

        sizes = Counter(round(line.size * 2) / 2 for line in lines)
        body_size = max(sizes, key=lambda size: (sizes[size], size))
        body = [line for line in lines if round(line.size * 2) / 2 == body_size]
        gaps: dict[float, list[float]] = {}
        for previous, line in itertools.pairwise(lines):
            if previous.page == line.page and previous.bottom > line.bottom and previous.size == line.size:
                gaps.setdefault(round(line.size * 2) / 2, []).append(previous.bottom - line.bottom)
        left = min(line.x0 for line in body)
        right = max(line.x1 for line in body)
        if sum(1 for line in body if line.x1 >= right - 1) < 3:
            # No run of lines ends at one edge: the longest line may be a heading, not the margin.
            # Assume margins about equal, as 公文 have them (28 mm and 26 mm).
            right = max(right, max(line.page_width for line in body) - left)
        return cls(
            left=left,
            right=right,
            body_size=body_size,
            pitches={size: statistics.median(found) for size, found in gaps.items()},
        )

    def continues(self, previous: PdfLine, line: PdfLine) -> bool:
        """Whether ``line`` continues the paragraph that ``previous`` (its last printed line) is in."""
        size = max(previous.size, line.size)
        if previous.shared_row or line.shared_row or abs(previous.size - line.size) > 0.15 * size:
            return False
        if previous.page == line.page:
            gap = previous.bottom - line.bottom
            pitch = self.pitches.get(round(line.size * 2) / 2, 0.0)
            if gap <= 0 or (pitch and gap > _PITCH_SLACK * pitch):
                return False
        elif line.page != previous.page + 1:
            return False
        if previous.x1 >= self.right - _FULL_SLACK * size and line.x0 <= self.left + _INDENT_SLACK * size:
            return True
        return size > 1.1 * self.body_size and self._centred(previous) and self._centred(line)

    def _centred(self, line: PdfLine) -> bool:
        return abs((line.x0 + line.x1) / 2 - (self.left + self.right) / 2) <= 0.5 * line.size


def _join(previous: PdfLine, line: PdfLine) -> PdfLine:
    head, tail = previous.text.rstrip(" "), line.text.lstrip(" ")
    between = " " if _is_latin(head[-1:]) and _is_latin(tail[:1]) else ""
    return replace(line, page=previous.page, text=head + between + tail)
