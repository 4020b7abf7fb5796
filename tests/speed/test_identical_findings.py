"""Speed-ups must not change a single finding: output digests of the samples and examples are pinned.

The digests were taken before any optimisation (``tests/speed/findings.py``);
every format that shows fingerprints (JSON, SARIF) is among them, so a change
in what is found, where, or how it is fingerprinted fails here.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import SAMPLES_DIR

from .findings import DIGESTS, EXAMPLES, output_digests

STORED = json.loads(DIGESTS.read_text(encoding="utf-8"))


def _samples() -> Path:
    directory = Path(os.environ.get("REPORT_VALIDATOR_TEST_SAMPLES", SAMPLES_DIR))
    if not directory.is_dir():
        pytest.skip("../shared/samples is absent")
    return directory


def test_examples_give_the_pinned_output() -> None:
    assert output_digests(EXAMPLES) == STORED["examples"]


def test_samples_give_the_pinned_output() -> None:
    assert output_digests(_samples()) == STORED["samples"]
