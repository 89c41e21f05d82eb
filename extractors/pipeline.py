"""Text in, Extraction record out: the one place the extraction steps are put together.

Steps (each its own module, in the eyecite manner): normalise (NFC) -> document metadata
(metadata.py) -> canonical key (keys.py) -> citations, relations, assertions (citations.py).
"""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

from lexgraph.model import DocumentInfo, Extraction

LOCAL_LEVELS = frozenset({"province", "district", "commune"})


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_key_for(document: DocumentInfo, sha256: str) -> str:
    """The citing document's own key; a document without a number gets a content key."""
    from lexgraph.extractors.keys import document_key, unnumbered_key

    if not document.number:
        return unnumbered_key(sha256)
    return document_key(
        document.number,
        document.year,
        local=document.level in LOCAL_LEVELS,
        province=document.province,
        district=document.district,
    )


def extract_text(text: str, source: str = "<text>", sha256: str | None = None) -> Extraction:
    """Extract one document's metadata, citations and assertions from its text.

    Offsets in the record are into the NFC form of ``text``.
    """
    from lexgraph.extractors.citations import find_citations
    from lexgraph.extractors.metadata import extract_metadata

    text = unicodedata.normalize("NFC", text)
    digest = sha256 or sha256_text(text)
    document, warnings = extract_metadata(text)
    document.key = document_key_for(document, digest)
    found = find_citations(text, document)
    for citation, (start, end) in zip(found.citations, found.spans, strict=True):
        citation.mention_start, citation.mention_end = start, end
    return Extraction(
        source=source,
        sha256=digest,
        document=document,
        citations=found.citations,
        assertions=found.assertions,
        warnings=[*warnings, *found.warnings],
    )


def file_sha256(path: str | Path, chunk_size: int = 1 << 20) -> str:
    """Hash of the file's bytes: the content identity used for de-duplication and caching."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(chunk_size):
            digest.update(chunk)
    return digest.hexdigest()


def extract_path(path: str | Path, sha256: str | None = None) -> Extraction:
    """Read a file in any supported format and extract it; raises ReadError on bad input."""
    from lexgraph.extractors.readers import read_document

    result = read_document(path)
    record = extract_text(result.text, source=str(path), sha256=sha256 or file_sha256(path))
    record.warnings[:0] = result.warnings
    return record
