"""How ``check`` gets every file's verdict: through the result cache, over ``--jobs`` processes.

``checker`` gives the function that checks a list of paths for a run; worker processes that
are spawned rather than forked rebuild the run's validator once each, through the picklable
``ValidatorForArgs`` (``commands.prepare``, quietly: plugin failures are reported once, by the parent).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from validator.model import FileResult
from validator.records import frozen

if TYPE_CHECKING:
    from validator.config import ProjectConfig
    from validator.engine.cache import ResultCache
    from validator.engine.pipeline import Validator
    from validator.plugin.registry import Registry

# Built-in formats that never show a fingerprint: their runs skip computing them.
FORMATS_WITHOUT_FINGERPRINTS = frozenset({"text", "compact", "github", "junit"})


@frozen
class ValidatorForArgs:
    """A picklable recipe for the run's validator, for spawned worker processes."""

    args: argparse.Namespace

    def __call__(self) -> Validator:
        from validator.cli.commands import prepare

        return prepare(self.args, quiet=True)[3]


def checker(
    args: argparse.Namespace, validator: Validator, config: ProjectConfig
) -> Callable[[Sequence[str]], list[FileResult]]:
    """The files' verdicts in order: from the cache when unchanged, else over ``--jobs`` workers."""
    from validator.engine.parallel import available_cores, check_files

    every_source = every_source_needed(getattr(args, "format", None), validator.registry)
    cache = open_cache(args, validator, config, every_source)
    jobs = getattr(args, "jobs", None) or available_cores()

    def check(paths: Sequence[str]) -> list[FileResult]:
        factory = ValidatorForArgs(args)
        return check_files(
            validator,
            paths,
            jobs=jobs,
            factory=factory,
            cache=cache,
            progress=sys.stderr,
            every_source=every_source,
        )

    return check


def every_source_needed(fmt: str | None, registry: Registry) -> bool:
    """Whether every file's source text must come back, or only those its output may quote.

    The built-in formats quote a file's text only under a failure with a place
    (``plain.quotes_source``), so their runs skip decoding (from the cache) or sending
    back (from a worker) the other files' texts: most of what a warm run would read.
    A plugin's format (or a plugin's format of a built-in's name) may quote anything.
    """
    offered_by = [origin for origin, kinds in registry.provided.items() if fmt in kinds.get("formats", ())]
    return offered_by != ["built-in"]


def open_cache(
    args: argparse.Namespace, validator: Validator, config: ProjectConfig, every_source: bool = True
) -> ResultCache | None:
    """The result cache for this run, or None with ``--no-cache`` (``baseline`` keeps none)."""
    if getattr(args, "no_cache", True):
        return None
    from validator.engine.cache import ResultCache, default_cache_dir, run_identity

    registry = validator.registry
    parts = [f"plugin {name} {version}" for name, version in sorted(registry.plugins.versions.items())]
    parts += [f"failed {failure}" for failure in registry.failures]
    parts += [repr(registry.checklists[name]) for name in sorted(registry.checklists)]
    parts += [
        f"rule {code} {rule.name} {rule.severity} {rule.origin} {dict(rule.options)!r}"
        for code, rule in sorted(registry.rules.items())
    ]
    root = config.path.parent if config.path is not None else Path.cwd()
    return ResultCache(default_cache_dir(root, args.cache_dir), run_identity(parts), every_source)
