"""Issuer phrases: read them from text, reduce them to the gold's short form, give a level.

Short form (../shared/seeds/README.md, "Issuer short forms"): as written minus term
qualifiers (``(khóa XI)``) and place names (``Tỉnh ủy Bình Dương`` -> ``Tỉnh ủy``; the
place goes to the citation's province/district instead), ``Ban Bí thư Trung ương Đảng``
-> ``Ban Bí thư``, spelling normalised (``Tỉnh uỷ`` -> ``Tỉnh ủy``, ``Thủ Tướng`` ->
``Thủ tướng``); abbreviations, position holders and joint issuers kept as written.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lexgraph.extractors.issuer_case import PLACE_HEADS, upper_case_issuer
from lexgraph.extractors.numbers import TYPE_KINDS, symbol
from lexgraph.extractors.text import LINE_WALL, fold, new_tone_marks, view

_TOKENS = re.compile(r"[^\W_]+|[^\w\s]", re.UNICODE)

# Lower-case words that occur inside organ names; any other lower-case word ends a phrase.
_ORG_VOCAB = {
    "nhan", "dan", "tinh", "huyen", "thanh", "pho", "thi", "xa", "tran", "phuong", "quan",
    "ban", "can", "su", "dang", "bo", "thuong", "vu", "chap", "hanh", "trung", "uong", "chinh",
    "phu", "tri", "bi", "thu", "tuong", "truong", "tich", "nhiem", "dong", "quoc", "hoi", "van",
    "noi", "uy", "nha", "nuoc", "cuc", "so", "mat", "to", "cong", "an", "tu", "phap", "tai",
    "y", "te", "giao", "duc", "xay", "dung", "lao", "binh", "hoa", "the", "thao", "du", "lich",
    "khoa", "hoc", "nghe", "nong", "nghiep", "moi", "thong", "tin", "truyen", "kiem", "toan",
    "sat", "toi", "cao", "vien", "ngan", "hang", "chi", "dao", "hai", "thue", "kho", "bac",
    "doan", "nien", "nu", "cuu", "chien", "toc", "ton", "ngoai", "kinh", "ke", "hoach", "dau",
    "hoat", "bao", "hiem", "tong", "lien", "hiep", "tac", "phong", "giam", "doc", "chanh",
    "che", "tao", "nguyen", "sach", "dich", "lam", "thuy", "san", "loi", "ly",
}  # fmt: skip
# Words (folded) that end an issuer phrase even when capitalised (upper-case titles).
_STOP = {
    "ve", "ban_hanh", "thuc", "trien", "quy_dinh", "phe", "huong", "tai", "da", "doi", "tiep",
    "voi", "trong", "theo", "la", "nham", "de", "viec", "duoc", "sua", "bo_sung", "ngay", "nam",
    "so", "gom", "kem", "nay", "tren", "den", "cho", "giao", "khoa", "nhiem_ky", "lan",
    "quan_triet", "cu", "gan", "phu_hop", "hop", "xet", "tham", "bao_cao", "dong_y", "ky",
    "can_cu", "thuc_hien", "trien_khai", "theo_de", "cong_bao", "cac", "khoan", "dieu",
}  # fmt: skip
_KIND_PAIRS = set(
    """quyet dinh|nghi quyet|nghi dinh|chi thi|ke hoach|ket luan|huong dan|hien phap|
    chuong trinh|cong van|thong tu|thong bao|de an|to trinh|phap lenh|bo luat|luat so""".replace(
        "\n", ""
    )
    .replace("    ", "")
    .split("|")
)
_COMMA_CONT = set(["the", "chu", "ban", "bo", "du"])
# Pairs of folded words that name organs although one of them is a stop word or outside
# the vocabulary ('tài'/'tại', 'có'/'cổ', 'tâm', 'ty').
_ORG_PAIRS = {"tai_chinh", "cong_ty", "co_phan", "trung_tam", "tai_nguyen"}

_HOI_NGHI = re.compile(r"^(?:Hội\s+nghị|Đại\s+hội)\b[^,;()]{0,60}?(?=\b(?:Ban|Bộ)\s)", re.I)
# 'của Hội nghị Trung ương 6 khóa XII': the plenum of the Central Committee.
_PLENUM_AT = re.compile(r"^Hội\s+nghị\s+(?:lần\s+thứ\s+\S+\s+)?Trung\s+ương\b", re.I)
_PLENUM = re.compile(r"^Hội\s+nghị\s+(?:lần\s+thứ\s+\S+\s+)?Trung\s+ương\s*$", re.I)
_PLACE_WORDS = (
    "tỉnh",
    "huyện",
    "thành phố",
    "quận",
    "thị xã",
    "xã",
    "phường",
    "thị trấn",
    "Tỉnh ủy",
    "Thành ủy",
    "Huyện ủy",
    "Quận ủy",
    "Thị ủy",
)
_PLACE_RE = re.compile(
    r"(?<!\w)("
    + "|".join(re.escape(w) for w in _PLACE_WORDS)
    + r")((?:\s+(?!Và\b)[A-ZĐ\u00c0-\u1ef9][\w]*)+)"
)
_UPPER_MAP = {
    "tinh uy": "Tỉnh ủy",
    "thanh uy": "Thành ủy",
    "huyen uy": "Huyện ủy",
    "thu tuong chinh phu": "Thủ tướng Chính phủ",
    "chinh phu": "Chính phủ",
    "bo chinh tri": "Bộ Chính trị",
    "ban bi thu": "Ban Bí thư",
    "ban chap hanh trung uong": "Ban Chấp hành Trung ương",
    "ban chap hanh trung uong dang": "Ban Chấp hành Trung ương Đảng",
    "quoc hoi": "Quốc hội",
    "uy ban thuong vu quoc hoi": "Ủy ban Thường vụ Quốc hội",
    "ban thuong vu tinh uy": "Ban Thường vụ Tỉnh ủy",
    "uy ban nhan dan tinh": "Ủy ban nhân dân tỉnh",
    "ubnd tinh": "UBND tỉnh",
    "hoi dong nhan dan tinh": "Hội đồng nhân dân tỉnh",
}


# Stop words that folding merges with organ-name words ('số'/'Sở', 'tại'/'Tài', 'khóa'/
# 'Khoa', 'đà'/'Đà', 'dược'/'Dược'): inside a phrase, a title-case word is the name word.
# These stay stops even when capitalised: they open a clause after the issuer.
_CLAUSE_WORDS = {
    "ve", "theo", "ngay", "nham", "de", "trong", "den", "cho", "voi", "la", "nam", "sua",
    "cac", "khoan", "dieu",
}  # fmt: skip


_ROMAN = re.compile(r"^[ivxl]+$")


def _name_word(tok: str, low: str, nxt: str) -> bool:
    if low == "khoa" and _ROMAN.match(nxt):
        return False  # 'Khóa XII': the term, not 'Khoa' (a faculty or science)
    return tok[:1].isupper() and tok[1:].islower() and low not in _CLAUSE_WORDS


_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*(?=[^\W\d_])")


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


def read_issuer(text: str, pos: int, limit: int = 160) -> tuple[str, int]:
    """Read an issuer phrase starting at ``pos`` (just after ``của``/``giữa``).

    Returns the raw phrase and its end offset; ``('', pos)`` when none. Words are taken
    while they are capitalised or belong to the organ vocabulary; ``,``/``và``/``-`` are
    crossed only when an organ name continues after them.
    """
    window = text[pos : pos + limit]
    wall = LINE_WALL.search(window)
    if wall:
        window = window[: wall.start()]
    # A blank line before a capital ends the phrase: in an upper-case title block the next
    # block is another heading ('... CỦA BỘ TÀI CHÍNH' / '' / 'ỦY BAN NHÂN DÂN THÀNH PHỐ'),
    # in a table the next cell. Before a lower-case word it is a stray break in a wrapped
    # name ('của Ủy ban nhân\ndân thành' / '' / 'phố Cần Thơ').
    for blank in _BLANK_LINE.finditer(window):
        if window[blank.end()].isupper():
            window = window[: blank.start()]
            break
    lead = _HOI_NGHI.match(window)
    if lead is None:
        plenum = _PLENUM_AT.match(window)
        if plenum:
            return text[pos : pos + plenum.end()], pos + plenum.end()
    skip = lead.end() if lead else 0
    pos_w = pos + skip
    # Most phrases end within a few words: scan a short window first and widen it only
    # when the scan ran to within two tokens of its end (where a cut word could matter).
    short = min(len(window), skip + 70)
    ft = view(text)
    for stop in (short, len(window)) if short < len(window) else (len(window),):
        part = window[skip:stop]
        tokens = list(_TOKENS.finditer(part))
        end, i = _scan(tokens, ft.window(pos_w, pos + stop))
        if i + 3 < len(tokens) or stop == len(window):
            break
    if not end:
        return "", pos
    return text[pos : pos_w + end], pos_w + end


# Bodies named by their remit, in lower case: 'Ban Chỉ đạo phát triển khoa học, công nghệ,
# đổi mới sáng tạo, chuyển đổi số, cải cách hành chính và đề án 06', 'Ban Quản lý các khu
# công nghệ cao và khu công nghiệp'. The remit runs to a clause word or a capital.
_REMIT_HEADS = ("ban chi dao", "ban quan ly")
_REMIT_STOP = {
    "ve", "tai", "ngay", "da", "duoc", "theo", "nam", "nham", "cua", "la", "ky",
    "thuc_hien", "trien_khai", "ban_hanh", "quy_dinh", "huong_dan", "phe_duyet", "bao_cao",
    "sau_day", "nhiem_ky", "can_cu",
}  # fmt: skip
_REMIT_SPELLED = {"de": "để", "cho": "cho", "voi": "với", "tren": "trên"}
_PLACE_HEADS = {"tinh", "pho", "huyen", "quan", "xa", "phuong", "tran"}


def _remit(tokens: list[re.Match[str]], flds: list[str], i: int) -> int:
    """Index after a lower-case remit starting at token ``i`` (``i`` when there is none)."""
    n = len(tokens)
    j = i
    place = False  # inside a place name ('thành phố Hà Nội'): capitals belong to it
    while j < n:
        tok, low = tokens[j].group(0), flds[j]
        nxt_low = flds[j + 1] if j + 1 < n else ""
        if tok[:1].isupper() and (place or (j > i and flds[j - 1] in _PLACE_HEADS)):
            place = True
            j += 1
            continue
        place = False
        if low in _REMIT_STOP or f"{low}_{nxt_low}" in _REMIT_STOP:
            break
        if low == "so" and tok.lower() == "số" and (nxt_low[:1].isdigit() or nxt_low == ":"):
            break  # 'số 12/KH-BCĐ' (but 'chuyển đổi số' is digital transformation)
        if low in _REMIT_SPELLED and tok.lower() == _REMIT_SPELLED[low]:
            break
        if low == "khoa" and _ROMAN.match(nxt_low):
            break  # 'khóa XII': the term
        if tok == "," or low == "va":
            nxt = tokens[j + 1].group(0) if j + 1 < n else ""
            if not nxt[:1].isalpha() or not nxt[:1].islower():
                break
        elif tok.isdigit():
            if j == i:
                break
        elif not (tok[:1].isalpha() and tok[:1].islower()):
            break
        j += 1
    while j > i and tokens[j - 1].group(0) == ",":
        j -= 1
    return j


def _scan(tokens: list[re.Match[str]], fwin: str) -> tuple[int, int]:
    """End offset of the issuer phrase in the tokens' window, and the index it stopped at."""
    flds = [fwin[t.start() : t.end()] for t in tokens]
    end = 0
    i = 0
    n = len(tokens)
    place = False  # inside a place name ('tỉnh Bắc Giang'): a lower-case word ends it
    while i < n:
        if (
            i + 3 < n
            and " ".join(flds[i : i + 3]) in _REMIT_HEADS
            and tokens[i + 3].group(0).islower()
        ):
            j = _remit(tokens, flds, i + 3)
            if j > i + 3:
                return tokens[j - 1].end(), j
        tok = tokens[i].group(0)
        low = flds[i]
        nxt = tokens[i + 1].group(0) if i + 1 < n else ""
        fnxt = flds[i + 1] if i + 1 < n else ""
        pair = f"{low}_{fnxt}"
        if tok in ",-&" or low == "va":
            fnxt2 = flds[i + 2] if i + 2 < n else ""
            if not nxt or not _is_cap(nxt) or f"{fnxt} {fnxt2}" in _KIND_PAIRS:
                break
            if tok == "," and fnxt not in _COMMA_CONT:
                break
            place = False
            i += 1
            continue
        if not tok[0].isalpha():
            break
        if pair in _ORG_PAIRS and i + 1 < n:
            # 'Bộ tài chính' (lower case in the source), 'Công ty cổ phần', 'Trung tâm
            # Phục vụ hành chính công': two words that only name an organ together.
            end = tokens[i + 1].end()
            i += 2
            continue
        if pair in _STOP or (
            low in _STOP
            and tok != "Nam"
            and not _name_word(tok, low, fnxt)
            and not (low == "tai" and i and flds[i - 1] == "van")  # 'Giao thông vận tải'
        ):
            break
        if _is_cap(tok):
            prev = flds[i - 1] if i else ""
            if f"{low} {fnxt}" in _KIND_PAIRS and prev not in ("bo", "so") and end:
                break
            if tokens[i - 1].group(0).islower() and (
                prev in PLACE_HEADS or (i > 1 and f"{flds[i - 2]} {prev}" in PLACE_HEADS)
            ):
                place = True
        elif place or low not in _ORG_VOCAB:
            # 'của Chủ tịch UBND tỉnh Bắc Giang công bố thủ tục': 'công bố' folds like organ
            # words ('Công', 'Bộ'), but after the place name it is the verb of the title.
            break
        end = tokens[i].end()
        i += 1
    return end, i


