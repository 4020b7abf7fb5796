"""Functions imported on their first call.

Every run registers all built-in formats and readers, but a run uses one format
and mostly one reader: importing the others (XML, zip, PDF libraries) would add
tens of milliseconds to every pre-commit run for nothing.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def lazy_function(module: str, name: str) -> Callable[..., Any]:
    """A stand-in for ``module.name`` that imports the module when first called."""

    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(module), name)(*args, **kwargs)

    call.__name__ = call.__qualname__ = name
    call.__doc__ = f"{module}.{name}, imported on first use."
    return call
