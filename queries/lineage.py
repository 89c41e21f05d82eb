"""Implementers (who implements a document, directly or through others) and lineage trees.

Semantics (documented in the CLI help and the README):

- an implementer of T is a document with a path to T over edges whose relation is in
  ``relations`` (default ``implements``, ``continues``, ``based_on``); assertion edges
  count, so lineage passes through documents the corpus only references;
- ``scope`` (``document`` or ``task``) restricts every edge of the path; None = any;
- ``depth`` is the shortest distance; ``via`` the documents in between (implementer first);
- ``relation``/``scope``/``quote`` are the evidence of the implementer's own first hop;
- ``lag_days`` is the implementer's date minus T's date;
- ``level``, ``province``, ``since``, ``until`` filter the rows, not the traversal.
"""

from __future__ import annotations

from typing import Any

from lexgraph.model import IMPLEMENTING_RELATIONS
from lexgraph.queries.results import DocumentRow
from lexgraph.queries.traverse import build_rows, keep_filter, kept, search


def _embedded(backend: Any, key: str, direction: str, relations: tuple[str, ...],
              scope: str | None, max_depth: int | None, keep: Any):  # fmt: skip
    """Search the store's cached qualifying edges, which also hold each edge's evidence
    (backends.EmbeddedBackend.adjacency), so they are the evidence too."""
    documents = backend.documents()
    origin = documents.index.get(key)
    if origin is None:
        return None
    edges = backend.adjacency(relations, scope, direction)
    found = search(edges, origin, max_depth)
    return documents, found, kept(documents, found, keep), edges.evidence


def _fetch(backend, key, direction, relations, scope, max_depth, keep):  # type: ignore[no-untyped-def]
    """None when ``key`` is unknown, else (documents, reach, kept ids, evidence by edge)."""
    if direction not in ("up", "down"):
        raise ValueError("direction must be 'up' or 'down'")
    if scope in (None, "any"):
        scope = None
    if backend.is_neo4j:
        # Imported here: the driver (and pandas, which it imports) costs an embedded
        # query a third of a second of start-up.
        from lexgraph.queries.lineage_neo4j import fetch_neo4j as fetch
    else:
        fetch = _embedded
    return fetch(backend, key, direction, tuple(relations), scope, max_depth, keep)


def lineage(
    backend: Any,
    key: str,
    direction: str = "down",
    *,
    relations: tuple[str, ...] = IMPLEMENTING_RELATIONS,
    scope: str | None = None,
    depth: int | None = None,
    level: str | None = None,
    province: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> list[DocumentRow] | None:
    """Documents below (``down``: implementers) or above (``up``) ``key``; None if unknown."""
    keep = keep_filter(level, province, since, until)
    found = _fetch(backend, key, direction, relations, scope, depth, keep)
    if found is None:
        return None
    documents, reach, ids, evidence = found
    return build_rows(documents, reach, ids, evidence, direction)


def implementers(backend: Any, key: str, **options: Any) -> list[DocumentRow] | None:
    """Who implements ``key``, directly or through intermediate documents."""
    return lineage(backend, key, "down", **options)


def union(per_target: dict[str, list[DocumentRow]]) -> list[DocumentRow]:
    """Documents implementing any of the targets: one row each, from its nearest target."""
    best: dict[str, DocumentRow] = {}
    for target in sorted(per_target):
        for row in per_target[target]:
            old = best.get(row.key)
            if old is None or (row.depth, row.target) < (old.depth, old.target):
                best[row.key] = row
    rows = [r.replace(target="|".join(sorted(per_target))) for r in best.values()]
    rows.sort(key=lambda r: (r.depth, r.date is None, r.date or "", r.key))
    return rows
