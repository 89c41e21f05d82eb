"""Normalisation helpers for matching Vietnamese text.

Matching works on a *folded* copy of a small window (lower case, no diacritics, ``đ`` ->
``d``) that has exactly the same length as the original, so a match offset in the folded
window is an offset in the text. Folding whole documents is avoided on purpose: a
``str.translate`` pass runs at ~20 MB/s, slower than the whole extraction budget, so the
extractors fold only the windows around candidates found by one compiled regex.
Folding also makes old and new tone-mark placement (``khoá``/``khóa``, ``Uỷ``/``Ủy``)
irrelevant. ``new_tone_marks`` rewrites old placement when a display form is wanted.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterator


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x41, 0x5B):
        table[code] = chr(code + 32)
    for code in range(0xC0, 0x1F00):
        ch = chr(code)
        base = "".join(
            c for c in unicodedata.normalize("NFD", ch) if unicodedata.category(c) != "Mn"
        )
        if ch in "Đđ":
            base = "d"
        low = base.lower()
        if len(low) == 1 and low != ch:
            table[code] = low
    # Newlines and tabs become spaces so that hard-wrapped text matches ``\s`` patterns
    # written with single spaces; the length is unchanged.
    table[ord("\n")] = " "
    table[ord("\t")] = " "
    table[ord("\r")] = " "
    return table


_FOLD = _build_fold_table()
# The same table as a string indexed by code point: str.translate runs at ~65 MB/s with
# it against ~30 MB/s with the dict (code points past its end are left unchanged).
_FOLD_STR = "".join(_FOLD.get(i, chr(i)) for i in range(max(_FOLD) + 1))


def fold(text: str) -> str:
    """Same-length folded copy: ``Quyết Định`` -> ``quyet dinh``; newlines become spaces."""
    return translate(text, _FOLD_STR)


_LOOKUPS: dict[str, object] = {}  # table string -> numpy lookup array over the BMP
_BMP = 0x10000


def within_bmp(text: str) -> bool:
    """No character past the BMP (each is two UTF-16 units); ~20x faster than ``max(text)``."""
    return len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text)


def bmp_class(pattern: str) -> str:
    """``[...]`` listing, as ranges, every BMP character the one-character ``pattern``
    (``\\d``, ``[^\\W\\d_]``) matches. The engine tests a listed class with a bitmap,
    faster than the Unicode category test behind ``\\d`` (number scan: 0.21 -> 0.13 s on the
    corpus); characters past the BMP are the caller's to handle."""
    chars = [ord(c) for c in re.findall(pattern, "".join(map(chr, range(_BMP))))]
    ranges, start = [], chars[0]
    for prev, cur in zip(chars, chars[1:] + [-1], strict=True):
        if cur != prev + 1:
            ranges.append(
                re.escape(chr(start)) + ("-" + re.escape(chr(prev)) if prev > start else "")
            )
            start = cur
    return "[" + "".join(ranges) + "]"


def translate(text: str, table: str) -> str:
    """``text.translate(table)`` for a table string indexed by code point (one character in,
    one out). str.translate goes through Python objects for every character (~20 ns); on
    long texts a numpy lookup over UTF-16 units does the same ~5x faster (folding the
    corpus: 0.47 -> 0.10 s). Short texts use str.translate.
    """
    if len(text) < 256 or len(table) > 0xD800:
        return text.translate(table)
    import numpy as np  # here, not at the top: the CLI starts without numpy

    lookup = _LOOKUPS.get(table)
    if lookup is None:
        units = np.frombuffer(table.encode("utf-16-le", "surrogatepass"), dtype=np.uint16)
        if len(units) != len(table):  # a replacement past the BMP: not one unit
            return text.translate(table)
        lookup = np.arange(_BMP, dtype=np.uint16)
        lookup[: len(units)] = units
        _LOOKUPS[table] = lookup
    codes = np.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype=np.uint16)
    out = lookup[codes].tobytes().decode("utf-16-le", "surrogatepass")
    # Characters past the BMP are surrogate pairs, which the lookup leaves as they are; only
    # a lone high surrogate before a lone low one would come back joined, one shorter.
    return out if len(out) == len(text) else text.translate(table)


