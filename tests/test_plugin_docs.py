"""The plugin guide stays true: every hook documented with its exact signature, every example real code.

Like datasette's ``test_plugin_hooks_are_documented``: each hookspec in
``validator/hookspecs.py`` must have a heading ``### name(params) -> return`` in
``docs/plugins.md`` that matches its ``inspect.signature`` exactly, so adding a
parameter to a hook (or changing what it returns) fails here until the guide
says so. And each code block marked ``<!-- example: PATH -->`` must appear
verbatim in that file of the example plugin, so the guide cannot drift from code
that is tested.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from validator.plugin import hookspecs

REPO_ROOT = Path(__file__).parent.parent
GUIDE = REPO_ROOT / "docs" / "plugins.md"
HOOK_HEADING = re.compile(r"^### (report_validator_\w+)\(.*$", re.MULTILINE)
EXAMPLE = re.compile(
    r"^<!-- example: (?P<path>\S+) -->\n```\w*\n(?P<code>.*?)^```$", re.MULTILINE | re.DOTALL
)
EXAMPLE_PLUGIN = "plugins/report-validator-university/"


def hook_specs() -> dict[str, Callable[..., Any]]:
    """Every function in ``validator.plugin.hookspecs`` marked as a hookspec."""
    marker = f"{hookspecs.PROJECT_NAME}_spec"
    return {
        name: function
        for name, function in inspect.getmembers(hookspecs, inspect.isfunction)
        if hasattr(function, marker)
    }


def signature_line(function: Callable[..., Any]) -> str:
    """``name(a: int, *, b: str = 'x') -> Ret`` as written in the source (annotations are strings)."""
    signature = inspect.signature(function)
    parts: list[str] = []
    for parameter in signature.parameters.values():
        if parameter.kind is parameter.KEYWORD_ONLY and "*" not in parts:
            parts.append("*")
        text = parameter.name
        if parameter.annotation is not parameter.empty:
            text += f": {parameter.annotation}"
        if parameter.default is not parameter.empty:
            text += f" = {parameter.default!r}"
        parts.append(text)
    returns = "" if signature.return_annotation is signature.empty else f" -> {signature.return_annotation}"
    return f"{function.__name__}({', '.join(parts)}){returns}"


def guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


def test_hookspecs_are_found() -> None:
    assert {"report_validator_rules", "report_validator_checklists"} <= set(hook_specs())


@pytest.mark.parametrize("name", sorted(hook_specs()))
def test_hook_is_documented_with_its_exact_signature(name: str) -> None:
    expected = f"### {signature_line(hook_specs()[name])}"
    headings = [match.group(0) for match in HOOK_HEADING.finditer(guide()) if match.group(1) == name]
    assert headings, f"docs/plugins.md has no section for hook {name}: add a heading {expected!r}"
    assert headings == [expected], (
        f"docs/plugins.md documents {name} as {headings}, the hookspec is {expected!r}"
    )


def test_guide_documents_no_hook_that_does_not_exist() -> None:
    documented = {match.group(1) for match in HOOK_HEADING.finditer(guide())}
    assert documented - set(hook_specs()) == set()


def test_hook_headings_compare_signatures_exactly() -> None:
    """The check above would catch a new parameter: the rendered signature names every parameter."""

    def report_validator_rules(config: str, *, lang: str = "zh") -> list[str]:
        return []

    assert signature_line(report_validator_rules) == (
        "report_validator_rules(config: str, *, lang: str = 'zh') -> list[str]"
    )


def examples() -> list[tuple[str, str]]:
    return [(match.group("path"), match.group("code")) for match in EXAMPLE.finditer(guide())]


def test_guide_has_examples_from_every_part_of_the_example_plugin() -> None:
    assert guide().count("<!-- example:") == len(examples()), "an example marker without a code block"
    paths = {path for path, _ in examples()}
    expected = {
        "pyproject.toml",
        "report_validator_university/__init__.py",
        "report_validator_university/unit_name.py",
        "report_validator_university/university-annual-report.yaml",
        "tests/cases/UNI-001.yaml",
        "tests/test_rule_cases.py",
        "tests/test_checklist.py",
        "tests/test_plugin.py",
    }
    assert {EXAMPLE_PLUGIN + path for path in expected} <= paths


@pytest.mark.parametrize(
    ("path", "code"), examples(), ids=[f"{i}:{p}" for i, (p, _) in enumerate(examples())]
)
def test_example_is_verbatim_from_the_example_plugin(path: str, code: str) -> None:
    assert path.startswith(EXAMPLE_PLUGIN), f"examples come from the example plugin, not {path}"
    source = (REPO_ROOT / path).read_text(encoding="utf-8")
    assert code.strip(), f"empty example for {path}"
    assert code in source, f"docs/plugins.md shows code that is not in {path}:\n{code}"
