"""Browser tests open the HTML page in a real headless Chromium through Playwright for Python.

They carry the ``browser`` marker and run in the tox ``browser`` environment
(``tox -e browser``), which installs Playwright; Playwright's own browser
download is not used: the system's Chromium is driven instead
(``REPORT_VALIDATOR_CHROMIUM``, else ``chromium`` or ``chromium-browser`` on
PATH; ``.ci/run`` installs it with apt-get when missing). When these tests are
asked for and Chromium is absent they fail rather than skip: a browser test
that silently skips proves nothing.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: opens the HTML page in headless Chromium (tox -e browser)")


def chromium_path() -> str:
    """The system Chromium to drive; a clear failure when there is none."""
    for candidate in (os.environ.get("REPORT_VALIDATOR_CHROMIUM"), "chromium", "chromium-browser"):
        found = candidate and shutil.which(candidate)
        if found:
            return found
    pytest.fail("no Chromium found: install it (apt-get install chromium) or set REPORT_VALIDATOR_CHROMIUM")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright  # installed by the tox env; missing means failure

    with sync_playwright() as playwright:
        # --no-sandbox: CI containers run as root, where Chromium's sandbox cannot start
        launched = playwright.chromium.launch(executable_path=chromium_path(), args=["--no-sandbox"])
        yield launched
        launched.close()
