"""The SARIF format: valid against the OASIS schema, only failures, stable ids, paths and fingerprints."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import jsonschema
import pytest

from validator.api import Validator
from validator.formatters import FormatOptions, sarif
from validator.formatters.naming import relative_to_cwd
from validator.formatters.sarif import format_sarif
from validator.model import Checklist, ChecklistItem, FileResult, ReportResult, Result, Span, Text
from validator.rule import Rule

SCHEMA_PATH = Path(__file__).parents[3] / "shared" / "schemas" / "sarif-schema-2.1.0.json"
EXAMPLES = Path(__file__).parents[2] / "examples"
TITLE = "中共某某委员会关于2023年度落实全面从严治党主体责任情况的报告"

NUM_006 = Rule(
    code="NUM-006",
    name="numbering-gap",
    severity="error",
    summary=Text("序号跳号", "Numbering gap"),
    source="GB/T 9704—2012 7.3.3",
    check=lambda context: (),
    doc="NUM-006 序号跳号（numbering gap）\n\n    同级序号应当连续：（一）之后是（二）。\n\n"
    "合格：\n\n    （一）……",
)
PLUGIN_RULE = Rule(
    code="ORG-001",
    name="org-rule",
    severity="info",
    summary=Text("本单位规则"),
    source="本单位规定",
    check=lambda context: (),
    origin="org-plugin 1.0",
)
ANNUAL = Checklist(
    id="annual-report",
    name=Text("年度报告", "Annual report"),
    items=(
        ChecklistItem(
            "problems", Text("存在的问题", "Problems found"), "error", Text("写明存在的问题。"), "《规定》"
        ),
        ChecklistItem("political", Text("党的政治建设", "Political building"), "error", Text(""), ""),
    ),
    path="/somewhere/rules/annual-report.yaml",
)
OPTIONS = FormatOptions(
    version="9.8.7",
    rules={"NUM-006": NUM_006, "ORG-001": PLUGIN_RULE},
    checklists={"annual-report": ANNUAL},
)


def report() -> ReportResult:
    return ReportResult(
        title=TITLE,
        line=3,
        checklist="annual-report",
        results=(
            Result("item", "political", "pass", "error", "找到", Span(5, 1, 5, 9), fingerprint="p" * 32),
            Result("item", "problems", "fail", "error", "缺少“存在的问题”部分", fingerprint="a" * 32),
            Result(
                "rule",
                "NUM-006",
                "fail",
                "error",
                "序号“（三）”前缺少“（二）”",
                Span(14, 1, 14, 4),
                "",
                "b" * 32,
            ),
            Result(
                "rule",
                "NUM-006",
                "fail",
                "warning",
                "序号“（五）”前缺少“（四）”",
                Span(16, 2, 17, 3),
                "",
                "c" * 32,
            ),
            Result("rule", "ORG-001", "fail", "info", "本单位提示", Span(20, 1, 20, 1)),
            Result("rule", "RV-001", "fail", "warning", "抑制注释未抑制任何问题：NUM-006", Span(9, 1, 9, 2)),
            Result("rule", "HYG-001", "pass", "warning", "未发现问题"),
        ),
    )


def run() -> list[FileResult]:
    return [
        FileResult("reports/汇编 2023#1.txt", (report(),)),
        FileResult("reports/scan.doc", error="无法识别的文件格式"),
    ]


def log(files: list[FileResult] | None = None, options: FormatOptions = OPTIONS) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(format_sarif(run() if files is None else files, options))
    return data


@pytest.fixture
def schema_validator() -> jsonschema.protocols.Validator:
    if not SCHEMA_PATH.is_file():
        pytest.skip("../shared/schemas/sarif-schema-2.1.0.json is absent")
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema)


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in an empty working directory, so that relative paths are what the test says."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_hand_built_log_validates(schema_validator: jsonschema.protocols.Validator, in_tmp: Path) -> None:
    schema_validator.validate(log())
    schema_validator.validate(log([]))
    schema_validator.validate(log(options=FormatOptions()))  # no registry: rules with ids only


def test_one_run_with_the_tool_and_its_language(in_tmp: Path) -> None:
    data = log()
    assert data["version"] == "2.1.0"
    assert data["$schema"].endswith("sarif-schema-2.1.0.json")
    [run_] = data["runs"]
    driver = run_["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("report-validator", "9.8.7")
    assert driver["informationUri"] == "https://github.com/report-validator/report-validator"
    assert driver["language"] == "zh-CN"
    assert log(options=FormatOptions(lang="en"))["runs"][0]["tool"]["driver"]["language"] == "en-US"
    assert run_["columnKind"] == "unicodeCodePoints"


def test_only_failures_are_results_with_their_levels(in_tmp: Path) -> None:
    results = log()["runs"][0]["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("annual-report/problems", "error"),
        ("NUM-006", "error"),
        ("NUM-006", "warning"),
        ("ORG-001", "note"),
        ("RV-001", "warning"),
    ]
    assert results[1]["message"] == {"text": "序号“（三）”前缺少“（二）”"}


def test_rule_index_points_at_the_rule_it_names(in_tmp: Path) -> None:
    run_ = log()["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == ["NUM-006", "ORG-001", "RV-001", "annual-report/problems"]
    for result in run_["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_regions_keep_our_one_based_exclusive_end_columns(in_tmp: Path) -> None:
    """SARIF's endColumn is 'the column of the character following the end of the region': ours exactly."""
    results = log()["runs"][0]["results"]
    region = [r["locations"][0]["physicalLocation"]["region"] for r in results]
    assert region[1] == {"startLine": 14, "startColumn": 1, "endLine": 14, "endColumn": 4}
    assert region[2] == {"startLine": 16, "startColumn": 2, "endLine": 17, "endColumn": 3}
    assert region[0] == {"startLine": 3}  # no span: the report's title line


