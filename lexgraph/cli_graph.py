"""``lexgraph build``, ``load`` and ``export``: records -> graph -> stores."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from lexgraph.cli_common import fail, store_path
from lexgraph.cli_options import (
    JobsOpt,
    LoadDatabaseOpt,
    PathsArg,
    QuietOpt,
    StoreOpt,
    StrictOpt,
)


def push_to_neo4j(graph, database: str | None, quiet: bool) -> None:
    """Load ``graph`` into the Neo4j named by NEO4J_URI/NEO4J_USERNAME/NEO4J_PASSWORD."""
    from lexgraph.graph.neo4j_store import (
        Neo4jSettings,
        Neo4jStoreError,
        connect,
        ensure_schema,
        load_graph,
    )

    settings = Neo4jSettings.from_env(database=database, prompt=os.isatty(0))
    try:
        driver = connect(settings)
        try:
            ensure_schema(driver, settings.database)
            stats = load_graph(driver, graph, database=settings.database)
        finally:
            driver.close()
    except Neo4jStoreError as error:
        raise fail(str(error)) from None
    if not quiet:
        typer.echo(f"lexgraph: loaded into Neo4j at {settings.uri}: {stats}", err=True)


def build(
    paths: PathsArg,
    store: StoreOpt = None,
    fresh: Annotated[
        bool, typer.Option(help="Start from an empty graph instead of updating the store.")
    ] = False,
    prune: Annotated[
        bool, typer.Option(help="Drop documents whose source file no longer exists.")
    ] = False,
    neo4j: Annotated[
        bool,
        typer.Option(
            "--neo4j",
            help="Also load the graph into Neo4j (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD).",
        ),
    ] = False,
    database: LoadDatabaseOpt = None,
    jobs: JobsOpt = 0,
    strict: StrictOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """Extract documents, resolve references to canonical documents, and save the graph.

    Re-running on unchanged files does no extraction work (content hash); a changed file
    replaces that file's contribution and nothing else; a file that fails keeps what the
    store already had for it.

    Examples:

        lexgraph build examples/

        lexgraph build ../shared/seeds/ ../shared/corpus/ --neo4j
    """
    from lexgraph.graph.store import StoreError
    from lexgraph.graph.update import update_store
    from lexgraph.progress import FileProgress

    path = store_path(store)
    progress: FileProgress | None = None

    def start(total: int) -> None:
        nonlocal progress
        progress = FileProgress(total, "build", enabled=not quiet and sys.stderr.isatty())
        if progress.bar is not None:
            progress.bar.start()

    def step(outcome) -> None:
        assert progress is not None
        progress(outcome)

    try:
        data, summary = update_store(
            paths, path, fresh=fresh, prune=prune, jobs=jobs, on_outcome=step, on_files=start
        )
    except StoreError as error:
        raise fail(f"{error} (or pass --fresh to replace it)") from None
    finally:
        if progress is not None and progress.bar is not None:
            progress.bar.stop()
    for problem in summary.problems:
        typer.echo(f"lexgraph: {problem}", err=True)
    graph = data.graph
    if not quiet:
        typer.echo(f"lexgraph: {summary.line()}", err=True)
        ingested = sum(1 for _, a in graph.nodes(data=True) if a.get("ingested"))
        typer.echo(
            f"lexgraph: graph saved to {path}: {graph.number_of_nodes()} documents "
            f"({ingested} ingested), {graph.number_of_edges()} edges",
            err=True,
        )
    if neo4j:
        push_to_neo4j(graph, database, quiet)
    if summary.failed or (strict and summary.warnings):
        raise typer.Exit(1)


def load(
    store: StoreOpt = None,
    database: LoadDatabaseOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Push an existing embedded graph into Neo4j (idempotent: loading twice changes nothing).

    Connection from NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD (prompted for on a terminal
    when unset; never taken on the command line). Works with bolt://, neo4j:// and neo4j+s://
    (Aura, clusters). `scripts/neo4j start` runs a local server.
    """
    from lexgraph.graph.store import StoreError
    from lexgraph.graph.store import load as load_store

    try:
        data = load_store(store_path(store))
    except StoreError as error:
        raise fail(str(error)) from None
    push_to_neo4j(data.graph, database, quiet)


def export(
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="graphml, gexf, json (node-link) or csv (neo4j-admin import files).",
        ),
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Output file (a folder for csv).")],
    store: StoreOpt = None,
) -> None:
    """Export the embedded graph for Gephi, yEd, other tools, or `neo4j-admin database import`."""
    from lexgraph.graph.export import FORMATS, export_graph
    from lexgraph.graph.store import StoreError
    from lexgraph.graph.store import load as load_store

    if fmt not in FORMATS:
        raise fail(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}", 2)
    try:
        data = load_store(store_path(store))
    except StoreError as error:
        raise fail(str(error)) from None
    for written in export_graph(data.graph, fmt, output):
        typer.echo(f"lexgraph: wrote {written}", err=True)


def register(app: typer.Typer) -> None:
    app.command()(build)
    app.command()(load)
    app.command()(export)
