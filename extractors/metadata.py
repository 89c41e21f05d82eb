"""A document's own metadata: kind, number, year, issuer, level, province, district, date,
title and signer (``lexgraph.model.DocumentInfo``).

Sources, most reliable first: the header (issuer lines, ``Số:``, place and date, kind line,
title), the signature block (``TM. ỦY BAN NHÂN DÂN``), the opening sentence ("Ủy ban nhân dân
tỉnh ban hành Kế hoạch ..."), the number's symbol, and finally the places the text names.
Nothing is invented: a field no source supports stays None, with a warning saying why.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from lexgraph.extractors import organs
from lexgraph.extractors.dates import iso
from lexgraph.extractors.header import Header, parse_header
from lexgraph.extractors.numbers import canonical_number, number_year, symbol
from lexgraph.extractors.places import find_provinces, province_info
from lexgraph.extractors.signature import parse_signature
from lexgraph.extractors.truecase import truecase
from lexgraph.model import DocumentInfo

# Document-type abbreviations in the symbol (Nghị định 30/2020/NĐ-CP, Phụ lục III).
SYMBOL_KINDS = {
    "KH": "Kế hoạch",
    "CT": "Chỉ thị",
    "QĐ": "Quyết định",
    "NQ": "Nghị quyết",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "NQLT": "Nghị quyết liên tịch",
    "NĐ": "Nghị định",
    "CĐ": "Công điện",
    "TB": "Thông báo",
    "HD": "Hướng dẫn",
    "QĐi": "Quy định",
    "QC": "Quy chế",
    "CTr": "Chương trình",
    "KL": "Kết luận",
    "ĐA": "Đề án",
    "BC": "Báo cáo",
    "TTr": "Tờ trình",
    "PA": "Phương án",
    "VBHN": "Văn bản hợp nhất",
    "PL": "Pháp lệnh",
    "L": "Luật",
    "CV": "Công văn",
    "GP": "Giấy phép",
    "BB": "Biên bản",
    "QH": "Luật",
}


def extract_metadata(text: str) -> tuple[DocumentInfo, list[str]]:
    """The document's own metadata (``key`` left None for the caller) and warnings."""
    warnings: list[str] = []
    header = parse_header(text)
    sig_from = header.end
    # Anywhere after the header: annexes and forms often follow the authentication block.
    auth = text.find(_VBHN_MARK, header.end)
    if auth >= 0:  # consolidated text: its own number, date and signer follow the body
        block = parse_header(text[max(0, auth - 400) : auth + 600], anchor=False)
        if block.number_raw and "VBHN" in block.number_raw.upper():
            block.title_lines, block.title_upper = header.title_lines, header.title_upper
            block.end, block.kind = header.end, "Văn bản hợp nhất"
            header, sig_from = block, max(0, auth - 400)
    info = DocumentInfo()

    if header.number_raw:
        info.number = canonical_number(header.number_raw)
    elif header.number_line:
        warnings.append("number: the 'Số' line is blank")
    else:
        warnings.append("number: no 'Số' line in the header")

    info.date, info.year = _date(header, warnings)
    info.kind = _kind(header, info.number, warnings, text)
    if info.date is None:
        passed = _passing_date(text, info.kind)
        if passed:
            info.date, info.year = passed, int(passed[:4])
            warnings.append("date: from the passing clause ('... này được ... thông qua ngày')")
    if info.year is None and info.number:
        info.year = number_year(info.number)

    sig = parse_signature(text, sig_from)
    info.signer = sig.signer

    organ = organs.resolve(text, header, sig, info.number, _kind_is_cv(info.kind))
    info.issuer, info.level = _tidy_issuer(organ.issuer), organ.level
    info.province, info.district = organ.province, organ.district
    warnings.extend(organ.warnings)

    info.title = _title(text, header)
    if info.year is None and info.title:
        m = re.search(r"\bnăm (\d{4})\b", info.title)
        if m:
            info.year = int(m.group(1))
            warnings.append("year: taken from the title (no date or year-bearing number)")
    return info, warnings


_VBHN_MARK = "XÁC THỰC VĂN BẢN HỢP NHẤT"


