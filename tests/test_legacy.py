"""Legacy Vietnamese font encodings: tables, detection, conversion, no false positives."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from lexgraph.extractors.encodings import decode_text
from lexgraph.extractors.legacy import fix_legacy, is_syllable, table

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
UNICODE = (
    "Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ, "
    "Ủy ban nhân dân tỉnh Bến Tre ban hành Kế hoạch triển khai thực hiện "
    "như sau: quán triệt, tuyên truyền, kiểm tra, giám sát ở các sở, ngành, địa phương."
)


def _encoder(name: str) -> dict[str, str]:
    """Unicode letter -> legacy surface: the shortest form, same-case VNI mark preferred."""

    def rank(legacy: str) -> tuple[int, bool]:
        mixed = len(legacy) == 2 and legacy[0].isupper() != legacy[1].isupper()
        return (len(legacy), mixed)

    inverse: dict[str, str] = {}
    for legacy, uni in table(name).items():
        if uni not in inverse or rank(legacy) < rank(inverse[uni]):
            inverse[uni] = legacy
    return inverse


def encode(text: str, name: str) -> str:
    inverse = _encoder(name)
    return "".join(inverse.get(c, c) for c in unicodedata.normalize("NFC", text))


def test_tables_are_complete_and_nfc() -> None:
    tcvn3, vni = table("tcvn3"), table("vni")
    assert len(tcvn3) == 74  # 14 base letters + 12 vowels x 5 tones
    lowercase = {
        unicodedata.normalize("NFC", b + t)
        for b in "aăâeêioôơuưy"
        for t in "\u0300\u0301\u0303\u0309\u0323"
    }
    assert lowercase <= set(tcvn3.values())
    # VNI covers every toned vowel in both cases, and ẳ (missing from some tables).
    assert {c.upper() for c in lowercase} | lowercase <= set(vni.values())
    assert vni["a\u00fa"] == "ẳ" and vni["A\u00da"] == "Ẳ"
    for value in (*tcvn3.values(), *vni.values()):
        assert unicodedata.is_normalized("NFC", value) and len(value) == 1


@pytest.mark.parametrize(
    ("legacy", "expected", "encoding"),
    [
        ("Uû ban nh©n d©n tØnh BÕn Tre", "Uỷ ban nhân dân tỉnh Bến Tre", "tcvn3"),
        ("UÛy ban nhaân daân tænh Beán Tre", "Ủy ban nhân dân tỉnh Bến Tre", "vni"),
        (
            "CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM\n§éc lËp - Tù do - H¹nh phóc\nSè: 16/KH-UBND",
            "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 16/KH-UBND",
            "tcvn3",
        ),
        (
            "COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM\nÑoäc laäp - Töï do - Haïnh phuùc",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
            "vni",
        ),
        (
            "Thùc hiÖn ChØ thÞ sè 33/CT-TTg ngµy 26/11/2021 cña Thñ t\u00adíng ChÝnh phñ",
            "Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ",
            "tcvn3",
        ),
        ("saün coù taïi Ñaø Naüng", "sẵn có tại Đà Nẵng", "vni"),
    ],
)
def test_real_strings(legacy: str, expected: str, encoding: str) -> None:
    result = fix_legacy(legacy)
    assert result.encoding == encoding
    assert result.text == expected


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_round_trip_paragraph(encoding: str) -> None:
    source = UNICODE if encoding == "vni" else UNICODE.replace("Ủy", "Uỷ")  # VN3: no capitals
    legacy = encode(source, encoding)
    assert legacy != source
    assert fix_legacy(legacy).text == source


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_legacy_bytes_in_txt_file(encoding: str) -> None:
    data = encode(UNICODE.replace("Ủy", "Uỷ"), encoding).encode("cp1252")
    text, name = decode_text(data)
    assert name == encoding
    assert "Chỉ thị số 33/CT-TTg ngày 26/11/2021" in text


def test_unicode_text_is_never_touched() -> None:
    samples = [
        UNICODE,
        "Giá trị µ: 0,5; nhiệt độ 30°C; «trích dẫn» © 2021",
        "Công\nKính gửi\nTHÔNG TƯ\nµ:",
        "Señor José Müller über die Straße, à la française, naïve façade",
    ]
    for sample in samples:
        result = fix_legacy(sample)
        assert result.encoding is None and result.text == sample


def test_corpus_has_no_false_conversion() -> None:
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        pytest.skip("../shared/corpus is absent")
    wrong = [
        p.name for p in sorted(corpus.glob("*.txt")) if fix_legacy(p.read_text("utf-8")).encoding
    ]
    assert wrong == []


@pytest.mark.parametrize(
    ("word", "ok"),
    [("nghiêng", True), ("Ủy", True), ("khuya", True), ("quốc", True), ("nh©n", False),
     ("Uû", False), ("nhaân", False), ("TTg", False), ("cáà", False)],
)  # fmt: skip
def test_syllable_check(word: str, ok: bool) -> None:
    assert is_syllable(word) is ok
