"""NUM-001 一级标题序号（level-1 heading marker）

GB/T 9704-2012 §7.3.3 规定第一层结构层次序数用“一、”；GB/T 15834-2011 规定不带括号的
汉字序次语后用顿号。“一.”“一，”“一：”是常见的错误写法，审校时一律改为“一、”。序号后只
空一格（“一 加强…”）可以容忍，但应补上顿号。只有一个层次的正文应当用“一、”而不是
“1.”作为第一层。

合格：

    二、强化政治建设

不合格：

    二.强化政治建设
    二，强化政治建设

A level-1 heading is numbered with a Chinese numeral and 、 (GB/T 9704 §7.3.3, GB/T 15834):
"二、", never "二." or "二，"; a text with one level of headings numbers it 一、, not 1..
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.checks._numbering import (
    STRAY_AFTER_MARKER,
    after_marker,
    numbered_by_rank,
    stray_span,
)
from validator.checks._text import paragraphs_by_index
from validator.model import Heading, Text
from validator.rule import RuleContext, Violation, replace, rule

_WRONG_DELIMITERS = ".．，,:："


@rule(
    code="NUM-001",
    name="level1-marker",
    severity="error",
    summary=Text("一级标题序号应为“一、”", "Level-1 headings are numbered 一、"),
    source="GB/T 9704-2012 §7.3.3；GB/T 15834-2011（序次语后的顿号）",
    fix="mixed",
)
def check(context: RuleContext) -> Iterator[Violation]:
    document = context.document
    paragraphs = paragraphs_by_index(document)
    level_1 = numbered_by_rank(document).get(1, ())
    for heading in level_1:
        stray = after_marker(heading, paragraphs[heading.paragraph])
        if heading.style.delimiter and heading.style.delimiter in _WRONG_DELIMITERS:
            canonical = replace(heading.marker_span, _canonical(heading))
            yield Violation(heading.marker_span, _wrong(heading), fix=canonical)
        elif not heading.style.delimiter:  # 一 加强…: a heading only if the parser guessed right
            unsure = replace(heading.marker_span, _canonical(heading), "unsafe")
            yield Violation(heading.marker_span, _space(heading), severity="warning", fix=unsure)
        elif stray and stray in STRAY_AFTER_MARKER:
            span = stray_span(heading)
            yield Violation(span, _doubled(heading, stray), fix=replace(span, heading.marker))
    if not level_1:
        yield from _arabic_top_level(context)


def _arabic_top_level(context: RuleContext) -> Iterator[Violation]:
    """One warning when the top level of a report is numbered 1. and nothing is numbered 一、."""
    first = next(
        (h for h in context.document.headings if h.kind == "heading" and h.marker and h.rank == 3), None
    )
    if first is not None:
        yield Violation(
            first.marker_span,
            Text(
                f"第一层标题用了“{first.marker.strip()}”：只有一个层次时应使用“一、”“二、”",
                f"the top level is numbered “{first.marker.strip()}”: a single level uses 一、 二、",
            ),
            severity="warning",
        )


def _canonical(heading: Heading) -> str:
    return heading.marker.rstrip("、.．，,:： \u3000") + "、"


def _wrong(heading: Heading) -> Text:
    marker, canonical = heading.marker, _canonical(heading)
    return Text(
        f"一级标题序号“{marker}”不规范，应为“{canonical}”（汉字序号后用顿号）",
        f"level-1 marker “{marker}” should be “{canonical}” (a Chinese numeral takes 、)",
    )


def _space(heading: Heading) -> Text:
    canonical = _canonical(heading)
    return Text(
        f"一级标题序号后缺少顿号，应为“{canonical}”",
        f"level-1 marker lacks its 、: write “{canonical}”",
    )


def _doubled(heading: Heading, stray: str) -> Text:
    marker = heading.marker
    return Text(
        f"一级标题序号“{marker}{stray}”标点重复，应为“{marker}”",
        f"level-1 marker “{marker}{stray}” has doubled punctuation: write “{marker}”",
    )
