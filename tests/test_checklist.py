"""YAML checklists: loading, ``extends``, every validation error (one line: file, line, key), RE2, the schema.

Error cases mark the offending line with ``# <-``; the test checks that the message starts with
``rules/x.yaml:<that line>:`` and names the key.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from validator.checklist import compile_pattern, load_checklist, load_checklist_text
from validator.errors import ConfigError
from validator.model import Checklist, Cues, GenreDetection, RuleSetting, Text
from validator.safe_regex import compile_safe

TESTS_DIR = Path(__file__).parent
FIXTURES = TESTS_DIR / "checklists"
SCHEMA_PATH = TESTS_DIR.parent / "schemas" / "checklist.schema.json"
KNOWN_RULES = frozenset({"SEC-008", "SEC-014", "NUM-006", "TERM-007"})
PATH = "rules/x.yaml"
MARK = "# <-"

MINIMAL = """\
id: minimal
name: {zh: 最小清单}
items:
  - id: political
    label: {zh: 政治建设}
    severity: error
    headings: [政治建设]
"""
CHILD_HEAD = """\
id: child
name: {zh: 子清单}
extends: base-report
"""


@pytest.fixture(scope="module")
def base() -> Checklist:
    return load_checklist(FIXTURES / "base.yaml", known_rules=KNOWN_RULES)


def _load(text: str, **kwargs: Any) -> Checklist:
    kwargs.setdefault("known_rules", KNOWN_RULES)
    return load_checklist_text(textwrap.dedent(text), PATH, **kwargs)


def _marked_line(text: str) -> int:
    return next(number for number, line in enumerate(textwrap.dedent(text).splitlines(), 1) if MARK in line)


def _assert_error(text: str, key: str, *, line: int | None = None, **kwargs: Any) -> ConfigError:
    """Loading ``text`` fails with one line that names PATH, the line and ``key``."""
    line = _marked_line(text) if line is None else line
    with pytest.raises(ConfigError) as info:
        _load(text, **kwargs)
    error = info.value
    message = str(error)
    assert message.startswith(f"{PATH}:{line}: "), message
    assert key in message, message
    assert "\n" not in message
    assert (error.path, error.line) == (PATH, line)
    return error


# ---------------------------------------------------------------------------- valid checklists


def test_base_fixture_maps_to_the_dataclasses(base: Checklist) -> None:
    assert base.id == "base-report"
    assert base.name == Text("测试用主体责任报告清单", "Test checklist for annual reports")
    assert base.path == str(FIXTURES / "base.yaml")
    assert base.origin == "built-in"
    assert [item.id for item in base.items] == [
        "title",
        "political",
        "ideology",
        "problems",
        "next_steps",
        "order",
    ]
    political = base.item("political")
    assert political is not None
    assert political.severity == "error"
    assert political.code == "SEC-004"
    assert political.source == "《规定》第二章"
    assert political.description == Text("报告应写明政治建设情况", "The report covers political building")
    assert political.cues == Cues(
        scope="paragraph",
        headings=("政治建设", "政治统领"),
        heading_patterns=("政治(建设|引领)",),
        paragraphs=("两个确立", "两个维护"),
        min_evidence=2,
    )
    assert political.message_pass == Text("已写明政治建设", "Political building is covered")
    assert political.message_fail == Text("未写明政治建设", "Political building is missing")
    assert base.item("title") is not None and base.item("title").cues.scope == "title"  # type: ignore[union-attr]
    assert base.item("problems").after == ("political",)  # type: ignore[union-attr]
    assert base.item("order").order == ("problems", "next_steps")  # type: ignore[union-attr]
    assert base.detection == GenreDetection(("主体责任.*报告$",), ("全面从严治党",))


def test_rules_map_to_rule_settings(base: Checklist) -> None:
    assert base.rules == (
        RuleSetting("SEC-008", True, "warning", (("min_chars", 100), ("vague", ("还有差距", "有待加强")))),
        RuleSetting("SEC-014", False),
        RuleSetting("NUM-006", True),
    )
    hash(base)  # frozen all the way down: options are tuples, not lists


def test_defaults_of_a_minimal_checklist() -> None:
    checklist = _load(MINIMAL, origin="my-plugin 1.0")
    item = checklist.items[0]
    assert (item.description, item.source, item.code, item.after, item.order) == (Text(""), "", "", (), ())
    assert item.cues == Cues(headings=("政治建设",))
    assert (item.message_pass, item.message_fail) == (Text(""), Text(""))
    assert (checklist.detection, checklist.rules) == (GenreDetection(), ())
    assert (checklist.path, checklist.origin) == (PATH, "my-plugin 1.0")


def test_extends_drops_regrades_overrides_and_appends(base: Checklist) -> None:
    child = load_checklist(
        str(FIXTURES / "child.yaml"),
        known_rules=KNOWN_RULES,
        resolve={"base-report": base}.__getitem__,
        origin="t",
    )
    assert (child.id, child.origin, child.path) == ("child-report", "t", str(FIXTURES / "child.yaml"))
    # the parent's order, "ideology" dropped, the new item last
    assert [item.id for item in child.items] == [
        "title",
        "political",
        "problems",
        "next_steps",
        "order",
        "discipline",
    ]
    political, parent_political = child.item("political"), base.item("political")
    assert political is not None and parent_political is not None
    assert political.severity == "warning"  # re-graded
    assert political.cues.paragraphs == ("两个确立", "两个维护", "政治判断力")  # replaced
    assert political.cues.headings == parent_political.cues.headings  # kept
    assert political.cues.min_evidence == 2  # kept
    assert political.message_fail == Text("缺少政治建设")  # replaced
    assert political.message_pass == parent_political.message_pass  # kept
    assert political.label == parent_political.label
    assert child.item("problems") == base.item("problems")
    discipline = child.item("discipline")
    assert discipline is not None and discipline.severity == "info" and discipline.cues.scope == "heading"
    assert child.detection == base.detection


def test_extends_merges_rule_settings_per_code(base: Checklist) -> None:
    resolve = {"base-report": base}.__getitem__
    child = load_checklist(FIXTURES / "child.yaml", known_rules=KNOWN_RULES, resolve=resolve)
    settings = {setting.code: setting for setting in child.rules}
    assert [setting.code for setting in child.rules] == ["SEC-008", "SEC-014", "NUM-006", "TERM-007"]
    # only the given keys change: severity stays, options merge by name
    assert settings["SEC-008"] == RuleSetting(
        "SEC-008", True, "warning", (("min_chars", 200), ("vague", ("还有差距", "有待加强")))
    )
    assert settings["SEC-014"] == RuleSetting("SEC-014", True)
    assert settings["TERM-007"] == RuleSetting("TERM-007", False)


def test_extends_may_replace_detection_and_needs_no_items(base: Checklist) -> None:
    child = _load(
        CHILD_HEAD + "detect:\n  title: ['述责述廉']\n",
        resolve={"base-report": base}.__getitem__,
    )
    assert child.detection == GenreDetection(("述责述廉",), base.detection.text_patterns)
    assert child.items == base.items


def test_rule_setting_forms() -> None:
    rules = "rules:\n  SEC-008: {enabled: false}\n  SEC-014: {}\n"
    rules += "  NUM-006: {options: {ratio: 0.5, strict: yes}}\n"
    checklist = _load(MINIMAL + rules)
    assert checklist.rules == (
        RuleSetting("SEC-008", False),
        RuleSetting("SEC-014", True),
        RuleSetting("NUM-006", True, None, (("ratio", 0.5), ("strict", True))),
    )


def test_load_checklist_reads_utf8_with_bom(tmp_path: Path) -> None:
    target = tmp_path / "bom.yaml"
    target.write_bytes(b"\xef\xbb\xbf" + MINIMAL.encode())
    assert load_checklist(target, known_rules=()).id == "minimal"


# ------------------------------------------------------------------------ errors: one line, file:line, key


def test_bad_yaml_syntax_points_at_the_problem() -> None:
    error = _assert_error(
        """\
        id: minimal
        name: {zh: 最小清单}
        items:
          - id: political
            label: 政治建设: 错  # <-
        """,
        "YAML",
    )
    assert "mapping values are not allowed here" in str(error)


def test_unclosed_flow_sequence() -> None:
    _assert_error("id: x\nname: {zh: x}\nitems: [\n", "YAML", line=4)


def test_unknown_item_key_names_the_item_and_suggests() -> None:
    error = _assert_error(
        """\
        id: minimal
        name: {zh: 最小清单}
        items:
          - id: political
            label: {zh: 政治建设}
            severty: error  # <-
            headings: [政治建设]
        """,
        '"severty"',
    )
    assert "（检查项 political）" in str(error)
    assert '是否想写 "severity"' in str(error)
    assert error.key == "items[political].severty"


def test_unknown_top_level_key() -> None:
    _assert_error(MINIMAL + "itmes: []  # <-\n", '"itmes"')


@pytest.mark.parametrize(
    ("line_text", "key"),
    [
        ('min_evidence: "two"', '"min_evidence" 应为整数，实际是字符串'),
        ("min_evidence: 0", '"min_evidence" 应为不小于 1 的整数'),
        ("min_evidence: true", '"min_evidence" 应为整数，实际是布尔值'),
        ("headings: 政治", '"headings" 应为列表，实际是字符串'),
        ("paragraphs:", '"paragraphs" 应为列表，实际是空值'),
        ("severity: fatal", '"severity" 的值 "fatal" 无效'),
        ("scope: section", '"scope" 的值 "section" 无效'),
        ("code: sec-4", '"code" 的值 "sec-4" 无效'),
        ("source: 2024-01-01", '"source" 应为字符串，实际是日期'),
        ("source: !custom x", '"source" 应为字符串，实际是标签 !custom'),
        ("label: 政治建设", '"label" 应为映射，实际是字符串'),
        ("label: {en: Political}", '"label" 缺少必需的键 "zh"'),
        ("label: {zh: 政治, fr: Politique}", '"fr"'),
        ("label: {zh: ''}", '"label.zh" 不能为空'),
        ("description: {zh: 说明, en: 3}", '"description.en" 应为字符串，实际是整数'),
        ("message: {pass: {zh: 好}, failed: {zh: 坏}}", '"failed"'),
        ("after: political", '"after" 应为列表'),
        ("after: [Political]", '"after" 中的检查项 id "Political" 无效'),
        ("heading_patterns: ['[']", '"heading_patterns" 中的正则表达式 "[" 无效'),
        ("paragraph_patterns: ['(a)\\1']", "反向引用"),
        ("paragraph_patterns: ['(?<!不)存在']", "环视"),
        ("paragraph_patterns: ['(?=问题)']", "环视"),
        ("paragraph_patterns: ['\\C']", "\\C"),
        ("paragraph_patterns: ['问题|']", "能匹配空字符串"),
        ("paragraphs: [问题, 问题]", '"paragraphs" 中重复的 "问题"'),
        ("paragraphs: [问题, 3]", '"paragraphs[1]" 应为字符串，实际是整数'),
        ("drop: false", '"drop" 只能是 true'),
    ],
)
def test_wrong_item_value(line_text: str, key: str) -> None:
    text = MINIMAL + f"    {line_text}  {MARK}\n"
    if line_text.startswith(("label", "severity", "headings")):  # replace the key instead of repeating it
        name = line_text.split(":")[0]
        kept = [line for line in MINIMAL.splitlines() if not line.strip().startswith(name + ":")]
        text = "\n".join(kept) + f"\n    {line_text}  {MARK}\n    paragraphs: [两个维护]\n"
    error = _assert_error(text, key)
    assert "（检查项 political）" in str(error)


def test_pathological_regex_is_accepted_and_fast() -> None:
    checklist = _load(MINIMAL + "    paragraph_patterns: ['(a+)+$']\n")
    assert checklist.items[0].cues.paragraph_patterns == ("(a+)+$",)
    pattern = compile_pattern("(a+)+$")
    assert pattern.search("a" * 50000 + "!") is None  # a backtracking engine would not return
    match = pattern.search("b" + "a" * 50000)
    assert match is not None and (match.start(), match.end()) == (1, 50001)


def test_unknown_rule_code_suggests_a_known_one() -> None:
    error = _assert_error(MINIMAL + "rules:\n  SEC-080: true  # <-\n", '"SEC-080"')
    assert "未知的规则代码" in str(error) and '"SEC-008"' in str(error)
    assert error.key == "rules.SEC-080"


@pytest.mark.parametrize(
    ("rules", "key"),
    [
        ("  SEC-008: on-ish  # <-", '"rules.SEC-008" 应为true、false 或映射'),
        ("  SEC-008:  # <-", '"rules.SEC-008" 应为true、false 或映射'),
        ("  SEC-008: {severty: warning}  # <-", '"severty"'),
        ("  SEC-008: {severity: fatal}  # <-", '"rules.SEC-008.severity" 的值 "fatal" 无效'),
        ("  SEC-008: {enabled: 1}  # <-", '"rules.SEC-008.enabled" 应为布尔值'),
        ("  SEC-008: {options: {nested: {a: 1}}}  # <-", '"rules.SEC-008.options.nested"'),
        ("  SEC-008: {options: {empty: null}}  # <-", '"rules.SEC-008.options.empty"'),
        ("  SEC-008: {options: [1, 2]}  # <-", '"rules.SEC-008.options" 应为映射'),
    ],
)
def test_wrong_rule_setting(rules: str, key: str) -> None:
    _assert_error(MINIMAL + "rules:\n" + rules + "\n", key)


def test_yaml_booleans_and_numbers_where_text_was_meant() -> None:
    error = _assert_error(
        MINIMAL + f"    paragraphs: [两个维护, yes]  {MARK}\n", '"paragraphs[1]" 应为字符串，实际是布尔值'
    )
    assert "要写成文字请加引号：'yes'" in str(error)
    error = _assert_error(
        MINIMAL + f"rules:\n  SEC-008: {{options: {{on: 1}}}}  {MARK}\n", "键应为字符串，实际是布尔值"
    )
    assert "'on'" in str(error)


def test_rules_must_be_a_mapping() -> None:
    _assert_error(MINIMAL + "rules: [SEC-008]  # <-\n", '"rules" 应为映射，实际是列表')


@pytest.mark.parametrize(
    ("detect", "key"),
    [
        ("detect: {title: ['(?=x)报告']}  # <-", '"detect.title"'),
        ("detect: {body: ['报告']}  # <-", '"body"'),
        ("detect: {text: 报告}  # <-", '"detect.text" 应为列表'),
    ],
)
def test_wrong_detection(detect: str, key: str) -> None:
    _assert_error(MINIMAL + detect + "\n", key)


@pytest.mark.parametrize("key", ["after", "order"])
def test_unknown_item_id_in_after_and_order(key: str) -> None:
    text = f"""\
        id: minimal
        name: {{zh: 最小清单}}
        items:
          - id: problems
            label: {{zh: 问题}}
            severity: error
            headings: [存在的问题]
          - id: next_steps
            label: {{zh: 措施}}
            severity: error
            headings: [下一步]
            {key}:
              - problems
              - problem_list  # <-
        """
    error = _assert_error(text, f'"{key}" 中的检查项 "problem_list" 不存在')
    assert '是否想写 "problems"' in str(error)


def test_after_may_not_name_its_own_item() -> None:
    _assert_error(MINIMAL + f"    after: [political]  {MARK}\n", '"after" 中引用自己')


def test_order_needs_two_items() -> None:
    _assert_error(MINIMAL + f"    order: [political]  {MARK}\n", '"order" 至少要列出两个检查项')


def test_after_cycle() -> None:
    text = """\
        id: minimal
        name: {zh: 最小清单}
        items:
          - id: problems
            label: {zh: 问题}
            severity: error
            headings: [存在的问题]
            after: [next_steps]  # <-
          - id: next_steps
            label: {zh: 措施}
            severity: error
            headings: [下一步]
            after: [problems]
        """
    error = _assert_error(text, "after 形成循环")
    assert "problems → next_steps → problems" in str(error)


def test_duplicate_item_id() -> None:
    error = _assert_error(MINIMAL + f"  - id: political  {MARK}\n    label: {{zh: 又一个}}\n", '"political"')
    assert "重复的检查项 id" in str(error) and "第 4 行已定义" in str(error)


def test_duplicate_key() -> None:
    error = _assert_error(MINIMAL + f"id: again  {MARK}\n", '重复的键 "id"')
    assert "第 1 行已有" in str(error)


def test_empty_file() -> None:
    _assert_error("", "空", line=1)
    _assert_error("# 只有注释\n\n", "空", line=1)


@pytest.mark.parametrize(("text", "kind"), [("- id: x\n", "列表"), ("annual-report\n", "字符串")])
def test_top_level_must_be_a_mapping(text: str, kind: str) -> None:
    _assert_error(text, f"清单的顶层应为映射（键: 值），实际是{kind}", line=1)


def test_several_yaml_documents() -> None:
    _assert_error(MINIMAL + "---  # <-\nid: other\n", "YAML")


def test_control_character() -> None:
    _assert_error(MINIMAL + "    source: a\x07b\n", "U+0007", line=8)


def test_merge_key_is_refused() -> None:
    _assert_error(MINIMAL + "    <<: {code: SEC-004}  # <-\n", "<<")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("name: {zh: x}\nitems: []\n", '缺少必需的键 "id"'),
        ("id: x\nitems: []\n", '缺少必需的键 "name"'),
        ("id: x\nname: {zh: x}\n", '缺少必需的键 "items"'),
    ],
)
def test_missing_top_level_key(text: str, key: str) -> None:
    _assert_error(text, key, line=1)


def test_items_must_not_be_empty_without_extends() -> None:
    _assert_error("id: x\nname: {zh: x}\nitems: []  # <-\n", "清单没有任何检查项")


def test_checklist_id_must_be_lower_case_words() -> None:
    _assert_error("id: Annual Report  # <-\nname: {zh: x}\nitems: []\n", '"id" 的值 "Annual Report" 无效')


def test_item_needs_an_id_and_a_valid_one() -> None:
    error = _assert_error("id: x\nname: {zh: x}\nitems:\n  - label: {zh: 无 id}  # <-\n", '缺少必需的键 "id"')
    assert "（第 1 个检查项）" in str(error)
    _assert_error("id: x\nname: {zh: x}\nitems:\n  - id: 政治  # <-\n", '检查项 id "政治" 无效')


def test_item_must_be_a_mapping() -> None:
    error = _assert_error(
        "id: x\nname: {zh: x}\nitems:\n  - political  # <-\n", '"items[0]" 应为映射，实际是字符串'
    )
    assert "（第 1 个检查项）" in str(error)


def test_items_must_be_a_list() -> None:
    _assert_error("id: x\nname: {zh: x}\nitems: {political: {}}  # <-\n", '"items" 应为列表，实际是映射')


def test_new_item_needs_label_and_severity() -> None:
    _assert_error("id: x\nname: {zh: x}\nitems:\n  - id: political  # <-\n    headings: [政治]\n", '"label"')
    no_severity = (
        "id: x\nname: {zh: x}\nitems:\n  - id: political  # <-\n    label: {zh: 政治}\n    headings: [政治]\n"
    )
    _assert_error(no_severity, '"severity"')


def test_item_without_cues_could_never_pass() -> None:
    _assert_error(
        "id: x\nname: {zh: x}\nitems:\n  - id: political  # <-\n    label: {zh: 政治}\n    severity: error\n",
        "线索",
    )


@pytest.mark.parametrize(
    ("scope", "cue", "key"),
    [
        ("heading", "paragraphs: [两个维护]", '"scope" 为 heading 时只查小标题，"paragraphs" 不会被使用'),
        ("document", "headings: [政治建设]", '"scope" 为 document 时只按段落线索查找，"headings" 不会被使用'),
        ("title", "heading_patterns: ['政治']", '"heading_patterns" 不会被使用'),
    ],
)
def test_cues_the_scope_never_reads(scope: str, cue: str, key: str) -> None:
    text = "id: x\nname: {zh: x}\nitems:\n  - id: political\n    label: {zh: 政治}\n    severity: error\n"
    text += f"    scope: {scope}\n    paragraph_patterns: ['两个维护']\n    {cue}  {MARK}\n"
    _assert_error(text, key)


def test_order_item_reads_no_cues_and_is_no_evidence() -> None:
    order_item = (
        "  - id: order\n    label: {zh: 顺序}\n    severity: info\n    order: [political, ideology]\n"
    )
    ideology = "  - id: ideology\n    label: {zh: 意识形态}\n    severity: info\n    paragraphs: [意识形态]\n"
    _assert_error(
        MINIMAL + ideology + order_item + f"    headings: [顺序]  {MARK}\n", '"headings" 不会被使用'
    )
    _assert_error(MINIMAL + f"    after: [order]  {MARK}\n" + ideology + order_item, '"order" 是顺序检查项')


def test_min_evidence_beyond_the_paragraph_cues() -> None:
    _assert_error(
        MINIMAL + f"    paragraphs: [两个确立]\n    min_evidence: 2  {MARK}\n", '"min_evidence" 为 2'
    )


# ---------------------------------------------------------------------------- errors of extends


def test_extends_an_unknown_checklist(base: Checklist) -> None:
    error = _assert_error(
        "id: child\nname: {zh: x}\nextends: base-reprot  # <-\n",
        '"base-reprot" 不存在',
        resolve={}.__getitem__,
    )
    assert error.key == "extends"


def test_resolver_answering_none_means_unknown() -> None:
    def resolve(checklist_id: str) -> Any:
        return None

    _assert_error(
        "id: child\nname: {zh: x}\nextends: base-report  # <-\n", '"base-report" 不存在', resolve=resolve
    )


def test_resolver_failing_to_read_a_file() -> None:
    def resolve(checklist_id: str) -> Checklist:
        raise FileNotFoundError(2, "No such file or directory", "base-report.yaml")

    _assert_error(
        "id: child\nname: {zh: x}\nextends: base-report  # <-\n", "无法加载 extends 的清单", resolve=resolve
    )


def test_extends_without_a_resolver() -> None:
    _assert_error("id: child\nname: {zh: x}\nextends: base-report  # <-\n", "extends")


def test_extends_itself() -> None:
    def never(checklist_id: str) -> Checklist:
        raise AssertionError("a self-extending checklist must fail before resolving")

    error = _assert_error(
        "id: child\nname: {zh: x}\nextends: child  # <-\n", "extends 形成循环", resolve=never
    )
    assert "child → child" in str(error)


def test_extends_cycle_through_the_resolver() -> None:
    """a extends b extends a: the error names b's line (where the cycle closes) and the chain."""
    texts = {
        "a": "id: a\nname: {zh: a}\nextends: b\n",
        "b": "id: b\nname: {zh: b}\nextends: a  # <-\n",
    }

    def resolve(checklist_id: str) -> Checklist:
        return _load(texts[checklist_id], resolve=resolve)

    error = _assert_error(
        texts["b"], "extends 形成循环", line=3, resolve=lambda _id: _load(texts["a"], resolve=resolve)
    )
    assert "b → a → b" in str(error)
    with pytest.raises(ConfigError, match=r"a → b → a"):
        _load(texts["a"], resolve=resolve)


