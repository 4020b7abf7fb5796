"""TIME-002 以过时的会议精神为当前遵循（outdated congress or plenum cited as the current guide）

党的二十大（2022年10月）召开后，2023年及以后年度的报告应当“深入贯彻党的二十大精神”
（以及二十届历次全会精神）；仍写“全面贯彻党的十九大和十九届历次全会精神”，说明沿用了
旧稿。本规则只看“贯彻／落实／学习……精神”这类把会议作为当前遵循的说法：“党的十八大以来”
“党的十九大以来”“十九届六中全会通过的历史决议”等历史表述不受影响。同一句中已经写了新的
会议精神（“党的十九大、二十大精神”）时降为警告；中央纪委全会精神过期（例如 2024 年度报告
仍以二十届中央纪委二次全会精神为遵循）也报警告。哪些会议在哪一年过时，见数据包
``rules/data/timeline.yaml``（``current_until``）。报告年度未知时不检查；年度只来自
``report_year`` 设置、正文未写年度时最多报警告。

合格：

    2023年，局党组坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二十大精神。
    党的十八大以来，党中央以前所未有的勇气和定力推进全面从严治党。

不合格：

    2023年，局党组坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十九大和十九届历次全会精神。

From 2023 on, the guide a report cites is the 20th Party Congress; citing the 19th Congress
and its plenums as the current guide (not as history) shows reused text.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.model import Severity, Text
from validator.parse.reportyear import years_in
from validator.rule import RuleContext, Violation, rule

from ._text import lazy, span_in
from ._timeline import (
    CLAUSE_STOPS,
    SENTENCE_STOPS,
    Event,
    book_titles,
    bounds,
    cap,
    find_events,
    inside,
    lower,
    timeline,
    year_is_stated,
)

# Cited as the current guide: a verb of carrying out before it, 精神 after it, in one clause.
_guide_verb = lazy(r"贯彻|落实|学习|领会|领悟|践行|遵循|宣传|宣讲|对标|对照|按照|为指导|以")
_spirit = lazy(r"精神")
_SPIRIT_REACH = 40
# History, not guidance: 党的十九大以来, 十九届六中全会通过的, 召开前夕, 回顾…
_history = lazy(r"以来|期间|当时|召开|通过的|作出的|提出的|回顾|前夕|闭幕|代表|报告提出|报告指出")


@rule(
    code="TIME-002",
    name="outdated-guide",
    severity="error",
    summary=Text("以过时的会议精神为当前遵循", "Outdated congress or plenum cited as the current guide"),
    source="编辑惯例；党的二十大（2022年10月）及历次全会",
)
def check(context: RuleContext) -> Iterator[Violation]:
    year = context.report_year
    if year is None:
        return
    outdated = [e for e in timeline() if e.current_until is not None and year > e.current_until]
    ceiling: Severity = "error" if year_is_stated(context) else "warning"
    seen: set[tuple[int, int]] = set()
    for paragraph, start, end, event in find_events(context.document, outdated):
        text = paragraph.text
        clause = bounds(text, start, end, CLAUSE_STOPS)
        if (paragraph.index, clause[0]) in seen or inside(start, book_titles(text)):
            continue
        if not _cited_as_guide(text, start, end, clause) or _dated_in_its_time(text, start, end, event):
            continue
        seen.add((paragraph.index, clause[0]))
        severity = cap(_severity(event, text[clause[0] : clause[1]]), ceiling)
        yield Violation(span_in(paragraph, start, end), _message(event, text[start:end], year), severity)


def _cited_as_guide(text: str, start: int, end: int, clause: tuple[int, int]) -> bool:
    left, right = clause
    if _history().search(text, left, right):
        return False
    spirit = _spirit().search(text, end, min(right, end + _SPIRIT_REACH))
    return spirit is not None and _guide_verb().search(text, left, start) is not None


def _dated_in_its_time(text: str, start: int, end: int, event: Event) -> bool:
    """The sentence names a year when the guide was current (2021年是深入贯彻…的一年): history."""
    left, right = bounds(text, start, end, SENTENCE_STOPS)
    until = event.current_until or 0
    return any(year <= until for year in years_in(text[left:right]))


def _severity(event: Event, clause: str) -> Severity:
    severity = event.outdated_severity
    if event.replaced_pattern is not None and event.replaced_pattern.search(clause):
        severity = lower(severity)  # the new guide is cited alongside: a lesser slip
    return severity if event.sure else "info"


def _message(event: Event, found: str, year: int) -> Text:
    instead = event.replaced_by or "当年的会议精神"
    return Text(
        f"{year}年度报告仍以“{found}”精神为当前遵循（{event.name}精神只适用于{event.current_until}"
        f"年度及以前的报告），应改为{instead}",
        f"a {year} report cites {found} as the current guide (right only up to {event.current_until}); "
        f"cite {instead} instead",
    )
