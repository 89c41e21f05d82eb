"""Connecting to Neo4j: where the server is, the password (never shown), one driver.

Split from neo4j_store.py (the loader and reader) so that what concerns the server and the
credentials has one place; neo4j_store re-exports ``Neo4jSettings`` and ``connect``.
"""

from __future__ import annotations

import getpass
import os
import weakref
from dataclasses import dataclass, field
from pathlib import Path

from neo4j import READ_ACCESS, WRITE_ACCESS, Driver, GraphDatabase, Session

from lexgraph.graph.neo4j_errors import Neo4jStoreError, check_version, translate

# driver -> (uri, username), for error messages raised after connect (never the password).
_WHERE: weakref.WeakKeyDictionary[Driver, tuple[str, str]] = weakref.WeakKeyDictionary()


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
    # Reads and counts name every whitelisted type, whether the graph has edges of it or
    # not: the server's "relationship type does not exist" notice is expected, not logged.
    return driver.session(
        database=database,
        default_access_mode=WRITE_ACCESS if write else READ_ACCESS,
        bookmark_manager=driver.execute_query_bookmark_manager,
        notifications_disabled_classifications=["UNRECOGNIZED"],
    )


def _fail(driver: Driver, error: BaseException, database: str | None) -> Neo4jStoreError:
    uri, username = _WHERE.get(driver, ("the server", "?"))
    return translate(error, uri, username, database)
