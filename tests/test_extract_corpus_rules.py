"""Grammar rules found on corpus text nobody tuned to, each on the real sentence that
motivated it.

The sentences are quoted (hard line wraps kept) from ../shared/corpus, so the rules run
without it; ``test_quotes_are_real`` checks each quote against its file and skips when
../shared is absent.
"""

import re
import unicodedata
from pathlib import Path

import pytest

from lexgraph.extractors.citations import find_citations
from lexgraph.extractors.issuers import read_issuer, short_form
from lexgraph.extractors.laws import find_laws
from lexgraph.model import DocumentInfo

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
LOCAL = DocumentInfo(number="999/KH-UBND", province="Cần Thơ", level="province")
CENTRAL = DocumentInfo(number="999/2026/NĐ-CP", level="central_state")
BODY = "KẾ HOẠCH\n\nI. MỤC ĐÍCH\n\n"  # mentions after this are in the body

QUOTES: dict[str, str] = {}


def quote(file: str, text: str) -> str:
    """Register ``text`` as quoted from ``file`` (checked by test_quotes_are_real)."""
    QUOTES[text] = file
    return text


def citations(text: str, doc: DocumentInfo = LOCAL):
    return [c for c in find_citations(text, doc).citations if c.number]


def relation_of(text: str, number: str, doc: DocumentInfo = LOCAL) -> str:
    return next(c.relation for c in citations(text, doc) if c.number == number)


def issuer_of(text: str, number: str, doc: DocumentInfo = LOCAL) -> str | None:
    return next(c.issuer for c in citations(text, doc) if c.number == number)


# --- relations --------------------------------------------------------------------------

CAN_THO_OPENING = quote(
    "tvpl-165-kh-ubnd-can-tho.txt",
    """Thực hiện Chỉ thị số 27/CT-TTg
ngày 15 tháng 8 năm 2024 của Thủ tướng Chính phủ về việc tăng cường thực hiện
công tác dân số trong tình hình mới (sau đây viết tắt là Chỉ thị số 27/CT-TTg);
Công văn số 6676/BYT-CDS ngày 29 tháng 10 năm 2024 của Bộ Y tế về việc triển
khai thực hiện Chỉ thị số 27/CT-TTg của Thủ tướng Chính phủ.""",
)


def test_a_cue_inside_closed_parentheses_governs_nothing_after_them() -> None:
    # 'sau đây viết tắt là' (a naming aside) used to block the list head 'Thực hiện'.
    assert relation_of(CAN_THO_OPENING, "6676/BYT-CDS") == "implements"


HANOI_PURPOSE = quote(
    "tvpl-310-kh-ubnd-ha-noi.txt",
    """- Cụ thể hóa nhiệm vụ, giải
pháp chủ yếu đề ra tại Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị
về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc
gia; Quyết định số 1132/QĐ-TTg ngày 09/10/2024 của Thủ tướng Chính phủ phê duyệt
Chiến lược hạ tầng số đến năm 2025 và định hướng đến năm 2030 (sau đây gọi là
Quyết định số 1132/QĐ-TTg); Quyết định số 1569/QĐ-TTg ngày 12/12/2024 của Thủ
tướng Chính phủ về việc phê duyệt Quy hoạch Thủ đô Hà Nội thời kỳ 2021-2030, tầm
nhìn đến năm 2050 và Nghị quyết số 18-NQ/TU ngày 30/12/2022 của Thành ủy Hà Nội
về chuyển đổi số, xây dựng thành phố Hà Nội thông minh đến năm 2025, định hướng
đến năm 2030.""",
)


def test_list_items_after_a_naming_aside_keep_the_list_head() -> None:
    text = BODY + HANOI_PURPOSE
    assert relation_of(text, "1569/QĐ-TTg") == "implements"
    assert relation_of(text, "18-NQ/TU") == "implements"


CA_MAU_BASIS = quote(
    "tvpl-01763-qd-ubnd-ca-mau.txt",
    """Căn cứ Nghị định số 63/2010/NĐ-CP
ngày 08/6/2010 của Chính phủ về kiểm soát thủ tục hành chính; Nghị định số 92/2017/NĐ-CP
ngày 07/8/2017 của Chính phủ sửa đổi, bổ sung một số điều của các nghị định
liên quan đến kiểm soát thủ tục hành chính;""",
)


def test_a_basis_list_goes_on_after_a_semicolon() -> None:
    assert relation_of(CA_MAU_BASIS, "92/2017/NĐ-CP") == "based_on"


