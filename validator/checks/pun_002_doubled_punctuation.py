"""PUN-002 标点重复（doubled punctuation）

两个相同的点号连用（``，，`` ``。。`` ``、、`` ``；；`` ``：：``）是删改文字时留下的残迹，
审阅者一眼就能看到，是确定的差错。两个不同的点号连用（``，。`` ``、，`` ``；。``）同样
多余一个，但有时是删句不彻底，需要人判断保留哪一个，只作警告。省略号（……）和破折号
（——）本身就是两个字符，不在检查之列；问号叹号连用（？！）也不报告。

合格：

    召开党组会议，研究部署全面从严治党工作。

不合格：

    召开党组会议，，研究部署全面从严治党工作。。

Two identical marks in a row (``，，`` ``。。`` ``、、``) are left over from editing: an error.
Two different marks in a row (``，。``) are a warning: one of them has to go.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.model import Text
from validator.rule import RuleContext, Violation, replace, rule

from ._census import occurs, provides
from ._punctuation import in_ranges, joined, located, marker_ranges
from ._text import lazy, span_in

# Pause and stop marks (点号); a run of two or more is doubled punctuation.
_run = lazy(r"[，。、；：,;]{2,}")
_PAIR = "[，。、；：,;]{2}"  # for the census: there is a run wherever there is a pair


@provides
def _patterns() -> list[str]:
    return [_PAIR]


@rule(
    code="PUN-002",
    name="doubled-punctuation",
    severity="error",
    summary=Text("标点重复", "Doubled punctuation"),
    source="GB/T 15834-2011《标点符号用法》；编辑惯例",
    fix="mixed",
)
def check(context: RuleContext) -> Iterator[Violation]:
    if not occurs(context.document, _PAIR):
        return  # the usual report: no two marks in a row
    whole = joined(context.document)
    markers: dict[int, list[tuple[int, int]]] | None = None
    for paragraph, start, end, run in located(whole, _run()):
        markers = marker_ranges(context.document) if markers is None else markers
        if in_ranges(start, markers.get(paragraph.index, [])):
            continue  # （一）、， after a heading marker: the numbering rules report it
        span = span_in(paragraph, start, end)
        if len(set(run)) == 1:
            message = Text(f"标点重复“{run}”，应只保留一个“{run[0]}”", f"doubled '{run}'")
            # a pair is a slip; a longer run (。。。。 for ……) needs a person to choose
            yield Violation(span, message, fix=replace(span, run[0], "safe" if len(run) == 2 else "unsafe"))
        else:
            zh = f"标点连用“{run}”，应只保留其中一个"
            yield Violation(span, Text(zh, f"marks '{run}' in a row: keep one"), "warning")
