"""HYG-007 “的”“得”误用（的 where 得 is needed）

动词后面带补语要用“得”：``拉得不紧``、``抓得不实``、``落实得不到位``、``学习得不够深入``。
问题查摆部分最常见的写法“压力传导链条拉的不紧”就把“得”写成了“的”。本规则只检查
“动词 + 的 + 不 + 补语”这一种在报告中没有歧义的格式，以及“值的一提”“取的了”之类固定
写法；动词、补语和固定写法见数据包 ``rules/data/de_di_de.yaml``。“的、地、得”的其他
用法需要结合语义判断，不检查；因为仍可能有例外，只作提示。

合格：

    压力传导链条拉得不紧，理论学习抓得不实，值得一提的是……

不合格：

    压力传导链条拉的不紧，理论学习抓的不实，值的一提的是……

A verb with a complement takes 得, not 的 (拉得不紧, 抓得不实). Only the unambiguous
"verb + 的 + 不 + complement" pattern and a few fixed phrases are checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from validator.datapack import data_cache
from validator.model import Text
from validator.rule import RuleContext, Violation, rule
from validator.safe_regex import SafePattern, compile_lazy

from ._census import occurs, provides, provides_needles
from ._punctuation import data, joined, located, strings
from ._text import span_in


@provides
def _patterns() -> list[SafePattern]:
    return [table()[0]]


@provides_needles
def _needles() -> list[str]:
    return ["的不", *table()[1]]


@data_cache
def table() -> tuple[SafePattern, dict[str, str]]:
    """The compiled pattern (complement group ``de`` marks the wrong 的) and the fixed phrases."""
    raw = data("de_di_de")

    def either(words: list[str]) -> str:
        return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))

    phrases = {str(item["wrong"]): str(item["right"]) for item in raw.get("phrases", [])}
    complement = (
        f"(?:{either(strings(raw['verbs']))})的不(?:够|太|很)?(?:{either(strings(raw['complements']))})"
    )
    pattern = complement + (f"|{either(list(phrases))}" if phrases else "")
    return compile_lazy(pattern), phrases


@rule(
    code="HYG-007",
    name="de-di-de",
    severity="info",
    summary=Text("“的”“得”误用", "的 where 得 is needed"),
    source="《现代汉语词典》（第7版）“得”：用在动词后连接表示结果或程度的补语；编辑惯例",
)
def check(context: RuleContext) -> Iterator[Violation]:
    pattern, phrases = table()
    whole = joined(context.document)
    if not whole.contains_any(("的不", *phrases)) or not occurs(context.document, pattern):
        return
    for paragraph, start, _, found in located(whole, pattern):
        right = phrases.get(found) or found.replace("的", "得", 1)
        offset = start + found.index("的")
        zh, en = f"“{found}”应为“{right}”", f"'{found}' should be '{right}'"
        if found not in phrases:
            zh, en = zh + "：动词后连接补语用“得”", en + ": a complement after a verb takes 得"
        yield Violation(span_in(paragraph, offset, offset + 1), Text(zh, en))
