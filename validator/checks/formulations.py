"""The fixed-formulation rules (TERM-001 … TERM-016 that are only data), run by one check.

Each of these rules is declared in ``rules/data/formulation_rules.yaml`` (code, name, severity,
summary, source and its documentation with 合格/不合格 examples) and judged from the entries of
``rules/data/formulations.yaml`` that name its code: the verbs that may govern a slogan, the
order of a series, and the wrong wordings with their right forms. A new slogan or a new wrong
wording is a data change; a new rule of this kind is a data change too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from validator.datapack import load_data
from validator.model import Applicability, Text
from validator.rule import Rule, RuleContext, Violation

from ._formulations import has_work, series_violations, variant_violations, verb_violations


def _check_for(code: str, fix: Applicability | None) -> Callable[[RuleContext], Iterator[Violation]]:
    def check(context: RuleContext) -> Iterator[Violation]:
        if not has_work(context, code):
            return
        yield from verb_violations(context, code)
        yield from series_violations(context, code)
        yield from variant_violations(context, code, fix=fix)

    return check


def _declared(entry: dict[str, Any]) -> Rule:
    summary = entry["summary"]
    return Rule(
        code=entry["code"],
        name=entry["name"],
        severity=entry["severity"],
        summary=Text(summary["zh"], summary["en"]),
        source=entry["source"],
        check=_check_for(entry["code"], entry.get("fix")),
        doc=entry["doc"],
        fix=entry.get("fix", ""),
    )


RULES = tuple(_declared(entry) for entry in load_data("formulation_rules")["rules"])
