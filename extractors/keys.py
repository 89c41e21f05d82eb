"""Canonical document keys: year-aware and, for local issuers, jurisdiction-aware.

Format (stable; the graph and the queries rely on it)::

    <number>@<year>                      central document     33/CT-TTg@2021, 25-NQ/TW@2013
    <number>@<year>@<province>[/<dist>]  local document       16/KH-UBND@2022@ca-mau
    law:<name-slug>@<year>               law cited by name    law:to-chuc-chinh-quyen-dia-phuong@2015
    doc:<sha256 prefix>                  a document with no number of its own (seed 002)

An unknown year or jurisdiction is written ``?`` (``11-NQ/TU@?@?``): unresolved parts
stay explicit and are never guessed; the graph layer decides whether to attach them.
"""

from __future__ import annotations

import re
import unicodedata

UNKNOWN = "?"

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lower-case ASCII folding of Vietnamese: ``Cà Mau`` -> ``ca mau``, ``Đắk`` -> ``dak``."""
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(ch for ch in text if unicodedata.category(ch) != "Mn").lower()


def slug(text: str) -> str:
    """``Thừa Thiên Huế`` -> ``thua-thien-hue``."""
    return _NON_ALNUM.sub("-", fold(text)).strip("-")


def jurisdiction(province: str | None, district: str | None = None) -> str:
    if not province:
        return UNKNOWN
    return slug(province) + (f"/{slug(district)}" if district else "")


def document_key(
    number: str,
    year: int | None,
    *,
    local: bool = False,
    province: str | None = None,
    district: str | None = None,
) -> str:
    key = f"{number}@{year if year else UNKNOWN}"
    if local:
        key += "@" + jurisdiction(province, district)
    return key


def law_key(name: str, year: int | None) -> str:
    return f"law:{slug(name)}@{year if year else UNKNOWN}"


def unnumbered_key(sha256: str) -> str:
    return f"doc:{sha256[:16]}"


def split_key(key: str) -> tuple[str, str, str | None]:
    """``16/KH-UBND@2022@ca-mau`` -> (``16/KH-UBND``, ``2022``, ``ca-mau``)."""
    head, _, rest = key.partition("@")
    year, _, where = rest.partition("@")
    return head, year or UNKNOWN, where or None


def is_unresolved(key: str) -> bool:
    _, year, where = split_key(key)
    return year == UNKNOWN or where == UNKNOWN