def test_a_number_inside_a_basis_subject_is_only_cited() -> None:
    # The counterpart (seed rule): no ';' between, the second number is the first's topic.
    text = quote(
        "tvpl-2688-qd-ubnd-quang-tri.txt",
        """Căn cứ Nghị định số
78/2025/NĐ-CP ngày 01 tháng 4 năm 2025 của Chính phủ quy định chi tiết một số điều và
biện pháp để tổ chức, hướng dẫn thi hành Luật Ban hành văn bản quy phạm pháp luật;""",
    )
    assert relation_of(text, "78/2025/NĐ-CP", CENTRAL) == "based_on"


GIA_LAI_PROPOSAL = quote(
    "tvpl-44-2025-qd-ctubnd-gia-lai.txt",
    """Theo đề nghị của Sở Tài chính tại Tờ trình số:
421/TTr-STC ngày 29/10/2025, 501/TTr-STC ngày 20/11/2025 và ý kiến thẩm định của
Sở Tư pháp tại Báo cáo số 22/BC-STP ngày 24/10/2025;""",
)


def test_an_issuer_named_before_a_list_covers_every_item() -> None:
    assert issuer_of(GIA_LAI_PROPOSAL, "421/TTr-STC") == "Sở Tài chính"
    assert issuer_of(GIA_LAI_PROPOSAL, "501/TTr-STC") == "Sở Tài chính"
    assert issuer_of(GIA_LAI_PROPOSAL, "22/BC-STP") == "Sở Tư pháp"
    assert relation_of(GIA_LAI_PROPOSAL, "501/TTr-STC") == "cites"


HANOI_PLANS = quote(
    "tvpl-310-kh-ubnd-ha-noi.txt",
    """thông thụ động trên địa bàn Thành phố đảm bảo phù hợp với các Quy hoạch đã được
Thủ tướng Chính phủ phê duyệt tại các Quyết định: số 36/QĐ-TTg ngày 11/01/2024
về việc quy hoạch hạ tầng thông tin và truyền thông thời kỳ 2021-2030, tầm nhìn
đến 2025; số 1569/QĐ-TTg ngày 12/12/2024 về việc phê duyệt quy hoạch Thủ đô Hà
Nội thời kỳ 2021-2030, tầm nhìn đến năm 2050 và số 1668/QĐ-TTg ngày 27/12/2024""",
)


def test_passive_issuer_before_tai_and_bare_so_list_items() -> None:
    for number in ("36/QĐ-TTg", "1569/QĐ-TTg", "1668/QĐ-TTg"):
        assert issuer_of(BODY + HANOI_PLANS, number) == "Thủ tướng Chính phủ", number


CD_220 = quote(
    "tvpl-220-cd-ttg.txt",
    """đã tập trung triển khai thực hiện các nhiệm vụ được giao[1]. Chính phủ đã ban hành Nghị quyết số 66.7/2025/NQ-CP ngày
15 tháng 11 năm 2025 quy định cắt giảm, đơn giản hóa TTHC dựa trên dữ liệu[2].""",
)


def test_the_subject_of_ban_hanh_is_the_issuer() -> None:
    assert issuer_of(CD_220, "66.7/2025/NQ-CP", CENTRAL) == "Chính phủ"


def test_a_lower_case_subject_is_not_an_issuer() -> None:
    text = quote(
        "tvpl-165-kh-ubnd-can-tho.txt",
        """kế hoạch thực hiện Chương trình kịp thời, hiệu quả. Bên cạnh đó các tỉnh/thành
phố đã tổ chức hội nghị, học tập, quán triệt, tuyên truyền sâu rộng nội dung
Nghị quyết số 21-NQ/TW đến cán bộ, đảng viên và Nhân dân;""",
    )
    assert issuer_of(text, "21-NQ/TW") is None


DECREE_2639 = quote(
    "tvpl-2639-qd-ttg.txt",
    """Điều 1. Bổ sung có mục tiêu
từ ngân sách trung ương cho 27 địa phương số tiền 2.615 tỷ đồng (hai nghìn sáu
trăm mười lăm tỷ đồng) từ nguồn dự toán chi thường xuyên ngân sách trung ương
năm 2024 chưa phân bổ còn lại được chuyển nguồn sang năm 2025 theo quy định tại
Điều 2 Nghị quyết số 196/2025/QH15 ngày
17 tháng 05 năm 2025 của Quốc hội để sửa chữa, cải tạo, nâng cấp, mở rộng trụ sở""",
)


def test_a_wrapped_article_reference_is_not_an_article_heading() -> None:
    # 'tại\nĐiều 2 Nghị quyết ...': 'Điều 2' without '.' continues the sentence.
    text = "QUYẾT ĐỊNH:\n" + DECREE_2639
    assert relation_of(text, "196/2025/QH15", CENTRAL) == "implements"


