"""A small corpus of real-shaped reports for the speed tests: the examples, varied per file."""

from __future__ import annotations

from pathlib import Path

EXAMPLES = Path(__file__).parent.parent.parent / "examples"


def write_corpus(directory: Path, count: int) -> list[Path]:
    """``count`` reports (clean, defective, compilation in turn, units named apart) and one bad file."""
    sources = [path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.txt"))]
    written = []
    for number in range(count):
        text = sources[number % len(sources)].replace("局党组", f"第{number + 1}局党组", 1)
        path = directory / f"report-{number:03d}.txt"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    bad = directory / "report-050-binary.txt"
    bad.write_bytes(b"\x00\x01\x02PK\x03\x04 not a report")
    return sorted([*written, bad])


def real_files() -> list[Path]:
    """The examples' reports, then the samples when they are beside the project (real-shaped text)."""
    from tests.conftest import SAMPLES_DIR

    found = sorted(EXAMPLES.glob("*.txt"))
    if SAMPLES_DIR.is_dir():
        found += sorted(SAMPLES_DIR.iterdir())
    return found
