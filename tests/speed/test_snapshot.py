"""Start-up snapshots (validator.snapshot): kept by content, rebuilt on any change, never trusted blindly."""

from __future__ import annotations

import dataclasses
import marshal
import subprocess
import sys
from pathlib import Path

import pytest

from validator import snapshot
from validator.model import Checklist, ChecklistItem, Cues, GenreDetection, RuleSetting, Text


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "report-validator"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return folder


class Builder:
    """Counts how often the value had to be built."""

    def __init__(self, value: object) -> None:
        self.value, self.calls = value, 0

    def __call__(self) -> object:
        self.calls += 1
        return self.value


def test_a_second_run_reuses_the_value_and_a_changed_source_rebuilds_it(
    cache_dir: Path, tmp_path: Path
) -> None:
    source = tmp_path / "typos.yaml"
    source.write_text("typos: []\n", encoding="utf-8")
    build = Builder({"typos": [{"wrong": "按装", "right": "安装"}], "n": (1, 2.5, None, True)})
    first = snapshot.remembered("data", [source], "typos", build)
    again = snapshot.remembered("data", [source], "typos", build)
    assert first == again == build.value and build.calls == 1
    assert type(again["n"]) is tuple and again["n"][3] is True  # tuples, lists and booleans come back as such
    source.write_text("typos: [x]\n", encoding="utf-8")
    snapshot.remembered("data", [source], "typos", build)
    assert build.calls == 2
    snapshot.remembered("data", [source], "other context", build)
    assert build.calls == 3
    assert len(list((cache_dir / "snapshots").iterdir())) == 1  # replaced, not accumulated; no temporary left


def _same(a: object, b: object) -> bool:
    """Equal, and of the same types all the way down (a NamedTuple equals a plain tuple)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)  # type: ignore[attr-defined]
    if isinstance(a, (tuple, list)):
        return len(a) == len(b) and all(map(_same, a, b))  # type: ignore[arg-type]
    if dataclasses.is_dataclass(a):
        return all(_same(getattr(a, f.name), getattr(b, f.name)) for f in dataclasses.fields(a))
    return a == b


def test_the_code_that_derives_a_value_is_stamped_file_by_file() -> None:
    stamp = snapshot.code_stamp(("checklist", "model.py", "yaml"))
    folder = Path(snapshot.__file__).parent
    assert {line.rsplit(":", 2)[0] for line in stamp} >= {
        str(folder / "model.py"),
        str(folder / "checklist" / "loader.py"),
        str(folder / "checklist" / "items.py"),
    }
    assert any("yaml" in line for line in stamp)  # the installed PyYAML, found without importing it


def test_checklists_come_back_as_the_same_records(cache_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "list.yaml"
    source.write_text("id: x\n", encoding="utf-8")
    item = ChecklistItem(
        "problems", Text("问题", "Problems"), "error", Text("查摆问题"), "domain.md", Cues(headings=("问题",))
    )
    checklist = Checklist(
        "x",
        Text("清单"),
        (item,),
        detection=GenreDetection(("报告$",), ("党委",), 2),
        rules=(RuleSetting("NUM-001", options=(("max", 3), ("words", ("甲", "乙")))),),
    )
    build = Builder({"x": checklist})
    snapshot.remembered("checklists", [source], "", build)
    assert _same(snapshot.remembered("checklists", [source], "", build), {"x": checklist})
    assert build.calls == 1


def test_the_built_in_checklists_come_back_as_they_were_loaded(cache_dir: Path) -> None:
    from validator.plugin.manager import load_plugins
    from validator.plugin.registry import build_registry

    loaded = build_registry(load_plugins(entry_points=False)).checklists
    assert any((cache_dir / "snapshots").glob("checklists-*"))
    assert _same(build_registry(load_plugins(entry_points=False)).checklists, loaded)


@pytest.mark.parametrize(
    "payload",
    [
        b"",  # empty
        b"RVS1",  # truncated after the magic
        b"garbage that is no snapshot at all",
    ],
)
def test_a_damaged_snapshot_is_a_miss(cache_dir: Path, tmp_path: Path, payload: bytes) -> None:
    source = tmp_path / "a.yaml"
    source.write_text("a: 1\n", encoding="utf-8")
    build = Builder({"a": 1})
    snapshot.remembered("data", [source], "", build)
    (file,) = (cache_dir / "snapshots").iterdir()
    file.write_bytes(payload)
    assert snapshot.remembered("data", [source], "", build) == {"a": 1} and build.calls == 2


def test_a_planted_snapshot_with_the_right_key_cannot_bring_code_or_foreign_objects(
    cache_dir: Path, tmp_path: Path
) -> None:
    source = tmp_path / "a.yaml"
    source.write_text("a: 1\n", encoding="utf-8")
    build = Builder({"a": 1})
    snapshot.remembered("data", [source], "", build)
    (file,) = (cache_dir / "snapshots").iterdir()
    header = file.read_bytes()[: len(snapshot._MAGIC) + 20]  # the key is public: an attacker can compute it
    for planted in (compile("import os", "x", "exec"), ("r", "Path", "/etc"), b"bytes", frozenset({1})):
        file.write_bytes(header + marshal.dumps(planted))
        assert snapshot.remembered("data", [source], "", build) == {"a": 1}
    assert build.calls == 5


def test_an_unwritable_cache_only_costs_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    source = tmp_path / "a.yaml"
    source.write_text("a: 1\n", encoding="utf-8")
    build = Builder({"a": 1})
    assert snapshot.remembered("data", [source], "", build) == {"a": 1}
    assert snapshot.remembered("data", [source], "", build) == {"a": 1} and build.calls == 2


def test_values_that_are_not_plain_data_are_not_kept(cache_dir: Path, tmp_path: Path) -> None:
    import datetime

    source = tmp_path / "dated.yaml"
    source.write_text("when: 2024-01-01\n", encoding="utf-8")
    build = Builder({"when": datetime.date(2024, 1, 1)})
    snapshot.remembered("data", [source], "", build)
    assert snapshot.remembered("data", [source], "", build) == build.value and build.calls == 2
    assert not (cache_dir / "snapshots").exists() or not list((cache_dir / "snapshots").iterdir())


def test_a_second_process_neither_imports_yaml_nor_revalidates_checklists(
    cache_dir: Path, tmp_path: Path
) -> None:
    report = tmp_path / "report.txt"
    report.write_text(
        "关于2025年落实全面从严治党主体责任情况的报告\n\n一、主要工作\n\n内容。\n", encoding="utf-8"
    )
    probe = (
        "import sys\nfrom validator.cli import main\n"
        "try:\n    main(['check', '--no-cache', '--fail-on', 'never', sys.argv[1]])\n"
        "except SystemExit:\n    pass\n"
        "print('yaml' in sys.modules, 'validator.checklist.loader' in sys.modules, file=sys.stderr)\n"
    )
    runs = [
        subprocess.run(  # in a folder without configuration: a configuration file is YAML to read
            [sys.executable, "-c", probe, str(report)],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=True,
        )
        for _ in range(2)
    ]
    assert runs[0].stdout == runs[1].stdout  # the same verdict from the snapshot
    assert runs[0].stderr.strip().splitlines()[-1] == "True True"  # the first run parsed the YAML
    assert runs[1].stderr.strip().splitlines()[-1] == "False False"  # the second imported neither
