"""Data packs: the facts rules check against, kept in YAML under ``rules/data/``.

The timeline of congresses, plenums and campaigns, the fixed formulations, the
typo dictionary, placeholder patterns and colloquialisms change with the year;
keeping them in data means a new year's facts are a data change, not a code
release. Each pack is read once per process with a safe loader.
"""

from __future__ import annotations

import functools
from typing import Any

from validator.errors import ConfigError
from validator.resources import data_dir


@functools.cache
def load_data(name: str) -> Any:
    """The parsed content of ``rules/data/<name>.yaml``."""
    import yaml

    path = data_dir("rules") / "data" / f"{name}.yaml"
    try:
        with open(path, encoding="utf-8") as handle:
            return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as error:
        raise ConfigError(f"无法读取数据包：{error}", path=str(path), key=name) from None
