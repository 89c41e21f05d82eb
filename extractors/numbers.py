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

# Symbol tokens whose standard spelling is not all upper case, keyed by their upper-case form.
_MIXED_CASE = {"TTG": "TTg", "CTR": "CTr", "QĐI": "QĐi", "CTTG": "CTTg"}

_WHITESPACE = re.compile(r"\s+")
_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)
_YEAR_PART = re.compile(r"^\d+(?:\.\d+)?/(\d{4})/")
_PARTY_SHAPE = re.compile(r"^\d+(?:\.\d+)?-[^\W\d_]")


def _case_token(match: re.Match[str]) -> str:
    token = match.group(0).upper()
    return _MIXED_CASE.get(token, token)


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