CAN_THO_FOOTNOTES = quote(
    "tvpl-165-kh-ubnd-can-tho.txt",
    """Sau 8 năm triển khai thực hiện
Nghị quyết số 21-NQ/TW ngày 25 tháng 10 năm 2017 của Hội nghị lần thứ sáu Ban
Chấp hành Trung ương Khóa XII về công tác dân số trong tình hình mới (sau đây
viết tắt là Nghị quyết số 21-NQ/TW), Thành ủy/Tỉnh ủy, Ủy ban nhân dân tỉnh/thành
phố đã ban hành nhiều chương trình, kế hoạch[1] để triển khai đến sở, ban, ngành, đoàn thể các cấp.""",
)


def test_footnoted_documents_that_were_issued_before_are_background() -> None:
    filler = "".join(
        f"Quyết định số {n}/QĐ-TTg ngày 01/4/2021 của Thủ tướng Chính phủ về việc phê "
        "duyệt Đề án đào tạo, bồi dưỡng, nâng cao năng lực đội ngũ cán bộ; "
        for n in range(500, 515)
    )
    long_note = "[1]\nChương trình số 30-CTr/TU ngày 29/12/2017 của Thành ủy; " + filler
    body = "\n\nI. MỤC ĐÍCH\n\n1. Triển khai thực hiện theo các văn bản[2].\n\n"
    note2 = "[2] " + filler + "Quyết định số 1745/QĐ-TTg ngày 15/8/2025 của Thủ tướng."
    text = CAN_THO_FOOTNOTES + body + long_note + "\n\n" + note2
    rel = {c.number: c.relation for c in citations(text)}
    assert rel["30-CTr/TU"] == "cites"
    # A footnote longer than 1,500 characters keeps its marker's relation to the end.
    assert len(note2) > 1500 and rel["1745/QĐ-TTg"] == "implements"


def test_an_unnumbered_document_in_the_gap_owns_the_chain_verb() -> None:
    text = quote(
        "tvpl-310-kh-ubnd-ha-noi.txt",
        """Kế hoạch số 139/KH-UBND ngày 16/5/2025
của UBND Thành phố về thực hiện Nghị quyết số 71/NQ -CP ngày 01/4/2025 của
Chính phủ và Kế hoạch hành động của Ban Thường vụ Thành ủy Hà Nội về triển khai
Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển""",
    )
    found = find_citations(text, LOCAL)
    pairs = {(a.subject.split("@")[0], a.object.split("@")[0]) for a in found.assertions}
    assert ("139/KH-UBND", "71/NQ-CP") in pairs
    assert ("71/NQ-CP", "57-NQ/TW") not in pairs


# --- issuers ----------------------------------------------------------------------------


def test_a_steering_committee_is_named_by_its_remit() -> None:
    text = quote(
        "tvpl-987-kh-ubnd-nghe-an.txt",
        """Kế hoạch số 01-KH/BCĐ ngày 28/06/2025 của Ban Chỉ đạo
phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số, cải cách hành
chính và đề án 06 về Kế hoạch hành động triển khai thực hiện Kế hoạch số
02-KH/BCĐTW, ngày 19/6/2025 của Ban Chỉ đạo Trung ương, Ủy ban nhân dân tỉnh""",
    )
    assert issuer_of(text, "01-KH/BCĐ") == (
        "Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số, "
        "cải cách hành chính và đề án 06"
    )
    assert issuer_of(text, "02-KH/BCĐTW") == "Ban Chỉ đạo Trung ương"
    found = find_citations(text, LOCAL)
    assert [a.relation for a in found.assertions] == ["implements"]


def test_a_management_board_keeps_its_remit_and_drops_its_place() -> None:
    raw, _ = read_issuer(
        "của Ban Quản lý các khu công nghệ cao và khu công nghiệp thành phố Hà Nội về", 4
    )
    assert short_form(raw) == (
        "Ban Quản lý các khu công nghệ cao và khu công nghiệp thành phố",
        "Hà Nội",
    )


def test_a_plenum_wrapped_across_lines_gives_the_committee() -> None:
    text = quote(
        "tvpl-165-kh-ubnd-can-tho.txt",
        """Chính trị về đẩy mạnh thực hiện Nghị quyết số 21-NQ/TW ngày 25/10/2017 của Hội
nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII về công tác dân số""",
    )
    assert issuer_of(text, "21-NQ/TW") == "Ban Chấp hành Trung ương Đảng"


