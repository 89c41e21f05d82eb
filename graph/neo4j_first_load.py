"""Which load may CREATE edges instead of MERGEing them: one first load, never two.

CREATE skips the check for an existing edge, which halves the edge phase, and is right
only when the database held no relationship when the load began. Two loads started at
the same moment into an empty database would both see that and both CREATE, storing
every edge twice. So the first load also commits a marker node, in the same transaction
as the check, under a uniqueness constraint: of two loads racing, one commits it and the
other fails the constraint and MERGEs. The marker is removed when the load ends, however
it ends; a process killed mid-load leaves it behind, which only makes the next load into
an empty database MERGE (slower, still correct) until ``neo4j_store.clear`` removes it.
"""

from __future__ import annotations

from typing import Any

from neo4j.exceptions import ConstraintError

LABEL = "LexgraphFirstLoad"
SCHEMA = (
    f"CREATE CONSTRAINT lexgraph_first_load IF NOT EXISTS FOR (m:{LABEL}) REQUIRE m.id IS UNIQUE"
)
DELETE = f"MATCH (m:{LABEL}) DELETE m"


def _claim(tx: Any) -> bool:
    if tx.run("MATCH ()-[r]->() RETURN count(r) > 0 AS held").single()["held"]:
        return False
    tx.run(f"CREATE (:{LABEL} {{id: 1}})").consume()
    return True


def claim(session: Any) -> bool:
    """True when this load may CREATE: no relationship stored and no other first load."""
    try:
        return session.execute_write(_claim)
    except ConstraintError:  # another load holds the marker
        return False


def release(session: Any) -> None:
    session.execute_write(lambda tx: tx.run(DELETE).consume())
