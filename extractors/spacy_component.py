"""lexgraph as a spaCy pipeline component: ``nlp.add_pipe("legal_citations")``.

The component runs the same extraction as the fast bulk path (``pipeline.extract_text``)
and exposes it the spaCy way, so both give identical records by construction:

- ``doc.spans["citations"]``: one span per citation mention, label = relation;
- ``span._.citation`` (the ``Citation``), ``span._.key``, ``span._.relation``;
- ``doc._.extraction`` (the whole ``Extraction`` record), ``doc._.document`` (its metadata).

spaCy's own Vietnamese tokenizer needs pyvi and is superlinear on long texts (DESIGN.md);
``blank_pipeline()`` uses a linear whitespace tokenizer instead, which keeps document numbers
such as ``33/CT-TTg`` whole. Registered through the ``spacy_factories`` entry point, so a
user's own pipeline can add it without importing lexgraph first.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import registry
from spacy.vocab import Vocab

from lexgraph.extractors.pipeline import extract_text

SPANS_KEY = "citations"
_NON_SPACE = re.compile(r"\S+")

for _name in ("citation", "key", "relation"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)
for _name in ("extraction", "document"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class WhitespaceTokenizer:
    """Linear-time tokenizer: runs of non-space characters are tokens (``33/CT-TTg`` stays whole)."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        position = 0
        for match in _NON_SPACE.finditer(text):
            gap = text[position : match.start()]
            if gap:
                if words and gap[0] == " ":
                    spaces[-1] = True
                    gap = gap[1:]
                if gap:  # other whitespace (newlines, runs of spaces) is a token of its own
                    words.append(gap)
                    spaces.append(False)
            words.append(match.group())
            spaces.append(False)
            position = match.end()
        tail = text[position:]
        if tail:
            if words and tail[0] == " ":
                spaces[-1] = True
                tail = tail[1:]
            if tail:
                words.append(tail)
                spaces.append(False)
        return Doc(self.vocab, words=words, spaces=spaces)

    def to_bytes(self, **_: object) -> bytes:
        return b""

    def from_bytes(self, _data: bytes, **_: object) -> WhitespaceTokenizer:
        return self

    def to_disk(self, _path: object, **_: object) -> None:
        return None

    def from_disk(self, _path: object, **_: object) -> WhitespaceTokenizer:
        return self


@registry.tokenizers("lexgraph.whitespace_tokenizer.v1")
def create_whitespace_tokenizer():
    return WhitespaceTokenizer


class LegalCitations:
    """The component: fills ``doc.spans["citations"]`` and the extension attributes."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        record = extract_text(doc.text, source=doc.user_data.get("source", "<doc>"))
        spans: list[Span] = []
        for citation in record.citations:
            # The span is the mention (the number as written); the evidence quote around it
            # is ``span._.citation.quote``.
            start = citation.mention_start if citation.mention_start is not None else citation.start
            end = citation.mention_end if citation.mention_end is not None else citation.end
            span = doc.char_span(start, end, label=citation.relation, alignment_mode="expand")
            if span is None:  # offsets inside whitespace only; keep the record, skip the span
                continue
            span._.citation = citation
            span._.key = citation.key
            span._.relation = citation.relation
            spans.append(span)
        doc.spans[SPANS_KEY] = spans
        doc._.extraction = record
        doc._.document = record.document
        return doc


@Language.factory("legal_citations")
def make_legal_citations(nlp: Language, name: str) -> LegalCitations:
    return LegalCitations(nlp, name)


def blank_pipeline(with_component: bool = True) -> Language:
    """A blank Vietnamese pipeline with the linear tokenizer (and the component)."""
    import spacy

    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.tokenizer = WhitespaceTokenizer(nlp.vocab)
    if with_component:
        nlp.add_pipe("legal_citations")
    return nlp


def extract_with_spacy(text: str, source: str = "<text>", nlp: Language | None = None):
    """The spaCy path to the same record ``pipeline.extract_text`` gives."""
    import unicodedata

    nlp = nlp or blank_pipeline()
    doc = nlp.make_doc(unicodedata.normalize("NFC", text))
    doc.user_data["source"] = source
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc._.extraction
