"""Plugins found through entry points: good ones add rules and checklists, broken ones are named and skipped.

Each test builds a small fake distribution (a ``*.dist-info`` with an
``entry_points.txt``) on ``sys.path``, exactly what ``pip install`` leaves
behind, so the real entry-point machinery finds it.
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from validator.cli import main
from validator.plugin.manager import load_plugins
from validator.plugin.registry import build_registry

GOOD_PLUGIN = """
from pathlib import Path
from validator import hookimpl
from validator.model import Text
from validator.rule import Rule, Violation

def check(context):
    for paragraph in context.document.paragraphs:
        if "校园" in paragraph.text:
            yield Violation(paragraph.span, Text("提到校园", "mentions the campus"))

@hookimpl
def report_validator_rules():
    return [Rule("UNI-001", "campus", "warning", Text("校园"), "示例", check)]

@hookimpl
def report_validator_checklists():
    return [Path(__file__).parent / "uni.yaml"]
"""

UNI_CHECKLIST = """
id: university
name: {zh: 高校党委报告}
extends: annual-report
detect:
  title: ['大学']
items:
  - id: campus
    label: {zh: 校园安全}
    severity: warning
    paragraphs: [校园安全]
"""


def make_distribution(
    root: Path, name: str, version: str, module_source: str, files: dict[str, str] | None = None
) -> None:
    """A fake installed distribution ``name`` whose module ``name`` is its plugin."""
    package = root / name
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(textwrap.dedent(module_source), encoding="utf-8")
    for filename, content in (files or {}).items():
        (package / filename).write_text(content, encoding="utf-8")
    info = root / f"{name}-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(f"[report_validator]\n{name} = {name}\n", encoding="utf-8")


def hook_source(function: str) -> str:
    """A plugin module with one hook implementation."""
    return f"from validator import hookimpl\n\n@hookimpl\n{function}\n"


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delenv("REPORT_VALIDATOR_DISABLE_PLUGINS", raising=False)
    yield tmp_path
    for name in [m for m in sys.modules if m.startswith("rv_fake_")]:
        del sys.modules[name]


def test_good_plugin_adds_rule_and_checklist(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_distribution(site, "rv_fake_uni", "1.2.3", GOOD_PLUGIN, {"uni.yaml": UNI_CHECKLIST})
    registry = build_registry(load_plugins())
    assert registry.failures == []
    assert registry.rules["UNI-001"].origin == "rv_fake_uni 1.2.3"
    university = registry.checklists["university"]
    assert [item.id for item in university.items][-1] == "campus"
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert "UNI-001" in out and "rv_fake_uni 1.2.3" in out and "university" in out
    assert main(["plugins"]) == 0
    out = capsys.readouterr().out
    assert "rv_fake_uni 1.2.3\n  checklists: university\n  rules: UNI-001" in out


def test_plugin_that_fails_to_import_is_named_and_skipped(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_distribution(site, "rv_fake_broken", "0.9", "raise ImportError('no module named lxml')\n")
    loaded = load_plugins()
    (failure,) = loaded.failures
    assert (failure.name, failure.version) == ("rv_fake_broken", "0.9")
    assert main(["rules"]) == 0  # the run goes on
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "rv_fake_broken 0.9" in err[0] and "lxml" in err[0]


def test_hook_with_wrong_signature_is_named_and_skipped(site: Path) -> None:
    source = hook_source("def report_validator_rules(config):\n    return []")
    make_distribution(site, "rv_fake_signature", "2.0", source)
    (failure,) = load_plugins().failures
    assert failure.name == "rv_fake_signature" and failure.version == "2.0"
    assert "config" in failure.reason


def test_misspelled_hook_is_named_and_skipped(site: Path) -> None:
    source = (
        "from validator import hookimpl\n@hookimpl\ndef report_validator_rulez():\n    return []\n"
    )
    make_distribution(site, "rv_fake_typo", "0.1", source)
    loaded = load_plugins()
    (failure,) = loaded.failures
    assert "report_validator_rulez" in failure.reason
    assert not loaded.manager.has_plugin("rv_fake_typo")


def test_strict_plugins_turns_a_failure_into_exit_2(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_distribution(site, "rv_fake_broken", "0.9", "raise RuntimeError('boom')\n")
    assert main(["rules", "--strict-plugins"]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_disabled_plugin_is_not_loaded(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_distribution(site, "rv_fake_broken", "0.9", "raise RuntimeError('boom')\n")
    monkeypatch.setenv("REPORT_VALIDATOR_DISABLE_PLUGINS", "other, rv_fake_broken")
    loaded = load_plugins()
    assert loaded.failures == []
    assert loaded.manager.is_blocked("rv_fake_broken")


def test_hook_that_raises_is_named_and_its_contribution_skipped(site: Path) -> None:
    source = hook_source("def report_validator_rules():\n    raise KeyError('x')")
    make_distribution(site, "rv_fake_raises", "3.1", source)
    registry = build_registry(load_plugins())
    (failure,) = registry.failures
    assert failure.name == "rv_fake_raises" and "report_validator_rules" in failure.reason
    assert "SEC-008" in registry.rules


def test_builtins_come_through_the_hooks() -> None:
    loaded = load_plugins(entry_points=False)
    names = {name for name, _ in loaded.manager.list_name_plugin()}
    assert {"builtin_readers", "builtin_checks", "builtin_checklists", "builtin_formatters"} <= names
    registry = build_registry(loaded)
    assert {".txt", ".md"} <= set(registry.readers)
    assert {"text", "json"} <= set(registry.formatters)
    assert {"annual-report", "speech"} <= set(registry.checklists)
