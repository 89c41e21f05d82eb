"""Header layouts found on corpus text nobody tuned to, each on the real lines.

- A body line starting 'Nghị quyết số 66.4/...' is not the document's own number line
  (a letter without header took the resolution's number, kind and issuer as its own);
  the header form of a law or resolution has a colon: 'Nghị quyết số: 78/2025/UBTVQH15'.
- The gazette's banner over a consolidated text ('VĂN BẢN HỢP NHẤT - BỘ Y TẾ') names the
  consolidating organ, not the title; the kind line and title follow the motto, and the
  title ends where the paragraph naming the consolidated document begins.
- The gazette's section heading ('VĂN BẢN QUY PHẠM PHÁP LUẬT'), its organ heading
  repeated above the header's, and 'XÁC THỰC VĂN BẢN HỢP NHẤT' are not the issuer.
- A footnote mark on the kind line ('NGHỊ ĐỊNH1') is not the title's first word.
- The motto inside a sentence is not the header, and the motto is never a title.
- A title line that starts with a digit continues the title: a term wrapped after an
  upper-case title ('GIAI ĐOẠN' / '2026 - 2030'), a number wrapped after 'số' or a kind
  ('Thông tư số' / '13/2020/TT-BTC'); a dotted number ('66.13/2026/NQ-CP') is no list
  item, and a number's upper-case symbol is no heading.

The lines are quoted from ../shared/corpus, so the rules run without it;
``test_quotes_are_real`` checks them against their files when it is present.
"""

from __future__ import annotations

from lexgraph.extractors.metadata import extract_metadata
from tests.corpus_quotes import CorpusQuotes

quote = CorpusQuotes()


LETTER = quote(
    "tvpl-4001-ubnd-dt-ho-chi-minh.txt",
    "Kính gửi:\n\n- Sở Nông nghiệp và Môi trường;\n- Sở Tài chính;\n- Sở Xây dựng.\n\n"
    "Thực hiện Kết luận số 15-KL/ĐU\n"
    "ngày 29 tháng 10 năm 2025 của Ban Thường vụ Đảng ủy Ủy ban nhân dân Thành phố về\n"
    "việc áp dụng cơ chế đặc thù theo Nghị quyết số 66.4/2025/NQ-CP ngày 21 tháng 9\n",
)
LETTER_BODY_LINE = quote(
    "tvpl-4001-ubnd-dt-ho-chi-minh.txt",
    "Nghị quyết số 66.4/2025/NQ-CP của Chính phủ đảm bảo đúng quy định của pháp luật.\n",
)
STANDING_COMMITTEE = quote(
    "congbao-78-2025-ubtvqh15.txt",
    "VĂN BẢN QUY PHẠM PHÁP LUẬT\nỦY BAN THƯỜNG VỤ QUỐC HỘI\n\nỦY BAN THƯỜNG VỤ QUỐC HỘI\n\n"
    "Nghị quyết số: 78/2025/UBTVQH15\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n\nNGHỊ QUYẾT\n",
)
CONSOLIDATED = quote(
    "congbao-04-vbhn-byt.txt",
    "VĂN BẢN PHÁP LUẬT KHÁC\n\nVĂN BẢN HỢP NHẤT - BỘ Y TẾ\n\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nTHÔNG TƯ\n"
    "Ban hành Danh mục thuốc đông y, thuốc từ dược liệu và vị thuốc y học\n"
    "cổ truyền thuộc phạm vi thanh toán của quỹ bảo hiểm y tế\n\n"
    "Thông tư số 05/2015/TT-BYT ngày 17 tháng 3 năm 2015 của Bộ trưởng Bộ Y\n",
)
WRAPPED_BANNER = quote(
    "congbao-1345-vbhn-bldtbxh.txt",
    "VĂN BẢN HỢP NHẤT - BỘ LAO ĐỘNG - THƯƠNG BINH\nVÀ XÃ HỘI\n\n\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nTHÔNG TƯ\n"
    "Hướng dẫn thi hành một số điều của Nghị định số 09/2013/NĐ-CP ngày 11\n"
    "tháng 01 năm 2013 của Chính phủ quy định chi tiết thi hành một số điều của\n"
    "Luật Phòng, chống mua bán người\n"
    "Thông tư số 35/2013/TT-BLĐTBXH ngày 30 tháng 12 năm 2013 của Bộ\n",
)
FOOTNOTE_ON_KIND = quote(
    "congbao-03-vbhn-btc.txt",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n",
)
UNBANNERED_CONSOLIDATION = quote(
    "congbao-1548-vbhn-bldtbxh.txt",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n\nTHÔNG TƯ\n"
    "Quy định về điều lệ trung tâm giáo dục nghề nghiệp\n"
    "Thông tư số 57/2015/TT-BLĐTBXH ngày 25 tháng 12 năm 2015 của Bộ\n",
)
# The body's spelling of the organ, from which an upper-case header name takes its case.
BYT_SPELLING = quote(
    "congbao-04-vbhn-byt.txt",
    "phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Y tế;\n",
)
BLDTBXH_SPELLING = quote(
    "congbao-1345-vbhn-bldtbxh.txt",
    "trưởng Bộ Lao động - Thương binh và Xã hội hướng dẫn thi hành một số điều của\n",
)
GAZETTE_HEADINGS = quote(
    "congbao-01-2021-tt-bldtbxh.txt",
    "CÔNG BÁO/Số 637 + 638/Ngày 16-6-2021\n3\n\nVĂN BẢN QUY PHẠM PHÁP LUẬT\n\n"
    "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\n\nBỘ LAO ĐỘNG - THƯƠNG\nBINH VÀ XÃ HỘI\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 01/2021/TT-BLĐTBXH\n",
)
MOTTO_IN_A_SENTENCE = quote(
    "congbao-111-vbhn-vpqh.txt",
    "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n"
    "Quốc hội ban hành Luật Thuế tiêu thụ đặc biệt.1\n",
)


