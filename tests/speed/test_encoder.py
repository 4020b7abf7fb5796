"""The workers' ``Encoder`` writes exactly what ``encode`` writes, with each shared result encoded once."""

from __future__ import annotations

from pathlib import Path

import pytest

from validator.engine import plain
from validator.engine.pipeline import Validator
from validator.model import FileResult, Result

from .corpus import write_corpus


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> list[FileResult]:
    directory = tmp_path_factory.mktemp("encoder")
    validator = Validator(fingerprints=False)
    return [validator.check_path(path) for path in write_corpus(directory, 9)]


def test_the_encoder_writes_what_encode_writes(checked: list[FileResult]) -> None:
    encoder = plain.Encoder()
    for file in checked:
        assert encoder.encode(file) == plain.encode(file)
        assert encoder.encode(file, source=False) == plain.without_source(plain.encode(file))
        assert plain.decode(encoder.encode(file)) == file


def test_shared_results_are_encoded_once(checked: list[FileResult], monkeypatch: pytest.MonkeyPatch) -> None:
    encoded: list[Result] = []
    original = plain._result

    def spy(result: Result) -> bytes:
        encoded.append(result)
        return original(result)

    monkeypatch.setattr(plain, "_result", spy)
    encoder = plain.Encoder()
    for file in checked:
        encoder.encode(file)
    every = [result for file in checked for report in file.reports for result in report.results]
    distinct = {id(result) for result in every}
    assert len(encoded) == len(distinct) < len(every)  # the rules' passes are shared across reports


def test_the_memo_starts_afresh_past_its_limit(
    checked: list[FileResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(plain.Encoder, "LIMIT", 10)
    encoder = plain.Encoder()
    for file in checked:
        assert encoder.encode(file) == plain.encode(file)
        assert len(encoder.known) <= 10 + sum(len(report.results) for report in file.reports)


def test_a_result_made_after_another_was_freed_is_not_mistaken_for_it(tmp_path: Path) -> None:
    """The memo holds its results, so an identity cannot come back as another result while kept."""
    encoder = plain.Encoder()
    validator = Validator(fingerprints=False)
    first, second = write_corpus(tmp_path, 2)[:2]
    one = encoder.encode(validator.check_path(first))
    two = encoder.encode(validator.check_path(second))
    assert two == plain.encode(validator.check_path(second))
    assert one != two
