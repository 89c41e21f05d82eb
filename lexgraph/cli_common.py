"""What the command modules share at run time: error lines, opening the store, printing rows.

Store of the query commands: ``--store PATH`` (embedded file), ``--neo4j`` (NEO4J_URI /
NEO4J_USERNAME / NEO4J_PASSWORD, or the server of ``scripts/neo4j start``; the password is
never taken on the command line); without either, $LEXGRAPH_STORE, then $NEO4J_URI, then
.lexgraph/graph.json.gz. Exit codes: 0 ok, 1 not found (or the store cannot be used),
2 ambiguous or bad input. Heavy modules load inside the functions (``--help`` stays fast).
"""

from __future__ import annotations

import functools
import inspect
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import typer

from lexgraph.cli_options import FILTERS, STORE_TAIL
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


@dataclass(frozen=True)
class StoreChoice:
    """Where a query command reads: ``--store PATH``, ``--neo4j``, ``--database NAME``."""

    path: Path | None = None
    neo4j: bool = False
    database: str | None = None


@dataclass(frozen=True)
class Filters:
    """The narrowing options a query command takes (``FILTERS`` names), as given."""

    values: dict[str, Any]

    def query_args(self) -> dict[str, Any]:
        """Keyword arguments of the ``api.Graph`` query; an unknown relation exits 2."""
        args = dict(self.values)
        if "scope" in args:
            args["scope"] = args["scope"].value
        if "relation" in args:
            args.update(relations_arg(args.pop("relation")))
        return args


def query_command(*filters: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Give a query command the shared options, declared once in ``cli_options``.

    The decorated function declares its own arguments and options, then keyword-only
    ``filters: Filters`` (when ``filters`` names any), ``fmt: Format`` and
    ``where: StoreChoice``. The command Typer sees has, after its own options, the
    ``filters`` options in the order given, then ``--format --store --neo4j --database``:
    that order is the order of ``--help``. Why: nine commands take these options; declared
    per command they drifted (help texts, defaults, order) and hid each command's own ones.
    """
    tail = [(name, *FILTERS[name]) for name in filters] + list(STORE_TAIL)
    keyword = inspect.Parameter.KEYWORD_ONLY

    def decorate(command: Callable[..., None]) -> Callable[..., None]:
        own = [
            p
            for p in inspect.signature(command, eval_str=True).parameters.values()
            if p.name not in ("filters", "fmt", "where")
        ]

        @functools.wraps(command)
        def wrapper(*args: Any, **kw: Any) -> None:
            for name, _, default in tail:  # a call from Python may leave options out
                kw.setdefault(name, default)
            where = StoreChoice(kw.pop("store"), kw.pop("neo4j"), kw.pop("database"))
            if filters:
                kw["filters"] = Filters({name: kw.pop(name) for name in filters})
            command(*args, where=where, **kw)

        extra = [inspect.Parameter(n, keyword, default=d, annotation=a) for n, a, d in tail]
        wrapper.__signature__ = inspect.Signature([*own, *extra])  # type: ignore[attr-defined]
        return wrapper

    return decorate


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
