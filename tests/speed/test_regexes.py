"""Restored patterns (validator.regexes) behave as freshly compiled ones; a bad snapshot costs nothing."""

from __future__ import annotations

import importlib
import marshal
import pkgutil
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import validator
from validator import regexes


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty user cache and a process that has compiled nothing yet."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    for name, value in (("_restored", None), ("_patterns", {}), ("_new", set())):
        monkeypatch.setattr(regexes, name, value)
    yield tmp_path / "report-validator" / "snapshots" / regexes._FILE_NAME


def _restart(monkeypatch: pytest.MonkeyPatch) -> None:
    """What a new process would hold: nothing compiled, the snapshot not yet read."""
    monkeypatch.setattr(regexes, "_restored", None)
    monkeypatch.setattr(regexes, "_patterns", {})
    monkeypatch.setattr(regexes, "_new", set())


def _tool_patterns() -> list[tuple[str, int]]:
    """Every pattern the tool's modules compile through ``compiled`` when imported."""
    for module in pkgutil.walk_packages(validator.__path__, "validator."):
        if not module.name.endswith(("__main__", "pytest_plugin", "pdf_worker")):
            importlib.import_module(module.name)
    return sorted(regexes._patterns)


PATTERNS = _tool_patterns()
SAMPLES = [
    "一、总体情况\n（一）加强政治建设。1.深入学习。（1）认真落实。",
    "2025年1月，XX单位党委召开会议；**同志 讲话：“全面从严治党”！",
    "\ufeff\x00\x07 tab\tand ascii abc_123 ./:@% =,- " + "段" * 40,
]


def test_the_tool_compiles_its_patterns_through_the_snapshot() -> None:
    assert len(PATTERNS) >= 20  # the readers, the command line and the checklist values at least


def test_a_second_process_restores_every_pattern_and_each_behaves_as_compiled(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for key in PATTERNS:
        regexes.compiled(*key)
    regexes._save()
    assert fresh.is_file()
    _restart(monkeypatch)
    for pattern, flags in PATTERNS:
        restored, reference = regexes.compiled(pattern, flags), re.compile(pattern, flags)
        assert (restored.pattern, restored.flags, restored.groups, restored.groupindex) == (
            reference.pattern,
            reference.flags,
            reference.groups,
            reference.groupindex,
        )
        for text in SAMPLES:
            assert [m.span() + m.groups() for m in restored.finditer(text)] == [
                m.span() + m.groups() for m in reference.finditer(text)
            ]
    assert not regexes._new  # nothing had to be compiled again


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("一二（）()1.、，。：XX**年月日 \n\t\u3000abc"), max_size=80))
def test_restored_patterns_match_arbitrary_text_as_compiled_ones(text: str) -> None:
    form = {key: regexes._form(*key) for key in PATTERNS[:40]}
    for (pattern, flags), parts in form.items():
        restored = regexes._private("_sre").compile(pattern, *marshal.loads(marshal.dumps(parts)))
        reference = re.compile(pattern, flags)
        assert [m.span() + m.groups() for m in restored.finditer(text)] == [
            m.span() + m.groups() for m in reference.finditer(text)
        ]


@pytest.mark.parametrize("damage", ["garbage", "foreign code"])
def test_a_damaged_or_planted_snapshot_only_costs_time(
    fresh: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    fresh.parent.mkdir(parents=True)
    if damage == "garbage":
        fresh.write_bytes(b"\x00not marshal")
    else:  # a well-formed entry whose code the regular-expression engine must refuse
        fresh.write_bytes(marshal.dumps([["a+", 0, 32, [1, 2, 3, 999, 0], 0, {}, ()]]))
    assert regexes.compiled("a+").fullmatch("aaa") is not None
    assert ("a+", 0) in regexes._new  # compiled as usual, and kept at exit


def test_a_pattern_that_does_not_compile_raises_as_re_does_and_is_not_kept(fresh: Path) -> None:
    with pytest.raises(re.error):
        regexes.compiled("(unclosed")
    assert not regexes._new
    regexes.compiled("closed")
    regexes._save()  # the bad pattern cannot spoil the snapshot of the good one
    assert [entry[0] for entry in marshal.loads(fresh.read_bytes())] == ["closed"]


def test_the_snapshot_is_bounded_and_drops_what_no_run_uses_first(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(regexes, "_MAX_KEPT", 3)
    for pattern in ("old-a", "old-b", "old-c"):
        regexes.compiled(pattern)
    regexes._save()
    _restart(monkeypatch)
    regexes.compiled("old-a")  # restored and used again
    regexes.compiled("new")
    regexes._save()
    kept = [entry[0] for entry in marshal.loads(fresh.read_bytes())]
    assert len(kept) == 3 and "old-a" in kept and "new" in kept
