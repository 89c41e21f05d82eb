"""A reference cut by a line break after the year's slash ('Thông tư số 04/2012/' /
'TT-BLĐTBXH') or after the number's own dash ('Kết luận số 18-' / 'KL/TW') is one
reference, read as if the line were unbroken.

Before, such a reference was lost whole: 88 breaks after the year's slash and 48 after
the dash in ../shared/corpus (congbao-01-2021-tt-bldtbxh.txt alone lost 27 references).
The sentences are quoted from the corpus, line breaks kept, so the rules run without it;
``test_quotes_are_real`` checks them against their files when ../shared is present.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lexgraph.extractors.citations import find_citations
from lexgraph.extractors.numbers import NUMBER_RE
from lexgraph.model import DocumentInfo

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
CIRCULAR = DocumentInfo(number="01/2021/TT-BLĐTBXH", level="central_state")
GOVERNMENT = DocumentInfo(number="122/NQ-CP", level="central_state")

AFTER_YEAR = (
    "congbao-01-2021-tt-bldtbxh.txt",
    "- QCVN 06:2012/BLĐTBXH được\nban hành tại Thông tư số 04/2012/\nTT-BLĐTBXH ngày 16/02/2012",
)
AFTER_DASH = (
    "congbao-122-nq-cp.txt",
    "theo Kết luận số 18-\nKL/TW ngày 02 tháng 4 năm 2026 của Trung ương, Kết luận số "
    "27-KL/TW ngày",
)


def _cites(text: str, doc: DocumentInfo):
    return [c for c in find_citations(text, doc).citations if c.number]


def test_a_break_after_the_years_slash_keeps_the_reference() -> None:
    _, text = AFTER_YEAR
    (cite,) = _cites(text, CIRCULAR)
    assert (cite.number, cite.kind, cite.date) == ("04/2012/TT-BLĐTBXH", "Thông tư", "2012-02-16")
    assert text[cite.start : cite.end] == cite.quote


def test_a_break_after_a_party_numbers_dash_keeps_the_reference() -> None:
    _, text = AFTER_DASH
    found = {c.number: c for c in _cites(text, GOVERNMENT)}
    assert set(found) == {"18-KL/TW", "27-KL/TW"}
    assert (found["18-KL/TW"].kind, found["18-KL/TW"].date) == ("Kết luận", "2026-04-02")


def test_the_joined_reference_reads_as_the_unbroken_one() -> None:
    for _, text in (AFTER_YEAR, AFTER_DASH):
        doc = CIRCULAR if text is AFTER_YEAR[1] else GOVERNMENT
        unbroken = text.replace("/\n", "/").replace("-\n", "-")
        broken = [(c.number, c.kind, c.date, c.relation) for c in _cites(text, doc)]
        whole = [(c.number, c.kind, c.date, c.relation) for c in _cites(unbroken, doc)]
        assert broken == whole


@pytest.mark.parametrize(
    "text",
    [
        "giai đoạn 2018-\n2020 và",  # a range of years: digits after the break
        "tại khoản 3-\nĐiều 5",  # a capitalised word is not a symbol
        "ngày 16/\n02/2012",  # a date broken after its day
        "số 04/2012/\n\nTT-BLĐTBXH",  # a blank line ends the reference
    ],
)
def test_breaks_that_do_not_join(text: str) -> None:
    assert not [m.group(0) for m in NUMBER_RE.finditer(text) if "\n" in m.group(0)]


def test_quotes_are_real() -> None:
    for name, quote in (AFTER_YEAR, AFTER_DASH):
        path = CORPUS / name
        if not path.exists():
            pytest.skip("../shared/corpus is not here")
        assert quote in path.read_text(encoding="utf-8"), name


def test_corpus_circular_lists_every_standard_s_circular() -> None:
    path = CORPUS / "congbao-01-2021-tt-bldtbxh.txt"
    if not path.exists():
        pytest.skip("../shared/corpus is not here")
    text = path.read_text(encoding="utf-8")
    numbers = {c.number for c in _cites(text, CIRCULAR)}
    # Every 'Thông tư số NN/YYYY/' line-broken before its symbol (27 in this file).
    assert {"04/2012/TT-BLĐTBXH", "49/2016/TT-BLĐTBXH", "37/2014/TT-BLĐTBXH"} <= numbers
