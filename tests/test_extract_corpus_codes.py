"""Codes shaped like document numbers that name no document: forms ('mẫu số 03/TNDN'),
standards ('QCVN 01:2019/BCT'), accounts ('TK 525- Doanh thu'), road markers
('K16+500- K21+600'). Each on the real corpus text (quotes registered with
test_extract_corpus_rules.quote, checked against their files there); the real document
cited in the same sentence is still found."""

from lexgraph.extractors.citations import find_citations
from lexgraph.model import DocumentInfo
from tests.test_extract_corpus_rules import quote

CENTRAL = DocumentInfo(number="999/2026/TT-BTC", level="central_state")


def numbers(text: str) -> list[str]:
    return [c.number for c in find_citations(text, CENTRAL).citations if c.number]


def test_a_form_number_is_not_a_document_but_the_circular_is() -> None:
    text = quote(
        "tvpl-5615-ct-cs.txt",
        "kê khai thuế TNDN theo mẫu số 03/TNDN ban hành kèm Thông tư số 80/2021/TT-BTC",
    )
    assert numbers(text) == ["80/2021/TT-BTC"]


def test_form_numbers_with_a_colon_or_in_capitals() -> None:
    text = quote("congbao-06-vbhn-btc.txt", "Mẫu số: 20-ĐK-TCT")
    assert numbers(text) == []
    text = quote(
        "congbao-66-16-2026-nq-cp.txt",
        "mẫu số 05-ĐK-TCT ban hành kèm theo Thông tư số 86/2024/TT-BTC",
    )
    assert numbers(text) == ["86/2024/TT-BTC"]


def test_a_standard_after_its_series_and_colon_is_not_a_document() -> None:
    text = quote(
        "congbao-37-vbhn-bct.txt",
        "thu, bảo quản, vận chuyển, sử dụng, tiêu hủy vật liệu nổ công nghiệp và bảo quản "
        "tiền chất\nthuốc nổ (QCVN 01:2019/BCT)).",
    )
    assert numbers(text) == []
    text = quote(
        "tvpl-5042-qd-bnnmt.txt",
        "- Điều 4, 5 Nghị định số 116/2014/NĐ-CP\n- Tiêu chuẩn cơ sở 661: 2018/BVTV quy "
        "trình công\nbố dịch và công bố hết dịch ban hành kèm theo Quyết định số "
        "146/QĐ-BVTV-KH",
    )
    assert numbers(text) == ["116/2014/NĐ-CP", "146/QĐ-BVTV-KH"]


def test_an_account_named_by_a_capitalised_word_is_not_a_party_number() -> None:
    text = quote(
        "congbao-107-2025-tt-btc.txt",
        "Nợ TK 111- Tiền mặt\nCó TK 525- Doanh thu tài chính.",
    )
    assert numbers(text) == []
    assert numbers(quote("congbao-05-2025-tt-bldtbxh.txt", "MicroAmp Optical 96-Well")) == []


def test_a_road_marker_is_not_a_number() -> None:
    assert numbers(quote("tvpl-103-2025-qd-ubnd-phu-tho.txt", "K16+500- K21+600")) == []


def test_real_numbers_of_the_same_shapes_are_still_found() -> None:
    # Mixed-case type codes, a space after the dash, a number after 'số:'.
    text = "Căn cứ Chỉ thị số 33/CT-TTg, Chương trình số 28-CTr/TU, Quy định số:05- QĐi/TW"
    assert numbers(text) == ["33/CT-TTg", "28-CTr/TU", "05-QĐi/TW"]


def test_report_tables_declarations_and_their_lists_are_not_documents() -> None:
    assert numbers(quote("congbao-02-2025-tt-bldtbxh.txt", "Biểu số 104/LĐVL-Sở")) == []
    listed = quote("congbao-06-vbhn-btc.txt", "(Kèm theo tờ khai mẫu số <01-ĐK-TCT> hoặc <08-MST>)")
    assert numbers(listed) == []
    assert numbers(quote("congbao-41-2026-tt-btc.txt", " (Kèm theo Tờ khai 01/TSMH)")) == []


def test_a_standard_after_its_series_name_alone() -> None:
    assert numbers(quote("congbao-01-2023-tt-bkhdt.txt", "TCCS 02/2016/CĐUB. Năng")) == []


def test_a_url_encoded_number_is_not_read_but_the_plain_one_is() -> None:
    url = quote("congbao-1478-qd-bldtbxh.txt", "S%E1%BB%91%2049/2018/N%C4%90-CP")
    assert numbers(url) == []
    assert numbers(quote("congbao-1478-qd-bldtbxh.txt", "Số 49/2018/NĐ-CP")) == ["49/2018/NĐ-CP"]
