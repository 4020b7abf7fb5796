"""The baseline is never lost: a failed run, a full disk or two runs at once leave a whole file."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from validator.cli import main

BASELINE = ".report-validator-baseline.json"


def findings(path: str | Path = BASELINE) -> list[dict[str, object]]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return list(data["findings"])


def failures(capsys: pytest.CaptureFixture[str], *argv: str) -> list[str]:
    main(["check", *argv, "--format", "json", "--fail-on", "never"])
    payload = json.loads(capsys.readouterr().out)
    return [
        r["id"]
        for f in payload["files"]
        for report in f["reports"]
        for r in report["results"]
        if r["status"] == "fail"
    ]


@pytest.mark.parametrize(
    "argv", [["nosuch.txt"], ["defective-report.txt", "nosuch.txt"], ["empty"], ["--select", "NUM-099", "."]]
)
def test_a_failed_run_keeps_the_old_baseline_byte_for_byte(
    project: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    (project / "empty").mkdir()
    assert main(["baseline", "defective-report.txt"]) == 0
    before = Path(BASELINE).read_bytes()
    assert findings(), "the defective example must give findings"
    capsys.readouterr()
    assert main(["baseline", *argv]) == 2
    assert Path(BASELINE).read_bytes() == before
    err = capsys.readouterr()
    assert "写入基线" not in err.out  # no claim that something was written
    assert all(line.startswith("report-validator: 错误：") for line in err.err.strip().splitlines())


def test_no_baseline_is_created_when_a_file_fails(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["baseline", "defective-report.txt", "nosuch.txt"]) == 2
    assert not Path(BASELINE).exists()
    assert "基线" not in capsys.readouterr().out


def test_check_finds_the_default_baseline_and_says_so(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["baseline", "defective-report.txt"]) == 0
    recorded = len(findings())
    capsys.readouterr()
    assert main(["check", "defective-report.txt"]) == 0
    summary = capsys.readouterr().out.strip().splitlines()[-1]
    assert summary.endswith(f"；基线 {BASELINE} 隐去 {recorded} 个已接受的问题")
    assert failures(capsys, "defective-report.txt") == []
    assert failures(capsys, "defective-report.txt", "--no-baseline")  # everything again, on request


def test_check_from_a_subdirectory_finds_the_projects_baseline(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["baseline", "defective-report.txt"]) == 0
    (project / "sub").mkdir()
    monkeypatch.chdir(project / "sub")
    capsys.readouterr()
    assert failures(capsys, "../defective-report.txt") == []


def test_baseline_uses_the_projects_configuration(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """With ``checklist: speech`` configured, ``check`` right after ``baseline`` reports nothing."""
    Path(".report-validator.yaml").write_text("checklist: speech\n", encoding="utf-8")
    assert main(["baseline", "defective-report.txt", "clean-report.txt"]) == 0
    capsys.readouterr()
    assert failures(capsys, "defective-report.txt", "clean-report.txt") == []
    assert main(["check", "clean-report.txt", "defective-report.txt"]) == 0


def test_baseline_takes_the_same_selection_flags_as_check(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["baseline", "defective-report.txt", "--select", "HYG"]) == 0
    assert findings() and {str(f["id"]).split("-")[0] for f in findings()} == {"HYG"}


def test_default_output_is_at_the_project_root(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    Path(".report-validator.yaml").write_text("fail_on: error\n", encoding="utf-8")
    (project / "sub").mkdir()
    monkeypatch.chdir(project / "sub")
    assert main(["baseline", "../defective-report.txt"]) == 0
    assert (project / BASELINE).is_file() and not (project / "sub" / BASELINE).exists()


def test_a_full_disk_leaves_the_old_baseline_intact(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The write fails half-way (ENOSPC): exit 2, one line, the old file whole, no temporary left."""
    assert main(["baseline", "clean-report.txt"]) == 0
    before = Path(BASELINE).read_bytes()
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, stream: object) -> None:
            self.stream = stream

        def __enter__(self) -> FullDisk:
            return self

        def __exit__(self, *exc: object) -> None:
            self.stream.close()  # type: ignore[attr-defined]

        def write(self, text: str) -> int:
            self.stream.write(text[: len(text) // 2])  # type: ignore[attr-defined]
            self.stream.flush()  # type: ignore[attr-defined]
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("validator.atomic.os.fdopen", lambda *a, **k: FullDisk(real_fdopen(*a, **k)))
    capsys.readouterr()
    assert main(["baseline", "defective-report.txt"]) == 2
    [line] = capsys.readouterr().err.strip().splitlines()
    assert line == f"report-validator: 错误：{BASELINE}: 无法写入文件：磁盘空间不足"
    assert Path(BASELINE).read_bytes() == before
    assert sorted(p.name for p in project.iterdir() if p.name.endswith(".tmp")) == []


def test_a_real_full_file_system_leaves_the_old_baseline_intact(
    project: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The same on a small tmpfs that really fills up (needs permission to mount; skipped otherwise)."""
    mount = tmp_path_factory.mktemp("tmpfs")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        reports = mount / "reports"
        reports.mkdir()
        shutil.copy(project / "clean-report.txt", reports / "a.txt")
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
        run = [sys.executable, "-m", "validator", "baseline", "reports", "--output", "base.json"]
        assert subprocess.run(run, cwd=mount, env=env, capture_output=True).returncode == 0
        before = (mount / "base.json").read_bytes()
        for index in range(20):  # a new baseline of about 50 KB ...
            shutil.copy(project / "defective-report.txt", reports / f"d{index:02}.txt")
        _fill(mount / "filler", leave=16 * 1024)  # ... and 16 KB left for it
        done = subprocess.run(run, cwd=mount, env=env, capture_output=True, text=True)
        assert done.returncode == 2, done.stdout + done.stderr
        assert len(done.stderr.strip().splitlines()) == 1 and "base.json" in done.stderr
        assert "Traceback" not in done.stderr
        assert (mount / "base.json").read_bytes() == before
        assert not [p for p in mount.iterdir() if p.name.endswith(".tmp")]
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def _fill(path: Path, leave: int) -> None:
    """Write ``path`` until the file system is full, then give back ``leave`` bytes."""
    with open(path, "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0" * 4096)
        except OSError:
            pass
    size = path.stat().st_size
    os.truncate(path, max(0, size - leave))


WRITER = """
import sys
from validator.cli import main
for _ in range(int(sys.argv[2])):
    assert main(["baseline", sys.argv[1], "--output", "shared.json"]) == 0
"""


def test_two_racing_runs_leave_one_whole_baseline(project: Path) -> None:
    """Two processes rewrite the same baseline over and over; a reader never sees half a file."""
    for folder in ("a", "b"):
        (project / folder).mkdir()
        for index in range(40):
            shutil.copy(project / "defective-report.txt", project / folder / f"{folder}{index:02}.txt")
    assert main(["baseline", "a", "--output", "shared.json"]) == 0
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, folder, "3"], cwd=project, env=env, stderr=subprocess.PIPE
        )
        for folder in ("a", "b")
    ]
    torn = []
    reads = 0
    while any(writer.poll() is None for writer in writers):
        text = (project / "shared.json").read_text(encoding="utf-8")
        reads += 1
        try:
            json.loads(text)
        except json.JSONDecodeError:
            torn.append(len(text))
    for writer in writers:
        _out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err.decode()
    assert reads > 10 and torn == [], f"{len(torn)} of {reads} reads saw a torn baseline"
    final = json.loads((project / "shared.json").read_text(encoding="utf-8"))
    assert {str(f["path"])[0] for f in final["findings"]} in ({"a"}, {"b"})  # one run's whole file
    assert not [p for p in project.iterdir() if p.name.endswith(".tmp")]


def test_a_broken_baseline_fails_before_any_report_is_read(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    Path(BASELINE).write_text("{", encoding="utf-8")
    read: list[str] = []
    monkeypatch.setattr(
        "validator.engine.pipeline.Validator.check_path", lambda _self, path: read.append(path)
    )
    assert main(["check", "clean-report.txt"]) == 2
    assert read == []
    [line] = capsys.readouterr().err.strip().splitlines()
    assert line == f"report-validator: 错误：{BASELINE}:1: 基线文件不是有效的 JSON"


def test_a_missing_named_baseline_is_one_chinese_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "clean-report.txt", "--baseline", "nosuch.json"]) == 2
    assert (
        capsys.readouterr().err.strip()
        == "report-validator: 错误：nosuch.json: 无法读取基线文件：文件或目录不存在"
    )
