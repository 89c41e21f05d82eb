"""Vietnamese document numbers (số, ký hiệu): canonical form.

Rules (../shared/seeds/README.md, "Canonical number rules"):
1. no whitespace inside a number (``05- CT/TW`` -> ``05-CT/TW``);
2. symbols upper case except the standard mixed-case ones (``TTg``, ``CTr``, ``QĐi``), so
   upper-case titles map back (``33/CT-TTG`` -> ``33/CT-TTg``, ``28-CTR/TU`` -> ``28-CTr/TU``);
3. everything else as written: leading zeros, the separator after the number (``-`` Party,
   ``/`` State), year parts and compound symbols in their written order;
4. ``Đ`` is U+0110 and the text NFC.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from lexgraph.extractors.text import bmp_class

# Symbol tokens whose standard spelling is not all upper case, keyed by their upper-case form.
_MIXED_CASE = {"TTG": "TTg", "CTR": "CTr", "QĐI": "QĐi", "CTTG": "CTTg", "TTR": "TTr"}

_WHITESPACE = re.compile(r"\s+")
_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)
_YEAR_PART = re.compile(r"^\d+(?:\.\d+)?/(\d{4})/")
_PARTY_SHAPE = re.compile(r"^\d+(?:\.\d+)?-[^\W\d_]")


def _case_token(match: re.Match[str]) -> str:
    token = match.group(0).upper()
    return _MIXED_CASE.get(token, token)


@lru_cache(maxsize=8192)  # pure; called for every number found, numbers repeat
def canonical_number(raw: str) -> str:
    """Canonical spelling of a document number as written in noisy text.

    >>> canonical_number("33/CT -TTG")
    '33/CT-TTg'
    >>> canonical_number("28-CTR/TU")
    '28-CTr/TU'
    """
    text = unicodedata.normalize("NFC", raw)
    text = _WHITESPACE.sub("", text).replace("*", "")
    return _TOKEN.sub(_case_token, text)


def number_year(number: str) -> int | None:
    """The year carried by a normative number (``04/2015/NĐ-CP`` -> 2015), else None."""
    match = _YEAR_PART.match(number)
    return int(match.group(1)) if match else None


def is_party_number(number: str) -> bool:
    """Party documents are written ``number-TYPE/ISSUER`` (``25-NQ/TW``, ``28-CTr/TU``)."""
    return bool(_PARTY_SHAPE.match(number))


def symbol(number: str) -> str:
    """The ký hiệu after the number: ``16/KH-UBND`` -> ``KH-UBND``; ``25-NQ/TW`` -> ``NQ/TW``."""
    match = re.match(r"^\d+(?:\.\d+)?(?:/\d{4})?[-/]", number)
    return number[match.end() :] if match else number


# --- Finding numbers in running text -------------------------------------------------
#
# One compiled pattern finds every candidate; everything else is local parsing.
# Grammar: NUMBER SEP [YEAR /] TOKEN (JOINER TOKEN)*
#   NUMBER  digits, optionally dotted (66.7/2025/NQ-CP); not preceded by a word
#           character, '.', ',', '/', '-', '+' or '%' so that 66.7 is never read as 7,
#           nor a road marker 'K16+500- K21' or a URL's '%2049/2018/N%C4%90' as a number,
#           and '2.269/6.974' (a ratio) never starts a match;
#   SEP     '-' or '/', with a space on at most one side ('05- CT/TW', '02 /CT-UBND'),
#           so that '2020 - UBND' (a dash in prose) is not a number, or a line break
#           after it ('18-' / 'KL/TW': 48 such breaks in the corpus);
#   YEAR    four digits and '/', a line break allowed after the slash ('04/2012/' /
#           'TT-BLĐTBXH': 88 in the corpus, each a whole reference lost before);
#   TOKEN   an upper-case-initial symbol (TTg, CTr, QĐi, UBTVQH11, BCĐQG1237) that is
#           not followed by another letter, so 'Ngày', 'Hoàn' never qualify, and is not a
#           capitalised word ('TK 525- Doanh thu', 'TK 625- Chi phí': accounts, not numbers);
#   JOINER  '-', '/', '&' with a space or a line break on one side only
#           ('33/CT -TTg', '27/NQ- TW', '22/2026/NĐ-\nCP', 'QLN& TTBĐS'); before the
#           line break any run of blanks, which is how furniture.reading_text leaves a
#           page break that cut a number ('131/2021/NĐ-' / header, page number / 'CP').
_TOKEN_RE = r"(?![A-ZĐ][a-zđ]{2,}(?![^\W_]))[A-ZĐ][A-Za-zĐđ]*\d*(?![^\W_])"
# The first digit as a listed class (BMP digits, and any character past the BMP, which the
# look-behind then checks is a digit): the engine skips to it by bitmap, -40 % scan time.
_FIRST_DIGIT = bmp_class(r"\d")[:-1] + "\U00010000-\U0010ffff" + r"](?<=\d)"
NUMBER_RE = re.compile(
    # The look-behind follows the first digit so that the engine can skip to digits fast.
    rf"(?P<num>{_FIRST_DIGIT}(?<![\w.,/\-+%]\d)\d{{0,5}}(?:\.\d{{1,3}})?)"
    r"(?:[ \t]?[-/](?=[^\s])|[-/][ \t]{1,2}(?=\S)|[-/][ \t]*\n[ \t]{0,2}(?=\S))"
    r"(?:(?P<year>\d{4})[ \t]?/(?:[ \t]*\n[ \t]{0,2}|[ \t]?))?"
    rf"(?P<sym>{_TOKEN_RE}(?:(?:[ \t]?[-/&]|[-/&](?:[ \t]*\n)?[ \t]{{0,2}}){_TOKEN_RE}){{0,6}})"
)

# Type codes (the first symbol token of a State number, the token after '-' of a Party
# number) -> kind, used when the text gives no kind word before the number.
TYPE_KINDS = {
    "NQ": "Nghị quyết",
    "NQLT": "Nghị quyết liên tịch",
    "NĐ": "Nghị định",
    "CT": "Chỉ thị",
    "QĐ": "Quyết định",
    "QĐi": "Quy định",
    "KL": "Kết luận",
    "KH": "Kế hoạch",
    "CTr": "Chương trình",
    "HD": "Hướng dẫn",
    "QC": "Quy chế",
    "ĐA": "Đề án",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "PL": "Pháp lệnh",
    "TTr": "Tờ trình",
    "BC": "Báo cáo",
    "TB": "Thông báo",
    "CĐ": "Công điện",
    "PA": "Phương án",
    "GP": "Giấy phép",
    "QH": "Luật",
    "L": "Luật",
    "CP": "Nghị định",
    "HĐBT": "Quyết định",
    "CTTg": "Chỉ thị",
    "UBTVQH": "Nghị quyết",
}


def type_code(number: str) -> str:
    """``16/KH-UBND`` -> ``KH``; ``25-NQ/TW`` -> ``NQ``; ``63/2025/QH15`` -> ``QH``."""
    sym = symbol(number)
    head = re.split(r"[-/&]", sym, maxsplit=1)[0]
    return re.sub(r"\d+$", "", head)


def kind_from_number(number: str) -> str:
    """Kind implied by the symbol alone; a symbol without a type code is a Công văn."""
    return TYPE_KINDS.get(type_code(number), "Công văn")
