"""Property tests for the binary readers: whatever the bytes, a ``SourceText`` or an ``InputError``.

Arbitrary bytes mostly stop at the first check, so the tests also feed bytes
that get further: ZIP archives holding arbitrary parts, and real ``.docx`` and
``.pdf`` files with bytes overwritten.
"""

from __future__ import annotations

import functools
import io
import zipfile
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from validator.errors import InputError
from validator.readers import SourceText, read_bytes

from .test_docx import GB_LEVELS, Para, abstract_xml, build_docx, num_xml

FUZZ = settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(autouse=True, scope="module")
def _pdf_in_process() -> Iterator[None]:
    """The PDF reader's own robustness, in process: a subprocess per example would take minutes
    (the subprocess path has its tests in tests/hostile)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("REPORT_VALIDATOR_PDF_SUBPROCESS", "0")
        yield


def _read(data: bytes, name: str) -> SourceText | None:
    """Read, and check that success gives clean text and failure names the file."""
    try:
        source = read_bytes(data, name)
    except InputError as error:
        assert str(error).startswith(f"{name}: ")
        assert "\n" not in error.reason
        return None
    assert "\r" not in source.text
    assert not source.pages or len(source.pages) == source.text.count("\n") + 1
    return source


@functools.cache
def _docx() -> bytes:
    return build_docx(
        [Para("一、加强政治建设", num=1, ilvl=0), Para("正文。"), Para("落实制度", num=1, ilvl=1)],
        abstracts=[abstract_xml(10, GB_LEVELS)],
        nums=[num_xml(1, 10)],
    )


@functools.cache
def _pdf() -> bytes:
    pytest.importorskip("reportlab")
    from .test_pdf import build_pdf

    return build_pdf(["标题", "一、加强政治建设", "正文。"])


def _overwrite(data: bytes, edits: list[tuple[int, bytes]]) -> bytes:
    mutated = bytearray(data)
    for position, chunk in edits:
        at = position % len(mutated)
        mutated[at : at + len(chunk)] = chunk
    return bytes(mutated)


EDITS = st.lists(
    st.tuples(st.integers(min_value=0), st.binary(min_size=1, max_size=8)), min_size=1, max_size=6
)


@FUZZ
@given(st.binary(), st.sampled_from(["x.docx", "x.pdf", "x.doc", "x.wps", "x.ofd"]))
def test_arbitrary_bytes(data: bytes, name: str) -> None:
    _read(data, name)


@FUZZ
@given(st.binary())
def test_arbitrary_bytes_after_a_pdf_header(data: bytes) -> None:
    pytest.importorskip("pdfminer")
    _read(b"%PDF-1.4\n" + data, "x.pdf")


@FUZZ
@given(
    st.dictionaries(
        st.sampled_from(["word/document.xml", "word/styles.xml", "word/numbering.xml", "_rels/.rels"]),
        st.one_of(
            st.binary(max_size=300),
            st.text(max_size=300).map(str.encode),
            st.sampled_from(
                [
                    b'<w:document xmlns:w="urn:w"><w:body><w:p/></w:body></w:document>',
                    b"<Relationships/>",
                    b"<w:numbering xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'/>",
                ]
            ),
        ),
    )
)
def test_zip_archives_with_arbitrary_parts(parts: dict[str, bytes]) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    _read(buffer.getvalue(), "x.docx")


@FUZZ
@given(EDITS)
def test_damaged_docx(edits: list[tuple[int, bytes]]) -> None:
    _read(_overwrite(_docx(), edits), "x.docx")


@FUZZ
@given(EDITS)
def test_damaged_pdf(edits: list[tuple[int, bytes]]) -> None:
    pytest.importorskip("pdfminer")
    _read(_overwrite(_pdf(), edits), "x.pdf")


@FUZZ
@given(EDITS)
def test_damaged_ofd(edits: list[tuple[int, bytes]]) -> None:
    _read(_overwrite(_ofd(), edits), "x.ofd")


@FUZZ
@given(
    st.dictionaries(
        st.sampled_from(["OFD.xml", "Doc_0/Document.xml", "Doc_0/Pages/Page_0/Content.xml"]),
        st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode)),
    )
)
def test_ofd_packages_with_arbitrary_parts(parts: dict[str, bytes]) -> None:
    source = zipfile.ZipFile(io.BytesIO(_ofd()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            archive.writestr(info.filename, parts.get(info.filename, source.read(info)))
    _read(buffer.getvalue(), "x.ofd")


def _ofd() -> bytes:
    from .ofd_build import build_ofd

    return build_ofd(["标题", "一、加强政治建设", "正文。"])


def test_the_undamaged_files_do_read() -> None:
    source = _read(_ofd(), "x.ofd")
    assert source is not None and source.text == "标题\n一、加强政治建设\n正文。"
    assert _read(_docx(), "x.docx") is not None
    pytest.importorskip("pdfminer")
    source = _read(_pdf(), "x.pdf")
    assert source is not None
    assert source.text == "标题\n一、加强政治建设\n正文。"
