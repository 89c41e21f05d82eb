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

import numpy as np

from lexgraph.gc_pause import paused_gc
from lexgraph.graph.neo4j_types import DEFAULT_TYPES, type_union
from lexgraph.queries.backends import cypher
from lexgraph.queries.traverse import (
    Documents,
    Edges,
    Reach,
    day_number,
    evidence_of,
    kept,
    rank_key,
    row_fields,
    search,
)


def fetch_neo4j(backend: Any, key: str, direction: str, relations: tuple[str, ...],
           scope: str | None, max_depth: int | None, keep: Any):  # fmt: skip
    """None when ``key`` is unknown, else (documents, reach, kept ids, evidence by edge
    position), as ``lineage._embedded`` gives them.

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
        documents = Documents.of({key: row_fields(node)})
        found = search(Edges.of(documents, {}), 0, max_depth)
        return documents, found, found.reached, []
    if backend.has_procedure("lexgraph.reach"):
        with backend.session() as session, paused_gc():
            return session.execute_read(
                _call_procedure, key, direction, types.split("|"), relations, scope, max_depth, keep
            )
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
    fields: dict[str, tuple] = {}
    # key -> {neighbour key: its relationship ids}: parallel qualifying edges are one edge
    # of the search, whose evidence is ranked among them once the search has kept it.
    links: dict[str, dict[str, list[int]]] = {}
    for row in found:
        k, sources = row[0], row[9]
        fields[k] = (*row[2:9], sources[0] if sources else None, day_number(row[7]))
        by_neighbour: dict[str, list[int]] = {}
        for n, e in row[10]:
            other = key_of[n]
            if other in by_neighbour:
                by_neighbour[other].append(e)
            else:
                by_neighbour[other] = [e]
        links[k] = by_neighbour
    documents = Documents.of(fields)
    edges = Edges.of(documents, links)
    reach = search(edges, documents.index[key], max_depth)
    ids = kept(documents, reach, keep)
    if not ids.size:
        return documents, reach, ids, {}
    positions = reach.edge[ids].tolist()
    wanted = [e for p in positions for e in edges.evidence[p]]
    fetched = tx.run(cypher("reach_evidence"), ids=wanted).single(strict=True)[0]
    # reach_evidence.cypher's fields; a dict display is twice as fast as dict(zip()).
    by_id = {
        i: {"kind": kind, "scope": sc, "relation": rel, "start": start, "id": eid, "quote": quote}
        for i, kind, sc, rel, start, eid, quote in fetched
    }
    evidence: dict[int, tuple] = {}  # edge position -> its evidence_of
    for p in positions:
        candidates = edges.evidence[p]
        if len(candidates) == 1:
            edge = by_id[candidates[0]]
        else:
            edge = min((by_id[e] for e in candidates), key=rank)
        evidence[p] = evidence_of(edge)
    return documents, reach, ids, evidence


def _call_procedure(tx: Any, key: str, direction: str, types: list[str],
                    relations: tuple[str, ...], scope: str | None, max_depth: int | None,
                    keep: Any):  # fmt: skip
    """The search run inside the server (``lexgraph.reach``, scripts/neo4j-launcher): one
    record of parallel lists, the origin first, each reached document with its depth, its
    parent (an index into the lists) and the evidence of its edge to the parent."""
    record = tx.run(
        cypher("reach_procedure"), key=key, direction=direction, types=types,
        relations=list(relations), scope=scope, max_depth=-1 if max_depth is None else max_depth,
    ).single()  # fmt: skip
    if record is None:
        return None
    keys, depths, parents, fields, evidence = record
    documents = Documents.of({k: (*f, day_number(f[5])) for k, f in zip(keys, fields, strict=True)})
    n = len(keys)
    ids = np.fromiter(map(documents.index.__getitem__, keys), dtype=np.int64, count=n)
    depth = np.full(n, -1, dtype=np.int32)
    depth[ids] = depths
    parent = np.zeros(n, dtype=np.int64)
    parent[ids[1:]] = ids[np.array(parents[1:], dtype=np.int64)]
    edge = np.zeros(n, dtype=np.int64)
    edge[ids] = np.arange(n, dtype=np.int64)  # a document's evidence is at its position
    reached = ids[1:]
    reached = reached[np.lexsort((reached, depth[reached]))]
    reach = Reach(int(ids[0]), depth, parent, edge, reached)
    return documents, reach, kept(documents, reach, keep), [e and tuple(e) for e in evidence]
