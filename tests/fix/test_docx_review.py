"""``check --annotate``: the reviewed copy of a Word report, read back as Word would read it."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from lxml import etree

from tests.fix.wordfiles import EXISTING_COMMENT, W, build_docx, comments, parts, rejected
from validator.api import Validator
from validator.cli import main
from validator.fix.command import finder
from validator.fix.docx import Review, reviewed_copy_path, write_reviewed_copy
from validator.fix.text import apply_edits
from validator.model import FileResult
from validator.readers import read_bytes, read_path

EXAMPLES = sorted((Path(__file__).parent.parent.parent / "examples").glob("*.txt"))
MORE = (
    "中共某某局党组关于2024年度落实全面从严治党主体责任情况的报告\n"
    "2024年，局党组认真落实主体责任。现将有关情况报告如下。\n"
    "一、总体情况\n"
    "(一)、强化理论武装\n"
    "全年开展学习10次,专题研讨3次(含专题会议1次)。。中纪委通报了典型案例。\n"
    "第一、要加强学习。资金1,000万元，8:30开会。\n"
    "二、存在的问题\n"
    "在总结成绩的同时，我们也清醒地看到还存在一些不足。\n"
    "三、下一步打算\n"
    "坚持新时期好干部标准,加强队伍建设。\n"
)


def review(tmp_path: Path, text: str) -> tuple[Path, Path, FileResult, Review]:
    original = tmp_path / "report.docx"
    build_docx(text, original)
    validator = Validator()
    checked = validator.check_path(original)
    target = Path(reviewed_copy_path(str(original)))
    find = finder(validator, read_path(original), unsafe=True)
    return original, target, checked, write_reviewed_copy(checked, str(target), "zh", find=find)


def anchored(document: bytes, comment_id: str) -> str:
    """The original text inside a comment's range: runs kept plus runs deleted, insertions left out."""
    inside, found = False, []
    for element in etree.fromstring(document).iter():
        if (
            element.tag in (W + "commentRangeStart", W + "commentRangeEnd")
            and element.get(W + "id") == comment_id
        ):
            inside = element.tag == W + "commentRangeStart"
        elif (
            inside
            and element.tag in (W + "t", W + "delText")
            and not any(a.tag == W + "ins" for a in element.iterancestors())
        ):
            found.append(element.text or "")
    return "".join(found)


CASES = [pytest.param(p.read_text(encoding="utf-8"), id=p.name) for p in EXAMPLES] + [
    pytest.param(MORE, id="more-fixes")
]


@pytest.mark.parametrize("text", CASES)
def test_reviewed_copy_reads_back_as_original_and_as_fixed(tmp_path: Path, text: str) -> None:
    original, target, _, made = review(tmp_path, text)
    before = original.read_bytes()
    assert target.name == "report.checked.docx" and target.exists()
    docx.Document(str(target))  # python-docx opens it
    source = read_path(original).text
    assert made.text == source
    # all changes accepted (what the reader reads) gives the fixed text
    assert read_path(target).text == apply_edits(source, made.changes)
    # all changes rejected gives exactly the original text
    assert read_bytes(rejected(target), "rejected.docx").text == source
    assert original.read_bytes() == before  # the original is never touched


@pytest.mark.parametrize("text", CASES)
def test_every_finding_has_its_comment_on_its_words(tmp_path: Path, text: str) -> None:
    _, target, checked, made = review(tmp_path, text)
    failed = [(report, r) for report in checked.reports for r in report.results if r.status == "fail"]
    written = comments(target)
    assert len(written) == len(failed) == made.comments
    document = parts(target)["word/document.xml"]
    source = made.text.split("\n")
    texts = list(written.items())
    for (report, result), (comment_id, comment) in zip(failed, texts, strict=True):
        assert comment.startswith(f"{result.id}：{result.message}")
        assert document.count(f'w:id="{comment_id}"'.encode()) >= 3  # range start, range end, reference
        span = result.span
        if result.kind == "rule" and span is not None and span.line == span.end_line:
            line = source[span.line - 1]
            assert anchored(document, comment_id) == line[span.column - 1 : span.end_column - 1]
        if result.kind == "item":  # checklist items are commented on the title
            title = source[report.line - 1]
            assert anchored(document, comment_id) == title


def test_fixes_are_tracked_changes_and_formatting_is_kept(tmp_path: Path) -> None:
    original, target, _, made = review(tmp_path, MORE)
    fixed = read_path(target).text
    assert "（一）强化理论武装" in fixed and "10次，专题研讨" in fixed and "中央纪委通报" in fixed
    assert "1,000万元" in fixed and "8:30开会" in fixed
    assert made.changes
    before, after = parts(original), parts(target)
    for name in before:
        if name not in ("word/document.xml", "word/comments.xml"):
            assert after[name] == before[name], name  # styles, numbering, header, footer … untouched
    assert EXISTING_COMMENT in comments(target, author="审稿人").values()
    document = etree.fromstring(after["word/document.xml"])
    deletions = list(document.iter(W + "del"))
    insertions = list(document.iter(W + "ins"))
    assert deletions and insertions
    assert all(d.get(W + "author") == "report-validator" for d in deletions + insertions)
    # formatting kept: every run of the original keeps its bold, in the copy, around the changed words
    runs = [r for r in document.iter(W + "r") if r.find(f"{W}rPr/{W}b") is not None]
    original_bold = etree.fromstring(before["word/document.xml"]).iter(W + "r")
    assert len(runs) >= sum(1 for r in original_bold if r.find(f"{W}rPr/{W}b") is not None)


