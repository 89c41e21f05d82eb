"""The embedded fast paths of implementers/lineage give the rows of the plain algorithm.

The embedded store answers from a cached index holding each neighbour's evidence edge and
sorts rows by a store-wide (date, key) rank; the Neo4j side gets neither. These tests
recompute the same answers the plain way (evidence ranked among the raw parallel edges,
rows sorted by tuple keys, vias walked from each key) on a synthetic graph with parallel
edges, filters and deep chains, so a shortcut that changes an answer fails here even
where the parity tests' graphs have no such case.
"""

from __future__ import annotations

import pytest

import lexgraph
from lexgraph.graph.build import build_graph
from lexgraph.model import IMPLEMENTING_RELATIONS
from lexgraph.queries.traverse import edge_ok, keep_filter, lag_days, rank_key, row_fields
from lexgraph.synth import synthetic_records


@pytest.fixture(scope="module")
def store() -> lexgraph.Graph:
    return lexgraph.Graph.from_graph(build_graph(synthetic_records(1500, 9000, seed=7)))


def plain_search(adjacency: dict[str, list[str]], origin: str):
    """Depths and smallest-key parents by a plain breadth-first search over keys."""
    depth, parent, frontier = {origin: 0}, {}, [origin]
    while frontier:
        found: set[str] = set()
        for node in frontier:
            for other in adjacency.get(node, ()):
                if other not in depth:
                    depth[other], parent[other] = depth[node] + 1, node
                    found.add(other)
                elif other in found and node < parent[other]:
                    parent[other] = node
        frontier = sorted(found)
    return depth, parent


def plain_rows(g: lexgraph.Graph, key: str, direction: str, relations, scope, keep):
    """The answer computed without the stores' indexes or arrays: a breadth-first search
    over keys, evidence ranked among the raw parallel edges, rows sorted by tuple keys,
    vias walked from each key, lags from the dates."""
    graph = g.backend.graph
    step = graph.pred if direction == "down" else graph.succ
    adjacency = {
        node: sorted(
            other
            for other, parallel in step[node].items()
            if any(edge_ok(d, relations, scope) for d in parallel.values())
        )
        for node in graph
    }
    depth, parent = plain_search(adjacency, key)
    nodes = {k: row_fields({**graph.nodes[k]}) for k in graph}
    keys = [k for k in depth if k != key and (keep is None or keep(k, nodes[k]))]
    keys.sort(key=lambda k: (depth[k], nodes[k][5] is None, nodes[k][5] or "", k))
    rank = rank_key(relations)
    rows = []
    for k in keys:
        citing, cited = (k, parent[k]) if direction == "down" else (parent[k], k)
        options = [(d, i) for i, d in graph[citing][cited].items() if edge_ok(d, relations, scope)]
        edge = min(options, key=lambda o: rank(*o))[0]
        chain, node = [], parent[k]
        while node != key:
            chain.append(node)
            node = parent[node]
        number, kind, issuer, province, level, when, title, source, _ = nodes[k]
        lag = lag_days(when, graph.nodes[key].get("date"))
        rows.append({
            "key": k, "number": number, "kind": kind, "issuer": issuer, "province": province,
            "level": level, "date": when, "title": title, "source": source, "depth": depth[k],
            "via": chain if direction == "down" else chain[::-1],
            "relation": edge.get("relation"), "scope": edge.get("scope"),
            "lag_days": lag if direction == "down" or lag is None else -lag,
            "quote": edge.get("quote"), "parent": parent[k], "target": key,
        })  # fmt: skip
    return rows


def central_keys(g: lexgraph.Graph) -> list[str]:
    graph = g.backend.graph
    keys = [k for k in graph if graph.nodes[k].get("level") in ("central_state", "central_party")]
    return sorted(keys, key=lambda k: -len(graph.pred[k]))[:4]


@pytest.mark.parametrize(
    "options",
    [
        {},
        {"scope": "document"},
        {"scope": "task"},
        {"relations": ("cites", "implements")},
        {"level": "district"},
        {"level": "province", "since": "2016-01-01"},
    ],
)
def test_implementers_match_the_plain_algorithm(store, options) -> None:
    relations = tuple(options.get("relations", IMPLEMENTING_RELATIONS))
    scope = options.get("scope")
    keep = keep_filter(options.get("level"), None, options.get("since"), None)
    for key in central_keys(store):
        got = store.implementers(key, **options).to_dicts()
        assert got, key
        assert got == plain_rows(store, key, "down", relations, scope, keep)


def test_lineage_up_matches_the_plain_algorithm(store) -> None:
    graph = store.backend.graph
    district = [k for k in sorted(graph) if graph.nodes[k].get("level") == "district"][:5]
    for key in district:
        got = store.lineage(key, "up").to_dicts()
        plain = plain_rows(store, key, "up", IMPLEMENTING_RELATIONS, None, None)
        assert got == plain
        assert any(r["via"] for r in got), key


def test_a_filtered_out_parent_still_gives_the_full_via(store) -> None:
    # Only district rows: their parents (province plans) are not rows, yet via names them.
    key = central_keys(store)[0]
    rows = store.implementers(key, level="district")
    deep = [r for r in rows if r.depth > 1]
    assert deep and all(len(r.via) == r.depth - 1 for r in rows)
    assert all(r.via[0] == r.parent for r in deep)
