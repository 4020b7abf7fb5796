"""SEC-008 问题查摆过于笼统（problems too vague to act on）

“存在的问题”部分应当具体：至少列出两个问题，篇幅不少于 100 字，并且有可以落实整改的
具体内容——对象、范围（有的、个别、部分）、数字或实例（如、比如、主要表现为）。只有
“还有差距”“有待加强”之类套话的问题部分，审阅者会退回重写。本规则只检查清单项
``problems`` 找到的部分；没有找到问题部分时由清单项本身报告。

合格：

    在总结成绩的同时，我们也清醒认识到还存在一些不足：一是理论学习不够深入，有的支部
    “三会一课”记录不全，2个支部全年仅开展专题研讨1次；二是作风建设仍有短板，个别干部
    调查研究浮在面上。

不合格：

    在总结成绩的同时，我们也认识到还存在一些差距，理论学习还有差距，工作作风还需加强。

一段话里用顿号列出的几个问题（“学习转化不足、融合机制创新不够、激励有待完善等问题”）按几个
计算。

选项：``min_chars``（默认 100）问题部分的最少字数；``min_items``（默认 2）最少问题条数。

The problems part should be specific: at least two problems, at least 100 characters, and
something a reader could act on (a scope word, a number, an example).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from validator.model import Document, Paragraph, Text
from validator.rule import RuleContext, Violation, rule

from ._text import lazy

_next_steps_bridge = lazy(r"针对(以上|上述|这些)问题|下一步|下步")
# 、 separates problems too: “转化不足、融合不够、激励有待完善等问题” names three, not one.
_clause = lazy(r"[，,；;。：:、]")
_problem_words = lazy(
    r"差距|不足|不够|薄弱|短板|弱项|有待|还需|仍需|不强|不高|不深|不实|不严|不紧|不充分|不到位|不明显|单一|滞后|偏少|欠缺"
)
_specific = lazy(r"\d|有的|个别|部分|少数|如，|比如|例如|主要表现|具体表现|体现在")


@rule(
    code="SEC-008",
    name="vague-problems",
    severity="warning",
    summary=Text("问题查摆过于笼统", "Problems too vague to act on"),
    source="《党委（党组）落实全面从严治党主体责任规定》第三章；编辑惯例",
    options={"min_chars": 100, "min_items": 2},
)
def check(context: RuleContext) -> Iterator[Violation]:
    paragraphs = context.evidence.get("problems", ())
    if not paragraphs:
        return
    text = _problems_text(context.document, paragraphs[0])
    reasons = _vagueness(text, context.options)
    if reasons:
        zh = "问题查摆过于笼统：" + "；".join(zh for zh, _ in reasons)
        en = "problems too vague: " + "; ".join(en for _, en in reasons)
        yield Violation(paragraphs[0].span, Text(zh, en))


def _vagueness(text: str, options: Mapping[str, Any]) -> list[tuple[str, str]]:
    min_chars, min_items = int(options["min_chars"]), int(options["min_items"])
    reasons = []
    if len(text) < min_chars:
        reasons.append(
            (f"仅 {len(text)} 字，少于 {min_chars} 字", f"{len(text)} characters, fewer than {min_chars}")
        )
    problem_words = _problem_words()
    items = sum(1 for clause in _clause().split(text) if problem_words.search(clause))
    if items < min_items:
        reasons.append((f"只写出 {items} 个问题", f"only {items} problem(s) stated"))
    if not _specific().search(text):
        reasons.append(("没有具体对象、范围、数字或实例", "no scope, number or example"))
    return reasons


def _problems_text(document: Document, start: Paragraph) -> str:
    """The problems part: a headed section's paragraphs, or the paragraph up to the next-steps bridge."""
    if start.kind != "heading":
        return _next_steps_bridge().split(start.text, maxsplit=1)[0]
    following = [p for p in document.paragraphs if p.index > start.index]
    body = []
    for paragraph in following:
        if paragraph.kind == "heading":
            break
        body.append(paragraph.text)
    return "".join(body)
