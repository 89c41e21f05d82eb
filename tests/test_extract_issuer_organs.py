"""Issuers of headers found on corpus text nobody tuned to, each on the real lines.

- Since 2025 a province's tax office writes 'CỤC THUẾ / THUẾ TỈNH VĨNH LONG': the issuer
  is 'Thuế tỉnh Vĩnh Long', a provincial organ (it was 'Cục thuế thuế tỉnh vĩnh long').
- 'BAN CHẤP HÀNH TRUNG ƯƠNG / VĂN PHÒNG' is the Party Central Office.
- An issuer whose body spelling comes from mid-sentence still starts with a capital
  ('cục Hải quan' before), and 'VĂN PHÒNG QUỐC HỘI' is 'Văn phòng Quốc hội'.

The lines are quoted from ../shared/corpus, so the rules run without it;
``test_quotes_are_real`` checks them against their files when it is present.
"""

from __future__ import annotations

import pytest

from lexgraph.extractors.metadata import extract_metadata
from tests.corpus_quotes import CorpusQuotes

quote = CorpusQuotes()


MOTTO = "CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n\n"
PROVINCIAL_TAX = quote(
    "tvpl-1539-vlo-qldn3.txt",
    "CỤC THUẾ\nTHUẾ TỈNH VĨNH LONG\n-------\n\n" + MOTTO + "Số: 1539/VLO-QLDN3\n"
    "V/v trả lãi tiền vay cho cổ đông\n\nVĩnh Long, ngày\n02 tháng 12 năm 2025\n\n"
    "Ngày 18/11/2025, Thuế tỉnh Vĩnh\n",
)
PROVINCIAL_TAX_BODY = quote("tvpl-1539-vlo-qldn3.txt", "Thuế tỉnh Vĩnh Long có ý kiến\n")
PARTY_OFFICE = quote(
    "tvpl-07-kl-vptw.txt",
    "BAN CHẤP HÀNH\nTRUNG ƯƠNG\nVĂN PHÒNG\n\nĐẢNG CỘNG SẢN\nVIỆT NAM\n---------------\n\n"
    "Số 07-KL/VPTW\n\nHà Nội, ngày 01 tháng 12 năm 2025\n\nKẾT LUẬN\n",
)
CUSTOMS = quote(
    "tvpl-37691-tb-chq.txt",
    "BỘ\nTÀI CHÍNH\nCỤC HẢI QUAN\n-------\n\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n---------------\n\nSố:\n37691/TB-CHQ\n\nHà\n"
    "Nội, ngày 21\ntháng 11 năm 2025\n\nTHÔNG BÁO\nVỀ KẾT QUẢ XÁC ĐỊNH TRƯỚC MÃ SỐ\n",
)


def test_a_provinces_tax_office_under_the_tax_department() -> None:
    info, _ = extract_metadata(
        PROVINCIAL_TAX + "Long có nhận được Công văn\n" + PROVINCIAL_TAX_BODY
    )
    assert (info.issuer, info.level, info.province) == (
        "Thuế tỉnh Vĩnh Long", "province", "Vĩnh Long",
    )  # fmt: skip


def test_the_old_name_of_a_provincial_tax_department_is_one_organ() -> None:
    text = PROVINCIAL_TAX.replace("CỤC THUẾ\nTHUẾ TỈNH VĨNH LONG", "CỤC THUẾ TỈNH VĨNH LONG")
    info, _ = extract_metadata(text.replace("Thuế tỉnh Vĩnh", "Cục Thuế tỉnh Vĩnh"))
    assert info.issuer.lower() == "cục thuế tỉnh vĩnh long"


def test_the_party_central_office() -> None:
    info, _ = extract_metadata(PARTY_OFFICE + "\nHội nghị toàn quốc công tác\n")
    assert (info.issuer, info.level) == ("Văn phòng Trung ương Đảng", "central_party")


def test_an_issuer_spelled_mid_sentence_in_the_body_starts_with_a_capital() -> None:
    body = "Căn cứ đề nghị của cục Hải quan;\n"
    info, _ = extract_metadata(CUSTOMS + body)
    assert info.issuer == "Cục Hải quan"


def test_the_national_assembly_office() -> None:
    text = "VĂN PHÒNG QUỐC HỘI\n\n" + MOTTO + "Số: 19/VBHN-VPQH\n\nLUẬT\nTHUẾ\n"
    assert extract_metadata(text)[0].issuer == "Văn phòng Quốc hội"


# Letters whose header the web copy lost: the writer is named in the body.
TAX_LETTER = quote(
    "tvpl-5402-ct-cs.txt",
    "Kính gửi: Thuế\ntỉnh Tây Ninh.\nCục Thuế nhận được công văn số 2094/TNI-CNTK ngày",
)
CUSTOMS_LETTER = quote(
    "tvpl-37569-chq-gsql.txt",
    "Cục Hải quan có ý kiến như sau:",
)
MINISTRY_LETTER = quote(
    "tvpl-17809-btc-ctk.txt",
    "Bộ Tài\nchính đề nghị Ủy ban nhân dân các tỉnh",
)


@pytest.mark.parametrize(
    ("body", "issuer"),
    [
        (TAX_LETTER, "Cục Thuế"),
        ("Kính gửi: Công ty A.\n\nTrả lời công văn số 13/CV-FDI của Công ty A, " + CUSTOMS_LETTER,
         "Cục Hải quan"),
        ("Kính gửi: Ủy ban nhân dân các tỉnh\n\nThực hiện Nghị định số 94/2022/NĐ-CP, "
         + MINISTRY_LETTER, "Bộ Tài chính"),
    ],
)  # fmt: skip
def test_a_letter_without_header_is_written_by_the_organ_its_body_speaks_as(
    body: str, issuer: str
) -> None:
    info, _ = extract_metadata(body + " xem xét.\n")
    assert (info.kind, info.issuer) == ("Công văn", issuer)


