"""Turn the driver's exceptions into one clear line a user can act on.

Why a module of its own: the same four failures (unreachable, wrong password, unknown
database, a server too old for the schema syntax) can surface from connect, from the schema
step and from the middle of a load, and each must read the same way. No message built here
ever contains the password: only the URI, the user name and the database name are used.
"""

from __future__ import annotations

from neo4j import exceptions as neo4j_exc


class Neo4jStoreError(RuntimeError):
    """A Neo4j failure explained in one line (the CLI prints it and exits non-zero)."""


# Neo4j 4.4 introduced `CREATE CONSTRAINT ... FOR ... REQUIRE` and `IF NOT EXISTS` on both
# constraints and indexes; the loader uses nothing older and nothing newer than 5.0 needs.
MIN_SERVER = (4, 4)


def _first_line(error: BaseException) -> str:
    """The driver's message on one line (its reasons often follow a colon on the next)."""
    text = " ".join(str(getattr(error, "message", None) or error).split())
    text = text.rstrip(":")
    return (text[:300] + "...") if len(text) > 300 else text or type(error).__name__


def _code(error: BaseException) -> str:
    return str(getattr(error, "code", "") or "")


def translate(
    error: BaseException, uri: str, username: str, database: str | None
) -> Neo4jStoreError:
    """Map a driver exception to a Neo4jStoreError with one line and a hint."""
    where = f"Neo4j at {uri}"
    db = database or "(default)"
    code = _code(error)
    text = _first_line(error)
    if isinstance(error, neo4j_exc.AuthError) or "Security.Unauthorized" in code:
        return Neo4jStoreError(
            f"{where} refused the credentials of user {username!r} (wrong password? "
            "set NEO4J_USERNAME / NEO4J_PASSWORD)"
        )
    if "AuthenticationRateLimit" in code:
        return Neo4jStoreError(
            f"{where} blocked user {username!r} after too many failed logins; wait and retry"
        )
    if "DatabaseNotFound" in code or "database does not exist" in text.lower():
        return Neo4jStoreError(
            f"{where} has no database {db!r} (check --database / NEO4J_DATABASE; "
            "Community edition has only 'neo4j' and 'system')"
        )
    if isinstance(error, neo4j_exc.ConfigurationError | ValueError):
        return Neo4jStoreError(f"invalid Neo4j settings for {uri!r}: {text}")
    if "protocol version" in text.lower() or "Unsupported" in type(error).__name__:
        return Neo4jStoreError(
            f"{where} is too old: lexgraph needs Neo4j {MIN_SERVER[0]}.{MIN_SERVER[1]} or newer"
        )
    if isinstance(error, neo4j_exc.CypherSyntaxError) or "Statement.SyntaxError" in code:
        return Neo4jStoreError(
            f"{where} did not accept the schema syntax (server too old? lexgraph needs "
            f"Neo4j {MIN_SERVER[0]}.{MIN_SERVER[1]} or newer): {text}"
        )
    if isinstance(error, neo4j_exc.ServiceUnavailable | neo4j_exc.SessionExpired | OSError):
        return Neo4jStoreError(
            f"cannot reach {where}: {text} (is it running? `scripts/neo4j start` runs a local "
            "one; a load cut short can simply be re-run)"
        )
    return Neo4jStoreError(f"{where} ({db}): {type(error).__name__}: {text}")


def check_version(version: str, uri: str) -> None:
    """Refuse a server older than MIN_SERVER before trying its schema syntax."""
    parts = []
    for piece in version.split(".")[:2]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    if tuple(parts) < MIN_SERVER:
        raise Neo4jStoreError(
            f"Neo4j at {uri} is version {version}: too old for the schema syntax "
            f"(lexgraph needs {MIN_SERVER[0]}.{MIN_SERVER[1]} or newer)"
        )
