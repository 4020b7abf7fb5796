"""TIME-007 成文日期格式（date line format）

GB/T 9704-2012 §7.3.5.4：成文日期“用阿拉伯数字将年、月、日标全，年份应标全称，月、日不编虚位
（即1不编为01）”。所以落款日期应写作“2024年1月20日”；“2024.1.20”“2024-01-20”
“2024年01月20日”和旧标准（GB/T 9704-1999）的汉字写法“二〇二四年一月二十日”都不合规范。
本规则只看单独成行的日期（通常在文末落款处，也包括讲话稿标题下加括号的日期），不看正文里的
日期。

合格：

    青山县统计局党组
    2024年1月20日

不合格：

    青山县统计局党组
    2024.1.20

The date line (成文日期) is written in Arabic numerals with the full year and no zero padding:
2024年1月20日 (GB/T 9704-2012 §7.3.5.4).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from validator.model import Paragraph, Text
from validator.parse.reportyear import chinese_year
from validator.rule import RuleContext, Violation, rule

from ._text import lazy, span_in

_CN = "〇○零Ｏ一二三四五六七八九十"
_DIGITS = "0-9０-９"
_SEP = r"[.．/／\-－]"
# A line that is only a date, maybe in brackets: 2024年1月20日 · 2024.1.20 · 二〇二四年一月二十日
_date_line = lazy(
    rf"^[（(]?\s*(?P<date>(?P<y>[{_DIGITS}]{{2,4}}|[{_CN}]{{4}})\s*(?P<s1>年|{_SEP})\s*"
    rf"(?P<m>[{_DIGITS}]{{1,2}}|[{_CN}]{{1,2}})\s*(?P<s2>月|{_SEP})\s*"
    rf"(?P<d>[{_DIGITS}]{{1,2}}|[{_CN}]{{1,3}})\s*(?P<s3>日?))\s*[）)]?$"
)
_canonical_date = lazy(r"(?:19|20)[0-9]{2}年[1-9][0-9]?月[1-9][0-9]?日")
_SEPARATORS = frozenset("./-．／－")  # what a date line holds when it has no 年
_WIDE = str.maketrans("０１２３４５６７８９", "0123456789")
_SMALL = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5}
_SMALL.update({"六": 6, "七": 7, "八": 8, "九": 9})


@rule(
    code="TIME-007",
    name="date-format",
    severity="warning",
    summary=Text("成文日期格式不规范", "Date line not in the standard format"),
    source="GB/T 9704-2012 §7.3.5.4",
)
def check(context: RuleContext) -> Iterator[Violation]:
    for paragraph in _short(context.document.paragraphs):
        text = paragraph.text.strip()
        if len(text) > 20 or ("年" not in text and _SEPARATORS.isdisjoint(text)):
            continue
        match = _date_line().match(text)
        if not match or _canonical_date().fullmatch(match.group("date")) or _not_a_date(match):
            continue
        start = paragraph.text.index(match.group("date"))
        canonical = _canonical(match)
        yield Violation(
            span_in(paragraph, start, start + len(match.group("date"))),
            Text(
                "成文日期应使用阿拉伯数字、年份写全、月日不编虚位"
                + (f"，写作“{canonical}”" if canonical else ""),
                "write the date line in Arabic numerals, full year, no zero padding"
                + (f": {canonical}" if canonical else ""),
            ),
        )


def _short(paragraphs: tuple[Paragraph, ...]) -> list[Paragraph]:
    """The paragraphs that may be a date line once stripped: 20 characters or fewer, or with spaces
    around (one comprehension: most paragraphs are far longer, and a loop per paragraph cost more)."""
    return [p for p in paragraphs if len(p.text) <= 20 or p.text[0].isspace() or p.text[-1].isspace()]


def _not_a_date(match: re.Match[str]) -> bool:
    """10.1.2 is a section number, not a date: with . / - separators the year must have 4 digits."""
    return match.group("s1") != "年" and len(match.group("y")) != 4


def _canonical(match: re.Match[str]) -> str | None:
    """The date as 2024年1月20日, or None when it cannot be read (a two-digit year)."""
    year_text = match.group("y").translate(_WIDE)
    year = int(year_text) if year_text.isdigit() else chinese_year(year_text + "年")
    month, day = _number(match.group("m")), _number(match.group("d"))
    if year is None or year < 1000 or not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year}年{month}月{day}日"


def _number(text: str) -> int:
    """1-31 from 1, 01, ０１, 一, 十, 十二, 二十, 二十一, 三十一."""
    text = text.translate(_WIDE)
    if text.isdigit():
        return int(text)
    tens, _, units = text.rpartition("十")
    if "十" not in text:
        return _SMALL.get(text, 0)
    return (_SMALL.get(tens, 0) if tens else 1) * 10 + (_SMALL.get(units, 0) if units else 0)
