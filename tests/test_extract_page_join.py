"""A document number cut by a page break ('... Nghị định số 131/2021/NĐ-' / gazette header,
page number / 'CP và ...') is read as one reference, as if the page furniture were not there,
while every offset and quote stays an offset and slice of the original text.

The short texts are real sentences of ../shared/corpus quoted byte for byte (registered with
``quote`` so test_extract_corpus_rules.test_quotes_are_real checks them against their files);
they run without ../shared. The corpus tests read the whole files and skip without it.
"""

from __future__ import annotations

import unicodedata

import pytest

from lexgraph.extractors.citations import find_citations
from lexgraph.extractors.furniture import furniture_blocks, reading_text
from lexgraph.extractors.numbers import NUMBER_RE, canonical_number
from lexgraph.extractors.pipeline import extract_text
from lexgraph.model import Citation, DocumentInfo
from tests.test_extract_corpus_rules import CORPUS, quote

CENTRAL = DocumentInfo(number="999/2026/NQ-CP", level="central_state")
BODY = "NGHỊ QUYẾT\n\nĐiều 1. Phạm vi\n\n"  # mentions after this are in the body
# What a citation says about the cited document (everything but offsets and quote).
FIELDS = (
    "key",
    "kind",
    "number",
    "year",
    "date",
    "issuer",
    "level",
    "relation",
    "scope",
    "section",
)

DECREE_CUT = quote(
    "congbao-24-2026-nq-cp.txt",
    "văn bản kèm bản sao giấy tờ quy định tại điểm a.2 khoản này gửi cơ quan, đơn vị có\n"
    "thẩm quyền theo quy định tại khoản 1, 2, 3, 4 Điều 16 Nghị định số 131/2021/NĐ-\n"
    "\n"
    "CÔNG BÁO/Số 276/Ngày 16-05-2026\n"
    "60\n"
    "\n"
    "\n"
    "CP và khoản 2 Điều 4 Nghị định số 129/2025/NĐ-CP để cấp giấy chứng nhận hy\n"
    "sinh;",
)
CIRCULAR_CUT = quote(
    "congbao-66-19-2026-nq-cp.txt",
    "Lấy mẫu hoặc hướng dẫn, giám sát việc lấy mẫu xét nghiệm tác nhân gây\n"
    "bệnh theo quy định tại Phụ lục XII ban hành kèm theo Thông tư số 01/2026/TT-\n"
    "\n"
    "CÔNG BÁO/Số 298/Ngày 01-06-2026\n"
    "31\n"
    "\n"
    "\n"
    "BNNMT ngày 01/01/2026; hướng dẫn chủ hàng phòng bệnh bắt buộc đối với\n"
    "động vật chưa được phòng bệnh theo quy định;",
)
AMENDED_CUT = quote(
    "congbao-12-2024-tt-bldtbxh.txt",
    "“3. Khi xác định quỹ tiền lương kế hoạch, quỹ tiền lương thực hiện của người\n"
    "quản lý, Quỹ loại trừ các yếu tố khách quan ảnh hưởng đến năng suất lao động, tổng\n"
    "doanh thu trừ tổng chi phí theo quy định tại Điều 13 Thông tư số 27/2016/TT-\n"
    "\n"
    "\n"
    "\n"
    "CÔNG BÁO/Số 1281 + 1282/Ngày 01-12-2024\n"
    "57\n"
    "\n"
    "\n"
    "\n"
    "BLĐTBXH đã được sửa đổi, bổ sung tại khoản 13 Điều 2 Thông tư số 06/2024/TT-\n"
    "BLĐTBXH và khoản 3 Điều 55 Nghị định số 39/2019/NĐ-CP.”",
)


def _without_furniture(text: str) -> str:
    """``text`` with every furniture block replaced by the line break it interrupts."""
    out, done = [], 0
    for lo, hi in furniture_blocks(text):
        out += [text[done:lo], "\n"]
        done = hi
    return "".join([*out, text[done:]])


def _identities(citations: list[Citation]) -> list[tuple]:
    return [tuple(getattr(c, f) for f in FIELDS) for c in citations]


def _check_quotes(text: str, citations: list[Citation]) -> None:
    for c in citations:
        assert c.quote == text[c.start : c.end]


