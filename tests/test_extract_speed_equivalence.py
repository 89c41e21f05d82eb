"""The extraction speed-ups give the same answers as the plain forms they replace.

Each optimisation in extractors/ swapped a simple form for a faster one (a ``^`` pattern
for a newline search, ``str.translate`` for a numpy lookup, a regex for a cheap test before
it, a detone pass for a regex over the text). These tests hold each fast form to its plain
form on the seeds (when ../shared is there) and on generated strings built from the
characters that matter (letters with tone marks, newlines, table debris, astral characters).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from lexgraph.extractors import mentions, numbers, organs, relations, text, truecase
from lexgraph.extractors.places import _DETONE_STR, detone
from lexgraph.extractors.text import _FOLD_STR, LinePattern, fold, translate

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

# Characters the extractors care about, so that generated strings hit the patterns.
_ALPHABET = st.sampled_from(
    list("aeiouyAEIOUY ĐđƯưƠơÂâÊêÔôĂăÁáÀàẢảÃãẠạẾếỀềỆệỦủỤụỲỳ\n\t *|.:;,()-/0123456789")
    + [
        "\U0001f600",
        "\ud800",
        "\udc00",
        "…",
        "“",
        "”",
        "İ",
        "ı",
        "Căn cứ ",
        "Trên đây là ",
        "II. ",
        "1. ",
    ]
)
_TEXTS = st.lists(_ALPHABET, max_size=400).map("".join)


def _real_texts() -> list[str]:
    paths = sorted(EXAMPLES.rglob("*.txt"))
    if SEEDS.is_dir():
        paths += sorted(SEEDS.glob("*.txt"))
    return [unicodedata.normalize("NFC", p.read_text(encoding="utf-8")) for p in paths]


def _line_starts_plain(body: str, text_: str, pos: int = 0, endpos: int | None = None):
    plain = re.compile("^" + body, re.M)
    end = len(text_) if endpos is None else endpos
    return [(m.span(), m.groupdict()) for m in plain.finditer(text_, pos, end)]


def _line_starts_fast(body: str, text_: str, pos: int = 0, endpos: int | None = None):
    return [(m.span(1), m.groupdict()) for m in LinePattern(body).finditer(text_, pos, endpos)]


_LINE_BODIES = [
    r"[ \t*|]*(?P<head>II|1)\s*[.)](?=[ \t*])",
    r"[ \t*|]*Trên đây là[^\n]*(?:\n[^\n]+){0,3}",
    r"[ \t*|]*(?:Căn cứ|Ngày)\b",
    r"(?P<e>\s*)a",  # may span newlines: matches must still not overlap
]


# Few characters, so that generated strings often hold a pattern (or two overlapping).
_LINES = st.text(alphabet="a \n\t*|.I1)", max_size=60)


@settings(max_examples=300, deadline=None)
@given(_LINES | _TEXTS, st.integers(0, 50), st.integers(0, 450))
@example("\n\na a\n a", 0, 450)  # overlapping candidates: the second is not a match
@example("x\nII. a\n1) b", 1, 450)  # pos not at a line start
def test_line_pattern_matches_like_a_multiline_caret(s: str, pos: int, endpos: int) -> None:
    for body in _LINE_BODIES:
        assert _line_starts_fast(body, s, pos, endpos) == _line_starts_plain(body, s, pos, endpos)


def test_line_patterns_on_real_texts() -> None:
    for doc in _real_texts():
        for body in _LINE_BODIES:
            assert _line_starts_fast(body, doc) == _line_starts_plain(body, doc)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=700), _TEXTS)
def test_translate_equals_str_translate(any_text: str, ours: str) -> None:
    for s in (any_text, ours * 3):
        assert translate(s, _FOLD_STR) == s.translate(_FOLD_STR)
        assert translate(s, _DETONE_STR) == s.translate(_DETONE_STR)


def test_fold_and_detone_keep_length_on_real_texts() -> None:
    for doc in _real_texts():
        assert fold(doc) == doc.translate(text._FOLD_STR)
        assert detone(doc) == doc.translate(_DETONE_STR)


def test_boundary_alternatives_match_the_class_form() -> None:
    rest = relations._BOUNDARY.pattern.split("|\\n", 1)[1]
    plain = re.compile(r"[.:!?…][ \t*”\"’)]*\n|\n" + rest)
    samples = [*_real_texts(), "a.\nb:\n- c…)\n\nCăn cứ x\n[1] y. \n", "?\n!”\n"]
    for doc in samples:
        fast = [m.end() for m in relations._BOUNDARY.finditer(doc)]
        assert fast == [m.end() for m in plain.finditer(doc)]


_FOLDED = st.lists(
    st.sampled_from(
        ["mau", "bieu", "to khai", "so", ":", " ", "qcvn", "06", "1", "tai", "cac", "cua ",
         "duoc ", "so ", "ngay ", "luat ", "bo luat ", "x", ".", ";", "(", "<", "\u00a0"]
    ),
    max_size=30,
).map("".join)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(_FOLDED)
@example("cua so ke hoach tai cac ")
@example("duoc x y z tai  ")
@example("theo mau so: ")
@example("bo luat dan su so ")
def test_cheap_tests_only_skip_windows_the_regex_rejects(window: str) -> None:
    assert mentions._is_code(window) == bool(mentions._NOT_A_DOCUMENT.search(window))
    if mentions._OF_AT.search(window):
        assert mentions._ends_with_tai(window)
    if mentions._LAW_BEFORE.search(window):
        assert "luat" in window


def _spelled_plain(upper: str, text_: str) -> str | None:
    """organs._spelled's search as it was: the pattern over a detoned copy of the text."""
    words = upper.split()
    pattern = r"[\s\-–,]+".join(re.escape(detone(w).strip(",")) for w in words if w.strip(",-–"))
    for m in re.finditer(pattern, detone(text_[:100000])):
        candidate = text_[m.start() : m.end()]
        if not candidate.isupper():
            return re.sub(r"\s+", " ", candidate)
    return None


