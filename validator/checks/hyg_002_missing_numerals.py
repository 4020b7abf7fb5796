"""HYG-002 量词前缺少数字（measure word without its number）

“共听取审议个专项工作报告”“召开次党组会议”——数字在起草时留空，定稿时忘了填，读起来
就缺了最要紧的信息。本规则在“共、累计、合计、总计、全年”或“听取、召开、审议”之后直接
跟着量词（个、次、项、件、篇、名、家、场、期、条、批、份、人次）时报告；量词作为词的
一部分（个别、项目、次要、场所、期间、条例、批示……）不算。触发词、动词和量词见数据包
``rules/data/missing_numerals.yaml``。

合格：

    一年来，常委会共听取审议5个专项工作报告，召开党组会议12次。

不合格：

    一年来，常委会共听取审议个专项工作报告，召开次党组会议。

A count word (共, 累计, 全年…) or a counted verb (听取, 召开, 审议) followed straight by a
measure word lost its number while the draft was being filled in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from validator.datapack import data_cache
from validator.model import Text
from validator.rule import RuleContext, Violation, rule
from validator.safe_regex import SafePattern, compile_lazy

from ._census import occurs, provides
from ._punctuation import after, before, data, joined, strings
from ._text import span_in


class Counts(NamedTuple):
    """The compiled ``rules/data/missing_numerals.yaml``."""

    pattern: SafePattern
    triggers: frozenset[str]
    trigger_not_after: frozenset[str]
    measures: dict[str, frozenset[str]]  # measure word → characters that must not follow it


@provides
def _patterns() -> list[SafePattern]:
    return [counts().pattern]


@data_cache
def counts() -> Counts:
    raw = data("missing_numerals")
    triggers = strings(raw["triggers"]["words"])
    measures = {str(word): frozenset(strings(chars)) for word, chars in raw["measures"].items()}

    def either(words: list[str]) -> str:
        return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))

    measure = f"(?P<measure>{either(list(measures))})"
    pattern = (
        f"(?:{either(triggers)})(?:{either(strings(raw['verbs']))}){{0,2}}{measure}"
        f"|(?:{either(strings(raw['counted_verbs']))})了?{measure.replace('measure', 'measure2')}"
    )
    return Counts(
        pattern=compile_lazy(pattern),
        triggers=frozenset(triggers),
        trigger_not_after=frozenset(strings(raw["triggers"].get("not_after"))),
        measures=measures,
    )


@rule(
    code="HYG-002",
    name="missing-numerals",
    severity="warning",
    summary=Text("量词前缺少数字", "Measure word without its number"),
    source="GB/T 15835-2011《出版物上数字用法》；编辑惯例",
)
def check(context: RuleContext) -> Iterator[Violation]:
    table = counts()
    if not occurs(context.document, table.pattern):
        return  # the usual report (the census looked)
    whole = joined(context.document)
    text = whole.text
    for match in table.pattern.finditer(text):
        start, end = match.start(), match.end()
        measure = match.group("measure") or match.group("measure2")
        if after(text, end) in table.measures[measure]:
            continue  # 个别, 项目, 期间 …: the measure word begins another word
        if before(text, start) in table.trigger_not_after and any(
            text.startswith(trigger, start) for trigger in table.triggers
        ):
            continue  # 公共, 中共 …
        place = whole.locate(start, end)
        if place is None:
            continue
        phrase = text[start:end]
        zh = f"“{phrase}”缺少数字：量词“{measure}”前应写明数量"
        en = f"'{phrase}': the number before the measure word '{measure}' is missing"
        yield Violation(span_in(*place), Text(zh, en))
