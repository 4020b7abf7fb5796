"""Find the data that ships with report-validator: the Lark grammar and the YAML rules.

This is the one resolver for them; nothing else builds these paths. The directories live at the
repository root (``grammar/``, ``rules/``) so that they are easy to review, and the wheel copies
them into the package as ``validator/_data/<name>`` (``force-include`` in ``pyproject.toml``).
So an installed wheel finds them inside the package, and an editable install or a source
checkout finds them beside ``validator/``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

DATA_NAMES: Final = frozenset({"grammar", "rules"})

_PACKAGE_DIR: Final = Path(__file__).parent


def data_dir(name: str) -> Path:
    """Return the directory of shipped data called *name* (``"grammar"`` or ``"rules"``)."""
    if name not in DATA_NAMES:
        raise ValueError(f"unknown data directory {name!r}; expected one of {sorted(DATA_NAMES)}")
    candidates = (_PACKAGE_DIR / "_data" / name, _PACKAGE_DIR.parent / name)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    looked = " or ".join(str(c) for c in candidates)
    raise RuntimeError(f"report-validator is installed without its {name!r} data (looked in {looked})")


def data_file(name: str, filename: str) -> Path:
    """Return the file *filename* (may contain ``/``) inside the data directory *name*."""
    path = data_dir(name) / filename
    if not path.is_file():
        raise FileNotFoundError(f"report-validator has no {name} file {filename!r} (looked in {path})")
    return path
