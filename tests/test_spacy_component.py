"""The spaCy component: registration, linear tokenizer, parity with the fast path."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lexgraph.extractors.pipeline import extract_text
from lexgraph.extractors.spacy_component import (
    WhitespaceTokenizer,
    blank_pipeline,
    extract_with_spacy,
)
from tests.conftest import EXAMPLES


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab 33/CT-TTg\n\t\u00a0Số:")), max_size=80))
def test_tokenizer_reproduces_the_text_exactly(text: str) -> None:
    import spacy

    doc = WhitespaceTokenizer(spacy.blank("xx").vocab)(text)
    assert doc.text == text


def test_tokenizer_keeps_document_numbers_whole() -> None:
    import spacy

    doc = WhitespaceTokenizer(spacy.blank("xx").vocab)("Chỉ thị số 33/CT-TTg và 25-NQ/TW")
    assert "33/CT-TTg" in [t.text for t in doc] and "25-NQ/TW" in [t.text for t in doc]


def test_factory_is_found_through_the_entry_point_without_importing_lexgraph() -> None:
    code = (
        "import spacy\n"
        "nlp = spacy.blank('vi', config={'nlp': {'tokenizer': {'use_pyvi': False}}})\n"
        "nlp.add_pipe('legal_citations')\n"
        "doc = nlp('Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ.')\n"
        "print([s._.key for s in doc.spans['citations']])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "33/CT-TTg@2021" in out.stdout


def test_spans_carry_relation_and_citation() -> None:
    nlp = blank_pipeline()
    doc = nlp(
        "Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ, UBND tỉnh ban hành Kế hoạch."
    )
    spans = list(doc.spans["citations"])
    assert spans, "the component set no spans"
    assert spans[0]._.citation.number == "33/CT-TTg"
    assert spans[0]._.relation == spans[0].label_ == spans[0]._.citation.relation
    assert doc._.extraction.citations[0].key == spans[0]._.key


def _texts() -> list[Path]:
    paths = sorted(EXAMPLES.glob("*.txt")) + sorted(EXAMPLES.glob("*.md"))
    seeds = EXAMPLES.parent.parent / "shared" / "seeds"
    return paths + sorted(seeds.glob("*.txt"))


@pytest.mark.parametrize("path", _texts(), ids=lambda p: p.name)
def test_spacy_path_gives_the_identical_record(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    fast = extract_text(text, source=path.name).to_dict()
    via_spacy = extract_with_spacy(text, source=path.name).to_dict()
    assert via_spacy == fast


def test_spans_are_the_mentions_inside_their_quotes() -> None:
    from lexgraph.extractors.numbers import canonical_number

    nlp = blank_pipeline()
    text = (EXAMPLES / "hau-giang-kh-120-2022.txt").read_text(encoding="utf-8")
    doc = nlp(text)
    spans = list(doc.spans["citations"])
    assert len(spans) == len(doc._.extraction.citations)
    for span in spans:
        c = span._.citation
        assert span.start_char <= c.mention_start and span.end_char >= c.mention_end
        assert c.start <= c.mention_start < c.mention_end <= c.end
        assert doc.text[c.start : c.end] == c.quote
        assert canonical_number(doc.text[c.mention_start : c.mention_end]) == c.number
        assert len(span.text) < 40  # the number as written, not the whole quote


@pytest.mark.parametrize("path", _texts(), ids=lambda p: p.name)
def test_mention_offsets_give_the_number_as_written(path: Path) -> None:
    from lexgraph.extractors.numbers import canonical_number

    record = extract_text(path.read_text(encoding="utf-8"), source=path.name)
    text = __import__("unicodedata").normalize("NFC", path.read_text(encoding="utf-8"))
    for c in record.citations:
        assert c.start <= c.mention_start < c.mention_end <= c.end, c
        if c.number and not c.alias:
            assert canonical_number(text[c.mention_start : c.mention_end]) == c.number
