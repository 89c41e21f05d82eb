"""Accent-insensitive search over titles, issuers and numbers (``dan van`` finds ``dân vận``).

The rule, the same on both stores (graph/search_text.py makes the words for both): every
word of the folded query (case and diacritics ignored, ``đ`` = ``d``) must be a prefix of
a word of the document's folded title, issuer or number. Neo4j answers from the full-text
index ``document_search`` on the ``search_text`` property the loader stores; networkx
from an in-memory index of the same words, built once per graph. Order: best match first
(the words as a phrase, then every word whole, then prefixes only:
graph/search_text.match_rank), then ingested first, newest first (no date last), key.
"""

from __future__ import annotations

import bisect
import re
import weakref
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from lexgraph.extractors.keys import fold
from lexgraph.graph.search_text import MATCHES, lucene_query, match_rank, rank_terms, search_text
from lexgraph.graph.search_text import words as _words
from lexgraph.queries.results import SearchRow, clean_node

NO_LIMIT = 2**31 - 1


def words(query: str) -> list[str]:
    """The query's folded words, duplicates removed (order kept)."""
    return list(dict.fromkeys(_words(query)))


@cache
def _variants() -> dict[str, str]:
    """Base letter -> every character (both cases) that folds to it."""
    table: dict[str, set[str]] = {}
    for code in list(range(0x41, 0x7B)) + list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        ch = chr(code)
        base = fold(ch)
        if len(base) == 1 and base.isalpha() and base.isascii():
            table.setdefault(base, set()).update({ch, ch.lower(), ch.upper()})
    return {b: "".join(sorted(c for c in chars if fold(c) == b)) for b, chars in table.items()}


def word_regex(word: str) -> str:
    """A regex matching text that contains ``word`` in any accented form.

    Not used by search any more (the folded index replaced it); kept because
    tests/test_queries.py checks the folding rule through it.
    """
    variants = _variants()
    parts = [f"[{re.escape(variants[c])}]" if c in variants else re.escape(c) for c in word]
    return "(?s).*" + "".join(parts) + ".*"


@dataclass
class _WordIndex:
    """Sorted distinct words and, for each, the documents holding it."""

    size: int
    vocabulary: list[str] = field(default_factory=list)
    postings: dict[str, list[Any]] = field(default_factory=dict)
    texts: dict[Any, str | None] = field(default_factory=dict)  # key -> search_text
    rank: dict[Any, int] = field(default_factory=dict)  # position in the result order

    def having_prefix(self, prefix: str) -> set[Any]:
        found: set[Any] = set()
        i = bisect.bisect_left(self.vocabulary, prefix)
        while i < len(self.vocabulary) and self.vocabulary[i].startswith(prefix):
            found.update(self.postings[self.vocabulary[i]])
            i += 1
        return found


_INDEXES: weakref.WeakKeyDictionary[Any, _WordIndex] = weakref.WeakKeyDictionary()


def _index(graph: Any) -> _WordIndex:
    """The word index of ``graph``, rebuilt when its node count changed (O(1) to check)."""
    size = graph.number_of_nodes()
    index = _INDEXES.get(graph)
    if index is None or index.size != size:
        index = _WordIndex(size)
        for key, attrs in graph.nodes(data=True):
            text = index.texts[key] = search_text(attrs)
            for word in set((text or "").split()):
                index.postings.setdefault(word, []).append(key)
        index.vocabulary = sorted(index.postings)
        order = sorted(
            graph.nodes(data=True),
            key=lambda n: (not n[1].get("ingested"), _neg(n[1].get("date")), n[0]),
        )
        index.rank = {key: i for i, (key, _) in enumerate(order)}
        _INDEXES[graph] = index
    return index


def _row(node: dict[str, Any], rank: int) -> SearchRow:
    return SearchRow(node["key"], node["number"], node["kind"], node["issuer"], node["province"],
                     node["date"], node["title"], node["ingested"], MATCHES[rank])  # fmt: skip


def _order(rows: list[SearchRow], limit: int | None) -> list[SearchRow]:
    rows.sort(key=lambda r: (MATCHES.index(r.match), not r.ingested, _neg(r.date), r.key))
    return rows[:limit] if limit else rows


def _neg(date: str | None) -> tuple:
    return (date is None, tuple(-ord(c) for c in (date or "")))


def search_nx(graph: Any, query: str, limit: int | None = 50) -> list[SearchRow]:
    terms = words(query)
    if not terms:
        return []
    index = _index(graph)
    keys: set[Any] | None = None
    for term in sorted(terms, key=len, reverse=True):  # the longest word narrows most
        found = index.having_prefix(term)
        keys = found if keys is None else keys & found
        if not keys:
            return []
    phrase, whole = rank_terms(query)
    texts, order = index.texts, index.rank
    match = {key: match_rank(texts[key], phrase, whole) for key in keys or ()}
    ranked = sorted(match, key=lambda key: (match[key], order[key]))
    nodes = graph.nodes
    # (match, index rank) is already _order's order: the rank sorts by ingested, date, key.
    return [_row(clean_node({**nodes[k], "key": k}), match[k]) for k in ranked[: limit or None]]


def search_cypher(backend: Any, query: str, limit: int | None = 50) -> list[SearchRow]:
    terms = words(query)
    if not terms:
        return []
    phrase, whole = rank_terms(query)
    found = backend.run("search", lucene=lucene_query(terms), phrase=phrase, whole=whole,
                        limit=limit or NO_LIMIT)  # fmt: skip
    return _order([_row(clean_node(r["node"]), r["rank"]) for r in found], limit)


def search(backend: Any, query: str, limit: int | None = 50) -> list[SearchRow]:
    if backend.is_neo4j:
        return search_cypher(backend, query, limit)
    return search_nx(backend.graph, query, limit)
