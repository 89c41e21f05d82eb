"""The issuing body of a document, its level and its jurisdiction.

The header's upper-case issuer lines may name a parent and the issuer ("UBND TỈNH BÌNH PHƯỚC /
SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"): the last organ issues, earlier ones give the context. When
the header is missing the organ type comes from ``TM. ...`` in the signature, the opening
sentence ("Ủy ban nhân dân tỉnh ban hành Kế hoạch") or the symbol (``CT-UBND``), and the place
from the place-and-date line or, last, the province the text names most.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from lexgraph.extractors.header import Header, norm_tone
from lexgraph.extractors.numbers import symbol
from lexgraph.extractors.places import _DETONE, detone, find_provinces, province_info
from lexgraph.extractors.signature import Signature
from lexgraph.extractors.text import loose, variants

_UNITS = r"tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu"
_LOCAL = re.compile(
    rf"^(?:(?P<chair>chủ tịch)\s+)?(?P<body>ủy ban nhân dân|ubnd|hội đồng nhân dân|hđnd)"
    rf"(?:\s+(?P<unit>{_UNITS})(?:\s+(?P<name>.+))?)?$"
)
_CENTRAL = {
    "chính phủ": ("Chính phủ", "central_state"),
    "thủ tướng chính phủ": ("Thủ tướng Chính phủ", "central_state"),
    "thủ tướng": ("Thủ tướng Chính phủ", "central_state"),
    "quốc hội": ("Quốc hội", "central_state"),
    "ủy ban thường vụ quốc hội": ("Ủy ban Thường vụ Quốc hội", "central_state"),
    "văn phòng chính phủ": ("Văn phòng Chính phủ", "central_state"),
    "văn phòng quốc hội": ("Văn phòng Quốc hội", "central_state"),
    "chủ tịch nước": ("Chủ tịch nước", "central_state"),
    "ngân hàng nhà nước việt nam": ("Ngân hàng Nhà nước Việt Nam", "central_state"),
    "kiểm toán nhà nước": ("Kiểm toán nhà nước", "central_state"),
    "tòa án nhân dân tối cao": ("Tòa án nhân dân tối cao", "central_state"),
    "viện kiểm sát nhân dân tối cao": ("Viện kiểm sát nhân dân tối cao", "central_state"),
    "bảo hiểm xã hội việt nam": ("Bảo hiểm xã hội Việt Nam", "central_state"),
    "bộ chính trị": ("Bộ Chính trị", "central_party"),
    "ban bí thư": ("Ban Bí thư", "central_party"),
    "ban chấp hành trung ương": ("Ban Chấp hành Trung ương", "central_party"),
    "ban chấp hành trung ương đảng": ("Ban Chấp hành Trung ương", "central_party"),
    "văn phòng trung ương đảng": ("Văn phòng Trung ương Đảng", "central_party"),
}
# Organ words that start a new segment of the issuer lines (compounds first).
_STARTS = re.compile(
    r"(?<!\S)(?:chủ tịch ủy ban nhân dân|thủ tướng chính phủ|văn phòng chính phủ|"
    r"ủy ban thường vụ quốc hội|ban chấp hành trung ương|ủy ban nhân dân|hội đồng nhân dân|"
    r"ubnd|hđnd|bộ chính trị|ban bí thư|chính phủ|quốc hội|tỉnh ủy|thành ủy|huyện ủy|quận ủy|"
    r"thị ủy|đảng ủy|đảng bộ|sở|bộ|tổng cục|chi cục|cục|thuế tỉnh|thuế thành phố|văn phòng|"
    r"ban|trung tâm|ủy ban|"
    r"thanh tra|kho bạc|công an|tòa án|viện kiểm sát|kiểm toán|ngân hàng|bảo hiểm xã hội)(?!\S)"
)
_SYMBOL_ORGANS = {
    "TTg": "thủ tướng chính phủ",
    "CP": "chính phủ",
    "VPCP": "văn phòng chính phủ",
    "UBTVQH": "ủy ban thường vụ quốc hội",
    "QH": "quốc hội",
    "NHNN": "ngân hàng nhà nước việt nam",
}
# The legislature's codes carry its term: 1654/NQ-UBTVQH15, 72/2025/QH15.
_TERM = re.compile(r"(UBTVQH|QH)\d{1,2}")
_MINISTRIES = {
    "BTC": "Bộ Tài chính",
    "BNV": "Bộ Nội vụ",
    "BYT": "Bộ Y tế",
    "BLĐTBXH": "Bộ Lao động - Thương binh và Xã hội",
    "BKHĐT": "Bộ Kế hoạch và Đầu tư",
    "BGDĐT": "Bộ Giáo dục và Đào tạo",
    "BCA": "Bộ Công an",
    "BQP": "Bộ Quốc phòng",
    "BTP": "Bộ Tư pháp",
    "BCT": "Bộ Công Thương",
    "BXD": "Bộ Xây dựng",
    "BGTVT": "Bộ Giao thông vận tải",
    "BNNPTNT": "Bộ Nông nghiệp và Phát triển nông thôn",
    "BNNMT": "Bộ Nông nghiệp và Môi trường",
    "BTNMT": "Bộ Tài nguyên và Môi trường",
    "BKHCN": "Bộ Khoa học và Công nghệ",
    "BTTTT": "Bộ Thông tin và Truyền thông",
    "BVHTTDL": "Bộ Văn hóa, Thể thao và Du lịch",
    "BNG": "Bộ Ngoại giao",
    "BDTTG": "Bộ Dân tộc và Tôn giáo",
}


def _spaced(pattern: str) -> str:
    """``pattern`` with each space made any blank run, a line break included: a PDF's text
    layer or a wrapped copy breaks lines anywhere ('Ủy ban nhân dân tỉnh ban' / 'hành Kế
    hoạch', tvpl-182-kh-ubnd-dong-nai)."""
    return pattern.replace(" ", r"\s+")


_OPENING = re.compile(
    rf"(?P<organ>{_spaced('Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Hội đồng nhân dân|HĐND')}"
    r"|Sở [^\n.;:]{3,70}?)"
    rf"(?:\s+(?P<unit>{_spaced(_UNITS)}))?(?:\s+[A-ZĐÀ-Ỹ][\wđ]*(?:\s+[A-ZĐÀ-Ỹ][\wđ]*){{0,3}})?"
    rf"\s+(?:đã\s+)?(?:{_spaced('ban hành|xây dựng|triển khai|phát động')})\s+"
    rf"(?:{_spaced('[Kk]ế hoạch|[Cc]hỉ thị|[Qq]uyết định|[Cc]hương trình|[Pp]hương án|[Đđ]ề án')})"
)


# A letter whose header is lost names its writer in the body, as the subject of the
# verbs a writer uses of itself: 'Cục Thuế nhận được công văn số ...', '..., Cục Hải quan
# có ý kiến như sau:', 'Bộ Tài chính đề nghị Ủy ban nhân dân các tỉnh ...'. The organ
# opens a sentence or a clause; 'đề nghị', 'yêu cầu' (which a quoted requester uses too)
# only count when no self-referring verb does.
def _letters(name: str) -> str:
    """Letters only, lower case; tone placement kept (the source spelling 'hoá' stays)."""
    return "".join(c for c in name.lower() if c.isalpha())


_MINISTRY_NAMES = {_letters(n): n for n in _MINISTRIES.values()}


def _speaker(verbs: str, not_organs: str = "") -> re.Pattern[str]:
    """An organ opening a sentence or clause, then one of ``verbs``."""
    return re.compile(
        r"(?:^|(?<=[.;:,])\s+|(?<=\n))(?P<organ>" + not_organs + r"(?:Tổng cục|Chi cục|Cục|Bộ|"
        r"Sở|Ban|Văn phòng|Thuế tỉnh|Thuế thành phố|Ủy ban nhân dân|Uỷ ban nhân dân|UBND|"
        r"Kho bạc Nhà nước|Bảo hiểm xã hội)(?:(?:,\s+(?=[A-ZĐÀ-Ỹ])|\s+)[^\s.;:,()]+){0,8}?)"
        r"\s+(?:" + verbs + r")\b"
    )


_SPEAKER_SELF = _speaker(r"có ý kiến|nhận được|xin trả lời|trả lời như sau|hướng dẫn như sau")
# 'Cục Thuế yêu cầu ...' too; never the Party's organs, whose demands letters quote.
_SPEAKER_ASKS = _speaker("đề nghị|yêu cầu", r"(?!Bộ Chính trị|Ban Bí thư|Ban Chấp hành)")


def letter_speaker(body: str) -> str | None:
    """The organ a letter without header speaks as, from its first paragraphs, or None."""
    found = _SPEAKER_SELF.search(body) or _SPEAKER_ASKS.search(body)
    return " ".join(found.group("organ").split()) if found else None


def _unspaced(name: str, text: str, limit: int) -> str:
    """A letter-spaced name from a PDF ('ỦY B AN NHÂN D Â N T HÀNH P HỐ HỒ C H Í M I NH')
    as the text spells it elsewhere, with its spaces where they belong ('CHỦ TỊCH ỦY BAN
    NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH' in the title); the name itself when it is not spaced
    or the text does not spell it."""
    words = name.split()
    if len(words) < 4 or sum(len(w) <= 2 for w in words) < len(words) * 0.4:
        return name
    window = text[:limit]  # sliced only for a spaced name
    squashed = "".join(words).lower()
    chars = [(i, c) for i, c in enumerate(window) if not c.isspace()]
    joined = "".join(c for _, c in chars).lower()
    found = joined.find(squashed)
    while found >= 0:  # the first is usually the spaced header itself
        start, end = chars[found][0], chars[found + len(squashed) - 1][0] + 1
        spelled = " ".join(window[start:end].split())
        if len(spelled.split()) < len(words):
            return spelled
        found = joined.find(squashed, found + 1)
    return name


@dataclass
class Organ:
    issuer: str | None = None
    level: str | None = None
    province: str | None = None
    district: str | None = None
    warnings: list[str] = field(default_factory=list)


def segments(issuer_text: str) -> list[str]:
    """Split the joined issuer lines into organs ('UBND TỈNH X SỞ Y' -> two)."""
    low = norm_tone(issuer_text)
    cuts = [m.start() for m in _STARTS.finditer(low)]
    if not cuts or cuts[0] != 0:
        cuts = [0, *cuts]
    out: list[str] = []
    for a, b in zip(cuts, [*cuts[1:], len(low)], strict=True):
        piece = issuer_text[a:b].strip(" ,-–")
        if out and (not _has_name(out[-1]) or norm_tone(piece) == norm_tone(out[-1])):
            if norm_tone(piece) != norm_tone(out[-1]):
                out[-1] = f"{out[-1]} {piece}"
            continue
        out.append(piece)
    return [s for s in out if s]


def _has_name(segment: str) -> bool:
    """Whether a segment is complete (an organ word followed by a name, or a whole organ)."""
    low = norm_tone(segment)
    if low in _CENTRAL or _LOCAL.match(low):
        return True
    m = _STARTS.match(low)
    return bool(m and low[m.end() :].strip())


def resolve(text: str, header: Header, sig: Signature, number: str | None, is_cv: bool) -> Organ:
    organ = Organ()
    sym_parts = re.split(r"[-/]", symbol(number)) if number else []
    segs = segments(header.issuer_lines[0]) if header.issuer_lines else []
    body = text[header.end : header.end + 6000]
    opening = _OPENING.search(body)
    place = province_info(header.place) if header.place else None
    context = [province_info(_strip_unit(s)) for s in segs[:-1]]
    context_province = next((p for p in context if p), None)

    main = segs[-1] if segs else None
    if (
        main
        and len(segs) > 1
        and norm_tone(main) == "văn phòng"
        and (norm_tone(segs[-2]).startswith("ban chấp hành trung ương"))
    ):  # 'BAN CHẤP HÀNH TRUNG ƯƠNG / VĂN PHÒNG': the Party Central Office
        main = "văn phòng trung ương đảng"
    if main is None and sig.on_behalf:
        main = sig.on_behalf
    if main is None and opening:
        main = " ".join(opening.group("organ").split())
    if main is None and is_cv:
        main = letter_speaker(body[:2500])
    if main is None:
        codes = [m.group(1) if (m := _TERM.fullmatch(p)) else p for p in sym_parts]
        main = next((_SYMBOL_ORGANS[p] for p in codes if p in _SYMBOL_ORGANS), None)
        if main is None and any(p in ("UBND", "CTUBND") for p in sym_parts):
            main = "ủy ban nhân dân"
        if main is None:
            main = next((_MINISTRIES[p] for p in sym_parts if p in _MINISTRIES), None)
    if main is None:
        organ.warnings.append("issuer: no header, signature, opening or symbol names it")
        return organ

    main = _unspaced(main, text, header.end + 3000)
    low = norm_tone(main)
    if low in _CENTRAL:
        organ.issuer, organ.level = _CENTRAL[low]
        return organ
    local = _LOCAL.match(low)
    if local:
        _local(organ, text, header, local, main, opening, place, context_province, sym_parts)
        return organ
    # Any other organ: source spelling from the body when the header is upper case.
    name = _spelled(main, text) if main.isupper() else main
    province = context_province or place
    # 'Thuế tỉnh X' (since 2025, the tax office of a province under Cục Thuế) is local too.
    local_heads = ("sở ", "ban ", "chi cục", "trung tâm", "thuế tỉnh", "thuế thành phố")
    if low.startswith(local_heads) and "trung ương" not in low:
        province = province or _named(text)
        organ.level = "province" if province else None
        organ.province = province.name if province else None
        if province and detone(province.name) not in detone(name):
            name = f"{name} {province.kind} {province.name}"
    elif low.startswith(("tỉnh ủy", "thành ủy")):
        organ.level = "province"
        organ.province = (
            province_info(_strip_unit(main)) or province or _named(text) or _NONE
        ).name
        if organ.province:  # an upper-case header must not leave 'Tỉnh ủy quảng ngãi'
            name = ("Tỉnh ủy " if low.startswith("tỉnh") else "Thành ủy ") + organ.province
    elif low.startswith(("bộ ", "tổng cục", "cục ", "văn phòng")) or "trung ương" in low:
        organ.level = "central_party" if "trung ương" in low else "central_state"
    # A ministry as its official name, whatever the punctuation or case the text gave
    # ('BỘ LAO ĐỘNG -' / 'THƯƠNG BINH VÀ XÃ HỘI' spelled without its dash in the body).
    organ.issuer = _MINISTRY_NAMES.get(_letters(name), name)
    return organ


class _NoProvince:
    name = None


_NONE = _NoProvince()


def _strip_unit(segment: str) -> str:
    low = norm_tone(segment)
    m = re.search(rf"(?:{_UNITS})\s+(.+)$", low)
    return segment[m.start(1) :] if m else segment


def _named(text: str):  # -> Province | None
    mentions = find_provinces(text[:200000])
    if not mentions:
        return None
    counts = Counter(m.province.name for m in mentions)
    best = max(counts.values())
    return next(m.province for m in mentions if counts[m.province.name] == best)


def _local(organ, text, header, local, main, opening, place, context_province, sym_parts):
    chair = local.group("chair") or any(p == "CTUBND" for p in sym_parts)
    body = "HĐND" if local.group("body") in ("hội đồng nhân dân", "hđnd") else "UBND"
    unit = local.group("unit") or (
        " ".join(opening.group("unit").split()) if opening and opening.group("unit") else None
    )
    name = None
    if local.group("name"):
        name = main[local.start("name") : local.end("name")].strip()
    elif place and (unit in (None, "tỉnh", "thành phố")):
        name = place.name
        unit = unit or place.kind
    elif header.place:
        name = re.sub(r"^(?:" + _UNITS + r")\s+", "", header.place, flags=re.IGNORECASE)
    if name is None and unit in ("tỉnh", "thành phố"):
        ctx = context_province or _named(text)  # seed 002: 'Ủy ban nhân dân tỉnh' only
        name = ctx.name if ctx else None
        if ctx:
            organ.warnings.append("province: inferred from the places the text names")
    province = province_info(name) if name else None
    if unit == "thành phố" and province and province.kind != "thành phố":
        province = None  # a provincial city: district level
    if unit in ("tỉnh", "thành phố") and province:
        organ.level, organ.province = "province", province.name
        name = province.name
    elif unit or name:
        if unit is None and name:
            m = re.search(rf"\b({_UNITS})\s+{re.escape(name)}", text[:200000], re.IGNORECASE)
            unit = m.group(1).lower() if m else None
        if unit in ("xã", "phường", "thị trấn", "đặc khu"):
            organ.level = "commune"
            organ.district = _superior_district(text)
        elif unit:
            organ.level = "district"
            organ.district = _title_words(name) if name else None
        # The place line of a commune or district names the unit itself ('Hòa Bình, ngày ...'
        # for xã Hòa Bình), not its province, even when a province has the same name.
        own = name and place and detone(place.name).lower() == detone(name).lower()
        ctx = context_province or (place if place and not own else None)
        ctx = ctx or _named(text[header.end :])  # the header's place line names the unit itself
        organ.province = ctx.name if ctx else None
        if name:
            name = _title_words(name)
    if unit is None and name is None:
        ctx = _named(text)
        organ.warnings.append("issuer: the level of the body is not stated")
        organ.province = ctx.name if ctx else None
    organ.issuer = " ".join(x for x in ("Chủ tịch" if chair else None, body, unit, name) if x)


_SUPERIOR = re.compile(
    r"(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|Hội đồng nhân dân|Huyện ủy|Huyện uỷ|"
    r"Quận ủy|Quận uỷ|Thị ủy|Thị uỷ)\s+(?:huyện|quận|thị xã)\s+"
    r"([A-ZĐÀ-Ỹ][\wđ]*(?:[ \t]+[A-ZĐÀ-Ỹ][\wđ]*){0,3})"
)


def _superior_district(text: str) -> str | None:
    """The district a commune belongs to: the one whose UBND/HĐND/Huyện ủy the text names
    (its superiors appear in the opening and in 'Nơi nhận'); the most named, else None."""
    names = Counter(" ".join(m.group(1).split()) for m in _SUPERIOR.finditer(text[:200000]))
    if not names:
        return None
    (best, n), *rest = names.most_common(2)
    if rest and rest[0][1] == n:
        return None  # two districts named equally often: do not guess
    return best


def _title_words(name: str) -> str:
    if not name.isupper():
        return name
    return " ".join(w[:1].upper() + w[1:].lower() for w in name.split())


_DETONE_VARIANTS = variants(_DETONE)


@lru_cache(maxsize=256)  # organ names repeat across documents; compiling costs ~0.3 ms
def _spelling_re(pattern: str) -> re.Pattern[str]:
    return re.compile(loose(pattern, _DETONE_VARIANTS))


def _spelled(upper: str, text: str) -> str:
    """The body's own spelling of an upper-case organ name, else a rule-based sentence case."""
    words = upper.split()
    pattern = r"[\s\-–,]+".join(re.escape(detone(w).strip(",")) for w in words if w.strip(",-–"))
    # Matched on the text itself, each letter spelt as the class of letters that detone to
    # it: no detone pass over 100 KB (0.65 -> 0.3 ms a call on the corpus).
    for m in _spelling_re(pattern).finditer(text, 0, 100000):
        candidate = text[m.start() : m.end()]
        if not candidate.isupper():
            return re.sub(r"\s+", " ", candidate)
    out = []
    cap = True
    for w in words:
        out.append(w[:1] + w[1:].lower() if cap else w.lower())
        cap = w in ("-", "–", "VÀ") or w.endswith(",")
    return " ".join(out)