def test_a_requester_quoted_in_a_reply_is_not_the_writer() -> None:
    body = (
        "Kính gửi: Sở Tài chính.\n\nTại công văn số 12/STC-QLG, Sở Tài chính đề nghị hướng dẫn "
        "về giá. Về vấn đề này, Cục Quản lý giá có ý kiến như sau:\n"
    )
    assert extract_metadata(body)[0].issuer == "Cục Quản lý giá"


def test_a_letter_that_names_no_writer_keeps_a_null_issuer() -> None:
    body = "Kính gửi: Trưởng Thuế các tỉnh, thành phố.\n\nThời gian vừa qua, bão lũ xảy ra.\n"
    assert extract_metadata(body)[0].issuer is None


def test_quotes_are_real() -> None:
    quote.assert_real()


STATE_AUDIT = quote(
    "tvpl-1760-qd-ktnn.txt",
    "KIỂM TOÁN NHÀ\nNƯỚC\n-------\n\nCỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n---------------\n\nSố: 1760/QĐ-KTNN\n",
)


def test_tone_placement_moves_only_at_a_syllable_end() -> None:
    from lexgraph.extractors.header import norm_tone

    assert norm_tone("Uỷ ban khoá XI") == "ủy ban khóa xi"
    assert norm_tone("KIỂM TOÁN Kế hoạch") == "kiểm toán kế hoạch"  # 'toán' is no 'toá'
    info, _ = extract_metadata(STATE_AUDIT + "\nHà Nội, ngày 24 tháng 11 năm\n2025\n\nQUYẾT ĐỊNH\n")
    assert (info.issuer, info.level) == ("Kiểm toán nhà nước", "central_state")


SPACED_HEADER = quote(
    "congbot-3210-qd-ubnd.txt", "ỦY B AN NHÂN D Â N T HÀNH P HỐ HỒ C H Í M I NH -------"
)
SPELLED_IN_TITLE = quote(
    "congbot-3210-qd-ubnd.txt", "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH\n\nCăn cứ Luật "
)


def test_a_letter_spaced_header_takes_the_spelling_the_text_gives_elsewhere() -> None:
    text = (
        SPACED_HEADER + "\n\nSố: 3210/QĐ-UBND    Thành phố Hồ Chí Minh, ngày 28 tháng 6 năm "
        "2014\n\nQUYẾT ĐỊNH\n\nVỀ BAN HÀNH KẾ HOẠCH\n\n" + SPELLED_IN_TITLE + "Tổ chức.\n"
    )
    info, _ = extract_metadata(text)
    assert (info.issuer, info.level, info.province) == (
        "UBND thành phố Hồ Chí Minh", "province", "Hồ Chí Minh",
    )  # fmt: skip


MINISTRY_REQUIRES = quote(
    "tvpl-6225-bvhttdl-vp.txt", "hình đó, Bộ Văn hóa, Thể thao và Du lịch yêu cầu:\n"
)


def test_a_letter_whose_writer_requires() -> None:
    body = "Kính gửi: Các đơn vị thuộc Bộ.\n\nTrước tình " + MINISTRY_REQUIRES + "1. Làm.\n"
    assert extract_metadata(body)[0].issuer == "Bộ Văn hóa, Thể thao và Du lịch"
    # The Party's organs are quoted, never the writer of a ministry's letter.
    quoted = "Kính gửi: Các sở.\n\nTrước tình hình đó, Bộ Chính trị yêu cầu: 1. Làm.\n"
    assert extract_metadata(quoted)[0].issuer is None


ASSEMBLY_OFFICE_BLOCK = quote(
    "congbao-28-vbhn-vpqh.txt",
    "cầu của quản lý nhà nước./.\n\n VĂN PHÒNG QUỐC HỘI\n\nSố: 28/VBHN-VPQH\n\n\n"
    "XÁC THỰC VĂN BẢN HỢP NHẤT\n\n\nHà Nội, ngày 07 tháng 12 năm 2020\nCHỦ NHIỆM\n",
)


def test_the_authentication_blocks_organ_above_a_blank_line() -> None:
    body = "LUẬT\nBẢO HIỂM Y TẾ\n\nĐiều 1. Phạm vi\n" + "Luật này quy định.\n" * 300
    info, _ = extract_metadata(body + ASSEMBLY_OFFICE_BLOCK)
    assert (info.number, info.issuer, info.level) == (
        "28/VBHN-VPQH", "Văn phòng Quốc hội", "central_state",
    )  # fmt: skip


def test_a_ministry_takes_its_official_casing_but_keeps_its_tone_marks() -> None:
    header = "BỘ KẾ HOẠCH VÀ ĐẦU TƯ\n-------\n\nSố: 01/2023/TT-BKHĐT\n\nTHÔNG TƯ\nVề việc\n\n"
    body = "Căn cứ đề nghị của Bộ kế hoạch và Đầu tư;\n"
    assert extract_metadata(header + body)[0].issuer == "Bộ Kế hoạch và Đầu tư"
    culture = "BỘ VĂN HOÁ, THỂ THAO VÀ DU LỊCH\n-------\n\nSố: 4385/QĐ-BVHTTDL\n\nQUYẾT ĐỊNH\n"
    spelled = "Căn cứ đề nghị của Bộ Văn hoá, Thể thao và Du lịch;\n"
    assert extract_metadata(culture + spelled)[0].issuer == "Bộ Văn hoá, Thể thao và Du lịch"