def _tidy_issuer(issuer: str | None) -> str | None:
    """An organ's name starts with a capital ('cục Hải quan' taken from mid-sentence); the
    source spelling is kept otherwise ('Văn hoá', as the gold schema asks)."""
    return issuer[0].upper() + issuer[1:] if issuer else issuer


def _kind_is_cv(kind: str | None) -> bool:
    return kind == "Công văn"


def _date(header: Header, warnings: list[str]) -> tuple[str | None, int | None]:
    if header.year is None:
        warnings.append("date: no place-and-date line in the header")
        return None, None
    if header.day is None or header.month is None:
        warnings.append("date: the day or month is blank")
        return None, header.year
    try:
        return dt.date(header.year, header.month, header.day).isoformat(), header.year
    except ValueError:
        warnings.append("date: not a valid calendar date")
        return None, header.year


# The passing clause that closes a law or resolution of an elected body: "Nghị quyết này
# được Ủy ban Thường vụ Quốc hội ... khóa XV thông qua ngày 16 tháng 6 năm 2025." The date
# it passed is the document's date (on the corpus's 22 HĐND resolutions that have both, it
# equals the header's date every time); read only when the header gives none.
_PASSING = re.compile(
    r"(Luật|Bộ luật|Nghị quyết|Pháp lệnh|Hiến pháp) này\s+(?:đã\s+)?được\s+"
    r"(?:Quốc hội|Ủy ban Thường vụ Quốc hội|Uỷ ban Thường vụ Quốc hội|Hội đồng nhân dân)"
    r"[^.;]{0,200}?thông qua\s+ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})",
    re.IGNORECASE,
)


def _passing_date(text: str, kind: str | None) -> str | None:
    """The date of the last passing clause naming this document's own kind ("Nghị quyết
    này" in a Nghị quyết): a consolidated text quotes the clauses of the laws it merges."""
    if kind not in ("Luật", "Bộ luật", "Nghị quyết", "Pháp lệnh", "Hiến pháp"):
        return None
    found = None
    for match in _PASSING.finditer(text, len(text) // 2):
        if match.group(1).lower() == kind.lower():
            found = match
    if found is None:
        return None
    return iso(*found.groups()[1:])


# 'Kính gửi:' (to: ...) opening a text that has no kind line: an official letter.
_SALUTATION = re.compile(r"\s*Kính\s+gửi\s*:")


def _kind(header: Header, number: str | None, warnings: list[str], text: str = "") -> str | None:
    parts = re.split(r"[-/]", symbol(number)) if number else []
    first = parts[0] if parts else ""
    if "VBHN" in parts:
        return "Văn bản hợp nhất"
    if header.kind:
        return header.kind
    if header.subject_line:  # 'V/v ...' under the number: a Công văn (5253/CT-CS, Cục Thuế)
        return "Công văn"
    if first in SYMBOL_KINDS:
        return SYMBOL_KINDS[first]
    if number and parts:  # 'number/ORGAN-UNIT': a Công văn has no type in its symbol
        return "Công văn"
    if _SALUTATION.match(text, header.end):
        warnings.append("kind: no kind line; 'Kính gửi:' opens it, so a Công văn")
        return "Công văn"
    warnings.append("kind: no kind line and no number")
    return None


def _title(text: str, header: Header) -> str | None:
    if not header.title_lines:
        return None
    title = re.sub(r"\s+", " ", " ".join(header.title_lines)).strip(" .;:")
    if header.title_upper:
        title = truecase(title, text[header.end :])
    if title and title[0].islower():  # sentence case: 'thực hiện ...' -> 'Thực hiện ...'
        title = title[0].upper() + title[1:]
    return title or None


def most_named_province(text: str, limit: int = 200000) -> str | None:
    """The province the text names most often (ties: the first named); used for context."""
    mentions = find_provinces(text[:limit])
    if not mentions:
        return None
    counts = Counter(m.province.name for m in mentions)
    best = max(counts.values())
    for m in mentions:
        if counts[m.province.name] == best:
            return m.province.name
    return None


__all__ = ["extract_metadata", "most_named_province", "province_info", "SYMBOL_KINDS"]
