"""Write OFD files (GB/T 33190-2016) the way an OFD producer lays out a 公文, for the OFD reader's tests.

The package has the standard's structure: ``OFD.xml`` → ``Doc_0/Document.xml``
(page area, the page list) → ``Doc_0/Pages/Page_N/Content.xml`` with one
``TextObject`` per printed line (``Boundary``, ``Size`` and ``Font`` on the
object, ``X``/``Y``/``DeltaX`` on its ``TextCode``), and a font resource. The
layout follows GB/T 9704: A4, 天头 37 mm, 订口 28 mm, a 156 mm line of 28
characters of 3号 (5.6 mm), 22 lines a page, paragraphs indented two characters,
the title in 2号 centred, a page number ``— N —`` under the text block.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from xml.sax.saxutils import escape

NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'
BODY, TITLE = 5.6, 7.8  # 3号 and 2号 in millimetres: one Chinese character's advance
LEFT, TOP, WIDTH, PITCH, LINES = 28.0, 37.0, 156.0, 10.2, 22


def _wrap(text: str, per_line: int, first: int) -> list[str]:
    """A paragraph broken into printed lines: ``first`` characters on the first line, then ``per_line``."""
    lines: list[str] = []
    rest, width = text, first
    while rest:
        cut = min(width, len(rest))
        while 1 < cut < len(rest) and rest[cut - 1].isascii() and rest[cut].isascii() and rest[cut].isalnum():
            cut -= 1  # as a typesetter does: never break inside a Latin word or a number
        lines.append(rest[:cut])
        rest, width = rest[cut:], per_line
    return lines


def _text_object(ident: int, x: float, y: float, text: str, size: float, advance: float) -> str:
    width = advance * (len(text) - 1) + size
    delta = f"g {len(text) - 1} {advance:.3f}" if len(text) > 1 else ""
    return (
        f'<ofd:TextObject ID="{ident}" Boundary="{x:.2f} {y:.2f} {width:.2f} {size * 1.4:.2f}" Font="2" '
        f'Size="{size}"><ofd:FillColor Value="0 0 0"/><ofd:TextCode X="0" Y="{size:.2f}"'
        + (f' DeltaX="{delta}"' if delta else "")
        + f">{escape(text)}</ofd:TextCode></ofd:TextObject>"
    )


Printed = tuple[float, str, float, float]  # x, text, size, advance


def printed_lines(paragraphs: Sequence[str]) -> list[Printed]:
    """Each printed line: the title centred, other paragraphs indented two characters and justified.

    A line that is not its paragraph's last is justified (its advances spread
    to the right margin), as a typesetter does when a Latin word moved down.
    """
    per_line = int(WIDTH // BODY)  # 27 whole characters of 5.6 mm in 156 mm
    lines: list[Printed] = []
    title_per_line = int(WIDTH // TITLE)
    for text in _wrap(paragraphs[0], title_per_line, title_per_line):
        lines.append((LEFT + (WIDTH - TITLE * len(text)) / 2, text, TITLE, TITLE))
    for paragraph in paragraphs[1:]:
        wrapped = _wrap(paragraph, per_line, per_line - 2)
        for index, text in enumerate(wrapped):
            indent = 2 * BODY if index == 0 else 0.0
            last = index == len(wrapped) - 1
            advance = BODY if last or len(text) < 2 else (WIDTH - indent - BODY) / (len(text) - 1)
            lines.append((LEFT + indent, text, BODY, advance))
    return lines


def build_ofd(paragraphs: Sequence[str], *, shuffle: bool = False) -> bytes:
    """An OFD of ``paragraphs`` (the first is the title); ``shuffle`` writes each page bottom first."""
    lines = printed_lines(paragraphs)
    pages = [lines[start : start + LINES] for start in range(0, len(lines), LINES)]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(
            "OFD.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {NS} Version="1.0" DocType="OFD"><ofd:DocBody>'
            "<ofd:DocInfo><ofd:DocID>0C0FD6A4D4D64F3D9E9E4B1B5C7A0001</ofd:DocID><ofd:Title>报告</ofd:Title>"
            "</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
        )
        page_list = "".join(
            f'<ofd:Page ID="{100 + n}" BaseLoc="Pages/Page_{n}/Content.xml"/>' for n in range(len(pages))
        )
        package.writestr(
            "Doc_0/Document.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {NS}><ofd:CommonData>'
            "<ofd:MaxUnitID>99999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox>"
            "</ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>"
            f"<ofd:Pages>{page_list}</ofd:Pages></ofd:Document>",
        )
        package.writestr(
            "Doc_0/PublicRes.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res {NS} BaseLoc="Res"><ofd:Fonts>'
            '<ofd:Font ID="2" FontName="仿宋_GB2312" FamilyName="仿宋_GB2312"/></ofd:Fonts></ofd:Res>',
        )
        ident = 1000
        for number, page in enumerate(pages):
            objects = []
            for row, (x, text, size, advance) in enumerate(page):
                ident += 1
                objects.append(_text_object(ident, x, TOP + row * PITCH, text, size, advance))
            ident += 1
            folio = f"— {number + 1} —"
            objects.append(
                _text_object(ident, LEFT + WIDTH - 4.9 * len(folio), TOP + 225 + 7, folio, 4.9, 4.9)
            )
            if shuffle:
                objects.reverse()
            package.writestr(
                f"Doc_0/Pages/Page_{number}/Content.xml",
                f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {NS}><ofd:Content>'
                f'<ofd:Layer ID="{ident + 1}">' + "".join(objects) + "</ofd:Layer></ofd:Content></ofd:Page>",
            )
            ident += 1
    return buffer.getvalue()
