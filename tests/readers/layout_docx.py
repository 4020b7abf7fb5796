"""Build .docx files set to GB/T 9704-2012 with python-docx, for the layout rules and the converters.

The conforming document takes every setting the standard names through the
ways Word documents really carry them: the body font through the theme
(``minorEastAsia`` → 仿宋_GB2312) and the document defaults, size, spacing and
indent through the Normal style, the title and heading fonts through styles
that inherit (``GB二级标题`` is based on ``GB一级标题``), A4 margins on the
section, a ``PAGE`` field between 一字线 in the footer, and a closing (署名 and
成文日期) right-aligned. ``change`` then
applies one deviation, for the test that each one gives exactly its finding.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_H1 = re.compile(r"^[一二三四五六七八九十]+、")
_H2 = re.compile(r"^（[一二三四五六七八九十]+）")
_DATE = re.compile(r"[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日")

Change = Callable[[docx.document.Document], None]


def set_east_asian(element: object, font: str) -> None:
    """Give a style's or run's ``w:rPr`` an East Asian font (python-docx only sets the Latin one)."""
    element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)  # type: ignore[attr-defined]


def set_indent_chars(paragraph_format_element: object, hundredths: int) -> None:
    """``w:ind w:firstLineChars``: the indent in characters, as Word's 首行缩进 2 字符 writes it."""
    ppr = paragraph_format_element.get_or_add_pPr()  # type: ignore[attr-defined]
    ind = ppr.find(qn("w:ind"))
    if ind is None:
        ind = parse_xml(f"<w:ind {W}/>")
        ppr.append(ind)
    ind.set(qn("w:firstLineChars"), str(hundredths))
    ind.set(qn("w:firstLine"), str(hundredths * 32 // 10))  # what Word writes beside it, for older readers


def gbt9704_docx(
    lines: Sequence[str],
    change: Change | None = None,
    theme_font: str = "仿宋_GB2312",
    named_font: bool = False,
) -> bytes:
    """A .docx of ``lines`` (first line the title), set as GB/T 9704 says, then ``change``d.

    ``named_font`` names the body font in the Normal style instead of taking it
    from the theme: .doc has no themes, so a file meant to survive a round
    trip through .doc names its fonts.
    """
    document = docx.Document()
    styles = document.styles
    normal = styles["Normal"]
    if named_font:
        set_east_asian(normal.element, theme_font)
    normal.font.size = Pt(16)
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    normal.paragraph_format.line_spacing = Pt(28.95)
    normal.paragraph_format.space_after = Pt(0)
    set_indent_chars(normal.element, 200)
    title = styles.add_style("GB标题", WD_STYLE_TYPE.PARAGRAPH)
    title.base_style = normal
    title.font.size = Pt(22)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_east_asian(title.element, "方正小标宋简体")
    set_indent_chars(title.element, 0)
    level1 = styles.add_style("GB一级标题", WD_STYLE_TYPE.PARAGRAPH)
    level1.base_style = normal
    set_east_asian(level1.element, "黑体")
    level2 = styles.add_style("GB二级标题", WD_STYLE_TYPE.PARAGRAPH)
    level2.base_style = level1  # inherits size and spacing through 一级 from Normal
    set_east_asian(level2.element, "楷体_GB2312")
    for index, line in enumerate(lines):
        style = title if index == 0 else level1 if _H1.match(line) else level2 if _H2.match(line) else normal
        paragraph = document.add_paragraph(line, style=style)
        closing = _DATE.fullmatch(line) or (index + 1 < len(lines) and _DATE.fullmatch(lines[index + 1]))
        if closing and index > 1:  # 署名 and 成文日期: on the right, the date four characters from the margin
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            paragraph.paragraph_format.right_indent = Pt(16 * (4 if _DATE.fullmatch(line) else 2))
            set_indent_chars(paragraph._p, 0)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin, section.left_margin, section.right_margin = (
        Mm(37),
        Mm(35),
        Mm(28),
        Mm(26),
    )
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer._p.append(
        parse_xml(f'<w:r {W}><w:rPr><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">— </w:t></w:r>')
    )
    footer._p.append(
        parse_xml(
            f'<w:fldSimple {W} w:instr=" PAGE   \\* MERGEFORMAT "><w:r><w:rPr><w:sz w:val="28"/></w:rPr>'
            "<w:t>1</w:t></w:r></w:fldSimple>"
        )
    )
    footer._p.append(
        parse_xml(f'<w:r {W}><w:rPr><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve"> —</w:t></w:r>')
    )
    if change is not None:
        change(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return _with_theme_font(buffer.getvalue(), theme_font)


def _with_theme_font(data: bytes, font: str) -> bytes:
    """The theme's Chinese minor font (``a:font script="Hans"``) set to ``font``: the body's font."""
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "word/theme/theme1.xml":
                content = re.sub(
                    rb'(<a:minorFont>.*?<a:font script="Hans" typeface=")[^"]*(")',
                    lambda m: m.group(1) + font.encode() + m.group(2),
                    content,
                    count=1,
                    flags=re.DOTALL,
                )
            target.writestr(info, content)
    return out.getvalue()
