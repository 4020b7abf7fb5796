"""``disable-file``: a checklist item that fails for a missing part can be accepted, with a reason."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.cli.conftest import EXAMPLES
from validator.cli import main

DOC = Path(__file__).resolve().parents[2] / "docs" / "suppressions.md"


def without_problems_part() -> str:
    """The clean example with its 存在的问题 section cut out (headings renumbered by hand is not needed)."""
    lines = (EXAMPLES / "clean-report.txt").read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("二、存在的问题"))
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("三、"))
    return "\n".join(lines[:start] + lines[end:])


def documented_directive() -> str:
    """The ``disable-file`` line of the example in docs/suppressions.md, as a user would copy it."""
    match = re.search(
        r"^<!-- report-validator: disable-file=problems [^\n]*-->$", DOC.read_text("utf-8"), re.M
    )
    assert match, "docs/suppressions.md must show a disable-file example for the item problems"
    return match[0]


def results(capsys: pytest.CaptureFixture[str], path: str) -> dict[str, tuple[str, str]]:
    main(["check", path, "--format", "json", "--fail-on", "never", "--no-baseline"])
    [report] = json.loads(capsys.readouterr().out)["files"][0]["reports"]
    return {r["id"]: (r["status"], r["message"]) for r in report["results"]}


def test_without_the_directive_the_item_fails(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("r.txt").write_text(without_problems_part(), encoding="utf-8")
    assert results(capsys, "r.txt")["problems"][0] == "fail"


@pytest.mark.parametrize("where", ["top", "bottom"])
def test_the_documented_example_accepts_the_missing_part(
    project: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    body = without_problems_part()
    text = f"{documented_directive()}\n{body}" if where == "top" else f"{body}\n\n{documented_directive()}\n"
    Path("r.txt").write_text(text, encoding="utf-8")
    found = results(capsys, "r.txt")
    assert found["problems"] == ("pass", "问题均已按注释抑制")
    assert "RV-001" not in found and "RV-002" not in found  # used, and it has its reason
    assert found["title"][0] == "pass"  # the comment line is not taken for the title
    assert main(["check", "r.txt", "--no-baseline", "--select", "problems"]) == 0


def test_a_file_directive_without_a_reason_is_not_applied(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("r.txt").write_text(
        "<!-- report-validator: disable-file=problems -->\n" + without_problems_part(), "utf-8"
    )
    found = results(capsys, "r.txt")
    assert found["problems"][0] == "fail" and found["RV-002"][0] == "fail"


def test_a_file_directive_that_hides_nothing_is_reported(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """On a report that has its problems part, the directive is stale: RV-001, as for line directives."""
    text = documented_directive() + "\n" + (EXAMPLES / "clean-report.txt").read_text(encoding="utf-8")
    Path("r.txt").write_text(text, encoding="utf-8")
    found = results(capsys, "r.txt")
    assert found["problems"][0] == "pass" and found["RV-001"][0] == "fail"


def test_a_line_directive_cannot_reach_a_missing_part_and_says_so(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """What the doc now warns about: ``disable=problems`` covers lines, and a missing part has none."""
    text = "<!-- report-validator: disable=problems 理由 -->\n" + without_problems_part()
    Path("r.txt").write_text(text, encoding="utf-8")
    found = results(capsys, "r.txt")
    assert found["problems"][0] == "fail" and found["RV-001"][0] == "fail"
