"""Documentation that stays true: the rule reference is regenerated and compared."""

from __future__ import annotations

from pathlib import Path

from validator.docgen import render_rules
from validator.plugin.manager import load_plugins
from validator.plugin.registry import build_registry

DOCS = Path(__file__).parent.parent / "docs"


def test_rules_reference_is_up_to_date() -> None:
    rules = build_registry(load_plugins(entry_points=False)).rules.values()
    expected = render_rules(rules)
    actual = (DOCS / "rules.md").read_text(encoding="utf-8")
    assert actual == expected, "docs/rules.md is stale: run `python scripts/gen_rules_doc.py`"
    for rule in rules:
        assert f"## {rule.code}" in actual


def test_user_visible_text_cites_nothing_that_is_not_shipped() -> None:
    """Rule sources and documentation reach SARIF and docs/rules.md: no research notes or samples."""
    for rule in build_registry(load_plugins(entry_points=False)).rules.values():
        for text in (rule.source, rule.doc, rule.summary.zh, rule.summary.en):
            assert "research/" not in text and "samples/" not in text, (rule.code, text)
    assert "research/" not in (DOCS / "rules.md").read_text(encoding="utf-8")
