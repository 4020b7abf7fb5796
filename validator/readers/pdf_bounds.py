"""Bounds on what pdfminer may do with one PDF: inflated stream size, glyphs per page and in all.

pdfminer inflates every compressed stream in full (a 3 MB PDF whose stream inflates to 3 GiB
took 6.2 GB of memory) and groups the glyphs of a page into lines and boxes at a cost of about
0.1 ms per glyph and more when they overlap (320,000 overlapping glyphs in a 1.9 KB file: 101 s).
A real report has a few thousand characters a page and streams of a few hundred kilobytes, so:

* every Flate stream is inflated with ``max_length`` one byte over the budget, and a stream
  that reaches it stops the file (``REPORT_VALIDATOR_PDF_STREAM_MB``, 64 MB);
* the glyphs drawn on a page are counted as pdfminer draws them, before any layout analysis,
  and a page with too many stops the file (``REPORT_VALIDATOR_PDF_PAGE_CHARS``, 20,000), as
  does a file with too many in all (50 times that);
* the time budget is looked at before each page (``validator.budget``).

The reader also runs in a subprocess with a memory limit (``pdf_worker``), for whatever these
bounds do not foresee.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from validator.budget import check_deadline
from validator.limits import current_limits

if TYPE_CHECKING:
    from pdfminer.layout import LAParams, LTPage

__all__ = ["PdfRefused", "bounded_pages", "cap_inflation"]

_MB = 1024 * 1024


class PdfRefused(Exception):
    """A PDF beyond a budget; ``reason`` is the one-line Chinese message."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class _CappedZlib:
    """The part of ``zlib`` pdfminer uses, with inflation stopped at the stream budget."""

    error = zlib.error

    def __init__(self, limit: int) -> None:
        self.limit = limit

    def decompress(self, data: bytes, *args: Any) -> bytes:
        inflater = zlib.decompressobj()
        out = inflater.decompress(data, self.limit + 1)
        if len(out) > self.limit:
            raise PdfRefused(_too_large(self.limit))
        if not inflater.eof:
            raise zlib.error("incomplete or truncated stream")  # as zlib.decompress would
        return out

    def decompressobj(self, *args: Any) -> _CappedInflater:
        return _CappedInflater(zlib.decompressobj(*args), self.limit)


class _CappedInflater:
    """``zlib.decompressobj`` counting what it has produced (pdfminer's repair of damaged streams)."""

    def __init__(self, inner: Any, limit: int) -> None:
        self.inner, self.limit, self.produced = inner, limit, 0

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        room = self.limit + 1 - self.produced
        out: bytes = self.inner.decompress(data, min(max_length, room) if max_length else room)
        self.produced += len(out)
        if self.produced > self.limit:
            raise PdfRefused(_too_large(self.limit))
        return out

    def flush(self, *args: Any) -> bytes:
        return b""

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def _too_large(limit: int) -> str:
    return f"PDF 中的数据流解压后过大（超过 {limit // _MB} MB），疑似压缩炸弹，已拒绝"


def cap_inflation() -> None:
    """Make pdfminer inflate Flate streams through ``_CappedZlib`` (the budget in force now)."""
    from pdfminer import pdftypes

    setattr(pdftypes, "zlib", _CappedZlib(current_limits().pdf_stream_bytes))  # noqa: B010 - a patch


def bounded_pages(data: bytes, laparams: LAParams) -> Iterator[LTPage]:
    """``pdfminer.high_level.extract_pages``, with glyphs counted per page and in all."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    per_page = current_limits().pdf_page_chars
    in_all = per_page * 50

    class Counting(PDFPageAggregator):
        page_glyphs = 0
        glyphs = 0

        def begin_page(self, page: Any, ctm: Any) -> None:
            self.page_glyphs = 0
            super().begin_page(page, ctm)

        def render_char(self, *args: Any, **kwargs: Any) -> float:
            self.page_glyphs += 1
            self.glyphs += 1
            if self.page_glyphs > per_page:
                raise PdfRefused(f"PDF 单页字符过多（超过 {per_page} 个），已拒绝")
            if self.glyphs > in_all:
                raise PdfRefused(f"PDF 字符过多（超过 {in_all} 个），已拒绝")
            return float(super().render_char(*args, **kwargs))

    cap_inflation()
    manager = PDFResourceManager(caching=True)
    device = Counting(manager, laparams=laparams)
    interpreter = PDFPageInterpreter(manager, device)
    for page in PDFPage.get_pages(io.BytesIO(data), caching=True):
        check_deadline()
        interpreter.process_page(page)
        yield device.get_result()
