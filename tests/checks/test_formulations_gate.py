"""The TERM rules' shared gate (``has_work``) never hides a finding.

``has_work`` tells, once per report, which of the data-driven TERM rules have any of their
words in the report; a rule without them returns at once. Here each rule's three searches
are also run without the gate, on texts pieced together from the pack's own words (slogans,
their wrong verbs, series members, variants' anchors and patterns' wordings), and the
findings must be the same.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from validator.checks._formulations import (
    has_work,
    pack,
    series_violations,
    variant_violations,
    verb_violations,
)
from validator.checks.formulations import RULES
from validator.model import Applicability
from validator.parse import parse_text
from validator.rule import RuleContext, Violation


def _words() -> list[str]:
    data = pack()
    words = [slogan.term for slogan in data.slogans]
    words += [verb for slogan in data.slogans for verb in (*slogan.verbs, *slogan.wrong_verbs)]
    words += [member for entry in data.series for member in entry.members]
    words += [anchor for variant in data.variants for anchor in variant.anchors]
    words += [variant.canonical for variant in data.variants if variant.canonical]
    return sorted(set(words))


PIECES = st.sampled_from(
    [*_words(), "“", "”", "、", "，", "。", "和", "的", "\n", "一、", "2019年", "2024年"]
)
TEXTS = st.lists(PIECES, max_size=40).map("".join)
YEARS = st.sampled_from([None, 2012, 2019, 2023, 2025])


def _ungated(context: RuleContext, code: str, fix: Applicability | None) -> list[Violation]:
    return [
        *verb_violations(context, code),
        *series_violations(context, code),
        *variant_violations(context, code, fix=fix),
    ]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, YEARS)
def test_the_gate_keeps_every_finding(body: str, year: int | None) -> None:
    document = parse_text(f"青山县统计局党组工作报告\n{body}\n", "gate.txt").documents[0]
    context = RuleContext(document, report_year=year)
    for rule in RULES:
        gated = list(rule.check(context))
        assert gated == _ungated(context, rule.code, rule.fix or None)  # type: ignore[arg-type]
        if not has_work(context, rule.code):
            assert gated == []


def test_the_gate_opens_for_a_wrong_wording() -> None:
    """A report with one wrong wording of a rule: that rule has work, and it finds it."""
    variant = next(entry for entry in pack().variants if entry.literal and entry.since is None)
    document = parse_text(f"标题\n我们{variant.literal}。\n", "gate.txt").documents[0]
    context = RuleContext(document)
    assert has_work(context, variant.rule)
    rule = next(rule for rule in RULES if rule.code == variant.rule)
    assert any(found.message.zh.startswith(f"“{variant.literal}”") for found in rule.check(context))
