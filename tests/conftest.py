"""Shared fixtures: where the fixtures and the real samples are."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

TESTS_DIR = Path(__file__).parent
REPO_ROOT = TESTS_DIR.parent
SAMPLES_DIR = REPO_ROOT.parent / "shared" / "samples"


@pytest.fixture
def samples_dir() -> Path:
    """The real reports beside the repository; tests that need them skip without them."""
    if not SAMPLES_DIR.is_dir():
        pytest.skip("../shared/samples is absent")
    return SAMPLES_DIR


def sample_path(prefix: str) -> Path:
    """The sample file whose name starts with ``prefix`` (000 … 004), or skip."""
    if not SAMPLES_DIR.is_dir():
        pytest.skip("../shared/samples is absent")
    matches = sorted(SAMPLES_DIR.glob(f"{prefix}_*"))
    if not matches:
        pytest.skip(f"sample {prefix} is absent")
    return matches[0]


@pytest.fixture(autouse=True, scope="session")
def _caches_outside_the_repository(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """``check`` keeps a result cache in the project and start-up snapshots in the user's cache
    (``validator.snapshot``); tests must leave neither in the checkout or the home directory."""
    moved = {"REPORT_VALIDATOR_CACHE_DIR": "cache", "XDG_CACHE_HOME": "user-cache"}
    previous = {name: os.environ.get(name) for name in moved}
    for name, folder in moved.items():
        os.environ[name] = str(tmp_path_factory.mktemp(folder))
    yield
    for name, value in previous.items():
        if value is None:
            del os.environ[name]
        else:
            os.environ[name] = value
