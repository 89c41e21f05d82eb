"""Who amends, repeals or replaces: the citing document, or a document it cites.

A change verb credits the citing document only when the document is its subject:
'Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số X', a title 'Bãi bỏ Quyết định
số X'. When a cited document is the subject ('Thông tư số 119/2014/TT-BTC ... sửa đổi,
bổ sung một số điều của Thông tư số 156/2013/TT-BTC') or the verb is passive ('Được bãi
bỏ bởi Thông tư số 29/2022/TT-BLĐTBXH', 'đã được sửa đổi, bổ sung một số điều bởi Nghị
định số 21/2026/NĐ-CP'), the citing document only cites. Before, about 1,400 mentions in
../shared/corpus were credited to the citing document this way, some in reverse.

The sentences are quoted from the corpus, line breaks kept, so the rules run without it;
``test_quotes_are_real`` checks them against their files when it is present.
"""

from __future__ import annotations

import pytest

from lexgraph.extractors.citations import find_citations
from lexgraph.model import DocumentInfo
from tests.corpus_quotes import CorpusQuotes

quote = CorpusQuotes()
CIRCULAR = DocumentInfo(number="999/2026/TT-BTC", level="central_state")
BODY = "THÔNG TƯ\n\nĐiều 1. Phạm vi\n\n"  # mentions after this are in the body


CITED_SUBJECT = quote(
    "congbao-20-2026-tt-btc.txt",
    "b) Điều 6 Thông tư số 119/2014/TT-BTC ngày 25 tháng 8 năm 2014 của Bộ\n"
    "trưởng Bộ Tài chính sửa đổi, bổ sung một số điều của Thông tư số 156/2013/TT-\n"
    "BTC ngày 06 tháng 11 năm 2013, Thông tư số 111/2013/TT-BTC ngày 15 tháng 8",
)
PASSIVE_REPEAL = quote(
    "congbao-135-qd-bldtbxh.txt",
    "vi phạm hành chính\nĐược bãi bỏ bởi Thông tư số 29/2022/TT-BLĐTBXH\n"
    "ngày 28/12/2022 của Bộ trưởng Bộ Lao động",
)
PASSIVE_AMEND = quote(
    "congbao-17-2026-nq-cp.txt",
    "đã\nđược sửa đổi, bổ sung\nmột số điều bởi Nghị\nđịnh số 21/2026/NĐ-CP",
)


def relations(text: str) -> dict[str, str]:
    return {c.number: c.relation for c in find_citations(text, CIRCULAR).citations if c.number}


def test_a_cited_document_that_amends_another_is_the_amender() -> None:
    found = relations(BODY + "Bãi bỏ các quy định tại:\n" + CITED_SUBJECT + " năm 2013.\n")
    assert found["156/2013/TT-BTC"] == "cites"
    assert found["111/2013/TT-BTC"] == "cites"


def test_a_passive_change_is_not_the_citing_documents() -> None:
    assert relations(BODY + PASSIVE_REPEAL + ".\n")["29/2022/TT-BLĐTBXH"] == "cites"
    text = BODY + "Nghị định số 193/2025/NĐ-CP quy định chi tiết Luật Địa chất và Khoáng sản, "
    found = relations(text + PASSIVE_AMEND + ";\n")
    assert found == {"193/2025/NĐ-CP": "cites", "21/2026/NĐ-CP": "cites"}


@pytest.mark.parametrize(
    ("text", "number", "relation"),
    [
        ("Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 23/2015/NĐ-CP như sau:",
         "23/2015/NĐ-CP", "amends"),
        ("Bãi bỏ Quyết định số 42/2018/QĐ-UBND ngày 08 tháng 8 năm 2018.",
         "42/2018/QĐ-UBND", "repeals"),
        ("Thông tư này thay thế Thông tư số 12/2015/TT-BTC ngày 30 tháng 01 năm 2015.",
         "12/2015/TT-BTC", "replaces"),
    ],
)  # fmt: skip
def test_the_citing_documents_own_changes_stay(text: str, number: str, relation: str) -> None:
    assert relations(BODY + text + "\n")[number] == relation


# tvpl-1521-qd-ubnd-bac-ninh.txt: the decision's own bases, then, after its signature,
# annexes whose procedures name their own legal bases.
DECISION_END = quote(
    "tvpl-1521-qd-ubnd-bac-ninh.txt",
    "Quyết định này có hiệu lực kể từ ngày ký.\nĐiều 3.\nThủ trưởng các cơ quan, đơn vị "
    "thuộc UBND tỉnh; UBND các\nxã, phường và các cơ quan, tổ chức, cá nhân có liên quan "
    "chịu trách nhiệm thi\nhành Quyết định này./.\n\nNơi nhận:\n- Như Điều 3;\n",
)


