"""Entry points read from ``entry_points.txt`` directly: the same answer as ``importlib.metadata``."""

from __future__ import annotations

import sys
import zipfile
from importlib.metadata import distributions
from importlib.metadata import entry_points as metadata_entry_points
from pathlib import Path

import pytest

from validator.plugin.entrypoints import entry_points, scan


def every_group() -> list[str]:
    return sorted({point.group for dist in distributions() for point in dist.entry_points})


def test_every_group_of_this_environment_is_read_as_importlib_metadata_reads_it() -> None:
    groups = every_group()
    assert "report_validator" in groups and "console_scripts" in groups  # real, installed data
    for group in groups:
        expected = sorted(
            (p.name, p.value, p.dist.metadata["Name"], p.dist.version)
            for p in metadata_entry_points(group=group)
            if p.dist
        )
        got = sorted((p.name, p.value, p.distribution, p.version) for p in entry_points(group))
        assert got == expected, group


def test_builtin_bundles_load() -> None:
    points = {p.name: p for p in entry_points("report_validator")}
    assert points["builtin_checks"].load() is sys.modules["validator.checks"]
    assert points["builtin_checks"].version == __import__("validator").__version__


def write_info(directory: Path, text: str, metadata: str, file: str = "METADATA") -> None:
    directory.mkdir(parents=True)
    (directory / "entry_points.txt").write_text(text, encoding="utf-8")
    (directory / file).write_text(metadata, encoding="utf-8")


def test_first_distribution_of_a_name_wins_and_eggs_are_read(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    write_info(
        first / "rv_plug-2.0.dist-info",
        "# comment\n[console_scripts]\nx = y:z\n\n[report_validator]\nplug = rv_plug.hooks:bundle [extra]\n",
        "Metadata-Version: 2.1\nName: rv-plug\nVersion: 2.0\n\nVersion: not this\n",
    )
    write_info(second / "rv_plug-1.0.dist-info", "[report_validator]\nold = old\n", "Name: rv-plug\n")
    egg_metadata = "Name: rv_egg\nVersion: 0.3\n"
    write_info(second / "rv_egg.egg-info", "[report_validator]\negg=rv_egg\n", egg_metadata, "PKG-INFO")
    found = scan("report_validator", [str(first), str(second), str(tmp_path / "missing")])
    assert found is not None
    assert [(p.name, p.value, p.distribution, p.version) for p in found] == [
        ("plug", "rv_plug.hooks:bundle [extra]", "rv-plug", "2.0"),
        ("egg", "rv_egg", "rv_egg", "0.3"),
    ]


def test_a_zip_on_the_path_is_left_to_importlib_metadata(tmp_path: Path) -> None:
    archive = tmp_path / "plugins.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("rv_zip-1.0.dist-info/METADATA", "Name: rv-zip\nVersion: 1.0\n")
        bundle.writestr("rv_zip-1.0.dist-info/entry_points.txt", "[report_validator]\nzipped = rv_zip\n")
    assert scan("report_validator", [str(archive)]) is None


@pytest.mark.parametrize("value", ["validator.checks", "validator.checks:report_validator_rules"])
def test_load_follows_module_and_attribute(value: str) -> None:
    from validator.plugin.entrypoints import EntryPoint

    loaded = EntryPoint("x", value, "d", "1").load()
    assert loaded is not None