def test_paths_are_percent_encoded_and_relative_to_the_working_directory(in_tmp: Path) -> None:
    run_ = log()["runs"][0]
    base = run_["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert base == in_tmp.resolve().as_uri() + "/" or base == in_tmp.as_uri() + "/"
    location = run_["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "reports/%E6%B1%87%E7%BC%96%202023%231.txt", "uriBaseId": "%SRCROOT%"}
    assert unquote(location["uri"]) == "reports/汇编 2023#1.txt"


def test_absolute_paths_inside_the_working_directory_become_relative(in_tmp: Path) -> None:
    inside = str(Path.cwd() / "sub" / "a.txt")
    assert relative_to_cwd(inside) == "sub/a.txt"
    files = [FileResult(inside, (report(),))]
    location = log(files)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "sub/a.txt", "uriBaseId": "%SRCROOT%"}


def test_a_file_outside_the_working_directory_gets_an_absolute_file_uri(in_tmp: Path) -> None:
    outside = Path.cwd().parent / "elsewhere" / "报告.txt"
    files = [FileResult(str(outside), (report(),))]
    location = log(files)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": outside.as_uri()}
    assert relative_to_cwd(str(outside)) == outside.as_posix()


def test_rule_metadata_from_the_registry(in_tmp: Path) -> None:
    rules = {rule["id"]: rule for rule in log()["runs"][0]["tool"]["driver"]["rules"]}
    num = rules["NUM-006"]
    assert num["name"] == "numbering-gap"
    assert num["shortDescription"] == {"text": "序号跳号"}
    assert num["fullDescription"] == {"text": "同级序号应当连续：（一）之后是（二）。"}
    assert num["help"]["text"] == "同级序号应当连续：（一）之后是（二）。\n\n依据: GB/T 9704—2012 7.3.3"
    assert num["help"]["markdown"].startswith("NUM-006 序号跳号（numbering gap）\n\n    同级序号")
    assert (
        num["helpUri"]
        == "https://github.com/report-validator/report-validator/blob/main/docs/rules.md#num-006"
    )
    assert num["defaultConfiguration"] == {"level": "error"}
    assert "helpUri" not in rules["ORG-001"]  # a plugin's rule is not in our docs/rules.md
    assert rules["ORG-001"]["defaultConfiguration"] == {"level": "note"}
    assert rules["RV-001"] == {"id": "RV-001"}  # not in the registry: its id alone


def test_item_metadata_in_the_run_language(in_tmp: Path) -> None:
    item = {r["id"]: r for r in log()["runs"][0]["tool"]["driver"]["rules"]}["annual-report/problems"]
    assert item["name"] == "problems"
    assert item["shortDescription"] == {"text": "存在的问题"}
    assert item["fullDescription"] == {"text": "写明存在的问题。"}
    assert item["helpUri"].endswith("/blob/main/rules/annual-report.yaml")
    assert item["defaultConfiguration"] == {"level": "error"}
    english = log(options=FormatOptions(lang="en", rules=OPTIONS.rules, checklists=OPTIONS.checklists))
    rules = {r["id"]: r for r in english["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["annual-report/problems"]["shortDescription"] == {"text": "Problems found"}
    assert rules["NUM-006"]["shortDescription"] == {"text": "Numbering gap"}


def test_partial_fingerprints_carry_ours_and_only_when_there_is_one(in_tmp: Path) -> None:
    results = log()["runs"][0]["results"]
    assert results[1]["partialFingerprints"] == {"reportValidator/v1": "b" * 32}
    assert "partialFingerprints" not in results[3]


def test_input_errors_are_tool_execution_notifications(in_tmp: Path) -> None:
    [invocation] = log()["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert note["message"] == {"text": "无法识别的文件格式"}
    assert note["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "reports/scan.doc",
        "uriBaseId": "%SRCROOT%",
    }
    assert log(run()[:1])["runs"][0]["invocations"] == [{"executionSuccessful": True}]


def test_results_beyond_githubs_cap_are_left_out_least_severe_first(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sarif, "MAX_RESULTS", 3)
    run_ = log()["runs"][0]
    assert [(r["ruleId"], r["level"]) for r in run_["results"]] == [
        ("annual-report/problems", "error"),
        ("NUM-006", "error"),
        ("NUM-006", "warning"),
    ]
    notes = run_["invocations"][0]["toolExecutionNotifications"]
    assert notes[-1]["level"] == "warning"
    assert "2" in notes[-1]["message"]["text"]


def test_text_is_unescaped_json_with_a_final_newline(in_tmp: Path) -> None:
    text = format_sarif(run(), OPTIONS)
    assert "缺少“存在的问题”部分" in text
    assert text.endswith("}\n")


# ---------------------------------------------------------------------------- the real pipeline


def check(paths: list[Path]) -> dict[str, Any]:
    validator = Validator()
    files = validator.check_paths([str(path) for path in paths])
    options = FormatOptions(rules=validator.registry.rules, checklists=validator.registry.checklists)
    return json.loads(format_sarif(files, options))  # type: ignore[no-any-return]


def fingerprints(data: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [
        (r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], fp)
        for r in data["runs"][0]["results"]
        for fp in r.get("partialFingerprints", {}).values()
    ]


def test_samples_give_a_valid_log(
    samples_dir: Path, schema_validator: jsonschema.protocols.Validator
) -> None:
    data = check([samples_dir, EXAMPLES])
    schema_validator.validate(data)
    results = data["runs"][0]["results"]
    assert results, "the defective example must give findings"
    assert all(r["partialFingerprints"]["reportValidator/v1"] for r in results)


def test_fingerprints_identical_across_runs_and_when_lines_move(
    samples_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    originals = [*sorted(samples_dir.glob("*.txt")), EXAMPLES / "defective-report.txt"]
    copies = tmp_path / "copies"
    copies.mkdir()
    for source in originals:
        shutil.copyfile(source, copies / source.name)
    first, second = check([copies]), check([copies])
    assert fingerprints(first) == fingerprints(second)
    assert fingerprints(first)
    for copy in copies.iterdir():
        copy.write_text("\n" + copy.read_text(encoding="utf-8"), encoding="utf-8")
    moved = check([copies])
    assert fingerprints(moved) == fingerprints(first)
    lines = [
        r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in first["runs"][0]["results"]
    ]
    after = [
        r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in moved["runs"][0]["results"]
    ]
    assert after == [line + 1 for line in lines]
