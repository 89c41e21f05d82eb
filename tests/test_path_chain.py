"""The chain `path` returns is the shortest one whose key list sorts first, built step by
step from distances (queries/path.py shortest_chain), so neither store lists every
shortest chain: a dense corpus has millions, and a Neo4j query that stopped at the first
thousand picked a different chain than networkx (tests/test_query_parity.py, corpus)."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from lexgraph.queries.path import path_nx


def _graph(seed: int, nodes: int = 60, edges: int = 160) -> nx.MultiDiGraph:
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    keys = [f"{i}/KH-UBND@{2000 + i % 20}" for i in range(nodes)]
    graph.add_nodes_from(keys)
    for n in range(edges):  # string edge ids, as the stores keep them
        u, v = rng.sample(keys, 2)
        graph.add_edge(u, v, key=f"e{n}", relation=rng.choice(["implements", "cites", "based_on"]))
    return graph


def _expected(graph: nx.MultiDiGraph, a: str, b: str) -> list[str] | None:
    for g in (graph, graph.reverse(copy=False), graph.to_undirected(as_view=True)):
        try:
            return min(nx.all_shortest_paths(g, a, b))
        except nx.NetworkXNoPath:
            continue
    return None


@pytest.mark.parametrize("seed", range(6))
def test_the_chain_is_the_smallest_shortest_one(seed: int) -> None:
    graph = _graph(seed)
    rng = random.Random(seed + 100)
    keys = sorted(graph)
    for _ in range(40):
        a, b = rng.sample(keys, 2)
        hops = path_nx(graph, a, b)
        expected = _expected(graph, a, b)
        got = [hops[0].from_key, *(h.to_key for h in hops)] if hops else None
        assert got == expected, (a, b)


def test_a_lattice_with_thousands_of_shortest_chains() -> None:
    # 7 x 7 grid of citations: C(12, 6) = 924 shortest chains corner to corner, and the
    # smallest key list is still the one returned, in one walk.
    graph = nx.MultiDiGraph()
    for i in range(7):
        for j in range(7):
            if i < 6:
                graph.add_edge(f"{i}-{j}/KH", f"{i + 1}-{j}/KH", relation="cites")
            if j < 6:
                graph.add_edge(f"{i}-{j}/KH", f"{i}-{j + 1}/KH", relation="cites")
    hops = path_nx(graph, "0-0/KH", "6-6/KH")
    chain = [hops[0].from_key, *(h.to_key for h in hops)]
    assert chain == min(nx.all_shortest_paths(graph, "0-0/KH", "6-6/KH"))
    assert all(h.direction == "->" for h in hops)
