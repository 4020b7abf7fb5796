"""SEC-014 正式报告中使用口语词（colloquial words in a formal report）

报送上级党组织的报告是正式公文，用语应当庄重、规范。“下步”（下一步）、“搞好”（做好、抓好）、
“搞定”“弄好”“啥”“咋”之类的口语，审阅者会要求改掉。只作提示。“搞形式主义”“搞特权”
“搞团团伙伙”“搞活经济”“不搞好人主义”等是党的文件本身的用语，不提示；“习总”“习总书记”
由 TERM-009（错误）检查，这里不重复。词表见数据包 ``rules/data/colloquialisms.yaml``。

合格：

    下一步，局党组将持续深化理论武装，抓好“三会一课”制度落实。

不合格：

    下步，局党组将持续深化理论武装，搞好“三会一课”制度落实。

A report to the higher Party organization is a formal document: colloquial words (下步 for
下一步, 搞好 for 做好) should be written out. Information only; 习总 is TERM-009's.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import NamedTuple

from validator.datapack import data_cache, load_data
from validator.errors import ConfigError
from validator.model import Text
from validator.rule import RuleContext, Violation, rule
from validator.safe_regex import SafeMatch, SafePattern, compile_lazy

from ._census import occurs, provides
from ._text import span_in
from ._timeline import whole

_DATA = "colloquialisms"


class _Entry(NamedTuple):
    word: str
    pattern: SafePattern
    suggest: str


@rule(
    code="SEC-014",
    name="colloquialisms",
    severity="info",
    summary=Text("正式报告中使用口语词", "Colloquial words in a formal report"),
    source="编辑惯例（公文用语庄重规范）",
)
def check(context: RuleContext) -> Iterator[Violation]:
    entries, combined = _entries()
    found = [entry for entry in entries if occurs(context.document, entry.pattern)]
    if combined is None or not found:
        return  # the usual case: the census found none of the words
    joined = whole(context.document)
    for entry in found:
        for match in entry.pattern.finditer(joined.text):
            start, end = _target(match)
            paragraph, local = joined.locate(start)
            word = joined.text[start:end]
            yield Violation(
                span_in(paragraph, local, local + end - start),
                Text(
                    f"口语化用词“{word}”，正式报告宜写作“{entry.suggest}”",
                    f"colloquial {word}; a formal report writes {entry.suggest}",
                ),
            )


def _target(match: SafeMatch) -> tuple[int, int]:
    """Group 1 when the pattern has one (the word without its context), else the whole match."""
    try:
        start, end = match.start(1), match.end(1)
    except IndexError:
        return match.start(), match.end()
    return (start, end) if start >= 0 else (match.start(), match.end())


@provides
def _patterns() -> list[SafePattern]:
    return [entry.pattern for entry in _entries()[0]]


@data_cache
def _entries() -> tuple[tuple[_Entry, ...], SafePattern | None]:
    """The entries, and one pattern matching wherever any of them does (for a quick first pass)."""
    data = load_data(_DATA)
    raw = data.get("colloquialisms") if isinstance(data, Mapping) else None
    if not isinstance(raw, list):
        raise ConfigError("数据包缺少 colloquialisms 列表", key=_DATA)
    entries = []
    for item in raw:
        if not isinstance(item, Mapping) or not item.get("word") or not item.get("pattern"):
            raise ConfigError(f"条目需要 word 和 pattern：{item!r}", key=_DATA)
        try:
            pattern = compile_lazy(str(item["pattern"]))
        except ValueError as error:
            raise ConfigError(str(error), key=f"{_DATA}.{item['word']}") from None
        entries.append(_Entry(str(item["word"]), pattern, str(item.get("suggest", ""))))
    combined = compile_lazy("|".join(f"(?:{e.pattern.pattern})" for e in entries)) if entries else None
    return tuple(entries), combined
