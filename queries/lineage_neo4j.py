"""Implementers/lineage on Neo4j: the reachable set and its adjacency from the server,
the breadth-first search and rows in Python (queries/traverse.py, shared with the
embedded store, so both stores give identical answers).

Why it is shaped like this (issue 4, "Speed"; docs/benchmarks_queries.md): two queries
in ONE read transaction. The first returns one record of compact lists — each reached
document's key, node id and row fields, and its qualifying edges as integer
[neighbour node id, relationship id] pairs (no keys per edge, no quotes); the second
fetches rank fields and quote of just the kept rows' edges by relationship id, a direct
record read. Ids are only valid within the transaction that read them (Neo4j does not
reuse a freed id while a transaction that may have seen it is open), hence one
transaction. Records are read as raw values (``record[0]``), not ``record.data()``,
whose recursive copy cost more than the decoding itself on 10,000-row answers.
"""

from __future__ import annotations

from typing import Any

from lexgraph.gc_pause import paused_gc
from lexgraph.graph.neo4j_types import DEFAULT_TYPES, type_union
from lexgraph.queries.backends import cypher
from lexgraph.queries.traverse import rank_key, row_fields, search


def fetch_neo4j(backend: Any, key: str, direction: str, relations: tuple[str, ...],
           scope: str | None, max_depth: int | None, keep: Any):  # fmt: skip
    """None when ``key`` is unknown, else (reach, kept keys, row fields, evidence as
    parent -> {key: edge}).

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
    text = cypher(f"reach_{direction}")
    if types != DEFAULT_TYPES:
        text = text.replace(DEFAULT_TYPES, types)
    # The driver logs the server's notifications as warnings; two are expected here: id()
    # is deprecated (for ids kept across transactions; these never leave theirs), and a
    # type of the union may not exist yet (a graph without any CONTINUES edge).
    with (
        backend.session("DEPRECATION") as session,
        paused_gc(),
    ):  # decoded records and rows hold no cycles
        return session.execute_read(_fetch, text, key, scope, max_depth, keep, rank_key(relations))


def _fetch(tx: Any, text: str, key: str, scope: str | None, max_depth: int | None,
           keep: Any, rank: Any):  # fmt: skip
    """The two queries of ``fetch_neo4j`` inside one read transaction ``tx``."""
    found = tx.run(text, key=key, scope=scope).single(strict=True)[0]
    if not found:
        return None
    key_of = {row[1]: row[0] for row in found}
    nodes: dict[str, tuple] = {}
    adjacency: dict[str, list[str]] = {}
    links: dict[str, list[list[int]]] = {}  # key -> its [neighbour id, relationship id]s
    for row in found:
        k, edges = row[0], row[10]
        sources = row[9]
        nodes[k] = (*row[2:9], sources[0] if sources else None)
        adjacency[k] = [key_of[n] for n, _ in edges]
        links[k] = edges
    reach = search(adjacency, key, max_depth)
    keys = reach.order if keep is None else [k for k in reach.order if keep(k, nodes[k])]
    if not keys:
        return reach, keys, nodes, {}
    # The evidence candidates of a kept key: its parent's qualifying edges with it (one,
    # unless parallel edges qualify). Each parent's edges are indexed once: a hub parent
    # may have 100,000 kept neighbours.
    parent = reach.parent
    by_parent: dict[str, dict[str, list[int]]] = {}
    wanted: dict[str, list[int]] = {}
    for k in keys:
        p = parent[k]
        index = by_parent.get(p)
        if index is None:
            index = by_parent[p] = {}
            for n, e in links[p]:
                index.setdefault(key_of[n], []).append(e)
        wanted[k] = index[k]
    ids = [e for found_ids in wanted.values() for e in found_ids]
    fetched = tx.run(cypher("reach_evidence"), ids=ids).single(strict=True)[0]
    # reach_evidence.cypher's fields; a dict display is twice as fast as dict(zip()).
    edges = {
        i: {"kind": kind, "scope": sc, "relation": rel, "start": start, "id": eid, "quote": quote}
        for i, kind, sc, rel, start, eid, quote in fetched
    }
    evidence: dict[str, dict[str, dict]] = {}  # parent -> {key: its evidence edge}
    for k, found_ids in wanted.items():
        if len(found_ids) == 1:
            edge = edges[found_ids[0]]
        else:
            edge = min((edges[e] for e in found_ids), key=rank)
        p = parent[k]
        if p in evidence:
            evidence[p][k] = edge
        else:
            evidence[p] = {k: edge}
    return reach, keys, nodes, evidence
