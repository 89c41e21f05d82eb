"""Laws, codes and the constitution cited by name (``Luật Tiếp công dân năm 2013``).

A name runs from ``Luật``/``Bộ luật``/``Hiến pháp`` while words belong to it; it ends at
a year phrase (``năm 2013``, ``ngày 19 tháng 6 năm 2015``), a clause word (``về``,
``của``, ``đã`` ...), punctuation, or ``số`` (then the number finder owns the mention).
``Luật sửa đổi, bổ sung (một số điều của) Luật X`` keeps its comma. Draft laws
(``(sửa đổi)``, ``dự thảo``) and the generic ``Hiến pháp, pháp luật`` are not citations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lexgraph.extractors.text import PAGE_WALL, fold, new_tone_marks, view

# The first letter comes before the look-behind so that the engine skips to B/L/H fast.
_ANCHOR = re.compile(r"[BLH](?<!\w[BLH])(?:ộ luật|Ộ LUẬT|uật|UẬT|iến pháp|IẾN PHÁP)(?!\w)")
_WORD = re.compile(r"\s*([^\W_]+|&)", re.UNICODE)
_STOP = set(
    [
        "nam",
        "ngay",
        "so",
        "ve",
        "cua",
        "da",
        "duoc",
        "dang",
        "tai",
        "thi",
        "theo",
        "nay",
        "de",
        "cho",
        "voi",
        "trong",
        "khi",
        "nhu",
        "doi",
        "sua",
        "moi",
        "hoac",
        "cac",
        "la",
        "co",
    ]
)
_NOT_NAME = set(
    [
        "luat",
        "bo",
        "hien",
        "nghi",
        "quyet",
        "chi",
        "ke",
        "ket",
        "huong",
        "thong",
        "cong",
        "de",
        "to",
        "phap",
        "chuong",
    ]
)
_YEAR = re.compile(
    r"^\s*(?:\(\s*)?(?:nam\s+(\d{4})|ngay\s+\d{1,2}\s*(?:/|-|thang)\s*\d{1,2}\s*(?:/|-|,?\s*nam)\s*(\d{4}))"
)
_AMEND = re.compile(r"^\s*sua doi\s*,?\s*bo sung\s*(?:mot so dieu\s*(?:cua\s*)?)?", re.I)


@dataclass
class LawMention:
    kind: str  # 'Luật', 'Bộ luật', 'Hiến pháp'
    name: str  # 'Luật Tiếp công dân'
    year: int | None
    start: int
    end: int  # end of name + year phrase
    numbered: bool  # followed by 'số <number>': the number finder reports it


_NEXT_LAW = re.compile(r"\s*(?:,|va)\s*luat\s")
_COMMA = re.compile(r"\s*,\s*")
_KIND_WORDS = {"nghi dinh", "nghi quyet", "quyet dinh", "thong tu", "chi thi", "ke hoach"}


def _read_name(
    window: str, folded: str, name_end: int, kind: str, lower_first: bool = False
) -> tuple[int, int]:
    """End of the law's name words from ``name_end`` and how many words it has."""
    n_words = 0
    first = True
    prev_low = ""
    while True:
        match = _WORD.match(window, name_end)
        if match is None and not first and n_words <= 3:
            # 'Luật Quản lý, sử dụng tài sản công', 'Luật An toàn, vệ sinh lao động':
            # coordinated verbs inside a short name continue after the comma.
            comma = _COMMA.match(window, name_end)
            nxt = _WORD.match(window, comma.end()) if comma else None
            if nxt and nxt.group(1)[:1].islower() and nxt.start() == comma.end():
                low = folded[nxt.start(1) : nxt.end(1)]
                two = _WORD.match(window, nxt.end())
                low2 = f"{low} {folded[two.start(1) : two.end(1)]}" if two else low
                if low in _COORDINATED or low2 in _COORDINATED:
                    match = nxt
        if match is None:
            break
        token = match.group(1)
        low = folded[match.start(1) : match.end(1)]
        if first and kind != "Hiến pháp" and not token[:1].isupper() and not lower_first:
            break
        if first:
            pair = _WORD.match(window, match.end())
            if pair and f"{low} {folded[pair.start(1) : pair.end(1)]}" in _KIND_WORDS:
                break  # 'Luật | Nghị định | Quyết định': a table header, not a name
        if low == "va" and not first:
            nxt = _WORD.match(window, match.end())
            nxt_low = fold(nxt.group(1)) if nxt else ""
            if nxt and nxt.group(1)[:1].isupper() and nxt_low not in _NOT_NAME:
                name_end = match.end()
                continue
            break
        if _stops(token, low, prev_low):
            break
        prev_low = low
        if kind == "Hiến pháp" and first:
            break
        first = False
        name_end = match.end()
        n_words += 1
        if n_words > 14:
            break
    return name_end, n_words


