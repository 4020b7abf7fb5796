"""Project configuration: discovery, every key, extends, overrides, errors (file:line:key), pyproject.toml.

Error cases mark the offending line with ``# <-``; the test checks that the message starts with
``<file>:<that line>:``, that it is one line, and that it names the key.
"""

from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from validator.config import EffectiveConfig, ProjectConfig, find_config, load_config, render_effective
from validator.config.globs import glob_regex
from validator.config.loader import OVERRIDE_KEYS, TOP_KEYS
from validator.errors import ConfigError
from validator.model import RunSettings

REPO_ROOT = Path(__file__).parent.parent
SCHEMA_PATH = REPO_ROOT / "schemas" / "config.schema.json"
DOCS_PATH = REPO_ROOT / "docs" / "configuration.md"
KNOWN_IDS = frozenset({"NUM-006", "NUM-008", "PUN-001", "TERM-007", "SEC-008", "political", "problems"})
KNOWN_CHECKLISTS = frozenset({"annual-report", "speech"})
YAML_NAME = ".report-validator.yaml"
MARK = "# <-"


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def _load(path: Path, **kwargs: Any) -> ProjectConfig:
    kwargs.setdefault("known_ids", KNOWN_IDS)
    return load_config(path, **kwargs)


def _marked_line(text: str) -> int:
    return next(number for number, line in enumerate(textwrap.dedent(text).splitlines(), 1) if MARK in line)


def _assert_error(path: Path, text: str, key: str, *, line: int | None = None, **kwargs: Any) -> ConfigError:
    """Loading ``text`` from ``path`` fails with one line naming the file, the line and ``key``."""
    _write(path, text)
    line = _marked_line(text) if line is None else line
    with pytest.raises(ConfigError) as info:
        _load(path, **kwargs)
    error = info.value
    message = str(error)
    assert message.startswith(f"{path}:{line}: "), message
    assert error.key == key, message
    assert key.rpartition(".")[2].partition("[")[0] in message, message
    assert "\n" not in message
    return error


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository root: discovery never looks above it."""
    (tmp_path / ".git").mkdir()
    return tmp_path


# ---------------------------------------------------------------------------- discovery


def test_found_from_a_nested_directory(repo: Path) -> None:
    config = _write(repo / YAML_NAME, "lang: en\n")
    deep = repo / "a" / "b" / "c"
    deep.mkdir(parents=True)
    assert find_config(deep) == config


def test_found_from_a_file(repo: Path) -> None:
    config = _write(repo / YAML_NAME, "")
    report = _write(repo / "reports" / "2023.txt", "报告\n")
    assert find_config(report) == config


def test_yml_spelling(repo: Path) -> None:
    config = _write(repo / ".report-validator.yml", "lang: en\n")
    assert find_config(repo) == config


def test_nearest_wins(repo: Path) -> None:
    _write(repo / YAML_NAME, "lang: en\n")
    inner = _write(repo / "sub" / "pyproject.toml", "[tool.report-validator]\nlang = 'zh'\n")
    (repo / "sub" / "deeper").mkdir()
    assert find_config(repo / "sub" / "deeper") == inner


def test_pyproject_without_the_table_is_skipped(repo: Path) -> None:
    config = _write(repo / YAML_NAME, "lang: en\n")
    _write(repo / "sub" / "pyproject.toml", "[project]\nname = 'x'\n[tool.ruff]\nline-length = 100\n")
    assert find_config(repo / "sub") == config


def test_unrelated_broken_pyproject_is_skipped(repo: Path) -> None:
    config = _write(repo / YAML_NAME, "")
    _write(repo / "sub" / "pyproject.toml", "[project\nname = \n")
    assert find_config(repo / "sub") == config


def test_broken_pyproject_naming_our_table_is_an_error(repo: Path) -> None:
    pyproject = _write(repo / "pyproject.toml", "[tool.report-validator]\nlang = \n")
    with pytest.raises(ConfigError, match=rf"^{pyproject}:2: TOML 语法错误"):
        find_config(repo)


def test_yaml_wins_over_pyproject_in_the_same_directory(repo: Path) -> None:
    config = _write(repo / YAML_NAME, "")
    _write(repo / "pyproject.toml", "[tool.report-validator]\n")
    assert find_config(repo) == config


def test_both_yaml_spellings_is_an_error(repo: Path) -> None:
    _write(repo / YAML_NAME, "")
    _write(repo / ".report-validator.yml", "")
    with pytest.raises(ConfigError, match="两个配置文件"):
        find_config(repo)


def test_search_stops_at_the_repository_root(tmp_path: Path) -> None:
    _write(tmp_path / YAML_NAME, "lang: en\n")  # above the repository: not ours
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    (tmp_path / "repo" / "docs").mkdir()
    assert find_config(tmp_path / "repo" / "docs") is None


def test_the_repository_root_itself_is_searched(tmp_path: Path) -> None:
    (tmp_path / "repo").mkdir()
    (tmp_path / "repo" / ".git").write_text("gitdir: ../elsewhere\n", encoding="utf-8")  # a worktree
    config = _write(tmp_path / "repo" / YAML_NAME, "")
    assert find_config(tmp_path / "repo") == config


def test_nothing_found(repo: Path) -> None:
    assert find_config(repo) is None


# ---------------------------------------------------------------------------- every key

FULL = """\
checklist: annual-report
fail_on: warning
select: [NUM, TERM-007, political]
ignore: [NUM-008]
severity:
  NUM-006: info
  political: warning