@pytest.mark.parametrize(
    ("text", "number", "kind"),
    [
        (DECREE_CUT, "131/2021/NĐ-CP", "Nghị định"),
        (CIRCULAR_CUT, "01/2026/TT-BNNMT", "Thông tư"),
        (AMENDED_CUT, "27/2016/TT-BLĐTBXH", "Thông tư"),
    ],
)
def test_a_number_cut_by_a_page_reads_as_without_the_page(
    text: str, number: str, kind: str
) -> None:
    text = BODY + text
    found = find_citations(text, CENTRAL).citations
    bare = find_citations(_without_furniture(text), CENTRAL).citations
    _check_quotes(text, found)
    assert _identities(found) == _identities(bare)
    c = next(c for c in found if c.number == number)
    assert c.kind == kind
    assert "CÔNG BÁO/Số" in c.quote  # the evidence is the original text, page and all
    assert not [c for c in found if number.startswith(f"{c.number}-")]  # no cut-off half


def test_the_date_after_the_cut_belongs_to_the_number() -> None:
    c = next(c for c in find_citations(BODY + CIRCULAR_CUT, CENTRAL).citations)
    assert (c.number, c.date, c.year) == ("01/2026/TT-BNNMT", "2026-01-01", 2026)


def test_reading_text_blanks_a_page_that_cuts_a_number() -> None:
    read = reading_text(DECREE_CUT)
    [(lo, hi)] = furniture_blocks(DECREE_CUT)
    assert len(read) == len(DECREE_CUT)
    assert read[:lo] == DECREE_CUT[:lo] and read[hi:] == DECREE_CUT[hi:]
    assert read[lo:hi].strip(" ") == "\n"
    numbers = [canonical_number(m.group(0)) for m in NUMBER_RE.finditer(read)]
    assert numbers == ["131/2021/NĐ-CP", "129/2025/NĐ-CP"]


def test_blanks_before_a_line_break_still_join_a_number() -> None:
    text = "theo Nghị định số 22/2026/NĐ-" + " " * 40 + "\nCP ngày 1/2/2026"
    assert [canonical_number(m.group(0)) for m in NUMBER_RE.finditer(text)] == ["22/2026/NĐ-CP"]


@pytest.mark.parametrize(
    "text",
    [
        # A whole number ends the page; the next page opens with a heading.
        "theo Thông tư số 12/2020/TT-BTC\n\nCÔNG BÁO/Số 7/Ngày 01-6-2025\n3\n\nCHƯƠNG II",
        # A capitalised word is no symbol token: an article heading, not the rest of a number.
        "theo Kế hoạch số 12/KH-\n\nCÔNG BÁO/Số 7/Ngày 01-6-2025\n3\n\nĐiều 5. Hiệu lực thi hành",
    ],
)
def test_a_page_after_no_cut_number_is_left_alone(text: str) -> None:
    assert reading_text(text) == text


CUT_FILES = {
    "congbao-24-2026-nq-cp.txt": "131/2021/NĐ-CP",
    "congbao-66-19-2026-nq-cp.txt": "01/2026/TT-BNNMT",
    "congbao-12-2024-tt-bldtbxh.txt": "27/2016/TT-BLĐTBXH",
}


def _corpus_text(name: str) -> str:
    path = CORPUS / name
    if not path.is_file():
        pytest.skip("../shared/corpus is not available")
    return unicodedata.normalize("NFC", path.read_text("utf-8"))


@pytest.mark.parametrize(("name", "number"), sorted(CUT_FILES.items()))
def test_corpus_numbers_cut_by_a_page_read_as_without_the_page(name: str, number: str) -> None:
    text = _corpus_text(name)
    blocks = furniture_blocks(text)
    read = reading_text(text)
    crossing = [
        m
        for m in NUMBER_RE.finditer(read)
        if any(m.start() < lo and hi <= m.end() for lo, hi in blocks)
    ]
    assert [canonical_number(m.group(0)) for m in crossing] == [number]
    [m] = crossing
    lo, hi = next((lo, hi) for lo, hi in blocks if m.start() < lo and hi <= m.end())
    bare_text = text[:lo] + "\n" + text[hi:]  # only this page break removed
    found = extract_text(text, name).citations
    bare = extract_text(bare_text, name).citations
    _check_quotes(text, found)
    assert _identities(found) == _identities(bare)
    [c] = [c for c in found if c.mention_start == m.start()]
    assert c.number == number and c.mention_end == m.end()
    assert text[lo:hi] in c.quote
