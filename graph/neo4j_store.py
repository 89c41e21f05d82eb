"""The Neo4j store: load the embedded graph into Neo4j fast, idempotently, and read it back.

Model in Neo4j (the queries rely on it):

- ``(:Document {key, kind, number, year, issuer, level, province, district, date, title,
  signer, ingested, unresolved, sources, ...})``, one per graph node, ``key`` unique;
- ``(:Document)-[:IMPLEMENTS|CONTINUES|BASED_ON|GUIDES|AMENDS|REPLACES|REPEALS|CORRECTS|
  CONSOLIDATES|CITES {id, relation, scope, section, quote, start, end, source, sources,
  kind, ...}]->(:Document)``, one per graph edge (citing -> cited), its type the relation
  in upper case (graph/neo4j_types.py; ``relation`` is kept as a property too); ``id`` is
  the graph's stable edge key, so a relationship is MERGEd on it.

Why it is built this way:

- Batched ``UNWIND $rows ... MERGE`` inside managed write transactions (``execute_write``,
  which retries transient failures): one round trip per few thousand rows instead of one
  per row. Values travel as parameters only; the one thing in the query text that varies
  is the relationship type, a constant picked from the relation whitelist (an edge whose
  relation is not in it is refused before anything is written).
- ``SET x = row.props`` replaces every property, so loading the same graph twice leaves
  identical nodes, relationships and properties; MERGE on ``key`` / ``id`` means a load cut
  short by a crash can simply be run again: committed batches are matched, not duplicated.
- All sessions share the driver's bookmark manager, so a read after a load sees it on a
  cluster or Aura too; ``neo4j://`` and ``neo4j+s://`` routing URIs and a database name
  work unchanged.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import networkx as nx
from neo4j import Driver, Session

from lexgraph.graph import neo4j_first_load as first_load
from lexgraph.graph.neo4j_connect import _WHERE, Neo4jSettings, _fail, _session, connect
from lexgraph.graph.neo4j_errors import Neo4jStoreError
from lexgraph.graph.neo4j_types import ALL_TYPES, TYPES, rel_type
from lexgraph.graph.search_text import INDEX as SEARCH_INDEX
from lexgraph.graph.search_text import PROPERTY as SEARCH_PROPERTY
from lexgraph.graph.search_text import search_text

__all__ = [
    "LoadStats",
    "check_relations",
    "Neo4jSettings",
    "Neo4jStoreError",
    "clear",
    "connect",
    "counts",
    "ensure_schema",
    "load_graph",
    "read_graph",
]

LABEL = "Document"
REL = ALL_TYPES  # every edge type, for reads, counts and clear
# The attributes the graph contract defines; read_graph restores them as None when Neo4j
# holds no property (Neo4j cannot store null), so the two graphs compare equal.
NODE_PROPS = (
    "key", "kind", "number", "year", "issuer", "level", "province", "district", "date",
    "title", "signer", "ingested", "sources", "unresolved", "province_2025",
)  # fmt: skip
EDGE_PROPS = (
    "relation", "scope", "section", "quote", "start", "end", "source", "sources", "kind",
    "file", "resolved",
)  # fmt: skip

Progress = Callable[[str, int, int], None]  # (phase, rows done, rows total)


@dataclass
class LoadStats:
    """What a load did; ``created`` counts are 0 when the graph was already there."""

    nodes: int = 0
    edges: int = 0
    batches: int = 0
    nodes_created: int = 0
    edges_created: int = 0
    seconds: float = 0.0

    @property
    def rows_per_second(self) -> float:
        return (self.nodes + self.edges) / self.seconds if self.seconds else 0.0

    def __str__(self) -> str:
        return (
            f"{self.nodes} documents, {self.edges} edges ({self.nodes_created} and "
            f"{self.edges_created} new) in {self.seconds:.1f}s, {self.rows_per_second:,.0f} rows/s"
        )


SCHEMA = (
    f"CREATE CONSTRAINT document_key IF NOT EXISTS FOR (d:{LABEL}) REQUIRE d.key IS UNIQUE",
    *(
        f"CREATE INDEX document_{name} IF NOT EXISTS FOR (d:{LABEL}) ON (d.{name})"
        for name in ("province", "level", "kind", "number", "year", "issuer")
    ),
    f"CREATE FULLTEXT INDEX document_text IF NOT EXISTS FOR (d:{LABEL}) ON EACH [d.title, d.issuer]",
    # Accent-insensitive search (queries/search.cypher): the folded words, split on spaces
    # only, so Lucene's terms are exactly the words graph/search_text.py makes.
    f"CREATE FULLTEXT INDEX {SEARCH_INDEX} IF NOT EXISTS FOR (d:{LABEL}) "
    f"ON EACH [d.{SEARCH_PROPERTY}] OPTIONS {{indexConfig: {{`fulltext.analyzer`: 'whitespace'}}}}",
    first_load.SCHEMA,
)
# No relationship index: the traversals select edges by type, not by the relation
# property. No constraint or index on the edge id: the edge MERGE binds both documents first and checks
# the citing document's few relationships (Expand(Into)), and maintaining a unique index on
# a million relationship ids halved the load rate (docs/benchmarks_neo4j.md). A database
# that has one from an older lexgraph keeps it; counts() reports duplicate ids either way.


def ensure_schema(driver: Driver, database: str | None = None, wait_seconds: int = 300) -> None:
    """Create the constraint and indexes the loader and the queries need (idempotent)."""
    try:
        with _session(driver, database) as session:
            for statement in SCHEMA:
                session.run(statement).consume()
            session.run("CALL db.awaitIndexes($seconds)", seconds=wait_seconds).consume()
    except Neo4jStoreError:
        raise
    except Exception as error:
        raise _fail(driver, error, database) from None


def _value(value: Any) -> Any:
    """A Neo4j property value: scalars and homogeneous lists pass, the rest becomes JSON."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple):
        items = list(value)
        if all(isinstance(item, str) for item in items):
            return items
        if all(
            isinstance(item, bool | int | float) and not isinstance(item, bool) for item in items
        ):
            return items
    return json.dumps(value, ensure_ascii=False, default=str)


