"""A resolution or law whose header lost its date and issuer line (web copies of
thuvienphapluat.vn often do) still gives them: the date from its passing clause ("Nghị
quyết này được Ủy ban Thường vụ Quốc hội ... thông qua ngày 16 tháng 6 năm 2025"), the
issuer from its symbol, whose legislature codes carry the term (NQ-UBTVQH15, QH15).

The texts are the real documents' lines (../shared/corpus/tvpl-1654-nq-ubtvqh15.txt and
congbao-78-2025-ubtvqh15.txt), so the rules run without ../shared; the corpus tests check
the whole files and skip when it is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lexgraph.extractors.metadata import extract_metadata

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"

# tvpl-1654-nq-ubtvqh15.txt: no issuer line above the number, no place-and-date line; the
# body's first lines and its closing clause, as in the file (the glued 'Việt Nam Độc lập'
# and the glued 'XVthông qua' of tvpl-1661 included).
HEADER_WITHOUT_DATE = (
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc\n\n"
    "Số: 1654/NQ-UBTVQH15\n\nNGHỊ QUYẾT\n\n"
    "Về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh An Giang năm 2025\n\n"
    "------------\n\nỦY BAN THƯỜNG VỤ QUỐC HỘI\n\n"
    "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\n\n"
    "QUYẾT NGHỊ:\n\nĐiều 1. Sắp xếp các đơn vị hành chính cấp xã của tỉnh An Giang\n\n"
    "1. Nghị quyết này có hiệu lực thi hành từ ngày được thông qua.\n\n"
)
CLOSING = (
    "Nghị quyết này được Ủy ban Thường vụ Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam "
    "khóa XV thông qua ngày 16 tháng 6 năm 2025.\n\n"
)
GLUED_CLOSING = CLOSING.replace("khóa XV thông qua", "khóa XVthông qua")


def test_the_passing_clause_dates_a_resolution_whose_header_has_no_date() -> None:
    for closing in (CLOSING, GLUED_CLOSING):
        info, warnings = extract_metadata(HEADER_WITHOUT_DATE + closing)
        assert (info.date, info.year) == ("2025-06-16", 2025)
        assert any("passing clause" in w for w in warnings)


def test_the_symbols_legislature_code_names_the_issuer_whatever_its_term() -> None:
    info, _ = extract_metadata(HEADER_WITHOUT_DATE + CLOSING)
    assert (info.issuer, info.level) == ("Ủy ban Thường vụ Quốc hội", "central_state")
    law = HEADER_WITHOUT_DATE.replace("1654/NQ-UBTVQH15", "72/2025/QH15").replace(
        "NGHỊ QUYẾT", "LUẬT"
    )
    info, _ = extract_metadata(law)
    assert info.issuer == "Quốc hội"


def test_the_effect_clause_without_a_date_gives_none() -> None:
    # 'có hiệu lực thi hành từ ngày được thông qua' names no day: the date stays unknown.
    info, warnings = extract_metadata(HEADER_WITHOUT_DATE)
    assert info.date is None
    assert any(w.startswith("date:") for w in warnings)


def test_a_clause_about_another_kind_of_document_is_not_this_ones_date() -> None:
    # A consolidated text quotes the passing clauses of the laws it merges; a Nghị định
    # citing a resolution's clause is not that resolution.
    decree = HEADER_WITHOUT_DATE.replace("1654/NQ-UBTVQH15", "158/2025/NĐ-CP").replace(
        "NGHỊ QUYẾT", "NGHỊ ĐỊNH"
    )
    info, _ = extract_metadata(decree + CLOSING)
    assert info.kind == "Nghị định" and info.date is None
    law_clause = "Luật này đã được Quốc hội khóa XIV thông qua ngày 20 tháng 6 năm 2017.\n"
    info, _ = extract_metadata(HEADER_WITHOUT_DATE + law_clause)
    assert info.date is None


def test_the_header_date_wins_over_the_clause() -> None:
    dated = HEADER_WITHOUT_DATE.replace(
        "Số: 1654/NQ-UBTVQH15", "Số: 1654/NQ-UBTVQH15    Hà Nội, ngày 15 tháng 6 năm 2025"
    )
    info, _ = extract_metadata(dated + CLOSING)
    assert info.date == "2025-06-15"


def _corpus(name: str) -> str:
    path = CORPUS / name
    if not path.exists():
        pytest.skip("../shared/corpus is not here")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "date"),
    [
        ("tvpl-1654-nq-ubtvqh15.txt", "2025-06-16"),
        ("tvpl-1661-nq-ubtvqh15.txt", "2025-06-16"),
        ("congbao-78-2025-ubtvqh15.txt", "2025-05-17"),
        ("congbao-89-2025-ubtvqh15.txt", "2025-07-10"),
    ],
)
def test_corpus_resolutions_of_the_standing_committee(name: str, date: str) -> None:
    info, _ = extract_metadata(_corpus(name))
    assert (info.date, info.issuer) == (date, "Ủy ban Thường vụ Quốc hội")


def test_corpus_the_quoted_lines_are_real() -> None:
    text = " ".join(_corpus("tvpl-1654-nq-ubtvqh15.txt").split())
    assert " ".join(CLOSING.split()) in text
    assert "Số: 1654/NQ-UBTVQH15 NGHỊ QUYẾT Về việc sắp xếp" in text
    glued = " ".join(_corpus("tvpl-1661-nq-ubtvqh15.txt").split())
    assert "khóa XVthông qua ngày 16 tháng 6 năm 2025" in glued


def test_corpus_resolutions_with_both_dates_agree() -> None:
    # Where the header has a date too (the Hà Nội council's resolutions), the clause's date
    # is the same: the reason the clause may stand in for a missing header date.
    from lexgraph.extractors.metadata import _passing_date

    files = sorted(CORPUS.glob("tvpl-*-nq-hdnd-*.txt")) if CORPUS.exists() else []
    if not files:
        pytest.skip("../shared/corpus is not here")
    compared = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        info, _ = extract_metadata(text)
        passed = _passing_date(text, info.kind)
        if passed and info.date:
            assert passed == info.date, path.name
            compared += 1
    assert compared >= 10, json.dumps(compared)
