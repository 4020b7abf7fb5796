"""Test rules with YAML cases: the runner the built-in rules use, published for plugin authors.

A case file holds the cases of one rule::

    rule: NUM-006
    cases:
      - name: level_1_number_skipped
        text: |
          一、加强政治建设
          二、强化理论武装
          四、严明纪律规矩
        expect:
          - {line: 3, column: 1}
      - name: consecutive_numbers_pass
        text: |
          一、加强政治建设
          二、强化理论武装
        expect: []
      - name: placeholder_in_redacted_corpus
        settings: {redacted: true, report_year: 2023}
        options: {min_chars: 50}
        text: 共**家单位
        expect:
          - {line: 1, column: 2, severity: info, message: 占位符}

``expect`` lists every finding the rule must make, each by line and column
(1-based, columns in characters), optionally with its ``severity``, and a
``message`` that must occur in the Chinese message. No other finding may
appear. A plugin's test suite is then a few lines::

    from validator.testing import case_ids, load_cases, run_case
    CASES = load_cases(Path(__file__).parent / "cases")

    @pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
    def test_rule_case(case):
        run_case(case)

Rules see the report as ``check`` does: the text is parsed, the checklist
``annual-report`` (or the case's ``checklist``) supplies the evidence of its
items, and the case's ``settings`` give ``report_year`` and ``redacted``.

To test a whole report (which checklist genre detection picks, which items
pass), ``check_report`` runs ``check`` on a text and returns its one
``ReportResult``; under pytest the ``report_check`` fixture (the pytest plugin
``validator.pytest_plugin``) hands out the same function. This module itself
never imports pytest, so scripts and other test runners can use it too.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from validator.model import ReportResult, RuleSetting
from validator.plugin.registry import Registry

if TYPE_CHECKING:
    from validator.model import RunSettings

_CASE_KEYS = frozenset(
    {"name", "text", "expect", "options", "settings", "checklist", "description", "layout"}
)


@dataclass(frozen=True)
class Expected:
    """One finding a case expects."""

    line: int
    column: int
    severity: str | None = None
    message: str | None = None


@dataclass(frozen=True)
class RuleCase:
    """One named case of one rule, as read from a case file."""

    rule: str
    name: str
    text: str
    expect: tuple[Expected, ...]
    options: Mapping[str, Any] = field(default_factory=dict)
    settings: Mapping[str, Any] = field(default_factory=dict)
    checklist: str = "annual-report"
    source: str = ""
    layout: Mapping[str, Any] | None = None  # how the lines are set, for the layout rules (testing_layout)


def load_cases(*paths: str | Path) -> list[RuleCase]:
    """Every case in the given YAML files, and in the ``*.yaml`` files of given directories."""
    files: list[Path] = []
    for path in map(Path, paths):
        files.extend(sorted(path.glob("*.yaml")) if path.is_dir() else [path])
    return [case for file in files for case in _read_case_file(file)]


def case_ids(cases: Iterable[RuleCase]) -> list[str]:
    """``RULE::name`` for each case: readable ids for ``pytest.mark.parametrize``."""
    return [f"{case.rule}::{case.name}" for case in cases]


def run_case(case: RuleCase, registry: Registry | None = None) -> None:
    """Check the rule on the case's text; raise AssertionError listing every difference."""
    found = findings(case, registry)
    actual = [(f.span.line, f.span.column) if f.span else (0, 0) for f in found]
    wanted = [(e.line, e.column) for e in case.expect]
    problems = []
    if sorted(actual) != sorted(wanted):
        problems.append(f"expected findings at {sorted(wanted)}, got {sorted(actual)}")
        problems.extend(f"  {f.span}: {f.severity} {f.message}" for f in found)
    by_place = {(f.span.line, f.span.column): f for f in found if f.span}
    for expected in case.expect:
        finding = by_place.get((expected.line, expected.column))
        if finding is None:
            continue
        if expected.severity and finding.severity != expected.severity:
            problems.append(
                f"line {expected.line}: severity {finding.severity}, expected {expected.severity}"
            )
        if expected.message and expected.message not in finding.message:
            problems.append(f"line {expected.line}: message {finding.message!r} lacks {expected.message!r}")
    assert not problems, f"{case.source} {case.rule}::{case.name}\n" + "\n".join(problems)


