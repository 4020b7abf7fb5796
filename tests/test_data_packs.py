"""Data packs: each has a schema, each entry's wrong form fires and its right form does not,
and plugins and projects extend them without editing the package."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from validator.api import Validator
from validator.cli import main
from validator.datapack import builtin_packs, load_data, use_packs
from validator.errors import ConfigError
from validator.model import ReportResult, RunSettings
from validator.testing import default_registry

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas" / "data"
PLUGIN_DATA = ROOT / "plugins" / "report-validator-university" / "report_validator_university" / "data"
TITLE = "某局党组2025年落实全面从严治党主体责任情况报告\n\n"
REGEX_SYNTAX = re.compile(r"[\\\[\](){}|?*+.^$]")


@pytest.fixture(autouse=True)
def builtin_packs_only() -> Iterator[None]:
    use_packs([])
    yield
    use_packs([])


def failures(text: str, code: str, settings: RunSettings | None = None) -> list[str]:
    [report] = Validator(default_registry(), settings).check_text(TITLE + text + "\n")
    return [r.message for r in _results(report) if r.id == code and r.status == "fail"]


def _results(report: ReportResult) -> list[Any]:
    return [result for result in report.results if result.kind == "rule"]


# ---------------------------------------------------------------------------- schemas


@pytest.mark.parametrize("pack", builtin_packs())
def test_every_builtin_pack_fits_its_schema(pack: str) -> None:
    schema = json.loads((SCHEMAS / f"{pack}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    data = yaml.safe_load((ROOT / "rules" / "data" / f"{pack}.yaml").read_text(encoding="utf-8"))
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(data)) == []


def test_every_schema_is_a_pack() -> None:
    schemas = sorted(path.name.removesuffix(".schema.json") for path in SCHEMAS.glob("*.json"))
    assert schemas == builtin_packs()


@pytest.mark.parametrize("path", sorted(PLUGIN_DATA.glob("*.yaml")), ids=lambda path: path.name)
def test_the_example_plugins_packs_fit_the_schemas(path: Path) -> None:
    schema = json.loads((SCHEMAS / f"{path.stem}.schema.json").read_text(encoding="utf-8"))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(data)) == []


def test_a_schema_refuses_an_unknown_key() -> None:
    schema = json.loads((SCHEMAS / "typos.schema.json").read_text(encoding="utf-8"))
    bad = {"typos": [{"wrong": "甲", "right": "乙", "rigth": "丙"}]}
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(bad)) != []


# ---------------------------------------------------------------------------- every entry


def _literal_typos() -> list[dict[str, Any]]:
    return [entry for entry in load_data("typos")["typos"] if not entry.get("pattern")]


@pytest.mark.parametrize("entry", _literal_typos(), ids=lambda entry: entry["wrong"])
def test_each_typo_fires_and_its_right_form_does_not(entry: dict[str, Any]) -> None:
    assert failures(f"我们要{entry['wrong']}工作。", "HYG-005"), entry
    assert not failures(f"我们要{entry['right']}工作。", "HYG-005"), entry


def _regulations() -> Iterator[tuple[str, str]]:
    for entry in load_data("regulations")["regulations"]:
        for wrong in entry.get("wrong", []):
            yield entry["title"], wrong


@pytest.mark.parametrize("title, wrong", list(_regulations()), ids=lambda value: value)
def test_each_wrong_regulation_title_fires_and_the_right_one_does_not(title: str, wrong: str) -> None:
    assert failures(f"认真学习《{wrong}》。", "TERM-017"), wrong
    assert not failures(f"认真学习《{title}》。", "TERM-017"), title


def _plain_variants() -> list[dict[str, Any]]:
    """Variants whose wrong form is a plain string with a right form given (regexes have no one form)."""
    return [
        entry
        for entry in load_data("formulations")["variants"]
        if entry.get("canonical") and not REGEX_SYNTAX.search(entry["pattern"]) and not entry.get("since")
    ]


@pytest.mark.parametrize("entry", _plain_variants(), ids=lambda entry: entry["pattern"])
def test_each_wrong_formulation_fires_and_its_canonical_form_does_not(entry: dict[str, Any]) -> None:
    assert failures(f"全体党员{entry['pattern']}。", entry["rule"]), entry
    assert not failures(f"全体党员{entry['canonical']}。", entry["rule"]), entry


# ---------------------------------------------------------------------------- extending


def test_a_plugin_or_project_pack_extends_the_builtin_one(tmp_path: Path) -> None:
    extra = tmp_path / "typos.yaml"
    extra.write_text("typos:\n  - {wrong: 党建引灵, right: 党建引领}\n", encoding="utf-8")
    assert not failures("坚持党建引灵。", "HYG-005")
    use_packs([extra])
    assert failures("坚持党建引灵。", "HYG-005") == ["疑为错别字：“党建引灵”应为“党建引领”"]
    assert failures("坚持党建引领。", "HYG-005") == []
    use_packs([])  # the derived tables are rebuilt: the entry is gone again
    assert not failures("坚持党建引灵。", "HYG-005")


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("slogans.yaml", "x: []\n", "数据包文件名应为内置数据包之一"),
        ("typos.yaml", "typo: []\n", "数据包 typos 没有键 typo"),
        ("typos.yaml", "typos: {wrong: 甲}\n", "数据包键 typos 应为列表"),
        ("typos.yaml", "typos: [\n", "数据包不是有效的 YAML"),
    ],
)
def test_a_broken_pack_is_a_configuration_error(tmp_path: Path, name: str, content: str, reason: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        use_packs([path])
        load_data("typos")
    assert reason in str(info.value) and str(path) in str(info.value)


def test_project_data_and_vocabulary_from_the_configuration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "vocab").mkdir()
    (tmp_path / "vocab" / "typos.yaml").write_text("typos: [{wrong: 党建引灵, right: 党建引领}]\n", "utf-8")
    config = "data: [vocab/typos.yaml]\nvocabulary:\n  accept: [中纪委驻局纪检组]\n  reject: [老干部局长]\n"
    (tmp_path / ".report-validator.yaml").write_text(config, "utf-8")
    report = tmp_path / "report.txt"
    report.write_text(
        TITLE + "坚持党建引灵，老干部局长带头，中纪委驻局纪检组全程监督；中纪委的要求要落实。\n", "utf-8"
    )
    monkeypatch.chdir(tmp_path)
    main(["check", "report.txt", "--format", "json"])
    results = json.loads(capsys.readouterr().out)["files"][0]["reports"][0]["results"]
    failed = [r for r in results if r["status"] == "fail" and r["kind"] == "rule"]
    found = [(r["id"], r["message"], r["column"]) for r in failed]
    assert ("HYG-005", "疑为错别字：“党建引灵”应为“党建引领”", 3) in found
    assert ("HYG-005", "项目词表不用“老干部局长”", 8) in found
    # 中纪委 inside the accepted 中纪委驻局纪检组 is not reported; the one outside it still is
    assert [column for code, _, column in found if code == "TERM-010"] == [29]