def _props(attrs: dict[str, Any]) -> dict[str, Any]:
    """Non-null properties; the common types are checked inline (a million edges per load)."""
    out = {}
    for name, value in attrs.items():
        kind = type(value)
        if kind is str or kind is int or kind is bool or kind is float:
            out[name] = value
        elif value is None:
            continue
        elif kind is list and all(type(item) is str for item in value):
            out[name] = value
        else:
            out[name] = _value(value)
    return out


def _node_rows(graph: nx.MultiDiGraph) -> Iterator[dict[str, Any]]:
    for key, attrs in graph.nodes(data=True):
        props = _props(attrs)
        props["key"] = key = str(key)
        text = search_text(attrs)
        if text:
            props[SEARCH_PROPERTY] = text
        yield {"key": key, "props": props}


def check_relations(graph: nx.MultiDiGraph) -> None:
    """Refuse a graph with an edge whose relation is not a known one, before any write:
    the relation names the relationship type, and only whitelisted types are written."""
    for u, v, k, relation in graph.edges(keys=True, data="relation"):
        if rel_type(relation) is None:
            raise Neo4jStoreError(
                f"edge {k!r} ({u} -> {v}) has relation {relation!r}, not one of "
                f"{', '.join(TYPES)}; nothing was loaded"
            )


def _edge_batches(
    graph: nx.MultiDiGraph, size: int, queries: dict[str, tuple[str, ...]] | None = None
) -> Iterator[tuple[tuple[str, ...], list[dict[str, Any]]]]:
    """(statements, rows) batches, one relation (one relationship type) per batch;
    ``queries`` maps a relation to its statements (default EDGE_QUERIES).

    Edges come grouped by citing document (networkx's adjacency order) and each relation
    fills its own batch, so a batch still touches few start nodes, in the order they were
    created, which keeps the server's pages hot.
    """
    queries = EDGE_QUERIES if queries is None else queries
    pending: dict[str, list[dict[str, Any]]] = {}
    for u, v, k, attrs in graph.edges(keys=True, data=True):
        props = _props(attrs)
        props["id"] = edge_id = str(k)
        relation = attrs["relation"]
        batch = pending.setdefault(relation, [])
        batch.append({"u": str(u), "v": str(v), "id": edge_id, "props": props})
        if len(batch) >= size:
            yield queries[relation], pending.pop(relation)
    for relation, batch in pending.items():
        yield queries[relation], batch


