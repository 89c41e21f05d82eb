"""Legacy Vietnamese font encodings (TCVN3/ABC and VNI) detected in text and converted.

Old documents were typed with 8-bit "font encodings": the bytes are ordinary Latin-1 /
cp1252 code points, and only the font (``.VnTime``, ``VNI-Times``) draws them as
Vietnamese letters.  Once such text is in a Unicode file, a .docx or a PDF text layer it
reads as ``Uû ban nh©n d©n`` (TCVN3) or ``UÛy ban nhaân daân`` (VNI).  Nothing in the
file says which encoding was used, so it is detected from the text itself.

Why the detection is syllable-based: Unicode Vietnamese also uses Latin-1 letters
(``á``, ``â``, ``ô`` ...), so the mere presence of such characters proves nothing.
Instead each line that contains a character Unicode Vietnamese never uses is
trial-converted, and the conversion is kept only if it turns more words into valid
Vietnamese syllables (onset + nucleus + coda, at most one tone mark) and leaves fewer
invalid ones.  Text that is already Unicode is never made worse: a conversion that
gains nothing is discarded.

Tables: ``data/legacy_tcvn3.tsv`` (TCVN 5712:1993 VN3) and ``data/legacy_vni.tsv``
(VNI Windows), written from the published layouts; they agree with every entry of
the corpus-derived tables of the ``viparse`` package (checked when writing them).
Tone marks are not moved (``hoà`` stays ``hoà``): offsets and quotes must match the
text, and the canonical keys already fold old/new placement.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"
ENCODINGS: tuple[str, ...] = ("tcvn3", "vni")

_VIET_BASES = "aăâeêioôơuưy"
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
# Every letter Unicode Vietnamese uses beyond ASCII, lower and upper case (NFC).
_VIET_LETTERS = frozenset(
    unicodedata.normalize("NFC", (b + t).upper() if up else b + t)
    for b in _VIET_BASES
    for t in ("", *_TONE_MARKS)
    for up in (False, True)
) | frozenset("đĐ")
# Symbols common in real Unicode text are not *triggers* (they are still converted
# when a line turns out to be legacy).
_COMMON_SYMBOLS = frozenset("\u00a0°«»·×©®§¶±²³¹º¼½¾")
_TRIGGER = "".join(
    chr(c)
    for c in range(0xA1, 0x100)
    if chr(c) not in _VIET_LETTERS and chr(c) not in _COMMON_SYMBOLS
)
_TRIGGER_RE = re.compile("[" + re.escape(_TRIGGER) + "]")

_ONSET = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x"
_NUCLEUS = (
    "uyê|uya|uyu|uây|uôi|ươi|ươu|yêu|iêu|oai|oay|oao|oeo|"
    "ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|oo|ôi|ơi|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ưu|ươ|yê|"
    "a|ă|â|e|ê|i|o|ô|ơ|u|ư|y"
)
_SYLLABLE = re.compile(f"(?:{_ONSET})?(?:{_NUCLEUS})(?:ch|ng|nh|c|m|n|p|t)?")
# A legacy line is made of cp1252 characters only (its bytes were 8-bit); a line with any
# other character (ư, ạ, ế ...) is Unicode Vietnamese and is never converted.
_CP1252_HIGH = frozenset(bytes(range(0x80, 0x100)).decode("cp1252", errors="ignore"))
_STRIP = "\"'()[]{}.,;:!?“”‘’…–—-/*|<>"


@dataclass
class LegacyResult:
    """Outcome of :func:`fix_legacy`: the text, which encoding was found, lines changed."""

    text: str
    encoding: str | None
    lines_converted: int


@cache
def table(name: str) -> dict[str, str]:
    """One conversion table: legacy surface string (cp1252 view of the bytes) -> NFC."""
    result: dict[str, str] = {}
    for line in (DATA / f"legacy_{name}.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("legacy_"):
            continue
        hexseq, uni = line.split("\t")[:2]
        result[bytes.fromhex(hexseq).decode("cp1252")] = uni
    return result


@cache
def _converter(name: str) -> Callable[[str], str]:
    """A function converting a string with one table, longest legacy sequence first."""
    mapping = table(name)
    pattern = re.compile("|".join(re.escape(k) for k in sorted(mapping, key=len, reverse=True)))

    def run(text: str) -> str:
        return pattern.sub(lambda m: mapping[m.group(0)], text)

    return run


def is_syllable(word: str) -> bool:
    """Whether ``word`` is a well-formed Vietnamese syllable (any case, NFC or NFD)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(decomposed.count(t) for t in _TONE_MARKS) > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    return _SYLLABLE.fullmatch(base) is not None


def _legacy_shaped(line: str) -> bool:
    return all(c < "\x80" or c in _CP1252_HIGH for c in line)


