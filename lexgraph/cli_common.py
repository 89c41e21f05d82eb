"""What the command modules share at run time: error lines, opening the store, printing rows.

Store of the query commands: ``--store PATH`` (embedded file), ``--neo4j`` (NEO4J_URI /
NEO4J_USERNAME / NEO4J_PASSWORD, or the server of ``scripts/neo4j start``; the password is
never taken on the command line); without either, $LEXGRAPH_STORE, then $NEO4J_URI, then
.lexgraph/graph.json.gz. Exit codes: 0 ok, 1 not found (or the store cannot be used),
2 ambiguous or bad input. Heavy modules load inside the functions (``--help`` stays fast).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import typer

from lexgraph.cli_options import StoreChoice
from lexgraph.output import Format


def err(message: str) -> None:
    """One ``lexgraph: ...`` line on stderr."""
    typer.echo(f"lexgraph: {message}", err=True)


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print ``message`` and return the exit to raise (``raise fail(...) from None``)."""
    err(message)
    return typer.Exit(code)


def store_path(store: Path | None) -> Path:
    """``--store`` of build/load/export/viz, else $LEXGRAPH_STORE, else the default file."""
    from lexgraph.graph.store import default_store_path

    return store or default_store_path()


@contextmanager
def open_graph(where: StoreChoice) -> Iterator[Any]:
    """Open the chosen store; turn every query error into its exit code."""
    from lexgraph import api

    try:
        graph = _open(where)
    except Exception as error:  # StoreError, Neo4jStoreError: one clear line
        err(str(error))
        raise typer.Exit(1) from None
    try:
        yield graph
    except api.Ambiguous as error:
        err(str(error).split(": ", 1)[0] + ":")
        for node in error.candidates:
            bits = [str(node.get("year") or "?"), node.get("issuer") or "", node.get("title") or ""]
            typer.echo(f"  {node['key']}\t" + "\t".join(b for b in bits if b), err=True)
        err("narrow it with --year / --province, or give one of the keys above")
        raise typer.Exit(2) from None
    except api.QueryError as error:
        err(str(error))
        raise typer.Exit(error.exit_code) from None
    finally:
        graph.close()


def _open(where: StoreChoice) -> Any:
    from lexgraph import api

    if where.path is not None and where.neo4j:
        raise api.BadInput("give --store or --neo4j, not both")
    if where.path is not None:
        return api.open(where.path)
    if where.neo4j or (not os.environ.get("LEXGRAPH_STORE") and os.environ.get("NEO4J_URI")):
        return _open_neo4j(where.database)
    return api.open(None if os.environ.get("LEXGRAPH_STORE") else store_path(None))


def _open_neo4j(database: str | None) -> Any:
    from lexgraph.api import Graph
    from lexgraph.graph.neo4j_store import Neo4jSettings, connect
    from lexgraph.queries.backends import Neo4jBackend

    settings = Neo4jSettings.from_env(database=database, prompt=os.isatty(0))
    return Graph(Neo4jBackend(connect(settings), settings.database, where=settings.uri))


def relations_arg(relation: list[str] | None) -> dict[str, Any]:
    """``--relation`` values as query keyword arguments; an unknown relation exits 2."""
    from lexgraph.model import RELATIONS

    if not relation:
        return {}
    unknown = [r for r in relation if r not in RELATIONS]
    if unknown:
        err(f"unknown relation {unknown[0]!r}; choose from {', '.join(RELATIONS)}")
        raise typer.Exit(2)
    return {"relations": tuple(relation)}


def emit(
    rows: list[dict[str, Any]], fmt: Format, columns: list[str], title: str | None = None
) -> None:
    """Print result rows; a table shortens long quotes to one line (JSON/CSV keep them)."""
    from lexgraph.output import emit_rows

    if fmt is Format.table or (fmt is Format.auto and sys.stdout.isatty()):
        rows = [{**r, "quote": short(r.get("quote"))} if "quote" in r else r for r in rows]
    emit_rows(rows, fmt, columns, title=title)


def short(text: str | None, width: int = 90) -> str | None:
    """``text`` on one line, cut to ``width`` characters with an ellipsis."""
    if not text:
        return text
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def is_table(fmt: Format) -> bool:
    from lexgraph.output import resolve

    return resolve(fmt) is Format.table
