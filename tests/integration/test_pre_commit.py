"""The hook of ``.pre-commit-hooks.yaml`` under the real pre-commit framework, in real git commits.

pre-commit installs a hook repository from git at a pinned ``rev``, so the tests snapshot this
checkout's working tree (uncommitted edits included, ignored files left out) into a throwaway
git repository and point a document repository's ``.pre-commit-config.yaml`` at that snapshot's
HEAD. pre-commit then builds its own virtualenv with ``pip install .`` from the snapshot (pip
fetches the runtime dependencies from the package index), and ``git commit`` runs the hook:
a report without its 存在的问题 part is refused, the clean example report goes through.

The snapshot and the hook's virtualenv are made once per module and shared by the tests; each
test has its own document repository. Nothing leaks out of the temporary directory:
``PRE_COMMIT_HOME`` holds pre-commit's clones and virtualenvs, ``XDG_CACHE_HOME`` the caches of
pip and of the tool, and git reads a global configuration of our own instead of the user's.
"""

from __future__ import annotations

import html
import importlib.util
import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

REPO_ROOT = Path(__file__).resolve().parents[2]
CLEAN_REPORT = REPO_ROOT / "examples" / "clean-report.txt"
HOOK_ID = "report-validator"
INSTALL_TIMEOUT = 600  # seconds: a cold pip install of the hook and its dependencies
COMMIT_TIMEOUT = 120

# Our own short report: every part of an annual report except 存在的问题, an error-level item.
DEFECTIVE_REPORT = """\
中共青山县统计局党组关于2024年度落实全面从严治党主体责任情况的报告
2024年，县统计局党组坚持以习近平新时代中国特色社会主义思想为指导，认真落实县委关于全面从严治党的部署要求。现将有关情况报告如下。
一、履行全面从严治党主体责任的主要做法
（一）加强党的政治建设。党组严格执行重大事项请示报告制度，坚定拥护“两个确立”、坚决做到“两个维护”。
（二）深化理论武装。落实党组理论学习中心组学习制度，全年开展集体学习10次，落实意识形态工作责任制。
（三）建强组织体系。规范党支部建设，严格落实“三会一课”制度，加强干部队伍建设。
（四）持续改进作风。严格落实中央八项规定精神，整治形式主义、官僚主义。
（五）严明纪律规矩。开展警示教育，一体推进不敢腐、不能腐、不想腐，营造廉洁文化氛围。
（六）压实主体责任。党组书记履行第一责任人职责，班子成员落实“一岗双责”。
二、下一步工作打算
一是持续强化理论武装。二是推动党建与统计业务深度融合。三是加强日常监督。
特此报告。
"""

# What a document repository writes, with `repo:` a local path: pre-commit clones it like a URL.
CONFIG = """\
repos:
  - repo: {repo}
    rev: {rev}
    hooks:
      - id: {hook}
"""

# Has a report's suffix but is not a report: the manifest's `exclude` must keep it from the tool.
README = "# 报告库\n\n本仓库存放各党组织的年度报告。\n"

# Ignored files and tool caches that a snapshot must not carry when git cannot list the files.
_NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".tox", ".venv", "venv", ".ci-venv", "__pycache__", "*.pyc",
    ".pytest_cache", ".mypy_cache", ".ruff_cache", ".hypothesis", "build", "dist", "*.egg-info",
)  # fmt: skip

_IDENTITY = ("-c", "user.name=Snapshot", "-c", "user.email=snapshot@example.invalid")

# The smallest .docx Word accepts: content types, the package relationship, the document part.
_DOCX_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="word/document.xml" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/officeDocument"/></Relationships>'
    ),
}
_DOCX_BODY = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body>{paragraphs}</w:body></w:document>"
)


@dataclass(frozen=True)
class HookRepo:
    """A committed snapshot of this checkout, and the environment every command runs in."""

    path: Path
    rev: str
    env: Mapping[str, str]