report_year: 2023
redacted: true
disable_plugins: [acme_rules]
lang: en
"""


def test_every_key(repo: Path) -> None:
    path = _write(repo / YAML_NAME, FULL)
    config = _load(path, known_checklists=KNOWN_CHECKLISTS)
    effective = config.for_run()
    assert effective.checklist == "annual-report"
    assert effective.fail_on == "warning"
    assert effective.select == ("NUM", "TERM-007", "political")
    assert effective.ignore == ("NUM-008",)
    assert dict(effective.severity) == {"NUM-006": "info", "political": "warning"}
    assert effective.report_year == 2023
    assert effective.redacted is True
    assert effective.disable_plugins == ("acme_rules",)
    assert effective.lang == "en"
    assert config.path == path
    assert config.files == (path,)
    assert effective.run_settings() == RunSettings(
        "en", ("NUM", "TERM-007", "political"), ("NUM-008",), 2023, True, effective.severity
    )
    assert dict(effective.severity) == {"NUM-006": "info", "political": "warning"}


def test_origins_name_file_line_and_key(repo: Path) -> None:
    path = _write(repo / YAML_NAME, FULL)
    origins = _load(path).for_run().origins
    assert str(origins["checklist"]) == f"{path}:1 checklist"
    assert str(origins["severity.political"]) == f"{path}:7 severity.political"
    assert origins["lang"].line == 11


def test_defaults(repo: Path) -> None:
    assert ProjectConfig().for_file(repo / "x.txt") == EffectiveConfig()
    assert EffectiveConfig().run_settings() == RunSettings()


@pytest.mark.parametrize("text", ["", "# only a comment\n", "---\n"])
def test_an_empty_file_is_all_defaults(repo: Path, text: str) -> None:
    path = _write(repo / YAML_NAME, text)
    config = _load(path)
    assert config.for_run() == EffectiveConfig()
    assert config.files == (path,)


def test_family_prefixes_in_select_and_ignore(repo: Path) -> None:
    path = _write(repo / YAML_NAME, "select: [NUM-, PUN]\nignore: [SEC]\n")
    assert _load(path).for_run().select == ("NUM-", "PUN")


def test_checklist_path_is_relative_to_the_config_file(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    checklist = _write(repo / "rules" / "ours.yaml", "id: ours\n")
    path = _write(repo / "config" / YAML_NAME, "checklist: ../rules/ours.yaml\n")
    monkeypatch.chdir(repo / "rules")  # the working directory does not matter
    assert _load(Path(os.path.relpath(path))).for_run().checklist == str(checklist)


def test_checklist_name_is_not_checked_without_known_checklists(repo: Path) -> None:
    path = _write(repo / YAML_NAME, "checklist: branch-report\n")
    assert _load(path).for_run().checklist == "branch-report"


# ---------------------------------------------------------------------------- extends


def test_extends_child_wins(repo: Path) -> None:
    parent = _write(
        repo / "shared" / "base.yaml",
        """\
        fail_on: info
        select: [NUM]
        lang: en
        severity: {NUM-006: info, political: info}
        """,
    )
    child = _write(
        repo / YAML_NAME,
        """\
        extends: shared/base.yaml
        select: [TERM-007]
        severity: {political: error}
        """,
    )
    config = _load(child)
    effective = config.for_run()
    assert effective.fail_on == "info"  # inherited
    assert effective.lang == "en"
    assert effective.select == ("TERM-007",)  # a list is replaced, not appended
    assert dict(effective.severity) == {"NUM-006": "info", "political": "error"}  # merged by id
    assert effective.origins["severity.NUM-006"].path == str(parent)
    assert effective.origins["severity.political"].path == str(child)
    assert config.files == (child, parent)


def test_extends_a_chain_and_a_pyproject(repo: Path) -> None:
    _write(repo / "pyproject.toml", "[tool.report-validator]\nreport_year = 2020\nredacted = true\n")
    _write(repo / "mid.yaml", "extends: pyproject.toml\nreport_year: 2021\n")
    child = _write(repo / "team" / YAML_NAME, "extends: ../mid.yaml\n")
    effective = _load(child).for_run()
    assert (effective.report_year, effective.redacted) == (2021, True)


def test_extends_cycle(repo: Path) -> None:
    _write(repo / "a.yaml", "lang: en\nextends: b.yaml\n")
    _write(repo / "b.yaml", "extends: a.yaml\n")
    with pytest.raises(ConfigError) as info:
        _load(repo / "a.yaml")
    # reported where the cycle closes: b.yaml's extends, naming the whole loop
    loop = f"{repo / 'a.yaml'} → {repo / 'b.yaml'} → {repo / 'a.yaml'}"
    assert str(info.value) == f'{repo / "b.yaml"}:1: "extends" 形成循环：{loop}'
    assert info.value.key == "extends"


def test_extends_itself(repo: Path) -> None:
    error = _assert_error(repo / YAML_NAME, "extends: .report-validator.yaml  # <-\n", "extends")
    assert "循环" in str(error)


def test_extends_a_missing_file(repo: Path) -> None:
    error = _assert_error(repo / YAML_NAME, "lang: en\nextends: nowhere.yaml  # <-\n", "extends")
    assert "不存在" in str(error)


def test_error_in_the_extended_file_names_that_file(repo: Path) -> None:
    _write(repo / YAML_NAME, "extends: base.yaml\n")
    _write(repo / "base.yaml", "lang: en\nfail_on: fatal\n")
    with pytest.raises(ConfigError, match=rf"^{repo / 'base.yaml'}:2: \"fail_on\" 的值 \"fatal\" 无效"):
        _load(repo / YAML_NAME)


# ---------------------------------------------------------------------------- overrides


OVERRIDES = """\
redacted: false
select: [NUM]
overrides:
  - files: ["*.md"]
    report_year: 2022
  - files: ["drafts/", "archive/**/old-*.txt"]
    redacted: true
    severity: {NUM-006: info}
  - files: [drafts/2023/*.txt]
    report_year: 2023
    select: [TERM-007]
    checklist: speech
"""


@pytest.mark.parametrize(
    ("file", "year", "redacted", "select"),
    [
        ("report.txt", None, False, ("NUM",)),
        ("report.md", 2022, False, ("NUM",)),
        ("a/b/report.md", 2022, False, ("NUM",)),  # a glob without / matches at any depth
        ("drafts/x.txt", None, True, ("NUM",)),  # a trailing / is everything below
        ("drafts/2023/x.txt", 2023, True, ("TERM-007",)),  # later entries win
        ("drafts/2023/sub/x.txt", None, True, ("NUM",)),  # * stays within one directory
        ("drafts/2023/x.md", 2022, True, ("NUM",)),
        ("archive/old-1.txt", None, True, ("NUM",)),  # ** is zero directories too
        ("archive/2019/q1/old-1.txt", None, True, ("NUM",)),
        ("archive/2019/new.txt", None, False, ("NUM",)),
        ("sub/drafts/x.txt", None, False, ("NUM",)),  # a glob with / is anchored at the config's directory
    ],
)
def test_overrides_by_glob(
    repo: Path, file: str, year: int | None, redacted: bool, select: tuple[str, ...]
) -> None:
    config = _load(_write(repo / YAML_NAME, OVERRIDES))
    effective = config.for_file(repo / file)
    assert (effective.report_year, effective.redacted, effective.select) == (year, redacted, select)


def test_override_values_and_origins(repo: Path) -> None:
    path = _write(repo / YAML_NAME, OVERRIDES)
    effective = _load(path).for_file(repo / "drafts" / "2023" / "x.txt")
    assert effective.checklist == "speech"
    assert dict(effective.severity) == {"NUM-006": "info"}
    assert str(effective.origins["select"]) == f"{path}:11 overrides[2].select"
    assert str(effective.origins["severity.NUM-006"]) == f"{path}:8 overrides[1].severity.NUM-006"
    assert effective.origins["redacted"].key == "overrides[1].redacted"


def test_overrides_do_not_reach_outside_the_config_directory(repo: Path) -> None:
    config = _load(_write(repo / "team" / YAML_NAME, OVERRIDES))
    assert config.for_file(repo / "report.md").report_year is None
    assert config.for_file(repo / "team" / "report.md").report_year == 2022


def test_relative_file_paths_are_taken_from_the_working_directory(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = _load(_write(repo / YAML_NAME, OVERRIDES))
    (repo / "drafts").mkdir()
    monkeypatch.chdir(repo / "drafts")
    assert config.for_file("x.txt").redacted is True
    assert config.for_file(Path("..") / "x.txt").redacted is False


def test_extended_overrides_keep_their_own_directory_and_come_first(repo: Path) -> None:
    _write(repo / "shared" / "base.yaml", "overrides:\n  - files: [drafts/]\n    report_year: 2001\n")
    child = _write(
        repo / YAML_NAME,
        """\
        extends: shared/base.yaml
        report_year: 2020
        overrides:
          - files: ['*.md']
            report_year: 2002
        """,
    )
    config = _load(child)
    assert config.for_file(repo / "drafts" / "a.txt").report_year == 2020  # base's drafts/ is shared/drafts/
    assert config.for_file(repo / "shared" / "drafts" / "a.txt").report_year == 2001
    assert config.for_file(repo / "shared" / "drafts" / "a.md").report_year == 2002  # the child's come later
    assert config.for_run().report_year == 2020


@pytest.mark.parametrize(
    ("pattern", "path", "matches"),
    [
        ("*.txt", "a.txt", True),
        ("*.txt", "x/y/a.txt", True),
        ("*.txt", "a.txt.bak", False),
        ("/a.txt", "a.txt", True),
        ("/a.txt", "x/a.txt", False),
        ("./x/*.txt", "x/a.txt", True),
        ("x/*", "x/y/a.txt", False),
        ("x/**", "x/y/a.txt", True),
        ("x/**/a.txt", "x/a.txt", True),
        ("**/x/a.txt", "p/q/x/a.txt", True),
        ("**", "anything/at/all", True),
        ("202?.txt", "2023.txt", True),
        ("202?.txt", "20234.txt", False),
        ("[0-9]*.txt", "7.txt", True),
        ("[!0-9]*.txt", "7.txt", False),
        ("[!0-9]*.txt", "a.txt", True),
        ("[]].txt", "].txt", True),
        ("[x.txt", "[x.txt", True),  # an unclosed [ is literal, as in fnmatch
        ("报告/*.docx", "报告/2023年.docx", True),
        ("a+b(1).txt", "a+b(1).txt", True),
        ("*.TXT", "a.txt", False),  # case-sensitive everywhere
    ],
)
def test_glob_semantics(pattern: str, path: str, matches: bool) -> None:
    assert (glob_regex(pattern).fullmatch(path) is not None) is matches


