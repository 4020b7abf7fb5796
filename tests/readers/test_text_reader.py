"""``read_path`` and ``read_bytes``: dispatch by suffix, file-system errors, real samples."""

from __future__ import annotations

import codecs
import dataclasses
import errno
import os
from pathlib import Path
from typing import Any, NoReturn

import pytest

import validator.readers as readers
from validator.errors import InputError
from validator.readers import SUPPORTED_SUFFIXES, SourceText, read_bytes, read_path

REPORT = (
    "关于开展“两学一做”学习教育情况的报告\n"
    "一、加强政治建设\n"
    "（一）强化理论武装。坚持用习近平新时代中国特色社会主义思想凝心铸魂。\n"
    "（二）落实主体责任。1.召开专题会议3次；2.签订责任书45份。\n"
    "二、存在的不足\n"
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    target = tmp_path / name
    target.write_bytes(data)
    return target


def _input_error(path: Any) -> InputError:
    with pytest.raises(InputError) as info:
        read_path(path)
    return info.value


def test_supported_suffixes() -> None:
    assert (
        frozenset({".txt", ".md", ".markdown", ".docx", ".pdf", ".doc", ".wps", ".ofd"}) == SUPPORTED_SUFFIXES
    )


@pytest.mark.parametrize(
    ("name", "source_format"),
    [
        ("report.txt", "text"),
        ("report.md", "markdown"),
        ("report.markdown", "markdown"),
        ("报告.TXT", "text"),
    ],
)
def test_read_path_dispatches_by_suffix(tmp_path: Path, name: str, source_format: str) -> None:
    target = _write(tmp_path, name, REPORT.encode())
    assert read_path(target) == SourceText(str(target), REPORT, source_format, "utf-8")


def test_read_path_keeps_the_path_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path, "report.txt", REPORT.encode())
    monkeypatch.chdir(tmp_path)
    assert read_path("./report.txt").path == "./report.txt"
    assert read_path(Path("report.txt")).path == "report.txt"


def test_a_name_without_suffix_is_read_as_text(tmp_path: Path) -> None:
    assert read_path(_write(tmp_path, "README", REPORT.encode())).format == "text"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (REPORT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + REPORT.encode("utf-8"), "utf-8-sig"),
        (REPORT.encode("utf-16"), "utf-16"),
        (REPORT.encode("gbk"), "gb18030"),
        (REPORT.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
        (REPORT.replace("\n", "\r").encode("gb18030"), "gb18030"),
    ],
)
def test_read_path_decodes(tmp_path: Path, data: bytes, encoding: str) -> None:
    source = read_path(_write(tmp_path, "report.txt", data))
    assert (source.text, source.encoding) == (REPORT, encoding)


def test_source_text_is_frozen(tmp_path: Path) -> None:
    source = read_path(_write(tmp_path, "report.txt", REPORT.encode()))
    with pytest.raises(dataclasses.FrozenInstanceError):
        source.text = ""  # type: ignore[misc]


def test_missing_file(tmp_path: Path) -> None:
    target = tmp_path / "missing.txt"
    error = _input_error(target)
    assert str(error) == f"{target}: 文件不存在"
    assert (error.path, error.reason) == (str(target), "文件不存在")


def test_a_path_through_a_file_is_missing(tmp_path: Path) -> None:
    target = _write(tmp_path, "report.txt", REPORT.encode()) / "inner.txt"
    assert _input_error(target).reason == "文件不存在"


