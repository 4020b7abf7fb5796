"""What a rule is: its metadata declared once on its check function, documentation in the docstring.

A rule module holds its user documentation (the module docstring, with 合格/不合格 examples) and
one check function declared with ``@rule(...)``::

    @rule(code="PUN-002", name="doubled-punctuation", severity="error",
          summary=Text("标点重复", "Doubled punctuation"), source="GB/T 15834-2011")
    def check(context: RuleContext) -> Iterator[Violation]: ...

Built-in rules (``validator/checks/``) and plugins' rules are the same kind of
object, handed to the engine through the ``report_validator_rules`` hook.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import field
from types import MappingProxyType
from typing import Any, NamedTuple

from validator.model import Applicability, Document, Fix, Paragraph, Severity, Span, Text
from validator.records import frozen


class Violation(NamedTuple):  # cheaper to define and to make than a frozen dataclass
    """One problem a rule found: the narrowest span that shows it, and what is wrong.

    ``severity`` overrides the rule's for this one finding, for a rule that is sure of
    some cases and only suspicious of others (or that informs in ``redacted`` mode).
    ``fix`` is the correction, when the rule knows it (``validator.fix`` applies it).
    """

    span: Span
    message: Text
    severity: Severity | None = None
    fix: Fix | None = None


def replace(span: Span, replacement: str, applicability: Applicability = "safe") -> Fix:
    """A fix that puts ``replacement`` in place of ``span`` (the helper rules and plugins use)."""
    return Fix(span, replacement, applicability)


@frozen
class RuleContext:
    """Everything a rule may look at, read-only.

    ``evidence`` maps a checklist item id to the paragraphs that satisfied it
    (for example ``problems``), so a rule can judge a part without finding it again.
    ``report_year`` is the year the report is about (title, then lead, then the
    ``report_year`` setting; None when unknown). ``redacted`` is true for
    anonymized corpora, where placeholders are expected.
    """

    document: Document
    options: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    evidence: Mapping[str, tuple[Paragraph, ...]] = field(default_factory=lambda: MappingProxyType({}))
    lang: str = "zh"
    report_year: int | None = None
    redacted: bool = False
    accept: tuple[str, ...] = ()  # the project's vocabulary: words whose inside is never a finding


@frozen
class Rule:
    """A rule: its code (``SEC-008``), name, default severity, options and check.

    ``doc`` is the user documentation (the module docstring of a built-in rule),
    with 合格/不合格 examples; ``source`` cites the norm the rule enforces.
    ``fix`` declares what fixes the rule may attach: ``safe``, ``unsafe``,
    ``mixed`` (some of each) or empty (none); documentation only, the fixes
    themselves ride on each ``Violation``.
    """

    code: str
    name: str
    severity: Severity
    summary: Text
    source: str
    check: Callable[[RuleContext], Iterable[Violation]]
    options: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    doc: str = ""
    origin: str = "built-in"
    fix: str = ""  # what its findings' fixes are: "safe", "unsafe", "mixed", or "" (none)
    formats: tuple[str, ...] = ()  # the source formats it judges (docx …); empty: every format


CheckFunction = Callable[[RuleContext], Iterable[Violation]]


def rule(
    *,
    code: str,
    name: str,
    severity: Severity,
    summary: Text,
    source: str,
    options: Mapping[str, Any] | None = None,
    fix: str = "",
    formats: tuple[str, ...] = (),
) -> Callable[[CheckFunction], Rule]:
    """Declare a rule on its check function; the check's module docstring is its documentation.

    ``options`` are the defaults of the rule's options: their names are the only ones a
    configuration may set, and their types are the types a configured value must have.
    ``fix`` says what its findings' fixes are (``safe``, ``unsafe``, ``mixed``), for the docs.
    ``formats`` limits the rule to reports read from those formats (the layout rules: ``docx``);
    on any other report it gives no result at all, rather than a pass it could not have failed.
    """

    def declare(check: CheckFunction) -> Rule:
        module = sys.modules.get(check.__module__)
        return Rule(
            code=code,
            name=name,
            severity=severity,
            summary=summary,
            source=source,
            check=check,
            options=MappingProxyType(dict(options or {})),
            doc=(module.__doc__ if module else None) or "",
            fix=fix,
            formats=formats,
        )

    return declare
