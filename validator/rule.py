"""What a rule is: metadata at the top, one check function, documentation in the docstring.

Built-in rules (``validator/checks/``) and plugins' rules are the same kind of
object, handed to the engine through the ``report_validator_rules`` hook.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from validator.model import Applicability, Document, Fix, Paragraph, Severity, Span, Text


@dataclass(frozen=True)
class Violation:
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


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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
    fix: str = ""
