"""Counts by kind, level, province and year; most-cited documents; unresolved references.

Rows are ``(group, value, count)``: easy to print, to filter in a script and to compare
across stores. The ``total`` rows count every document; the kind, level, province and
year groups count ingested documents only (a document only referenced has no metadata
of its own beyond what the citing text says). ``most_cited`` counts distinct citing documents; ``unresolved`` lists the
references whose year or jurisdiction stays unknown, by how many documents cite them.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from lexgraph.queries.results import CountRow

GROUPS = ("kind", "level", "province", "year")


def _ordered(group: str, counter: Counter, top: int | None = None) -> list[CountRow]:
    items = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0] is None, str(kv[0])))
    if top is not None:
        items = items[:top]
    return [CountRow(group, None if v is None else str(v), n) for v, n in items]


def stats_nx(graph: Any, top: int = 10) -> list[CountRow]:
    nodes = graph.nodes
    rows = [
        CountRow("total", "documents", graph.number_of_nodes()),
        CountRow("total", "ingested", sum(1 for _, a in nodes(data=True) if a.get("ingested"))),
        CountRow("total", "edges", graph.number_of_edges()),
    ]
    ingested = [a for _, a in nodes(data=True) if a.get("ingested")]
    for group in GROUPS:
        rows += _ordered(group, Counter(a.get(group) for a in ingested))
    cited = Counter({k: len(graph.pred[k]) for k in graph.nodes if graph.pred[k]})
    rows += _ordered("most_cited", cited, top)
    flagged = [k for k, a in nodes(data=True) if a.get("unresolved")]
    rows += _ordered("unresolved", Counter({k: len(graph.pred[k]) for k in flagged
                                            if graph.pred[k]}), top)  # fmt: skip
    rows.insert(3, CountRow("total", "unresolved", len(flagged)))
    return rows


def stats_cypher(backend: Any, top: int = 10) -> list[CountRow]:
    (totals,) = backend.run("stats_totals")
    rows = [CountRow("total", name, totals[name])
            for name in ("documents", "ingested", "edges", "unresolved")]  # fmt: skip
    for group in GROUPS:
        found = backend.run("stats_group", field=group)
        rows += _ordered(group, Counter({r["value"]: r["count"] for r in found}))
    cited = backend.run("stats_cited", top=top, unresolved_only=False)
    rows += _ordered("most_cited", Counter({r["key"]: r["count"] for r in cited}), top)
    unresolved = backend.run("stats_cited", top=top, unresolved_only=True)
    rows += _ordered("unresolved", Counter({r["key"]: r["count"] for r in unresolved}), top)
    return rows


def stats(backend: Any, top: int = 10) -> list[CountRow]:
    return stats_cypher(backend, top) if backend.is_neo4j else stats_nx(backend.graph, top)
