"""The Neo4j store: load the embedded graph into Neo4j fast, idempotently, and read it back.

Model in Neo4j (the queries rely on it):

- ``(:Document {key, kind, number, year, issuer, level, province, district, date, title,
  signer, ingested, unresolved, sources, ...})``, one per graph node, ``key`` unique;
- ``(:Document)-[:CITES {id, relation, scope, section, quote, start, end, source, sources,
  kind, ...}]->(:Document)``, one per graph edge (citing -> cited); ``id`` is the graph's
  stable edge key, so a relationship is MERGEd on it.

Why it is built this way:

- Batched ``UNWIND $rows ... MERGE`` inside managed write transactions (``execute_write``,
  which retries transient failures): one round trip per few thousand rows instead of one
  per row. Values travel as parameters only; nothing is pasted into Cypher.
- ``SET x = row.props`` replaces every property, so loading the same graph twice leaves
  identical nodes, relationships and properties; MERGE on ``key`` / ``id`` means a load cut
  short by a crash can simply be run again: committed batches are matched, not duplicated.
- All sessions share the driver's bookmark manager, so a read after a load sees it on a
  cluster or Aura too; ``neo4j://`` and ``neo4j+s://`` routing URIs and a database name
  work unchanged.
"""

from __future__ import annotations

import getpass
import json
import os
import time
import weakref
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
from lexgraph.graph.neo4j_errors import Neo4jStoreError, check_version, translate
from neo4j import READ_ACCESS, WRITE_ACCESS, Driver, GraphDatabase, Session
from neo4j import exceptions as neo4j_exc