def test_broken_parent_error_passes_through() -> None:
    def resolve(checklist_id: str) -> Checklist:
        return load_checklist_text("id: [\n", "rules/parent.yaml", known_rules=KNOWN_RULES)

    with pytest.raises(ConfigError) as info:
        _load(CHILD_HEAD, resolve=resolve)
    assert str(info.value).startswith("rules/parent.yaml:")


def _child_error(base: Checklist, items: str, key: str) -> ConfigError:
    resolve = {"base-report": base}.__getitem__
    return _assert_error(CHILD_HEAD + "items:\n" + textwrap.dedent(items), key, resolve=resolve)


def test_drop_of_an_item_the_parent_lacks(base: Checklist) -> None:
    _child_error(base, "  - id: theory\n    drop: true  # <-\n", '无法删除检查项 "theory"')


def test_drop_without_extends() -> None:
    _assert_error(MINIMAL + "  - id: other\n    drop: true  # <-\n", "只有 extends 其他清单时才能删除检查项")


def test_drop_with_other_keys(base: Checklist) -> None:
    _child_error(base, "  - id: ideology\n    drop: true\n    severity: info  # <-\n", '"severity"')


def test_drop_of_an_item_an_inherited_item_needs(base: Checklist) -> None:
    error = _child_error(base, "  - id: political\n    drop: true  # <-\n", '"after"')
    assert '删除的检查项仍被检查项 "problems"' in str(error)