# ---------------------------------------------------------------------------- errors (YAML)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("lang: en\nselct: [NUM]  # <-\n", "selct"),  # unknown key
        ("select: NUM  # <-\n", "select"),  # wrong type: a string, not a list
        ("redacted: 'yes'  # <-\n", "redacted"),
        ("report_year: '2023'  # <-\n", "report_year"),
        ("report_year: 23  # <-\n", "report_year"),
        ("fail_on: fatal  # <-\n", "fail_on"),  # bad enum value
        ("lang: fr  # <-\n", "lang"),
        ("severity:\n  NUM-006: fatal  # <-\n", "severity.NUM-006"),
        ("severity: [NUM-006]  # <-\n", "severity"),
        ("select:\n  - NUM\n  - XYZ-001  # <-\n", "select[1]"),  # unknown rule code
        ("ignore: [NUM-999]  # <-\n", "ignore[0]"),
        ("ignore: [NU]  # <-\n", "ignore[0]"),  # not a family either
        ("select: [NUM, NUM]  # <-\n", "select[1]"),
        ("severity:\n  NUM-666: info  # <-\n", "severity.NUM-666"),  # unknown id as a severity key
        ("severity:\n  NUM: info  # <-\n", "severity.NUM"),  # families only in select/ignore
        ("severity:\n  politcal: info  # <-\n", "severity.politcal"),
        ("checklist: 'Annual Report'  # <-\n", "checklist"),
        ("checklist: rules/missing.yaml  # <-\n", "checklist"),
        ("disable_plugins: acme  # <-\n", "disable_plugins"),
        ("extends: 3  # <-\n", "extends"),
        ("overrides: {files: ['*']}  # <-\n", "overrides"),
        ("overrides:\n  - redacted: true  # <-\n", "overrides[0].files"),
        ("overrides:\n  - files: []  # <-\n", "overrides[0].files"),
        ("overrides:\n  - files: ['../x/*']  # <-\n", "overrides[0].files[0]"),
        ("overrides:\n  - files: ['a\\\\b']  # <-\n", "overrides[0].files[0]"),
        ("overrides:\n  - files: [a.txt]\n    lang: en  # <-\n", "overrides[0].lang"),  # run-wide only
        ("overrides:\n  - files: [a.txt]\n    select: [XYZ-001]  # <-\n", "overrides[0].select[0]"),
        ("lang: en\nlang: zh  # <-\n", "lang"),  # duplicate key
    ],
)
def test_errors_name_file_line_and_key(repo: Path, text: str, key: str) -> None:
    _assert_error(repo / YAML_NAME, text, key)


