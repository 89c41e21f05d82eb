"""General grammar rules, each checked on a real sentence quoted from ../shared/corpus.

The sentences are copied into the test (so it runs without ../shared): which 'theo' makes a
task, which issuer phrase precedes or follows a number, and the speed helpers that must
match exactly what the plain patterns match.
"""

import re

import pytest

from lexgraph.extractors.citations import find_citations
from lexgraph.extractors.issuers import read_issuer, short_form
from lexgraph.extractors.numbers import canonical_number
from lexgraph.extractors.places import find_provinces
from lexgraph.extractors.text import fold, loose, trie_alternation
from lexgraph.model import DocumentInfo

CENTRAL = DocumentInfo(number="162/2026/NĐ-CP", level="central_state")
LOCAL = DocumentInfo(number="33/2025/NQ-HĐND", province="Huế", level="province")
BODY = "QUYẾT ĐỊNH:\n\nĐiều 1. Phạm vi\n\n"  # mentions after this are in the body


def relations(text: str, doc: DocumentInfo = CENTRAL) -> dict[str, str]:
    found = find_citations(text, doc)
    return {c.number: c.relation for c in found.citations if c.number}


def issuers(text: str, doc: DocumentInfo = LOCAL) -> dict[str, str | None]:
    return {c.number: c.issuer for c in find_citations(text, doc).citations if c.number}


# --- which mentions are tasks -------------------------------------------------------


def test_beneficiary_definition_is_not_a_task() -> None:
    # congbao-162-2026-nd-cp.txt, Điều 1 khoản 1 điểm e.
    text = BODY + (
        "e) Công an nhân dân đang hưởng trợ cấp hằng tháng theo Quyết định số "
        "53/2010/QĐ-TTg quy định về chế độ đối với cán bộ, chiến sĩ Công an nhân dân."
    )
    assert relations(text)["53/2010/QĐ-TTg"] == "cites"


def test_acting_theo_a_document_is_still_a_task() -> None:
    # The same 'theo' without a beneficiary: an instruction (tvpl-7360-kh-ubnd-lai-chau.txt).
    text = BODY + (
        "1. Kinh phí thực hiện Kế hoạch này được bố trí theo quy định tại Nghị định số "
        "163/2016/NĐ-CP của Chính phủ."
    )
    assert relations(text)["163/2016/NĐ-CP"] == "implements"


def test_area_definition_is_not_a_task() -> None:
    # tvpl-33-2025-nq-hdnd-hue.txt, annexed table row.
    text = BODY + (
        "2 Xã A Lưới 2 80 20 Áp dụng trên địa bàn các xã, thị trấn theo Nghị quyết số "
        "1314/NQ-UBTVQH15 về việc sắp xếp đơn vị hành chính cấp huyện, cấp xã của thành phố "
        "Huế giai đoạn 2023 - 2025: xã Hồng Bắc, thị trấn A Lưới."
    )
    assert relations(text, LOCAL)["1314/NQ-UBTVQH15"] == "cites"


def test_results_of_implementing_is_background() -> None:
    # tvpl-659-tb-vpcp.txt: the meeting's topic, not a demand.
    text = BODY + (
        "Phó Thủ tướng Chính phủ Hồ Quốc Dũng đã chủ trì cuộc họp về tình hình thực hiện "
        "Nghị quyết số 66-NQ/TW ngày 30 tháng 4 năm 2025 của Bộ Chính trị."
    )
    assert relations(text)["66-NQ/TW"] == "cites"
    # ... but asking for a report on it is a task (same file, later).
    text = BODY + (
        "- Khẩn trương hoàn thiện các báo cáo: (i) Báo cáo tình hình triển khai thực hiện "
        "Nghị quyết số 66-NQ/TW và Nghị quyết số 140/NQ-CP."
    )
    assert relations(text)["66-NQ/TW"] == "implements"


