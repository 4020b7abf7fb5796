"""How ``check`` builds its validator and gets every file's verdict: cache, ``--jobs``, progress.

``check_validator`` is the one recipe for the validator of a ``check`` run, used by
the command itself and, through the picklable ``ValidatorForArgs``, by worker
processes that are spawned rather than forked (they rebuild it once each,
quietly: plugin failures are reported once, by the parent).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from validator.model import FileResult

if TYPE_CHECKING:
    from validator.config import EffectiveConfig, ProjectConfig
    from validator.engine.cache import ResultCache
    from validator.engine.pipeline import Validator
    from validator.plugin.registry import Registry

# Built-in formats that never show a fingerprint: their runs skip computing them.
FORMATS_WITHOUT_FINGERPRINTS = frozenset({"text", "compact", "github", "junit"})


def check_validator(
    args: argparse.Namespace, *, quiet: bool = False
) -> tuple[Registry, ProjectConfig, EffectiveConfig, Validator]:
    """The registry, configuration, run settings and validator that ``args`` describe."""
    from validator.cli.commands import configured, with_flags
    from validator.engine.pipeline import FileSettings, Validator

    with contextlib.redirect_stderr(io.StringIO()) if quiet else contextlib.nullcontext():
        registry, config = configured(args)
    run = with_flags(config.for_run(), args)

    def settings_for(path: str) -> FileSettings:
        effective = with_flags(config.for_file(path), args)
        return FileSettings(effective.run_settings(), effective.checklist)

    fingerprints = bool(args.baseline) or args.format not in FORMATS_WITHOUT_FINGERPRINTS
    return registry, config, run, Validator(registry, settings_for=settings_for, fingerprints=fingerprints)


@dataclass(frozen=True)
class ValidatorForArgs:
    """A picklable recipe for the run's validator, for spawned worker processes."""

    args: argparse.Namespace

    def __call__(self) -> Validator:
        return check_validator(self.args, quiet=True)[3]


def check_inputs(args: argparse.Namespace, validator: Validator, config: ProjectConfig) -> list[FileResult]:
    """The verdict on ``--stdin`` or on every file under ``args.paths``, in order."""
    from validator.engine.parallel import available_cores, check_files, settings_text
    from validator.engine.pipeline import expand_paths

    cache = open_cache(args, validator, config)
    if args.stdin:
        data, name = sys.stdin.buffer.read(), args.stdin_filename
        key = cache.key(name, settings_text(validator, name), data) if cache else ""
        cached = cache.get(key) if cache else None
        if cached is not None:
            return [cached]
        result = validator.check_bytes(data, name)
        if cache:
            cache.put(key, result)
        return [result]
    paths = expand_paths(args.paths, frozenset(validator.registry.readers))
    jobs = args.jobs or available_cores()
    return check_files(
        validator, paths, jobs=jobs, factory=ValidatorForArgs(args), cache=cache, progress=sys.stderr
    )


def open_cache(args: argparse.Namespace, validator: Validator, config: ProjectConfig) -> ResultCache | None:
    """The result cache for this run, or None with ``--no-cache``."""
    if args.no_cache:
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
    return ResultCache(default_cache_dir(root, args.cache_dir), run_identity(parts))
