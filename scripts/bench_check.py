"""Benchmark ``check`` (tox -e bench). A measurement, not a test: it never fails on a number.

Builds a corpus of --reports reports (default 1,000) of about 20 KB each from
examples/clean-report.txt — its achievement sections repeated and renumbered,
and the unit's name varied per report — then measures:

- throughput: ``Validator.check_paths`` over the whole corpus in this process
  (one core), as reports per second and MB per second, median of --repeat runs;
- cold start: ``python -m validator check`` of one 20 KB report in a fresh
  process, median of --cold-runs runs (imports, plugin discovery, checklist
  loading, parsing, checking, output).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
try:
    from validator.api import Validator
except ImportError:  # run from a checkout without installing: use the source tree
    sys.path.insert(0, str(ROOT))
    from validator.api import Validator

CN_NUMERALS = "一二三四五六七八九十"
TARGET_BYTES = 20_000


def chinese_numeral(number: int) -> str:
    """一 … 九十九, as headings number their sections."""
    tens, units = divmod(number, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else f"{CN_NUMERALS[tens - 1]}十")
    return head + (CN_NUMERALS[units - 1] if units else "")


def twenty_kb_report(variant: int, target: int = TARGET_BYTES) -> str:
    """A real-shaped report of about ``target`` bytes (20 KB): the clean example's achievements repeated."""
    lines = (ROOT / "examples" / "clean-report.txt").read_text(encoding="utf-8").split("\n")
    title, lead = lines[0].replace("青山县", f"青山县第{variant + 1}"), lines[1]
    problems_at = next(i for i, line in enumerate(lines) if line.startswith("二、"))
    achievements, closing = lines[3:problems_at], [line for line in lines[problems_at:] if line]
    body: list[str] = []
    while len("\n".join([title, lead, *body, *closing]).encode()) < target:
        number = chinese_numeral(len(body) // (len(achievements) + 1) + 1)
        body.append(f"{number}、履行全面从严治党主体责任的主要做法")
        body.extend(achievements)
    numbered = iter(range(len(body) // (len(achievements) + 1) + 1, 100))
    tail = [f"{chinese_numeral(next(numbered))}{line[1:]}" if line[1:2] == "、" else line for line in closing]
    return "\n".join([title, lead, *body, *tail]) + "\n"


def build_corpus(directory: Path, count: int) -> int:
    size = 0
    for variant in range(count):
        data = twenty_kb_report(variant).encode("utf-8")
        (directory / f"report-{variant:04d}.txt").write_bytes(data)
        size += len(data)
    return size


def throughput(directory: Path, repeat: int, rules: bool = True) -> float:
    validator = Validator()
    if not rules:  # the checklist alone: what the rule catalogue costs is the difference
        validator.registry.rules.clear()
    paths = [str(directory)]
    validator.check_paths(paths)  # warm-up: grammar, checklists, regexes
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        validator.check_paths(paths)
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def cold_start(path: Path, runs: int) -> float:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "validator", "check", str(path), "--fail-on", "never"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cold-runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        size = build_corpus(directory, args.reports)
        seconds = throughput(directory, args.repeat)
        bare = throughput(directory, args.repeat, rules=False)
        one = directory / "report-0000.txt"
        each_kb, total_mb = size / args.reports / 1000, size / 1e6
        print(f"corpus:      {args.reports} reports, {each_kb:.1f} KB each, {total_mb:.1f} MB")
        print(
            f"throughput:  {args.reports / seconds:.0f} reports/s, {size / seconds / 1e6:.2f} MB/s (one core)"
        )
        print(f"             {args.reports / bare:.0f} reports/s without rules (checklist and parser only)")
        cold_ms = cold_start(one, args.cold_runs) * 1000
        print(f"cold start:  median {cold_ms:.0f} ms for `python -m validator check {one.name}`")


if __name__ == "__main__":
    main()
