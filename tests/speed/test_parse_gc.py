"""Parsing pauses the cycle collector and leaves it as it found it, even when a parse fails."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from validator.parse import _no_cycle_collection, parse_text


@pytest.fixture
def restore_gc() -> Iterator[None]:
    enabled = gc.isenabled()
    yield
    (gc.enable if enabled else gc.disable)()


@pytest.mark.usefixtures("restore_gc")
@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_paused_during_a_parse_and_restored_after(enabled: bool) -> None:
    (gc.enable if enabled else gc.disable)()
    with _no_cycle_collection():
        assert not gc.isenabled()
    assert gc.isenabled() is enabled
    parse_text("一、总体情况\n正文。\n")
    assert gc.isenabled() is enabled


@pytest.mark.usefixtures("restore_gc")
def test_the_collector_is_restored_when_the_parse_raises() -> None:
    gc.enable()
    with pytest.raises(ZeroDivisionError), _no_cycle_collection():
        1 / 0  # noqa: B018
    assert gc.isenabled()
