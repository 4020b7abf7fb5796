"""Everything the plugins contribute, gathered once per run, with where each piece comes from.

Each hook implementation is called on its own, so a contribution can be
credited to its plugin (``rules`` shows it) and a plugin whose hook raises
can be named and skipped without losing the others' contributions.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from validator.datapack import use_packs
from validator.errors import ConfigError
from validator.model import Checklist
from validator.plugin.manager import LoadedPlugins, PluginFailure
from validator.rule import Rule
from validator.snapshot import remembered


class Registry:
    """Rules, checklists, readers and formatters by name, and the plugins that failed.

    A plain class, filled in once by ``build_registry`` (a dataclass costs more to define than
    this whole registry costs to use).
    """

    def __init__(self, plugins: LoadedPlugins) -> None:
        self.plugins = plugins
        self.rules: dict[str, Rule] = {}
        self.checklists: dict[str, Checklist] = {}
        self.readers: dict[str, Callable[..., Any]] = {}
        self.formatters: dict[str, Callable[..., Any]] = {}
        self.data_packs: list[Path] = []  # files that extend the built-in data packs
        # origin ("built-in" or "name version") -> kind ("rules", "checklists", …) -> names it added
        self.provided: dict[str, dict[str, list[str]]] = {}

    def credit(self, origin: str, kind: str, names: list[str]) -> None:
        self.provided.setdefault(origin, {}).setdefault(kind, []).extend(names)

    @property
    def failures(self) -> list[PluginFailure]:
        return self.plugins.failures


def build_registry(plugins: LoadedPlugins) -> Registry:
    """Call every hook implementation and collect what it gives."""
    registry = Registry(plugins)
    for origin, rules in _contributions(plugins, "report_validator_rules"):
        for rule in rules:
            _add_rule(registry, replace(rule, origin=origin))
        registry.credit(origin, "rules", [rule.code for rule in rules])
    for origin, readers in _contributions(plugins, "report_validator_readers"):
        registry.readers.update({suffix.lower(): reader for suffix, reader in readers.items()})
        registry.credit(origin, "readers", sorted(readers))
    for origin, formatters in _contributions(plugins, "report_validator_formatters"):
        registry.formatters.update(formatters)
        registry.credit(origin, "formats", sorted(formatters))
    for origin, paths in _contributions(plugins, "report_validator_data"):
        registry.data_packs.extend(Path(path) for path in paths)
        registry.credit(origin, "data", [Path(path).name for path in paths])
    use_packs(registry.data_packs)  # before any rule derives its tables from the packs
    checklist_files = [
        (origin, Path(path))
        for origin, paths in _contributions(plugins, "report_validator_checklists")
        for path in paths
    ]
    registry.checklists = _remembered_checklists(checklist_files, frozenset(registry.rules))
    for checklist in registry.checklists.values():
        registry.credit(checklist.origin, "checklists", [checklist.id])
    return registry


def _contributions(plugins: LoadedPlugins, hook_name: str) -> Iterator[tuple[str, Any]]:
    """(origin, result) of each implementation of a hook, built-ins first."""
    caller = getattr(plugins.manager.hook, hook_name)
    for implementation in reversed(caller.get_hookimpls()):  # pluggy lists the last registered first
        try:
            result = implementation.function()
        except Exception as error:  # a broken plugin must not stop the run
            version = plugins.versions.get(implementation.plugin_name, "?")
            plugins.failures.append(
                PluginFailure(implementation.plugin_name, version, f"{hook_name}: {error}")
            )
            continue
        if result is not None:
            yield plugins.origin(implementation.plugin_name), result


def _add_rule(registry: Registry, rule: Rule) -> None:
    existing = registry.rules.get(rule.code)
    if existing is not None:
        raise ConfigError(
            f"规则代码 {rule.code} 重复：{existing.origin} 与 {rule.origin} 都定义了它", key=rule.code
        )
    registry.rules[rule.code] = rule


# What turns checklist files into Checklist objects: a change to any of it makes a new snapshot.
_CHECKLIST_CODE = ("checklist", "model.py", "yaml_nodes.py", "safe_regex.py", "plugin/registry.py", "yaml")


def _remembered_checklists(
    files: list[tuple[str, Path]], known_rules: frozenset[str]
) -> dict[str, Checklist]:
    """The checklists, from the start-up snapshot when no file, rule code or origin has changed."""
    context = "\0".join([*sorted(known_rules), *(origin for origin, _ in files)])
    load = functools.partial(_load_checklists, files, known_rules)
    return remembered("checklists", [path for _, path in files], context, load, code=_CHECKLIST_CODE)


def _load_checklists(files: list[tuple[str, Path]], known_rules: frozenset[str]) -> dict[str, Checklist]:
    """Load checklist files, each parent before the checklists that ``extends`` it.

    A file's id is peeked at (a top-level ``id:`` line) to find the parent a
    child names; the loader then validates everything properly.
    """
    from validator.checklist import load_checklist

    by_id = {_peek_id(path): (origin, path) for origin, path in files}
    loaded: dict[str, Checklist] = {}
    loading: set[str] = set()

    def resolve(checklist_id: str) -> Checklist:
        if checklist_id not in loaded:
            if checklist_id not in by_id or checklist_id in loading:
                raise KeyError(checklist_id)
            load(*by_id[checklist_id])
        return loaded[checklist_id]

    def load(origin: str, path: Path) -> None:
        loading.add(_peek_id(path))
        checklist = load_checklist(path, known_rules=known_rules, resolve=resolve, origin=origin)
        loaded.setdefault(checklist.id, checklist)

    for origin, path in files:
        if _peek_id(path) not in loaded:
            load(origin, path)
    return loaded


def _peek_id(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""
    match = re.search(r"^id:[ \t]*['\"]?([\w-]+)", text, flags=re.MULTILINE)
    return match.group(1) if match else ""
