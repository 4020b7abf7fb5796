"""report-validator: check Chinese Party-organization reports as linters check code."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