NODE_QUERY = f"UNWIND $rows AS row MERGE (d:{LABEL} {{key: row.key}}) SET d = row.props"
NODE_QUERIES = (NODE_QUERY,)
# Per relationship type (a constant from the whitelist), two statements run in one
# transaction: MERGE the batch's edges, then remove an edge with the same id and another
# type between the same two documents (the edge's relation was corrected, or the database
# holds the older one-``:CITES`` model). One transaction, so a crash never leaves both or
# neither. Two statements, not one: a MERGE and a DELETE in one query are planned with
# Eager barriers, which made the load 8x slower (17 s instead of 2.1 s for 31,776 edges);
# the separate DELETE costs ~25%.
EDGE_QUERIES: dict[str, tuple[str, ...]] = {
    relation: (
        f"UNWIND $rows AS row "
        f"MATCH (a:{LABEL} {{key: row.u}}) MATCH (b:{LABEL} {{key: row.v}}) "
        f"MERGE (a)-[r:{rtype} {{id: row.id}}]->(b) SET r = row.props",
        f"UNWIND $rows AS row "
        f"MATCH (a:{LABEL} {{key: row.u}}) MATCH (b:{LABEL} {{key: row.v}}) "
        f"MATCH (a)-[old]->(b) WHERE old.id = row.id AND NOT old:{rtype} DELETE old",
    )
    for relation, rtype in TYPES.items()
}
# Into a database that held no relationship when the load began, nothing can be matched
# or stale (a MultiDiGraph's edge keys are unique per pair of documents): each edge is
# CREATEd, one statement, no check of the citing document's relationships. A load cut
# short leaves relationships behind, so running it again takes EDGE_QUERIES; of two loads
# started together, only one may CREATE (graph/neo4j_first_load.py).
EDGE_CREATES: dict[str, tuple[str, ...]] = {
    relation: (
        f"UNWIND $rows AS row "
        f"MATCH (a:{LABEL} {{key: row.u}}) MATCH (b:{LABEL} {{key: row.v}}) "
        f"CREATE (a)-[r:{rtype}]->(b) SET r = row.props",
    )
    for relation, rtype in TYPES.items()
}