# Old-style tone placement (tone on the first vowel of oa/oe/uy) -> new style (on the
# second vowel), the form Vietnamese orthography standards and most portals now use.
_OLD_TO_NEW = {}
for _pair, _marks in (
    ("oa", ("óa", "òa", "ỏa", "õa", "ọa", "oá", "oà", "oả", "oã", "oạ")),
    ("oe", ("óe", "òe", "ỏe", "õe", "ọe", "oé", "oè", "oẻ", "oẽ", "oẹ")),
    ("uy", ("úy", "ùy", "ủy", "ũy", "ụy", "uý", "uỳ", "uỷ", "uỹ", "uỵ")),
):
    for _old, _new in zip(_marks[5:], _marks[:5], strict=True):
        _OLD_TO_NEW[_old] = _new
        _OLD_TO_NEW[_old.capitalize()] = _new.capitalize()
        _OLD_TO_NEW[_old.upper()] = _new.upper()
# 'new' placement as defined above is the tone on the first vowel (óa, úy), which is
# the form used in the gold and in DESIGN.md (``khóa``, ``Ủy``).
_OLD_RE = re.compile("(" + "|".join(sorted(_OLD_TO_NEW, key=len, reverse=True)) + r")(?![^\W\d_])")


def new_tone_marks(text: str) -> str:
    """``khoá`` -> ``khóa``, ``Uỷ`` -> ``Ủy`` (only at a syllable end, where both forms occur)."""
    text = unicodedata.normalize("NFC", text)
    return _OLD_RE.sub(lambda m: _OLD_TO_NEW[m.group(0)], text)


_SPACES = re.compile(r"\s+")
_DEBRIS = re.compile(r"[*|_]+")


def clean_phrase(text: str) -> str:
    """Collapse whitespace and drop markdown/table debris from a phrase taken from text."""
    return _SPACES.sub(" ", _DEBRIS.sub(" ", text)).strip(" ,;:.-–")


class FoldedText:
    """Folded view of a text, computed lazily in blocks and cached.

    Candidate windows overlap heavily (kind word, date/issuer tail, paragraph cues), so
    folding each window separately folds the same characters many times; this folds
    every touched block once.
    """

    __slots__ = ("text", "_blocks")
    BLOCK = 2048

    def __init__(self, text: str) -> None:
        self.text = text
        self._blocks: dict[int, str] = {}

    def _block(self, index: int) -> str:
        block = self._blocks.get(index)
        if block is None:
            lo = index * self.BLOCK
            block = translate(self.text[lo : lo + self.BLOCK], _FOLD_STR)
            self._blocks[index] = block
        return block

    def window(self, start: int, end: int) -> str:
        """``fold(text[start:end])`` (same length, same offsets)."""
        start = max(0, start)
        end = min(len(self.text), end)
        if end <= start:
            return ""
        first, last = start // self.BLOCK, (end - 1) // self.BLOCK
        if first == last:
            base = first * self.BLOCK
            return self._block(first)[start - base : end - base]
        parts = [self._block(i) for i in range(first, last + 1)]
        base = first * self.BLOCK
        return "".join(parts)[start - base : end - base]


# --- Matching folded patterns on the original text --------------------------------------
#
# Folding a whole document costs more than the rest of the extraction, so patterns written
# for folded text can instead be rewritten once (at import) into patterns that match the
# original text directly: every letter becomes the class of all characters that fold to it
# (``a`` -> ``[aAàÀáÁ...]``) and a space matches any whitespace (fold maps newlines to
# spaces). Offsets are then offsets in the original text, with no folding at run time.


def variants(table: dict[int, str]) -> dict[str, str]:
    """For a translate table: folded letter -> every character that folds to it."""
    groups: dict[str, set[str]] = {}
    for code in range(0x20, 0x1F00):
        ch = chr(code)
        key = table.get(code, ch)
        if isinstance(key, int):
            key = chr(key)
        groups.setdefault(key, set()).add(ch)
    out = {}
    for key, chars in groups.items():
        if len(key) == 1 and key.isalpha() and len(chars) > 1:
            out[key] = "".join(sorted(chars))
    return out