def test_unknown_key_suggests_the_nearest(repo: Path) -> None:
    error = _assert_error(repo / YAML_NAME, "selct: [NUM]  # <-\n", "selct")
    assert '是否想写 "select"' in str(error)


def test_unknown_rule_code_suggests_the_nearest(repo: Path) -> None:
    error = _assert_error(repo / YAML_NAME, "ignore: [TERM-070]  # <-\n", "ignore[0]")
    assert '是否想写 "TERM-007"' in str(error)


def test_unknown_checklist_name(repo: Path) -> None:
    text = "checklist: anual-report  # <-\n"
    error = _assert_error(repo / YAML_NAME, text, "checklist", known_checklists=KNOWN_CHECKLISTS)
    assert '是否想写 "annual-report"' in str(error)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("lang: en\nselect: [NUM\n", 3),  # unclosed flow sequence: found at the end
        ("lang: en\nseverity:\n\tNUM-006: info\n", 3),  # a tab
        ("lang: en\n  select: x\n", 2),
    ],
)
def test_bad_yaml(repo: Path, text: str, line: int) -> None:
    path = _write(repo / YAML_NAME, text)
    with pytest.raises(ConfigError) as info:
        _load(path)
    assert str(info.value).startswith(f"{path}:{line}: YAML 语法错误"), str(info.value)
    assert "\n" not in str(info.value)