@lru_cache(maxsize=8192)  # pure; issuer phrases repeat: 91% hits on the corpus
def short_form(raw: str) -> tuple[str | None, str | None]:
    """Raw issuer phrase -> (short form, place name dropped from it)."""
    phrase = " ".join(new_tone_marks(raw).split())
    if not phrase:
        return None, None
    if _PLENUM.match(phrase):
        return "Ban Chấp hành Trung ương", None
    phrase = _HOI_NGHI.sub("", phrase)
    if phrase.isupper() and " " not in phrase:
        return phrase, None  # an abbreviation: 'STNMT', 'TAND'
    if phrase.isupper():
        folded = fold(phrase)
        for key in sorted(_UPPER_MAP, key=len, reverse=True):
            if folded == key or folded.startswith(key + " "):
                rest = phrase[len(key) :].strip()
                return _UPPER_MAP[key], (rest.title() or None)
        phrase = upper_case_issuer(phrase)
    phrase = re.sub(r"\s*\(cũ\)", "", phrase)
    phrase = re.sub(r"^Ban Bí thư Trung ương Đảng\b", "Ban Bí thư", phrase)
    phrase = phrase.replace("Ban chấp hành", "Ban Chấp hành").replace("Thủ Tướng", "Thủ tướng")
    phrase = phrase.replace("Bộ Trưởng", "Bộ trưởng").replace("Chủ Tịch", "Chủ tịch")
    phrase = re.sub(r"(?<=\s)Thành phố\b", "thành phố", phrase)
    place = None
    match = _PLACE_RE.search(phrase)
    if match:
        place = match.group(2).strip()
        phrase = (phrase[: match.start(2)] + phrase[match.end(2) :]).strip()
    phrase = phrase.strip(" ,-")
    return (phrase or None), place