def test_parenthetical_narration_is_outside_the_cue() -> None:
    # tvpl-220-cd-ttg.txt.
    text = BODY + (
        "1. Các bộ đã chủ động ban hành Quyết định phê duyệt phương án theo thẩm quyền "
        "(Ngày 23/10/2025, Ngân hàng Nhà nước Việt Nam tiếp tục ban hành Quyết định số "
        "3539/QĐ-NHNN bổ sung phương án cắt giảm, đơn giản hóa TTHC)."
    )
    assert relations(text)["3539/QĐ-NHNN"] == "cites"


def test_theo_dung_a_plan_is_a_task() -> None:
    # tvpl-220-cd-ttg.txt, II.1.a (gold: a task).
    text = BODY + (
        "a) Tập trung triển khai các nhiệm vụ trên Cổng Dịch vụ công quốc gia theo đúng mục "
        "tiêu, yêu cầu tại Kế hoạch số 02-KH/BCĐTW ngày 19 tháng 6 năm 2025 của Ban Chỉ đạo "
        "Trung ương."
    )
    assert relations(text)["02-KH/BCĐTW"] == "implements"


def test_cue_inside_a_cited_documents_subject_clause() -> None:
    # congbao-15-2026-nq-cp.txt, Điều 5: 'áp dụng' describes 09/2026/NQ-CP.
    text = BODY + (
        "1. Nghị quyết này có hiệu lực thi hành kể từ ngày ký ban hành và thay thế Nghị quyết "
        "số 09/2026/NQ-CP ngày 04 tháng 02 năm 2026 của Chính phủ tạm ngưng hiệu lực và điều "
        "chỉnh thời hạn áp dụng Nghị định số 46/2026/NĐ-CP ngày 26 tháng 01 năm 2026."
    )
    assert relations(text)["46/2026/NĐ-CP"] == "cites"


def test_list_item_after_a_subject_clause_keeps_the_list_head() -> None:
    # Seed 003 (Bến Tre): '... Nghị định số 71/1998/NĐ-CP ... về ban hành Quy chế thực hiện
    # dân chủ ..., Nghị định số 60/2013/NĐ-CP': both are objects of 'thực hiện nghiêm túc'.
    text = BODY + (
        "1. Thực hiện nghiêm túc Nghị định số 71/1998/NĐ-CP ngày 08 tháng 9 năm 1998 của "
        "Chính phủ về ban hành Quy chế thực hiện dân chủ trong hoạt động của cơ quan, Nghị "
        "định số 60/2013/NĐ-CP ngày 19 tháng 6 năm 2013 của Chính phủ."
    )
    rel = relations(text)
    assert rel["71/1998/NĐ-CP"] == rel["60/2013/NĐ-CP"] == "implements"


# --- issuers --------------------------------------------------------------------------


def test_issuer_stops_before_the_next_paragraph() -> None:
    # congbao-15-2026-nq-cp.txt: the title ends with 'của Chính phủ', then 'Căn cứ ...'.
    raw, _ = read_issuer("của Chính phủ\n\nCăn cứ Luật Tổ chức Chính phủ", 4)
    assert short_form(raw)[0] == "Chính phủ"


def test_issuer_words_that_fold_like_stop_words() -> None:
    # 'Sở' folds like 'số', 'Tài' like 'tại', 'Khoa' like 'khóa', 'tải' like 'tại'.
    for phrase, want in [
        ("của Sở Tài chính tại Tờ trình", "Sở Tài chính"),
        ("của Bộ Khoa học và Công nghệ về", "Bộ Khoa học và Công nghệ"),
        ("của Bộ trưởng Bộ Giao thông vận tải quy định", "Bộ trưởng Bộ Giao thông vận tải"),
        ("của Ban Chấp hành Trung ương Khóa XII về", "Ban Chấp hành Trung ương"),
    ]:
        raw, _ = read_issuer(phrase, 4)
        assert short_form(raw)[0] == want, phrase


def test_issuer_written_before_the_number() -> None:
    # tvpl-01763-qd-ubnd-ca-mau.txt and tvpl-44-2025-qd-ctubnd-gia-lai.txt.
    text = (
        "Theo đề nghị của Giám đốc Sở\nVăn hóa, Thể thao và Du lịch tại Tờ trình số "
        "538/TTr-SVHTTDL ngày 18/11/2025.\n\nTheo đề nghị của Sở Tài chính tại Tờ trình số:\n"
        "421/TTr-STC ngày 29/10/2025."
    )
    found = issuers(text)
    assert found["538/TTr-SVHTTDL"] == "Giám đốc Sở Văn hóa, Thể thao và Du lịch"
    assert found["421/TTr-STC"] == "Sở Tài chính"


