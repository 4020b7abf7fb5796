"""The readers' reasons in English, for ``--lang en``.

The readers say in Chinese why a file is not a report (``文件不存在``), and that text is also
what the machine formats carry. With ``--lang en`` the one line on stderr must be English
throughout, so the reasons the readers give are matched here and worded again; the path and
any quoted value (a suffix, a command to paste) are kept. A reason not listed stays as it is:
better Chinese than a wrong translation. When a reader adds a reason, add its line here.
"""

from __future__ import annotations

import re

from validator.regexes import compiled

__all__ = ["in_language"]

_REASONS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (compiled(pattern), english)
    for pattern, english in (
        (r"文件不存在", "no such file"),
        (r"是目录，不是文件", "is a directory, not a file"),
        (r"不是普通文件", "not a regular file"),
        (r"无法读取：权限不足", "cannot read: permission denied"),
        (r"无法读取：路径无效", "cannot read: invalid path"),
        (r"无法读取：(?P<why>.*)", "cannot read: {why}"),
        (
            r"不支持的文件类型：(?P<suffix>\S+?)（支持 (?P<list>[^）]*)）",
            "unsupported file type: {suffix} (supported: {list})",
        ),
        (r"二进制文件（含 NUL 字节），不是文本报告", "a binary file (NUL bytes), not a text report"),
        (r"二进制文件（含控制字符）", "a binary file (control characters)"),
        (
            r"无法识别的编码（不是 UTF-8、UTF-16 或 GB18030 文本）",
            "unknown encoding (not UTF-8, UTF-16 or GB18030 text)",
        ),
        (r"UTF-16 解码失败", "UTF-16 decoding failed"),
        (
            r"UTF-8 解码失败（文件以 UTF-8 BOM 开头）",
            "UTF-8 decoding failed (the file starts with a UTF-8 BOM)",
        ),
        (
            r"旧版 Word/WPS 格式，请先转换：(?P<command>.*)",
            "legacy Word/WPS format, convert it first: {command}",
        ),
        (r"读取 PDF 需要安装 report-validator\[pdf\]", "reading PDF needs report-validator[pdf] installed"),
        (r"没有文字层（扫描件？）：请先做 OCR", "no text layer (a scan?): run OCR first"),
        (
            r"PDF 文字层无法解码（字体缺少编码映射）：请先做 OCR",
            "the PDF text cannot be decoded (fonts without a mapping): run OCR first",
        ),
        (r"不是有效的 PDF 文件", "not a valid PDF file"),
        (r"PDF 已加密，无法读取文字", "the PDF is encrypted"),
        (r"PDF 文件已损坏，无法读取", "the PDF file is damaged"),
        (r"不是有效的 \.docx 文件（不是 ZIP 压缩包）", "not a valid .docx file (not a ZIP archive)"),
        (r"文件已损坏或不完整，无法作为 \.docx 打开", "damaged or incomplete, cannot be opened as .docx"),
        (r"文件已加密，无法读取", "the file is encrypted"),
        (
            r"实为旧版 Word/WPS 文件或加密文档.*",
            "really a legacy Word/WPS or encrypted file: remove the password, or save it as .docx",
        ),
        (r"不是 Word 文档：缺少正文部件（word/document\.xml）", "not a Word document: no word/document.xml"),
    )
)


def in_language(reason: str, lang: str) -> str:
    """``reason`` as the readers gave it, or in English for ``lang == "en"`` when it is a known one."""
    if lang != "en":
        return reason
    for pattern, english in _REASONS:
        match = pattern.fullmatch(reason)
        if match:
            values = {
                key: value.replace("、", ", ") if key == "list" else value
                for key, value in match.groupdict().items()
            }
            return english.format(**values)
    return reason