def test_a_body_line_naming_a_resolution_is_not_the_letters_number() -> None:
    info, _ = extract_metadata(LETTER + "năm 2025 của Chính phủ.\n" + LETTER_BODY_LINE)
    assert (info.number, info.kind, info.issuer) == (None, "Công văn", None)


def test_the_colon_form_of_a_resolutions_number_line_is_read() -> None:
    info, _ = extract_metadata(STANDING_COMMITTEE + "Về việc thí điểm\n\nCăn cứ Hiến pháp;\n")
    assert (info.number, info.kind) == ("78/2025/UBTVQH15", "Nghị quyết")


def test_the_consolidation_banner_names_the_issuer_not_the_title() -> None:
    info, _ = extract_metadata(CONSOLIDATED + BYT_SPELLING)
    assert info.kind == "Văn bản hợp nhất"
    assert info.issuer == "Bộ Y tế"
    assert info.title == (
        "Ban hành Danh mục thuốc đông y, thuốc từ dược liệu và vị thuốc y học cổ truyền "
        "thuộc phạm vi thanh toán của quỹ bảo hiểm y tế"
    )


def test_a_wrapped_banner_and_the_consolidated_documents_paragraph() -> None:
    info, _ = extract_metadata(WRAPPED_BANNER + BLDTBXH_SPELLING)
    assert info.issuer == "Bộ Lao động - Thương binh và Xã hội"
    assert info.title == (
        "Hướng dẫn thi hành một số điều của Nghị định số 09/2013/NĐ-CP ngày 11 tháng 01 năm "
        "2013 của Chính phủ quy định chi tiết thi hành một số điều của Luật Phòng, chống mua "
        "bán người"
    )


def test_gazette_headings_and_the_repeated_organ_are_not_the_issuer() -> None:
    text = GAZETTE_HEADINGS + "Hà Nội, ngày 15 tháng 6 năm 2021\n\nTHÔNG TƯ\nVề việc\n\n"
    info, _ = extract_metadata(text + BLDTBXH_SPELLING)
    assert (info.issuer, info.level) == ("Bộ Lao động - Thương binh và Xã hội", "central_state")
    assert info.number == "01/2021/TT-BLĐTBXH"


def test_a_title_ends_before_a_paragraph_opening_with_a_dated_reference() -> None:
    # No banner here: the line 'Thông tư số 57/2015/... ngày' follows a complete title line.
    info, _ = extract_metadata(UNBANNERED_CONSOLIDATION)
    assert info.title == "Quy định về điều lệ trung tâm giáo dục nghề nghiệp"
    # A title wrapped after a connector ('của') keeps the reference that completes it.
    wrapped = UNBANNERED_CONSOLIDATION.replace(
        "Quy định về điều lệ trung tâm giáo dục nghề nghiệp\n",
        "Sửa đổi, bổ sung một số điều của\n",
    )
    assert extract_metadata(wrapped)[0].title.startswith(
        "Sửa đổi, bổ sung một số điều của Thông tư số 57/2015/TT-BLĐTBXH"
    )


