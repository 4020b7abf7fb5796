"""Every rule is linear in its input: its own triggers repeated on one line and as many lines.

For each registered rule, each of its failing YAML cases (tests/checks/cases) gives a trigger: the
case's body. It is repeated until the input holds about ``LINE_CHARS`` characters on one line,
and about ``LINES_CHARS`` characters as one paragraph per repetition, and the rule alone is timed
on the parsed report (parsing is timed by the parser's own tests). At these sizes a rule that does
Python-level work per pair of occurrences takes tens of seconds (TERM-010 took 6.8 s on 60,000
characters before it was fixed); a linear one takes a fraction of a second. The bound is generous
so that a busy machine does not fail the test; ``scripts/bench_hostile.py`` prints the figures.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from validator.engine.evaluate import RunSettings, item_evidence, rule_context, run_rule
from validator.model import RuleSetting
from validator.parse import parse_text
from validator.testing import RuleCase, default_registry, load_cases

CASES = [case for case in load_cases(Path(__file__).parents[1] / "checks" / "cases") if case.expect]
LINE_CHARS = 150_000
LINES_CHARS = 30_000
BOUND_SECONDS = 4.0


def pathological(case: RuleCase, shape: str, chars: int) -> str:
    """The case's title, then its body repeated to about ``chars`` characters on one line or as lines."""
    title, *body = case.text.rstrip("\n").split("\n")
    unit = "".join(body) if shape == "line" else "\n".join(body)
    times = max(1, chars // max(1, len(unit)))
    return title + "\n" + ("" if shape == "line" else "\n").join([unit] * times) + "\n"


def rule_seconds(case: RuleCase, text: str) -> tuple[float, int]:
    """The time the case's rule alone takes on ``text``, and how many failures it gives."""
    registry = default_registry()
    document = parse_text(text, "hostile.txt").documents[0]
    settings = RunSettings(
        report_year=case.settings.get("report_year"), redacted=bool(case.settings.get("redacted", False))
    )
    context = rule_context(document, settings, item_evidence(document, registry.checklists[case.checklist]))
    setting = RuleSetting(case.rule, options=tuple(sorted(case.options.items())))
    started = time.perf_counter()
    results = run_rule(registry.rules[case.rule], setting, context)
    return time.perf_counter() - started, sum(result.status == "fail" for result in results)


def _params() -> Iterator[object]:
    for code in sorted(default_registry().rules):
        cases = [case for case in CASES if case.rule == code]
        yield pytest.param(code, cases, id=code)


@pytest.mark.parametrize(("code", "cases"), list(_params()))
def test_rule_is_linear_on_its_own_triggers(code: str, cases: list[RuleCase]) -> None:
    if default_registry().rules[code].formats:
        pytest.skip(f"{code} judges Word layout: tests/readers/test_docx_budgets.py times it on .docx")
    assert cases, f"{code} has no failing case to build its hostile input from"
    triggered = 0
    for case in cases:
        for shape, chars in (("line", LINE_CHARS), ("lines", LINES_CHARS)):
            seconds, failures = rule_seconds(case, pathological(case, shape, chars))
            assert seconds < BOUND_SECONDS, f"{code} {case.name} ({shape}): {seconds:.1f} s"
            triggered += failures
    # Repetition may change a verdict (a lone heading repeated is no longer lone, headings only
    # count at the start of a line), but the rule must still find something in its inputs.
    assert triggered >= 1, f"{code}: none of its hostile inputs triggers it any more"


# ---------------------------------------------------------------------------- the helpers once quadratic


def _timed(work: object) -> float:
    started = time.perf_counter()
    work()  # type: ignore[operator]
    return time.perf_counter() - started


def test_enclosed_does_not_rescan_the_line_per_occurrence() -> None:
    """TERM-006 asked ``enclosed(text, start)`` per slogan, which sliced and counted ``text[:start]``."""
    from validator.checks._formulations import enclosed

    text = "“两个维护”和两个维护，" * 100_000  # 1.1 M characters
    starts = range(6, len(text), len(text) // 20_000)
    seconds = _timed(lambda: [enclosed(text, start) for start in starts])
    assert seconds < BOUND_SECONDS
    assert enclosed("“两个维护", 1) and not enclosed("“两个维护”和两个维护", 7)


def test_clause_bounds_do_not_rescan_the_line_per_match() -> None:
    """TIME-002/TIME-005 looked back with ``rfind`` for each stop, to the line's start when absent."""
    from validator.checks._timeline import bounds

    text = "2019年" * 200_000  # no stop at all: every rfind scanned back to the start
    seconds = _timed(lambda: [bounds(text, start, start + 5, "，。；") for start in range(0, len(text), 50)])
    assert seconds < BOUND_SECONDS
    assert bounds("甲，乙丙。丁", 2, 3, "，。") == (2, 4)


def test_a_line_of_unpaired_marks_is_checked_in_linear_time() -> None:
    """PUN-003 looked down the stack of open marks per closing mark; fingerprints hashed the
    whole line once per finding."""
    from validator.testing import check_report

    text = "某局党组2024年工作总结\n" + "《" * 50_000 + "）" * 50_000 + "\n"
    seconds = _timed(lambda: check_report(text, select=("PUN-003",)))
    assert seconds < 3 * BOUND_SECONDS


def test_many_suppression_comments_are_applied_in_linear_time() -> None:
    """Each result was checked against every suppression, each disable looked for its enable among
    all directives, and each RV-001 copied its report's results: 5,000 comments took 7 s."""
    from validator.testing import check_report

    pair = "<!-- report-validator: disable=NUM-008 理由 -->\n中纪委通报。\n"
    text = "某局党组2024年落实全面从严治党主体责任情况报告\n" + pair * 20_000
    report = check_report(text)
    seconds = _timed(lambda: check_report(text))
    assert seconds < 3 * BOUND_SECONDS
    unused = [result for result in report.results if result.id == "RV-001"]
    assert len(unused) == 20_000  # every directive hid nothing: NUM-008 finds no skipped level here


def test_many_suppressions_that_hide_findings_are_applied_in_linear_time() -> None:
    from validator.testing import check_report

    pair = "<!-- report-validator: disable-next-line=TERM-010 惯用简称 -->\n中纪委通报。\n"
    text = "某局党组2024年落实全面从严治党主体责任情况报告\n" + pair * 20_000
    started = time.perf_counter()
    report = check_report(text)
    assert time.perf_counter() - started < 3 * BOUND_SECONDS
    assert not [r for r in report.results if r.id == "TERM-010" and r.status == "fail"]
    assert not [r for r in report.results if r.id.startswith("RV-")]