def test_document_without_comments_gets_a_comments_part(tmp_path: Path) -> None:
    original = tmp_path / "plain.docx"
    document = docx.Document()
    for line in MORE.rstrip("\n").split("\n"):
        document.add_paragraph(line)
    document.save(str(original))
    assert "word/comments.xml" not in parts(original)
    target = tmp_path / "plain.checked.docx"
    made = write_reviewed_copy(Validator().check_path(original), str(target), "en")
    assert len(comments(target)) == made.comments > 0
    assert b"comments+xml" in parts(target)["[Content_Types].xml"]
    assert docx.Document(str(target)).comments  # python-docx finds the new part through its relationship


def test_cli_annotate_and_annotate_to(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    original = tmp_path / "report.docx"
    build_docx(MORE, original)
    assert main(["check", "--annotate", "--format", "compact", str(original)]) == 1
    assert (tmp_path / "report.checked.docx").exists()
    assert "审阅副本已写入" in capsys.readouterr().err
    chosen = tmp_path / "review.docx"
    main(["check", "--annotate", "--annotate-to", str(chosen), "--", str(original)])
    assert chosen.exists()
    assert main(["check", "--annotate", "--annotate-to", str(original), str(original)]) == 2
    assert "不能覆盖原文件" in capsys.readouterr().err
    assert main(["check", "--annotate", "--stdin"]) == 2


def test_hostile_docx_gets_one_line_and_no_copy(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import zipfile

    original = tmp_path / "evil.docx"
    build_docx(MORE, original)
    members = parts(original)
    members["word/document.xml"] = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>'
        + members["word/document.xml"].split(b"?>", 1)[1]
    )
    with zipfile.ZipFile(original, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    assert main(["check", "--annotate", str(original)]) == 2
    err = capsys.readouterr().err
    assert "DOCTYPE" in err and "Traceback" not in err
    assert not (tmp_path / "evil.checked.docx").exists()


HARD_BODY = """
<w:p><w:r><w:t>加强党的</w:t><w:br/><w:t>政治建设,全年</w:t><w:tab/><w:t>召开会议。。</w:t></w:r></w:p>
<w:p><w:hyperlink><w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t>中纪委通报,典型案例</w:t></w:r></w:hyperlink>
  <w:r><w:t>学习贯彻习总书记重要讲话</w:t></w:r></w:p>
<w:p><w:r><w:t>原有修订</w:t></w:r><w:ins w:id="5" w:author="审核人"><w:r><w:t>新增,内容</w:t></w:r></w:ins>
  <w:del w:id="6" w:author="审核人"><w:r><w:delText>删去,的话</w:delText></w:r></w:del>
  <w:r><w:t>结束。</w:t></w:r></w:p>
<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>
  <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r>
  <w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>页,共计</w:t></w:r></w:p>
"""


def test_numbering_fields_links_and_existing_revisions(tmp_path: Path) -> None:
    """Automatic numbers, soft breaks, tabs, links, fields and another reviewer's changes survive review."""
    from tests.readers.test_docx import GB_LEVELS, REPORT, Para, abstract_xml, build_docx, num_xml

    paragraphs = [Para(text, num=7, ilvl=level - 1) if level else Para(text) for level, _, text in REPORT]
    original = tmp_path / "hard.docx"
    original.write_bytes(
        build_docx(
            paragraphs, abstracts=[abstract_xml(70, GB_LEVELS)], nums=[num_xml(7, 70)], body_xml=HARD_BODY
        )
    )
    validator = Validator()
    checked = validator.check_path(original)
    target = tmp_path / "hard.checked.docx"
    find = finder(validator, read_path(original), unsafe=True)
    made = write_reviewed_copy(checked, str(target), "zh", find=find)
    docx.Document(str(target))
    source = read_path(original).text
    accepted = read_path(target).text
    assert accepted == apply_edits(source, made.changes)
    assert read_bytes(rejected(target, author="report-validator"), "r.docx").text == source
    assert "政治建设，全年 召开会议。" in accepted and "中央纪委通报，典型案例" in accepted
    assert "习近平总书记" in accepted and "页，共计" in accepted
    assert "新增,内容" in accepted  # inside another reviewer's insertion: commented, not rewritten
    failed = sum(1 for report in checked.reports for r in report.results if r.status == "fail")
    assert len(comments(target)) == failed == made.comments
    assert any("未在文中标出" in text for text in comments(target).values())
    document = etree.fromstring(parts(target)["word/document.xml"])
    hyperlink_runs = [
        r
        for link in document.iter(W + "hyperlink")
        for r in link.iter(W + "r")
        if r.find(W + "t") is not None or r.find(W + "delText") is not None
    ]
    assert len(hyperlink_runs) >= 3 and all(
        r.find(f"{W}rPr/{W}u") is not None for r in hyperlink_runs
    )  # the link's underline kept


def test_a_directory_is_reviewed_once_not_copies_of_copies(tmp_path: Path) -> None:
    build_docx(MORE, tmp_path / "report.docx")
    main(["check", "--annotate", str(tmp_path)])
    main(["check", "--annotate", str(tmp_path)])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.checked.docx", "report.docx"]