@pytest.mark.parametrize(
    ("file", "sentence", "number", "issuer"),
    [
        (  # the plenum by its number: the Central Committee
            "congbao-105-nq-cp.txt",
            "sắp xếp, tinh gọn tổ chức bộ máy theo chủ trương, yêu cầu của Nghị quyết số\n"
            "18-NQ/TW ngày 25 tháng 10 năm 2017 của Hội nghị Trung ương 6 khóa XII",
            "18-NQ/TW",
            "Ban Chấp hành Trung ương",
        ),
        (  # 'tài' (lower case in the source) folds like the stop word 'tại'
            "congbao-66-16-2026-nq-cp.txt",
            "22 Thông tư 86/2024/TT-BTC ngày 23/12/2024 của Bộ trưởng Bộ tài chính quy\n"
            "định về đăng ký thuế",
            "86/2024/TT-BTC",
            "Bộ trưởng Bộ tài chính",
        ),
        (  # 'Trung tâm': a pair of organ words
            "tvpl-1594-qd-ttpvhcc-ha-noi-trung-tam-phu.txt",
            "Căn cứ Quyết định số\n1535/QĐ-TTPVHCC ngày 03/11/2025 của Trung tâm Phục vụ hành "
            "chính công thành phố\nHà Nội về việc công bố Danh mục thủ tục hành chính mới",
            "1535/QĐ-TTPVHCC",
            "Trung tâm Phục vụ hành chính công thành phố",
        ),
        (  # an abbreviation stays as written
            "tvpl-4001-ubnd-dt-ho-chi-minh.txt",
            "Giấy phép thăm dò số 711/GP-TNMT- QLTN ngày 12/9/2007 của STNMT, thời hạn\n06 tháng",
            "711/GP-TNMT-QLTN",
            "STNMT",
        ),
    ],
)
def test_issuer_phrases(file: str, sentence: str, number: str, issuer: str) -> None:
    quote(file, sentence)
    assert issuer_of(sentence, number) == issuer


# --- laws cited by name ----------------------------------------------------------------


def law_names(text: str) -> list[str]:
    return [law.name for law in find_laws(text)]


@pytest.mark.parametrize(
    ("file", "sentence", "name"),
    [
        # A verb of the sentence ends the name ('lập hồ sơ', 'kể từ', 'không hưởng').
        (
            "congbao-25-2026-tt-btc.txt",
            "Doanh nghiệp đáp ứng đủ điều kiện quy định tại khoản 1 Điều 20 Luật\nHải quan "
            "lập hồ sơ đề nghị công nhận đủ điều kiện hoạt động đại lý làm thủ tục",
            "Luật Hải quan",
        ),
        (
            "congbao-28-vbhn-vpqh.txt",
            "Danh mục tại Phụ lục số 2 kèm theo Luật này được thực hiện theo Luật Giá kể từ "
            "ngày Luật\nnày có hiệu lực thi hành.",
            "Luật Giá",
        ),
        (
            "congbao-19-qh14.txt",
            "hợp tác xã theo quy định của Luật Hợp tác xã không hưởng tiền lương.",
            "Luật Hợp tác xã",
        ),
        # A digit ends the name: a footnote marker glued to the last word.
        (
            "congbao-22-vbhn-vpqh.txt",
            "Quốc hội ban hành Luật Bảo hiểm y tế1.",
            "Luật Bảo hiểm y tế",
        ),
        # A structure word with a capital is no name word; a trailing 'và' is dropped.
        (
            "congbao-06-vbhn-btc.txt",
            "thuế quản lý trực tiếp theo quy định tại Điều 39 Luật Quản lý thuế và Điều 14\n"
            "Thông tư này.",
            "Luật Quản lý thuế",
        ),
        # 'và' + the second member of a title's coordination.
        (
            "congbao-28-2026-tt-btc.txt",
            "số điều và biện pháp để tổ chức, hướng dẫn thi hành Luật Phí và lệ phí;",
            "Luật Phí và lệ phí",
        ),
        (
            "tvpl-0125-kh-ubnd-dak-lak.txt",
            "quán triệt Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân,\n"
            "các văn bản chỉ đạo, hướng dẫn về công tác bầu cử",
            "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân",
        ),
        # 'khí' is not 'khi', 'đổi' is not 'đối'; comma coordinations of longer titles.
        (
            "congbao-37-vbhn-bct.txt",
            "Căn cứ Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ ngày 29\n"
            "tháng 6 năm 2024;",
            "Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ",
        ),
        (
            "congbao-125-2026-nd-cp.txt",
            "Căn cứ Luật Khoa học, công nghệ và đổi mới sáng tạo số 93/2025/QH15;",
            "Luật Khoa học, công nghệ và đổi mới sáng tạo",
        ),
    ],
)
def test_law_names_end_where_the_title_ends(file: str, sentence: str, name: str) -> None:
    quote(file, sentence)
    assert law_names(sentence)[0] == name


