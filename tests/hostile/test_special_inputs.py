"""Special files, unreadable folders and huge files: refused at once, by their stat, with exit 2."""

from __future__ import annotations

import json
import os
import socket
import threading
from pathlib import Path

import pytest

from tests.hostile.conftest import Run

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX special files")


def _in_thread_with_timeout(run: Run, *argv: str, timeout: float = 20) -> tuple[int, str, str]:
    """Run the command line in a thread, so that a hang fails the test instead of blocking the suite."""
    result: list[tuple[int, str, str]] = []
    thread = threading.Thread(target=lambda: result.append(run(*argv)), daemon=True)
    thread.start()
    thread.join(timeout)
    assert result, f"check {argv} hung"
    return result[0]


def test_a_named_fifo_is_refused_at_once(run: Run, tmp_path: Path, good_file: Path) -> None:
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)
    code, out, err = _in_thread_with_timeout(run, "check", str(fifo), str(good_file), "--format", "json")
    assert code == 2
    assert "report.txt" in err and "管道" in err and err.count("\n") == 1
    assert [Path(f["path"]).name for f in json.loads(out)["files"]] == ["report.txt", "good.txt"]


def test_a_fifo_inside_a_folder_is_refused_at_once(run: Run, tmp_path: Path, good_file: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    code, _out, err = _in_thread_with_timeout(run, "check", str(tmp_path))
    assert code == 2 and "pipe.txt" in err and "管道" in err


def test_a_socket_and_a_device_are_refused(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        code, _out, err = _in_thread_with_timeout(run, "check", str(path), "/dev/zero")
    finally:
        server.close()
    assert code == 2
    assert "套接字" in err and "/dev/zero" in err and "设备" in err


def test_an_unreadable_folder_is_an_error(
    run: Run, tmp_path: Path, good_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "hidden.txt").write_text("一、加强\n", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: object = ".") -> object:  # as chmod 000 does for a user who is not root
        if os.fspath(path) == str(locked):  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    code, _out, err = run("check", str(tmp_path))
    assert code == 2
    assert "locked" in err and "无法读取目录：权限不足" in err
    code, _out, err = run("check", str(locked))
    assert code == 2 and "无法读取目录" in err


def test_a_huge_sparse_text_is_refused_by_its_size_without_reading(
    run: Run, tmp_path: Path, good_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as handle:
        handle.truncate(3 * 1024**3)  # 3 GB, sparse: costs no disk
    import builtins

    real_open = builtins.open

    def watched_open(file: object, *args: object, **kwargs: object) -> object:
        assert os.fspath(file) != str(huge), "the huge file was opened"  # type: ignore[arg-type]
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(builtins, "open", watched_open)
    code, _out, err = run("check", str(huge), str(good_file))
    assert code == 2
    assert "huge.txt" in err and "文件过大" in err and "3072.0 MB" in err


def test_the_size_budget_is_configurable(
    run: Run, tmp_path: Path, good_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.txt"
    big.write_text("某局2024年工作总结\n" + "全年召开会议十二次。\n" * 60_000, encoding="utf-8")
    monkeypatch.setenv("REPORT_VALIDATOR_MAX_TEXT_MB", "1")
    code, _out, err = run("check", str(big))
    assert code == 2 and "上限 1 MB" in err
    monkeypatch.setenv("REPORT_VALIDATOR_MAX_TEXT_MB", "abc")
    code, _out, err = run("check", str(big))
    assert code == 2 and "REPORT_VALIDATOR_MAX_TEXT_MB" in err and err.count("\n") == 1


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_checked(run: Run, tmp_path: Path, codec: str) -> None:
    from tests.hostile.conftest import GOOD

    path = tmp_path / "unicode.txt"
    path.write_bytes(GOOD.encode(codec))
    code, out, err = run("check", str(path), "--format", "json", "--fail-on", "never")
    assert code == 0, err
    [file] = json.loads(out)["files"]
    assert file["reports"] and not file.get("error")