def test_new_item_in_child_suggests_the_inherited_id(base: Checklist) -> None:
    error = _child_error(base, "  - id: politcal  # <-\n    severity: info\n", '"label"')
    assert '是否想写 "political"' in str(error)


def test_override_that_leaves_too_few_cues(base: Checklist) -> None:
    _child_error(base, "  - id: political  # <-\n    paragraphs: [两个确立]\n", '"min_evidence" 为 2')


# ---------------------------------------------------------------------------- files


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="无法读取清单文件") as info:
        load_checklist(tmp_path / "nope.yaml", known_rules=KNOWN_RULES)
    assert str(info.value).startswith(str(tmp_path / "nope.yaml") + ": ")


def test_file_not_utf8(tmp_path: Path) -> None:
    target = tmp_path / "gbk.yaml"
    target.write_bytes("id: x\nname: {zh: 清单}\n".encode("gb18030"))
    with pytest.raises(ConfigError, match="UTF-8") as info:
        load_checklist(target, known_rules=KNOWN_RULES)
    assert str(info.value).startswith(f"{target}:2: ")


def test_error_in_a_file_names_the_file(tmp_path: Path) -> None:
    target = tmp_path / "typo.yaml"
    target.write_text(MINIMAL + "    severty: error\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_checklist(target, known_rules=KNOWN_RULES)
    assert str(info.value).startswith(f'{target}:8: 未知的键 "severty"（检查项 political）')


# ---------------------------------------------------------------------------- robustness


def _leaves(value: Any, trail: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path into a loaded YAML document, containers included."""
    paths = [trail]
    if isinstance(value, dict):
        for key, child in value.items():
            paths += _leaves(child, (*trail, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            paths += _leaves(child, (*trail, index))
    return paths


_BASE_DOC = yaml.safe_load((FIXTURES / "base.yaml").read_text(encoding="utf-8"))
_ANY_VALUE = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-3, 3)
    | st.text(max_size=4)
    | st.sampled_from(["(", "error", "[a]"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3),
    max_leaves=6,
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_leaves(_BASE_DOC)[1:]), _ANY_VALUE)
def test_any_mutation_loads_or_fails_in_one_line(trail: tuple[Any, ...], value: Any) -> None:
    """Whatever a user puts anywhere, the loader answers with a Checklist or a one-line ConfigError."""
    document = json.loads(json.dumps(_BASE_DOC))
    target = document
    for step in trail[:-1]:
        target = target[step]
    target[trail[-1]] = value
    try:
        load_checklist_text(yaml.safe_dump(document, allow_unicode=True), PATH, known_rules=KNOWN_RULES)
    except ConfigError as error:
        assert str(error).startswith(f"{PATH}:") and "\n" not in str(error)
        assert error.line is not None and error.line >= 1


@settings(max_examples=300)
@given(st.text(alphabet="id:nam{}[]-,'\"\n #&*!|>\t\x00政a1", max_size=60))
def test_any_text_loads_or_fails_in_one_line(text: str) -> None:
    try:
        load_checklist_text(text, PATH, known_rules=KNOWN_RULES)
    except ConfigError as error:
        assert str(error).startswith(f"{PATH}:") and "\n" not in str(error)


# ---------------------------------------------------------------------------- RE2


def test_compile_safe_caches_and_compile_pattern_shares_the_cache() -> None:
    assert compile_safe("政治(建设|引领)") is compile_safe("政治(建设|引领)")
    assert compile_pattern("政治(建设|引领)") is compile_safe("政治(建设|引领)")


def test_match_offsets_are_characters() -> None:
    match = compile_safe("政治(建设|引领)").search("一、加强党的政治建设")
    assert match is not None
    assert (match.start(), match.end(), match.group(0)) == (6, 10, "政治建设")


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        ("(a)\\1", "反向引用"),
        ("(?=a)", "环视"),
        ("(?<=a)b", "环视"),
        ("a\\Z", "\\z"),
        ("[", "缺少 ]"),
        ("a{1001}", "重复次数"),
        ("\\C", "\\C"),
        ("a**", "重复运算符"),
    ],
)
def test_compile_safe_rejects_with_a_reason(
    pattern: str, reason: str, capfd: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(ValueError) as info:
        compile_safe(pattern)
    assert reason in str(info.value)
    assert capfd.readouterr().err == ""  # log_errors is off: RE2 prints nothing itself


def test_re2_is_imported_only_when_a_pattern_is_compiled() -> None:
    code = "import sys, validator.checklist; assert 're2' not in sys.modules, 'eager import'"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=TESTS_DIR.parent)


def test_byte_escape_inside_a_literal_is_fine() -> None:
    assert compile_safe("\\Q\\C\\E").search("a\\Cb") is not None


# ---------------------------------------------------------------------------- JSON Schema


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("name", ["base.yaml", "child.yaml"])
def test_fixtures_validate_against_the_schema(validator: jsonschema.Draft202012Validator, name: str) -> None:
    document = yaml.safe_load((FIXTURES / name).read_text(encoding="utf-8"))
    assert list(validator.iter_errors(document)) == []


def test_fixtures_point_editors_at_the_schema() -> None:
    for name in ("base.yaml", "child.yaml"):
        first = (FIXTURES / name).read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../../schemas/checklist.schema.json"
        assert (FIXTURES / "../../schemas/checklist.schema.json").resolve() == SCHEMA_PATH.resolve()


@pytest.mark.parametrize(
    "text",
    [
        MINIMAL + "    severty: error\n",
        MINIMAL + "itmes: []\n",
        MINIMAL + '    min_evidence: "two"\n',
        MINIMAL + "    min_evidence: 0\n",
        MINIMAL + "    scope: section\n",
        MINIMAL + "    code: sec-4\n",
        MINIMAL.replace("headings: [政治建设]", "headings: 政治建设"),
        MINIMAL.replace("severity: error", "severity: fatal"),
        MINIMAL.replace("{zh: 政治建设}", "{en: Political}"),
        MINIMAL + "rules:\n  SEC-008: {severty: warning}\n",
        MINIMAL + "  - id: other\n    drop: true\n",  # drop without extends
        "id: x\nname: {zh: x}\n",  # no items, no extends
        "id: x\nname: {zh: x}\nitems: []\n",
        "id: x\nname: {zh: x}\nitems:\n  - id: political\n    headings: [政治]\n",  # new item without label
        CHILD_HEAD + "items:\n  - id: ideology\n    drop: true\n    severity: info\n",
        "id: Annual\nname: {zh: x}\nextends: base\n",
    ],
)
def test_invalid_checklists_fail_the_schema_too(
    validator: jsonschema.Draft202012Validator, text: str
) -> None:
    assert list(validator.iter_errors(yaml.safe_load(text))) != []


def test_documented_examples_are_valid(validator: jsonschema.Draft202012Validator) -> None:
    """The examples of docs/checklists.md load (the standalone one) and fit the schema (all)."""
    docs = (TESTS_DIR.parent / "docs" / "checklists.md").read_text(encoding="utf-8")
    examples = [block.split("```")[0] for block in docs.split("```yaml\n")[1:]]
    checklists = [yaml.safe_load(example) for example in examples if "\nid: " in example]
    assert [c["id"] for c in checklists] == ["branch-report", "university-report"]
    for checklist in checklists:
        assert list(validator.iter_errors(checklist)) == []
    standalone = next(example for example in examples if "id: branch-report" in example)
    assert len(load_checklist_text(standalone, "docs.yaml", known_rules={"SEC-008"}).items) == 4


def test_schema_lists_the_same_keys_as_the_loader(validator: jsonschema.Draft202012Validator) -> None:
    from validator.checklist import loader as checklist

    schema = validator.schema
    assert tuple(schema["properties"]) == checklist.TOP_KEYS
    assert tuple(schema["$defs"]["item"]["properties"]) == checklist.ITEM_KEYS
    assert tuple(schema["$defs"]["item"]["properties"]["scope"]["enum"]) == checklist.SCOPES
    assert tuple(schema["$defs"]["severity"]["enum"]) == checklist.SEVERITIES
