"""The plugin manager: built-ins first, then each installed plugin in its own try.

The built-in bundles are registered through the same hooks as third-party
plugins (and listed under the same entry-point group in ``pyproject.toml``),
so the plugin path is exercised on every run. An external plugin that fails
to import, or whose hooks do not match ``hookspecs``, is named with its
version in one line and skipped; ``--strict-plugins`` turns that into exit 2.
``REPORT_VALIDATOR_DISABLE_PLUGINS=a,b`` blocks plugins by entry-point name.
"""

from __future__ import annotations

import importlib
import os
from typing import NamedTuple

import pluggy

from validator import __version__
from validator.plugin import hookspecs

ENTRY_POINT_GROUP = "report_validator"
DISABLE_ENV = "REPORT_VALIDATOR_DISABLE_PLUGINS"

# (entry-point name, module): the same names as in pyproject.toml.
BUILTIN_PLUGINS: tuple[tuple[str, str], ...] = (
    ("builtin_readers", "validator.readers"),
    ("builtin_checks", "validator.checks"),
    ("builtin_checklists", "validator.plugin.builtin_checklists"),
    ("builtin_formatters", "validator.formatters"),
)


class PluginFailure(NamedTuple):
    """A plugin that could not be used, and why: shown as one line."""

    name: str
    version: str
    reason: str

    def __str__(self) -> str:
        return f"插件 {self.name} {self.version} 未能加载，已跳过：{self.reason}"


class LoadedPlugins:
    """The plugin manager with what it took in: versions by plugin name, and failures."""

    def __init__(self, manager: pluggy.PluginManager) -> None:
        self.manager = manager
        self.versions: dict[str, str] = {}
        self.failures: list[PluginFailure] = []

    def origin(self, plugin_name: str) -> str:
        """Where a contribution comes from: ``built-in`` or ``name version``."""
        if plugin_name.startswith("builtin_"):
            return "built-in"
        return f"{plugin_name} {self.versions.get(plugin_name, '?')}".strip()


def load_plugins(*, entry_points: bool = True, disabled: frozenset[str] | None = None) -> LoadedPlugins:
    """Build the plugin manager: the built-ins, then the ``report_validator`` entry points."""
    manager = pluggy.PluginManager(hookspecs.PROJECT_NAME)
    manager.add_hookspecs(hookspecs)
    loaded = LoadedPlugins(manager)
    for name, module in BUILTIN_PLUGINS:
        manager.register(importlib.import_module(module), name=name)
        loaded.versions[name] = __version__
    blocked = disabled if disabled is not None else disabled_from_env()
    if entry_points:
        _load_entry_points(loaded, blocked)
    return loaded


def disabled_from_env() -> frozenset[str]:
    return frozenset(name.strip() for name in os.environ.get(DISABLE_ENV, "").split(",") if name.strip())


def _load_entry_points(loaded: LoadedPlugins, blocked: frozenset[str]) -> None:
    from validator.plugin.entrypoints import entry_points

    builtin_names = {name for name, _ in BUILTIN_PLUGINS}
    for entry_point in entry_points(group=ENTRY_POINT_GROUP):
        if entry_point.name in builtin_names or loaded.manager.has_plugin(entry_point.name):
            continue
        if entry_point.name in blocked:
            loaded.manager.set_blocked(entry_point.name)
            continue
        version = entry_point.version
        try:
            plugin = entry_point.load()
            loaded.manager.register(plugin, name=entry_point.name)
            loaded.manager.check_pending()
        except Exception as error:  # a broken plugin must not stop the run
            if loaded.manager.has_plugin(entry_point.name):
                loaded.manager.unregister(name=entry_point.name)
            loaded.failures.append(PluginFailure(entry_point.name, version, _one_line(error)))
            continue
        loaded.versions[entry_point.name] = version


def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return f"{type(error).__name__}: {text}" if not text.startswith(type(error).__name__) else text