@pytest.mark.parametrize("name", ["reports", "reports.md"])
def test_directory(tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    target.mkdir()
    error = _input_error(target)
    assert str(error).startswith(str(target))
    assert error.reason == "是目录，不是文件"


def test_unknown_suffix(tmp_path: Path) -> None:
    target = _write(tmp_path, "report.xyz", REPORT.encode())
    error = _input_error(target)
    assert str(error) == f"{target}: 不支持的文件类型：.xyz（支持 .txt、.md、.markdown、.docx、.pdf、.ofd）"


def test_unknown_suffix_is_refused_without_reading_a_missing_file(tmp_path: Path) -> None:
    assert _input_error(tmp_path / "report.docx").reason == "文件不存在"


def test_character_device_is_refused() -> None:
    if not os.path.exists(os.devnull) or os.name != "posix":
        pytest.skip("needs a POSIX /dev/null")
    assert _input_error(os.devnull).reason.startswith("不是普通文件（设备）")


def test_path_with_nul_is_refused() -> None:
    assert _input_error("report\x00.txt").reason == "无法读取：路径无效"


def _raiser(exc: OSError) -> Any:
    def fake_open(*args: object, **kwargs: object) -> NoReturn:
        raise exc

    return fake_open


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = _write(tmp_path, "report.txt", REPORT.encode())
    monkeypatch.setattr(
        readers, "open", _raiser(PermissionError(errno.EACCES, "Permission denied")), raising=False
    )
    error = _input_error(target)
    assert str(error) == f"{target}: 无法读取：权限不足"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_permission_denied_for_real(tmp_path: Path) -> None:
    target = _write(tmp_path, "report.txt", REPORT.encode())
    target.chmod(0)
    try:
        assert _input_error(target).reason == "无法读取：权限不足"
    finally:
        target.chmod(0o644)


def test_other_os_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = _write(tmp_path, "report.txt", REPORT.encode())
    monkeypatch.setattr(readers, "open", _raiser(OSError(errno.EIO, "Input/output error")), raising=False)
    assert str(_input_error(target)) == f"{target}: 无法读取：Input/output error"


def test_png_renamed_to_txt(tmp_path: Path) -> None:
    target = _write(tmp_path, "scan.txt", PNG)
    error = _input_error(target)
    assert str(error).startswith(f"{target}: ")
    assert error.reason == "二进制文件（含 NUL 字节），不是文本报告"


def test_undecodable_file(tmp_path: Path) -> None:
    target = _write(tmp_path, "report.md", bytes(range(0x80, 0x100)) * 4)
    error = _input_error(target)
    assert str(error).startswith(f"{target}: ")
    assert error.reason == "无法识别的编码（不是 UTF-8、UTF-16 或 GB18030 文本）"


def test_empty_file(tmp_path: Path) -> None:
    assert read_path(_write(tmp_path, "empty.txt", b"")) == SourceText(
        str(tmp_path / "empty.txt"), "", "text", "utf-8"
    )


def test_read_bytes_takes_the_suffix_from_the_path() -> None:
    assert read_bytes(REPORT.encode(), "report.md") == SourceText("report.md", REPORT, "markdown", "utf-8")


def test_read_bytes_with_an_explicit_suffix() -> None:
    assert read_bytes(REPORT.encode(), "<stdin>", ".md").format == "markdown"
    assert read_bytes(REPORT.encode(), "<stdin>", "MD").format == "markdown"
    assert read_bytes(REPORT.encode(), "report.md", ".txt").format == "text"


def test_read_bytes_from_stdin_is_text() -> None:
    assert read_bytes(REPORT.encode("gbk"), "<stdin>") == SourceText("<stdin>", REPORT, "text", "gb18030")


def test_read_bytes_errors_name_the_path() -> None:
    with pytest.raises(InputError) as info:
        read_bytes(PNG, "<stdin>")
    assert str(info.value) == "<stdin>: 二进制文件（含 NUL 字节），不是文本报告"
    with pytest.raises(InputError) as info:
        read_bytes(REPORT.encode(), "<stdin>", ".odt")
    supported = ".txt、.md、.markdown、.docx、.pdf、.ofd"
    assert str(info.value) == f"<stdin>: 不支持的文件类型：.odt（支持 {supported}）"


def test_readers_mapping_is_plain_and_extensible(monkeypatch: pytest.MonkeyPatch) -> None:
    def read_upper(data: bytes, path: str) -> SourceText:
        return SourceText(path, data.decode().upper(), "text", "utf-8")

    monkeypatch.setitem(readers.READERS, ".up", read_upper)
    assert read_bytes(b"abc", "x.up").text == "ABC"


def test_real_samples_decode_as_utf8(samples_dir: Path) -> None:
    paths = sorted(samples_dir.glob("*.txt"))
    if not paths:
        pytest.skip("no samples")
    for path in paths:
        source = read_path(path)
        assert source.encoding in {"utf-8", "utf-8-sig"}, path.name
        assert "\r" not in source.text, path.name
        assert source.format == "text"


def test_real_samples_survive_gb18030(samples_dir: Path) -> None:
    # The plausibility test for GB18030 must accept real reports: re-encode each sample as an old
    # Windows editor would have saved it and expect the very same text back.
    for path in sorted(samples_dir.glob("*.txt")):
        text = read_path(path).text
        assert read_bytes(text.encode("gb18030"), path.name) == SourceText(path.name, text, "text", "gb18030")
