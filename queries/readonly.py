"""Any Cypher, read-only: the server refuses writes (read access mode), not a string check.

``parse_params`` turns ``k=v`` pairs into parameters: ``v`` is read as JSON when it is
valid JSON (numbers, lists, true/false/null, quoted strings), else kept as a string.
"""

from __future__ import annotations

import json
from typing import Any


class BadParam(ValueError):
    pass


def parse_params(pairs: list[str]) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise BadParam(f"parameter {pair!r} is not NAME=VALUE")
        try:
            params[name.strip()] = json.loads(value)
        except ValueError:
            params[name.strip()] = value
    return params


def plain(value: Any) -> Any:
    """Driver values (nodes, relationships, paths, dates) -> JSON-friendly values."""
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Node):
        return {"labels": sorted(value.labels), **dict(value)}
    if isinstance(value, Relationship):
        return {"type": value.type, "start": value.start_node and value.start_node.get("key"),
                "end": value.end_node and value.end_node.get("key"), **dict(value)}  # fmt: skip
    if isinstance(value, Path):
        return {"nodes": [plain(n) for n in value.nodes],
                "relationships": [plain(r) for r in value.relationships]}  # fmt: skip
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


def run_readonly(driver: Any, query: str, params: dict[str, Any],
                 database: str | None = None) -> list[dict[str, Any]]:  # fmt: skip
    """Rows of ``query``; a write raises the server's error (read transaction)."""
    from neo4j import READ_ACCESS

    def work(tx: Any) -> list[dict[str, Any]]:
        result = tx.run(query, params)
        return [{k: plain(v) for k, v in record.items()} for record in result]

    with driver.session(database=database, default_access_mode=READ_ACCESS) as session:
        return session.execute_read(work)
