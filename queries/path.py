"""How two documents are connected: a shortest chain of edges, in either direction.

Among all shortest chains the one whose list of keys sorts first is returned, so both
stores agree. A directed chain (A cites ... B, or B cites ... A) is preferred; when there
is none, edges are followed in both directions and each hop says which way it points.
"""

from __future__ import annotations

from typing import Any

from lexgraph.queries.results import PathHop

_RANK = ("implements", "continues", "based_on")


def _best_edge(edges: list[dict[str, Any]]) -> dict[str, Any]:
    def rank(e: dict[str, Any]) -> tuple:
        rel = e.get("relation")
        return (rel not in _RANK, _RANK.index(rel) if rel in _RANK else 0, rel or "",
                e.get("kind") != "citation", e.get("scope") != "document", e.get("id") or "")  # fmt: skip

    return min(edges, key=rank)


def hops(keys: list[str], edge_lookup: Any, backward: bool = False) -> list[PathHop]:
    """Hop rows for a chain of keys; ``edge_lookup(a, b)`` gives the a->b edges' data.

    Each hop takes an edge in the chain's own direction when there is one (a backward
    chain reads ``<-`` even if the two documents also cite each other the other way)."""
    out = []
    for i, (a, b) in enumerate(zip(keys, keys[1:], strict=False), start=1):
        first, second = ((b, a, "<-"), (a, b, "->")) if backward else ((a, b, "->"), (b, a, "<-"))
        edges, direction = edge_lookup(first[0], first[1]), first[2]
        if not edges:
            edges, direction = edge_lookup(second[0], second[1]), second[2]
        edge = _best_edge(edges)
        out.append(PathHop(i, a, b, direction, edge.get("relation"), edge.get("scope"),
                           edge.get("quote")))  # fmt: skip
    return out


def path_nx(graph: Any, a: str, b: str, max_hops: int = 12) -> list[PathHop] | None:
    """None when either key is unknown; [] when they are not connected."""
    import networkx as nx

    if a not in graph or b not in graph:
        return None
    if a == b:
        return []
    best: list[str] | None = None
    chosen_backward = False
    variants = (graph, graph.reverse(copy=False), graph.to_undirected(as_view=True))
    for backward, g in zip((False, True, False), variants, strict=True):
        try:
            paths = list(nx.all_shortest_paths(g, a, b))
        except nx.NetworkXNoPath:
            continue
        if len(paths[0]) - 1 > max_hops:
            continue
        best, chosen_backward = min(paths), backward
        break
    if best is None:
        return []

    def lookup(u: str, v: str) -> list[dict[str, Any]]:
        data = graph.get_edge_data(u, v) or {}
        return [{**d, "id": k} for k, d in data.items()]

    return hops(best, lookup, chosen_backward)


def path_cypher(backend: Any, a: str, b: str, max_hops: int = 12) -> list[PathHop] | None:
    if backend.node(a) is None or backend.node(b) is None:
        return None
    if a == b:
        return []
    for name in ("path_forward", "path_backward", "path_any"):
        rows = backend.run(name, a=a, b=b, max_hops=max_hops)
        if rows:
            best = min(rows, key=lambda r: r["keys"])
            edges: dict[tuple[str, str], list[dict[str, Any]]] = {}
            for row in rows:
                if row["keys"] != best["keys"]:
                    continue
                for e in row["edges"]:
                    edges.setdefault((e["u"], e["v"]), []).append(e["props"])
            return hops(best["keys"], lambda u, v, found=edges: found.get((u, v), []),
                        backward=name == "path_backward")  # fmt: skip
    return []


def path(backend: Any, a: str, b: str, max_hops: int = 12) -> list[PathHop] | None:
    if backend.is_neo4j:
        return path_cypher(backend, a, b, max_hops)
    return path_nx(backend.graph, a, b, max_hops)
