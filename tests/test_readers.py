"""Readers: every format and every bad input gives NFC text or one clear ReadError.

Fixtures are generated here: python-docx writes the .docx, reportlab (DejaVuSans, which
has the Vietnamese glyphs) writes the PDFs, pypdf encrypts one.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import unicodedata
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lexgraph.extractors.readers import (
    SUPPORTED_EXTENSIONS,
    ReadError,
    ReadResult,
    decode_text,
    read_bytes,
    read_document,
)

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
LEFT = ["ỦY BAN NHÂN DÂN", "TỈNH BẾN TRE", "Số: 5793/KH-UBND"]
RIGHT = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Bến Tre, ngày 15 tháng 11 năm 2021"]  # fmt: skip
BODY = [
    "KẾ HOẠCH",
    "Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về tăng cường "
    "phòng, chống tác hại của rượu, bia;",
    "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;",
    "Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai Nghị quyết số 25-NQ/TW như sau.",
]
TEXT = "\n".join(LEFT + RIGHT + BODY)
CITATION = "Chỉ thị số 33/CT-TTg ngày 26/11/2021"
NUMBER = re.compile(r"\d+(?:/\d{4})?[/-][A-ZĐ][\wĐđ-]*/?[\wĐđ-]*")


def numbers(text: str) -> set[str]:
    return set(NUMBER.findall(" ".join(text.split())))


def assert_same_citations(text: str) -> None:
    flat = " ".join(text.split())
    assert "33/CT-TTg" in flat and CITATION in flat
    assert numbers(text) == numbers(TEXT)
    assert unicodedata.is_normalized("NFC", text)


# ---- generated fixtures -----------------------------------------------------------


def make_docx(path: Path, *, header_in_page_header: bool = True) -> Path:
    import docx

    document = docx.Document()
    host = document.sections[0].header if header_in_page_header else document
    table = host.add_table(
        rows=1, cols=2, **({"width": docx.shared.Cm(16)} if header_in_page_header else {})
    )
    table.cell(0, 0).text = "\n".join(LEFT)
    table.cell(0, 1).text = "\n".join(RIGHT)
    document.add_paragraph(BODY[0])
    document.add_paragraph(BODY[1])
    body_table = document.add_table(rows=1, cols=1)
    body_table.cell(0, 0).text = BODY[2]
    document.add_paragraph(BODY[3])
    document.save(path)
    return path


def _pdf_font():
    pytest.importorskip("reportlab", reason="reportlab writes the PDF fixtures")
    if not FONT.exists():
        pytest.skip("DejaVuSans.ttf absent (apt-get install fonts-dejavu-core)")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("DejaVu", str(FONT)))


def make_pdf(path: Path, *, blank_pages: int = 0, text: bool = True) -> Path:
    """Header drawn line by line across both columns: the hard case for reading order."""
    _pdf_font()
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    if text:
        c.setFont("DejaVu", 10)
        y = 800
        for left, right in zip(LEFT, RIGHT, strict=True):
            c.drawString(50, y, left)
            c.drawString(300, y, right)
            y -= 14
        y -= 20
        for line in BODY:
            for chunk in (line[i : i + 90] for i in range(0, len(line), 90)):
                c.drawString(50, y, chunk)
                y -= 14
    else:
        c.rect(50, 400, 300, 300, fill=1)  # a "scan": graphics, no text
    for _ in range(blank_pages):
        c.showPage()
        c.rect(50, 400, 300, 300, fill=1)
    c.save()
    return path


# ---- text encodings ---------------------------------------------------------------


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Word wrote it: base letters precomposed, tone marks combining."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tones = "".join(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out += (base + tones).encode("cp1258")
    return bytes(out)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16-le"),
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (to_cp1258(TEXT), "windows-1258"),
        (unicodedata.normalize("NFD", TEXT).encode("utf-8"), "utf-8"),
        (TEXT.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16-bom",
        "utf16be-bom",
        "utf16le",
        "utf16be",
        "cp1258",
        "nfd",
        "crlf",
    ],
)
def test_txt_encodings_detected(tmp_path: Path, data: bytes, encoding: str) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    result = read_document(path)
    assert result.encoding == encoding
    assert result.format == "txt" and not result.truncated
    assert result.text == TEXT
    assert decode_text(data)[0].replace("\r\n", "\n") == TEXT


def test_markdown_and_stdin_bytes() -> None:
    assert read_bytes(TEXT.encode(), "plan.md").format == "md"
    result = read_bytes(to_cp1258(TEXT))
    assert result.text == TEXT and result.encoding == "windows-1258"


# ---- docx / pdf / html: same citations as the .txt -----------------------------------


@pytest.mark.parametrize("in_header", [True, False])
def test_docx_reading_order_and_header_table(tmp_path: Path, in_header: bool) -> None:
    result = read_document(
        make_docx(tmp_path / "kế hoạch số 1.docx", header_in_page_header=in_header)
    )
    assert result.format == "docx"
    assert_same_citations(result.text)
    lines = result.text.split("\n")
    # Columns stay whole: the issuer column, then the motto column, then the body.
    assert lines[:6] == LEFT + RIGHT
    assert lines.index(BODY[1]) < lines.index(BODY[2]) < lines.index(BODY[3])


def test_pdf_columns_do_not_interleave(tmp_path: Path) -> None:
    result = read_document(make_pdf(tmp_path / "kế hoạch.pdf"))
    assert result.format == "pdf"
    assert_same_citations(result.text)
    lines = [ln.strip() for ln in result.text.split("\n") if ln.strip()]
    start = lines.index(LEFT[0])
    assert lines[start : start + 3] == LEFT
    assert lines[lines.index(RIGHT[0]) : lines.index(RIGHT[0]) + 3] == RIGHT


def test_pdf_from_bytes_matches_file(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "a.pdf")
    assert read_bytes(path.read_bytes()).text == read_document(path).text


def test_scanned_pdf_needs_ocr(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "scan.pdf", text=False)
    with pytest.raises(ReadError) as err:
        read_document(path)
    assert "OCR" in str(err.value) and str(path) in str(err.value)


def test_partly_scanned_pdf_warns(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "mixed.pdf", blank_pages=2)
    result = read_document(path)
    assert_same_citations(result.text)
    assert any("OCR" in w and "2, 3" in w and str(path) in w for w in result.warnings)


def test_encrypted_pdf(tmp_path: Path) -> None:
    import pypdf

    source = make_pdf(tmp_path / "plain.pdf")
    writer = pypdf.PdfWriter(clone_from=str(source))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    locked = tmp_path / "locked.pdf"
    with open(locked, "wb") as fh:
        writer.write(fh)
    with pytest.raises(ReadError, match="password"):
        read_document(locked)
    # An empty user password (permissions only) is readable.
    writer = pypdf.PdfWriter(clone_from=str(source))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-128")
    open_pdf = tmp_path / "open.pdf"
    with open(open_pdf, "wb") as fh:
        writer.write(fh)
    assert_same_citations(read_document(open_pdf).text)


PAGE = """<!DOCTYPE html><html lang="vi"><head><title>Kế hoạch</title>
<style>.x{{color:red}}</style><script>var n = "99/CT-TTg";</script></head><body>
<nav><a href="/">Trang chủ</a> <a>Văn bản mới: 88/QĐ-TTg</a></nav>
<div class="menu-top"><ul><li>Thông tư 77/2020/TT-BTC</li></ul></div>
<div id="toanvancontent">{content}</div>
<div class="vanbanlienquan"><h3>Văn bản liên quan</h3><ul><li>Quyết định 66/QĐ-UBND</li></ul></div>
<div id="tab-english" lang="en"><p>Directive No. 55/CT-TTg of the Prime Minister</p></div>
<footer>Bản quyền thuộc 12/QĐ-BTTTT</footer></body></html>"""


def test_html_keeps_document_text_only(tmp_path: Path) -> None:
    cells = "".join(f"<td>{'<br>'.join(col)}</td>" for col in (LEFT, RIGHT))
    content = f"<table><tr>{cells}</tr></table>" + "".join(f"<p>{line}</p>" for line in BODY)
    path = tmp_path / "trang lưu.html"
    path.write_text(PAGE.format(content=content), encoding="utf-8")
    result = read_document(path)
    assert result.format == "html"
    assert_same_citations(result.text)
    assert result.text.split("\n")[:6] == LEFT + RIGHT  # cells whole, lines kept
    for chrome in ("99/CT-TTg", "88/QĐ-TTg", "77/2020", "66/QĐ-UBND", "55/CT-TTg", "12/QĐ"):
        assert chrome not in result.text


def test_html_without_known_container(tmp_path: Path) -> None:
    page = PAGE.replace('id="toanvancontent"', 'class="xyz"').format(
        content="".join(f"<p>{line}</p>" for line in LEFT + RIGHT + BODY)
    )
    result = read_bytes(page.encode("utf-8"), "page.htm")
    assert_same_citations(result.text)
    assert "66/QĐ-UBND" not in result.text and "55/CT-TTg" not in result.text


def test_legacy_font_text_inside_docx(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Uû ban nh©n d©n tØnh BÕn Tre")
    document.add_paragraph(
        "Thùc hiÖn ChØ thÞ sè 33/CT-TTg ngµy 26/11/2021 cña Thñ t\u00adíng ChÝnh phñ"
    )
    path = tmp_path / "cu.docx"
    document.save(path)
    result = read_document(path)
    assert result.encoding == "tcvn3"
    assert CITATION in result.text and "Uỷ ban nhân dân tỉnh Bến Tre" in result.text


def test_extension_mismatch_is_read_by_content(tmp_path: Path) -> None:
    path = tmp_path / "really-a-docx.doc"
    make_docx(path)
    result = read_document(path)
    assert result.format == "docx" and any("content is docx" in w for w in result.warnings)


# ---- .doc ---------------------------------------------------------------------------


def test_doc_without_converter_says_what_to_install(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "cu.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    monkeypatch.setenv("PATH", str(tmp_path))  # no antiword, no soffice
    with pytest.raises(ReadError, match="install antiword"):
        read_document(path)


def test_corrupt_doc_with_converter(tmp_path: Path) -> None:
    import shutil

    if not (shutil.which("antiword") or shutil.which("soffice")):
        pytest.skip("neither antiword nor LibreOffice is installed")
    path = tmp_path / "hỏng.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(2000))
    with pytest.raises(ReadError, match="could not convert"):
        read_document(path)


# ---- bad input ----------------------------------------------------------------------


def _raises(path: Path, pattern: str) -> ReadError:
    with pytest.raises(ReadError) as info:
        read_document(path)
    err = info.value
    assert err.path == str(path) and re.search(pattern, err.reason), err.reason
    assert str(err) == f"{path}: {err.reason}" and "\n" not in str(err)
    return err


def test_empty_and_whitespace_files(tmp_path: Path) -> None:
    for ext in (".txt", ".md", ".docx", ".pdf", ".html"):
        (tmp_path / f"e{ext}").write_bytes(b"")
        _raises(tmp_path / f"e{ext}", "empty")
    (tmp_path / "blank.txt").write_text(" \n\t\n", encoding="utf-8")
    _raises(tmp_path / "blank.txt", "no text")


def test_binary_with_text_extension(tmp_path: Path) -> None:
    path = tmp_path / "rác.txt"
    path.write_bytes(bytes(range(256)) * 40 + os.urandom(4096))
    _raises(path, "binary")


def test_truncated_and_corrupt_docx(tmp_path: Path) -> None:
    data = make_docx(tmp_path / "ok.docx").read_bytes()
    (tmp_path / "cut.docx").write_bytes(data[: len(data) // 2])
    _raises(tmp_path / "cut.docx", "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        member = zf.getinfo("word/document.xml")
    corrupt = bytearray(data)
    offset = member.header_offset + 30 + len(member.filename) + 10
    corrupt[offset : offset + 20] = b"\xff" * 20
    (tmp_path / "crc.docx").write_bytes(bytes(corrupt))
    _raises(tmp_path / "crc.docx", "docx")
    (tmp_path / "junk.docx").write_bytes(os.urandom(3000))
    _raises(tmp_path / "junk.docx", "docx|zip|binary")


def test_corrupt_pdf(tmp_path: Path) -> None:
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4\n" + os.urandom(3000))
    _raises(tmp_path / "x.pdf", "PDF")


def test_vanished_directory_and_unreadable(tmp_path: Path) -> None:
    _raises(tmp_path / "đã xoá.txt", "not found")
    _raises(tmp_path, "directory")
    if os.geteuid() == 0:
        pytest.skip("running as root: chmod 000 does not stop root from reading")
    path = tmp_path / "khoá.txt"
    path.write_text(TEXT, encoding="utf-8")
    path.chmod(0)
    try:
        _raises(path, "permission")
    finally:
        path.chmod(0o644)


def test_unreadable_via_directory_trick(tmp_path: Path) -> None:
    """A directory named like a file is unreadable even for root: the same code path."""
    path = tmp_path / "văn bản.txt"
    path.mkdir()
    _raises(path, "directory")


def test_paths_with_spaces_and_vietnamese(tmp_path: Path) -> None:
    folder = tmp_path / "Thư mục có dấu cách" / "Bến Tre"
    folder.mkdir(parents=True)
    path = folder / "Kế hoạch số 5793 KH-UBND.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert read_document(path).text == TEXT
    assert read_document(str(path)).text == TEXT


def test_huge_file_is_capped(tmp_path: Path) -> None:
    """Cap, not stream: at most max_bytes are read, and the result says so."""
    block = (TEXT + "\n").encode("utf-8")
    path = tmp_path / "lớn.txt"
    with open(path, "wb") as fh:
        for _ in range(3 * 1024 * 1024 // len(block) + 1):
            fh.write(block)
    result = read_document(path, max_bytes=1024 * 1024)
    assert result.truncated and any("truncated at 1 MB" in w for w in result.warnings)
    assert len(result.text.encode("utf-8")) <= 1024 * 1024
    assert unicodedata.is_normalized("NFC", result.text)
    assert not read_document(path).truncated  # under the default cap


@pytest.mark.slow
def test_200_mb_file_memory_bounded(tmp_path: Path) -> None:
    import tracemalloc

    block = (TEXT + "\n").encode("utf-8") * 2000
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        for _ in range(200 * 1024 * 1024 // len(block) + 1):
            fh.write(block)
    tracemalloc.start()
    result = read_document(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert result.truncated
    assert peak < 400 * 1024 * 1024  # the cap (32 MB) bounds memory, not the file size


def test_read_error_is_picklable() -> None:
    import pickle

    err = pickle.loads(pickle.dumps(ReadError("a b.txt", "empty file")))
    assert (err.path, err.reason, str(err)) == ("a b.txt", "empty file", "a b.txt: empty file")


def test_supported_extensions() -> None:
    assert {".txt", ".md", ".docx", ".pdf", ".html", ".htm", ".doc"} <= SUPPORTED_EXTENSIONS


# ---- fuzz ---------------------------------------------------------------------------


def _check(data: bytes, name: str) -> None:
    try:
        result = read_bytes(data, name)
    except ReadError as err:
        assert "\n" not in str(err)
        return
    assert isinstance(result, ReadResult)
    assert unicodedata.is_normalized("NFC", result.text) and result.text.strip()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.one_of(
        st.binary(max_size=2000),
        st.text(max_size=400).map(lambda s: s.encode("utf-8", "surrogatepass")),
        st.text(
            alphabet="aàáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ©«¬®µ¶·¸ÕÖ×ØÜ \n<>/",
            max_size=400,
        ).map(lambda s: s.encode("cp1258", "replace")),
    ),
    ext=st.sampled_from(sorted(SUPPORTED_EXTENSIONS) + [".bin", ""]),
)
def test_fuzz_only_read_error_escapes(data: bytes, ext: str) -> None:
    _check(data, f"fuzz{ext}")


@pytest.fixture(scope="module")
def valid_containers(tmp_path_factory) -> list[tuple[bytes, str]]:
    folder = tmp_path_factory.mktemp("fuzz")
    out = [(make_docx(folder / "a.docx").read_bytes(), "a.docx")]
    with contextlib.suppress(pytest.skip.Exception):
        out.append((make_pdf(folder / "a.pdf").read_bytes(), "a.pdf"))
    return out


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_fuzz_mutated_docx_and_pdf(valid_containers, data) -> None:
    blob, name = data.draw(st.sampled_from(valid_containers))
    mutated = bytearray(blob)
    for _ in range(data.draw(st.integers(1, 8))):
        pos = data.draw(st.integers(0, len(mutated) - 1))
        mutated[pos] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(len(mutated) // 3, len(mutated)))
    _check(bytes(mutated[:cut]), name)


def test_extractor_finds_same_citations_in_every_format(tmp_path: Path) -> None:
    """The real extractor on .txt, .docx, .pdf and .html of one document: same citations."""
    pipeline = pytest.importorskip("lexgraph.extractors.pipeline")
    txt = tmp_path / "k.txt"
    txt.write_text(TEXT, encoding="utf-8")
    html = tmp_path / "k.html"
    html.write_text(
        PAGE.format(content="".join(f"<p>{line}</p>" for line in LEFT + RIGHT + BODY)),
        encoding="utf-8",
    )
    paths = [txt, make_docx(tmp_path / "k.docx"), make_pdf(tmp_path / "k.pdf"), html]
    keys = []
    for path in paths:
        record = pipeline.extract_text(read_document(path).text, str(path))
        keys.append(sorted(c.key for c in record.citations))
    assert keys[0], "the extractor found nothing in the .txt"
    assert all(k == keys[0] for k in keys), keys