def test_top_level_must_be_a_mapping(repo: Path) -> None:
    _assert_error(repo / YAML_NAME, "- lang: en  # <-\n", "")


def test_not_utf8(repo: Path) -> None:
    path = repo / YAML_NAME
    path.write_bytes("lang: en\n# 注释\n".encode("gb18030"))
    with pytest.raises(ConfigError, match=rf"^{path}:2: 配置文件不是 UTF-8 编码$"):
        _load(path)


def test_unreadable(repo: Path) -> None:
    with pytest.raises(ConfigError, match="无法读取配置文件"):
        _load(repo / "missing.yaml")


# ---------------------------------------------------------------------------- pyproject.toml

PYPROJECT = """\
[project]
name = "reports"

[tool.ruff]
select = ["E"]

[tool.report-validator]
checklist = "rules/ours.yaml"
fail_on = "warning"
select = ["NUM", "political"]
ignore = [
    "NUM-008",
]
report_year = 2023
redacted = true
disable_plugins = ["acme_rules"]
lang = "en"

[tool.report-validator.severity]
NUM-006 = "info"

[[tool.report-validator.overrides]]
files = ["drafts/"]
redacted = false

[[tool.report-validator.overrides]]
files = ["*.md"]
severity = { political = "warning" }
"""


def test_pyproject_every_key(repo: Path) -> None:
    _write(repo / "rules" / "ours.yaml", "id: ours\n")
    path = _write(repo / "pyproject.toml", PYPROJECT)
    config = _load(path)
    effective = config.for_run()
    assert effective.checklist == str(repo / "rules" / "ours.yaml")
    assert (effective.fail_on, effective.lang, effective.report_year) == ("warning", "en", 2023)
    assert (effective.select, effective.ignore) == (("NUM", "political"), ("NUM-008",))
    assert effective.disable_plugins == ("acme_rules",)
    assert dict(effective.severity) == {"NUM-006": "info"}
    assert config.for_file(repo / "drafts" / "a.txt").redacted is False
    assert dict(config.for_file(repo / "a.md").severity) == {"NUM-006": "info", "political": "warning"}
    origins = config.for_file(repo / "drafts" / "a.md").origins
    assert str(origins["fail_on"]) == f"{path}:9 tool.report-validator.fail_on"
    assert str(origins["severity.NUM-006"]) == f"{path}:20 tool.report-validator.severity.NUM-006"
    assert str(origins["redacted"]) == f"{path}:24 tool.report-validator.overrides[0].redacted"
    assert origins["severity.political"].line == 28