def test_basis_lines_after_the_signature_belong_to_the_annex() -> None:
    own = "Căn cứ Luật Tổ chức chính\nquyền địa phương số 72/2025/QH15 ngày 16/6/2025;\n"
    annex = "\nPhụ lục 3\n\nCăn cứ Nghị định số 118/2025/NĐ-CP ngày 09/6/2025;\n"
    text = "QUYẾT ĐỊNH\nVề việc\n" + own + "QUYẾT ĐỊNH:\nĐiều 1.\nCông bố.\n" + DECISION_END + annex
    found = find_citations(text, DocumentInfo(number="1521/QĐ-UBND", level="province"))
    relations = {c.number: c.relation for c in found.citations if c.number}
    assert relations == {"72/2025/QH15": "based_on", "118/2025/NĐ-CP": "cites"}


PROVENANCE_FOOTNOTE = quote(
    "congbao-22-vbhn-vpqh.txt",
    "16 Điều này được bổ sung theo quy định tại khoản 4 Điều 1 của Luật số 46/2014/QH13 sửa đổi,",
)


def test_a_consolidated_texts_provenance_note_is_no_task() -> None:
    # 'được bổ sung theo ...' says where a provision comes from; nothing is to be done.
    text = BODY + "Điều 5. Đối tượng\n\n" + PROVENANCE_FOOTNOTE + " bổ sung một số điều.\n"
    assert relations(text)["46/2014/QH13"] == "cites"
    # An act 'theo' a document is still a task (the gold's definition).
    task = BODY + "Việc thanh toán thực hiện theo quy định tại Luật số 46/2014/QH13.\n"
    assert relations(task)["46/2014/QH13"] == "implements"


SHARED_HEAD = quote(
    "tvpl-1513-qd-ubnd-bac-ninh.txt",
    "Căn cứ các Nghị định của\nChính phủ số 63/2010/NĐ-CP ngày 08/6/2010 về kiểm soát thủ tục "
    "hành chính; số 48/2013/NĐ-CP\nngày 14/5/2013",
)


def test_a_shared_basis_head_governs_its_bare_numbers() -> None:
    text = "QUYẾT ĐỊNH\nVề việc\n" + SHARED_HEAD + ";\nQUYẾT ĐỊNH:\nĐiều 1.\n"
    found = find_citations(text, DocumentInfo(number="1513/QĐ-UBND", level="province"))
    relations = {c.number: c.relation for c in found.citations if c.number}
    assert relations == {"63/2010/NĐ-CP": "based_on", "48/2013/NĐ-CP": "based_on"}


def test_quotes_are_real() -> None:
    quote.assert_real()


OTHER_DOCUMENTS_VERB = quote(
    "congbao-44-2022-tt-btc.txt",
    "05/2010/TTLT-BCA-BLĐTBXH-BTC ngày 08 tháng 11 năm 2010 của Bộ Công\nan, Bộ Lao động - "
    "Thương binh và Xã hội, Bộ Tài chính hướng dẫn thực hiện\nQuyết định số 53/2010/QĐ-TTg;",
)


def test_a_cited_documents_own_verb_is_no_relation_of_the_citing_one() -> None:
    # The joint circular guides 53/2010/QĐ-TTg; the citing document only cites both.
    text = BODY + "1. Thực hiện theo Thông tư liên tịch số " + OTHER_DOCUMENTS_VERB + "\n"
    found = relations(text)
    assert found["53/2010/QĐ-TTg"] == "cites"


CONSOLIDATION_PREAMBLE = quote(
    "congbao-28-vbhn-vpqh.txt",
    "LUẬT\nBẢO HIỂM Y TẾ\n\nLuật Bảo hiểm y tế số 25/2008/QH12 ngày 14 tháng 11 năm 2008 của Quốc hội,\n"
    "có hiệu lực kể từ ngày 01 tháng 7 năm 2009, được sửa đổi, bổ sung bởi:\n"
    "1. Luật số 32/2013/QH13 ngày 19 tháng 6 năm 2013 của Quốc hội sửa đổi, bổ\n"
    "sung một số điều của Luật Thuế thu nhập doanh nghiệp, có hiệu lực kể từ ngày 01\n",
)


def test_a_consolidated_text_consolidates_what_its_preamble_lists() -> None:
    text = CONSOLIDATION_PREAMBLE + "tháng 01 năm 2014;\nCăn cứ Hiến pháp năm 2013;\n"
    doc = DocumentInfo(number="28/VBHN-VPQH", kind="Văn bản hợp nhất", level="central_state")
    found = [c for c in find_citations(text, doc).citations]
    relations = {c.number or c.name: c.relation for c in found}
    assert relations["25/2008/QH12"] == "consolidates"
    assert relations["32/2013/QH13"] == "consolidates"
    assert relations["Luật Thuế thu nhập doanh nghiệp"] == "cites"  # inside an item's subject
