"""HYG-001 未填充的占位符（unfilled placeholder）

起草时先用 ``**``、``XX``、``××``、``某某``、``○○``、``□``、``【填写】``、``20XX年``、
``X月X日`` 占住数字、名称和日期，定稿前必须逐一填上。占位符留在报送稿里，说明材料没有
核对完，是审阅者最先挑出来的硬伤（阿里云妙笔等审校工具把“占位符未填充”列为差错）。
字母 X 只在单独出现并紧挨汉字时才算占位符，``5G``、``APP``、``GDP``、``PM2.5``、
``X射线`` 不受影响；Markdown 文件中成对的 ``**粗体**`` 是强调，不算占位符；``某市``、
``某局`` 只在标题里报告（正文里常用来指代警示教育案例中的单位）。占位符的式样见数据包
``rules/data/placeholders.yaml``。

脱敏语料（``--redacted``，或设置 ``redacted: true``）中的星号和 X 是有意隐去的信息，
这时只作提示。

合格：

    全年共召开党组会议12次，研究全面从严治党工作3次。

不合格：

    全年共召开党组会议**次，XX局于20XX年X月X日完成整改。

A placeholder (``**``, ``XX``, ``20XX年``…) left in a report means it was not checked before
it was sent. In an anonymised corpus (``redacted``) placeholders are expected and reported
as info only.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from validator.datapack import data_cache
from validator.model import Paragraph, Text
from validator.rule import RuleContext, Violation, rule
from validator.safe_regex import SafePattern, compile_lazy

from ._census import occurs, provides, provides_needles
from ._punctuation import Joined, after, before, data, is_ascii_alnum, is_han, joined, strings
from ._text import lazy, reading_bytes, span_in

# Markdown emphasis: *…* or **…** hugging non-space text on one line.
_emphasis = lazy(r"(\*{1,3})(?=[^\s*])(.+?)(?<=[^\s*])\1")


class Placeholder(NamedTuple):
    """One entry of ``rules/data/placeholders.yaml``."""

    id: str
    label: Text
    pattern: SafePattern
    isolated: bool = False
    near_han: bool = False
    allow: tuple[str, ...] = ()
    not_near: str = ""
    not_after_start: bool = False
    emphasis: bool = False
    title_only: bool = False
    anchors: tuple[str, ...] = ()

    def accepts(self, text: str, start: int, end: int, emphasis: frozenset[int]) -> bool:
        """Whether ``text[start:end]`` is a placeholder, not one of the legitimate uses."""
        left, right = before(text, start), after(text, end)
        if self.isolated and (is_ascii_alnum(left) or is_ascii_alnum(right)):
            return False
        if self.near_han and not (is_han(left) or is_han(right)):
            return False
        if self.not_near and ((left and left in self.not_near) or (right and right in self.not_near)):
            return False
        if self.not_after_start and left in ("", "\n") and right in (" ", "\u3000"):
            return False  # a list bullet: `* 加强…`
        if self.emphasis and start in emphasis:
            return False
        return not any(_within(text, start, end, word) for word in self.allow)


@provides
def _patterns() -> list[SafePattern]:
    return [entry.pattern for entry in placeholders()]


@provides_needles
def _needles() -> list[str]:
    return [anchor for entry in placeholders() for anchor in entry.anchors]


@data_cache
def placeholders() -> tuple[Placeholder, ...]:
    entries = []
    for raw in data("placeholders")["placeholders"]:
        label = raw.get("label", {})
        entries.append(
            Placeholder(
                id=str(raw["id"]),
                label=Text(str(label.get("zh", raw["id"])), str(label.get("en", raw["id"]))),
                pattern=compile_lazy(str(raw["pattern"])),
                isolated=bool(raw.get("isolated", False)),
                near_han=bool(raw.get("near_han", False)),
                allow=tuple(strings(raw.get("allow"))),
                not_near=str(raw.get("not_near", "")),
                not_after_start=bool(raw.get("not_after_start", False)),
                emphasis=bool(raw.get("emphasis", False)),
                title_only=raw.get("scope") == "title",
                anchors=tuple(strings(raw.get("anchors"))),
            )
        )
    return tuple(entries)


@rule(
    code="HYG-001",
    name="placeholders",
    severity="error",
    summary=Text("未填充的占位符", "Unfilled placeholder"),
    source="编辑惯例（占位符未填充）",
)
def check(context: RuleContext) -> Iterator[Violation]:
    whole = joined(context.document)
    for start, end, entry in _found(whole, context.document.source_format == "markdown"):
        place = whole.locate(start, end)
        if place is not None:
            yield _violation(*place, entry, context.redacted)


def _found(whole: Joined, markdown: bool) -> list[tuple[int, int, Placeholder]]:
    """Every placeholder in the joined text; where two entries overlap, the longer match wins."""
    text = whole.text
    active = [
        entry
        for entry in placeholders()
        if (not entry.anchors or whole.contains_any(entry.anchors)) and occurs(whole.document, entry.pattern)
    ]
    if not active:
        return []
    emphasis = _emphasis_marks(text) if markdown and "*" in text else frozenset()
    found = []
    encoded = reading_bytes(whole.document)  # the text as UTF-8, made once for every pattern
    for entry in active:
        for start, end in encoded.spans(entry.pattern):
            if end > start and entry.accepts(text, start, end, emphasis) and _in_scope(whole, entry, start):
                found.append((start, end, entry))
    found.sort(key=lambda item: (item[0], item[0] - item[1]))
    kept: list[tuple[int, int, Placeholder]] = []
    for item in found:
        if not kept or item[0] >= kept[-1][1]:
            kept.append(item)
    return kept


def _in_scope(whole: Joined, entry: Placeholder, start: int) -> bool:
    if not entry.title_only:
        return True
    place = whole.locate(start, start)
    return place is not None and place[0].kind == "title"


def _emphasis_marks(text: str) -> frozenset[int]:
    """Offsets of the asterisks that open or close Markdown emphasis."""
    marks: set[int] = set()
    for match in _emphasis().finditer(text):
        width = len(match.group(1))
        marks.update(range(match.start(), match.start() + width))
        marks.update(range(match.end() - width, match.end()))
    return frozenset(marks)


def _within(text: str, start: int, end: int, word: str) -> bool:
    """Whether ``text[start:end]`` lies inside an occurrence of ``word``."""
    found = text[start:end]
    offset = word.find(found)
    while offset >= 0:
        if start >= offset and text[start - offset : start - offset + len(word)] == word:
            return True
        offset = word.find(found, offset + 1)
    return False


def _violation(paragraph: Paragraph, start: int, end: int, entry: Placeholder, redacted: bool) -> Violation:
    found = paragraph.text[start:end]
    span = span_in(paragraph, start, end)
    if redacted:
        zh = f"占位符“{found}”（{entry.label.zh}，脱敏文本中保留）"
        en = f"placeholder '{found}' ({entry.label.en}; kept in a redacted text)"
        return Violation(span, Text(zh, en), "info")
    zh = f"未填充的占位符“{found}”（{entry.label.zh}），定稿前应填写实际内容"
    en = f"unfilled placeholder '{found}' ({entry.label.en}): fill in the actual value"
    return Violation(span, Text(zh, en))