def _missing_tools() -> str | None:
    """Why the tests cannot run here, or None."""
    if shutil.which("git") is None:
        return "git is not on PATH"
    if importlib.util.find_spec("pre_commit") is None:
        return "pre-commit is not importable (pip install pre-commit, or run `tox -e integration`)"
    return None


def isolated_env(base: Path) -> dict[str, str]:
    """The environment for every git and pre-commit call: isolated from the user's settings.

    Variables that would steer git or pre-commit elsewhere (``GIT_DIR`` when the tests run
    inside a git hook, ``SKIP`` naming hooks to skip, the user's ``PRE_COMMIT_HOME``) are dropped.
    """
    git_config = base / "gitconfig"  # stands in for ~/.gitconfig; shows Chinese paths unquoted
    git_config.write_text("[core]\n\tquotepath = false\n", encoding="utf-8")
    kept = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("GIT_", "PRE_COMMIT")) and key != "SKIP"
    }
    return {
        **kept,
        "PRE_COMMIT_HOME": str(base / "pre-commit-home"),
        # pip's cache (unless PIP_CACHE_DIR says otherwise), the tool's parser cache, virtualenv's seeds
        "XDG_CACHE_HOME": str(base / "cache"),
        "VIRTUALENV_OVERRIDE_APP_DATA": str(base / "virtualenv-app-data"),
        "PRE_COMMIT_COLOR": "never",
        "GIT_CONFIG_GLOBAL": str(git_config),
        "GIT_CONFIG_NOSYSTEM": "1",
    }


def run(
    args: list[str], cwd: Path, env: Mapping[str, str], timeout: int = COMMIT_TIMEOUT
) -> subprocess.CompletedProcess[str]:
    """Run a command and capture its output as text (stderr folded into stdout)."""
    return subprocess.run(
        args,
        cwd=cwd,
        env=dict(env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
        check=False,
    )


def git(repo: Path, env: Mapping[str, str], *args: str) -> str:
    """Run git in ``repo``; fail the test, showing git's output, when it fails."""
    done = run(["git", *args], repo, env)
    assert done.returncode == 0, f"git {' '.join(args)} failed:\n{done.stdout}"
    return done.stdout.strip()


def pre_commit(repo: Path, env: Mapping[str, str], *args: str, timeout: int = COMMIT_TIMEOUT) -> str:
    """Run the pre-commit that is installed beside this Python; fail the test when it fails."""
    done = run([sys.executable, "-m", "pre_commit", *args], repo, env, timeout)
    assert done.returncode == 0, f"pre-commit {' '.join(args)} failed:\n{done.stdout}"
    return done.stdout


def _source_files(root: Path, env: Mapping[str, str]) -> list[str] | None:
    """The checkout's files as git sees them (tracked or new, not ignored), or None without git."""
    done = run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], root, env)
    if done.returncode != 0:
        return None
    return [name for name in done.stdout.split("\0") if name and (root / name).is_file()]


def snapshot_checkout(dest: Path, env: Mapping[str, str]) -> str:
    """Copy this checkout's working tree to ``dest``, commit it there, and return the commit sha."""
    names = _source_files(REPO_ROOT, env)
    if names is None:  # an unpacked sdist: no git metadata, so copy all but caches
        shutil.copytree(REPO_ROOT, dest, ignore=_NOT_SOURCE)
    else:
        for name in names:
            target = dest / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO_ROOT / name, target)
    assert (dest / ".pre-commit-hooks.yaml").is_file()
    git(dest, env, "init", "--quiet")
    git(dest, env, "add", "--all")
    git(dest, env, *_IDENTITY, "commit", "--quiet", "--no-verify", "-m", "snapshot of the working tree")
    return git(dest, env, "rev-parse", "HEAD")


