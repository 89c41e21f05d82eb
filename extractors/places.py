"""Vietnamese provinces and centrally-run cities, before and after the 2025 merger.

Data: ``data/provinces.json`` holds the 63 units that existed until 30 June 2025 and the 34
formed by Nghị quyết 202/2025/QH15 (effective 1 July 2025), with the old -> new mapping and
common spellings. Lookups are insensitive to case and to tone-mark placement (``Khánh Hoà``
= ``Khánh Hòa``, ``Uỷ`` = ``Ủy``), and fall back to fully unaccented matching
(``Dak Lak``), because real documents mix all of these.

The folding functions keep string length unchanged (one character in, one out), so a match
in folded text has the same offsets in the original text; that lets the finder check the
original capitalisation (place names are proper nouns) without any offset bookkeeping.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from lexgraph.extractors.text import translate

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # huyền, sắc, ngã, hỏi, nặng


def _fold_char(ch: str, keep_vowel_marks: bool) -> str:
    decomposed = unicodedata.normalize("NFD", ch)
    if keep_vowel_marks:
        kept = "".join(c for c in decomposed if c not in _TONES)
    else:
        kept = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
        kept = kept.replace("Đ", "D").replace("đ", "d")
    out = unicodedata.normalize("NFC", kept).lower()
    return out if len(out) == 1 else ch


def _table(keep_vowel_marks: bool) -> dict[int, str]:
    table = {}
    for code in list(range(0x41, 0x5B)) + list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        ch = chr(code)
        folded = _fold_char(ch, keep_vowel_marks)
        if folded != ch:
            table[code] = folded
    return table


def _as_string(table: dict[int, str]) -> str:
    """The table as a string indexed by code point: ``str.translate`` runs about twice as
    fast with it as with a dict (code points past its end are left unchanged)."""
    return "".join(table.get(i, chr(i)) for i in range(max(table) + 1))


_DETONE = _table(keep_vowel_marks=True)
_STRIP = _table(keep_vowel_marks=False)
_DETONE_STR = _as_string(_DETONE)
_STRIP_STR = _as_string(_STRIP)


def detone(text: str) -> str:
    """Lower case without tone marks, vowel marks kept, so old and new tone placement agree:
    ``Khánh Hoà`` and ``Khánh Hòa`` -> ``khanh hoa``; ``Huế`` -> ``huê``. Same length as ``text``."""
    return translate(text, _DETONE_STR)  # text.translate: ~5x faster on long texts


def strip_marks(text: str) -> str:
    """Lower-case ASCII-like folding: ``Đắk Lắk`` -> ``dak lak``. Same length as ``text``."""
    return translate(text, _STRIP_STR)


@dataclass(frozen=True)
class Province:
    """One province-level unit. ``era``: ``pre2025`` (absorbed on 2025-07-01), ``2025``
    (created then) or ``both`` (the name exists in both lists)."""

    name: str
    kind: str  # 'tỉnh' | 'thành phố'
    era: str
    merged_into: str | None = None
    absorbed: tuple[str, ...] = ()
    aliases: tuple[str, ...] = field(default=(), compare=False)

    @property
    def full_name(self) -> str:
        return f"{self.kind} {self.name}"


@cache
def _all() -> tuple[Province, ...]:
    raw = json.loads(
        resources.files("lexgraph.extractors").joinpath("data/provinces.json").read_text("utf-8")
    )
    return tuple(
        Province(
            name=p["name"],
            kind=p["kind"],
            era=p["era"],
            merged_into=p.get("merged_into"),
            absorbed=tuple(p.get("absorbed", ())),
            aliases=tuple(p.get("aliases", ())),
        )
        for p in raw["provinces"]
    )


def provinces(era: str = "current") -> list[Province]:
    """``current``: the 34 units since 2025-07-01; ``historical``: the 63 before it."""
    if era not in ("current", "historical"):
        raise ValueError("era must be 'current' or 'historical'")
    excluded = "pre2025" if era == "current" else "2025"
    return [p for p in _all() if p.era != excluded]


@cache
def _by_key() -> dict[str, Province]:
    index: dict[str, Province] = {}
    for p in _all():
        for name in (p.name, *p.aliases):
            index.setdefault(_key(name), p)
    return index


_PREFIX = re.compile(r"^(?:tinh|thanh pho|tp\.?)\s*")  # applied to strip_marks() text


def _key(name: str) -> str:
    name = unicodedata.normalize("NFC", name).strip()
    name = _PREFIX.sub("", strip_marks(name))
    return re.sub(r"[\s\-–.]+", " ", name).strip()


def province_info(name: str) -> Province | None:
    """The unit a whole string names (``TỈNH ĐẮK LẮK``, ``Thành phố Huế``, ``Dak Lak``)."""
    return _by_key().get(_key(name))


def current_province(name: str) -> str | None:
    """Pre-2025 name -> the province it belongs to since 2025-07-01 (identity if unchanged)."""
    p = province_info(name)
    if p is None:
        return None
    return p.merged_into or p.name


# --- finding a province named in running text -------------------------------------------

# Names that are also common words or a person's name need a 'tỉnh'/'thành phố' prefix.
_NEEDS_PREFIX = {"Hồ Chí Minh", "Huế"}
_PREFIX_BEFORE = re.compile(r"(?:tỉnh|thành phố|tp\.?|tp)\s*$", re.IGNORECASE)
# 'xã Hòa Bình', 'huyện Quảng Ninh': a commune or district that shares a province's name.
_UNIT_BEFORE = re.compile(
    r"(?:^|\s)(?:xã|phường|thị trấn|thị xã|huyện|quận|ấp|thôn|khu phố)\s+$", re.IGNORECASE
)
_NOT_AFTER = {"Điện Biên": re.compile(r"^\s+Phủ", re.IGNORECASE)}


def _pattern(name: str) -> str:
    parts = re.split(r"\s*[-–]\s*|\s+|(?<=\.)", name)
    return r"[\s\-–.]*".join(re.escape(p) for p in parts if p)


def _parts(name: str) -> str:
    return " ".join(p for p in re.split(r"\s*[-–]\s*|\s+|(?<=\.)", name) if p)


def _trie_pattern(names: list[str]) -> str:
    r"""One regex for many names, shaped as a character trie so that the engine tries at
    most one branch per position (a flat alternation of ~150 names tries them all). A
    space between name parts matches ``[\s\-–.]*``; longest names win, as before."""
    trie: dict = {}
    for name in names:
        node = trie
        for ch in name:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = []
        for ch in sorted((c for c in node if c), key=lambda c: c):
            piece = r"[\s\-–.]*" if ch == " " else re.escape(ch)
            branches.append(piece + emit(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a name may end here: prefer the longer continuation (greedy ?)
            return "(?:" + body + ")?" if len(branches) == 1 else body + "?"
        return body

    return emit(trie)


@cache
def _finders() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, Province]]:
    names: dict[str, Province] = {}
    for p in _all():
        for name in (p.name, *p.aliases):
            names.setdefault(name, p)
    detoned = _trie_pattern([_parts(detone(n)) for n in names])
    stripped = _trie_pattern([_parts(strip_marks(n)) for n in names])
    bounds = r"(?<![\w])(?:{})(?![\w])"
    lookup = {}
    for n, p in names.items():
        lookup[_key(n)] = p
    return re.compile(bounds.format(detoned)), re.compile(bounds.format(stripped)), lookup


@dataclass(frozen=True)
class PlaceMention:
    province: Province
    start: int
    end: int


def _accept(text: str, start: int, end: int, province: Province) -> bool:
    span = text[start:end]
    before = text[max(0, start - 12) : start]
    if _UNIT_BEFORE.search(before):
        return False
    prefixed = bool(_PREFIX_BEFORE.search(before) or _PREFIX.match(strip_marks(span)))
    words = [w for w in re.split(r"[\s\-–.]+", span) if w]
    capitalised = all(w[0].isupper() for w in words)
    if not capitalised and not prefixed:
        return False
    if province.name in _NEEDS_PREFIX and _key(span) == _key(province.name) and not prefixed:
        return False
    not_after = _NOT_AFTER.get(province.name)
    return not (not_after and not_after.match(text[end : end + 6]))


def find_provinces(text: str) -> list[PlaceMention]:
    """Every province named in ``text`` (NFC), in order. Linear in the text length."""
    detoned_re, stripped_re, lookup = _finders()
    mentions: list[PlaceMention] = []
    for regex, folded in ((detoned_re, detone(text)), (stripped_re, strip_marks(text))):
        for m in regex.finditer(folded):
            p = lookup.get(_key(text[m.start() : m.end()]))
            if p and _accept(text, m.start(), m.end(), p):
                mentions.append(PlaceMention(p, m.start(), m.end()))
        if mentions:
            break  # the accent-insensitive pass is only a fallback for unaccented text
    return mentions


def find_province(text: str) -> str | None:
    """The canonical short name of the first province named in ``text``, e.g. ``Cà Mau``."""
    found = find_provinces(text)
    return found[0].province.name if found else None
