"""Paired benchmark against autocorrect-py (tox -e bench). A measurement, not a test.

Every figure is a whole process, timed by the wall clock, because that is what a
pre-commit hook, an editor or a CI job waits for. Each round runs the two sides
back to back on the same files and keeps their ratio; the table shows the medians
of the rounds (a machine shared with other work slows both sides of a pair alike).

- cold start: ``report-validator check --no-cache`` of one ~37 KB report, against
  ``python -c "import lark, pluggy, yaml"`` (the floor: our three dependencies);
- 1,000 generated reports (~20 KB each, ``bench_check.py``'s corpus), ``--no-cache`` with the
  default ``--jobs`` and with ``--jobs 1``, and a warm rerun (cache filled, nothing changed),
  each against autocorrect-py linting the same files (it has no command line; a Python
  process calls ``autocorrect_py.lint_for`` on each file, one core, as its users do);
- one 5 MiB file (a compilation of generated reports), and 1.25 and 2.5 MiB ones to show
  whether the cost is linear in size, against autocorrect-py on the same file.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_check import build_corpus, twenty_kb_report

AUTOCORRECT = """
import os, sys, autocorrect_py
paths = sys.argv[1:]
files = [os.path.join(d, n) for p in paths for d, _, ns in os.walk(p) for n in sorted(ns)] or paths
for path in (files if os.path.isdir(paths[0]) else paths):
    with open(path, encoding="utf-8") as handle:
        autocorrect_py.lint_for(handle.read(), path)
"""


def environment() -> dict[str, str]:
    """The child processes' environment: byte-code written and read, as in a normal install."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def validator_command() -> list[str]:
    script = shutil.which("report-validator", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "validator"]


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=environment(), stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def paired(ours: list[str], theirs: list[str], cwd: Path, rounds: int) -> tuple[float, float, float]:
    """Medians of our time, their time and the per-round ratio."""
    mine, other, ratios = [], [], []
    for _ in range(rounds):
        a, b = timed(ours, cwd), timed(theirs, cwd)
        mine.append(a)
        other.append(b)
        ratios.append(a / b)
    return statistics.median(mine), statistics.median(other), statistics.median(ratios)


def big_file(path: Path, mib: float) -> Path:
    """A compilation of generated reports of about ``mib`` MiB in one file."""
    parts, size, variant = [], 0, 0
    while size < mib * 1024 * 1024:
        report = twenty_kb_report(variant)
        parts.append(report)
        size += len(report.encode())
        variant += 1
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    ours = [*validator_command(), "check", "--fail-on", "never"]
    theirs = [sys.executable, "-c", AUTOCORRECT]
    rows: list[str] = []

    def row(what: str, mine: list[str], other: list[str], against: str, rounds: int = args.rounds) -> None:
        a, b, ratio = paired(mine, other, work, rounds)
        rows.append(f"| {what} | {a * 1000:.0f} ms | {b * 1000:.0f} ms | **{ratio:.2f}×** | {against} |")
        print(f"{what:<48} {a * 1000:8.0f} ms {b * 1000:8.0f} ms  {ratio:5.2f}×  ({against})", flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = work / "corpus"
        corpus.mkdir()
        size = build_corpus(corpus, args.reports)
        one = work / "one.txt"
        one.write_text(twenty_kb_report(0, 37_000), encoding="utf-8")
        cache = ["--cache-dir", str(work / "cache")]
        for warm_up in ([str(one)], [*cache, str(corpus)]):  # byte-code written; the cache filled
            timed([*ours, *warm_up], work)
        floor = [sys.executable, "-c", "import lark, pluggy, yaml"]
        kb = one.stat().st_size // 1000
        row(f"cold `check --no-cache`, one {kb} KB report", [*ours, "--no-cache", str(one)], floor, "imports")
        label, ac = f"{args.reports} reports ({size / 1e6:.1f} MB)", "autocorrect-py"
        same = [*theirs, str(corpus)]
        row(f"{label}, `--no-cache`, default `--jobs`", [*ours, "--no-cache", str(corpus)], same, ac)
        row(f"{label}, `--no-cache --jobs 1`", [*ours, "--no-cache", "-j", "1", str(corpus)], same, ac)
        row(f"{label}, warm rerun", [*ours, *cache, str(corpus)], same, ac)
        for mib in (1.25, 2.5, 5.0):
            big = str(big_file(work / f"big-{mib}.txt", mib))
            row(f"one {mib} MiB file, `--no-cache`", [*ours, "--no-cache", big], [*theirs, big], ac, 3)
    print("\n| what | report-validator | other | ratio (median of pairs) | other is |\n|---|---|---|---|---|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
