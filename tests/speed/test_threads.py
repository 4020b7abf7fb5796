"""The per-report memos (items' tables, the rules' shared passes) are safe when threads check at once."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from validator.api import Validator

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _verdict(validator: Validator, text: str, name: str) -> list[tuple[str, str, str, int | None]]:
    return [
        (result.id, result.status, result.message, result.span.line if result.span else None)
        for report in validator.check_text(text, name)
        for result in report.results
    ]


def test_threads_give_the_verdicts_of_one_thread() -> None:
    validator = Validator(fingerprints=False)
    texts = [path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.txt"))]
    # Variants differ in their findings, so a memo answering for the wrong report would show.
    texts += [text.replace("二、", "四、", 1) + "\nXX同志的**讲话。\n" for text in texts]
    alone = [_verdict(validator, text, f"{n}.txt") for n, text in enumerate(texts)]
    with ThreadPoolExecutor(4) as pool:
        for _ in range(5):
            names = [f"{n}.txt" for n in range(len(texts))]
            assert list(pool.map(lambda text, name: _verdict(validator, text, name), texts, names)) == alone
