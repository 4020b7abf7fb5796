"""Checklists: YAML files that say what a kind of report must contain, loaded strictly.

The front door is ``load_checklist`` (a file) and ``load_checklist_text`` (a string), which
follow ``extends`` and raise a one-line ``ConfigError`` naming file, line and key. Inside:
``loader`` (the entry points and ``extends``), ``values`` (the format's keys and value readers),
``items`` (``items:`` merged over the parent's), ``validation`` (references, ``after`` cycles,
satisfiability) and ``settings`` (``detect:`` and ``rules:``). The built-in checklists
come through the plugin hook like an organization's (``validator.plugin.builtin_checklists``).
"""

from __future__ import annotations

from validator.checklist.loader import compile_pattern, load_checklist, load_checklist_text

__all__ = ["compile_pattern", "load_checklist", "load_checklist_text"]