@pytest.mark.parametrize(
    ("old", "new", "key", "line"),
    [
        ('lang = "en"', 'lnag = "en"', "tool.report-validator.lnag", 17),
        ('fail_on = "warning"', 'fail_on = "fatal"', "tool.report-validator.fail_on", 9),
        ("report_year = 2023", 'report_year = "2023"', "tool.report-validator.report_year", 14),
        ('    "NUM-008",', '    "NUM-999",', "tool.report-validator.ignore[0]", 12),
        ('NUM-006 = "info"', 'NUM-066 = "info"', "tool.report-validator.severity.NUM-066", 20),
        ("redacted = false", 'redacted = "no"', "tool.report-validator.overrides[0].redacted", 24),
        (
            'severity = { political = "warning" }',
            'severity = { political = "high" }',
            "tool.report-validator.overrides[1].severity.political",
            28,
        ),
        ('files = ["*.md"]', "file = ['*.md']", "tool.report-validator.overrides[1].file", 27),
    ],
)
def test_pyproject_errors_name_file_line_and_key_path(
    repo: Path, old: str, new: str, key: str, line: int
) -> None:
    _write(repo / "rules" / "ours.yaml", "id: ours\n")
    assert old in PYPROJECT
    error = _assert_error(repo / "pyproject.toml", PYPROJECT.replace(old, new), key, line=line)
    assert "tool.report-validator" in str(error)  # the message names the table or the whole key path


def test_pyproject_key_outside_a_known_layout_gets_the_table_line(repo: Path) -> None:
    text = '[tool]\nreport-validator = { lang = "fr" }\n'
    _assert_error(repo / "pyproject.toml", text, "tool.report-validator.lang", line=2)


def test_pyproject_table_must_be_a_table(repo: Path) -> None:
    _assert_error(repo / "pyproject.toml", "[tool]\nreport-validator = 3\n", "tool.report-validator", line=2)


def test_pyproject_without_the_table(repo: Path) -> None:
    path = _write(repo / "pyproject.toml", "[project]\nname = 'x'\n")
    with pytest.raises(ConfigError, match=rf"^{path}:1: 没有 \[tool.report-validator\] 表$"):
        _load(path)


def test_bad_toml(repo: Path) -> None:
    path = _write(repo / "pyproject.toml", '[tool.report-validator]\nlang = "en"\nselect = [\n"NUM"\nfoo\n')
    with pytest.raises(ConfigError) as info:
        _load(path)
    assert str(info.value).startswith(f"{path}:5: TOML 语法错误："), str(info.value)
    assert "(at line" not in str(info.value)


def test_empty_table_is_all_defaults(repo: Path) -> None:
    path = _write(repo / "pyproject.toml", "[tool.report-validator]\n")
    assert _load(path).for_run() == EffectiveConfig()


# ---------------------------------------------------------------------------- report-validator config