def test_to_trinh_symbol_case() -> None:
    assert canonical_number("538/TTR-SVHTTDL") == "538/TTr-SVHTTDL"
    assert canonical_number("538/TTr- SVHTTDL") == "538/TTr-SVHTTDL"


# --- speed helpers must not change what matches ----------------------------------------


def test_loose_pattern_matches_like_folding() -> None:
    pattern = re.compile(loose(r"(?P<k>nghi quyet)\s+so"))
    for text in ("Nghị quyết số", "NGHỊ QUYẾT SỐ", "Nghị Quyết\nsố", "nghi quyet so"):
        match = pattern.search("Căn cứ " + text)
        assert match and fold(match.group(0)).split() == fold(text).split()
    assert pattern.search("Nghị định số") is None


def test_trie_alternation_prefers_the_longest_word() -> None:
    words = ["ke hoach", "ke hoach hanh dong", "ket luan", "luat", "bo luat"]
    pattern = re.compile(r"(" + trie_alternation(words, guard=r"(?<![a-z].)") + r")\b")
    assert pattern.search("theo ke hoach hanh dong so").group(1) == "ke hoach hanh dong"
    assert pattern.search("cac bo luat").group(1) == "bo luat"
    assert pattern.search("boluat luat").start() == 7  # not inside a word


def test_province_trie_finds_longest_names() -> None:
    names = [m.province.name for m in find_provinces("tỉnh Bà Rịa - Vũng Tàu và Hà Nội, Hà Nam")]
    assert names == ["Bà Rịa - Vũng Tàu", "Hà Nội", "Hà Nam"]


# --- laws cited by name -----------------------------------------------------------------


def law_names(text: str) -> list[tuple[str, int | None]]:
    from lexgraph.extractors.laws import find_laws

    return [(law.name, law.year) for law in find_laws(text) if not (law.numbered or law.number)]


def test_law_name_with_coordinated_verbs() -> None:
    # tvpl-44-2025-qd-ctubnd-gia-lai.txt; congbao-162-2026-nd-cp.txt.
    assert law_names("theo Luật Quản lý, sử dụng tài sản công năm 2017;") == [
        ("Luật Quản lý, sử dụng tài sản công", 2017)
    ]
    assert law_names("Luật An toàn, vệ sinh lao động năm 2015") == [
        ("Luật An toàn, vệ sinh lao động", 2015)
    ]
    # Any other word after the comma ends the name.
    assert law_names("theo Luật Đất đai, trường hợp") == [("Luật Đất đai", None)]


def test_amending_law_lists_the_laws_it_amends() -> None:
    # tvpl-2639-qd-ttg.txt.
    text = (
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Chứng khoán, Luật Kế toán, Luật "
        "Kiểm toán độc lập, Luật Ngân sách nhà nước, Luật Quản lý, sử dụng tài sản công, Luật "
        "Quản lý thuế, Luật Thuế thu nhập cá nhân, Luật Dự trữ quốc gia, Luật xử lý vi phạm "
        "hành chính ngày 29 tháng 11 năm 2024;"
    )
    [(name, year)] = law_names(text)
    assert name.endswith("Luật Dự trữ quốc gia, Luật xử lý vi phạm hành chính")
    assert year == 2024


def test_law_words_that_end_a_name() -> None:
    # tvpl-220-cd-ttg.txt: 'cùng'; a flattened table header 'Luật | Nghị định | Quyết định'.
    assert law_names("sửa đổi Luật Đầu tư cùng được đưa vào") == [("Luật Đầu tư", None)]
    assert law_names("Luật Nghị định Quyết định Thông tư") == []


