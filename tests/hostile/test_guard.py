"""One guard per file: a crash is that file's one-line error (exit 2), the other files are still checked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.hostile.conftest import Run
from validator.api import Validator
from validator.checks._numbering import chinese_numeral
from validator.engine.guard import CHECK, FileCrash, guarded, one_line


@pytest.mark.parametrize(
    "text",
    [
        "九十九、加强政治建设\n一、加强作风建设\n",
        "一、总体情况\n（九十九）加强学习\n（一）强化落实\n",
        "一、总体情况\n九十九是加强学习。一是强化落实。\n",
    ],
    ids=["NUM-001-99", "paren-99", "enum-99"],
)
def test_numeral_99_is_checked_not_a_crash(run: Run, tmp_path: Path, good_file: Path, text: str) -> None:
    bad = tmp_path / "a.txt"
    bad.write_text(text, encoding="utf-8")
    code, out, err = run("check", str(bad), str(good_file), "--format", "json")
    assert "Traceback" not in err and err == ""
    files = json.loads(out)["files"]
    assert [Path(f["path"]).name for f in files] == ["a.txt", "good.txt"]
    assert all("error" not in f or not f["error"] for f in files)
    assert code in (0, 1)


@pytest.mark.parametrize(
    ("number", "written"),
    [
        (1, "一"),
        (10, "十"),
        (19, "十九"),
        (99, "九十九"),
        (100, "一百"),
        (101, "一百零一"),
        (110, "一百一十"),
        (1005, "一千零五"),
        (9999, "九千九百九十九"),
        (10000, "10000"),
        (0, "0"),
    ],
)
def test_chinese_numeral_writes_any_number(number: int, written: str) -> None:
    assert chinese_numeral(number) == written


def _boom(_context: object) -> list[object]:
    raise IndexError("string index out of range")


def test_a_crashing_rule_is_the_files_error_and_other_files_still_checked(
    run: Run, tmp_path: Path, good_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dataclasses

    from validator.plugin import registry as registry_module

    original = registry_module.build_registry

    def crashing(*args: object, **kwargs: object) -> object:
        built = original(*args, **kwargs)  # type: ignore[arg-type]
        rule = built.rules["NUM-010"]
        built.rules["NUM-010"] = dataclasses.replace(rule, check=_boom)
        return built

    monkeypatch.setattr(registry_module, "build_registry", crashing)
    first = tmp_path / "a.txt"
    first.write_text("某局2024年工作总结\n一、加强\n", encoding="utf-8")
    code, out, err = run("check", str(first), str(good_file), "--format", "json")
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 2  # one line per file (good.txt crashes too: same rule)
    assert "a.txt" in lines[0] and "检查时出错" in lines[0] and "规则 NUM-010" in lines[0]
    assert "IndexError" in lines[0] and "Traceback" not in err
    files = json.loads(out)["files"]
    assert len(files) == 2


def test_crash_in_one_file_keeps_the_others_results(
    run: Run, tmp_path: Path, good_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from validator import parse as parser

    original = parser.parse_text

    def parse(text: str, path: str, *args: object, **kwargs: object) -> object:
        if path.endswith("bad.txt"):
            raise MemoryError()
        return original(text, path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(parser, "parse_text", parse)
    bad = tmp_path / "bad.txt"
    bad.write_text("一、加强\n", encoding="utf-8")
    code, out, err = run("check", str(bad), str(good_file), "--format", "json")
    assert code == 2
    assert err.count("\n") == 1 and "bad.txt" in err and "解析时内存不足" in err
    files = {Path(f["path"]).name: f for f in json.loads(out)["files"]}
    assert files["good.txt"]["reports"], "the good file's results are kept"


def test_debug_prints_the_traceback(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from validator import parse as parser

    def parse(*_args: object, **_kwargs: object) -> object:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(parser, "parse_text", parse)
    bad = tmp_path / "bad.txt"
    bad.write_text("一、加强\n", encoding="utf-8")
    code, _out, err = run("check", "--debug", str(bad))
    assert code == 2
    assert "Traceback" in err and "ZeroDivisionError" in err


def test_main_catches_anything_left(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    from validator.cli import commands

    def broken(_args: object) -> int:
        raise KeyError("x")

    monkeypatch.setattr(commands, "run_rules", broken)
    code, _out, err = run("rules")
    assert code == 2
    assert err.count("\n") == 1 and "内部错误" in err and "Traceback" not in err


def test_guard_passes_validator_errors_and_wraps_the_rest() -> None:
    with pytest.raises(FileCrash) as caught:
        guarded(CHECK, "x.txt", lambda: [][1])
    assert caught.value.reason.startswith("检查时出错")
    assert caught.value.path == "x.txt"


def test_api_check_path_never_raises_for_a_crash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from validator import parse as parser

    monkeypatch.setattr(parser, "parse_text", lambda *a, **k: 1 // 0)
    path = tmp_path / "x.txt"
    path.write_text("一、加强\n", encoding="utf-8")
    result = Validator().check_path(path)
    assert result.error and "解析时出错" in result.error and "ZeroDivisionError" in result.error


def test_newline_in_a_file_name_keeps_the_error_on_one_line(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "a\nb.pdf2"
    path.write_bytes(b"x")
    code, _out, err = run("check", str(path))
    assert code == 2
    assert err.count("\n") == 1 and "a\\nb.pdf2" in err


def test_one_line_escapes_control_characters() -> None:
    assert one_line("a\nb\rc\td") == "a\\nb\\rc\\td"
    assert one_line("报告.txt") == "报告.txt"


def test_non_utf8_stdout_is_degraded_not_a_crash(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    report = tmp_path / "r.txt"
    report.write_text("某局党组2024年工作总结\n一、加强政治建设\n", encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "gbk"}
    done = subprocess.run(
        [sys.executable, "-m", "validator", "check", str(report), "--fail-on", "never"],
        capture_output=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr.decode("gbk", "replace")
    assert b"Traceback" not in done.stderr
    assert "检查 1 份报告".encode("gbk") in done.stdout


def test_the_time_budget_is_the_files_error(
    run: Run, tmp_path: Path, good_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REPORT_VALIDATOR_TIME_LIMIT", "0.000001")
    other = tmp_path / "other-good.txt"  # two files: the same one named twice is checked once
    other.write_bytes(good_file.read_bytes())
    code, out, err = run("check", str(good_file), str(other), "--format", "json")
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 2 and all("超出时间预算" in line and "good.txt" in line for line in lines)
    assert len(json.loads(out)["files"]) == 2


def test_the_time_budget_works_in_threads(
    tmp_path: Path, good_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from concurrent.futures import ThreadPoolExecutor

    monkeypatch.setenv("REPORT_VALIDATOR_TIME_LIMIT", "0.000001")
    validator = Validator()
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(validator.check_path, [good_file] * 4))
    assert all(result.error and "超出时间预算" in result.error for result in results)
    monkeypatch.setenv("REPORT_VALIDATOR_TIME_LIMIT", "0")  # no limit
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(validator.check_path, [good_file] * 2))
    assert all(not result.error and result.reports for result in results)


def test_a_crashing_plugin_reader_is_named(tmp_path: Path) -> None:
    from validator.plugin.manager import load_plugins
    from validator.plugin.registry import build_registry

    def plugin_reader(data: bytes, path: str) -> object:
        raise ValueError("bad table")

    plugin_reader.__module__ = "report_validator_university.readers"
    registry = build_registry(load_plugins())
    registry.readers[".wpsx"] = plugin_reader  # type: ignore[assignment]
    path = tmp_path / "x.wpsx"
    path.write_bytes(b"data")
    result = Validator(registry).check_path(path)
    assert result.error and "读取时出错（读取插件 report_validator_university.readers）" in result.error


def test_a_rule_calling_sys_exit_is_the_files_error(
    run: Run, tmp_path: Path, good_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dataclasses
    import sys

    from validator.plugin import registry as registry_module

    original = registry_module.build_registry

    def exiting(*args: object, **kwargs: object) -> object:
        built = original(*args, **kwargs)  # type: ignore[arg-type]
        built.rules["HYG-001"] = dataclasses.replace(built.rules["HYG-001"], check=lambda _c: sys.exit(1))
        return built

    monkeypatch.setattr(registry_module, "build_registry", exiting)
    code, _out, err = run("check", str(good_file))
    assert code == 2 and "规则 HYG-001" in err and "SystemExit" in err


MEMORY_CHILD = """
import os, re, resource, sys
from validator.cli import main
good, huge = sys.argv[1:3]
main(["check", good, "--format", "json", "--output", os.devnull])  # every import and cache loaded
size = int(re.search(r"VmSize:\\s+(\\d+)", open("/proc/self/status").read()).group(1)) * 1024
limit = size + 120 * 1024 * 1024
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
sys.exit(main(["check", huge, good, "--format", "json"]))
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc (Linux)")
def test_a_real_memory_error_is_the_files_error(tmp_path: Path, good_file: Path) -> None:
    import subprocess
    import sys

    huge = tmp_path / "huge.txt"
    huge.write_text(
        "某局党组2024年落实全面从严治党主体责任情况报告\n" + "中纪委" * 1_000_000 + "\n", encoding="utf-8"
    )
    done = subprocess.run(
        [sys.executable, "-c", MEMORY_CHILD, str(good_file), str(huge)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert "huge.txt" in done.stderr and "内存不足" in done.stderr
    files = {Path(entry["path"]).name: entry for entry in json.loads(done.stdout)["files"]}
    assert files["huge.txt"]["error"] and files["good.txt"]["reports"]
