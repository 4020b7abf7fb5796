"""A wrong wording the census finds nowhere is not searched for; the findings must not change.

``_may_occur`` asks the census whether a variant's pattern matches anywhere in the report (a
pattern that asserts something about its surroundings, ``^`` ``$`` ``\\b`` …, is always searched).
Every report below is checked twice: as it is, and with ``_may_occur`` answering True for every
variant (every variant searched, as before); the results must be the same.
"""

from __future__ import annotations

import pytest

from tests.conftest import REPO_ROOT, SAMPLES_DIR
from validator.api import Validator
from validator.checks import _formulations
from validator.model import ReportResult
from validator.parse import parse_text
from validator.safe_regex import compile_lazy
from validator.testing import default_registry

TITLE = "某局党组2025年落实全面从严治党主体责任情况报告\n\n"


def _synthetic() -> list[str]:
    """A report per variant holding its anchors, alone and inside its wrong and its right forms."""
    texts = []
    for variant in _formulations.pack().variants:
        lines = [f"坚持{anchor}，推动工作。" for anchor in variant.anchors]
        lines += [f"认真学习{variant.literal or anchor}精神。" for anchor in variant.anchors]
        if variant.canonical:
            lines.append(f"深入学习贯彻{variant.canonical}。")
        texts.append(TITLE + "\n".join(lines) + "\n")
    return texts


def _texts() -> list[str]:
    paths = sorted((REPO_ROOT / "examples").glob("*.txt"))
    if SAMPLES_DIR.is_dir():
        paths += sorted(SAMPLES_DIR.iterdir())
    return [path.read_text(encoding="utf-8") for path in paths] + _synthetic()


def _check(text: str) -> list[ReportResult]:
    return Validator(default_registry(), fingerprints=False).check_text(text)


@pytest.mark.parametrize("text", _texts(), ids=lambda text: text[len(TITLE) : len(TITLE) + 12])
def test_variants_the_census_rules_out_would_have_found_nothing(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    gated = _check(text)
    monkeypatch.setattr(_formulations, "_may_occur", lambda document, variant: True)
    assert gated == _check(text)


def test_the_census_rules_out_a_pattern_found_nowhere_but_never_one_that_asserts() -> None:
    document = parse_text(TITLE + "全面从严治党\n", "x").documents[0]
    variant = _formulations.Variant("TERM-999", compile_lazy("从严治[军警]"), ("从严治",))
    assert not _formulations._may_occur(document, variant)
    assert _formulations._may_occur(document, variant._replace(pattern=compile_lazy("从严治党")))
    assert _formulations._may_occur(document, variant._replace(pattern=compile_lazy("^从严治[军警]")))
