"""The year a report is about: what its own text states, else the ``report_year`` setting.

A 2023 report (due January 2024) should cite what was current in 2023; rules on
outdated formulations and anachronisms need that year. The title says it most
reliably (…2023年落实…报告; for a range such as 2021—2023年, the last year);
then the lead's opening (2023年以来，…), then any opening paragraph before the
first heading. The report's own words win over the setting, which is meant for
reports that state no year: a setting given for a whole directory is wrong for
some of its files.
"""

from __future__ import annotations

from validator.model import Document
from validator.regexes import compiled

_OPENING_YEAR = compiled(r"^(20[0-9]{2})\s*年(?:度|以来)?[，,]")
_CHINESE_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "0": 0, "一": 1, "二": 2, "三": 3, "四": 4}
_CHINESE_DIGITS.update({"五": 5, "六": 6, "七": 7, "八": 8, "九": 9})
_CHINESE_YEAR_TEXT = "二[〇○零Ｏ0][〇○零Ｏ0一二三四五六七八九]{2}"  # 二〇二三 (二0二三 is a typo, still read)
_CHINESE_YEAR = compiled(rf"{_CHINESE_YEAR_TEXT}(?=\s*年)")
YEAR_TEXT = rf"(20[0-9]{{2}}|{_CHINESE_YEAR_TEXT})"  # a year, Arabic or Chinese numerals
# A year or a range of years in a title: 2023年 · 二〇二三年 · 2021—2023年 · 2021年至2023年
_TITLE_YEARS = compiled(rf"{YEAR_TEXT}\s*年?(?:\s*[-—–－~～至到]+\s*{YEAR_TEXT})?\s*年")
_ARABIC_YEAR = compiled(r"(?<![0-9])(20[0-9]{2})(?=\s*年)")
_LEAD_YEAR = compiled(r"^(20[0-9]{2})\s*年(?:度|以来)?[，,]")


def lead_year(document: Document) -> int | None:
    match = _LEAD_YEAR.search(document.lead.text) if document.lead else None
    return int(match.group(1)) if match else None


def report_year(document: Document, setting: int | None = None) -> int | None:
    """The year the report states, else ``setting``."""
    return year_from_text(document) or setting


def chinese_year(text: str) -> int | None:
    """二〇二三 → 2023 (the first year written in Chinese numerals before 年), else None."""
    match = _CHINESE_YEAR.search(text)
    if not match:
        return None
    return int("".join(str(_CHINESE_DIGITS[char]) for char in match.group(0)))


def years_in(text: str) -> list[int]:
    """Every year written before 年 in ``text``, Arabic or Chinese numerals, in order."""
    found = [(m.start(), int(m.group(1))) for m in _ARABIC_YEAR.finditer(text)]
    found += [(m.start(), chinese_year(m.group(0)) or 0) for m in _CHINESE_YEAR.finditer(text)]
    return [year for _, year in sorted(found)]


def opening_year(document: Document) -> int | None:
    """The year a paragraph before the first heading opens with (2025年以来，…)."""
    for paragraph in document.paragraphs:
        if paragraph.kind in ("heading", "enum"):
            return None
        match = _OPENING_YEAR.match(paragraph.text) if paragraph.kind == "body" else None
        if match:
            return int(match.group(1))
    return None


def title_years(document: Document) -> tuple[int, int] | None:
    """The (first, last) year the title names: (2023, 2023), or (2021, 2023) for 2021—2023年."""
    match = _TITLE_YEARS.search(document.title.text) if document.title else None
    if not match:
        return None
    first = year_of(match.group(1))
    last = year_of(match.group(2)) if match.group(2) else first
    return (first, last) if first <= last else (last, first)


def year_of(text: str) -> int:
    """2023 → 2023, 二〇二三 → 2023."""
    return int(text) if text.isdigit() else chinese_year(text + "年") or 0


def year_from_text(document: Document) -> int | None:
    """The year the report's own text states: the title's (the last of a range), else the
    lead's, else an opening paragraph's."""
    years = title_years(document)
    return (years[1] if years else None) or lead_year(document) or opening_year(document)
