"""Citation parsing on short written examples: dates, issuers, shared phrases, laws, aliases."""

from lexgraph.extractors.citations import find_citations
from lexgraph.extractors.dates import parse_date
from lexgraph.extractors.issuers import level_of, read_issuer, short_form
from lexgraph.extractors.text import fold, new_tone_marks
from lexgraph.model import DocumentInfo

DOC = DocumentInfo(number="5/KH-UBND", province="Bến Tre", level="province")


def by_number(text: str, doc: DocumentInfo = DOC) -> dict:
    result = find_citations(text, doc)
    out: dict = {}
    for c in result.citations:
        out.setdefault(c.number or c.name, c)
    return out


def test_fold_and_tone_marks() -> None:
    assert fold("KHOÁ Uỷ") == fold("khóa Ủy") == "khoa uy"
    assert new_tone_marks("Tỉnh uỷ khoá XI") == "Tỉnh ủy khóa XI"


def test_dates() -> None:
    assert parse_date("ngày 11 tháng 9 năm 2013") == "2013-09-11"
    assert parse_date("ngày 26/11/2021") == "2021-11-26"
    assert parse_date("ngày 20\ntháng 11 năm 2025") == "2025-11-20"
    assert parse_date("ngày 31/02/2020") is None


def test_issuer_short_forms() -> None:
    text = "của Tỉnh uỷ Bình Dương; tập trung"
    raw, _ = read_issuer(text, 4)
    assert short_form(raw) == ("Tỉnh ủy", "Bình Dương")
    raw, _ = read_issuer("của Ban Bí thư Trung ương Đảng về", 4)
    assert short_form(raw)[0] == "Ban Bí thư"
    raw, _ = read_issuer("của Bộ Văn hóa, Thể thao và Du lịch về", 4)
    assert short_form(raw)[0] == "Bộ Văn hóa, Thể thao và Du lịch"
    assert level_of("UBND huyện") == "district"
    assert level_of("Bộ Chính trị") == "central_party"


def test_shared_date_and_issuer() -> None:
    text = "Thực hiện Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị."
    cits = by_number(text)
    for number in ("217-QĐ/TW", "218-QĐ/TW"):
        assert cits[number].date == "2013-12-12"
        assert cits[number].issuer == "Bộ Chính trị"
        assert cits[number].key == f"{number}@2013"


def test_local_key_uses_citing_province() -> None:
    cits = by_number("Thực hiện Kế hoạch số 14-KH/TU ngày 29/7/2025 của Tỉnh ủy.")
    c = cits["14-KH/TU"]
    assert c.local and c.province == "Bến Tre"
    assert c.key == "14-KH/TU@2025@ben-tre"


def test_own_number_excluded_and_date_before_number() -> None:
    text = (
        "Số: 5/KH-UBND\n\nNgày 16 tháng 5 năm 2016, Thủ tướng Chính phủ đã ban hành Chỉ thị số "
        "16/CT-TTg về công tác dân vận."
    )
    cits = by_number(text)
    assert "5/KH-UBND" not in cits
    assert cits["16/CT-TTg"].date == "2016-05-16"
    assert cits["16/CT-TTg"].issuer == "Thủ tướng Chính phủ"


def test_laws_by_name() -> None:
    text = "1. Thực hiện Luật Tiếp công dân năm 2013 và Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015."
    cits = by_number(text)
    assert cits["Luật Tiếp công dân"].year == 2013
    assert cits["Luật Tổ chức chính quyền địa phương"].key.startswith("law:")
    assert cits["Luật Tổ chức chính quyền địa phương"].year == 2015


def test_alias_resolves_unnumbered_resolution() -> None:
    text = "Thực hiện Nghị quyết Hội nghị lần thứ bảy Ban Chấp hành Trung ương Đảng (khoá XI) về công tác dân vận."
    result = find_citations(text, DOC)
    [c] = [c for c in result.citations if c.alias]
    assert c.number == "25-NQ/TW" and c.date == "2013-06-03"
    assert c.relation == "implements" and c.scope == "document"


def test_quotes_match_offsets() -> None:
    text = "Căn cứ Nghị định số\n78/2025/NĐ-CP ngày 01 tháng 4 năm 2025 của Chính phủ;\n"
    result = find_citations(text, DOC)
    assert result.citations
    for c in result.citations:
        assert c.quote == text[c.start : c.end]
        assert c.relation == "based_on"
