"""HYG-006 报告不完整（truncated report）

报告的最后一段没有句末标点，或者以网页付费墙标记（``##paidend##``）、一个孤零零的标题
结束，多半是复制时只拷了一部分、网页只显示了免费的前半篇，或者保存时被截断了。这样的
稿子缺的往往正是“存在的问题”和“下一步打算”。文末的落款（机关名称）和成文日期不算
正文，检查跳过它们，看前面一段。汇编文件中的每篇报告分别检查。

合格：

    下一步，我们将持续深化全面从严治党，为高质量发展提供坚强保证。
    中共青山县统计局党组
    2024年1月20日

不合格：

    下一步，我们将持续深化全面从严治党，为高质量发展提供

A report whose last paragraph stops mid-sentence, or ends in a paywall marker or a bare
heading, was cut off (copied in part, or scraped from a page that hid the rest).
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.model import Document, Paragraph, Text
from validator.rule import RuleContext, Violation, rule

from ._punctuation import find_artefacts
from ._text import lazy, prose_paragraphs, span_in

_TERMINAL = "。！？!?….．"
_CLOSING = "”’」』）)》】\"' \u3000"
_date = lazy(
    r"[（(]?\s*(?:[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月"
    r"[一二三四五六七八九十]{1,3}日)\s*[)）]?"
)
_clause_marks = lazy(r"[。，；：！？,;:!?]")
_SIGNATURE_MAX = 30
_organ = lazy(
    r"(?:党组|党委|委员会|工委|纪委|党支部|党总支|机关|局|厅|办公室|政府|常委会|领导班子|大学|学院|学校|医院|公司|中心)"
    r"(?:[（(]代章[)）])?$"
)


@rule(
    code="HYG-006",
    name="truncated",
    severity="warning",
    summary=Text("报告不完整", "Truncated report"),
    source="编辑惯例（文稿完整性）",
)
def check(context: RuleContext) -> Iterator[Violation]:
    document = context.document
    paragraphs = prose_paragraphs(document)  # what a reader reads, the title aside
    if not paragraphs:
        return
    last = paragraphs[-1]
    markdown = document.source_format == "markdown"
    cut = [(start, end) for start, end, artefact in find_artefacts(last.text, markdown) if artefact.truncates]
    if cut and last.text[cut[-1][1] :].strip() == "":
        start, end = cut[-1]
        marker = last.text[start:end]
        zh = f"报告以网页付费墙标记“{marker}”结尾，正文被截断，后面的内容缺失"
        yield Violation(span_in(last, start, end), Text(zh, f"report ends in the paywall marker '{marker}'"))
        return
    body = _without_signature(list(paragraphs[-4:]))  # it drops three lines at most, from the end
    if body:
        yield from _unfinished(document, body[-1])


def _without_signature(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """The paragraphs without the closing 落款 and 成文日期.

    Above a date line, any short line without punctuation is the issuer's name; with no date,
    only a short line that ends like an organ's name (…党组, …委员会, …局) is.
    """
    body = list(paragraphs)
    dated = bool(body) and _date().fullmatch(body[-1].text.strip()) is not None
    if dated:
        body.pop()
    for _ in range(2):
        if body and _is_signature(body[-1].text, dated):
            body.pop()
    return body


def _is_signature(text: str, dated: bool) -> bool:
    text = text.strip()
    if not 0 < len(text) <= _SIGNATURE_MAX or _clause_marks().search(text):
        return False
    return dated or _organ().search(text) is not None


def _unfinished(document: Document, paragraph: Paragraph) -> Iterator[Violation]:
    text = paragraph.text.rstrip()
    if not text:
        return
    heading = next(
        (h for h in document.all_headings if h.paragraph == paragraph.index and not h.run_in), None
    )
    end = len(text)
    if heading is not None and heading.kind == "heading":
        zh = "报告以标题结尾，标题下没有正文，报告可能不完整"
        yield Violation(
            span_in(paragraph, 0, end), Text(zh, "report ends in a heading with no text under it")
        )
        return
    core = text.rstrip(_CLOSING)
    if core and core[-1] in _TERMINAL:
        return
    tail = text[-12:]
    zh = f"报告最后一段没有句末标点（“…{tail}”），正文可能被截断"
    en = "the last paragraph has no closing punctuation: the report may be cut off"
    yield Violation(span_in(paragraph, end - 1, end), Text(zh, en))