def test_a_footnote_mark_on_the_kind_line_is_not_the_title() -> None:
    text = FOOTNOTE_ON_KIND + (
        "\nNGHỊ ĐỊNH1\nQuy định chi tiết thi hành một số điều của Luật Thuế giá trị gia tăng\n"
    )
    info, _ = extract_metadata(text)
    assert info.kind == "Nghị định"
    assert info.title == "Quy định chi tiết thi hành một số điều của Luật Thuế giá trị gia tăng"


def test_the_motto_in_a_sentence_is_not_the_header_and_never_a_title() -> None:
    text = "LUẬT\nTHUẾ TIÊU THỤ ĐẶC BIỆT\n\n" + MOTTO_IN_A_SENTENCE
    info, _ = extract_metadata(text)
    assert (info.kind, info.title) == ("Luật", "Thuế tiêu thụ đặc biệt")
    lone = "42\n\n" + MOTTO_IN_A_SENTENCE + "\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    assert extract_metadata(lone)[0].title is None


WRAPPED_NUMBER = quote(
    "tvpl-3783-qd-ubnd-nghe-an.txt",
    "Số: 3783/QĐ-\nUBND\n\nNghệ An, ngày\n20 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\n",
)


def test_a_number_whose_symbol_wraps_to_the_next_line() -> None:
    info, _ = extract_metadata("ỦY BAN NHÂN\nDÂN\nTỈNH NGHỆ AN\n--------\n\n" + WRAPPED_NUMBER)
    assert (info.number, info.date) == ("3783/QĐ-UBND", "2025-11-20")


UPPER_TITLE_TERM = quote(
    "tvpl-144-kh-ubnd-bac-ninh.txt",
    "ỦY BAN NHÂN DÂN\n\nTỈNH BẮC NINH\n-------\n\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n---------------\n\nSố: 144/KH-UBND\n\nBắc Ninh, ngày 24\n"
    "tháng 11 năm 2025\n\nKẾ HOẠCH\n\n"
    "PHÁT TRIỂN KINH TẾ SỐ VÀ XÃ HỘI SỐ TỈNH BẮC NINH GIAI ĐOẠN\n2026 - 2030\n\n"
    "Căn cứ Nghị quyết số\n57-NQ/TW ngày 22/12/2024 của Bộ Chính trị",
)
SUBJECT_NUMBER_LINE = quote(
    "tvpl-11306-vpcp-nn.txt",
    "VĂN PHÒNG CHÍNH PHỦ\n--------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n---------------\n\nSố: 11306/VPCP-NN\nV/v\n"
    "đề xuất giải pháp tháo gỡ khó khăn trong việc triển khai Nghị định\n136/2025/NĐ-CP\n\n"
    "Hà Nội, ngày 18 tháng 11 năm 2025\n",
)
TITLE_NUMBER_LINE = quote(
    "congbao-06-2026-tt-btc.txt",
    "BỘ TÀI CHÍNH\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
    "Số: 06/2026/TT-BTC\nHà Nội, ngày 26  tháng 01 năm 2026\n\n\nTHÔNG TƯ\n"
    "Sửa đổi, bổ sung một số điều của Thông tư số 13/2015/TT-BTC ngày 30\n"
    "tháng 01 năm 2015 của Bộ trưởng Bộ Tài chính quy định về kiểm tra, giám\n"
    "sát, tạm dừng làm thủ tục hải quan đối với hàng hóa xuất khẩu, nhập khẩu\n"
    "có yêu cầu bảo vệ quyền sở hữu trí tuệ; kiểm soát hàng giả và hàng hóa\n"
    "xâm phạm quyền sở hữu trí tuệ được sửa đổi, bổ sung bởi Thông tư số\n13/2020/TT-BTC\n\n",
)
DOTTED_NUMBER_TITLE = quote(
    "congbao-15-2026-nq-cp.txt",
    "NGHỊ QUYẾT\nTạm ngưng hiệu lực Nghị định số 46/2026/NĐ-CP\n"
    "ngày 26 tháng 01 năm 2026 và Nghị quyết số 66.13/2026/NQ-CP\n"
    "ngày 27 tháng 01 năm 2026 của Chính phủ\n\nCăn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;",
)


def test_a_title_line_opening_with_a_digit_goes_on() -> None:
    info, _ = extract_metadata(UPPER_TITLE_TERM)
    assert info.title == "Phát triển kinh tế số và xã hội số tỉnh Bắc Ninh giai đoạn 2026 - 2030"
    info, _ = extract_metadata(SUBJECT_NUMBER_LINE)
    assert info.title.endswith("trong việc triển khai Nghị định 136/2025/NĐ-CP")
    info, _ = extract_metadata(TITLE_NUMBER_LINE)
    assert info.title.endswith("được sửa đổi, bổ sung bởi Thông tư số 13/2020/TT-BTC")
    assert info.number == "06/2026/TT-BTC"


