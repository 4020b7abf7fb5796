"""``atomic_write``: the old file or the whole new one, never a mix, and no temporary left behind."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from validator.atomic import atomic_write
from validator.errors import ConfigError


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


def test_writes_text_and_bytes(tmp_path: Path) -> None:
    atomic_write(tmp_path / "a.json", "基线\n")
    atomic_write(tmp_path / "b.bin", b"\x00\xff")
    assert (tmp_path / "a.json").read_bytes() == "基线\n".encode()
    assert (tmp_path / "b.bin").read_bytes() == b"\x00\xff"
    assert leftovers(tmp_path) == []


def test_a_failed_rename_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "base.json"
    target.write_text("old", encoding="utf-8")

    def refuse(*_args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("validator.atomic.os.replace", refuse)
    with pytest.raises(ConfigError) as info:
        atomic_write(target, "new", key="baseline")
    assert str(info.value) == f"{target}: 无法写入文件：权限不足"
    assert target.read_text(encoding="utf-8") == "old" and leftovers(tmp_path) == []


def test_an_interrupt_half_way_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "base.json"
    target.write_text("old", encoding="utf-8")

    def interrupted(_fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("validator.atomic.os.fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, "new")
    assert target.read_text(encoding="utf-8") == "old" and leftovers(tmp_path) == []


def test_permissions_are_kept(tmp_path: Path) -> None:
    target = tmp_path / "base.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    atomic_write(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_symbolic_link_is_followed_not_replaced(tmp_path: Path) -> None:
    (tmp_path / "real.json").write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to("real.json")
    atomic_write(link, "new")
    assert link.is_symlink() and (tmp_path / "real.json").read_text(encoding="utf-8") == "new"


def test_a_device_is_written_through(tmp_path: Path) -> None:
    if not os.path.exists(os.devnull):
        pytest.skip("no null device")
    atomic_write(os.devnull, "anything")
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)  # still the device, not a file renamed over it


def test_a_missing_directory_is_one_line_in_either_language(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        atomic_write(tmp_path / "no" / "x.json", "x", lang="en")
    assert (
        str(info.value) == f"{tmp_path / 'no' / 'x.json'}: cannot write the file: no such file or directory"
    )


def test_a_new_file_gets_the_umask_mode(tmp_path: Path) -> None:
    previous = os.umask(0o027)
    try:
        atomic_write(tmp_path / "new.json", "x")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o640
