"""HYG-004 虚词重复（doubled function character）

“通过过集体政治生日”“认真的的学习”——修改时多打了一个字，虚词（的、了、在、过、是、
和、与、及、被、并、或、于）连写两次，读起来就卡住。实词的叠用（层层压实、事事对标、
处处示范、紧紧围绕、实实在在）是有意的修辞，不检查。前一个字属于上一个词、后一个字属于
下一个词的情形（为了了解、现在在岗、目的的实现、参与与否）和固定说法（不了了之、
的的确确、是是非非）不报告，这些例外见数据包 ``rules/data/doubled_characters.yaml``。
有时叠字确是原意，所以只作警告。

合格：

    层层压实责任，通过开展集体政治生日活动，为了了解基层实际，实实在在解决问题。

不合格：

    通过过集体政治生日、书记讲廉政党课等形式，认真的的学习党章党规。

A function character typed twice (的的, 了了, 在在, 过过 …) is an editing slip; doubled
content characters (层层, 事事, 紧紧) are deliberate and never reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.datapack import data_cache
from validator.model import Text
from validator.rule import RuleContext, Violation, rule
from validator.safe_regex import SafePattern

from ._census import occurs, provides
from ._punctuation import alternation, data, joined, located, strings
from ._text import span_in


@data_cache
def allowed_contexts() -> dict[str, tuple[str, ...]]:
    """Function character → contexts in which its doubling is legitimate."""
    characters = data("doubled_characters")["characters"]
    return {str(char): tuple(strings(contexts)) for char, contexts in characters.items()}


@provides
def _patterns() -> list[SafePattern]:
    return [doubled()]


@data_cache
def doubled() -> SafePattern:
    return alternation(tuple(char * 2 for char in allowed_contexts()))


@rule(
    code="HYG-004",
    name="doubled-characters",
    severity="warning",
    summary=Text("虚词重复", "Doubled function character"),
    source="编辑惯例（多字）",
)
def check(context: RuleContext) -> Iterator[Violation]:
    contexts = allowed_contexts()
    if not occurs(context.document, doubled()):
        return  # the usual report (the census looked)
    for paragraph, start, end, pair in located(joined(context.document), doubled()):
        text, char = paragraph.text, pair[0]
        if any(_inside(text, start, allowed, char) for allowed in contexts[char]):
            continue
        phrase = text[max(0, start - 2) : start + 4]
        zh = f"虚词“{char}”重复：“{phrase}”，疑为多字"
        en = f"'{char}' doubled: probably one too many"
        yield Violation(span_in(paragraph, start, end), Text(zh, en))


def _inside(text: str, start: int, allowed: str, char: str) -> bool:
    """Whether the pair at ``text[start:start + 2]`` is the doubled pair of an ``allowed`` context."""
    offset = allowed.find(char * 2)
    while offset >= 0:
        begin = start - offset
        if begin >= 0 and text.startswith(allowed, begin):
            return True
        offset = allowed.find(char * 2, offset + 1)
    return False
