"""The ``lexgraph`` command line (Typer).

Commands live in ``cli_*`` modules by theme; heavy libraries (spaCy, networkx, neo4j,
pandas) are imported inside the commands so that ``lexgraph --help`` stays fast.
"""

from __future__ import annotations

import typer

app = typer.Typer(
    name="lexgraph",
    help=(
        "Trace Vietnamese legal and administrative documents through the documents that "
        "implement them.\n\n"
        "Typical use: `lexgraph build DOCS/` then `lexgraph implementers 33/CT-TTg`. "
        "Every command prints a table on a terminal and JSON Lines when piped "
        "(`--format table|json|jsonl|csv` to choose)."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",
)


def _register() -> None:
    from lexgraph import cli_explore, cli_extract, cli_graph, cli_query, cli_viz

    for module in (cli_extract, cli_graph, cli_query, cli_explore, cli_viz):
        module.register(app)


_register()


def main() -> None:
    app()
