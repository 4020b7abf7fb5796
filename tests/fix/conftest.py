"""The ``word`` marker: tests that drive LibreOffice, run by ``tox -e word`` (REPORT_VALIDATOR_WORD=1).

Elsewhere they are skipped, since a conversion takes seconds; in the ``word``
environment a missing ``soffice`` is a failure, not a skip.
"""

from __future__ import annotations

import os

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "word: converts reviewed .docx copies with LibreOffice (tox -e word)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if os.environ.get("REPORT_VALIDATOR_WORD") == "1":
        return
    skip = pytest.mark.skip(reason="LibreOffice tests run in `tox -e word` (REPORT_VALIDATOR_WORD=1)")
    for item in items:
        if item.get_closest_marker("word"):
            item.add_marker(skip)
