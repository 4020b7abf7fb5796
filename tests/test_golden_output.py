"""Behaviour unchanged: the JSON, SARIF and text output on examples/ and ../shared/samples.

A refactoring must leave these byte for byte as they were. A change meant to alter the output
regenerates them with ``python scripts/update_goldens.py``, and the diff is reviewed with it.
"""

from __future__ import annotations

import pytest

from tests.golden_runs import FORMATS, GOLDEN, SAMPLES, SAMPLES_ARG, digest, run


@pytest.mark.parametrize("fmt", FORMATS)
def test_examples_output_is_unchanged(fmt: str) -> None:
    expected = (GOLDEN / f"examples.{fmt}").read_text(encoding="utf-8")
    assert run(["examples"], fmt) == expected, "output changed: run scripts/update_goldens.py if meant"


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="../shared/samples is not beside the repository")
@pytest.mark.parametrize("fmt", FORMATS)
def test_samples_output_is_unchanged(fmt: str) -> None:
    expected = (GOLDEN / f"samples.{fmt}.sha256").read_text(encoding="utf-8").strip()
    assert digest(run([SAMPLES_ARG], fmt)) == expected, "output changed: run scripts/update_goldens.py"
