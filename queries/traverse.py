"""Reachability over implementing edges: the one traversal behind implementers and lineage.

Both stores return the same raw material — every reachable document with its shortest
distance from the query document, and each one's qualifying outgoing edges — and
``assemble`` turns it into rows. Ties are broken the same way whatever the store: the
next document on a path is the smallest key one step closer, and among parallel edges the
evidence edge is a citation before an assertion, scope ``document`` before ``task``, then
the order of ``relations``, then the offset. So both stores give identical answers.

Direction: edges point citing -> cited. ``down`` walks edges backwards (who implements the
origin, directly or through others); ``up`` walks them forwards (what the origin
implements, up to the root).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from datetime import date
from typing import Any

from lexgraph.queries.results import DocumentRow, clean_node

EDGE_FIELDS = ("relation", "scope", "kind", "section", "quote", "start", "file", "id")


@dataclass
class Raw:
    """Reachable documents: key -> (node dict, depth) and key -> qualifying out-edges."""

    origin: dict[str, Any]
    found: dict[str, tuple[dict[str, Any], int]]
    edges: dict[str, list[dict[str, Any]]]  # citing key -> [{to, relation, scope, ...}]


def edge_ok(data: dict[str, Any], relations: tuple[str, ...], scope: str | None) -> bool:
    return data.get("relation") in relations and (scope is None or data.get("scope") == scope)


def _edge(to: str, edge_id: str, data: dict[str, Any]) -> dict[str, Any]:
    return {"to": to, **{k: data.get(k) for k in EDGE_FIELDS}, "id": edge_id}


def fetch_nx(
    graph: Any,
    key: str,
    direction: str,
    relations: tuple[str, ...],
    scope: str | None,
    max_depth: int | None,
) -> Raw | None:
    """Breadth-first search on the networkx MultiDiGraph."""
    if key not in graph:
        return None
    step = graph.pred if direction == "down" else graph.succ
    depth = {key: 0}
    queue = deque([key])
    while queue:
        node = queue.popleft()
        d = depth[node]
        if max_depth is not None and d >= max_depth:
            continue
        for other, parallel in step[node].items():
            if other in depth:
                continue
            if any(edge_ok(data, relations, scope) for data in parallel.values()):
                depth[other] = d + 1
                queue.append(other)
    nodes = graph.nodes
    found = {k: (clean_node({**nodes[k], "key": k}), d) for k, d in depth.items() if k != key}
    edges = {
        k: [
            _edge(to, eid, data)
            for to, parallel in graph.succ[k].items()
            for eid, data in parallel.items()
            if edge_ok(data, relations, scope)
        ]
        for k in depth
    }
    return Raw(clean_node({**nodes[key], "key": key}), found, edges)


def fetch_cypher(
    backend: Any,
    key: str,
    direction: str,
    relations: tuple[str, ...],
    scope: str | None,
    max_depth: int | None,
) -> Raw | None:
    """The same material from Neo4j (``reach_down.cypher`` / ``reach_up.cypher``).

    Neo4j returns the reachable set and its edges; the distances come from a breadth-first
    pass over those edges here (a pruning expansion in Neo4j cannot report depths, and a
    shortest-path search per document is several times slower on hubs).
    """
    rows = backend.run(f"reach_{direction}", key=key, relations=list(relations), scope=scope)
    if not rows:
        return None
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        node = clean_node(row["node"])
        nodes[node["key"]] = node
        edges[node["key"]] = [
            {"to": e["to"], **{k: e["props"].get(k) for k in EDGE_FIELDS}} for e in row["edges"]
        ]
    step: dict[str, list[str]] = {}
    for citing, out in edges.items():
        for e in out:
            if direction == "down":
                step.setdefault(e["to"], []).append(citing)
            else:
                step.setdefault(citing, []).append(e["to"])
    depth = {key: 0}
    queue = deque([key])
    while queue:
        node = queue.popleft()
        if max_depth is not None and depth[node] >= max_depth:
            continue
        for other in step.get(node, ()):
            if other not in depth and other in nodes:
                depth[other] = depth[node] + 1
                queue.append(other)
    found = {k: (nodes[k], d) for k, d in depth.items() if k != key}
    return Raw(nodes[key], found, {k: edges[k] for k in depth})


def _rank(relations: tuple[str, ...]):
    def rank(edge: dict[str, Any]) -> tuple:
        relation = edge.get("relation")
        return (
            edge.get("kind") != "citation",
            edge.get("scope") != "document",
            relations.index(relation) if relation in relations else len(relations),
            edge.get("start") or 0,
            edge.get("id") or "",
        )

    return rank


def lag_days(later: str | None, earlier: str | None) -> int | None:
    """Days from ``earlier`` to ``later`` (ISO dates), None when either is unknown."""
    try:
        return (date.fromisoformat(later) - date.fromisoformat(earlier)).days  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def assemble(raw: Raw, direction: str, relations: tuple[str, ...]) -> list[DocumentRow]:
    """Rows with parent, via, evidence edge and lag; in (depth, date, key) order."""
    origin_key = raw.origin["key"]
    depth = {k: d for k, (_, d) in raw.found.items()}
    depth[origin_key] = 0
    rank = _rank(relations)
    parent: dict[str, str] = {}
    evidence: dict[str, dict[str, Any]] = {}
    if direction == "down":
        for k, d in depth.items():
            if k == origin_key:
                continue
            options = [e for e in raw.edges.get(k, ()) if depth.get(e["to"]) == d - 1]
            if options:
                nxt = min(e["to"] for e in options)
                parent[k] = nxt
                evidence[k] = min((e for e in options if e["to"] == nxt), key=rank)
    else:
        into: dict[str, list[tuple[str, dict[str, Any]]]] = {}
        for k, out in raw.edges.items():
            if k not in depth:
                continue
            for e in out:
                if depth.get(e["to"]) == depth[k] + 1:
                    into.setdefault(e["to"], []).append((k, e))
        for k, options in into.items():
            prev = min(p for p, _ in options)
            parent[k] = prev
            evidence[k] = min((e for p, e in options if p == prev), key=rank)
    rows = []
    for k, (node, d) in raw.found.items():
        via: list[str] = []
        step = parent.get(k)
        while step is not None and step != origin_key:
            via.append(step)
            step = parent.get(step)
        if direction == "up":
            via.reverse()
        edge = evidence.get(k, {})
        if direction == "down":
            lag = lag_days(node["date"], raw.origin["date"])
        else:
            lag = lag_days(raw.origin["date"], node["date"])
        rows.append(
            DocumentRow(
                key=k, number=node["number"], kind=node["kind"], issuer=node["issuer"],
                province=node["province"], level=node["level"], date=node["date"],
                title=node["title"], source=node["sources"][0] if node["sources"] else None,
                depth=d, via=via, relation=edge.get("relation"), scope=edge.get("scope"),
                lag_days=lag, quote=edge.get("quote"), parent=parent.get(k), target=origin_key,
            )
        )  # fmt: skip
    rows.sort(key=lambda r: (r.depth, r.date is None, r.date or "", r.key))
    return rows
