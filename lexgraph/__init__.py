"""lexgraph: the citation graph of Vietnamese legal and administrative documents."""

from __future__ import annotations

__version__ = "0.1.0"