def test_law_name_words_that_look_like_verbs() -> None:
    # Real titles that hold 'không', 'lập', 'gửi', 'làm', 'tham gia', 'của', 'lá'.
    for name in [
        "Luật Hàng không dân dụng Việt Nam",
        "Luật Kiểm toán độc lập",
        "Luật Bảo hiểm tiền gửi",
        "Luật Người lao động Việt Nam đi làm việc ở nước ngoài",
        "Luật Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở",
        "Luật Phòng, chống tác hại của thuốc lá",
        "Luật Điều ước quốc tế",
    ]:
        assert law_names(f"Căn cứ {name} năm 2016;") == [name]


def test_a_heading_after_an_upper_case_luat_is_no_law() -> None:
    assert law_names("CHƯƠNG II\nLUẬT Điều 15. Phạm vi") == []
    assert law_names("GIẢI THÍCH TỪ NGỮ, ÁP DỤNG LUẬT VÀ TỔ CHỨC THỰC HIỆN") == []


# --- cues that are not what they look like ------------------------------------------------

FURTHER_TO = quote(
    "tvpl-223-cd-ttg.txt",
    """Để tập trung ứng phó mưa lũ đặc biệt lớn, bảo đảm
an toàn tính mạng cho Nhân dân, tiếp theo các Công điện số 217/CĐ-TTg,
218/CĐ-TTg, 219/CĐ-TTg và 222/CĐ-TTg ngày 19/11/2025, Thủ tướng Chính phủ yêu
cầu:""",
)


def test_further_to_a_document_cites_it() -> None:
    # 'tiếp theo' (further to) is a sequel's link to its predecessor; its 'theo' is no cue.
    found = citations(FURTHER_TO, CENTRAL)
    assert [c.number for c in found] == ["217/CĐ-TTg", "218/CĐ-TTg", "219/CĐ-TTg", "222/CĐ-TTg"]
    assert {c.relation for c in found} == {"cites"}
    # 'những năm tiếp theo' (the following years) is no cue either: 'Căn cứ' still governs.
    text = quote(
        "congbot-252-kh-bcdqg1237.txt",
        "Căn cứ Quyết định số 1237/QĐ-TTg ngày 27 tháng 7 năm 2013 của Thủ tướng Chính phủ về "
        "việc phê duyệt Đề án tìm kiếm, quy tập hài cốt liệt sĩ từ nay đến năm 2020 và những "
        "năm tiếp theo;",
    )
    assert relation_of(text, "1237/QĐ-TTg", CENTRAL) == "based_on"


INCLUDING_ASIDE = quote(
    "congbao-162-2026-nd-cp.txt",
    """a) Cán bộ, công chức, công nhân, viên chức và người lao động (kể cả
người có thời gian tham gia bảo hiểm xã hội tự nguyện, người nghỉ hưu từ quỹ
bảo hiểm xã hội nông dân Nghệ An chuyển sang theo Quyết định số
41/2009/QĐ-TTg về việc chuyển bảo hiểm xã hội nông dân Nghệ An sang bảo
hiểm xã hội tự nguyện); quân nhân, công an nhân dân và người làm công tác
cơ yếu đang hưởng lương hưu hằng tháng.""",
)
EXCEPT_ASIDE = quote(
    "congbao-23-2026-nq-cp.txt",
    """a) Bổ sung ngành, nghề, trình độ đào tạo mới (trừ trường hợp tự chủ quyết
định mở ngành, nghề đào tạo theo quy định tại khoản 3 Điều 14 Nghị định số
143/2016/NĐ-CP đã được sửa đổi, bổ sung bởi Nghị định số 24/2022/NĐ-CP);""",
)


def test_an_inclusion_or_exception_aside_says_who_is_covered_not_what_to_do() -> None:
    assert relation_of(BODY + INCLUDING_ASIDE, "41/2009/QĐ-TTg", CENTRAL) == "cites"
    assert relation_of(BODY + EXCEPT_ASIDE, "143/2016/NĐ-CP", CENTRAL) == "cites"
    # Without the aside, acting 'theo' a document is a task.
    plain = BODY + "Người lao động chuyển sang theo Quyết định số 41/2009/QĐ-TTg."
    assert relation_of(plain, "41/2009/QĐ-TTg", CENTRAL) == "implements"