def _batches(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _write_batch(
    tx: Any, queries: tuple[str, ...] | str, rows: list[dict[str, Any]]
) -> tuple[int, int]:
    """Run each statement over the batch's rows, in this one transaction."""
    nodes = edges = 0
    for query in (queries,) if isinstance(queries, str) else queries:
        counters = tx.run(query, rows=rows).consume().counters
        nodes += counters.nodes_created
        edges += counters.relationships_created
    return nodes, edges


def _send(
    driver: Driver,
    database: str | None,
    batches: Iterator[tuple[tuple[str, ...], list[dict[str, Any]]]],
    workers: int,
    done: Callable[[tuple[int, int], int], None],
) -> None:
    """Write ``batches`` with ``workers`` sessions while this thread prepares the next ones.

    Why: building a batch's rows costs the client about as much as the server spends
    committing it, so the two overlap (pipelining). Batches are reported to ``done`` in
    order; a failed batch raises here after the in-flight ones have finished. With
    several workers, concurrent batches may deadlock on a shared document: the server
    reports that as transient and ``execute_write`` retries it.
    """
    local = threading.local()
    sessions: list[Session] = []

    def write(item: tuple[tuple[str, ...], list[dict[str, Any]]]) -> tuple[tuple[int, int], int]:
        query, batch = item
        session = getattr(local, "session", None)
        if session is None:
            session = local.session = _session(driver, database)
            sessions.append(session)
        return session.execute_write(_write_batch, query, batch), len(batch)

    pending: deque[Any] = deque()
    try:
        with ThreadPoolExecutor(max(1, workers), thread_name_prefix="lexgraph-load") as pool:
            try:
                for batch in batches:
                    pending.append(pool.submit(write, batch))
                    while len(pending) > workers:
                        done(*pending.popleft().result())
                while pending:
                    done(*pending.popleft().result())
            finally:
                for future in pending:
                    future.cancel()
    finally:
        for session in sessions:
            session.close()


def load_graph(
    driver: Driver,
    graph: nx.MultiDiGraph,
    database: str | None = None,
    batch_size: int = 10_000,
    progress: Progress | None = None,
    workers: int = 1,
) -> LoadStats:
    """MERGE every node, then every edge, in batches; safe to run again after any failure.

    Nodes first (the uniqueness constraint backs each MERGE and each edge's two MATCHes),
    then edges, one relationship type per batch: MERGEd on their id, or simply CREATEd
    when the database held no relationship at all when the load began (the edge phase's
    cost halves); such a first load holds a marker, and any other load started meanwhile
    stops before writing with ``LoadInProgress`` (graph/neo4j_first_load.py). ``workers``
    > 1 writes batches from that many sessions at once. An edge with an unknown relation
    is refused before any write.
    """
    check_relations(graph)
    stats = LoadStats()
    started = time.perf_counter()
    claim: first_load.Claim | None = None
    claimed = False
    try:
        with _session(driver, database) as session:
            claim = first_load.claim(session, _where(driver, database))
        claimed = claim.mode == first_load.CREATE
        edge_queries = EDGE_CREATES if claimed else EDGE_QUERIES
        node_batches = ((NODE_QUERIES, rows) for rows in _batches(_node_rows(graph), batch_size))
        phases = (
            ("documents", node_batches, graph.number_of_nodes()),
            ("edges", _edge_batches(graph, batch_size, edge_queries), graph.number_of_edges()),
        )
        for phase, batches, total in phases:
            done = 0

            def finished(created: tuple[int, int], size: int) -> None:
                nonlocal done
                done += size
                stats.batches += 1
                stats.nodes_created += created[0]
                stats.edges_created += created[1]
                if claimed and claim.beat_due():  # type: ignore[union-attr]
                    _beat(driver, database)
                if progress is not None:
                    progress(phase, done, total)  # noqa: B023 - called within this iteration

            _send(driver, database, batches, workers, finished)
            if phase == "documents":
                stats.nodes = done
            else:
                stats.edges = done
    except Neo4jStoreError:
        raise
    except Exception as error:
        raise _fail(driver, error, database) from None
    finally:
        if claim is not None:
            claim.end()  # even if the marker cannot be removed (server gone): not running
        if claimed:
            _release(driver, database)
    stats.seconds = time.perf_counter() - started
    return stats


def _where(driver: Driver, database: str | None) -> str:
    uri = _WHERE.get(driver, ("Neo4j", ""))[0]
    return f"{uri} ({database or 'the default database'})"


def _beat(driver: Driver, database: str | None) -> None:
    with _session(driver, database) as session:
        first_load.beat(session)


def _release(driver: Driver, database: str | None) -> None:
    try:
        with _session(driver, database) as session:
            first_load.release(session)
    except Exception as error:
        raise _fail(driver, error, database) from None


def _read(driver: Driver, database: str | None, query: str) -> list[Any]:
    try:
        with _session(driver, database, write=False) as session:
            return session.execute_read(lambda tx: list(tx.run(query)))
    except Exception as error:
        raise _fail(driver, error, database) from None


def read_graph(driver: Driver, database: str | None = None) -> nx.MultiDiGraph:
    """The stored graph as a MultiDiGraph with the embedded graph's attribute contract."""
    graph = nx.MultiDiGraph()
    for record in _read(driver, database, f"MATCH (d:{LABEL}) RETURN properties(d) AS p"):
        props = dict(record["p"])
        props.pop(SEARCH_PROPERTY, None)  # derived at load time, not part of the graph
        graph.add_node(props["key"], **{**dict.fromkeys(NODE_PROPS), **props})
    query = f"MATCH (a:{LABEL})-[r:{REL}]->(b:{LABEL}) RETURN a.key AS u, b.key AS v, properties(r) AS p"
    for record in _read(driver, database, query):
        props = dict(record["p"])
        edge_id = props.pop("id")
        graph.add_edge(
            record["u"], record["v"], key=edge_id, **{**dict.fromkeys(EDGE_PROPS), **props}
        )
    return graph


def counts(driver: Driver, database: str | None = None) -> dict[str, int]:
    """Documents, edges, ingested and unresolved documents, and duplicate edge ids (0)."""
    nodes_query = (
        f"MATCH (d:{LABEL}) RETURN count(d) AS nodes, "
        "count(CASE WHEN d.ingested THEN 1 END) AS ingested, "
        "count(CASE WHEN d.unresolved THEN 1 END) AS unresolved"
    )
    edges_query = (
        f"MATCH ()-[r:{REL}]->() RETURN count(r) AS edges, "
        "count(r) - count(DISTINCT r.id) AS duplicate_edge_ids"
    )
    (nodes,) = _read(driver, database, nodes_query)
    (edges,) = _read(driver, database, edges_query)
    return {**dict(nodes), **dict(edges)}


def _delete_some(tx: Any, query: str, size: int) -> int:
    return tx.run(query, size=size).single()["n"]


def clear(driver: Driver, database: str | None = None, batch_size: int = 50_000) -> None:
    """Delete every edge, then every Document, a bounded batch per transaction.

    Edges first: a DETACH DELETE of a hub document cited a hundred thousand times would be
    one transaction past the server's transaction memory limit.
    """
    edges = f"MATCH ()-[r:{REL}]->() WITH r LIMIT $size DELETE r RETURN count(*) AS n"
    nodes = f"MATCH (d:{LABEL}) WITH d LIMIT $size DETACH DELETE d RETURN count(*) AS n"
    try:
        with _session(driver, database) as session:
            for query in (edges, nodes):
                while session.execute_write(_delete_some, query, batch_size):
                    pass
            first_load.release(session)  # a marker left by a load that was killed
    except Exception as error:
        raise _fail(driver, error, database) from None
