"""``lexgraph implementers | lineage | path | show``: the lineage of one or more documents.

Options shared with the other query commands are defined once in ``cli_options``; opening
the store and the exit codes (0 ok, 1 not found, 2 ambiguous or bad input) are in
``cli_common``. Heavy modules load inside the commands (``--help`` stays fast).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

import typer

from lexgraph.cli_common import (
    Filters,
    StoreChoice,
    emit,
    err,
    is_table,
    open_graph,
    query_command,
    short,
)
from lexgraph.cli_options import TargetArg, TargetsArg
from lexgraph.output import Format

ROW_COLUMNS = ["key", "issuer", "province", "date", "lag_days", "depth", "via",
               "relation", "scope", "quote"]  # fmt: skip
FULL_COLUMNS = ["target", "key", "number", "kind", "issuer", "province", "level", "date", "lag_days",
                "depth", "via", "relation", "scope", "quote", "parent", "source"]  # fmt: skip


@query_command("depth", "scope", "level", "province", "since", "until", "relation", "year")
def implementers(targets: TargetsArg, *, filters: Filters, fmt: Format, where: StoreChoice) -> None:
    """Documents implementing TARGETS, directly or through intermediate documents.

    A document implements T when it has a path to T over implements / continues / based_on
    edges (a plan issued "Căn cứ" a directive counts; add `-r cites` for any mention),
    including edges stated by other documents, so chains pass through documents only
    referenced. Each row: issuer, province, level, date, lag_days (days after T), depth,
    via (the documents in between), and the relation, scope and quote of its own first hop.
    Several targets: a table per target, then their union (rows with target "A|B").

    Examples:

        lexgraph implementers 33/CT-TTg --year 2021 --level district

        lexgraph implementers "QĐ 217" "QĐ 218" -f csv > responses.csv
    """
    with open_graph(where) as graph:
        result = graph.implementers(*targets, **filters.query_args())
        rows = result.to_dicts()
        if not is_table(fmt):
            emit(rows, fmt, FULL_COLUMNS)
            return
        labels = list(result.meta["targets"])
        if len(labels) > 1:
            labels.append("|".join(sorted(labels)))
        for label in labels:
            group = [r for r in rows if r["target"] == label]
            name = label.replace("|", " or ")
            emit(group, fmt, ROW_COLUMNS, title=f"{len(group)} documents implement {name}")
        if len(result.meta["targets"]) > 1:
            typer.echo(
                f"{result.meta['union']} implement at least one, {result.meta['all']} implement all"
            )


@query_command("depth", "scope", "relation", "year", "province")
def lineage(
    target: TargetArg,
    up: Annotated[
        bool,
        typer.Option(
            "--up/--down",
            help="Above it (what it implements, to the root) or below it (what implements it).",
        ),
    ] = True,
    *,
    filters: Filters,
    fmt: Format,
    where: StoreChoice,
) -> None:
    """The lineage tree of a document, drawn as a tree on a terminal.

    Examples:

        lexgraph lineage 5793/KH-UBND --up

        lexgraph lineage "Nghị quyết Trung ương 7 khóa XI" --down -f json
    """  # fmt: skip
    with open_graph(where) as graph:
        result = graph.lineage(target, "up" if up else "down", **filters.query_args())
        if is_table(fmt):
            _tree(result)
        else:
            emit(result.to_dicts(), fmt, FULL_COLUMNS)


def _label(node: dict[str, Any]) -> str:
    from rich.markup import escape

    bits = [f"[bold]{escape(node['key'])}[/bold]"]
    for name in ("kind", "issuer", "date"):
        if node.get(name):
            bits.append(escape(str(node[name])))
    return "  ".join(bits)


def _tree(result: Any) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.tree import Tree

    origin = result.meta["document"]
    root = Tree(_label(origin))
    branches: dict[str, Tree] = {origin["key"]: root}
    for row in result.rows:  # depth order: parents come first
        parent = branches.get(row.parent or origin["key"], root)
        edge = f"[dim]{row.relation or ''}{'/' + row.scope if row.scope else ''}[/dim]"
        text = _label({"key": row.key, "kind": row.kind, "issuer": row.issuer, "date": row.date})
        lag = f"  [cyan]+{row.lag_days}d[/cyan]" if row.lag_days is not None else ""
        branches[row.key] = parent.add(f"{edge} {text}{lag}")
        if row.quote:
            branches[row.key].add(
                f"[italic dim]“{escape(short(row.quote, 100) or '')}”[/italic dim]"
            )
    arrow = "implements (up to the root)" if result.meta["direction"] == "up" else "implemented by"
    Console().print(f"{len(result.rows)} documents; tree: child {arrow} parent")
    Console().print(root)


@query_command()
def path(
    a: Annotated[str, typer.Argument(help="First document.")],
    b: Annotated[str, typer.Argument(help="Second document.")],
    max_hops: Annotated[
        int, typer.Option("--max-hops", min=1, help="Longest chain looked for.")
    ] = 12,
    *,
    fmt: Format,
    where: StoreChoice,
) -> None:
    """How two documents are connected: a shortest chain, directed if there is one.

    Example: lexgraph path 5793/KH-UBND 25-NQ/TW
    """
    with open_graph(where) as graph:
        result = graph.path(a, b, max_hops=max_hops)
        if not result.meta["connected"]:
            err(
                f"{result.meta['from']} and {result.meta['to']} are not connected (within {max_hops} hops)"
            )
            raise typer.Exit(1)
        emit(result.to_dicts(), fmt, ["step", "from_key", "direction", "to_key", "relation", "scope", "quote"])  # fmt: skip


@query_command("year", "province")
def show(target: TargetArg, *, filters: Filters, fmt: Format, where: StoreChoice) -> None:
    """The document card: metadata, what it cites (by relation), what cites it, quotes.

    JSON/JSON Lines print the card as one object; CSV prints its edges.
    """
    from lexgraph.output import dumps, resolve

    with open_graph(where) as graph:
        card = graph.show(target, **filters.query_args())
        chosen = resolve(fmt)
        if chosen is Format.json:
            import json

            typer.echo(json.dumps(card.to_dict(), ensure_ascii=False, indent=2))
        elif chosen is Format.jsonl:
            typer.echo(dumps(card.to_dict()))
        elif chosen is Format.csv:
            from lexgraph.queries.results import to_dict

            edges = [{"direction": "cites", **to_dict(e)} for e in card.cites]
            edges += [{"direction": "cited_by", **to_dict(e)} for e in card.cited_by]
            emit(edges, fmt, ["direction", "citing", "cited", "relation", "scope", "kind", "section", "quote", "file"])  # fmt: skip
        else:
            _card(card)


def _card(card: Any) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console()
    node = card.node
    meta = Table(show_header=False, box=None, title=f"[bold]{escape(node['key'])}[/bold]")
    for name in ("number", "kind", "date", "issuer", "level", "province", "district", "title",
                 "signer", "sources", "unresolved"):  # fmt: skip
        value = node.get(name)
        if value not in (None, [], False):
            meta.add_row(name, escape(", ".join(value) if isinstance(value, list) else str(value)))
    if not node.get("ingested"):
        meta.add_row("source", "[dim]only referenced by other documents[/dim]")
    console.print(meta)
    for relation, edges in card.cites_by_relation().items():
        table = Table(title=f"{relation} ({len(edges)})", title_justify="left")
        for column in ("cited", "scope", "section", "quote"):
            table.add_column(column, overflow="fold")
        for e in edges:
            table.add_row(e.cited, e.scope or "", e.section or "", short(e.quote) or "")
        console.print(table)
    table = Table(title=f"cited by ({len(card.cited_by)})", title_justify="left")
    for column in ("citing", "relation", "scope", "quote"):
        table.add_column(column, overflow="fold")
    for e in card.cited_by:
        table.add_row(e.citing, e.relation or "", e.scope or "", short(e.quote) or "")
    console.print(table)


COMMANDS: tuple[Callable[..., None], ...] = (implementers, lineage, path, show)


def register(app: typer.Typer) -> None:
    for command in COMMANDS:
        app.command()(command)
