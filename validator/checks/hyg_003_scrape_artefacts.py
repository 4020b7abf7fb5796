"""HYG-003 网页抓取残留（web-scrape artefacts）

从网页或文库网站复制来的文字常常带着网站的痕迹：付费墙标记 ``##paidbegin##``
``##paidend##``、HTML 实体 ``&nbsp;``、HTML 标签 ``<br>``、解码失败留下的乱码替换符
``�``，以及看不见的零宽字符。这些字符出现在报送稿里，既说明稿子是抄来的，也说明没有
人通读过；乱码处原有的文字已经丢失，必须找回原文补上。“责任编辑：”“阅读全文”之类的
网页文字只作警告。Markdown 文件中的 HTML 实体和标签是合法的标记，不检查。式样见数据包
``rules/data/scrape_artefacts.yaml``。

合格：

    开展学习贯彻习近平新时代中国特色社会主义思想主题教育。

不合格：

    开展学习贯彻习近平新时代中国特色社会主义思想主题##paidbegin##教育。&nbsp;

Text copied from a web page carries the site's markup: paywall markers, HTML entities and
tags, the replacement character of a broken decoding, zero-width characters.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.model import Text
from validator.rule import RuleContext, Violation, rule

from ._punctuation import find_artefacts, joined
from ._text import span_in


@rule(
    code="HYG-003",
    name="scrape-artefacts",
    severity="error",
    summary=Text("网页抓取残留", "Web-scrape artefacts"),
    source="编辑惯例（网页抓取残留）",
)
def check(context: RuleContext) -> Iterator[Violation]:
    whole = joined(context.document)
    markdown = context.document.source_format == "markdown"
    artefacts = find_artefacts(whole.text, markdown, context.document)
    for start, end, artefact in sorted(artefacts, key=lambda item: item[0]):
        place = whole.locate(start, end)
        if place is None:
            continue
        paragraph, first, last = place
        found = paragraph.text[first:last]
        shown = found if found.isprintable() and not found.isspace() else ascii(found)
        zh = f"网页抓取残留：{artefact.label.zh}“{shown}”，应删除"
        if artefact.id == "replacement-character":
            zh += "；乱码处原有的文字已经丢失，须核对原文补全"
        en = f"web-scrape artefact: {artefact.label.en} '{shown}'"
        yield Violation(span_in(paragraph, first, last), Text(zh, en), artefact.severity)
