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

from dataclasses import replace
from typing import Any

from lexgraph.queries.resolve_input import in_province
from lexgraph.queries.results import DocumentRow
from lexgraph.queries.traverse import Raw, assemble, fetch_cypher, fetch_nx

from lexgraph.model import IMPLEMENTING_RELATIONS


def reach(
    backend: Any,
    key: str,
    direction: str = "down",
    relations: tuple[str, ...] = IMPLEMENTING_RELATIONS,
    scope: str | None = None,
    max_depth: int | None = None,
) -> Raw | None:
    """Raw traversal on whichever store ``backend`` is."""
    if direction not in ("up", "down"):
        raise ValueError("direction must be 'up' or 'down'")
    if scope in (None, "any"):
        scope = None
    relations = tuple(relations)
    if backend.is_neo4j:
        return fetch_cypher(backend, key, direction, relations, scope, max_depth)
    return fetch_nx(backend.graph, key, direction, relations, scope, max_depth)


def _keep(row: DocumentRow, level: str | None, province: str | None,
          since: str | None, until: str | None) -> bool:  # fmt: skip
    if level and row.level != level:
        return False
    if province and not in_province({"key": row.key, "province": row.province}, province):
        return False
    if since and (row.date is None or row.date < since):
        return False
    return not (until and (row.date is None or row.date > until))


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
    raw = reach(backend, key, direction, relations, scope, depth)
    if raw is None:
        return None
    rows = assemble(raw, direction, tuple(relations))
    return [r for r in rows if _keep(r, level, province, since, until)]


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
    rows = [replace(r, target="|".join(sorted(per_target))) for r in best.values()]
    rows.sort(key=lambda r: (r.depth, r.date is None, r.date or "", r.key))
    return rows
