"""Fixtures of the reader tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def without_libreoffice(monkeypatch: pytest.MonkeyPatch) -> None:
    """As on a machine without LibreOffice: ``soffice`` and ``libreoffice`` are not found on the PATH."""
    import shutil

    real = shutil.which

    def which(name: str, *args: object, **kwargs: object) -> str | None:
        return None if name in ("soffice", "libreoffice") else real(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(shutil, "which", which)
