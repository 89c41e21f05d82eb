"""Province data and lookup: the 2025 merger, spellings, tone placement, false friends."""

from __future__ import annotations

import pytest

from lexgraph.extractors.places import (
    current_province,
    detone,
    find_province,
    find_provinces,
    province_info,
    provinces,
    strip_marks,
)


def test_counts_before_and_after_the_merger() -> None:
    assert len(provinces("historical")) == 63
    current = provinces("current")
    assert len(current) == 34
    cities = {p.name for p in current if p.kind == "thành phố"}
    assert cities == {"Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"}
    with pytest.raises(ValueError):
        provinces("future")


def test_every_absorbed_province_maps_to_a_current_one() -> None:
    current = {p.name for p in provinces("current")}
    for p in provinces("historical"):
        assert current_province(p.name) in current, p.name
    # 23 new units absorbed at least one old province; Huế also replaces Thừa Thiên Huế.
    absorbing = {current_province(p.name) for p in provinces("historical") if p.merged_into}
    assert len(absorbing) == 24
    assert sum(1 for p in provinces("historical") if p.merged_into) == 63 - 34 + 1


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Bình Dương", "Hồ Chí Minh"),
        ("Bà Rịa - Vũng Tàu", "Hồ Chí Minh"),
        ("Bà Rịa-Vũng Tàu", "Hồ Chí Minh"),
        ("Bình Phước", "Đồng Nai"),
        ("Bến Tre", "Vĩnh Long"),
        ("Thừa Thiên Huế", "Huế"),
        ("Quảng Bình", "Quảng Trị"),
        ("Hà Giang", "Tuyên Quang"),
        ("Bạc Liêu", "Cà Mau"),
        ("Cà Mau", "Cà Mau"),
        ("Hà Nội", "Hà Nội"),
        ("Đắc Lắc", "Đắk Lắk"),
        ("tỉnh Kon Tum", "Quảng Ngãi"),
    ],
)
def test_current_province(old: str, new: str) -> None:
    assert current_province(old) == new


def test_unknown_name() -> None:
    assert current_province("Phú Giáo") is None
    assert province_info("Atlantis") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("UBND tỉnh Khánh Hoà", "Khánh Hòa"),  # old tone placement
        ("ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK", "Đắk Lắk"),
        ("Thành phố Hồ Chí Minh, ngày 25", "Hồ Chí Minh"),
        ("Sở Xây dựng TP.HCM", "Hồ Chí Minh"),
        ("tỉnh Thừa Thiên Huế (nay là thành phố Huế)", "Thừa Thiên Huế"),
        ("Thành phố Huế, ngày 18", "Huế"),
        ("Dak Lak province", "Đắk Lắk"),  # no diacritics at all
        ("Tỉnh ủy Bà Rịa – Vũng Tàu", "Bà Rịa - Vũng Tàu"),
    ],
)
def test_find_province(text: str, expected: str) -> None:
    assert find_province(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "kỷ niệm chiến thắng Điện Biên Phủ",
        "đảm bảo lòng an toàn",
        "xây dựng nền hòa bình",
        "",
    ],
)
def test_false_friends_are_not_provinces(text: str) -> None:
    assert find_province(text) is None


def test_mentions_in_order_with_offsets() -> None:
    text = "Tỉnh ủy Bình Dương và UBND tỉnh Gia Lai, Báo Gia Lai"
    found = find_provinces(text)
    assert [m.province.name for m in found] == ["Bình Dương", "Gia Lai", "Gia Lai"]
    assert all(text[m.start : m.end] in ("Bình Dương", "Gia Lai") for m in found)


def test_folding_keeps_length_and_ignores_tone_placement() -> None:
    for a, b in [("Uỷ ban", "Ủy ban"), ("khoá", "khóa"), ("Hoà", "Hòa")]:
        assert detone(a) == detone(b)
        assert len(detone(a)) == len(a)
    assert strip_marks("Đắk Lắk") == "dak lak"
    assert detone("Huế") == "huê"


# A commune or district named like a province (after the 2025 merger many wards carry the
# old province's name): the unit word before the name makes it that unit, not the province.
# Real lines from ../shared/corpus (tvpl-01763-qd-ubnd-ca-mau.txt, tvpl-1489-qd-ubnd-bac-ninh.txt).
@pytest.mark.parametrize(
    ("line", "province"),
    [
        (
            "điểm tiếp nhận 2: đường Nguyễn Văn Linh, khóm 10, phường Bạc Liêu, tỉnh Cà Mau);",
            "Cà Mau",
        ),
        (
            "Khu liên cơ quan, Quảng trường 3/2, phường Bắc Giang, tỉnh Bắc Ninh; + Điểm tiếp",
            "Bắc Ninh",
        ),
    ],
)
def test_a_ward_named_like_a_province_is_not_that_province(line: str, province: str) -> None:
    assert [m.province.name for m in find_provinces(line)] == [province]
