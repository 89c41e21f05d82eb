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

from lexgraph.extractors.text import fold, new_tone_marks, view

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
        if amend:
            rest = folded[amend.end() :]
            if not rest.startswith("luat"):
                continue
            name_end = amend.end() + 4
        n_words = 0
        first = True
        prev_low = ""
        for match in _WORD.finditer(window, name_end):
            if match.start() != name_end:
                break
            token = match.group(1)
            low = folded[match.start(1) : match.end(1)]
            if first and kind != "Hiến pháp" and not token[:1].isupper():
                break
            if low == "va" and not first:
                nxt = _WORD.match(window, match.end())
                nxt_low = fold(nxt.group(1)) if nxt else ""
                if nxt and nxt.group(1)[:1].isupper() and nxt_low not in _NOT_NAME:
                    name_end = match.end()
                    continue
                break
            if low in _STOP and not (low == "ve" and prev_low == "bao"):
                break
            prev_low = low
            if kind == "Hiến pháp" and first:
                break
            first = False
            name_end = match.end()
            n_words += 1
            if n_words > 14:
                break
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
    return out
