"""Which load may CREATE edges instead of MERGEing them, and no other load alongside it.

CREATE skips the check for an existing edge, which halves the edge phase, and is right
only when the database held no relationship when the load began and nothing else writes
edges meanwhile: a MERGE running beside it may not see an edge the CREATE has not
committed yet, and the CREATE never looks, so both would store it. So a first load
commits a marker node, in the same transaction as the emptiness check, under a uniqueness
constraint, and refreshes its ``at`` time every ``BEAT_SECONDS`` while it runs. Any load
that finds a live marker stops before writing (``LoadInProgress``); of two loads racing
to claim an empty database, one commits the marker and the other fails the constraint
and stops.

The claiming load removes the marker when it ends, however it ends. One left behind (the
server or the loading process killed mid-load) is taken over by the next load when that
load is dead for sure: its process, on this machine, is gone, or is this very process
with the load over; from another machine, once its time is older than ``STALE_SECONDS``.
``neo4j_store.clear`` removes it too.
"""

from __future__ import annotations

import os
import socket
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

from neo4j.exceptions import ConstraintError

from lexgraph.graph.neo4j_errors import Neo4jStoreError

LABEL = "LexgraphFirstLoad"
SCHEMA = (
    f"CREATE CONSTRAINT lexgraph_first_load IF NOT EXISTS FOR (m:{LABEL}) REQUIRE m.id IS UNIQUE"
)
DELETE = f"MATCH (m:{LABEL}) DELETE m"
STALE_SECONDS = 600  # a batch takes seconds; ten minutes without one is a dead load
BEAT_SECONDS = 30  # how often a first load refreshes its marker (not after every batch)

CREATE, MERGE = "create", "merge"
_RUNNING: set[str] = set()  # tokens of the first loads this process is running


class LoadInProgress(Neo4jStoreError):
    """Another lexgraph load is writing this database's first edges."""


@dataclass
class Claim:
    mode: str  # CREATE: this load holds the marker; MERGE: the database holds edges
    token: str = field(default_factory=lambda: uuid.uuid4().hex)
    last_beat: float = field(default_factory=time.monotonic)

    def beat_due(self) -> bool:
        """Whether the marker's time should be refreshed now (every ``BEAT_SECONDS``)."""
        now = time.monotonic()
        if now - self.last_beat < BEAT_SECONDS:
            return False
        self.last_beat = now
        return True

    def end(self) -> None:
        """This load is over, whether or not its marker could be removed."""
        _RUNNING.discard(self.token)


def _dead(marker: Any, stale_ms: int) -> bool:
    """Whether the load that left ``marker`` cannot be running any more."""
    if marker["age"] >= stale_ms:
        return True
    if marker["host"] != socket.gethostname() or marker["pid"] is None:
        return False  # another machine's load: only its silence tells
    if marker["pid"] == os.getpid():
        return marker["token"] not in _RUNNING
    try:
        os.kill(marker["pid"], 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def _claim(tx: Any, stale_ms: int, token: str) -> str | int:
    marker = tx.run(
        f"MATCH (m:{LABEL}) RETURN timestamp() - coalesce(m.at, 0) AS age, m.host AS host, "
        "m.pid AS pid, m.token AS token"
    ).single()
    if marker is not None:
        if not _dead(marker, stale_ms):
            return int(marker["age"])
        tx.run(DELETE).consume()
    if tx.run("MATCH ()-[r]->() RETURN count(r) > 0 AS held").single()["held"]:
        return MERGE
    tx.run(
        f"CREATE (:{LABEL} {{id: 1, at: timestamp(), host: $host, pid: $pid, token: $token}})",
        host=socket.gethostname(), pid=os.getpid(), token=token,
    ).consume()  # fmt: skip
    return CREATE


def claim(session: Any, where: str = "this database") -> Claim:
    """``Claim(CREATE)`` when this load may create edges (it now holds the marker),
    ``Claim(MERGE)`` when the database already holds edges; ``LoadInProgress`` when a
    first load is running. Call ``Claim.end()`` when the load is over."""
    mine = Claim(CREATE)
    _RUNNING.add(mine.token)  # before the marker exists: seen as ours if the tx is retried
    try:
        found = session.execute_write(_claim, STALE_SECONDS * 1000, mine.token)
    except ConstraintError:  # another load committed the marker first
        found = 0
    if found == CREATE:
        return mine
    mine.end()
    if isinstance(found, int):
        raise LoadInProgress(
            f"another lexgraph load is writing the first edges of {where} (its last batch "
            f"{found // 1000} s ago); run this load again when it has finished. A load that "
            f"was killed is taken over (one from another machine after {STALE_SECONDS // 60} "
            "minutes)."
        )
    return Claim(MERGE, mine.token)


def beat(session: Any) -> None:
    """Refresh the marker's time: this first load is alive (see ``Claim.beat_due``)."""
    session.execute_write(lambda tx: tx.run(f"MATCH (m:{LABEL}) SET m.at = timestamp()").consume())


def release(session: Any) -> None:
    """Remove the marker (the claiming load has ended, or the database is cleared)."""
    session.execute_write(lambda tx: tx.run(DELETE).consume())
