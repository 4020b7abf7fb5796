"""The result cache: a warm run gives the cold run's output without checking again; it never lies."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

from validator.cli import main
from validator.engine.cache import CACHE_DIR_ENV
from validator.engine.pipeline import Validator

from .corpus import EXAMPLES, write_corpus


def files_checked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files this process checks from now on (not those answered by the cache)."""
    checked: list[str] = []
    original = Validator.check_path

    def spy(self: Validator, path: str) -> object:
        checked.append(Path(path).name)
        return original(self, path)

    monkeypatch.setattr(Validator, "check_path", spy)
    return checked

def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def entries(cache: Path) -> list[Path]:
    return sorted(p for p in (cache / "results-v1").rglob("*") if p.is_file())


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    directory = tmp_path / "reports"
    directory.mkdir()
    write_corpus(directory, 6)
    return directory


def test_warm_run_repeats_the_cold_output_without_checking(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    argv = ("check", str(corpus), "--format", "json", "--jobs", "1", "--cache-dir", str(cache))
    uncached = run(capsys, *argv[:-2], "--no-cache")
    cold = run(capsys, *argv)
    assert cold == uncached
    assert len(entries(cache)) == 6  # the unreadable file is not kept: it is cheap to redo
    assert (cache / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert not [p for p in cache.rglob(".tmp-*")]
    checked = files_checked(monkeypatch)
    assert run(capsys, *argv) == uncached
    assert checked == ["report-050-binary.txt"]


def test_a_changed_file_or_setting_is_checked_again(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    argv = ("check", str(corpus), "--format", "json", "--cache-dir", str(cache))
    run(capsys, *argv)
    changed = corpus / "report-001.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("。", ",", 3), encoding="utf-8")
    assert run(capsys, *argv) == run(capsys, *argv[:-2], "--no-cache")
    assert len(entries(cache)) == 7
    # a flag that changes verdicts is part of the key
    assert run(capsys, *argv, "--redacted") == run(capsys, *argv[:-2], "--no-cache", "--redacted")
    assert run(capsys, *argv, "--lang", "en") == run(capsys, *argv[:-2], "--no-cache", "--lang", "en")
    # so is the configuration, including an override for some files only
    monkeypatch.chdir(corpus)
    before = run(capsys, *argv)
    (corpus / ".report-validator.yaml").write_text(
        "ignore: [PUN]\noverrides:\n  - files: ['report-00[0-2].txt']\n    severity: {NUM-006: info}\n",
        encoding="utf-8",
    )
    with_config = run(capsys, *argv)
    assert with_config != before
    assert with_config == run(capsys, *argv[:-2], "--no-cache")
    assert '"PUN-' in before[1] and '"PUN-' not in with_config[1]


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: b"",
        lambda blob: blob[: len(blob) // 2],
        lambda blob: blob[:-1] + bytes([blob[-1] ^ 1]),  # in the source text, after the verdict
        lambda blob: blob[:20] + bytes([blob[20] ^ 1]) + blob[21:],  # in the verdict
        lambda blob: struct.pack("<4sII", b"RVC2", zlib.crc32(b"\xff\xfe garbage"), 10) + b"\xff\xfe garbage",
    ],
    ids=["empty", "truncated", "flipped-bit", "flipped-verdict-bit", "garbage"],
)
@pytest.mark.parametrize("fmt", ["json", "text"])  # text quotes the source text under findings
def test_a_corrupt_entry_is_a_miss(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: object, fmt: str
) -> None:
    cache = tmp_path / "cache"
    argv = ("check", str(corpus), "--format", fmt, "--cache-dir", str(cache))
    cold = run(capsys, *argv)
    for entry in entries(cache):
        entry.write_bytes(damage(entry.read_bytes()))  # type: ignore[operator]
    assert run(capsys, *argv) == cold
    assert run(capsys, *argv) == cold  # and the entries were written again


def test_entries_of_another_file_are_not_taken(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An entry copied over another (same digest, other key) is rejected by the key stored inside."""
    cache = tmp_path / "cache"
    argv = ("check", str(corpus), "--format", "json", "--cache-dir", str(cache))
    cold = run(capsys, *argv)
    first, *others = entries(cache)
    for entry in others:
        entry.write_bytes(first.read_bytes())
    assert run(capsys, *argv) == cold


def test_entries_of_identities_unused_for_long_are_removed(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cache = tmp_path / "cache"
    argv = ("check", str(corpus), "--cache-dir", str(cache))
    stale, recent = cache / "results-v1" / ("0" * 24), cache / "results-v1" / ("1" * 24)
    for old in (stale, recent):
        (old / "ab").mkdir(parents=True)
        (old / "ab" / "cdef").write_bytes(b"old entry")
    long_ago = time.time() - 30 * 86400
    os.utime(stale, (long_ago, long_ago))
    run(capsys, *argv)
    assert not stale.exists()
    assert (recent / "ab" / "cdef").exists()  # used lately (by another configuration, say): kept
    (own,) = [d for d in (cache / "results-v1").iterdir() if d not in (stale, recent)]
    os.utime(own, (long_ago, long_ago))
    run(capsys, *argv)  # a warm run marks its identity as used
    assert own.stat().st_mtime > long_ago + 86400


def test_no_cache_writes_nothing_and_env_moves_it(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    moved = tmp_path / "moved"
    monkeypatch.setenv(CACHE_DIR_ENV, str(moved))
    run(capsys, "check", str(corpus), "--no-cache")
    assert not moved.exists()
    run(capsys, "check", str(corpus))
    assert len(entries(moved)) == 6


def test_default_place_is_the_project_root(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(CACHE_DIR_ENV)
    project = corpus.parent
    (project / ".report-validator.yaml").write_text("fail_on: never\n", encoding="utf-8")
    (project / "sub").mkdir()
    monkeypatch.chdir(project / "sub")
    assert run(capsys, "check", str(corpus))[0] == 2  # the binary file
    assert len(entries(project / ".report-validator-cache")) == 6
    assert not (project / "sub" / ".report-validator-cache").exists()


def test_two_runs_sharing_the_cache_at_once(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    command = [sys.executable, "-m", "validator", "check", str(corpus), "--format", "json"]
    reference = subprocess.run([*command, "--no-cache"], capture_output=True, text=True, check=False)
    runs = [
        subprocess.Popen([*command, "--cache-dir", str(cache)], stdout=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    outputs = []
    for process in runs:
        with process:
            outputs.append(process.communicate(timeout=120)[0])
    assert outputs == [reference.stdout] * 3
    again = subprocess.run([*command, "--cache-dir", str(cache)], capture_output=True, text=True, check=False)
    assert again.stdout == reference.stdout
    assert not [p for p in cache.rglob(".tmp-*")]


def test_workers_fill_the_cache_that_a_later_run_reads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "many"
    corpus.mkdir()
    write_corpus(corpus, 24)
    cache = tmp_path / "cache"
    argv = ("check", str(corpus), "--format", "sarif", "--jobs", "2", "--cache-dir", str(cache))
    uncached = run(capsys, *argv[:-2], "--no-cache")
    assert run(capsys, *argv) == uncached
    assert len(entries(cache)) == 24  # written by the workers
    checked = files_checked(monkeypatch)
    assert run(capsys, *argv) == uncached
    assert checked == ["report-050-binary.txt"]  # one file is too few for a pool: checked here


def test_a_file_no_reader_takes_is_not_read_for_the_cache(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from validator.engine import parallel

    other = tmp_path / "disk.iso"
    other.write_bytes(b"\0" * 1024)
    read: list[str] = []
    monkeypatch.setattr(parallel, "regular_file_bytes", lambda path: read.append(path))
    code, _, err = run(capsys, "check", str(other), "--cache-dir", str(tmp_path / "cache"))
    assert code == 2 and "disk.iso" in err
    assert read == []


def test_source_text_comes_back_when_an_output_may_quote_it(tmp_path: Path) -> None:
    """A verdict read back has its source text when wanted; damage to an unwanted text is harmless."""
    from validator.engine.cache import ResultCache
    from validator.engine.plain import quotes_source

    validator = Validator()
    clean = validator.check_path(EXAMPLES / "clean-report.txt")
    defective = validator.check_path(EXAMPLES / "defective-report.txt")
    assert not quotes_source(clean) and quotes_source(defective)
    every, quoted = ResultCache(tmp_path, "x" * 64), ResultCache(tmp_path, "x" * 64, every_source=False)
    for key, result in (("aa" * 32, clean), ("bb" * 32, defective)):
        every.put(key, result)
        for cache in (every, quoted):
            assert cache.get(key) == result
        assert every.get(key).source == result.source  # type: ignore[union-attr]
    assert quoted.get("aa" * 32).source is None  # type: ignore[union-attr]
    assert quoted.get("bb" * 32).source == defective.source  # type: ignore[union-attr]
    for entry in entries(tmp_path):  # a flipped bit in the text: a miss only where the text is wanted
        entry.write_bytes(entry.read_bytes()[:-1] + bytes([entry.read_bytes()[-1] ^ 1]))
    assert every.get("aa" * 32) is None and every.get("bb" * 32) is None
    assert quoted.get("aa" * 32) == clean and quoted.get("bb" * 32) is None


def test_only_the_built_in_formats_go_without_source_texts() -> None:
    from validator.cli.runner import every_source_needed

    registry = Validator().registry
    assert not every_source_needed("text", registry)
    assert every_source_needed("fancy", registry)  # no such format: nothing is known of it
    registry.provided["example-plugin 1.0"] = {"formats": ["text"]}  # a plugin's format of that name
    assert every_source_needed("text", registry)


def test_a_verdict_longer_than_the_first_read_is_read_whole(tmp_path: Path) -> None:
    from validator.engine.cache import ResultCache
    from validator.model import FileResult, ReportResult, Result, Source, Span

    findings = tuple(
        Result("rule", "PUN-001", "fail", "warning", f"第 {n} 处：标点", Span.on_line(n, 1, 3), "，，")
        for n in range(1, 2000)
    )
    source = Source("，，\n" * 2000)
    result = FileResult("many.txt", (ReportResult("标题", 1, None, findings),), source=source)
    cache = ResultCache(tmp_path, "y" * 64, every_source=False)
    cache.put("cc" * 32, result)
    (entry,) = entries(tmp_path)
    assert entry.stat().st_size > 16384 * 2
    got = cache.get("cc" * 32)
    assert got == result and got is not None and got.source == source