NARRATED_ISSUANCE = quote(
    "tvpl-641-tb-vpcp.txt",
    """3. Về đề nghị Bộ Khoa học và Công nghệ phối hợp với
các bộ, ngành rà soát, hoàn thiện đưa vào khai thác hiệu quả cơ sở dữ liệu quốc
gia, cơ sở dữ liệu dùng chung của cơ quan nhà nước và triển khai các nhiệm vụ
trọng tâm tại Quyết định số 1565/QĐ-TTg ngày 18 tháng 7 năm 2025 của Thủ tướng
Chính phủ: Về vấn đề này, Chính phủ đã ban hành Nghị quyết số 214/NQ-CP ngày 23
tháng 7 năm 2025 ban hành Kế hoạch hành động của Chính phủ về thúc đẩy tạo lập
dữ liệu phục vụ chuyển đổi số toàn diện""",
)


def test_the_subject_after_an_opening_adverbial_issued_the_document() -> None:
    # 'Về vấn đề này, Chính phủ đã ban hành ...': the subject follows the comma clause; the
    # issuance is narrated, so 'triển khai' before the colon does not make it a task.
    found = {c.number: c for c in citations(BODY + NARRATED_ISSUANCE, CENTRAL)}
    assert found["214/NQ-CP"].issuer == "Chính phủ"
    assert found["214/NQ-CP"].relation == "cites"
    assert found["1565/QĐ-TTg"].relation == "implements"
    # An annex 'ban hành kèm theo' a decree names no subject.
    annex = quote(
        "tvpl-3257-tni-qldn1-tay-ninh.txt",
        """thuộc nhóm hàng hóa, dịch vụ đang áp dụng
mức thuế suất 10% và không thuộc Phụ lục I, II, III ban hành kèm theo Nghị định
số 72/2024/NĐ-CP""",
    )
    assert issuer_of(annex, "72/2024/NĐ-CP", CENTRAL) is None


def test_a_law_name_ends_before_table_cells_labels_and_blank_lines() -> None:
    cells = quote(
        "congbao-4-qh15.txt",
        """1. Vi phạm quy định của Luật Chứng khoán
Vi phạm
Loại hình vi phạm
Biện pháp
xử lý""",
    )
    assert law_names(cells) == ["Luật Chứng khoán"]
    label = quote(
        "congbao-66-16-2026-nq-cp.txt",
        """một số điều của Luật Kế toán
V. Không quy định tỷ lệ vốn góp của kế toán viên hành nghề""",
    )
    assert law_names(label) == ["Luật Kế toán"]
    blank = quote(
        "tvpl-2913-qd-ubnd-ha-tinh.txt",
        """quy định tại khoản 2 Điều 125 Luật Bảo vệ môi trường

Môi trường

UBND cấp xã""",
    )
    assert law_names(blank) == ["Luật Bảo vệ môi trường"]
    # A hard wrap inside a name is no end ('Luật Tổ chức' / 'Chính phủ').
    wrapped = quote(
        "tvpl-2530-qd-ttg.txt", "Căn cứ Luật Tổ chức\nChính phủ ngày 18 tháng 02 năm 2025;"
    )
    assert law_names(wrapped) == ["Luật Tổ chức Chính phủ"]
    verb = quote(
        "congbao-3305-vbhn-bldtbxh.txt",
        "theo quy định tại Điều 55 Luật Việc làm nên trong thời",
    )
    assert law_names(verb) == ["Luật Việc làm"]


# --- documents cited by name (alias table) ------------------------------------------------

NGHE_AN_CONGRESS = quote(
    "tvpl-982-kh-ubnd-nghe-an.txt",
    """Thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần
thứ XIII của Đảng; Chỉ thị số 45-CT/TW ngày 14 tháng 4 năm 2025 của Bộ Chính trị
về Đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của
Đảng; Quyết định số 2437/QĐ-TTg ngày 04 tháng 11 năm 2025 của Thủ tướng Chính
phủ ban hành Kế hoạch triển khai Đợt thi đua Lập thành tích chào mừng Đại hội lần
thứ XIV của Đảng; tăng tốc, bứt phá hoàn thành thắng lợi các mục tiêu, nhiệm vụ
Nghị quyết Đại hội lần thứ XIII của Đảng;""",
)


def test_party_congress_resolutions_resolve_by_name() -> None:
    found = [c for c in find_citations(NGHE_AN_CONGRESS, LOCAL).citations if c.alias]
    assert [c.alias for c in found] == ["nq-dai-hoi-xiii", "nq-dai-hoi-xiii"]
    first = found[0]
    assert first.relation == "implements" and first.scope == "document"
    assert first.level == "central_party" and first.year == 2021 and first.number is None
    assert first.key == found[1].key  # two wordings, one document
    # The congress itself ('chào mừng Đại hội lần thứ XIV') is no resolution.
    assert not any(c.alias == "nq-dai-hoi-xiv" for c in found)


