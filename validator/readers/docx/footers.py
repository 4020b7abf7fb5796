"""The page number of each section, as its footer prints it on the first page.

GB/T 9704 puts the page number in the footer, 4号 half-width Arabic digits
between two 一字线 (``— 1 —``). Word keeps it as a ``PAGE`` field in the footer
part that the section's ``w:footerReference`` names (a section without one
inherits the previous section's footers); the field's cached result is the
digit printed, so the paragraph's visible text is what a reader sees on page 1.
Only the default footer is read (not the first-page or even-page ones, which a
report rarely has).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from validator.model import PageNumber
from validator.readers.docx.runs import ParagraphText

if TYPE_CHECKING:
    from lxml.etree import _Element  # type: ignore[import-untyped, unused-ignore]

    from validator.readers.docx.layout import Formatter
    from validator.readers.docx.package import DocxPackage

__all__ = ["page_numbers"]

_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def page_numbers(
    package: DocxPackage, main: str, ns: str, formatter: Formatter, sections: Sequence[_Element]
) -> list[PageNumber | None]:
    """For each section, its footer's page-number paragraph (None when the footer has no ``PAGE`` field)."""
    targets = package.relationships(main, by="Id")
    found: dict[str, PageNumber | None] = {}
    current: PageNumber | None = None
    result: list[PageNumber | None] = []
    for section in sections:
        reference = next(
            (
                ref
                for ref in section.iterfind(ns + "footerReference")
                if ref.get(ns + "type", "default") == "default"
            ),
            None,
        )
        if reference is not None:
            part = targets.get(reference.get(_R + "id") or "")
            if part is not None and part not in found:
                footer = package.xml(part)
                found[part] = _page_number(footer, ns, formatter) if footer is not None else None
            current = found.get(part or "")
        result.append(current)
    return result


def _page_number(footer: _Element, ns: str, formatter: Formatter) -> PageNumber | None:
    """The first paragraph of the footer holding a ``PAGE`` field, read and typed."""
    reader = ParagraphText(ns)
    for paragraph in footer.iter(ns + "p"):
        if not _has_page_field(paragraph, ns):
            continue
        text, _ = reader.read(paragraph)
        properties = paragraph.find(ns + "pPr")
        style = properties.find(ns + "pStyle") if properties is not None else None
        layout = formatter.paragraph(
            properties, style.get(ns + "val") if style is not None else None, reader.spans, 0
        )
        digits = next(
            (run for run in layout.runs if any(c.isdigit() for c in text[run.start - 1 : run.end - 1])), None
        )
        typed = digits or (layout.runs[0] if layout.runs else None)
        return PageNumber(
            text=text.strip(), font=typed.latin_font if typed else "", size=typed.size if typed else None
        )
    return None


def _has_page_field(paragraph: _Element, ns: str) -> bool:
    """A ``PAGE`` field directly in this paragraph: simple (``w:fldSimple``) or complex (``w:instrText``)."""
    for simple in paragraph.iter(ns + "fldSimple"):
        if (simple.get(ns + "instr") or "").split()[:1] == ["PAGE"]:
            return True
    return any((code.text or "").split()[:1] == ["PAGE"] for code in paragraph.iter(ns + "instrText"))
