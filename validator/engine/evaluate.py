"""Evaluate one report against a checklist and the enabled rules.

The flow fits on one screen: items first (each gives exactly one result and
keeps its evidence), then order items, then every enabled rule (one ``fail``
per violation, or one ``pass``), then ``--select``/``--ignore``.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Mapping
from itertools import pairwise
from types import MappingProxyType

from validator.budget import check_deadline
from validator.engine.items import NO_EVIDENCE, Evidence, expect, find_evidence, item_result
from validator.model import (
    SEVERITY_RANK,
    Checklist,
    ChecklistItem,
    Document,
    Paragraph,
    ReportResult,
    Result,
    RuleSetting,
    RunSettings,
    Severity,
    Span,
    Text,
)
from validator.parse.reportyear import report_year
from validator.rule import Rule, RuleContext

# What a report no checklist fits is checked against: no items, every rule as registered.
NO_CHECKLIST = Checklist(id="", name=Text("无检查清单", "no checklist"), items=())
_NO_BASIS = Text("")


def check_document(
    document: Document,
    checklist: Checklist | None,
    rules: Mapping[str, Rule],
    settings: RunSettings,
    basis: Text = _NO_BASIS,
) -> ReportResult:
    """The verdict on one report: one result per item, then per enabled rule.

    ``checklist`` None (no checklist fits the genre): no item results, the rules alone.
    """
    chosen = checklist
    checklist = checklist or NO_CHECKLIST
    evidence = _ItemEvidence(document, checklist)
    results = [_judge_item(item, evidence, settings.lang) for item in checklist.items]
    context = rule_context(document, settings, evidence.paragraphs())
    for rule, setting in enabled_rules(checklist, rules):
        if not rule.formats or document.source_format in rule.formats:  # FMT-: Word's layout only
            results.extend(run_rule(rule, setting, context))
    if settings.select or settings.ignore or settings.severity:
        kept = tuple(_regraded(result, settings) for result in results if _wanted(result.id, settings))
    else:  # the usual run: every result as it is (two calls per result cost more than some rules)
        kept = tuple(results)
    title = document.title.text if document.title else None
    line = document.title.span.line if document.title else document.first_line
    return ReportResult(title, line, chosen.id if chosen else None, kept, basis)


def rule_context(
    document: Document, settings: RunSettings, evidence: Mapping[str, tuple[Paragraph, ...]]
) -> RuleContext:
    """What every rule sees of a report; options are filled in per rule by ``run_rule``."""
    return RuleContext(
        document,
        evidence=MappingProxyType(dict(evidence)),
        lang=settings.lang,
        report_year=report_year(document, settings.report_year),
        redacted=settings.redacted,
        accept=settings.accept,
    )


def item_evidence(document: Document, checklist: Checklist) -> dict[str, tuple[Paragraph, ...]]:
    """The paragraphs that satisfy each content item of ``checklist`` (for rules and tests)."""
    return _ItemEvidence(document, checklist).paragraphs()


def enabled_rules(checklist: Checklist, rules: Mapping[str, Rule]) -> list[tuple[Rule, RuleSetting]]:
    """Every registered rule with the checklist's setting for it, unless turned off, sorted by code."""
    settings = {setting.code: setting for setting in checklist.rules}
    chosen = [(rule, settings.get(code) or _as_registered(code)) for code, rule in sorted(rules.items())]
    return [(rule, setting) for rule, setting in chosen if setting.enabled]


@functools.lru_cache(maxsize=1024)
def _as_registered(code: str) -> RuleSetting:
    """The setting of a rule the checklist does not mention: one frozen object per code, shared by
    every report, rather than a new one per rule per report."""
    return RuleSetting(code)


class _ItemEvidence:
    """Evidence per item, computed once; ``after`` constraints resolved on demand."""

    def __init__(self, document: Document, checklist: Checklist) -> None:
        self._document = document
        self.checklist = checklist
        expect(document, checklist.items)
        self._found: dict[str, Evidence] = {}
        self._anywhere: dict[str, Evidence] = {}

    def paragraphs(self) -> dict[str, tuple[Paragraph, ...]]:
        """Each content item's evidence paragraphs, as rules see them."""
        return {item.id: self.get(item.id).paragraphs for item in self.checklist.items if not item.order}

    def anywhere(self, item_id: str) -> Evidence:
        """The item's evidence with no position constraint (used to judge order)."""
        item = self.checklist.item(item_id)
        if item is None or item.order:
            return NO_EVIDENCE
        if item_id not in self._anywhere:
            self._anywhere[item_id] = find_evidence(self._document, item.cues)
        return self._anywhere[item_id]

    def get(self, item_id: str) -> Evidence:
        """The item's evidence at or after the first evidence of the items it must follow."""
        item = self.checklist.item(item_id)
        if item is None or item.order:
            return NO_EVIDENCE
        if item_id not in self._found:
            starts = [self.get(other).first_line for other in item.after]
            not_before = max((line for line in starts if line is not None), default=0)
            found = self.anywhere(item_id)
            if not_before:
                found = find_evidence(self._document, item.cues, not_before)
            self._found[item_id] = found
        return self._found[item_id]


def _judge_item(item: ChecklistItem, evidence: _ItemEvidence, lang: str) -> Result:
    if item.order:
        return _order_result(item, evidence, lang)
    return item_result(item, evidence.get(item.id), lang)


