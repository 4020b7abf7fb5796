"""The built-in rules bundle, registered through the same hook as any plugin's rules.

Each rule lives in its own module here, with its metadata at the top and its
user documentation (合格/不合格 examples) in the module docstring.
"""

from __future__ import annotations

import importlib

from validator.hookspecs import hookimpl
from validator.rule import Rule

RULE_MODULES: tuple[str, ...] = ("sec_008_vague_problems",)


@hookimpl
def report_validator_rules() -> list[Rule]:
    return [importlib.import_module(f"{__name__}.{name}").RULE for name in RULE_MODULES]
