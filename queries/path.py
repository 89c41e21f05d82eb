"""How two documents are connected: a shortest chain of edges, in either direction.

Among all shortest chains the one whose list of keys sorts first is returned, so both
stores agree; it is built step by step from the distances to the target (shortest_chain),
the same code on both stores, so no store has to list every shortest chain. A directed chain (A cites ... B, or B cites ... A) is preferred; when there
is none, edges are followed in both directions and each hop says which way it points.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
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


Neighbours = Callable[[list[str]], dict[str, Iterable[str]]]


def shortest_chain(
    toward: Neighbours, onward: Neighbours, a: str, b: str, length: int
) -> list[str]:
    """The chain of ``length`` hops from ``a`` to ``b`` whose key list sorts first, given
    that ``length`` is the shortest distance between them.

    ``onward(keys)`` gives each key's next documents along the chain's direction and
    ``toward(keys)`` the documents one step before each key. A breadth-first search from
    ``b`` over ``toward``, ``length - 1`` deep, gives the distance to ``b`` of every
    document that can stand on a shortest chain after ``a``; the chain then walks from
    ``a``, taking at each step the smallest key one step closer. This is the smallest of
    all shortest chains, found without listing them (a dense graph has millions)."""
    distance = {b: 0}
    frontier = [b]
    for depth in range(1, length):
        found = toward(sorted(frontier))
        nxt = []
        for key in frontier:
            for other in found.get(key, ()):
                if other not in distance:
                    distance[other] = depth
                    nxt.append(other)
        frontier = nxt
    chain = [a]
    for remaining in range(length - 1, -1, -1):
        here = chain[-1]
        chain.append(min(k for k in onward([here]).get(here, ()) if distance.get(k) == remaining))
    return chain


def _chain(lengths, toward_out: Neighbours, toward_in: Neighbours, a: str, b: str, max_hops: int):
    """(chain, backward) for the first of: a directed chain a -> b, one b -> a (read from
    a), a chain over edges either way; (None, False) when none is within ``max_hops``.
    ``lengths(variant)`` is the shortest distance for 'forward', 'backward' or 'any', None
    when there is no chain that way."""

    def both(keys: list[str]) -> dict[str, Iterable[str]]:
        out, inn = toward_out(keys), toward_in(keys)
        return {k: {*out.get(k, ()), *inn.get(k, ())} for k in keys}

    for variant, backward, toward, onward in (
        ("forward", False, toward_in, toward_out),  # a cites ... b
        ("backward", True, toward_out, toward_in),  # b cites ... a
        ("any", False, both, both),
    ):
        length = lengths(variant)
        if length is not None and 0 < length <= max_hops:
            return shortest_chain(toward, onward, a, b, length), backward
    return None, False


def path_nx(graph: Any, a: str, b: str, max_hops: int = 12) -> list[PathHop] | None:
    """None when either key is unknown; [] when they are not connected."""
    import networkx as nx

    if a not in graph or b not in graph:
        return None
    if a == b:
        return []
    succ, pred = graph._succ, graph._pred  # the raw dicts: no views per call

    def out(keys: list[str]) -> dict[str, Iterable[str]]:
        return {k: succ[k] for k in keys}

    def inn(keys: list[str]) -> dict[str, Iterable[str]]:
        return {k: pred[k] for k in keys}

    views = {"forward": graph, "backward": graph.reverse(copy=False),
             "any": graph.to_undirected(as_view=True)}  # fmt: skip

    def lengths(variant: str) -> int | None:
        try:  # networkx searches from both ends
            return nx.shortest_path_length(views[variant], a, b)
        except nx.NetworkXNoPath:
            return None

    chain, backward = _chain(lengths, out, inn, a, b, max_hops)
    if chain is None:
        return []

    def lookup(u: str, v: str) -> list[dict[str, Any]]:
        data = graph.get_edge_data(u, v) or {}
        return [{**d, "id": k} for k, d in data.items()]

    return hops(chain, lookup, backward)


def path_cypher(backend: Any, a: str, b: str, max_hops: int = 12) -> list[PathHop] | None:
    if backend.node(a) is None or backend.node(b) is None:
        return None
    if a == b:
        return []

    def neighbours(name: str) -> Neighbours:
        def find(keys: list[str]) -> dict[str, Iterable[str]]:
            return {r["key"]: r["next"] for r in backend.run(name, keys=keys)}

        return find

    def lengths(variant: str) -> int | None:
        rows = backend.run(f"path_length_{variant}", a=a, b=b)
        return rows[0]["hops"] if rows else None

    chain, backward = _chain(lengths, neighbours("path_out"), neighbours("path_in"), a, b, max_hops)
    if chain is None:
        return []
    pairs = [[u, v] for u, v in zip(chain, chain[1:], strict=False)]
    pairs += [[v, u] for u, v in pairs]
    edges: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in backend.run("path_edges", pairs=pairs):
        edges.setdefault((row["u"], row["v"]), []).append(row["props"])
    return hops(chain, lambda u, v: edges.get((u, v), []), backward=backward)


def path(backend: Any, a: str, b: str, max_hops: int = 12) -> list[PathHop] | None:
    if backend.is_neo4j:
        return path_cypher(backend, a, b, max_hops)
    return path_nx(backend.graph, a, b, max_hops)
