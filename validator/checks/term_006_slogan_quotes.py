"""TERM-006 固定提法加引号（slogans in quotation marks）

“两个确立”“两个维护”“四个意识”“四个自信”等数字概括的固定提法，中央文件一律加引号。漏加
引号是编校中的常见差错（做到两个维护）。已经处在一对引号或书名号之内的（开展“增强四个意识”
主题活动）不报告。需要加引号的提法见数据包 ``rules/data/formulations.yaml``（``quote: true``）。

合格：

    增强“四个意识”、坚定“四个自信”、做到“两个维护”。

不合格：

    增强“四个意识”、坚定“四个自信”、做到两个维护。

Numbered slogans such as 两个维护 are always written in quotation marks.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from validator.model import Text
from validator.rule import RuleContext, Violation, rule

from ._census import has
from ._formulations import enclosed, occurrences, quoted, slogans
from ._text import reading_paragraphs, reading_text, span_in


@rule(
    code="TERM-006",
    name="slogan-quotes",
    severity="warning",
    summary=Text("固定提法未加引号", "Fixed slogan without quotation marks"),
    source="编辑惯例（政工文稿编校规范：固定提法加引号）",
)
def check(context: RuleContext) -> Iterator[Violation]:
    document = context.document
    terms = [slogan.term for slogan in slogans() if slogan.quote]
    # Each slogan is looked for in the joined text (it holds no line break), then judged in its
    # paragraph, term by term as listed, occurrence by occurrence.
    text, starts = reading_text(document)
    found: dict[int, list[tuple[int, int]]] = {}  # paragraph position → (term's rank, start in it)
    for rank, term in enumerate(terms):
        if "\n" in term or not has(document, term):
            continue
        for start in occurrences(text, term):
            at = bisect.bisect_right(starts, start) - 1
            found.setdefault(at, []).append((rank, start - starts[at]))
    paragraphs = reading_paragraphs(document)
    for at in sorted(found):
        paragraph = paragraphs[at]
        for rank, start in sorted(found[at]):
            term = terms[rank]
            end = start + len(term)
            if quoted(paragraph.text, start, end) or enclosed(paragraph.text, start):
                continue
            zh = f"固定提法“{term}”应加引号"
            en = f"the slogan {term} is written in quotation marks: “{term}”"
            yield Violation(span_in(paragraph, start, end), Text(zh, en))