_LOCAL_RE = re.compile(
    r"\b(tinh|huyen|thanh pho|quan|thi xa|phuong|thi tran|uy ban nhan dan|ubnd|hdnd|"
    r"hoi dong nhan dan|dang bo|dang uy|xa(?! hoi))\b|^(so|giam doc so)\b"
)
_DISTRICT_RE = re.compile(r"\b(huyen|quan|thi xa|huyen uy)\b")
_COMMUNE_RE = re.compile(r"\b(xa(?! hoi)|phuong|thi tran)\b")
_PARTY_RE = re.compile(r"trung uong|bo chinh tri|ban bi thu")
_STATE_RE = re.compile(
    r"thu tuong|chinh phu|quoc hoi|^bo\b|\bbo truong|ngan hang nha nuoc|hoi dong bo truong|"
    r"kiem toan nha nuoc|toi cao|chu tich nuoc|^cuc\b|^tong cuc"
)


@lru_cache(maxsize=8192)  # pure; issuer names repeat (one call per mention)
def level_of(issuer: str | None) -> str | None:
    """Level implied by an issuer name; None when the name does not say."""
    if not issuer:
        return None
    f = fold(issuer)
    if not f.startswith("bo ") and _LOCAL_RE.search(f):
        if _DISTRICT_RE.search(f):
            return "district"
        if _COMMUNE_RE.search(f) and not re.search(r"\btinh\b", f):
            return "commune"
        return "province"
    if _PARTY_RE.search(f):
        return "central_party"
    if _STATE_RE.search(f):
        return "central_state"
    return None


