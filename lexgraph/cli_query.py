"""``lexgraph implementers | lineage | path | show | search | coverage | timeline | stats |
cypher``: the lineage questions, on the embedded store or on Neo4j.

Store: ``--store PATH`` (embedded file), ``--neo4j`` (NEO4J_URI / NEO4J_USERNAME /
NEO4J_PASSWORD, or the server of ``scripts/neo4j start``; the password is never taken on
the command line); without either, $LEXGRAPH_STORE, then $NEO4J_URI, then
.lexgraph/graph.json.gz. Exit codes: 0 ok, 1 not found (or the store cannot be used),
2 ambiguous or bad input. Heavy modules load inside the commands (``--help`` stays fast).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from lexgraph.output import Format

StoreOpt = Annotated[
    Path | None, typer.Option("--store", "-s", help="Embedded graph file (default: $LEXGRAPH_STORE, else Neo4j if $NEO4J_URI is set, else .lexgraph/graph.json.gz).")
]  # fmt: skip
Neo4jOpt = Annotated[
    bool, typer.Option("--neo4j", help="Query Neo4j (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD).")
]
DatabaseOpt = Annotated[
    str | None, typer.Option("--database", envvar="NEO4J_DATABASE", help="Neo4j database name.")
]
FormatOpt = Annotated[
    Format, typer.Option("--format", "-f", help="table, json, jsonl or csv (auto: table on a terminal, JSON Lines when piped).")
]  # fmt: skip
YearOpt = Annotated[int | None, typer.Option("--year", help="Year of the document typed (narrows an ambiguous number).")]  # fmt: skip
TargetsArg = Annotated[list[str], typer.Argument(help="Document numbers, keys or names: 33/CT-TTg, 'CT 33/2021', 'QĐ 217'.", show_default=False)]  # fmt: skip
DepthOpt = Annotated[int | None, typer.Option("--depth", "-d", min=1, help="Maximum path length (default: unbounded).")]  # fmt: skip
RelationOpt = Annotated[list[str] | None, typer.Option("--relation", "-r", help="Relations followed (repeatable; default: implements, continues, based_on).")]  # fmt: skip


class Scope(StrEnum):
    any = "any"
    document = "document"
    task = "task"


ScopeOpt = Annotated[Scope, typer.Option("--scope", help="Restrict every edge of the path to this scope.")]  # fmt: skip
LevelOpt = Annotated[str | None, typer.Option("--level", help="central_party, central_state, province, district or commune.")]  # fmt: skip
ProvinceOpt = Annotated[str | None, typer.Option("--province", "-p", help="Only documents of this province (also narrows an ambiguous target).")]  # fmt: skip
SinceOpt = Annotated[str | None, typer.Option("--since", help="Only documents dated on or after YYYY-MM-DD.")]  # fmt: skip
UntilOpt = Annotated[str | None, typer.Option("--until", help="Only documents dated on or before YYYY-MM-DD.")]  # fmt: skip

ROW_COLUMNS = ["key", "issuer", "province", "date", "lag_days", "depth", "via",
               "relation", "scope", "quote"]  # fmt: skip
FULL_COLUMNS = ["target", "key", "number", "kind", "issuer", "province", "level", "date", "lag_days",
                "depth", "via", "relation", "scope", "quote", "parent", "source"]  # fmt: skip


def _err(message: str) -> None:
    typer.echo(f"lexgraph: {message}", err=True)


@contextmanager
def _graph(store: Path | None, neo4j: bool, database: str | None) -> Iterator[Any]:
    """Open the chosen store; turn every query error into its exit code."""
    from lexgraph import api

    try:
        graph = _open(store, neo4j, database)
    except Exception as error:  # StoreError, Neo4jStoreError: one clear line
        _err(str(error))
        raise typer.Exit(1) from None
    try:
        yield graph
    except api.Ambiguous as error:
        _err(str(error).split(": ", 1)[0] + ":")
        for node in error.candidates:
            bits = [str(node.get("year") or "?"), node.get("issuer") or "", node.get("title") or ""]
            typer.echo(f"  {node['key']}\t" + "\t".join(b for b in bits if b), err=True)
        _err("narrow it with --year / --province, or give one of the keys above")
        raise typer.Exit(2) from None
    except api.QueryError as error:
        _err(str(error))
        raise typer.Exit(error.exit_code) from None
    finally:
        graph.close()


def _open(store: Path | None, neo4j: bool, database: str | None) -> Any:
    from lexgraph import api

    if store is not None and neo4j:
        raise api.BadInput("give --store or --neo4j, not both")
    if store is not None:
        return api.open(store)
    if neo4j or (not os.environ.get("LEXGRAPH_STORE") and os.environ.get("NEO4J_URI")):
        return _open_neo4j(database)
    return api.open(None if os.environ.get("LEXGRAPH_STORE") else _default_path())


def _default_path() -> Path:
    from lexgraph.graph.store import default_store_path

    return default_store_path()


def _open_neo4j(database: str | None) -> Any:
    from lexgraph.api import Graph
    from lexgraph.graph.neo4j_store import Neo4jSettings, connect
    from lexgraph.queries.backends import Neo4jBackend

    settings = Neo4jSettings.from_env(database=database, prompt=os.isatty(0))
    return Graph(Neo4jBackend(connect(settings), settings.database, where=settings.uri))


def _emit(
    rows: list[dict[str, Any]], fmt: Format, columns: list[str], title: str | None = None
) -> None:
    from lexgraph.output import emit_rows

    if fmt is Format.table or (fmt is Format.auto and sys.stdout.isatty()):
        rows = [{**r, "quote": _short(r.get("quote"))} if "quote" in r else r for r in rows]
    emit_rows(rows, fmt, columns, title=title)


def _short(text: str | None, width: int = 90) -> str | None:
    if not text:
        return text
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _is_table(fmt: Format) -> bool:
    from lexgraph.output import resolve

    return resolve(fmt) is Format.table


def implementers(
    targets: TargetsArg,
    depth: DepthOpt = None,
    scope: ScopeOpt = Scope.any,
    level: LevelOpt = None,
    province: ProvinceOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    relation: RelationOpt = None,
    year: YearOpt = None,
    fmt: FormatOpt = Format.auto,
    store: StoreOpt = None,
    neo4j: Neo4jOpt = False,
    database: DatabaseOpt = None,
) -> None:
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
    with _graph(store, neo4j, database) as graph:
        result = graph.implementers(
            *targets, depth=depth, scope=scope.value, level=level, province=province,
            since=since, until=until, year=year, **_relations(relation),
        )  # fmt: skip
        rows = result.to_dicts()
        if not _is_table(fmt):
            _emit(rows, fmt, FULL_COLUMNS)
            return
        labels = list(result.meta["targets"])
        if len(labels) > 1:
            labels.append("|".join(sorted(labels)))
        for label in labels:
            group = [r for r in rows if r["target"] == label]
            name = label.replace("|", " or ")
            _emit(group, fmt, ROW_COLUMNS, title=f"{len(group)} documents implement {name}")
        if len(result.meta["targets"]) > 1:
            typer.echo(
                f"{result.meta['union']} implement at least one, {result.meta['all']} implement all"
            )


def _relations(relation: list[str] | None) -> dict[str, Any]:
    from lexgraph.model import RELATIONS

    if not relation:
        return {}
    unknown = [r for r in relation if r not in RELATIONS]
    if unknown:
        _err(f"unknown relation {unknown[0]!r}; choose from {', '.join(RELATIONS)}")
        raise typer.Exit(2)
    return {"relations": tuple(relation)}


def lineage(
    target: Annotated[str, typer.Argument(help="A document number, key or name.")],
    up: Annotated[
        bool,
        typer.Option(
            "--up/--down",
            help="Above it (what it implements, to the root) or below it (what implements it).",
        ),
    ] = True,
    depth: DepthOpt = None,
    scope: ScopeOpt = Scope.any,
    relation: RelationOpt = None,
    year: YearOpt = None,
    province: ProvinceOpt = None,
    fmt: FormatOpt = Format.auto,
    store: StoreOpt = None,
    neo4j: Neo4jOpt = False,
    database: DatabaseOpt = None,
) -> None:
    """The lineage tree of a document, drawn as a tree on a terminal.

    Examples:

        lexgraph lineage 5793/KH-UBND --up

        lexgraph lineage "Nghị quyết Trung ương 7 khóa XI" --down -f json
    """  # fmt: skip
    with _graph(store, neo4j, database) as graph:
        result = graph.lineage(target, "up" if up else "down", depth=depth, scope=scope.value,
                               year=year, province=province, **_relations(relation))  # fmt: skip
        if _is_table(fmt):
            _tree(result)
        else:
            _emit(result.to_dicts(), fmt, FULL_COLUMNS)


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
                f"[italic dim]“{escape(_short(row.quote, 100) or '')}”[/italic dim]"
            )
    arrow = "implements (up to the root)" if result.meta["direction"] == "up" else "implemented by"
    Console().print(f"{len(result.rows)} documents; tree: child {arrow} parent")
    Console().print(root)


def path(
    a: Annotated[str, typer.Argument(help="First document.")],
    b: Annotated[str, typer.Argument(help="Second document.")],
    max_hops: Annotated[
        int, typer.Option("--max-hops", min=1, help="Longest chain looked for.")
    ] = 12,
    fmt: FormatOpt = Format.auto,
    store: StoreOpt = None,
    neo4j: Neo4jOpt = False,
    database: DatabaseOpt = None,
) -> None:
    """How two documents are connected: a shortest chain, directed if there is one.

    Example: lexgraph path 5793/KH-UBND 25-NQ/TW
    """
    with _graph(store, neo4j, database) as graph:
        result = graph.path(a, b, max_hops=max_hops)
        if not result.meta["connected"]:
            _err(
                f"{result.meta['from']} and {result.meta['to']} are not connected (within {max_hops} hops)"
            )
            raise typer.Exit(1)
        _emit(result.to_dicts(), fmt, ["step", "from_key", "direction", "to_key", "relation", "scope", "quote"])  # fmt: skip


def show(
    target: Annotated[str, typer.Argument(help="A document number, key or name.")],
    year: YearOpt = None,
    province: ProvinceOpt = None,
    fmt: FormatOpt = Format.auto,
    store: StoreOpt = None,
    neo4j: Neo4jOpt = False,
    database: DatabaseOpt = None,
) -> None:
    """The document card: metadata, what it cites (by relation), what cites it, quotes.

    JSON/JSON Lines print the card as one object; CSV prints its edges.
    """
    from lexgraph.output import dumps, resolve

    with _graph(store, neo4j, database) as graph:
        card = graph.show(target, year=year, province=province)
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
            _emit(edges, fmt, ["direction", "citing", "cited", "relation", "scope", "kind", "section", "quote", "file"])  # fmt: skip
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
            table.add_row(e.cited, e.scope or "", e.section or "", _short(e.quote) or "")
        console.print(table)
    table = Table(title=f"cited by ({len(card.cited_by)})", title_justify="left")
    for column in ("citing", "relation", "scope", "quote"):
        table.add_column(column, overflow="fold")
    for e in card.cited_by:
        table.add_row(e.citing, e.relation or "", e.scope or "", _short(e.quote) or "")
    console.print(table)


def search(
    words: Annotated[
        list[str], typer.Argument(help="Words to find in titles and issuers; accents optional.")
    ],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1)] = 50,
    fmt: FormatOpt = Format.auto,
    store: StoreOpt = None,
    neo4j: Neo4jOpt = False,
    database: DatabaseOpt = None,
) -> None:
    """Full-text search over titles and issuers; `dan van` finds `dân vận`. Exit 1 if none."""
    with _graph(store, neo4j, database) as graph:
        result = graph.search(" ".join(words), limit=limit)
        _emit(result.to_dicts(), fmt, ["key", "kind", "date", "issuer", "province", "title"])
        if not result.rows:
            raise typer.Exit(1)


def coverage(
    targets: TargetsArg,
    era: Annotated[
        str, typer.Option("--era", help="historical (63 provinces), current (34) or both.")
    ] = "both",
    missing: Annotated[
        bool, typer.Option("--missing", help="Only provinces with no implementing document.")
    ] = False,
    depth: DepthOpt = None,
    scope: ScopeOpt = Scope.any,
    level: LevelOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    relation: RelationOpt = None,
    year: YearOpt = None,
    fmt: FormatOpt = Format.auto,
    store: StoreOpt = None,
    neo4j: Neo4jOpt = False,
    database: DatabaseOpt = None,
) -> None:
    """Which provinces have an implementing document and which have none.

    Both lists: the 63 provinces before 1 July 2025 and the 34 after (a current province is
    covered when any province merged into it is; `includes` shows the mapping).

    Example: lexgraph coverage "QĐ 217" "QĐ 218" --missing --era current
    """  # fmt: skip
    if era not in ("historical", "current", "both"):
        _err("--era must be historical, current or both")
        raise typer.Exit(2)
    with _graph(store, neo4j, database) as graph:
        result = graph.coverage(*targets, depth=depth, scope=scope.value, level=level,
                                since=since, until=until, year=year, **_relations(relation))  # fmt: skip
        rows = [r for r in result.to_dicts() if era in ("both", r["era"])]
        if missing:
            rows = [r for r in rows if not r["covered"]]
        columns = ["province", "era", "covered", "documents", "first_date", "first_lag_days", "keys", "includes"]  # fmt: skip
        for name in ("historical", "current"):
            part = [r for r in result.to_dicts() if r["era"] == name]
            if era in ("both", name):
                _err(f"{name}: {sum(r['covered'] for r in part)} of {len(part)} provinces covered")
        _emit(rows, fmt, columns)


def timeline(
    targets: TargetsArg,
    depth: DepthOpt = None,
    scope: ScopeOpt = Scope.any,
    level: LevelOpt = None,
    province: ProvinceOpt = None,
    relation: RelationOpt = None,
    year: YearOpt = None,
    fmt: FormatOpt = Format.auto,
    store: StoreOpt = None,
    neo4j: Neo4jOpt = False,
    database: DatabaseOpt = None,
) -> None:
    """Implementing documents per month and the distribution of response lags (days).

    JSON prints {"periods": [...], "lags": {...}}; JSON Lines and CSV print the periods
    (the lag summary goes to stderr); a table shows both.
    """
    from lexgraph.output import resolve

    with _graph(store, neo4j, database) as graph:
        result = graph.timeline(*targets, depth=depth, scope=scope.value, level=level,
                                province=province, year=year, **_relations(relation))  # fmt: skip
        lags = result.meta["lags"]
        chosen = resolve(fmt)
        if chosen is Format.json:
            import json

            typer.echo(
                json.dumps(
                    {"periods": result.to_dicts(), "lags": lags}, ensure_ascii=False, indent=2
                )
            )
            return
        _emit(result.to_dicts(), fmt, ["period", "documents", "cumulative", "keys"])
        summary = ", ".join(
            f"{k} {v:g}" if isinstance(v, float) else f"{k} {v}" for k, v in lags.items()
        )
        if chosen is Format.table:
            typer.echo(f"lag (days after the target): {summary}")
        else:
            _err(f"lag (days after the target): {summary}")


def stats(
    top: Annotated[
        int, typer.Option("--top", min=1, help="How many most-cited / unresolved to list.")
    ] = 10,
    fmt: FormatOpt = Format.auto,
    store: StoreOpt = None,
    neo4j: Neo4jOpt = False,
    database: DatabaseOpt = None,
) -> None:
    """Counts by kind, level, province, year; most-cited documents; unresolved references."""
    with _graph(store, neo4j, database) as graph:
        _emit(graph.stats(top=top).to_dicts(), fmt, ["group", "value", "count"])


def cypher(
    query: Annotated[str, typer.Argument(help="A read-only Cypher query.")],
    param: Annotated[
        list[str] | None,
        typer.Option(
            "--param", "-P", help="NAME=VALUE (VALUE read as JSON when it parses). Repeatable."
        ),
    ] = None,
    fmt: FormatOpt = Format.auto,
    database: DatabaseOpt = None,
) -> None:
    """Run any read-only Cypher against Neo4j; the server refuses writes (read access mode).

    Example: lexgraph cypher "MATCH (d:Document {province: $p}) RETURN d.key LIMIT 5" -P p="Cà Mau"
    """  # fmt: skip
    from lexgraph import api
    from lexgraph.queries.readonly import BadParam, parse_params

    try:
        params = parse_params(param or [])
    except BadParam as error:
        _err(str(error))
        raise typer.Exit(2) from None
    with _graph(None, True, database) as graph:
        try:
            result = graph.cypher(query, **params)
        except api.QueryError:
            raise
        except Exception as error:  # the server's refusal (write, syntax): one line, exit 2
            message = getattr(error, "message", None) or str(error)
            _err(f"Neo4j refused the query: {message.splitlines()[0]}")
            raise typer.Exit(2) from None
        rows = result.rows
        _emit(rows, fmt, list(rows[0]) if rows else [])


COMMANDS: tuple[Callable[..., None], ...] = (
    implementers, lineage, path, show, search, coverage, timeline, stats, cypher,
)  # fmt: skip


def register(app: typer.Typer) -> None:
    for command in COMMANDS:
        app.command()(command)
