"""``lexgraph search | coverage | timeline | stats | cypher``: the graph as a whole.

Finding documents, coverage by province, response times, counts, and any read-only Cypher.
Options shared with the other query commands are defined once in ``cli_options``; opening
the store and the exit codes are in ``cli_common``. Heavy modules load inside the commands.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import typer

from lexgraph.cli_common import Filters, StoreChoice, emit, err, open_graph, query_command
from lexgraph.cli_options import DatabaseOpt, FormatOpt, TargetsArg
from lexgraph.output import Format


@query_command()
def search(
    words: Annotated[
        list[str], typer.Argument(help="Words to find in titles and issuers; accents optional.")
    ],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1)] = 50,
    *,
    fmt: Format,
    where: StoreChoice,
) -> None:
    """Full-text search over titles and issuers; `dan van` finds `dân vận`. Exit 1 if none.

    Every word must begin a word of the title, issuer or number (`dan` also finds `danh`).
    Best matches first: the words as a phrase, then every word whole, then prefixes only
    (the `match` column); then ingested documents, newest first.
    """
    with open_graph(where) as graph:
        result = graph.search(" ".join(words), limit=limit)
        columns = ["key", "kind", "date", "issuer", "province", "title", "match"]
        emit(result.to_dicts(), fmt, columns)
        if not result.rows:
            raise typer.Exit(1)


@query_command("depth", "scope", "level", "since", "until", "relation", "year")
def coverage(
    targets: TargetsArg,
    era: Annotated[
        str, typer.Option("--era", help="historical (63 provinces), current (34) or both.")
    ] = "both",
    missing: Annotated[
        bool, typer.Option("--missing", help="Only provinces with no implementing document.")
    ] = False,
    *,
    filters: Filters,
    fmt: Format,
    where: StoreChoice,
) -> None:
    """Which provinces have an implementing document and which have none.

    Both lists: the 63 provinces before 1 July 2025 and the 34 after (a current province is
    covered when any province merged into it is; `includes` shows the mapping).

    Example: lexgraph coverage "QĐ 217" "QĐ 218" --missing --era current
    """  # fmt: skip
    if era not in ("historical", "current", "both"):
        err("--era must be historical, current or both")
        raise typer.Exit(2)
    with open_graph(where) as graph:
        result = graph.coverage(*targets, **filters.query_args())
        rows = [r for r in result.to_dicts() if era in ("both", r["era"])]
        if missing:
            rows = [r for r in rows if not r["covered"]]
        columns = ["province", "era", "covered", "documents", "first_date", "first_lag_days", "keys", "includes"]  # fmt: skip
        for name in ("historical", "current"):
            part = [r for r in result.to_dicts() if r["era"] == name]
            if era in ("both", name):
                err(f"{name}: {sum(r['covered'] for r in part)} of {len(part)} provinces covered")
        emit(rows, fmt, columns)


@query_command("depth", "scope", "level", "province", "relation", "year")
def timeline(targets: TargetsArg, *, filters: Filters, fmt: Format, where: StoreChoice) -> None:
    """Implementing documents per month and the distribution of response lags (days).

    JSON prints {"periods": [...], "lags": {...}}; JSON Lines and CSV print the periods
    (the lag summary goes to stderr); a table shows both.
    """
    from lexgraph.output import resolve

    with open_graph(where) as graph:
        result = graph.timeline(*targets, **filters.query_args())
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
        emit(result.to_dicts(), fmt, ["period", "documents", "cumulative", "keys"])
        summary = ", ".join(
            f"{k} {v:g}" if isinstance(v, float) else f"{k} {v}" for k, v in lags.items()
        )
        if chosen is Format.table:
            typer.echo(f"lag (days after the target): {summary}")
        else:
            err(f"lag (days after the target): {summary}")


@query_command()
def stats(
    top: Annotated[
        int, typer.Option("--top", min=1, help="How many most-cited / unresolved to list.")
    ] = 10,
    *,
    fmt: Format,
    where: StoreChoice,
) -> None:
    """Counts by kind, level, province, year; most-cited documents; unresolved references.

    Totals count every document in the graph (ingested or only referenced); the kind,
    level, province and year groups count the ingested documents, whose metadata comes
    from their own text. most_cited: by distinct citing documents.
    """
    with open_graph(where) as graph:
        emit(graph.stats(top=top).to_dicts(), fmt, ["group", "value", "count"])


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
        err(str(error))
        raise typer.Exit(2) from None
    with open_graph(StoreChoice(neo4j=True, database=database)) as graph:
        try:
            result = graph.cypher(query, **params)
        except api.QueryError:
            raise
        except Exception as error:  # the server's refusal (write, syntax): one line, exit 2
            message = getattr(error, "message", None) or str(error)
            err(f"Neo4j refused the query: {message.splitlines()[0]}")
            raise typer.Exit(2) from None
        rows = result.rows
        emit(rows, fmt, list(rows[0]) if rows else [])


COMMANDS: tuple[Callable[..., None], ...] = (search, coverage, timeline, stats, cypher)


def register(app: typer.Typer) -> None:
    for command in COMMANDS:
        app.command()(command)