def _score(line: str) -> tuple[int, int]:
    """(valid syllables, invalid words containing a non-ASCII character) of a line."""
    valid = invalid = 0
    for raw in line.split():
        word = raw.strip(_STRIP)
        if not word or word.isdigit():
            continue
        if is_syllable(word):
            valid += 1
        elif not word.isascii():
            invalid += 1
    return valid, invalid


def _ascii_letters(word: str) -> list[str]:
    return [c for c in word if c.isascii() and c.isalpha()]


def _restore_caps(line: str) -> str:
    """Upper-case words typed in capitals with a TCVN3 ``.VnTimeH`` font.

    VN3 has no upper-case toned letters, so ``CéNG HOµ X·`` converts to ``CộNG HOà Xã``.
    A word whose ASCII letters are all capitals is taken to be all capitals when it has
    at least two of them, or when the line holds three or more such words (a heading),
    so ``Uû ban`` stays ``Uỷ ban`` and ``Sè: 16/KH-UBND`` stays ``Số: 16/KH-UBND``.
    """
    words = line.split(" ")
    caps = [bool(ls) and all(c.isupper() for c in ls) for ls in map(_ascii_letters, words)]
    strong = sum(1 for w, c in zip(words, caps, strict=True) if c and len(_ascii_letters(w)) >= 2)
    out = []
    for word, is_caps in zip(words, caps, strict=True):
        if is_caps and (len(_ascii_letters(word)) >= 2 or strong >= 3):
            word = word.upper()
        out.append(word)
    return " ".join(out)


def convert(text: str, encoding: str) -> str:
    """Convert the whole ``text`` from a legacy ``encoding`` ('tcvn3' or 'vni') to NFC."""
    converted = _converter(encoding)(text)
    if encoding == "tcvn3":
        converted = "\n".join(_restore_caps(ln) for ln in converted.split("\n"))
    return unicodedata.normalize("NFC", converted)


def _gain(line: str, encoding: str, *, confirmed: bool = False) -> tuple[int, str]:
    """How many more valid syllables converting ``line`` gives, and the converted line.

    ``confirmed``: the document is known to be legacy, so a conversion that is merely
    no worse is kept (``Sè`` -> ``Số``: both are syllables) and counts as a gain of 1.
    """
    if not _legacy_shaped(line):
        return 0, line
    before_valid, before_invalid = _score(line)
    after = convert(line, encoding)
    after_valid, after_invalid = _score(after)
    if confirmed:
        if after != line and after_valid >= before_valid and after_invalid <= before_invalid:
            return max(1, after_valid - before_valid), after
        return 0, line
    if after_valid <= before_valid or after_invalid >= before_invalid:
        return 0, line
    return after_valid - before_valid, after


def fix_legacy(text: str) -> LegacyResult:
    """Detect TCVN3/VNI text line by line and convert it; leave Unicode text untouched.

    Evidence rules, measured on the 648-document Unicode corpus (no false conversion):
    a line is converted when the conversion gains at least two valid syllables, or one
    when the document is *legacy-shaped* (most of its non-ASCII lines use only cp1252
    characters, as 8-bit text does; Unicode Vietnamese almost always has ư, ạ, ế ...).
    The encoding with the larger total gain wins, and only its conversions are applied
    (a document is typed in one font family).  In a legacy-shaped document, remaining
    lines are converted when that is no worse (``Sè:`` -> ``Số:``).  Lines without any
    trigger character cost nothing unless a legacy encoding was found.
    """
    if not _TRIGGER_RE.search(text):
        return LegacyResult(text, None, 0)
    lines = text.split("\n")
    nonascii = [i for i, ln in enumerate(lines) if not ln.isascii()]
    shaped = sum(1 for i in nonascii if _legacy_shaped(lines[i]))
    legacy_doc = shaped * 2 >= len(nonascii)
    candidates = [i for i in nonascii if _TRIGGER_RE.search(lines[i])]
    best_total, best_encoding, best_changed = 0, None, {}
    for encoding in ENCODINGS:
        total, changed = 0, {}
        for i in candidates:
            gain, new = _gain(lines[i], encoding)
            if gain >= 2 or (gain and legacy_doc):
                total += gain
                changed[i] = new
        if total > best_total:
            best_total, best_encoding, best_changed = total, encoding, changed
    if best_encoding is None or best_total < 2:
        return LegacyResult(text, None, 0)
    if legacy_doc:
        for i in nonascii:
            if i not in best_changed:
                gain, new = _gain(lines[i], best_encoding, confirmed=True)
                if gain:
                    best_changed[i] = new
    for i, new in best_changed.items():
        lines[i] = new
    return LegacyResult("\n".join(lines), best_encoding, len(best_changed))
