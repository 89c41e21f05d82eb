"""Relation, scope, section and chains on short written examples."""

from lexgraph.extractors.citations import find_citations
from lexgraph.extractors.relations import cue_relation
from lexgraph.model import DocumentInfo

DOC = DocumentInfo(province="Cà Mau", level="province")

TEXT = """KẾ HOẠCH
Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:
I. MỤC ĐÍCH
1. Nâng cao nhận thức.
II. NHIỆM VỤ
8. Tiếp tục thực hiện Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị; Quyết định số 319/QĐ-BNV ngày 18/4/2019 của Bộ trưởng Bộ Nội vụ ban hành Kế hoạch triển khai thực hiện Quyết định số 1847/QĐ-TTg ngày 27/12/2018 của Thủ tướng Chính phủ.
9. Xây dựng văn bản gắn với Quyết định số 1934/QĐ-UBND ngày 15/10/2020 của Chủ tịch Ủy ban nhân dân tỉnh về việc phê duyệt Đề án.
"""


def test_cues() -> None:
    assert cue_relation("can cu ") == "based_on"
    assert cue_relation("tiep tuc thuc hien ") == "continues"
    assert cue_relation("xet ") == "cites"
    assert cue_relation("sua doi, bo sung ") == "amends"
    assert cue_relation("ban hanh ") is None


def test_scope_section_relation_chain() -> None:
    result = find_citations(TEXT, DOC)
    cits = {c.number: c for c in result.citations}
    assert cits["33/CT-TTg"].scope == "document" and cits["33/CT-TTg"].relation == "implements"
    assert cits["01-KL/TW"].scope == "task" and cits["01-KL/TW"].relation == "continues"
    assert cits["01-KL/TW"].section == "II.8"
    assert cits["05-CT/TW"].relation == "cites"  # only the target of 01-KL/TW
    assert cits["1934/QĐ-UBND"].relation == "implements"  # 'gắn với'
    chains = {
        (a.subject.split("@")[0], a.object.split("@")[0], a.relation) for a in result.assertions
    }
    assert ("01-KL/TW", "05-CT/TW", "continues") in chains
    assert ("319/QĐ-BNV", "1847/QĐ-TTg", "implements") in chains
    assert not any(a[0] == "1934/QĐ-UBND" for a in chains)  # 'phê duyệt' is no chain
    keys = {c.key for c in result.citations}
    for a in result.assertions:
        assert a.subject in keys and a.object in keys
        assert a.quote == TEXT[a.start : a.end]


def test_xet_paragraph_is_not_implements() -> None:
    text = "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ;\nXét Tờ trình số 421/TTr-UBND ngày 21/11/2025 của Ủy ban nhân dân tỉnh về việc thực hiện chính sách;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành."
    cits = {c.number: c for c in find_citations(text, DOC).citations}
    assert cits["30/2020/NĐ-CP"].relation == "based_on"
    assert cits["421/TTr-UBND"].relation == "cites"
    assert cits["421/TTr-UBND"].scope == "document"