def test_a_dotted_number_wrapped_to_its_own_line_is_no_list_item() -> None:
    # The gazette's title as a narrower column wraps it: the number alone on a line.
    header = (
        "CHÍNH PHỦ\n_______\n\nSố:   15/2026/NQ-CP\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nHà Nội, ngày 06  tháng 4 năm 2026\n\n"
    )
    title = (
        "Tạm ngưng hiệu lực Nghị định số 46/2026/NĐ-CP ngày 26 tháng 01 năm 2026 và Nghị quyết "
        "số 66.13/2026/NQ-CP ngày 27 tháng 01 năm 2026 của Chính phủ"
    )
    for text in (DOTTED_NUMBER_TITLE, DOTTED_NUMBER_TITLE.replace("số 66.13", "số\n66.13")):
        info, _ = extract_metadata(header + text)
        assert info.title == title, text


def test_quotes_are_real() -> None:
    quote.assert_real()


DATE_WITHOUT_COMMA = quote(
    "tvpl-386-nq-cp.txt", "Số: 386/NQ-CP\n\nHà Nội ngày 01\ntháng 12 năm 2025\n\nNGHỊ QUYẾT\n"
)
SPLIT_MONTH = quote(
    "congbot-102-2018-nd-cp.txt", "Số: 102/2018/NĐ-CP    Hà Nội, ngày 20 tháng 0 7 năm 2018"
)


def test_header_dates_in_scanned_and_copied_layouts() -> None:
    info, _ = extract_metadata("CHÍNH PHỦ\n--------\n\n" + DATE_WITHOUT_COMMA + "VỀ VIỆC\n")
    assert info.date == "2025-12-01"
    info, _ = extract_metadata("CHÍNH PHỦ -------\n\n" + SPLIT_MONTH + "\n\nNGHỊ ĐỊNH\n")
    assert info.date == "2018-07-20"


def test_a_basis_line_without_comma_is_no_header_date() -> None:
    # No place-and-date line: the law's date in 'Căn cứ Luật ... ngày ...' is not the
    # document's ('Căn cứ Luật Tổ chức Chính' is no place).
    text = "CHÍNH PHỦ\n\nSố: 386/NQ-CP\n\nNGHỊ QUYẾT\nVỀ VIỆC\nCăn cứ Luật Tổ chức Chính ngày 18 tháng 02 năm 2025;\n"
    assert extract_metadata(text)[0].date is None


SUBJECT_ON_NUMBER_LINE = quote(
    "congbot-1414-tct-cs.txt",
    "Số: 1414/TCT-CS V/v hỗ trợ người có công với cách mạng cải thiện nhà ở.    Hà Nội, ngày "
    "04 tháng 05 năm 2013",
)


def test_a_letters_subject_on_its_number_line() -> None:
    text = "BỘ TÀI CHÍNH TỔNG CỤC THUẾ -------\n\n" + SUBJECT_ON_NUMBER_LINE + "\n\nKính gửi: A.\n"
    info, _ = extract_metadata(text)
    assert (info.kind, info.title, info.date) == (
        "Công văn", "Hỗ trợ người có công với cách mạng cải thiện nhà ở", "2013-05-04",
    )  # fmt: skip
    colon = text.replace("V/v hỗ trợ", "V/v: hỗ trợ")
    assert extract_metadata(colon)[0].title == info.title


AUTHENTICATION = quote(
    "congbao-04-vbhn-byt.txt",
    "\n\nBỘ Y TẾ\n\nSố: 04/VBHN-BYT\nXÁC THỰC VĂN BẢN HỢP NHẤT\n\n\nHà Nội, ngày 13 tháng 4 năm 2018"
    "\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nPhạm Lê Tuấn\n",
)


def test_a_consolidated_texts_authentication_before_long_annexes() -> None:
    # The block sits at a quarter of the file here: the annexes and forms follow it.
    body = "Điều 1. Phạm vi\n" + "Thông tư này quy định danh mục thuốc.\n" * 150
    text = CONSOLIDATED + BYT_SPELLING + body + AUTHENTICATION
    text += "\nPhụ lục 1\nDANH MỤC THUỐC\n" + "Thuốc đông y.\n" * 1200
    info, _ = extract_metadata(text)
    assert (info.number, info.date, info.kind) == ("04/VBHN-BYT", "2018-04-13", "Văn bản hợp nhất")
