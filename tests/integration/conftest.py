"""Integration tests drive real external tools (git, the pre-commit framework, pip).

They are slow and need the network once (pip installs the hook's dependencies), so they carry
the ``integration`` marker: ``pytest tests/integration -m integration`` runs them, and
``-m "not integration"`` leaves them out.
"""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "integration: drives real external tools (git, pre-commit, pip); slow, needs PyPI once",
    )
