"""Plugins: the hooks, the plugin manager, and the registry of what every plugin gives.

``hookspecs`` is the whole contract (every hook, documented); ``manager`` loads the built-in
bundles and each installed plugin in its own try; ``registry`` collects their rules, checklists,
readers and formatters into one ``Registry`` that the engine and the command line use.
Plugin authors need only ``validator.hookimpl``.
"""

from __future__ import annotations

from validator.plugin.hookspecs import hookimpl
from validator.plugin.manager import load_plugins
from validator.plugin.registry import Registry, build_registry

__all__ = ["Registry", "build_registry", "hookimpl", "load_plugins"]
