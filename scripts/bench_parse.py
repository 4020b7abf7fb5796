"""Benchmark the parser (tox -e bench). A measurement, not a test: it never fails on a number.

Parses every file of ../shared/samples (or, when that is absent, examples/) --repeat times and
prints the corpus size, the median seconds per full pass and the throughput; then the cold-start
time of ``python -m validator outline <first file>`` (median of five runs).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
try:
    from validator.parse import parse_text
    from validator.readers import read_path
except ImportError:  # run from a checkout without installing: use the source tree
    sys.path.insert(0, str(ROOT))
    from validator.parse import parse_text
    from validator.readers import read_path

CORPORA = (ROOT.parent / "shared" / "samples", ROOT / "examples")
COLD_RUNS = 5


def corpus_files(corpus: Path | None) -> list[Path]:
    for directory in (corpus,) if corpus else CORPORA:
        files = sorted(p for p in directory.glob("*") if p.is_file()) if directory.is_dir() else []
        if files:
            return files
    sys.exit(f"no files to benchmark in {corpus or ' or '.join(map(str, CORPORA))}")


def time_passes(texts: list[tuple[str, str]], repeat: int) -> list[float]:
    for path, text in texts:  # warm-up: grammar load and cache, imports
        parse_text(text, path)
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        for path, text in texts:
            parse_text(text, path)
        timings.append(time.perf_counter() - start)
    return timings


def time_cold_start(first: Path) -> float:
    command = [sys.executable, "-m", "validator", "outline", str(first)]
    timings = []
    for _ in range(COLD_RUNS):
        start = time.perf_counter()
        proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
        timings.append(time.perf_counter() - start)
        if proc.returncode != 0:
            print(f"warning: {' '.join(command)} exited {proc.returncode}: {proc.stderr.strip()}")
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark parsing speed and cold start.")
    parser.add_argument("--repeat", type=int, default=20, help="timed passes over the corpus (default 20)")
    parser.add_argument("--corpus", type=Path, help="directory of reports (default ../shared/samples)")
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    files = corpus_files(args.corpus)
    texts = [(str(path), read_path(path).text) for path in files]
    total_bytes = sum(path.stat().st_size for path in files)
    median = statistics.median(time_passes(texts, args.repeat))
    print(f"corpus:     {len(files)} files, {total_bytes} bytes ({files[0].parent})")
    print(f"parse:      median {median:.4f} s per pass over {args.repeat} passes")
    print(f"throughput: {total_bytes / median / 1e6:.2f} MB/s")
    cold = time_cold_start(files[0])
    print(f"cold start: median {cold:.3f} s for `python -m validator outline {files[0].name}`")


if __name__ == "__main__":
    main()
