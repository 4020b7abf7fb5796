"""Judge a report against each checklist item: is the part there, and where?

An item passes on one heading whose title carries a heading cue, or on
``min_evidence`` distinct paragraph cues. The evidence found is kept, so the
output can point at it and rules (SEC-008) can judge the part it found.
Evidence for an item with ``after`` is looked for at or after the first
evidence of those items, when they have any.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from validator.model import ChecklistItem, Cues, Document, Paragraph, Result, Span
from validator.safe_regex import compile_safe

_SEARCHED_KINDS = ("body", "heading", "enum")


@dataclass(frozen=True)
class Evidence:
    """What satisfied (or partly satisfied) an item: paragraphs, their spans and the cues hit."""

    paragraphs: tuple[Paragraph, ...]
    spans: tuple[Span, ...]
    cues: tuple[str, ...]
    by_heading: bool

    @property
    def first_line(self) -> int | None:
        return self.spans[0].line if self.spans else None

    @property
    def last_line(self) -> int | None:
        return self.spans[-1].line if self.spans else None


NO_EVIDENCE = Evidence((), (), (), False)


def find_evidence(document: Document, cues: Cues, not_before: int = 0) -> Evidence:
    """Every place in ``document`` (from line ``not_before`` on) where ``cues`` are met."""
    if cues.scope in ("heading", "paragraph"):
        heading_hits = _heading_evidence(document, cues, not_before)
        if heading_hits.paragraphs or cues.scope == "heading":
            return heading_hits
    candidates = [p for p in _scope_paragraphs(document, cues.scope) if p.span.line >= not_before]
    return _paragraph_evidence(candidates, cues)


def item_passes(item: ChecklistItem, evidence: Evidence) -> bool:
    return evidence.by_heading or len(evidence.cues) >= item.cues.min_evidence


def item_result(item: ChecklistItem, evidence: Evidence, lang: str) -> Result:
    """The one result of a content item, pointing at its first evidence."""
    passed = bool(evidence.paragraphs) and item_passes(item, evidence)
    if passed:
        cues = evidence.cues[:3]
        default = f"线索：{'、'.join(cues)}" if lang != "en" else f"cues: {', '.join(cues)}"
        message = item.message_pass.get(lang) or default
    else:
        message = item.message_fail.get(lang) or _missing_message(item, evidence, lang)
    span = evidence.spans[0] if evidence.spans else None
    excerpt = evidence.paragraphs[0].text[:60] if evidence.paragraphs else ""
    return Result("item", item.id, "pass" if passed else "fail", item.severity, message, span, excerpt)


def _missing_message(item: ChecklistItem, evidence: Evidence, lang: str) -> str:
    label = item.label.get(lang)
    found, needed = len(evidence.cues), item.cues.min_evidence
    if lang == "en":
        return f"no '{label}' found" + (f" (only {found} of {needed} cues)" if found else "")
    return f"未找到“{label}”" + (f"（仅找到 {found} 个线索，需要 {needed} 个）" if found else "")


def _heading_evidence(document: Document, cues: Cues, not_before: int) -> Evidence:
    headings = [heading for heading in document.all_headings if heading.span.line >= not_before]
    titles = "\n".join(heading.title for heading in headings)
    phrases = [phrase for phrase in cues.headings if phrase in titles]
    patterns = [p for p in cues.heading_patterns if compile_safe(f"(?m){p}").search(titles)]
    hits = []
    by_index = {paragraph.index: paragraph for paragraph in document.paragraphs}
    for heading in headings if phrases or patterns else ():
        matched = _matches(heading.title, phrases, patterns)
        if matched:
            hits.append((by_index[heading.paragraph], heading.span, matched))
    return _evidence(hits, by_heading=True)


def _paragraph_evidence(candidates: Sequence[Paragraph], cues: Cues) -> Evidence:
    # One search over all the text first: most cues occur in no paragraph at all, and
    # one RE2 call over the joined text is much cheaper than one call per paragraph.
    joined = "\n".join(paragraph.text for paragraph in candidates)
    phrases = [phrase for phrase in cues.paragraphs if phrase in joined]
    patterns = [p for p in cues.paragraph_patterns if compile_safe(f"(?m){p}").search(joined)]
    hits = []
    for paragraph in candidates if phrases or patterns else ():
        matched = _matches(paragraph.text, phrases, patterns)
        if matched:
            hits.append((paragraph, paragraph.span, matched))
    return _evidence(hits, by_heading=False)


def _evidence(hits: Sequence[tuple[Paragraph, Span, dict[str, str]]], *, by_heading: bool) -> Evidence:
    """Evidence from the hits; each cue (a phrase or a pattern) counts once, shown as first matched."""
    if not hits:
        return NO_EVIDENCE
    shown: dict[str, str] = {}
    for _, _, matched in hits:
        for cue, text in matched.items():
            shown.setdefault(cue, text)
    return Evidence(
        tuple(p for p, _, _ in hits), tuple(s for _, s, _ in hits), tuple(shown.values()), by_heading
    )


def _matches(text: str, phrases: Iterable[str], patterns: Iterable[str]) -> dict[str, str]:
    """The cues met in ``text``, each with the text that met it."""
    found = {phrase: phrase for phrase in phrases if phrase in text}
    for pattern in patterns:
        match = compile_safe(pattern).search(text)
        if match:
            found[pattern] = match.group(0)[:20] or pattern
    return found


def _scope_paragraphs(document: Document, scope: str) -> list[Paragraph]:
    if scope == "title":
        return [document.title] if document.title else []
    if scope == "lead":
        return _before_first_heading(document)
    if scope == "document":
        return list(document.paragraphs)
    return [p for p in document.paragraphs if p.kind in _SEARCHED_KINDS]


def _before_first_heading(document: Document) -> list[Paragraph]:
    """The lead: body paragraphs between the title and the first heading."""
    lead = []
    for paragraph in document.paragraphs:
        if paragraph.kind in ("heading", "enum"):
            break
        if paragraph.kind == "body":
            lead.append(paragraph)
    return lead
