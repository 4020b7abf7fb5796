"""TERM-015 固定提法中的数字用汉字（Chinese numerals in fixed terms）

按 GB/T 15835-2011《出版物上数字用法》，具有固定含义的词语、会议届次、缩略语中的数字用汉字：
“党的二十大”“十九届六中全会”“二十届中央纪委三次全会”“四个意识”“三会一课”“十四五”。写成
“党的20大”“19届中央”“20届3中全会”“4个意识”的，是常见的数字用法差错。年份用汉字数字时，零写作
“〇”：“二0二四年”“二O二四年”是差错（错误），“二○二四年”（几何圆圈）、“二零二四年”作警告。
普通计数（20个支部、83届校友）不报告。需要用汉字的提法见数据包
``rules/data/formulations.yaml``（``numbered_terms``、``session_terms``）。

合格：

    深入学习贯彻党的二十大和二十届三中全会精神，增强“四个意识”，指导20个支部开展“三会一课”。

不合格：

    深入学习贯彻党的20大和20届3中全会精神，增强“4个意识”。

Fixed terms, congress and plenum numbers and numbered slogans are written in Chinese numerals
(GB/T 15835-2011); a Chinese-numeral year writes zero as 〇.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import NamedTuple

from validator.datapack import data_cache
from validator.model import Severity, Text
from validator.regexes import compiled
from validator.rule import RuleContext, Violation, rule
from validator.safe_regex import literal

from ._census import occurs, provides
from ._formulations import chinese_number, occurrences, pack, wording
from ._text import reading_paragraphs, reading_text, span_in

_DIGITS = "0123456789０１２３４５６７８９"
_WIDE = str.maketrans("0123456789", "０１２３４５６７８９")
_NUMERALS = "〇○零0０OＯoｏ一二三四五六七八九十"
_ZEROS = "〇○零0０OＯoｏ"
# An Arabic number and what follows it in a fixed term (forms fixed by GB/T 15835 itself; the word
# lists come from the data pack). Every branch starts with the digits, so the regex engine skips
# quickly to them; what must come before the number is checked in _fixed_term.
_SESSION = "届(?:{sessions}|[0-9０-９]中全会)"
_TEMPLATE = (
    r"[0-9０-９]+(?:(?P<congress>大)|(?P<session>" + _SESSION + ")"
    r"|(?P<plenum>中全会|次全会|次全国代表大会)|(?P<npc>次会议)|(?P<term>{terms}))"
)
_CONGRESS_AFTER = ("精神", "报告", "以来", "代表", "召开", "胜利")
_NPC_BEFORE = ("全国人大", "全国政协", "全国人大第", "全国政协第")
# A year in Chinese numerals with a wrong zero: 二0二四, 二O二四 (error), 二○二四, 二零二四 (warning).
_YEAR = f"[一二][{_ZEROS}][{_ZEROS}一二三四五六七八九]{{2}}"
_WRONG_ZEROS = str.maketrans({char: "〇" for char in "○零0０OＯoｏ"})
_UNMISTAKABLE_ZEROS = frozenset("0０OＯoｏ")
_NOTE = Text("固定提法中的数字用汉字", "fixed terms use Chinese numerals")
_YEAR_NOTE = Text("汉字数字年份中的零写作“〇”", "zero in a Chinese-numeral year is 〇")


class _Forms(NamedTuple):
    source: str  # the pattern of the Arabic forms that start with the number
    terms: dict[str, str]  # every Arabic form of a numbered term (halfwidth and fullwidth) → the term
    inner: tuple[str, ...]  # Arabic forms with the number inside (三会1课)
    # For the census (RE2): a digit and what follows it in ``source`` (there is a match of
    # ``source`` exactly where there is one of this), and any of the ``inner`` forms.
    numerals_census: str
    inner_census: str


class _Searches(NamedTuple):
    pattern: re.Pattern[str]  # ``_Forms.source``
    arabic: re.Pattern[str]  # a run of digits
    year: re.Pattern[str]


@data_cache
def _forms() -> _Forms:
    data = pack()
    terms = {form: term.term for term in data.numbered_terms for form in term.arabic}
    terms.update({form.translate(_WIDE): term for form, term in terms.items()})
    leading = {form.lstrip(_DIGITS) for form in terms if _starts_with_digit(form)}
    ordered = sorted(leading, key=len, reverse=True)
    tails = "|".join(map(re.escape, ordered))
    sessions = "|".join(map(re.escape, data.session_terms))
    following = (
        f"大|届(?:{literal(data.session_terms)}|[0-9０-９]中全会)|中全会|次全会|次全国代表大会|次会议"
        f"|{literal(ordered)}"
    )
    inner = tuple(form for form in terms if not _starts_with_digit(form))
    return _Forms(
        source=_TEMPLATE.format(sessions=sessions, terms=tails),
        terms=terms,
        inner=inner,
        numerals_census=f"[0-9０-９](?:{following})",
        inner_census=literal(inner),
    )


def _starts_with_digit(form: str) -> bool:
    return bool(form) and form[0] in _DIGITS


@data_cache
def _searches() -> _Searches:
    """The regexes, compiled only for the reports that the census sends to them."""
    return _Searches(compiled(_forms().source), compiled(r"[0-9０-９]+"), compiled(_YEAR))


@provides
def _patterns() -> list[str]:
    forms = _forms()
    return [forms.numerals_census, forms.inner_census, _YEAR]


@rule(
    code="TERM-015",
    name="numerals-in-fixed-terms",
    severity="error",
    summary=Text("固定提法中的数字未用汉字", "Arabic numerals in a fixed term"),
    source="GB/T 15835-2011《出版物上数字用法》",
)
def check(context: RuleContext) -> Iterator[Violation]:
    forms, document = _forms(), context.document  # the census tells whether to look closer
    numerals = occurs(document, forms.numerals_census) or bool(
        forms.inner and occurs(document, forms.inner_census)
    )
    years = occurs(document, _YEAR)
    if not (numerals or years):
        return
    # The report is searched as one text: no pattern matches a line break, and a line break next to
    # a match reads as the start or end of its paragraph. Per paragraph, the findings come out in
    # the order of the searches: terms that start with the number, the other forms, the years.
    whole, starts = reading_text(document)
    paragraphs = reading_paragraphs(document)
    found: tuple[dict[int, list[Violation]], ...] = ({}, {}, {})
    for search, start, end, message, severity in _findings(whole, forms, numerals, years):
        at = bisect.bisect_right(starts, start) - 1
        span = span_in(paragraphs[at], start - starts[at], end - starts[at])
        found[search].setdefault(at, []).append(Violation(span, message, severity))
    for at in sorted({at for by_paragraph in found for at in by_paragraph}):
        for by_paragraph in found:
            yield from by_paragraph.get(at, ())


def _findings(
    text: str, forms: _Forms, numerals: bool, years: bool
) -> Iterator[tuple[int, int, int, Text, Severity | None]]:
    """(search, start, end, message, severity) of every finding, search by search."""
    searches = _searches()
    if numerals:
        for match in searches.pattern.finditer(text):
            start, end = match.span()
            if start and text[start - 1] in ".．":
                continue  # 1.20大…: part of a decimal or a list number
            found = match.group()
            if _fixed_term(text, match):
                fixed = forms.terms.get(found) or searches.arabic.sub(_chinese, found)
                yield 0, start, end, wording(found, fixed, _NOTE), None
        for form in forms.inner:
            if form in text:
                for start in occurrences(text, form):
                    yield 1, start, start + len(form), wording(form, forms.terms[form], _NOTE), None
    if years:
        for match in searches.year.finditer(text):
            start, end = match.span()
            if (start and text[start - 1] in _NUMERALS) or (end < len(text) and text[end] in _NUMERALS):
                continue
            found = match.group()
            fixed = found.translate(_WRONG_ZEROS)
            if fixed == found:
                continue
            severity: Severity | None = None if _UNMISTAKABLE_ZEROS.intersection(found) else "warning"
            yield 2, start, end, wording(found, fixed, _YEAR_NOTE), severity


def _fixed_term(text: str, match: re.Match[str]) -> bool:
    kind, start, end = match.lastgroup, match.start(), match.end()
    if kind == "congress":  # 党的20大, 20大精神; not 12大类
        digits = end - start - 1
        return text.endswith("党的", 0, start) or (digits == 2 and text.startswith(_CONGRESS_AFTER, end))
    if kind == "npc":  # 全国人大2次会议; not 召开2次会议
        return text.endswith(_NPC_BEFORE, 0, start)
    if kind == "session":  # 19届中央; not 第3届中央企业…大赛 (an ordinal with 第 may use digits)
        return not text.endswith("第", 0, start)
    if kind == "term":  # 4个意识, not 14个意识
        return match.group() in _forms().terms
    return True


def _chinese(digits: re.Match[str]) -> str:
    return chinese_number(int(digits.group()))
