"""The number grammar on the noisy forms real text carries, and their canonical form."""

import pytest

from lexgraph.extractors.numbers import NUMBER_RE, canonical_number, kind_from_number


def found(text: str) -> list[str]:
    return [canonical_number(m.group(0)) for m in NUMBER_RE.finditer(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chỉ thị số 05- CT/TW của Bộ Chính trị", ["05-CT/TW"]),
        ("Chỉ thị số 33/CT -TTg ngày", ["33/CT-TTg"]),
        ("Nghị quyết số 27/NQ- TW ngày", ["27/NQ-TW"]),
        ("Nghị định số 22/2026/NĐ-\nCP ngày", ["22/2026/NĐ-CP"]),
        ("CHỈ THỊ SỐ 33/CT-TTG NGÀY", ["33/CT-TTg"]),
        ("CHƯƠNG TRÌNH HÀNH ĐỘNG SỐ 28-CTR/TU", ["28-CTr/TU"]),
        ("Nghị quyết số 66.7/2025/NQ-CP", ["66.7/2025/NQ-CP"]),
        ("Kế hoạch phối hợp số 44-KH/BCSD-BDVTU", ["44-KH/BCSD-BDVTU"]),
        ("văn bản số 15972/SXD-QLN& TTBĐS", ["15972/SXD-QLN&TTBĐS"]),
        ("Số: 02 /CT-UBND", ["02/CT-UBND"]),
        ("Pháp lệnh số 34/2007/PL-UBTVQH11", ["34/2007/PL-UBTVQH11"]),
        ("Quy định số 11-QĐi/TW", ["11-QĐi/TW"]),
        ("Tờ trình số 421/TTR-UBND", ["421/TTr-UBND"]),
        ("Kế hoạch số 0124/KH-UBND", ["0124/KH-UBND"]),
        ("CÔNG BÁO/Số 851 + 852/Ngày 01-7-2025", []),
        ("tỷ lệ 2.269/6.974 ĐKKD", []),
        ("Số: /KH-UBND", []),
        ("năm 2026 - Hoàn thành", []),
        ("nhiệm kỳ 2020 - UBND tỉnh", []),
        ("ngày 26/11/2021", []),
    ],
)
def test_number_grammar(text: str, expected: list[str]) -> None:
    assert found(text) == expected


def test_kind_from_symbol() -> None:
    assert kind_from_number("25-NQ/TW") == "Nghị quyết"
    assert kind_from_number("11-QĐi/TW") == "Quy định"
    assert kind_from_number("4215/UBND-NC") == "Công văn"
    assert kind_from_number("04/2015/NĐ-CP") == "Nghị định"
