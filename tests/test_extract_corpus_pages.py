"""Page furniture inside a reference (gazette headers, page numbers, signature stamps), on
the real sentences of ../shared/corpus where a page break cut a reference.

The sentences are quoted byte for byte (line breaks kept), so the rules run without
../shared; ``quote`` registers each for ``test_quotes_are_real`` in test_extract_corpus_rules.py,
which checks it against its file and skips when ../shared is absent.
"""

import json

import pytest

from lexgraph.extractors.citations import find_citations
from lexgraph.extractors.furniture import furniture_blocks, reading_text
from lexgraph.model import DocumentInfo
from tests.test_extract_corpus_rules import CORPUS, quote

CENTRAL = DocumentInfo(number="999/2026/TT-BTC", level="central_state")
BODY = "THÔNG TƯ\n\nĐiều 1. Phạm vi\n\n"  # mentions after this are in the body


def cited(text: str) -> dict[str, object]:
    """number -> citation (the first mention), checking every quote against the text."""
    found = find_citations(text, CENTRAL)
    for c in found.citations:
        assert c.quote == text[c.start : c.end]
    for a in found.assertions:
        assert a.quote == text[a.start : a.end]
    out: dict[str, object] = {}
    for c in found.citations:
        out.setdefault(c.number or c.key, c)
    return out


HEADER_IN_ISSUER = quote(
    "congbao-36-2026-tt-btc.txt",
    "a) Thông tư số 08/2019/TT-BKHĐT ngày 17 tháng 5 năm 2019 của Bộ\n\n"
    "CÔNG BÁO/Số 230/Ngày 19-04-2026\n12\n\n\n"
    "trưởng Bộ Kế hoạch và Đầu tư về việc hướng dẫn về định mức cho hoạt động quy\n"
    "hoạch đã được sửa đổi, bổ sung một số điều theo Thông tư số 21/2023/TT-\n"
    "BKHĐT ngày 31 tháng 12 năm 2023 của Bộ trưởng Bộ Kế hoạch và Đầu tư;",
)


DATE_ACROSS_PAGES = quote(
    "congbao-66-19-2026-nq-cp.txt",
    "a) Đơn đăng ký trao đổi và lý lịch nguồn gen giống vật nuôi theo Mẫu số\n"
    "01 Phụ lục I ban hành kèm theo Thông tư số 94/2025/TT-BNNMT ngày\n\n"
    "CÔNG BÁO/Số 298/Ngày 01-06-2026\n20\n\n\n"
    "31/12/2025 của Bộ trưởng Bộ Nông nghiệp và Môi trường hướng dẫn chi tiết một\n"
    "số điều của Luật Chăn nuôi;",
)


@pytest.mark.parametrize(
    ("text", "number", "date", "issuer"),
    [
        (HEADER_IN_ISSUER, "08/2019/TT-BKHĐT", "2019-05-17", "Bộ trưởng Bộ Kế hoạch và Đầu tư"),
        # 'ngày' / '31/12/2025': a word that takes a number ends the page.
        (
            DATE_ACROSS_PAGES,
            "94/2025/TT-BNNMT",
            "2025-12-31",
            "Bộ trưởng Bộ Nông nghiệp và Môi trường",
        ),
    ],
)
def test_a_gazette_header_inside_a_reference_is_skipped(
    text: str, number: str, date: str, issuer: str
) -> None:
    c = cited(BODY + text)[number]
    assert (c.date, c.issuer) == (date, issuer)
    assert "CÔNG BÁO/Số" in c.quote  # the evidence is the original text


def test_a_numbered_item_after_the_page_is_a_new_item() -> None:
    text = "theo quy định tại khoản\n\nCÔNG BÁO/Số 290/Ngày 29-05-2026\n31\n\n\n4. Đình chỉ"
    assert reading_text(text) == text


PAGE_NUMBER_FIRST = quote(
    "congbao-44-2022-tt-btc.txt",
    "Bộ Tài chính hướng dẫn thực hiện Quyết định số 62/2011/QĐ-TTg; số\n"
    "08/2012/TTLT-BLĐTBXH-BNV-BTC ngày 16 tháng 4 năm 2012 của Bộ Lao\n\n\n50\n"
    "CÔNG BÁO/Số 699 + 700/Ngày 24-8-2022\n\n"
    "động - Thương binh và Xã hội, Bộ Nội vụ, Bộ Tài chính hướng dẫn thực hiện chế\n"
    "độ trợ cấp đối với thanh niên xung phong đã hoàn thành nhiệm vụ trong kháng\n"
    "chiến theo Quyết định số 40/2011/QĐ-TTg.",
)


def test_a_page_number_above_the_header_is_skipped_too() -> None:
    found = cited(BODY + "Thực hiện Thông tư liên tịch " + PAGE_NUMBER_FIRST)
    c = found["08/2012/TTLT-BLĐTBXH-BNV-BTC"]
    assert c.issuer == "Bộ Lao động - Thương binh và Xã hội, Bộ Nội vụ, Bộ Tài chính"
    # 40/2011 is named in 08/2012's subject ('hướng dẫn thực hiện ... theo'), not a task.
    assert found["40/2011/QĐ-TTg"].relation == "cites"