# Folding merges stop words with name words ('về'/'vệ' in 'vệ sinh', 'tại'/'tài' in 'tài
# sản', 'mới'/'môi' in 'môi trường', 'số'/'sở', 'có'/'cơ', 'năm'/'Nam'): these stop only in
# their own spelling.
_STOP_SPELLED = {
    "ve": ("về",), "tai": ("tại",), "so": ("số",), "moi": ("mới", "mọi"),
    "co": ("có",),  # 'Luật Thực hiện dân chủ ở cơ sở'
    "nam": ("năm",),  # 'Luật Quốc tịch Việt Nam'
    "thi": ("thì",),  # 'Luật Thi hành án dân sự'
    "da": ("đã",), "dang": ("đang",), "de": ("để",),  # 'Luật Đa dạng sinh học', 'Luật Đê điều'
    "nhu": ("như",),
}  # fmt: skip
# Second members of the coordinations law titles use ('Luật Phòng, chống tham nhũng',
# 'Luật Quản lý, sử dụng tài sản công', 'Luật Khám bệnh, chữa bệnh'); any other word after
# a comma ends the name ('Luật Đất đai, trường hợp ...').
_COORDINATED = {
    "chong", "su dung", "ve sinh", "chua benh", "nhap canh", "the thao", "pha san",
    "nhap khau", "xuat khau", "khai thac", "bao ve", "cuu nan", "cuu ho", "lang phi",
}  # fmt: skip


def _stops(token: str, low: str, prev_low: str) -> bool:
    """A word that ends a law's name ('về', 'năm', 'số', 'của', 'cùng' ...)."""
    word = token.lower()
    if word == "cùng":
        return True
    if low == "ve" and prev_low == "bao":
        return False  # 'Bảo vệ'
    if low in _STOP_SPELLED:
        return word in _STOP_SPELLED[low]
    return low in _STOP


def find_laws(text: str) -> list[LawMention]:
    out: list[LawMention] = []
    ft = view(text)
    for anchor in _ANCHOR.finditer(text):
        start = anchor.start()
        if out and start < out[-1].end:
            continue
        word = anchor.group(0)
        if ft.window(start - 5, start).rstrip().endswith("phap"):
            continue  # 'pháp luật' (law in general), e.g. in upper-case titles
        kind = {"bộ luật": "Bộ luật", "luật": "Luật", "hiến pháp": "Hiến pháp"}[word.lower()]
        pos = anchor.end()
        window = text[pos : pos + 200]
        folded = ft.window(pos, pos + 200)
        name_end = 0
        amend = _AMEND.match(folded) if kind == "Luật" else None
        if amend:  # an amending law's name lists the laws it amends: read further
            window = text[pos : pos + 800]
            folded = ft.window(pos, pos + 800)
            rest = folded[amend.end() :]
            if not rest.startswith("luat"):
                continue
            name_end = amend.end() + 4
        wall = PAGE_WALL.search(window)
        if wall:
            window, folded = window[: wall.start()], folded[: wall.start()]
        name_end, n_words = _read_name(window, folded, name_end, kind)
        while amend and n_words:
            # 'Luật sửa đổi, bổ sung một số điều của Luật Chứng khoán, Luật Kế toán, ... và
            # Luật X': the amended laws are part of the amending law's name.
            more = _NEXT_LAW.match(folded, name_end)
            if not more:
                break
            end2, n2 = _read_name(window, folded, more.end(), kind, lower_first=True)
            if not n2:
                break
            name_end, n_words = end2, n_words + n2
        if kind != "Hiến pháp" and n_words == 0:
            continue
        tail = folded[name_end:]
        if re.match(r"^\s*\((?:sua doi|du thao)", tail) or re.match(r"^\s*,\s*phap luat", tail):
            continue
        year_match = _YEAR.match(tail)
        year = None
        end = pos + name_end
        if year_match:
            year = int(year_match.group(1) or year_match.group(2))
            end = pos + name_end + year_match.end()
        numbered = bool(re.match(r"^\s*(?:\(\s*)?so\b", tail))
        name = new_tone_marks(" ".join(text[start : pos + name_end].split()))
        if name.isupper():
            name = name.capitalize()
        out.append(LawMention(kind, name, year, start, end, numbered))
    # A law named with its year at one mention and without it at another is the same law;
    # one cited by number at one mention is that numbered law at the others too.
    years: dict[str, int] = {}
    numbered = {law.name for law in out if law.numbered}
    for law in out:
        if law.year:
            years.setdefault(law.name, law.year)
    for law in out:
        if law.year is None and law.name in years:
            law.year = years[law.name]
        if law.name in numbered:
            law.numbered = True
    return out
