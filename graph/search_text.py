"""The folded search text of a document, shared by the Neo4j loader and the search query.

Why one module: accent-insensitive search must give exactly the same answer on networkx
and on Neo4j. Both sides therefore derive their words from the same function here:

- a document's words are ``\\w+`` runs of ``fold(title issuer number)`` (lower case,
  accents removed, ``đ`` -> ``d``), stored in Neo4j as ``search_text`` (the words joined
  by single spaces) under a full-text index with Lucene's ``whitespace`` analyzer, so
  Lucene's tokens are exactly these words;
- a query's words are the ``\\w+`` runs of the folded query; a document matches when every
  query word is a prefix of one of its words (``dan van`` finds ``Dân vận``, ``33/ct``
  finds ``33/CT-TTg``).

Results rank by how well they match (``match_rank``, the same test on both stores: plain
substring tests on the space-padded words, so Cypher computes it exactly as Python does):
the query's words as a phrase (``dan van`` in ``... cong tac dan van ...``), then every
word whole, then only as prefixes (``dan van`` also finds ``huong dan ... van ban``,
which is why the ranking matters).

Only ``\\w`` characters ever reach Lucene, and they are escaped anyway (``lucene_query``).
Kept free of heavy imports: the CLI imports it for every search.
"""

from __future__ import annotations

import re
from typing import Any

from lexgraph.extractors.keys import fold

PROPERTY = "search_text"
INDEX = "document_search"
_WORD = re.compile(r"\w+")
_LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')


def words(text: str) -> list[str]:
    """The folded words of ``text``: ``"Dân vận 33/CT-TTg"`` -> ``["dan", "van", "33", "ct", "ttg"]``."""
    return _WORD.findall(fold(text)) if text else []


def search_text(attrs: dict[str, Any]) -> str | None:
    """The ``search_text`` of a node's attributes (None when it has no title/issuer/number)."""
    parts = [attrs.get(name) for name in ("title", "issuer", "number")]
    found = words(" ".join(str(part) for part in parts if part))
    return " ".join(found) or None


def lucene_escape(term: str) -> str:
    """``term`` with Lucene's query-syntax characters backslash-escaped."""
    return _LUCENE_SPECIAL.sub(r"\\\1", term)


def lucene_query(terms: list[str]) -> str:
    """Every term required, as a word prefix: ``["dan", "van"]`` -> ``+dan* +van*``."""
    return " ".join(f"+{lucene_escape(term)}*" for term in terms)


MATCHES = ("phrase", "words", "prefix")  # match_rank's ranks, best first


def rank_terms(query: str) -> tuple[str, list[str]]:
    """What ``match_rank`` looks for: the padded phrase and each padded word of ``query``."""
    found = words(query)
    return f" {' '.join(found)} ", [f" {word} " for word in dict.fromkeys(found)]


def match_rank(text: str | None, phrase: str, whole: list[str]) -> int:
    """0: ``text`` (a ``search_text``) holds the query as a phrase; 1: every query word
    whole; 2: only as word prefixes (what every result has). Mirrored in search.cypher."""
    padded = f" {text or ''} "
    if phrase in padded:
        return 0
    return 1 if all(word in padded for word in whole) else 2