def test_render_yaml_is_yaml_with_sources(repo: Path) -> None:
    path = _write(repo / YAML_NAME, OVERRIDES)
    text = render_effective(_load(path), repo / "drafts" / "x.md")
    assert text.startswith(f"# file: {repo / 'drafts' / 'x.md'}\n# config: {path}\n")
    assert yaml.safe_load(text) == {
        "checklist": None,
        "fail_on": "error",
        "select": ["NUM"],
        "ignore": [],
        "severity": {"NUM-006": "info"},
        "report_year": 2022,
        "redacted": True,
        "disable_plugins": [],
        "lang": "zh",
        "data": [],
        "vocabulary": {"accept": [], "reject": []},
    }
    lines = text.splitlines()
    assert next(line for line in lines if line.startswith("report_year:")).endswith(
        f"# {path}:5 overrides[0].report_year"
    )
    assert next(line for line in lines if line.startswith("lang:")).endswith("# default")
    assert next(line for line in lines if line.startswith("  NUM-006:")).endswith(
        f"# {path}:8 overrides[1].severity.NUM-006"
    )


def test_render_json(repo: Path) -> None:
    path = _write(repo / YAML_NAME, OVERRIDES)
    payload = json.loads(render_effective(_load(path), repo / "drafts" / "x.md", fmt="json"))
    assert payload["file"] == str(repo / "drafts" / "x.md")
    assert payload["config"] == [str(path)]
    assert payload["settings"]["redacted"] == {"value": True, "source": f"{path}:7 overrides[1].redacted"}
    assert payload["settings"]["lang"] == {"value": "zh", "source": None}
    assert payload["settings"]["severity"]["sources"] == {
        "NUM-006": f"{path}:8 overrides[1].severity.NUM-006"
    }
    assert list(payload["settings"]) == [key for key in TOP_KEYS if key not in ("extends", "overrides")]


def test_render_without_a_config_file() -> None:
    text = render_effective(ProjectConfig())
    assert "# config: none (all defaults)" in text
    assert all(line.endswith("# default") for line in text.splitlines()[2:])


# ---------------------------------------------------------------------------- schema and docs


@pytest.fixture(scope="module")
def schema() -> jsonschema.Draft202012Validator:
    document = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(document)
    return jsonschema.Draft202012Validator(document)


def test_schema_lists_the_same_keys_as_the_loader(schema: jsonschema.Draft202012Validator) -> None:
    assert tuple(schema.schema["properties"]) == TOP_KEYS
    assert tuple(schema.schema["$defs"]["override"]["properties"]) == OVERRIDE_KEYS


def test_schema_accepts_valid_and_rejects_invalid(schema: jsonschema.Draft202012Validator) -> None:
    assert list(schema.iter_errors(yaml.safe_load(FULL))) == []
    assert list(schema.iter_errors(yaml.safe_load(OVERRIDES))) == []
    for bad in ("selct: [NUM]", "fail_on: fatal", "select: NUM", "overrides: [{redacted: true}]", "lang: fr"):
        assert list(schema.iter_errors(yaml.safe_load(bad))) != [], bad


def _doc_examples(language: str) -> list[str]:
    docs = DOCS_PATH.read_text(encoding="utf-8")
    return [block.split("```")[0] for block in docs.split(f"```{language}\n")[1:]]


def test_docs_cover_every_key() -> None:
    docs = DOCS_PATH.read_text(encoding="utf-8")
    for key in TOP_KEYS:
        assert f"### `{key}`" in docs, key


def test_documented_yaml_examples_load_and_fit_the_schema(
    repo: Path, schema: jsonschema.Draft202012Validator
) -> None:
    _write(repo / "rules" / "branch.yaml", "id: branch\n")
    _write(repo / "base.yaml", "")
    _write(repo / "vocab" / "typos.yaml", "typos: []\n")
    _write(repo / "vocab" / "formulations.yaml", "variants: []\n")
    examples = _doc_examples("yaml")
    assert len(examples) >= 5
    for example in examples:
        assert list(schema.iter_errors(yaml.safe_load(example) or {})) == [], example
        _load(_write(repo / YAML_NAME, example), known_checklists=KNOWN_CHECKLISTS)


def test_documented_toml_example_loads(repo: Path) -> None:
    [example] = _doc_examples("toml")
    _load(_write(repo / "pyproject.toml", example))
