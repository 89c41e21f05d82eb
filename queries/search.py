"""Accent-insensitive search over titles and issuers (``dan van`` finds ``dân vận``).

Every query word must occur in the folded title or issuer (case and diacritics ignored,
``đ`` = ``d``). The Cypher version cannot fold text, so it matches each word with a regex
whose letters are classes of every accented form (``a`` -> ``[aàáảãạăằ...]``): the same
rule, no extra property needed. Order: ingested first, newest first, then key.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any

from lexgraph.extractors.keys import fold
from lexgraph.queries.results import SearchRow, clean_node


def words(query: str) -> list[str]:
    return [w for w in re.split(r"\s+", fold(unicodedata.normalize("NFC", query))) if w]


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
    """A Java/Python regex matching any text containing ``word`` in any accented form."""
    variants = _variants()
    parts = [f"[{re.escape(variants[c])}]" if c in variants else re.escape(c) for c in word]
    return "(?s).*" + "".join(parts) + ".*"


def _row(node: dict[str, Any]) -> SearchRow:
    return SearchRow(node["key"], node["number"], node["kind"], node["issuer"],
                     node["province"], node["date"], node["title"], node["ingested"])  # fmt: skip


def _order(rows: list[SearchRow], limit: int | None) -> list[SearchRow]:
    rows.sort(key=lambda r: (not r.ingested, _neg(r.date), r.key))
    return rows[:limit] if limit else rows


def _neg(date: str | None) -> tuple:
    return (date is None, tuple(-ord(c) for c in (date or "")))


def search_nx(graph: Any, query: str, limit: int | None = 50) -> list[SearchRow]:
    terms = words(query)
    if not terms:
        return []
    rows = []
    for key, attrs in graph.nodes(data=True):
        text = fold(f"{attrs.get('title') or ''} {attrs.get('issuer') or ''}")
        if all(t in text for t in terms):
            rows.append(_row(clean_node({**attrs, "key": key})))
    return _order(rows, limit)


def search_cypher(backend: Any, query: str, limit: int | None = 50) -> list[SearchRow]:
    terms = words(query)
    if not terms:
        return []
    found = backend.run("search", patterns=[word_regex(t) for t in terms])
    return _order([_row(clean_node(r["node"])) for r in found], limit)


def search(backend: Any, query: str, limit: int | None = 50) -> list[SearchRow]:
    if backend.is_neo4j:
        return search_cypher(backend, query, limit)
    return search_nx(backend.graph, query, limit)