__all__ = [
    "LoadStats",
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
REL = "CITES"
# The attributes the graph contract defines; read_graph restores them as None when Neo4j
# holds no property (Neo4j cannot store null), so the two graphs compare equal.
NODE_PROPS = (
    "key", "kind", "number", "year", "issuer", "level", "province", "district", "date",
    "title", "signer", "ingested", "sources", "unresolved",
)  # fmt: skip
EDGE_PROPS = (
    "relation", "scope", "section", "quote", "start", "end", "source", "sources", "kind",
    "file", "resolved",
)  # fmt: skip

# driver -> (uri, username), for error messages raised after connect (never the password).
_WHERE: weakref.WeakKeyDictionary[Driver, tuple[str, str]] = weakref.WeakKeyDictionary()

Progress = Callable[[str, int, int], None]  # (phase, rows done, rows total)


def _local_instance() -> tuple[str | None, Path | None]:
    """The URI and password file of a server started by ``scripts/neo4j``, if any."""
    cache = Path(
        os.environ.get("LEXGRAPH_CACHE")
        or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "lexgraph"
    )
    run = Path(os.environ.get("LEXGRAPH_NEO4J_DIR") or cache / "neo4j" / "instance")
    port_file, password_file = run / "neo4j.port", run / "password"
    if not port_file.is_file():
        return None, None
    uri = f"bolt://127.0.0.1:{port_file.read_text().strip()}"
    return uri, password_file if password_file.is_file() else None


@dataclass
class Neo4jSettings:
    """Where and how to connect. The password is kept out of repr() and every message."""

    uri: str = "bolt://127.0.0.1:7687"
    username: str = "neo4j"
    password: str = field(default="", repr=False)
    database: str | None = None
    retry_seconds: float = 30.0  # how long execute_write keeps retrying a failing batch

    @classmethod
    def from_env(cls, database: str | None = None, prompt: bool = False) -> Neo4jSettings:
        """NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE (Neo4j's own names).

        Without NEO4J_URI, a server started by ``scripts/neo4j start`` is used (its port and
        its password file). Without a password, ``prompt`` asks on the terminal; the
        password is never taken from the command line. Never raises: a missing password is
        reported by ``connect``.
        """
        env = os.environ
        uri = env.get("NEO4J_URI")
        password = env.get("NEO4J_PASSWORD")
        if not uri:
            local_uri, password_file = _local_instance()
            uri = local_uri or cls.uri
            if password is None and password_file is not None:
                password = password_file.read_text().strip()
        if password is None and prompt:
            password = getpass.getpass(
                f"Neo4j password for {env.get('NEO4J_USERNAME', 'neo4j')} at {uri}: "
            )
        return cls(
            uri=uri,
            username=env.get("NEO4J_USERNAME") or "neo4j",
            password=password or "",
            database=database or env.get("NEO4J_DATABASE") or None,
        )


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


def connect(settings: Neo4jSettings) -> Driver:
    """A driver that has reached the server and the database, or one clear error line."""
    if not settings.password:
        raise Neo4jStoreError(
            f"no password for Neo4j at {settings.uri}: set NEO4J_PASSWORD "
            "(or run `scripts/neo4j start`, whose password file is used automatically)"
        )
    try:
        driver = GraphDatabase.driver(
            settings.uri,
            auth=(settings.username, settings.password),
            max_transaction_retry_time=settings.retry_seconds,
            connection_timeout=15.0,
            user_agent="lexgraph",
        )
    except Exception as error:  # bad URI scheme and the like
        raise translate(error, settings.uri, settings.username, settings.database) from None
    try:
        driver.verify_connectivity()
        records, _, _ = driver.execute_query(
            "CALL dbms.components() YIELD versions RETURN versions[0] AS version",
            database_=settings.database,
            routing_="r",
        )
    except Exception as error:
        driver.close()
        raise translate(error, settings.uri, settings.username, settings.database) from None
    _WHERE[driver] = (settings.uri, settings.username)
    if records:
        try:
            check_version(str(records[0]["version"]), settings.uri)
        except Neo4jStoreError:
            driver.close()
            raise
    return driver


def _session(driver: Driver, database: str | None, write: bool = True) -> Session:
    return driver.session(
        database=database,
        default_access_mode=WRITE_ACCESS if write else READ_ACCESS,
        bookmark_manager=driver.execute_query_bookmark_manager,
    )


def _fail(driver: Driver, error: BaseException, database: str | None) -> Neo4jStoreError:
    uri, username = _WHERE.get(driver, ("the server", "?"))
    return translate(error, uri, username, database)


SCHEMA = (
    f"CREATE CONSTRAINT document_key IF NOT EXISTS FOR (d:{LABEL}) REQUIRE d.key IS UNIQUE",
    *(
        f"CREATE INDEX document_{name} IF NOT EXISTS FOR (d:{LABEL}) ON (d.{name})"
        for name in ("province", "level", "kind", "number", "year", "issuer")
    ),
    f"CREATE INDEX cites_relation IF NOT EXISTS FOR ()-[r:{REL}]-() ON (r.relation)",
    f"CREATE FULLTEXT INDEX document_text IF NOT EXISTS FOR (d:{LABEL}) ON EACH [d.title, d.issuer]",
)
# A uniqueness constraint on the edge id (Neo4j 5.7+) also backs the MERGE with an index;
# an older server gets a plain relationship index instead.
EDGE_ID_CONSTRAINT = (
    f"CREATE CONSTRAINT cites_id IF NOT EXISTS FOR ()-[r:{REL}]-() REQUIRE r.id IS UNIQUE"
)
EDGE_ID_INDEX = f"CREATE INDEX cites_id IF NOT EXISTS FOR ()-[r:{REL}]-() ON (r.id)"


def ensure_schema(driver: Driver, database: str | None = None, wait_seconds: int = 300) -> None:
    """Create the constraint and indexes the loader and the queries need (idempotent)."""
    try:
        with _session(driver, database) as session:
            for statement in SCHEMA:
                session.run(statement).consume()
            try:
                session.run(EDGE_ID_CONSTRAINT).consume()
            except neo4j_exc.ClientError as error:
                if "cites_id" in str(error) or "already exists" in str(error).lower():
                    pass  # an index of that name from an older run: keep it
                else:
                    session.run(EDGE_ID_INDEX).consume()
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
    return {name: _value(value) for name, value in attrs.items() if value is not None}


def _node_rows(graph: nx.MultiDiGraph) -> Iterator[dict[str, Any]]:
    for key, attrs in graph.nodes(data=True):
        yield {"key": str(key), "props": {**_props(attrs), "key": str(key)}}


def _edge_rows(graph: nx.MultiDiGraph) -> Iterator[dict[str, Any]]:
    for u, v, k, attrs in graph.edges(keys=True, data=True):
        edge_id = str(k)
        yield {"u": str(u), "v": str(v), "id": edge_id, "props": {**_props(attrs), "id": edge_id}}


NODE_QUERY = f"UNWIND $rows AS row MERGE (d:{LABEL} {{key: row.key}}) SET d = row.props"
EDGE_QUERY = (
    f"UNWIND $rows AS row "
    f"MATCH (a:{LABEL} {{key: row.u}}) MATCH (b:{LABEL} {{key: row.v}}) "
    f"MERGE (a)-[r:{REL} {{id: row.id}}]->(b) SET r = row.props"
)


def _batches(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _write_batch(tx: Any, query: str, rows: list[dict[str, Any]]) -> tuple[int, int]:
    counters = tx.run(query, rows=rows).consume().counters
    return counters.nodes_created, counters.relationships_created


def load_graph(
    driver: Driver,
    graph: nx.MultiDiGraph,
    database: str | None = None,
    batch_size: int = 5000,
    progress: Progress | None = None,
) -> LoadStats:
    """MERGE every node, then every edge, in batches; safe to run again after any failure."""
    stats = LoadStats()
    started = time.perf_counter()
    phases = (
        ("documents", NODE_QUERY, _node_rows(graph), graph.number_of_nodes()),
        ("edges", EDGE_QUERY, _edge_rows(graph), graph.number_of_edges()),
    )
    try:
        with _session(driver, database) as session:
            for phase, query, rows, total in phases:
                done = 0
                for batch in _batches(rows, batch_size):
                    created_nodes, created_edges = session.execute_write(_write_batch, query, batch)
                    done += len(batch)
                    stats.batches += 1
                    stats.nodes_created += created_nodes
                    stats.edges_created += created_edges
                    if progress is not None:
                        progress(phase, done, total)
                if phase == "documents":
                    stats.nodes = done
                else:
                    stats.edges = done
    except Neo4jStoreError:
        raise
    except Exception as error:
        raise _fail(driver, error, database) from None
    stats.seconds = time.perf_counter() - started
    return stats


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


def _delete_some(tx: Any, size: int) -> int:
    query = f"MATCH (d:{LABEL}) WITH d LIMIT $size DETACH DELETE d RETURN count(*) AS n"
    return tx.run(query, size=size).single()["n"]


def clear(driver: Driver, database: str | None = None, batch_size: int = 10000) -> None:
    """Delete every Document and its edges, a bounded batch per transaction."""
    try:
        with _session(driver, database) as session:
            while session.execute_write(_delete_some, batch_size):
                pass
    except Exception as error:
        raise _fail(driver, error, database) from None
