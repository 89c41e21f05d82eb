"""The ``lexgraph`` command line (Typer). Heavy modules are imported inside commands."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="lexgraph",
    help="Trace Vietnamese legal and administrative documents through the documents that implement them.",
    no_args_is_help=True,
    add_completion=False,
)


@app.callback()
def _root() -> None:
    """lexgraph: extract citations, build the lineage graph, query it."""


def main() -> None:
    app()
