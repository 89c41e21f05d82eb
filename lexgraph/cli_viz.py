"""``lexgraph viz``: an interactive HTML picture of (part of) the graph, offline."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lexgraph.cli_common import fail, store_path
from lexgraph.cli_options import StoreOpt, YearOpt


def viz(
    key: Annotated[str | None, typer.Argument(help="Document number, key or name, e.g. 33/CT-TTg, 'CT 33/2021', 33/CT-TTg@2021; omit for the whole graph.")] = None,
    down: Annotated[bool, typer.Option("--down", help="Everything that implements KEY, to any depth.")] = False,
    up: Annotated[bool, typer.Option("--up", help="What KEY implements, up to the root.")] = False,
    province: Annotated[str | None, typer.Option("--province", help="Only this province's documents (and what they cite).")] = None,
    layout: Annotated[str, typer.Option("--layout", help="level (bands by administrative level) or time (x = date).")] = "level",
    via: Annotated[str, typer.Option("--via", help="Relations followed by --down/--up, comma-separated, or 'all'.")] = "implements,continues,based_on",
    physics: Annotated[bool | None, typer.Option("--physics/--no-physics", help="Start with physics on (default: only for small graphs).")] = None,
    title: Annotated[str | None, typer.Option("--title", help="Page title.")] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write.")] = Path("lexgraph.html"),
    year: YearOpt = None,
    store: StoreOpt = None,
) -> None:  # fmt: skip
    """Write an interactive graph page that opens offline (file://), e.g. for analysts.

    Hover a document for its card and an edge for its evidence quote; click a document to
    highlight its lineage; search by number or title words (accents optional); hide
    relation types.

    Examples:

        lexgraph viz 33/CT-TTg --down -o ct33.html

        lexgraph viz 5793/KH-UBND --up -o bentre.html

        lexgraph viz --province "Cà Mau" -o camau.html

        lexgraph viz --layout time -o all.html
    """
    from lexgraph.graph.store import StoreError, load
    from lexgraph.graph.viz import VizError
    from lexgraph.graph.viz import viz as draw
    from lexgraph.graph.viz_layout import LAYOUTS

    if layout not in LAYOUTS:
        raise fail(f"unknown layout {layout!r}; choose one of {', '.join(LAYOUTS)}", 2)
    if (down or up) and key is None:
        raise fail("--down and --up need a document KEY", 2)
    try:
        graph = load(store_path(store), records=False).graph
    except StoreError as error:
        raise fail(str(error)) from None
    if key is not None:  # the same input forms and exit codes as the query commands
        from lexgraph.api import Graph, QueryError

        try:
            key = Graph.from_graph(graph).resolve(key, year=year)
        except QueryError as error:
            raise fail(str(error), error.exit_code) from None
    relations = None if via.strip() == "all" else [r.strip() for r in via.split(",") if r.strip()]
    try:
        net = draw(graph, key, down=down, up=up, province=province, via=relations, layout=layout,
                   physics=physics, title=title, output=output)  # fmt: skip
    except VizError as error:
        raise fail(str(error)) from None
    typer.echo(
        f"lexgraph: wrote {output} ({len(net.nodes)} documents, {len(net.edges)} edges)", err=True
    )


def register(app: typer.Typer) -> None:
    app.command()(viz)
