"""Hostile inputs built by hand, shared by the tests and ``scripts/bench_hostile.py``.

Each builder returns bytes (or text) small on disk and costly to a naive reader: PDFs written
object by object (reportlab cannot make a stream that lies or a page of overlapping glyphs),
texts from a rule's trigger repeated.
"""

from __future__ import annotations

import functools
import zlib


def pdf_document(content: bytes, *, deflated: bytes | None = None, font: bytes = b"/Helvetica") -> bytes:
    """A one-page PDF whose page content stream is ``content``, Flate-compressed (or ``deflated``)."""
    stream = zlib.compress(content, 9) if deflated is None else deflated
    filters = b"/Filter /FlateDecode "
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< "
        + filters
        + b"/Length "
        + str(len(stream)).encode()
        + b" >>\nstream\n"
        + stream
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont " + font + b" >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def overlapping_glyphs_pdf(glyphs: int) -> bytes:
    """A page of ``glyphs`` characters all drawn at one spot: pdfminer's layout grouping goes quadratic."""
    draw = b"1 0 0 1 100 700 Tm (A) Tj\n"
    return pdf_document(b"BT /F1 12 Tf\n" + draw * glyphs + b"ET\n")


@functools.cache
def inflating_stream_pdf(megabytes: int) -> bytes:
    """A PDF whose content stream inflates to ``megabytes`` MB of spaces (a compression bomb)."""
    deflater = zlib.compressobj(6)
    parts = [deflater.compress(b"BT /F1 12 Tf 100 700 Td (x) Tj ET\n")]
    block = b" " * (1024 * 1024)
    parts.extend(deflater.compress(block) for _ in range(megabytes))
    parts.append(deflater.flush())
    return pdf_document(b"", deflated=b"".join(parts))


def repeated_line(
    unit: str, times: int, title: str = "某局党组2024年落实全面从严治党主体责任情况报告"
) -> str:
    """A report whose one body line is ``unit`` repeated ``times`` times."""
    return f"{title}\n{unit * times}\n"


def repeated_lines(
    unit: str, times: int, title: str = "某局党组2024年落实全面从严治党主体责任情况报告"
) -> str:
    """A report whose body is the line ``unit`` repeated ``times`` times."""
    return title + "\n" + (unit + "\n") * times
