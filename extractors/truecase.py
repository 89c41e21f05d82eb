"""Restore the letter case of an upper-case title or organ name from the document's own body.

Vietnamese titles are printed in capitals, but the body usually repeats the same phrases in
running text ("Thực hiện Chỉ thị số 33/CT-TTg ... của Thủ tướng Chính phủ"). So the case of
each title word is taken from the body: first from occurrences after the same preceding word
(``Đại hội`` vs ``Nghị quyết đại hội``), then from any occurrence, ignoring sentence-initial
words and headings. Words never seen fall back to lower case, except acronyms, Roman numerals
after ``khóa``/``thứ``, province names and document numbers. Letters are never changed, only
their case: the source spelling (``khoá``, ``Uỷ``) is kept.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import cache

from lexgraph.extractors.numbers import canonical_number
from lexgraph.extractors.places import detone, find_provinces
from lexgraph.extractors.text import within_bmp

_WORD = re.compile(r"[^\W\d_]+")
_NUMBER = re.compile(r"\d+(?:\.\d+)*(?:/\d{4})? ?[/-] ?[A-ZĐ][\wĐđ&]*(?: ?[-/] ?[\wĐđ&]+)*")
_ROMAN = re.compile(r"^(?=[ivxlc]+$)(?:c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$")
_ROMAN_AFTER = {"khoa", "thư", "lân", "ky", "phân", "chương", "muc", "đơt"}
_INITIAL_BEFORE = set('.:;!?"“”(-–•*|)]')
_VOWELS = set("aăâeêioôơuưy")
BODY_WINDOW = 80000


@cache
def _letter_lookup():  # -> numpy bool array: which BMP characters are [^\W\d_]
    import numpy as np  # here, not at the top: the CLI starts without numpy

    lookup = np.zeros(0x10000, dtype=bool)
    letters = re.findall(r"[^\W\d_]", "".join(map(chr, range(0x10000))))
    lookup[[ord(c) for c in letters]] = True
    return lookup


class _Words:
    r"""The words (``[^\W\d_]+`` runs) of a detoned text: their offsets, and keys on demand.

    Within the BMP, numpy finds the word bounds and picks out the words that may be of
    interest by length and first and last letter, so Python only builds and compares those
    (CaseModel: 2.1 -> 1.5 ms a title on the corpus, against a regex split and a Python
    pass over every word before); otherwise (rare) a regex gives every word.
    """

    def __init__(self, keys_text: str) -> None:
        self.text = keys_text
        self._signatures = None
        if not within_bmp(keys_text):
            spans = [m.span() for m in _WORD.finditer(keys_text)]
            self.starts, self.ends = [s for s, _ in spans], [e for _, e in spans]
            return
        import numpy as np

        units = np.frombuffer(keys_text.encode("utf-16-le", "surrogatepass"), dtype=np.uint16)
        edges = np.diff(_letter_lookup()[units].astype(np.int8), prepend=0, append=0)
        starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
        self.starts, self.ends = starts.tolist(), ends.tolist()
        first, last = units[starts].astype(np.int64), units[ends - 1].astype(np.int64)
        self._signatures = ((ends - starts) << 32) | (first << 16) | last

    def key(self, i: int) -> str:
        """The key of word ``i``; "" before the first word."""
        return self.text[self.starts[i] : self.ends[i]] if i >= 0 else ""

    def where(self, wanted: set[str]) -> list[tuple[int, str]]:
        """(index, key) of the words whose key is in ``wanted``, in order."""
        if self._signatures is None:
            candidates = range(len(self.starts))
        else:
            import numpy as np

            signatures = [
                (len(w) << 32) | (ord(w[0]) << 16) | ord(w[-1])
                for w in wanted
                if w and within_bmp(w)  # a key past the BMP is no word of this text
            ]
            candidates = np.flatnonzero(np.isin(self._signatures, signatures)).tolist()
        text, starts, ends = self.text, self.starts, self.ends
        return [(i, key) for i in candidates if (key := text[starts[i] : ends[i]]) in wanted]


def _shape(word: str) -> str:
    """Case mask of a word: ``l`` lower, ``t`` title, ``u`` upper, else the exact mask."""
    if word.islower():
        return "l"
    if word.isupper():
        return "u" if len(word) > 1 else "t"
    if word[0].isupper() and word[1:].islower():
        return "t"
    return "".join("U" if c.isupper() else "L" for c in word)


def _apply(word: str, shape: str) -> str:
    if shape == "l":
        return word.lower()
    if shape == "u":
        return word.upper()
    if shape == "t":
        return word[:1].upper() + word[1:].lower()
    if len(shape) == len(word):
        return "".join(
            c.upper() if s == "U" else c.lower() for c, s in zip(word, shape, strict=True)
        )
    return word.lower()


class CaseModel:
    """Case evidence from a body text, restricted to the words of interest."""

    def __init__(
        self, body: str, words: set[str], pairs: set[tuple[str, str]] | None = None
    ) -> None:
        """``pairs``: the (previous word, word) pairs that will be asked about; bigram evidence
        is then gathered only for them, and unigram evidence only for the words some pair
        has no bigram evidence for (the only ones ``shape`` falls back to)."""
        self.bigram: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        self.unigram: dict[str, Counter[str]] = defaultdict(Counter)
        text = body[:BODY_WINDOW]
        low = text.lower()
        if len(low) != len(text):  # a rare letter whose lower case is longer: no offsets
            low = text
        # Word keys are the words of the detoned text (detone maps a letter to a letter, so
        # words and offsets are those of ``low`` and ``text``).
        self._text, self._body = text, body
        self._words = found = _Words(detone(low))
        if pairs is None:
            self._count(found.where(words), bigram=True, unigram=True)
            return
        hits = [(i, key) for i, key in found.where(words) if (found.key(i - 1), key) in pairs]
        self._count(hits, bigram=True, unigram=False)
        need = {key for prev, key in pairs if not self.bigram.get((prev, key))}
        if need:
            self._count(found.where(need), False, True)

    def _count(self, hits: list[tuple[int, str]], bigram: bool, unigram: bool) -> None:
        text, found = self._text, self._words
        starts, ends = found.starts, found.ends
        n = len(starts)
        seen: Counter[tuple[str, str, str]] = Counter()
        for i, key in hits:
            start = starts[i]
            tok = text[start : ends[i]]
            if (
                tok.isupper()
                and len(tok) > 1
                and any(
                    0 <= k < n and (other := text[starts[k] : ends[k]]).isupper() and len(other) > 1
                    for k in (i - 1, i + 1)
                )
            ):
                continue
            if _initial(self._body, start):
                continue
            seen[(found.key(i - 1), key, tok)] += 1
        for (prev_key, key, tok), count in seen.items():
            shape = _shape(tok)
            if bigram:
                self.bigram[(prev_key, key)][shape] += count
            if unigram:
                self.unigram[key][shape] += count

    def shape(self, prev_key: str, key: str) -> str | None:
        for counter in (self.bigram.get((prev_key, key)), self.unigram.get(key)):
            if counter:
                ranked = counter.most_common()
                best, n = ranked[0]
                if len(ranked) > 1 and ranked[1][1] == n and "l" in (best, ranked[1][0]):
                    return "l"  # a tie goes to lower case
                return best
        return None


def _initial(text: str, pos: int) -> bool:
    if pos >= 2 and text[pos - 1] == " " and text[pos - 2].isalnum():
        return False  # the common case: a word after a word
    i = pos - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i < 0 or text[i] in _INITIAL_BEFORE


def _is_acronym(word: str) -> bool:
    return len(word) > 1 and not any(c in _VOWELS for c in detone(word))


def truecase(title: str, body: str) -> str:
    """Sentence case for an upper-case ``title`` using ``body`` as evidence."""
    title = re.sub(r"\s+", " ", title).strip()
    words = list(_WORD.finditer(title))
    keys = {detone(m.group(0)) for m in words}
    title_keys = [detone(m.group(0)) for m in words]
    pairs = {("" if i == 0 else title_keys[i - 1], k) for i, k in enumerate(title_keys)}
    model = CaseModel(body, keys, pairs)
    proper: dict[int, str] = {}  # start offset -> proper-noun spelling of that word
    lower_at: set[int] = set()
    for mention in find_provinces(title):
        for pm, pw in zip(
            _WORD.finditer(title[mention.start : mention.end]),
            _WORD.finditer(mention.province.name),
            strict=False,
        ):
            if detone(pm.group(0)) == detone(pw.group(0)):
                proper[mention.start + pm.start()] = pw.group(0)
        # 'THÀNH PHỐ HÀ NỘI' -> 'thành phố Hà Nội': the unit word before a name is common.
        before = title[max(0, mention.start - 11) : mention.start]
        unit = re.search(r"(?:tỉnh|thành phố)\s*$", before, re.IGNORECASE)
        if unit:
            for w in _WORD.finditer(unit.group(0)):
                lower_at.add(mention.start - len(unit.group(0)) + w.start())
    numbers = [n for n in _NUMBER.finditer(title) if "/" in n.group(0)]
    inside = {w.start() for n in numbers for w in words if n.start() <= w.start() < n.end()}
    out: list[str] = []
    pos = 0
    prev_key = ""
    for i, m in enumerate(words):
        word, key = m.group(0), detone(m.group(0))
        out.append(title[pos : m.start()])
        pos = m.end()
        if m.start() in inside:
            out.append(word)
            prev_key = key
            continue
        next_to_digit = (m.start() > 0 and title[m.start() - 1].isdigit()) or (
            m.end() < len(title) and title[m.end()].isdigit()
        )
        if i == 0:
            shape = model.shape("", key) if _is_acronym(word) else "t"
            cased = _apply(word, shape if shape in ("u", "t") else "t")
        elif next_to_digit:
            cased = word
        elif m.start() in lower_at:
            cased = word.lower()
        elif m.start() in proper:
            cased = _apply(word, "t")
        else:
            shape = model.shape(prev_key, key)
            if shape is None:
                if _is_acronym(word) or (_ROMAN.match(key) and prev_key in _ROMAN_AFTER):
                    shape = "u"
                else:
                    shape = "l"
            cased = _apply(word, shape)
        out.append(cased)
        prev_key = key
    out.append(title[pos:])
    result = "".join(out)
    for n in reversed(numbers):  # same length before and after case changes
        result = result[: n.start()] + canonical_number(n.group(0)) + result[n.end() :]
    return result
