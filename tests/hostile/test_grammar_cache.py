"""A poisoned grammar cache runs no code: the cache is JSON, read with json.loads, or rebuilt."""

from __future__ import annotations

import hashlib
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from validator.parse.grammar_cache import cache_file
from validator.resources import data_file

SCRIPT = (
    "from validator.parse import parse_text; print(len(parse_text('一、加强学习\\n', 'x.txt').paragraphs))"
)


class _Exploit:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.marker}",))


def _run(cache: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache.parent)}  # the per-user cache: <that>/report-validator
    return subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120
    )


def test_a_poisoned_cache_file_runs_no_code(tmp_path: Path) -> None:
    import lark

    cache = tmp_path / "report-validator"
    cache.mkdir()
    marker = tmp_path / "pwned"
    grammar = data_file("grammar", "report.lark").read_text(encoding="utf-8")
    poison = pickle.dumps(_Exploit(marker))
    # Lark's own cache layout (its hash line, then a pickle) under the names a cache would have,
    # and our own file name filled with a pickle.
    lark_hash = hashlib.sha256(grammar.encode()).hexdigest().encode()
    digest = hashlib.blake2b(f"{lark.__version__}\n{grammar}".encode()).hexdigest()[:16]
    for name in (f"report-grammar-{digest}.lark", f"report-grammar-{digest}.json"):
        (cache / name).write_bytes(lark_hash + b"\n" + poison + poison)
    done = _run(cache)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "1"
    assert not marker.exists(), "the poisoned cache ran code"


def test_the_cache_is_json_and_is_used(tmp_path: Path) -> None:
    cache = tmp_path / "report-validator"
    assert _run(cache).returncode == 0
    files = list(cache.glob("report-grammar-*.json"))
    assert len(files) == 1
    import json

    payload = json.loads(files[0].read_text(encoding="utf-8"))
    assert set(payload) == {"key", "tables"} and set(payload["tables"]) == {"data", "memo"}
    assert not list(cache.glob("*.tmp"))
    again = _run(cache)  # loaded from the JSON file this time
    assert again.returncode == 0 and again.stdout.strip() == "1"


def test_cache_file_is_per_grammar(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first, second = cache_file("a" * 64), cache_file("b" * 64)
    assert first is not None and second is not None and first != second
