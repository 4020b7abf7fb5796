"""``report-validator check``: formats, exit codes, options, and no network."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import jsonschema
import pytest

from validator.cli import main

REPO = Path(__file__).parent.parent
EXAMPLES = REPO / "examples"
REPORTS = Path(__file__).parent / "reports"
OUTPUT_SCHEMA = json.loads(
    (REPO / "schemas" / "report-validator-output.schema.json").read_text(encoding="utf-8")
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_clean_report_exits_0_and_defective_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "check", str(EXAMPLES / "clean-report.txt"))[0] == 0
    code, out, _ = run(capsys, "check", str(EXAMPLES / "defective-report.txt"))
    assert code == 1
    assert "✘ 存在的问题" in out
    assert out.rstrip().splitlines()[-1].startswith("检查 1 份报告：通过 ")


def test_directories_are_searched(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(EXAMPLES), "--format", "json")
    payload = json.loads(out)
    assert [Path(f["path"]).name for f in payload["files"]] == [
        "clean-report.txt",
        "compilation.txt",
        "defective-report.txt",
        "duty-report.txt",
        "inspection-rectification.txt",
        "self-review.txt",
    ]
    assert payload["summary"]["reports"] == 7
    assert code == 1


def test_json_validates_against_the_shipped_schema_on_the_samples(
    capsys: pytest.CaptureFixture[str], samples_dir: Path
) -> None:
    _, out, _ = run(capsys, "check", str(samples_dir), "--format", "json", "--fail-on", "never")
    payload = json.loads(out)
    jsonschema.validate(payload, OUTPUT_SCHEMA)
    assert payload["summary"]["reports"] == 11
    for file in payload["files"]:
        for report in file["reports"]:
            assert report["checklist"] in ("annual-report", "speech")


def test_unreadable_file_is_one_line_exit_2_and_others_still_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\x00\x01\x02binary")
    code, out, err = run(capsys, "check", str(broken), str(EXAMPLES / "clean-report.txt"), "--format", "json")
    assert code == 2
    assert err.strip().count("\n") == 0 and str(broken) in err and "二进制" in err
    files = json.loads(out)["files"]
    assert files[0]["error"] and files[1]["reports"][0]["results"]


def test_fail_on_warning_and_never(capsys: pytest.CaptureFixture[str]) -> None:
    compilation = str(EXAMPLES / "compilation.txt")  # has warnings only
    assert run(capsys, "check", compilation)[0] == 0
    assert run(capsys, "check", compilation, "--fail-on", "warning")[0] == 1
    assert run(capsys, "check", str(EXAMPLES / "defective-report.txt"), "--fail-on", "never")[0] == 0


def test_select_and_ignore(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(EXAMPLES / "defective-report.txt")
    _, out, _ = run(capsys, "check", path, "--format", "json", "--select", "problems,SEC-008")
    ids = {r["id"] for r in json.loads(out)["files"][0]["reports"][0]["results"]}
    assert ids == {"problems", "SEC-008"}
    assert run(capsys, "check", path, "--select", "problems")[0] == 1
    code, out, _ = run(
        capsys, "check", path, "--format", "json", "--select", "problems", "--ignore", "problems"
    )
    assert json.loads(out)["files"][0]["reports"][0]["results"] == []
    assert code == 0


def test_english_messages(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "check", str(EXAMPLES / "defective-report.txt"), "--lang", "en")
    assert "Problems found" in out
    assert out.rstrip().splitlines()[-1].startswith("Checked 1 report: ")


def test_checklist_override_by_name_and_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(REPORTS / "headed.txt")
    _, out, _ = run(capsys, "check", path, "--checklist", "speech", "--format", "json")
    assert json.loads(out)["files"][0]["reports"][0]["checklist"] == "speech"
    team = tmp_path / "team.yaml"
    team.write_text(
        "id: team\nname: {zh: 本单位清单}\nextends: annual-report\n"
        "items:\n  - id: ideology\n    drop: true\n",
        encoding="utf-8",
    )
    _, out, _ = run(capsys, "check", path, "--checklist", str(team), "--format", "json")
    report = json.loads(out)["files"][0]["reports"][0]
    assert report["checklist"] == "team"
    assert "ideology" not in {r["id"] for r in report["results"]}


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["--checklist", "nonexistent"], "nonexistent"),
        (["--format", "yaml"], "yaml"),
    ],
)
def test_usage_errors_are_one_line_exit_2(
    argv: list[str], needle: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "check", str(EXAMPLES / "clean-report.txt"), *argv)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and needle in err


def test_broken_checklist_file_is_one_line_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        "id: broken\nname: {zh: 坏}\nitems:\n  - id: x\n    label: {zh: x}\n    severty: error\n"
    )
    code, _, err = run(capsys, "check", str(EXAMPLES / "clean-report.txt"), "--checklist", str(broken))
    assert code == 2
    (line,) = err.strip().splitlines()
    assert f"{broken}:6" in line and "severty" in line


def test_check_never_opens_a_network_connection(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("report-validator tried to open a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    code, out, err = run(capsys, "check", str(EXAMPLES), "--format", "json")
    assert code == 1 and json.loads(out)["summary"]["reports"] == 7
    assert "network" not in err


def test_directory_search_skips_lock_files_and_legacy_formats(tmp_path: Path) -> None:
    from validator.api import expand_paths

    for name in ("a.txt", "b.md", "c.docx", "~$c.docx", "old.doc", "old.wps", ".hidden.txt", "notes.csv"):
        (tmp_path / name).write_bytes(b"")
    found = [
        Path(p).name
        for p in expand_paths([str(tmp_path)], frozenset({".txt", ".md", ".docx", ".doc", ".wps"}))
    ]
    assert found == ["a.txt", "b.md", "c.docx"]
    assert expand_paths([str(tmp_path / "old.doc")], frozenset({".doc"})) == [str(tmp_path / "old.doc")]