def test_law_year_and_number_from_other_mentions() -> None:
    # tvpl-2688-qd-ubnd-quang-tri.txt: the year is given at one mention only.
    text = (
        "Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 25 tháng 6 năm 2025; ... "
        "theo Luật Ban hành văn bản quy phạm pháp luật."
    )
    assert law_names(text) == [("Luật Ban hành văn bản quy phạm pháp luật", 2025)] * 2
    # tvpl-44-2025-qd-ctubnd-gia-lai.txt: cited by number once, so never a named law: the
    # name-only mention is that numbered law, and stays a mention of its own.
    text = (
        "Căn cứ Luật Quản lý, sử dụng tài sản công số 15/2017/QH14; ... của Luật Quản lý, "
        "sử dụng tài sản công, gồm:"
    )
    assert law_names(text) == []
    from lexgraph.extractors.laws import find_laws

    assert [(law.numbered, law.number) for law in find_laws(text)] == [
        (True, "15/2017/QH14"), (False, "15/2017/QH14"),
    ]  # fmt: skip


def test_commune_document_takes_its_superior_district() -> None:
    # Written example in the shape of a commune plan (no real commune document in the data
    # names a district: the corpus is after the 2025 merger, which removed districts).
    from lexgraph.extractors.metadata import extract_metadata

    text = (
        "UỶ BAN NHÂN DÂN\nXÃ ĐÔNG HÒA\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n---------------\nSố: 132/KH-UBND\n"
        "Đông Hòa, ngày 29 tháng 6 năm 2022\n\nKẾ HOẠCH\nTriển khai thực hiện Kết luận số "
        "01-KL/TW\n\nĐể tiếp tục thực hiện Kế hoạch số 109/KH-UBND của Ủy ban nhân dân huyện "
        "Tam Nông, UBND xã Đông Hòa ban hành Kế hoạch như sau:\n\nNơi nhận:\n- UBND huyện "
        "Tam Nông (b/c);\n- Lưu: VT.\n"
    )
    info, _ = extract_metadata(text)
    assert info.level == "commune"
    assert info.district == "Tam Nông"


def test_same_number_from_another_issuer_is_another_document() -> None:
    # A district's Kế hoạch 85/KH-UBND implementing the province's Kế hoạch 85/KH-UBND
    # (numbering restarts per issuer each year, so such pairs occur).
    district = DocumentInfo(number="85/KH-UBND", province="Trà Vinh", level="district")
    text = (
        "Số: 85/KH-UBND\n\nThực hiện Kế hoạch số 85/KH-UBND ngày 12/08/2018 của UBND tỉnh Trà "
        "Vinh về thực hiện Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương "
        "Đảng (khóa XII), UBND huyện ban hành Kế hoạch như sau:\n\nTrên đây là Kế hoạch số "
        "85/KH-UBND của UBND huyện."
    )
    found = find_citations(text, district)
    assert [c.number for c in found.citations] == ["85/KH-UBND", "18-NQ/TW"]
    assert found.citations[0].issuer == "UBND tỉnh"
    assert [a.relation for a in found.assertions] == ["implements"]


# Law names whose words fold like stop words ('cơ'/'có', 'Nam'/'năm', 'Thi'/'thì'): real
# corpus lines; the name must run to its end, not stop at the look-alike.
@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (  # tvpl-2579-qd-ubnd-can-tho.txt
            "đoàn, Luật Thanh niên và Luật Thực hiện dân chủ ở cơ sở;",
            "Luật Thực hiện dân chủ ở cơ sở",
        ),
        (  # congbao-03-vbhn-btc.txt
            "quy định tại Điều\n12 Luật Hàng không dân dụng Việt Nam ngày 29 tháng 6 năm 2006 và các văn",
            "Luật Hàng không dân dụng Việt Nam",
        ),
        (  # congbao-10-vbhn-btc.txt
            "Luật Thuế tiêu thụ đặc biệt và Luật Thi hành án dân sự ngày 11 tháng 01 năm",
            "Luật Thi hành án dân sự",
        ),
    ],
)
def test_law_names_run_past_stop_word_look_alikes(sentence: str, name: str) -> None:
    from lexgraph.extractors.laws import find_laws

    assert name in [m.name for m in find_laws(sentence)]