@pytest.mark.parametrize(
    "upper",
    ["BỘ TÀI CHÍNH", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "ỦY BAN"],
)
def test_organ_spelling_matches_the_detoned_search(upper: str) -> None:
    body = "Theo đề nghị của Bộ Văn hoá, Thể thao và Du lịch; Sở Giáo dục và  Đào tạo, Uỷ ban"
    fallback = organs._spelled(upper, "")  # nothing to match: the rule-based casing
    for doc in [body, body.replace("Bộ Tài", "BỘ TÀI"), "Bộ  Tài\nchính", *_real_texts()]:
        plain = _spelled_plain(upper, doc)
        assert organs._spelled(upper, doc) == (fallback if plain is None else plain)


@pytest.mark.parametrize("pattern", [r"\d", r"[^\W\d_]"])
def test_bmp_class_lists_exactly_the_characters_of_its_pattern(pattern: str) -> None:
    listed, plain = re.compile(text.bmp_class(pattern)), re.compile(pattern)
    bmp = "".join(map(chr, range(0x10000)))
    assert listed.findall(bmp) == plain.findall(bmp)


@settings(max_examples=200, deadline=None)
@given(_TEXTS)
@example("Số 12/KH-UBND và \U0001d7cf\U0001d7ce/CT-TTg, a1/QĐ-TTg; ٣/KH-UB")
def test_number_scan_equals_the_plain_digit_form(s: str) -> None:
    plain = re.compile(numbers.NUMBER_RE.pattern.replace(numbers._FIRST_DIGIT, r"\d", 1))
    assert plain.pattern != numbers.NUMBER_RE.pattern
    doc = s + " 33/CT-TTg " + s
    assert [m.span() for m in numbers.NUMBER_RE.finditer(doc)] == [
        m.span() for m in plain.finditer(doc)
    ]
    assert text.within_bmp(s) == (max(s, default="") <= "\uffff")


@settings(max_examples=200, deadline=None)
@given(_TEXTS, st.sets(st.sampled_from(["a", "ai", "ươ", "ê", "đi", "x", "\U0001f600"])))
@example("ai ươ a1a ai\U0001f600 ê", {"ai", "a"})
def test_word_index_equals_a_regex_over_every_word(s: str, wanted: set[str]) -> None:
    words = truecase._Words(detone(s.lower()))
    spans = [m.span() for m in truecase._WORD.finditer(words.text)]
    assert list(zip(words.starts, words.ends, strict=True)) == spans
    expected = [(i, words.text[a:b]) for i, (a, b) in enumerate(spans)]
    assert words.where(wanted) == [(i, key) for i, key in expected if key in wanted]
