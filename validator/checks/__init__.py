"""The built-in rules bundle, registered through the same hook as any plugin's rules.

Each rule lives in its own module here, with its metadata at the top and its
user documentation (合格/不合格 examples) in the module docstring.
"""

from __future__ import annotations

import importlib
import pkgutil

from validator.plugin.hookspecs import hookimpl
from validator.rule import Rule


def rule_modules() -> list[str]:
    """Every rule module in this package (modules whose name starts with _ are helpers)."""
    return sorted(name for _, name, _ in pkgutil.iter_modules(__path__) if not name.startswith("_"))


@hookimpl
def report_validator_rules() -> list[Rule]:
    return [importlib.import_module(f"{__name__}.{name}").RULE for name in rule_modules()]
