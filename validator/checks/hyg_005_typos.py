"""HYG-005 常见错别字（known typo）

党建报告里的套语和公文常用成语，错了一个字审阅者就会注意到：``防腐倡廉``（反腐倡廉）、
``扭信``（扭住）、``切增强``（切实增强）、``警钟长呜``（警钟长鸣）、``截止目前``
（截至目前）、``融汇贯通``（融会贯通）。本规则按数据包 ``rules/data/typos.yaml`` 中的
错别字对照表逐段查找，只收录在报告中没有正确读法的写法；“截止”这类只在部分用法中错误的
词，按上下文判断（``截止日期`` 正确，``截止12月底`` 应为 ``截至12月底``）。

合格：

    持之以恒推进反腐倡廉建设，截至目前，切实增强“四个意识”，做到警钟长鸣。

不合格：

    持之以恒推进防腐倡廉建设，截止目前，切增强“四个意识”，做到警钟长呜。

A dictionary of wrong forms that have no legitimate reading in a report (防腐倡廉 for
反腐倡廉, 截止目前 for 截至目前 …), each with its correct form.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from validator.datapack import data_cache
from validator.model import Paragraph, Text
from validator.rule import RuleContext, Violation, replace, rule
from validator.safe_regex import SafePattern, compile_lazy

from ._census import occurs, provides
from ._punctuation import after, alternation, before, data, joined, located
from ._text import span_in


class Typo(NamedTuple):
    """One entry of ``rules/data/typos.yaml``."""

    wrong: str
    right: str
    not_after: str = ""
    not_before: str = ""
    note: str = ""


class Dictionary(NamedTuple):
    literals: dict[str, Typo]  # the wrong form → its entry
    literal_pattern: SafePattern | None
    patterned: tuple[tuple[Typo, SafePattern], ...]  # entries that match in context only


@provides
def _patterns() -> list[SafePattern]:
    table = dictionary()
    literal = [table.literal_pattern] if table.literal_pattern is not None else []
    return literal + [pattern for _, pattern in table.patterned]


@data_cache
def dictionary() -> Dictionary:
    literals: dict[str, Typo] = {}
    patterned = []
    for raw in data("typos")["typos"]:
        typo = Typo(
            wrong=str(raw["wrong"]),
            right=str(raw.get("right") or ""),
            not_after=str(raw.get("not_after", "")),
            not_before=str(raw.get("not_before", "")),
            note=str(raw.get("note", "")),
        )
        if raw.get("pattern"):
            patterned.append((typo, compile_lazy(str(raw["pattern"]))))
        else:
            literals[typo.wrong] = typo
    pattern = alternation(tuple(literals)) if literals else None
    return Dictionary(literals, pattern, tuple(patterned))


@rule(
    code="HYG-005",
    name="typos",
    severity="warning",
    summary=Text("常见错别字", "Known typo"),
    source="编辑惯例（错别字）；《现代汉语词典》（第7版）；《第一批异形词整理表》",
    fix="unsafe",
)
def check(context: RuleContext) -> Iterator[Violation]:
    table = dictionary()
    whole = joined(context.document)
    found = []
    if table.literal_pattern is not None and occurs(whole.document, table.literal_pattern):
        for paragraph, start, _, wrong in located(whole, table.literal_pattern):
            found.append((paragraph, start, table.literals[wrong]))
    for typo, pattern in table.patterned:
        if typo.wrong in whole.text and occurs(whole.document, pattern):
            for paragraph, start, end, _ in located(whole, pattern):
                offset = paragraph.text.find(typo.wrong, start, end)
                found.append((paragraph, offset if offset >= 0 else start, typo))
    for paragraph, start, typo in sorted(found, key=lambda item: (item[0].index, item[1])):
        if not _legitimate(paragraph, start, typo):
            yield _violation(paragraph, start, typo)


def _legitimate(paragraph: Paragraph, start: int, typo: Typo) -> bool:
    left, right = before(paragraph.text, start), after(paragraph.text, start + len(typo.wrong))
    return bool(left and left in typo.not_after) or bool(right and right in typo.not_before)


def _violation(paragraph: Paragraph, start: int, typo: Typo) -> Violation:
    span = span_in(paragraph, start, start + len(typo.wrong))
    if not typo.right:  # a word of the project's vocabulary.reject: no right form to offer
        en = f"'{typo.wrong}' is on the project's reject list"
        return Violation(span, Text(f"项目词表不用“{typo.wrong}”", en))
    zh = f"疑为错别字：“{typo.wrong}”应为“{typo.right}”"
    if typo.note:
        zh += f"（{typo.note}）"
    en = f"probable typo: '{typo.wrong}' should be '{typo.right}'"
    return Violation(span, Text(zh, en), fix=replace(span, typo.right, "unsafe"))  # a word: on request
