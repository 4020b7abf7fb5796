"""The built-in rules bundle, registered through the same hook as any plugin's rules.

Each rule lives in its own module here: its user documentation (合格/不合格 examples) in the
module docstring and its check declared with ``validator.rule.rule``. Rules that are only data
(the fixed formulations) are declared in ``rules/data/formulation_rules.yaml`` and run by
``formulations``, one generic module. Modules whose name starts with ``_`` are helpers.
"""

from __future__ import annotations

import importlib
import pkgutil

from validator.plugin.hookspecs import hookimpl
from validator.rule import Rule


def rule_modules() -> list[str]:
    """Every rule module in this package (modules whose name starts with _ are helpers)."""
    return sorted(name for _, name, _ in pkgutil.iter_modules(__path__) if not name.startswith("_"))


def module_rules(name: str) -> list[Rule]:
    """The rules a module declares: its ``@rule`` check, or the ``RULES`` it builds from data."""
    module = importlib.import_module(f"{__name__}.{name}")
    declared = getattr(module, "RULES", None)
    if declared is not None:
        return list(declared)
    return [value for value in vars(module).values() if isinstance(value, Rule)]


@hookimpl
def report_validator_rules() -> list[Rule]:
    rules = [rule for name in rule_modules() for rule in module_rules(name)]
    return sorted(rules, key=lambda rule: rule.code)