def test_a_provincial_congress_is_not_the_national_one() -> None:
    text = quote(
        "../seeds/000_3de2988a4deb195f.txt",
        "gắn với Chương trình hành động số 02-CTr/BDVTU ngày 05/12/2021 của Ban Dân vận Tỉnh "
        "ủy về thực hiện Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII, Nghị quyết Đại hội "
        "Đảng bộ tỉnh lần thứ XVI, nhiệm kỳ 2020 - 2025 về công tác dân vận.",
    )
    found = find_citations(text, LOCAL)
    assert [c.alias for c in found.citations if c.alias] == ["nq-dai-hoi-xiii"]
    chained = {(a.subject.split("@")[0], a.object.split("@")[0]) for a in found.assertions}
    assert ("02-CTr/BDVTU", "law:nghi-quyet-dai-hoi-dai-bieu-toan-quoc-lan-thu-xiii-cua-dang") in (
        chained
    )


# --- the quotes are real ----------------------------------------------------------------


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def test_quotes_are_real() -> None:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not available")
    cache: dict[str, str] = {}
    for text, file in QUOTES.items():
        if file not in cache:
            cache[file] = _squash((CORPUS / file).read_text("utf-8"))
        assert _squash(text) in cache[file], (file, text[:60])


# --- issuers in upper-case titles ------------------------------------------------------


@pytest.mark.parametrize(
    ("file", "title", "number", "issuer"),
    [
        ("tvpl-35-2025-nq-hdnd-hue.txt",
         "NGHỊ QUYẾT SỐ 22/2023/NQ-HĐND\nNGÀY 20 THÁNG 10 NĂM 2023 CỦA HĐND TỈNH THỪA THIÊN HUẾ",
         "22/2023/NQ-HĐND", "HĐND tỉnh"),
        ("congbot-3210-qd-ubnd.txt",
         "TRIỂN KHAI THỰC HIỆN THÔNG TƯ SỐ 09/2013/TT-BXD NGÀY 01 THÁNG 7 NĂM 2013 CỦA BỘ "
         "XÂY DỰNG VỀ", "09/2013/TT-BXD", "Bộ Xây dựng"),
        ("tvpl-70-2025-qd-ubnd-ha-noi.txt",
         "QUYẾT ĐỊNH SỐ 48/2024/QĐ-UBND NGÀY\n22/7/2024 CỦA UBND THÀNH PHỐ HÀ NỘI VỀ BAN HÀNH",
         "48/2024/QĐ-UBND", "UBND thành phố"),
    ],
)  # fmt: skip
def test_an_upper_case_issuer_reads_as_the_body_writes_it(file, title, number, issuer) -> None:
    # Was 'Hđnd tỉnh thừa thiên huế', 'Bộ xây dựng', 'Ubnd thành phố hà nội': the place
    # name, lower-cased, stuck to the short form.
    text = quote(file, title)
    assert issuer_of(text, number, CENTRAL) == issuer


