"""SEC-013 自称与报告单位不一致（self-reference does not match the issuer）

报告单位称呼自己的词应当与单位相符：人大机关写“机关党组”“我们”，局写“我局”，学校写“我校”。
从别的单位的材料里复制段落，最容易留下的就是对方的自称——人大机关的报告里出现“该公司”，
水务局的报告里出现“我校”——这类残留被审阅者发现，整份材料的可信度都会受影响。

本规则只在有把握时报告（警告）：

- “本公司”“我公司”“我司”“本集团”等，出现在报告单位不是企业的报告里（看标题；没有标题时看
  全文有没有“人大”“机关党组”“局党组”等机关标志，且没有“公司党委”之类的企业标志）；
- “该公司”“该集团”，同上，且同一段前文没有提到任何公司、企业（“对**公司开展检查，该公司……”
  是正常的指代）；
- “我局”“我校”“我馆”“我委”等，标题里的报告单位不是这一类单位（标题为“市水务局党组……报告”，
  正文却写“我校”）。

词表见数据包 ``rules/data/self_reference.yaml``。

合格：

    市水务局党组2023年落实全面从严治党主体责任情况报告
    2023年，我局坚持以习近平新时代中国特色社会主义思想为指导。

不合格：

    市人大常委会机关党组2023年落实全面从严治党主体责任情况报告
    2023年，机关党组扎实开展主题教育。该公司立足企业发展实际，深入查摆问题。

Words a unit uses for itself must fit the issuer: 该公司 in a People's Congress report, or 我校
in a water bureau's report, is residue of text copied from another unit.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, NamedTuple

from validator.datapack import data_cache, load_data
from validator.errors import ConfigError
from validator.model import Document, Text
from validator.regexes import compiled
from validator.rule import RuleContext, Violation, rule

from ._census import has, has_any, provides_needles
from ._text import lazy, span_in
from ._timeline import Joined, whole

_DATA = "self_reference"
# The issuer part of a title: what comes before the year, 关于, or the subject of the report.
_title_year_prefix = lazy(r"^\s*(?:20[0-9]{2}|二[〇○零][〇○零一二三四五六七八九]{2})\s*年度?")
_issuer_end = lazy(r"关于|20[0-9]{2}|二[〇○零]|年度|落实|全面从严治党|党风廉政|主体责任|履行")


class _Words(NamedTuple):
    company_anaphora: tuple[str, ...]
    antecedents: tuple[str, ...]
    company_issuer: tuple[str, ...]
    company_markers: tuple[str, ...]
    non_company_markers: tuple[str, ...]
    non_company_issuer: tuple[str, ...]
    ordered: tuple[str, ...]  # every company word and unit pronoun, longest first
    licences: Mapping[str, tuple[str, tuple[str, ...]]]  # pronoun → (unit, licensed_by)


@rule(
    code="SEC-013",
    name="self-reference",
    severity="warning",
    summary=Text("自称与报告单位不一致", "Self-reference does not match the issuer"),
    source="编辑惯例（复制其他单位材料的残留）",
)
def check(context: RuleContext) -> Iterator[Violation]:
    words = _words()
    document = context.document
    if not has_any(document, words.ordered):
        return  # the usual case: no company word and no unit pronoun at all
    joined = whole(document)
    found = [
        (start, word)
        for start, word in _find(document, joined.text, words)
        if _whole_word(joined.text, start, word)
    ]
    if not found:
        return  # the usual case: no company word and no unit pronoun at all
    issuer = _issuer(document)
    company = [(start, word) for start, word in found if word not in words.licences]
    if company and _not_a_company(document, joined.text, issuer, words):
        for start, word in company:
            yield from _company_word(joined, start, word, words)
    for start, word in found if issuer else ():
        if word in words.licences:
            yield from _foreign_pronoun(joined, start, word, issuer, words)


def _find(document: Document, text: str, words: _Words) -> Iterator[tuple[int, str]]:
    """(start, word) of each word in ``text``, as the alternation of ``words.ordered`` finds them:
    the leftmost, the first listed where several start together, then on after it. Only the words
    the report holds are looked for, each with ``str.find``."""
    if not all(words.ordered):
        pattern = _alternation(words.ordered)
        yield from ((m.start(), m.group(0)) for m in pattern.finditer(text)) if pattern else ()
        return
    hits = []
    for rank, word in enumerate(words.ordered):
        if has(document, word):
            at = text.find(word)
            while at >= 0:
                hits.append((at, rank))
                at = text.find(word, at + 1)
    hits.sort()
    end = 0
    for start, rank in hits:
        if start >= end:
            word = words.ordered[rank]
            end = start + len(word)
            yield start, word


def _whole_word(text: str, start: int, word: str) -> bool:
    """Not part of a longer word: 自我局限, 自我校正, 资本公司, 我司法…"""
    before = text[start - 1] if start else ""
    end = start + len(word)
    after = text[end : end + 1]
    return before not in "自资" and not (word == "我司" and after == "法")


@functools.lru_cache(maxsize=64)
def _first_end(text: str, antecedents: tuple[str, ...]) -> int:
    """Where the first of ``antecedents`` in ``text`` ends (past the end when none occurs)."""
    ends = [at + len(word) for word in antecedents if (at := text.find(word)) >= 0]
    return min(ends, default=len(text) + 1)


def _named_before(text: str, start: int, antecedents: tuple[str, ...]) -> bool:
    """Whether an antecedent (a company named) ends before ``start``: found once per paragraph."""
    return _first_end(text, antecedents) <= start


def _company_word(joined: Joined, at: int, found: str, words: _Words) -> Iterator[Violation]:
    paragraph, start = joined.locate(at)
    anaphoric = found in words.company_anaphora
    if anaphoric and _named_before(paragraph.text, start, words.antecedents):
        return  # 对**公司开展检查，该公司…: a company named before
    yield Violation(
        span_in(paragraph, start, start + len(found)),
        Text(
            f"报告单位不是企业，却出现“{found}”"
            + ("，且前文未提到任何公司" if anaphoric else "")
            + "：疑为套用其他单位材料的残留，请改为本单位的称谓",
            f"{found} ('the company') in a report whose issuer is not a company: "
            "residue of text copied from another unit?",
        ),
    )


def _foreign_pronoun(joined: Joined, at: int, found: str, issuer: str, words: _Words) -> Iterator[Violation]:
    unit, licensed_by = words.licences[found]
    if any(word in issuer for word in licensed_by):
        return
    paragraph, start = joined.locate(at)
    yield Violation(
        span_in(paragraph, start, start + len(found)),
        Text(
            f"报告单位是“{issuer}”，正文却自称“{found}”（{unit}）：疑为套用其他单位材料的残留",
            f"the issuer is {issuer} but the text says {found}: residue of text copied from another unit?",
        ),
    )


def _issuer(document: Document) -> str:
    """The issuer part of the title (市水务局党组), or '' without a title."""
    if document.title is None:
        return ""
    text = _title_year_prefix().sub("", document.title.text)
    match = _issuer_end().search(text)
    return text[: match.start()].strip() if match else ""


def _not_a_company(document: Document, text: str, issuer: str, words: _Words) -> bool:
    """Whether the issuer is known not to be a company (title first, else the text's markers)."""
    if issuer:
        if any(word in issuer for word in words.company_issuer):
            return False
        return any(word in issuer for word in words.non_company_issuer)
    opening = document.lead.text if document.lead else ""
    if any(word in opening for word in words.company_issuer):
        return False
    if any(marker in text for marker in words.company_markers):
        return False
    return any(marker in text for marker in words.non_company_markers)


@provides_needles
def _needles() -> tuple[str, ...]:
    return _words().ordered


@data_cache
def _words() -> _Words:
    data = load_data(_DATA)
    if not isinstance(data, Mapping):
        raise ConfigError("数据包格式错误：应为映射", key=_DATA)
    licences = {}
    for entry in data.get("unit_pronouns") or ():
        if not isinstance(entry, Mapping) or not entry.get("pronoun") or not entry.get("licensed_by"):
            raise ConfigError(f"unit_pronouns 条目需要 pronoun 和 licensed_by：{entry!r}", key=_DATA)
        licences[str(entry["pronoun"])] = (str(entry.get("unit", "")), _strings(entry["licensed_by"]))
    company_self, company_anaphora = (
        _strings(data.get("company_self")),
        _strings(data.get("company_anaphora")),
    )
    return _Words(
        company_anaphora=company_anaphora,
        antecedents=_strings(data.get("antecedents")),
        company_issuer=_strings(data.get("company_issuer")),
        company_markers=_strings(data.get("company_markers")),
        non_company_markers=_strings(data.get("non_company_markers")),
        non_company_issuer=_strings(data.get("non_company_issuer")),
        ordered=tuple(sorted((*company_self, *company_anaphora, *licences), key=len, reverse=True)),
        licences=licences,
    )


def _strings(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ConfigError(f"应为字符串列表：{value!r}", key=_DATA)
    return tuple(str(item) for item in value)


@data_cache
def _alternation(words: Sequence[str]) -> re.Pattern[str] | None:
    """Literal words as one pattern, longest first (no lookaround: it would slow the scan tenfold)."""
    if not words:
        return None
    return compiled("|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)))
