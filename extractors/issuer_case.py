"""Issuer names printed in capitals (upper-case titles), written back in the case the body
of a document uses, so that short forms, places and levels read them as they read the
body's ('UBND HUYỆN LONG PHÚ' -> 'UBND huyện Long Phú')."""

from __future__ import annotations

import re

from lexgraph.extractors.keys import fold

_ACRONYMS = {"ubnd", "hdnd", "ubmttq", "mttq", "tand", "vksnd", "bch", "tw", "ub"}
_PARTY_UNITS = {"tinh uy", "thanh uy", "huyen uy", "quan uy", "thi uy"}
# Place words (folded) that a place name follows: 'tỉnh Bắc Giang', 'thành phố Huế'.
PLACE_HEADS = {"tinh", "huyen", "quan", "xa", "phuong", "thanh pho", "thi xa", "thi tran"}
_NAMED_ORGANS = {"so", "bo", "ban", "cuc", "vu", "tong cuc", "van phong", "vien"}
# Proper names inside organ names, folded -> as written.
_PROPER = {
    "mat tran to quoc viet nam": "Mặt trận Tổ quốc Việt Nam",
    "ban chap hanh trung uong": "Ban Chấp hành Trung ương",
    "chinh phu": "Chính phủ",
    "quoc hoi": "Quốc hội",
    "trung uong": "Trung ương",
    "viet nam": "Việt Nam",
}
_LONGEST_PROPER = max(len(k.split()) for k in _PROPER)


def upper_case_issuer(phrase: str) -> str:
    """An all-capitals issuer in the case the body would write it: 'UBND HUYỆN LONG PHÚ'
    -> 'UBND huyện Long Phú', 'SỞ TÀI CHÍNH TỈNH AN GIANG' -> 'Sở Tài chính tỉnh An
    Giang', 'BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI' -> 'Bộ Lao động - Thương binh và Xã
    hội', 'BAN THƯỜNG VỤ HUYỆN ỦY' -> 'Ban Thường vụ Huyện ủy'. Acronyms stay; a party
    unit ('Huyện ủy') and known proper names are written as such; after a place word
    every word is the place's name; in an organ's name ('Sở', 'Bộ', 'Ban' + name) the
    first word and each word after 'và', ',' or '-' are capitalised."""
    words = phrase.split()
    folded = [fold(w).strip(",") for w in words]
    out: list[str] = []
    i, place, organ = 0, False, False
    while i < len(words):
        pair = " ".join(folded[i : i + 2])
        proper = next(
            (
                n
                for n in range(min(_LONGEST_PROPER, len(words) - i), 0, -1)
                if " ".join(folded[i : i + n]) in _PROPER
            ),
            0,
        )
        if place and words[i - 1].endswith(",") and folded[i] in PLACE_HEADS:
            out.append(words[i].lower())  # 'XÃ PHÚ LỘC, HUYỆN LONG PHÚ': the next place
        elif place:  # the place's name
            out.append(words[i][:1] + words[i][1:].lower())
        elif proper:
            last = words[i + proper - 1]
            out.append(
                _PROPER[" ".join(folded[i : i + proper])] + ("," if last.endswith(",") else "")
            )
            i += proper
            continue
        elif folded[i] in _ACRONYMS or not re.search(r"[aeiouy]", folded[i]):
            out.append(words[i])
        elif pair in _PARTY_UNITS:
            out += [words[i].capitalize(), words[i + 1].lower()]
            place, i = True, i + 2
            continue
        elif i > 0 and pair != "xa hoi" and (pair in PLACE_HEADS or folded[i] in PLACE_HEADS):
            size = 2 if pair in PLACE_HEADS else 1
            out += [w.lower() for w in words[i : i + size]]
            place, i = True, i + size
            continue
        elif i == 0:
            out.append(words[i].capitalize())
            organ = folded[0] in _NAMED_ORGANS or pair in _NAMED_ORGANS
        elif organ and (
            " ".join(folded[:i]) in _NAMED_ORGANS
            or folded[i - 1] in ("va", "-")
            or words[i - 1].endswith(",")
        ):
            out.append(words[i].capitalize())
        else:
            out.append(words[i].lower())
        i += 1
    return " ".join(out)
