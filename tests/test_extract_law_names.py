"""A law named without its number ('Căn cứ Luật Đấu thầu ngày 23 tháng 6 năm 2023;') is a
mention of its own, of the numbered law its name carries elsewhere in the document
('Luật Đấu thầu số 22/2023/QH15').

Before, such a mention vanished whenever the name was numbered elsewhere: 1,700 mentions
in ../shared/corpus, 110 of them 'Căn cứ' lines, so a Circular lost its based_on edge to
the law it rests on. The lines are quoted from congbao-07-2024-tt-bkhdt.txt.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lexgraph.extractors.citations import find_citations
from lexgraph.model import DocumentInfo

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
CIRCULAR = DocumentInfo(number="07/2024/TT-BKHĐT", level="central_state")
BASIS = "Căn cứ Luật Đấu thầu ngày 23 tháng 6 năm 2023;\n"
BODY_NUMBERED = "Luật Đấu thầu số 22/2023/QH15, các nội dung còn phù hợp\n"
TEXT = "THÔNG TƯ\nQuy định chi tiết\n\n" + BASIS + "\nĐiều 1. Phạm vi\n\n1. Theo " + BODY_NUMBERED


def test_the_named_basis_is_the_numbered_law() -> None:
    cites = [c for c in find_citations(TEXT, CIRCULAR).citations if c.kind == "Luật"]
    basis, body = cites
    assert (basis.number, basis.relation, basis.date) == ("22/2023/QH15", "based_on", "2023-06-23")
    assert TEXT[basis.start : basis.end] == basis.quote
    assert body.number == "22/2023/QH15"


def test_a_name_numbered_two_ways_stays_a_law_by_name() -> None:
    # An old and a new law of one name: the name alone cannot say which.
    other = BODY_NUMBERED.replace("22/2023/QH15", "43/2013/QH13")
    cites = find_citations(TEXT + "2. Theo " + other, CIRCULAR).citations
    assert [c.number for c in cites if c.kind == "Luật"] == ["22/2023/QH15", "43/2013/QH13"]


def test_quotes_are_real() -> None:
    path = CORPUS / "congbao-07-2024-tt-bkhdt.txt"
    if not path.exists():
        pytest.skip("../shared/corpus is not here")
    text = path.read_text(encoding="utf-8")
    assert BASIS in text and BODY_NUMBERED in text


PPP_LAW = "Căn cứ Luật Đầu tư theo phương thức đối tác công tư ngày 18 tháng 6\nnăm 2020;"


def test_a_title_holding_a_stop_word_is_one_law() -> None:
    # congbao-23-2024-tt-bkhdt.txt: the PPP law, once cut to 'Luật Đầu tư' (another law).
    (law,) = [c for c in find_citations(PPP_LAW + "\n", CIRCULAR).citations]
    assert law.name == "Luật Đầu tư theo phương thức đối tác công tư"
    assert law.year == 2020


def test_a_name_binds_to_its_number_whatever_the_case() -> None:
    # 'Luật Ngân sách Nhà nước số 83/2015/QH13' once, 'Luật Ngân sách nhà nước' elsewhere.
    text = (
        "THÔNG TƯ\nQuy định\n\nCăn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;\n\n"
        "Điều 1. Phạm vi\n\n1. Theo Luật Ngân sách Nhà nước số 83/2015/QH13.\n"
    )
    basis = next(c for c in find_citations(text, CIRCULAR).citations if c.kind == "Luật")
    assert (basis.number, basis.relation) == ("83/2015/QH13", "based_on")


def test_ppp_quote_is_real() -> None:
    path = CORPUS / "congbao-23-2024-tt-bkhdt.txt"
    if not path.exists():
        pytest.skip("../shared/corpus is not here")
    assert PPP_LAW in path.read_text(encoding="utf-8")


def test_a_law_by_name_takes_the_date_its_phrase_gives() -> None:
    # congbao-23-2024-tt-bkhdt.txt, no number for the PPP law anywhere in the text.
    (law,) = find_citations(PPP_LAW + "\n", CIRCULAR).citations
    assert (law.number, law.date, law.issuer) == (None, "2020-06-18", None)
