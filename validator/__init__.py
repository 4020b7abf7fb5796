"""report-validator: check Chinese Party-organization reports as linters check code.

Plugin authors need ``validator.hookimpl`` (the marker for hook implementations),
``validator.rule`` (declaring a rule) and ``validator.testing`` (YAML cases).
``validator.api`` checks texts and files from Python. docs/architecture.md maps the rest.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["__version__", "hookimpl"]

if TYPE_CHECKING:
    from validator.plugin.hookspecs import hookimpl


def __getattr__(name: str) -> Any:
    # pluggy is imported only when a plugin asks for the marker, not by every import of the package.
    if name == "hookimpl":
        from validator.plugin.hookspecs import hookimpl

        return hookimpl
    raise AttributeError(f"module 'validator' has no attribute {name!r}")