@pytest.mark.parametrize(
    ("upper", "cased"),
    [
        ("UBND HUYỆN LONG PHÚ", ("UBND huyện", "Long Phú")),
        ("ĐẢNG ỦY XÃ PHÚ LỘC", ("Đảng ủy xã", "Phú Lộc")),
        ("BAN THƯỜNG VỤ HUYỆN ỦY", ("Ban Thường vụ Huyện ủy", None)),
        ("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", ("Bộ Lao động - Thương binh và Xã hội", None)),
        ("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", ("Bộ Văn hóa, Thể thao và Du lịch", None)),
        ("SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH NGHỆ AN", ("Sở Giáo dục và Đào tạo tỉnh", "Nghệ An")),
        ("ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH", ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", None)),
        ("VĂN PHÒNG CHÍNH PHỦ", ("Văn phòng Chính phủ", None)),
    ],
)  # fmt: skip
def test_upper_case_organ_names(upper: str, cased: tuple[str, str | None]) -> None:
    assert short_form(upper) == cased


# --- a purpose clause after a 'Căn cứ ...;' / 'Theo đề nghị ...;' list -------------------

HCM_OPENING = quote(
    "tvpl-4240-ubnd-vx-ho-chi-minh.txt",
    """Theo đề nghị của Giám đốc Sở
Nội vụ tại Tờ trình số 9807/TTr-SNV ngày 25 tháng 11 năm 2025;
Để hoàn thành việc cập nhật,
đồng bộ với Cơ sở dữ liệu quốc gia về cán bộ, công chức, viên chức theo yêu cầu
của Bộ Nội vụ, Chủ tịch Ủy ban nhân dân Thành phố có ý kiến chỉ đạo như sau:""",
)


def test_a_purpose_clause_opens_a_paragraph_after_a_list_ended_by_a_semicolon() -> None:
    from lexgraph.extractors.relations import build_structure

    structure = build_structure(HCM_OPENING)
    purpose = HCM_OPENING.index("Để hoàn thành")
    assert structure.block_start(purpose + 20) == purpose
    # So a plan named in it is what the purpose clause says, not one more basis item.
    text = (
        "KẾ HOẠCH\n\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
        "Để tiếp tục thực hiện có hiệu quả Kế hoạch số 117/KH-UBND ngày 28/3/2025 của UBND "
        "tỉnh Tây Ninh, UBND huyện ban hành Kế hoạch như sau:"
    )
    doc = DocumentInfo(number="78/KH-UBND", province="Gia Lai", level="district")
    assert relation_of(text, "117/KH-UBND", doc) == "continues"


HCM_TITLE = quote(
    "tvpl-2820-qd-ubnd-ho-chi-minh.txt",
    """BAN HÀNH KẾ HOẠCH TRIỂN KHAI QUYẾT ĐỊNH SỐ
06/QĐ-TTG NGÀY 02 THÁNG 01 NĂM 2025 CỦA THỦ TƯỚNG CHÍNH PHỦ VÀ QUYẾT ĐỊNH SỐ
3103/QĐ-BTC NGÀY 05 THÁNG 9 NĂM 2025 CỦA BỘ TÀI CHÍNH

ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH""",
)
CAN_THO_WRAP = quote(
    "tvpl-2579-qd-ubnd-can-tho.txt",
    """1849/QĐ-UBND ngày 20 tháng 8 năm 2024 của Ủy ban nhân
dân thành

phố Cần Thơ về việc ban hành""",
)


def test_a_blank_line_before_a_capital_ends_an_issuer_not_one_inside_a_name() -> None:
    # Was 'Bộ Tài chính ủy ban nhân dân thành phố': the next heading joined the issuer.
    assert issuer_of(HCM_TITLE, "3103/QĐ-BTC") == "Bộ Tài chính"
    # A stray blank line inside a wrapped name ('thành' / '' / 'phố') is crossed.
    assert issuer_of("Quyết định số " + CAN_THO_WRAP, "1849/QĐ-UBND") == "Ủy ban nhân dân thành phố"


BAC_GIANG = quote(
    "tvpl-1521-qd-ubnd-bac-ninh.txt",
    """Quyết định 1119/QĐ- UBND ngày
01/8/2023 của Chủ tịch UBND tỉnh Bắc Giang công bố thủ tục hành chính mới""",
)


def test_a_lower_case_word_after_the_place_name_ends_the_issuer() -> None:
    # 'công bố thủ' folds like organ words ('Công', 'Bộ', 'Thủ'): was 'Chủ tịch UBND tỉnh
    # công bố thủ'. After the place name it is the verb of the cited title.
    assert issuer_of(BAC_GIANG, "1119/QĐ-UBND") == "Chủ tịch UBND tỉnh"
    mixed = "Kế hoạch số 5/KH-UBND của UBND tỉnh Bắc Giang và Sở Tài chính về việc"
    assert issuer_of(mixed, "5/KH-UBND") == "UBND tỉnh và Sở Tài chính"


# --- document issuer without a header ------------------------------------------------

TAX_LETTER_START = quote("tvpl-5526-ct-cs.txt", "Kính gửi: Trưởng Thuế các tỉnh, thành phố.")
TAX_LETTER_END = quote(
    "tvpl-5526-ct-cs.txt",
    """Cục Thuế thông báo để Trưởng Thuế các tỉnh,
thành phố biết và thực hiện./.

Nơi nhận:
- Như trên;
- Cục Trưởng Mai Xuân Thành
(để báo cáo);
- Các Ban, đơn vị trong Cục Thuế;
- Website CT;
- Lưu: VT, CS (3b).

KT. CỤC TRƯỞNG
PHÓ CỤC TRƯỞNG
Đặng Ngọc Minh""",
)


def test_a_signature_block_is_not_read_as_the_header_issuer() -> None:
    # A letter without header lines: its signature's 'KT. CỤC TRƯỞNG / PHÓ CỤC TRƯỞNG'
    # became the issuer 'Kt. cục trưởng phó cục trưởng'. No header names it: null.
    from lexgraph.extractors.metadata import extract_metadata

    info, _ = extract_metadata(TAX_LETTER_START + "\n" + TAX_LETTER_END)
    assert info.issuer is None
    assert info.signer == "Đặng Ngọc Minh"
    # ... and what it is: a text opening 'Kính gửi:' without a kind line is a letter.
    assert info.kind == "Công văn"