STAMP_IN_BASIS = quote(
    "congbao-464-vbhn-bldtbxh.txt",
    "Căn cứ Nghị định số 53/2013/NĐ-CP ngày 18 tháng 5 năm 2013 của Chính\n"
    "phủ về thành lập, tổ chức và hoạt động của Công ty Quản lý tài sản của các tổ\n"
    "chức tín dụng Việt Nam; Nghị định số 34/2015/NĐ-CP ngày 31 tháng 3 năm 2015\n"
    "Người ký: CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ\n"
    "Email: thongtinchinhphu@chinhphu.vn\n"
    "Cơ quan: VĂN PHÒNG CHÍNH PHỦ\n"
    "Thời gian ký: 19.03.2025 15:32:17 +07:00\n\n\n\n"
    "     CÔNG BÁO/Số 347 + 348/Ngày 25-02-2025\n\n79\n\n"
    "và Nghị định số 18/2016/NĐ-CP ngày 18 tháng 3 năm 2016 của Chính phủ về\n"
    "thành lập, tổ chức và hoạt động của Công ty Quản lý tài sản của các tổ chức tín\n"
    "dụng Việt Nam;",
)


def test_a_signature_stamp_inside_a_basis_list_is_skipped() -> None:
    found = cited(STAMP_IN_BASIS)
    assert found["34/2015/NĐ-CP"].issuer == "Chính phủ"  # shared 'ngày ... của Chính phủ'
    assert found["18/2016/NĐ-CP"].relation == "based_on"


FOOTNOTE_CUT = quote(
    "congbao-11-vbhn-btc.txt",
    "4 Cụm từ “Sở giao dịch chứng khoán Việt Nam và các công ty con” được thay thế bằng cụm\n"
    "từ “Sở giao dịch chứng khoán Việt Nam và công ty con” theo quy định tại khoản 2 Điều 20\n"
    "của Thông tư số 138/2025/TT-BTC ngày 30 tháng 12 năm 2025 của Bộ trưởng Bộ Tài chính\n\n"
    "CÔNG BÁO/Số 290/Ngày 29-05-2026\n78\n\n\n"
    "Cột 2: thể hiện số lượng văn bản do SGDCKVN đã ban hành mới trong kỳ báo\ncáo",
)


def test_a_label_after_the_page_does_not_continue_the_sentence() -> None:
    # A footnote cut at the foot of the page: the next page goes on with the body.
    assert cited(BODY + FOOTNOTE_CUT)["138/2025/TT-BTC"].issuer == "Bộ trưởng Bộ Tài chính"
    assert reading_text(FOOTNOTE_CUT) == FOOTNOTE_CUT


def test_reading_text_keeps_length_and_everything_outside_the_furniture() -> None:
    text = HEADER_IN_ISSUER
    read = reading_text(text)
    assert len(read) == len(text)
    [(lo, hi)] = furniture_blocks(text)
    assert text[:lo] == read[:lo] and text[hi:] == read[hi:]
    assert read[lo:hi].strip(" ") == "\n"  # one wrapped line, no paragraph break


def test_a_year_alone_on_its_line_is_no_page_number() -> None:
    text = "ngày 12 tháng 5 năm\n2025\n\nCÔNG BÁO/Số 7/Ngày 01-6-2025\n3\n\ncủa Chính phủ"
    [(lo, _hi)] = furniture_blocks(text)
    assert text[:lo].endswith("2025")


def test_form_feeds_and_dashed_page_numbers_are_furniture() -> None:
    text = "Căn cứ Thông tư số 12/2020/TT-BTC ngày 01/3/2020 của Bộ\n\f- 2 -\ntrưởng Bộ Tài chính;"
    c = cited(text)["12/2020/TT-BTC"]
    assert c.issuer == "Bộ trưởng Bộ Tài chính"


def test_a_running_title_after_the_header_is_no_continuation() -> None:
    # Every page of this gazette section opens with 'Danh mục VBQPPL còn hiệu lực'; a
    # reference cut at a page foot must not take it as the rest of its issuer.
    path = CORPUS / "congbao-225-qd-bldtbxh.txt"
    if not path.is_file():
        pytest.skip("../shared/corpus is not available")
    text = path.read_text("utf-8")
    found = find_citations(text, DocumentInfo(number="225/QĐ-LĐTBXH", level="central_state"))
    assert not [c.issuer for c in found.citations if c.issuer and "Danh" in c.issuer]


def test_gold_issuers_of_the_gazette_files_hold() -> None:
    """The corpus gold's gazette files keep every cite's issuer with furniture skipped."""
    gold = CORPUS / "gold.jsonl"
    if not gold.is_file():
        pytest.skip("../shared/corpus is not available")
    for line in gold.read_text("utf-8").splitlines():
        record = json.loads(line)
        if not record["file"].startswith("congbao-"):
            continue
        text = (CORPUS / record["file"]).read_text("utf-8")
        doc = DocumentInfo(number=record["doc"]["number"], level="central_state")
        issuers = {}
        for c in find_citations(text, doc).citations:
            if c.number and c.issuer:
                issuers.setdefault(c.number, c.issuer)
        for cite in record["cites"]:
            if cite["issuer"] and cite["number"] in issuers:
                assert issuers[cite["number"]] == cite["issuer"], cite["number"]
