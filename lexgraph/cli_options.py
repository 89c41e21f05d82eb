"""Every command-line option or argument used by more than one command, defined once.

Why one module: the same option must read the same in every ``--help`` and behave the same
in every command; a copy per command drifts. Two families differ on purpose and so have two
names: the query commands' ``--store`` falls back to Neo4j (``QueryStoreOpt``) while
build/load/export/viz only read or write the embedded file (``StoreOpt``).

Only typer, pathlib and lexgraph.output are imported here: ``lexgraph --help`` stays fast.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from lexgraph.output import Format

# --- documents in: extract, evaluate, build ----------------------------------------------

PathsArg = Annotated[
    list[str],
    typer.Argument(
        help="Files, directories (walked recursively), globs, or - for standard input.",
        show_default=False,
    ),
]
JobsOpt = Annotated[
    int, typer.Option("--jobs", "-j", help="Worker processes; 0 = all cores.", min=0)
]
StrictOpt = Annotated[bool, typer.Option(help="Exit non-zero on warnings too.")]
RecordFormatOpt = Annotated[
    Format,
    typer.Option("--format", "-f", help="auto = table on a terminal, JSON Lines when piped."),
]

# --- the embedded store and Neo4j loading: build, load, export, viz ---------------------

StoreOpt = Annotated[
    Path | None,
    typer.Option(
        "--store", "-s",
        help="Embedded graph file (default: $LEXGRAPH_STORE or .lexgraph/graph.json.gz).",
    ),
]  # fmt: skip
LoadDatabaseOpt = Annotated[
    str | None,
    typer.Option(
        "--database",
        envvar="NEO4J_DATABASE",
        help="Neo4j database name (default: the server's default).",
    ),
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q")]

# --- the query commands: implementers, lineage, path, show, search, coverage, ... -------

QueryStoreOpt = Annotated[
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
TargetArg = Annotated[str, typer.Argument(help="A document number, key or name.")]
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

# The narrowing options of the query commands, by parameter name: (option, default).
FILTERS: dict[str, tuple[Any, Any]] = {
    "depth": (DepthOpt, None), "scope": (ScopeOpt, Scope.any), "level": (LevelOpt, None),
    "province": (ProvinceOpt, None), "since": (SinceOpt, None), "until": (UntilOpt, None),
    "relation": (RelationOpt, None), "year": (YearOpt, None),
}  # fmt: skip
# The options every query command but cypher ends with: (name, option, default).
STORE_TAIL: tuple[tuple[str, Any, Any], ...] = (
    ("fmt", FormatOpt, Format.auto), ("store", QueryStoreOpt, None),
    ("neo4j", Neo4jOpt, False), ("database", DatabaseOpt, None),
)  # fmt: skip