def write_docx(path: Path, text: str) -> None:
    """Write ``text`` as a Word document, one paragraph per line."""
    paragraphs = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{html.escape(line)}</w:t></w:r></w:p>'
        for line in text.splitlines()
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, xml in _DOCX_PARTS.items():
            archive.writestr(name, xml)
        archive.writestr("word/document.xml", _DOCX_BODY.format(paragraphs=paragraphs))


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> HookRepo:
    """The snapshot every test's configuration points at (made once per module)."""
    reason = _missing_tools()
    if reason is not None:
        pytest.skip(reason)
    base = tmp_path_factory.mktemp("pre-commit")
    env = isolated_env(base)
    path = base / "hook-repo"
    return HookRepo(path, snapshot_checkout(path, env), env)


@pytest.fixture
def docs(hook_repo: HookRepo, tmp_path: Path) -> Path:
    """A repository of reports with the hook installed, its configuration already committed."""
    repo, env = tmp_path / "reports-repo", hook_repo.env
    repo.mkdir()
    git(repo, env, "init", "--quiet")
    git(repo, env, "config", "user.name", "文稿审核")
    git(repo, env, "config", "user.email", "office@example.invalid")
    git(repo, env, "config", "commit.gpgsign", "false")
    config = CONFIG.format(repo=hook_repo.path.as_posix(), rev=hook_repo.rev, hook=HOOK_ID)
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    # pre-commit refuses to run while its configuration is unstaged, so commit it first.
    git(repo, env, "add", ".pre-commit-config.yaml")
    git(repo, env, "commit", "--quiet", "-m", "启用报告检查")
    pre_commit(repo, env, "install")
    # Build the hook's virtualenv now (once: the tests share PRE_COMMIT_HOME), so that a failed
    # pip install fails here, loudly, and is never mistaken for the hook refusing a commit.
    pre_commit(repo, env, "install-hooks", timeout=INSTALL_TIMEOUT)
    return repo


def commit(repo: Path, env: Mapping[str, str]) -> subprocess.CompletedProcess[str]:
    """Stage everything and try to commit it, hooks included."""
    git(repo, env, "add", "--all")
    return run(["git", "commit", "-m", "提交年度报告"], repo, env)


def assert_refused_for_missing_problems(done: subprocess.CompletedProcess[str]) -> None:
    assert done.returncode != 0, done.stdout
    assert f"- hook id: {HOOK_ID}" in done.stdout, done.stdout
    assert "Traceback" not in done.stdout, done.stdout  # a crash exits 1 as well
    assert "- exit code: 1" in done.stdout, done.stdout  # findings, not a usage error (2)
    assert "存在的问题" in done.stdout, done.stdout


def test_commit_of_defective_report_is_refused_and_clean_report_accepted(
    docs: Path, hook_repo: HookRepo
) -> None:
    env = hook_repo.env
    before = git(docs, env, "rev-parse", "HEAD")
    report = docs / "reports" / "2024年度报告.txt"
    report.parent.mkdir()
    report.write_text(DEFECTIVE_REPORT, encoding="utf-8")

    assert_refused_for_missing_problems(commit(docs, env))
    assert git(docs, env, "rev-parse", "HEAD") == before, "a defective report was committed"

    # The author fixes the report (here: replaces it by the clean example) and adds a README.
    shutil.copyfile(CLEAN_REPORT, report)
    (docs / "README.md").write_text(README, encoding="utf-8")
    accepted = commit(docs, env)

    assert accepted.returncode == 0, accepted.stdout
    assert "Passed" in accepted.stdout, accepted.stdout
    assert git(docs, env, "rev-parse", "HEAD^") == before
    committed = git(docs, env, "show", "--name-only", "--format=", "HEAD").splitlines()
    assert sorted(committed) == ["README.md", "reports/2024年度报告.txt"]


def test_word_documents_are_checked_too(docs: Path, hook_repo: HookRepo) -> None:
    env = hook_repo.env
    report = docs / "2024年度报告.docx"
    write_docx(report, DEFECTIVE_REPORT)

    assert_refused_for_missing_problems(commit(docs, env))

    write_docx(report, CLEAN_REPORT.read_text(encoding="utf-8"))
    accepted = commit(docs, env)

    assert accepted.returncode == 0, accepted.stdout
    assert "Passed" in accepted.stdout, accepted.stdout  # not "(no files to check)Skipped"