_LOCAL_PARTY_PREFIX = ("BCS", "BDV", "BCĐ", "BTV", "BTG", "BQL")


@lru_cache(maxsize=8192)  # pure; numbers repeat (one call per mention)
def level_of_number(number: str) -> str | None:
    """Level implied by the symbol: ``/TW`` party centre, ``TTg``/``CP``/ministries State
    centre, ``TU``/``UBND``/``S..`` province, ``HU`` district; None when it does not say."""
    tokens = [t for t in re.split(r"[-/&]", symbol(number)) if t]
    head = re.sub(r"\d+$", "", tokens[0]) if tokens else ""
    issuers = tokens[1:] if len(tokens) > 1 and head in TYPE_KINDS else tokens
    for tok in issuers:
        if tok.endswith("TW"):
            return "central_party"
    for tok in issuers:
        if tok.endswith("HU"):
            return "district"
        if tok.endswith("TU") or tok in ("UBND", "HĐND", "ĐU", "UB", "CTUBND", "BCĐ"):
            return "province"
        if tok.startswith(_LOCAL_PARTY_PREFIX):
            return "province"
        if tok.startswith("S") and len(tok) >= 3 and tok not in ("SHTT",):
            return "province"
    for tok in issuers:
        if re.match(r"^(TTg|CP|QH\d*|UBTVQH\d*|VPCP|NHNN|HĐBT|B[A-ZĐ]{1,8}|TANDTC|VKSNDTC)$", tok):
            return "central_state"
    return None


LOCAL_LEVELS = ("province", "district", "commune")
