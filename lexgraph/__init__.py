"""lexgraph: the citation graph of Vietnamese legal and administrative documents."""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """``lexgraph.open`` / ``lexgraph.Graph`` load the API on first use: ``import lexgraph``
    (and so ``lexgraph --help``) stays light."""
    if name in ("open", "build", "Graph", "NotFound", "Ambiguous", "BadInput", "QueryError"):
        from lexgraph import api

        return getattr(api, name)
    raise AttributeError(f"module 'lexgraph' has no attribute {name!r}")