def _order_result(item: ChecklistItem, evidence: _ItemEvidence, lang: str) -> Result:
    """Each part must not lie wholly before the part it should follow (problems → next steps).

    When a part is missing the order cannot be judged: the item passes (the
    missing part fails on its own) but says so rather than "in order".
    """
    label = _labeller(evidence, lang)
    missing = [label(part) for part in item.order if evidence.anywhere(part).first_line is None]
    if missing:
        quoted = "”“".join(missing)
        return Result(
            "item", item.id, "pass", item.severity,
            f"未判断：未找到“{quoted}”" if lang != "en" else f"not judged: no “{quoted}” found",
        )  # fmt: skip
    for earlier, later in pairwise(item.order):
        first, last = evidence.anywhere(earlier), evidence.anywhere(later)
        if first.first_line is not None and last.last_line is not None and last.last_line < first.first_line:
            message = item.message_fail.get(lang) or _order_message(label(earlier), label(later), lang)
            return Result("item", item.id, "fail", item.severity, message, last.spans[-1])
    message = item.message_pass.get(lang) or ("顺序正确" if lang != "en" else "in order")
    return Result("item", item.id, "pass", item.severity, message)


def _labeller(evidence: _ItemEvidence, lang: str) -> Callable[[str], str]:
    """An item's label in ``lang`` (its id when there is no such item): messages name parts as users do."""

    def label(item_id: str) -> str:
        part = evidence.checklist.item(item_id)
        return part.label.get(lang) if part else item_id

    return label


def _order_message(earlier: str, later: str, lang: str) -> str:
    if lang == "en":
        return f"'{later}' comes before '{earlier}'"
    return f"“{later}”出现在“{earlier}”之前"


def run_rule(rule: Rule, setting: RuleSetting, context: RuleContext) -> list[Result]:
    """One ``fail`` result per violation, or one ``pass``.

    A violation may carry a lower severity than the rule's (a rule that is sure
    of some cases and only suspicious of others); it never raises it.
    """
    check_deadline()  # the file's time budget (validator.budget), looked at between rules
    lang = context.lang
    severity = setting.severity or rule.severity
    failures = [
        Result(
            "rule", rule.code, "fail", _lower(severity, v.severity), v.message.get(lang), v.span, fix=v.fix
        )
        for v in rule.check(_with_options(context, rule, setting))
        if not (context.accept and _accepted(v.span, context))
    ]
    if failures:
        return sorted(failures, key=Result.sort_key)
    return [_passed(rule.code, severity, lang)]


@functools.lru_cache(maxsize=4096)
def _passed(code: str, severity: Severity, lang: str) -> Result:
    """A rule's pass: frozen, so one object per rule, severity and language serves every report."""
    return Result("rule", code, "pass", severity, "未发现问题" if lang != "en" else "no problem found")


def _with_options(context: RuleContext, rule: Rule, setting: RuleSetting) -> RuleContext:
    """The context with the rule's options (defaults, then the checklist's), read-only for the rule.

    Most rules have no options: they share ``context`` as it is, since a copy per rule per
    report (``dataclasses.replace``) cost more than many of the rules themselves.
    """
    if not (rule.options or setting.options or context.options):
        return context
    options = MappingProxyType({**rule.options, **dict(setting.options)})
    return dataclasses.replace(context, options=options)


def _accepted(span: Span, context: RuleContext) -> bool:
    """Whether the finding lies inside a word of the project's vocabulary (``vocabulary.accept``)."""
    if span.line != span.end_line:
        return False
    line = context.document.lines[span.line - 1]
    start, end = span.column - 1, span.end_column - 1
    for word in context.accept:
        found = line.find(word, max(0, end - len(word)))
        while 0 <= found <= start:
            if found + len(word) >= end:
                return True
            found = line.find(word, found + 1)
    return False


def _lower(configured: Severity, proposed: Severity | None) -> Severity:
    if proposed is None or SEVERITY_RANK[proposed] >= SEVERITY_RANK[configured]:
        return configured
    return proposed


def drop_failures(report: ReportResult, drop: Callable[[Result], bool], message: str) -> ReportResult:
    """The report without the failures ``drop`` picks (suppressed, or in the baseline).

    An item or rule left with no result at all gets a pass with ``message``, so
    that every item and every enabled rule still gives a result. A ``{message}``
    in it is replaced by the first dropped failure's message: an accepted
    missing part must still say that it is missing, not that all is well.
    """
    kept = [result for result in report.results if result.status != "fail" or not drop(result)]
    present = {result.id for result in kept}
    for result in report.results:
        if result.id not in present:
            said = message.replace("{message}", result.message)
            kept.append(Result(result.kind, result.id, "pass", result.severity, said))
            present.add(result.id)
    return dataclasses.replace(report, results=tuple(kept))


def _regraded(result: Result, settings: RunSettings) -> Result:
    """The result with the configured severity for its id (a rule code or an item id)."""
    severity = settings.severity.get(result.id)
    return dataclasses.replace(result, severity=severity) if severity else result


def _wanted(result_id: str, settings: RunSettings) -> bool:
    """``--select``/``--ignore`` by exact id or by prefix (``NUM`` selects every NUM-… rule)."""
    if not (settings.select or settings.ignore):
        return True  # the usual run: asked for every result of every report

    def hit(ids: tuple[str, ...]) -> bool:
        return any(result_id == wanted or result_id.startswith(wanted.rstrip("-") + "-") for wanted in ids)

    if settings.select and not hit(settings.select):
        return False
    return not hit(settings.ignore)


__all__ = [
    "RunSettings",
    "check_document",
    "drop_failures",
    "enabled_rules",
    "item_evidence",
    "rule_context",
    "run_rule",
]
