"""Implementers/lineage on Neo4j: the reachable set and its adjacency from the server,
the breadth-first search and rows in Python (queries/traverse.py, shared with the
embedded store, so both stores give identical answers)."""

from __future__ import annotations

from typing import Any

from lexgraph.graph.neo4j_types import DEFAULT_TYPES, type_union
from lexgraph.queries.backends import cypher
from lexgraph.queries.traverse import pairs, rank_key, row_fields, search

EDGE_FIELDS = ("kind", "scope", "relation", "start", "id", "quote")  # reach_evidence.cypher


def fetch_neo4j(backend: Any, key: str, direction: str, relations: tuple[str, ...],
           scope: str | None, max_depth: int | None, keep: Any):  # fmt: skip
    """The reachable set with its adjacency and row fields in one compact record (quotes
    only of the origin's own edges, the evidence at depth 1), then, when rows deeper
    than 1 are kept, one query for the evidence of just their (document, parent) pairs.

    The relations are relationship types in the query text: the .cypher files name the
    default set, and any other set is replaced by ``type_union``, which keeps only members
    of the fixed whitelist (model.RELATIONS) and spells them itself, so the text comes
    from constants and user input only chooses among them.
    """
    types = type_union(relations)
    if not types:  # no known relation: nothing qualifies, the origin alone
        node = backend.node(key)
        if node is None:
            return None
        return search({}, key, max_depth), [], {key: row_fields(node)}, {}

    def run(name: str, **params: Any) -> list[dict[str, Any]]:
        text = cypher(name)
        if types != DEFAULT_TYPES:
            text = text.replace(DEFAULT_TYPES, types)
        return backend.run_text(text, params)

    params = {"key": key, "scope": scope}
    found = run(f"reach_{direction}", **params)[0]["rows"]
    if not found:
        return None
    nodes: dict[str, tuple] = {}
    adjacency: dict[str, list[str]] = {}
    options: dict[str, list[list[Any]]] = {}  # depth-1 key -> the origin's edges with it
    for row in found:
        k = row[0]
        nodes[k] = (*row[1:8], row[8][0] if row[8] else None)
        adjacency[k] = row[9]
        for edge in row[10] or ():
            options.setdefault(edge[0], []).append(edge[1:])
    reach = search(adjacency, key, max_depth)
    keys = reach.order if keep is None else [k for k in reach.order if keep(k, nodes[k])]
    deeper = [k for k in keys if reach.depth[k] > 1]
    if deeper:
        wanted = pairs(reach, deeper, direction)
        rows = run("reach_evidence", pairs=[list(p) for p in wanted], **params)
        got = {(c, d): edges for c, d, edges in rows[0]["rows"]}
        for k, pair in zip(deeper, wanted, strict=True):
            options[k] = got[pair]
    rank = rank_key(relations)
    evidence = {
        k: min((dict(zip(EDGE_FIELDS, e, strict=True)) for e in options[k]), key=rank) for k in keys
    }
    return reach, keys, nodes, evidence
