"""Genre detection: each report gets the checklist of its own kind, or none — and says why.

The texts under ``texts/`` are our own: four or more of each new genre (headed and unheaded,
班子 and 个人, titled, untitled and with a title split over two lines), and near-misses of the
kinds a document repository holds beside them — news items, notices, minutes, a resolution,
心得体会, Party lectures, survey reports, Markdown documentation — full of the same words.
A file's name says what it must get: ``<checklist>_….txt``, or ``none_….txt``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from validator.api import Validator
from validator.cli import main
from validator.model import ReportResult

TEXTS = Path(__file__).parent / "texts"
REPO = Path(__file__).parent.parent.parent
CHECKLIST_IDS = ("duty-report", "self-review", "inspection-rectification")


@pytest.fixture(scope="module")
def validator() -> Validator:
    return Validator()


def _report(validator: Validator, path: Path) -> ReportResult:
    [report] = validator.check_text(path.read_text(encoding="utf-8"), str(path), _format(path))
    return report


def _format(path: Path) -> str:
    return "markdown" if path.suffix == ".md" else "text"


def _texts(prefix: str) -> list[Path]:
    return sorted(TEXTS.glob(f"{prefix}_*"))


@pytest.mark.parametrize("genre", CHECKLIST_IDS)
def test_at_least_four_texts_of_each_new_genre(genre: str) -> None:
    assert len(_texts(genre)) >= 4


def test_at_least_twelve_near_misses() -> None:
    assert len(_texts("none")) >= 12


@pytest.mark.parametrize("path", [p for genre in CHECKLIST_IDS for p in _texts(genre)], ids=lambda p: p.stem)
def test_each_genre_gets_its_checklist(validator: Validator, path: Path) -> None:
    report = _report(validator, path)
    assert report.checklist == path.stem.split("_")[0]
    assert report.basis.zh  # the output can say what chose it
    assert any(result.kind == "item" for result in report.results)


@pytest.mark.parametrize("path", _texts("none"), ids=lambda p: p.stem)
def test_near_misses_get_no_checklist(validator: Validator, path: Path) -> None:
    report = _report(validator, path)
    assert report.checklist is None, report.basis.zh
    assert [r for r in report.results if r.kind == "item"] == []
    assert any(result.kind == "rule" for result in report.results)  # the rules still ran


def test_a_title_naming_the_genre_wins_and_is_named(validator: Validator) -> None:
    report = _report(validator, TEXTS / "self-review_team_headed.txt")
    assert report.basis.zh == "标题“对照检查材料”"
    assert report.basis.en == 'title "对照检查材料"'


def test_a_title_split_over_two_lines_is_read_whole(validator: Validator) -> None:
    report = _report(validator, TEXTS / "inspection-rectification_public_two_line_title.txt")
    assert report.title == "中共青山县委员会"
    assert "通报" in report.basis.zh


def test_a_mark_of_another_kind_is_named(validator: Validator) -> None:
    report = _report(validator, TEXTS / "none_notice_untitled.txt")
    assert report.basis.zh == "正文有通知的标记“现将有关事项通知如下”"
    assert "notice" in report.basis.en


def test_a_title_naming_another_genre_is_none_even_with_report_words(validator: Validator) -> None:
    # The notice's title contains a whole report title; the genre noun at its end is 通知.
    report = _report(validator, TEXTS / "none_notice_request_reports.txt")
    assert report.checklist is None


@pytest.mark.parametrize(
    "title",
    [
        "中共青山县审计局党组2025年第一季度履行全面从严治党主体责任情况报告",
        "青山县统计局党组关于2025年上半年落实全面从严治党主体责任情况的报告",
    ],
)
def test_quarterly_and_half_year_reports_stay_annual_report(validator: Validator, title: str) -> None:
    [report] = validator.check_text(f"{title}\n现将有关情况报告如下。\n")
    assert report.checklist == "annual-report"


def test_too_few_cues_give_none(validator: Validator) -> None:
    [report] = validator.check_text("今天天气很好。\n我们开展了一次活动，大家都很满意。\n")
    assert report.checklist is None
    assert report.basis.zh == "标题未写明文种，正文线索不足"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_text_output_names_the_basis(capsys: pytest.CaptureFixture[str]) -> None:
    _, out = _run(capsys, "check", str(TEXTS / "self-review_personal_headed.txt"))
    assert "检查清单：self-review（依据：标题“" in out
    _, out = _run(capsys, "check", str(TEXTS / "none_minutes_party_group.txt"))
    assert "未识别文种：只检查通用规则" in out
    _, out = _run(capsys, "check", "--lang", "en", str(TEXTS / "none_minutes_party_group.txt"))
    assert "genre not recognised: common rules only" in out


def test_checklist_none_gives_null_and_the_rules_decide_the_exit_code(
    capsys: pytest.CaptureFixture[str],
) -> None:
    defective = REPO / "examples" / "defective-report.txt"
    code, out = _run(capsys, "check", "--checklist", "none", "--format", "json", str(defective))
    payload = json.loads(out)
    [report] = payload["files"][0]["reports"]
    assert report["checklist"] is None
    assert {r["kind"] for r in report["results"]} == {"rule"}
    rule_errors = [r for r in report["results"] if r["status"] == "fail" and r["severity"] == "error"]
    assert code == (1 if rule_errors else 0)
    code, out = _run(capsys, "check", "--checklist", "none", str(REPO / "examples" / "clean-report.txt"))
    assert (code == 0 and "未识别文种" not in out and "检查清单" not in out.splitlines()[0]) or code == 0


def test_checklist_auto_is_the_default(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(TEXTS / "duty-report_untitled_personal.txt")
    assert _run(capsys, "check", "--format", "json", path) == _run(
        capsys, "check", "--checklist", "auto", "--format", "json", path
    )


def test_checklist_forced_by_id(capsys: pytest.CaptureFixture[str]) -> None:
    _, out = _run(
        capsys,
        "check",
        "--checklist",
        "duty-report",
        "--format",
        "json",
        str(TEXTS / "none_notice_untitled.txt"),
    )
    assert json.loads(out)["files"][0]["reports"][0]["checklist"] == "duty-report"


def test_configuration_sets_the_choice_per_glob(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "minutes").mkdir()
    (tmp_path / "reports").mkdir()
    for name in ("minutes/a.txt", "reports/b.txt"):
        (tmp_path / name).write_text((TEXTS / "duty-report_headed_secretary.txt").read_text("utf-8"), "utf-8")
    config = tmp_path / ".report-validator.yaml"
    config.write_text(
        "checklist: auto\noverrides:\n  - files: ['minutes/']\n    checklist: none\n", encoding="utf-8"
    )
    _, out = _run(
        capsys,
        "check",
        "--config",
        str(config),
        "--format",
        "json",
        str(tmp_path / "minutes"),
        str(tmp_path / "reports"),
    )
    chosen = {Path(f["path"]).parent.name: f["reports"][0]["checklist"] for f in json.loads(out)["files"]}
    assert chosen == {"minutes": None, "reports": "duty-report"}


@pytest.mark.parametrize("target", [REPO, REPO / "docs"], ids=["root", "docs"])
def test_the_repository_and_its_docs_have_no_checklist_failures(
    capsys: pytest.CaptureFixture[str], target: Path
) -> None:
    _, out = _run(capsys, "check", "--format", "json", str(target))
    payload = json.loads(out)
    prose = [f for f in payload["files"] if _is_project_prose(Path(f["path"]), target)]
    assert prose
    for file in prose:
        assert [report["checklist"] for report in file["reports"]] == [None], file["path"]
        assert not [r for report in file["reports"] for r in report["results"] if r["kind"] == "item"]


def _is_project_prose(path: Path, target: Path) -> bool:
    """README.md, CHANGELOG.md and docs/*.md: the project's own documentation."""
    relative = path.resolve().relative_to(REPO)
    return path.suffix == ".md" and (len(relative.parts) == 1 or relative.parts[0] == "docs")


@pytest.mark.parametrize("genre", CHECKLIST_IDS)
def test_each_new_example_passes_its_checklist(capsys: pytest.CaptureFixture[str], genre: str) -> None:
    code, out = _run(
        capsys, "check", "--format", "json", "--fail-on", "info", str(REPO / "examples" / f"{genre}.txt")
    )
    [report] = json.loads(out)["files"][0]["reports"]
    assert report["checklist"] == genre
    assert [r["id"] for r in report["results"] if r["status"] == "fail"] == []
    assert code == 0


@pytest.mark.parametrize("second_line", ["（2025年1月10日）", "王某某", "——在县审计局2024年度民主生活会上"])
def test_a_short_line_under_a_complete_title_does_not_hide_it(validator: Validator, second_line: str) -> None:
    text = (TEXTS / "self-review_team_headed.txt").read_text(encoding="utf-8")
    title, rest = text.split("\n", 1)
    [report] = validator.check_text(f"{title}\n{second_line}\n{rest}")
    assert report.checklist == "self-review"