def findings(case: RuleCase, registry: Registry | None = None) -> list[Any]:
    """The failed results of the case's rule on the case's text (as ``check`` would give them)."""
    from validator.engine.evaluate import item_evidence, rule_context, run_rule
    from validator.model import RunSettings
    from validator.parse import parse_text

    registry = registry or default_registry()
    if case.rule not in registry.rules:
        raise AssertionError(f"{case.source}: unknown rule {case.rule}")
    rule = registry.rules[case.rule]
    document = parse_text(case.text, "case.txt").documents[0]
    if case.layout is not None:
        from validator.testing_layout import layout_from_case

        document = dataclasses.replace(document, layout=layout_from_case(case.text, case.layout))
    settings = RunSettings(
        report_year=case.settings.get("report_year"), redacted=bool(case.settings.get("redacted", False))
    )
    evidence = item_evidence(document, registry.checklists[case.checklist])
    context = rule_context(document, settings, evidence)
    setting = RuleSetting(case.rule, options=tuple(sorted(case.options.items())))
    return [result for result in run_rule(rule, setting, context) if result.status == "fail"]


def check_report(
    text: str, checklist: str | None = None, *, registry: Registry | None = None, **settings: Any
) -> ReportResult:
    """Check one report's text as ``check`` does, with the default registry (plugins included).

    ``checklist`` forces a checklist by id or YAML path (a project-local file that
    ``extends`` an installed one works too); without it genre detection chooses, as
    on the command line. ``settings`` are those of ``validator.model.RunSettings``
    (``lang``, ``select``, ``ignore``, ``report_year``, ``redacted``, ``severity``).
    A text holding several reports (a compilation) is refused: a test about one
    report should not pass because of another.
    """
    from validator.engine.pipeline import Validator

    validator = Validator(registry or default_registry(), _run_settings(settings), checklist)
    reports = validator.check_text(text, "<report_check>")
    if len(reports) != 1:
        raise ValueError(f"check_report expects one report, the text holds {len(reports)}")
    return reports[0]


def _run_settings(settings: Mapping[str, Any]) -> RunSettings:
    """``RunSettings`` from keyword arguments; lists become tuples, unknown names are a TypeError."""
    import dataclasses

    from validator.model import RunSettings

    known = {f.name for f in dataclasses.fields(RunSettings)}
    unknown = sorted(set(settings) - known)
    if unknown:
        raise TypeError(f"unknown settings {unknown}; known: {sorted(known)}")
    values: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in settings.items()}
    return RunSettings(**values)


@functools.lru_cache(maxsize=1)
def default_registry() -> Registry:
    from validator.plugin.manager import load_plugins
    from validator.plugin.registry import build_registry

    return build_registry(load_plugins())


def _read_case_file(path: Path) -> list[RuleCase]:
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("rule"), str) or "cases" not in data:
        raise ValueError(f"{path}: a case file needs 'rule' and 'cases'")
    return [_case(path, data["rule"], index, raw) for index, raw in enumerate(data["cases"])]


def _case(path: Path, rule: str, index: int, raw: Mapping[str, Any]) -> RuleCase:
    unknown = set(raw) - _CASE_KEYS
    if unknown or "text" not in raw or "expect" not in raw:
        raise ValueError(f"{path}: case {index}: needs 'text' and 'expect'; unknown keys {sorted(unknown)}")
    expect = tuple(Expected(**item) for item in raw["expect"] or ())
    return RuleCase(
        rule=rule,
        name=str(raw.get("name", index)),
        text=str(raw["text"]),
        expect=expect,
        options=dict(raw.get("options") or {}),
        settings=dict(raw.get("settings") or {}),
        checklist=str(raw.get("checklist", "annual-report")),
        source=str(path),
        layout=raw.get("layout"),
    )


def rules_without_cases(registry: Registry, cases: Sequence[RuleCase]) -> list[str]:
    """Rule codes that no case makes fire, or that no case shows passing: each rule needs both."""
    firing = {case.rule for case in cases if case.expect}
    passing = {case.rule for case in cases if not case.expect}
    return sorted(code for code in registry.rules if code not in firing or code not in passing)