_FOLD_VARIANTS = variants(_FOLD)


def loose(pattern: str, variants: dict[str, str] | None = None) -> str:
    """Rewrite a regex written for folded text into one for the original text.

    Letters outside character classes become classes of their variants and a literal space
    becomes ``\\s``; escapes, classes and group syntax (``(?P<name>``) are kept verbatim.
    """
    variants = _FOLD_VARIANTS if variants is None else variants
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if ch == "[":  # a class: copy to its closing bracket
            j = i + 1
            if j < n and pattern[j] == "^":
                j += 1
            if j < n and pattern[j] == "]":
                j += 1
            while j < n and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            out.append(pattern[i : j + 1])
            i = j + 1
            continue
        if ch == "(" and pattern.startswith("(?P<", i):
            j = pattern.index(">", i)
            out.append(pattern[i : j + 1])
            i = j + 1
            continue
        if ch == "(" and pattern.startswith("(?P=", i):
            j = pattern.index(")", i)
            out.append(pattern[i : j + 1])
            i = j + 1
            continue
        if ch == " ":
            out.append(r"\s")
        elif ch in variants:
            out.append("[" + variants[ch] + "]")
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def trie_alternation(words: list[str], guard: str = "") -> str:
    """``(?:a|b|...)`` for literal words, shaped as a character trie: the engine tries at most
    one branch per character instead of every word in turn. Greedy, so where one word is a
    prefix of another the longer is tried first (as in a longest-first alternation).

    ``guard`` goes after each word's first character, e.g. ``(?<![a-z].)`` for "not after a
    letter": a pattern that starts with a literal character lets the engine skip to the
    possible first characters, which a leading look-behind prevents."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict, first: bool = False) -> str:
        after = guard if first else ""
        branches = [re.escape(ch) + after + emit(node[ch]) for ch in sorted(c for c in node if c)]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return ("(?:" + body + ")?") if len(branches) == 1 else body + "?"
        return body

    return "(?:" + emit(trie, True) + ")"


class LinePattern:
    """A pattern that only matches at line starts (what ``re.M`` and a leading ``^`` say).

    A leading ``^`` gives the engine no first character to skip to, so it enters the
    pattern at every position; searched as ``\\n(?=(body))`` it skips to newlines, 1.5-4x
    faster on the corpus. Matches come in order and do not overlap, as with ``re``; group 1
    spans the line's match (use ``m.start(1)``, ``m.end(1)``); named groups keep their names.
    ``body`` is compiled with ``flags`` only: pass ``re.M`` if it uses ``$`` for line ends.
    """

    def __init__(self, body: str, flags: int = 0) -> None:
        self._here = re.compile(f"(?=({body}))", flags)
        self._after_newline = re.compile(f"\\n(?=({body}))", flags)

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        endpos = len(text) if endpos is None else endpos
        last = pos
        if pos == 0 or text[pos - 1 : pos] == "\n":
            first = self._here.match(text, pos, endpos)
            if first:
                yield first
                last = first.end(1)
        for match in self._after_newline.finditer(text, pos, endpos):
            if match.start(1) >= last:
                yield match
                last = match.end(1)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return next(self.finditer(text, pos, endpos), None)


_CURRENT = threading.local()


def view(text: str) -> FoldedText:
    """The folded view of ``text``, shared by every extractor working on the same text (one
    entry per thread), so that overlapping windows are folded once per document."""
    ft = getattr(_CURRENT, "ft", None)
    if ft is None or ft.text is not text:
        ft = FoldedText(text)
        _CURRENT.ft = ft
    return ft


# A line no phrase runs into: the national motto or a gazette's signature stamp (page debris
# between the words of a reference).
PAGE_WALL = re.compile(r"\n[^\n]*?(?:CỘNG H[OÒ]A XÃ HỘI|Ký bởi\s*:)")
# The same wall for a phrase read from the start of a line ('của\nKý bởi: ...').
LINE_WALL = re.compile(r"(?:^|\n)[^\n]*?(?:CỘNG H[OÒ]A XÃ HỘI|Ký bởi\s*:)")
