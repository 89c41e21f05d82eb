"""Which load may CREATE edges instead of MERGEing them, and no other load alongside it.

CREATE skips the check for an existing edge, which halves the edge phase, and is right
only when the database held no relationship when the load began and nothing else writes
edges meanwhile: a MERGE running beside it may not see an edge the CREATE has not
committed yet, and the CREATE never looks, so both would store it. So a first load
commits a marker node, in the same transaction as the emptiness check, under a uniqueness
constraint, and refreshes its ``at`` time after every batch. Any load that finds a fresh
marker stops before writing (``LoadInProgress``); of two loads racing to claim an empty
database, one commits the marker and the other fails the constraint and stops. The
marker is removed when the claiming load ends, however it ends; a process killed mid-load
leaves it behind, and once it is older than ``STALE_SECONDS`` the next load removes it
and goes on (``neo4j_store.clear`` removes it too).
"""

from __future__ import annotations

from typing import Any

from neo4j.exceptions import ConstraintError

from lexgraph.graph.neo4j_errors import Neo4jStoreError

LABEL = "LexgraphFirstLoad"
SCHEMA = (
    f"CREATE CONSTRAINT lexgraph_first_load IF NOT EXISTS FOR (m:{LABEL}) REQUIRE m.id IS UNIQUE"
)
DELETE = f"MATCH (m:{LABEL}) DELETE m"
STALE_SECONDS = 600  # a batch takes seconds; ten minutes without one is a dead load

CREATE, MERGE = "create", "merge"


class LoadInProgress(Neo4jStoreError):
    """Another lexgraph load is writing this database's first edges."""


def _claim(tx: Any, stale_ms: int) -> str | int:
    marker = tx.run(f"MATCH (m:{LABEL}) RETURN timestamp() - coalesce(m.at, 0) AS age").single()
    if marker is not None:
        if marker["age"] < stale_ms:
            return int(marker["age"])
        tx.run(DELETE).consume()  # left by a killed load
    if tx.run("MATCH ()-[r]->() RETURN count(r) > 0 AS held").single()["held"]:
        return MERGE
    tx.run(f"CREATE (:{LABEL} {{id: 1, at: timestamp()}})").consume()
    return CREATE


def claim(session: Any, where: str = "this database") -> str:
    """``CREATE`` when this load may create edges (and now holds the marker), ``MERGE``
    when the database already holds edges; ``LoadInProgress`` when a first load is running."""
    try:
        found = session.execute_write(_claim, STALE_SECONDS * 1000)
    except ConstraintError:  # another load committed the marker first
        found = 0
    if isinstance(found, int):
        raise LoadInProgress(
            f"another lexgraph load is writing the first edges of {where} (its last batch "
            f"{found // 1000} s ago); run this load again when it has finished. A load that "
            f"was killed is taken over after {STALE_SECONDS // 60} minutes."
        )
    return found


def beat(session: Any) -> None:
    """Refresh the marker's time: this first load is alive."""
    session.execute_write(lambda tx: tx.run(f"MATCH (m:{LABEL}) SET m.at = timestamp()").consume())


def release(session: Any) -> None:
    session.execute_write(lambda tx: tx.run(DELETE).consume())
