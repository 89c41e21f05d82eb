"""The document card: metadata, what it cites (by relation), what cites it, evidence."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lexgraph.queries.results import EdgeRow, clean_node

_FIELDS = ("relation", "scope", "kind", "section", "quote", "file")


@dataclass
class Card:
    node: dict[str, Any]
    cites: list[EdgeRow] = field(default_factory=list)  # outgoing, sorted
    cited_by: list[EdgeRow] = field(default_factory=list)  # incoming, sorted

    def cites_by_relation(self) -> dict[str, list[EdgeRow]]:
        groups: dict[str, list[EdgeRow]] = {}
        for edge in self.cites:
            groups.setdefault(edge.relation or "cites", []).append(edge)
        return groups

    def to_dict(self) -> dict[str, Any]:
        from lexgraph.queries.results import to_dict

        return {
            **self.node,
            "cites": [to_dict(e) for e in self.cites],
            "cited_by": [to_dict(e) for e in self.cited_by],
        }


def _order(edges: list[EdgeRow]) -> list[EdgeRow]:
    return sorted(edges, key=lambda e: (e.relation or "", e.cited, e.citing, e.kind or "",
                                        e.scope or "", e.id or ""))  # fmt: skip


def _row(citing: str, cited: str, edge_id: str | None, data: dict[str, Any]) -> EdgeRow:
    return EdgeRow(citing=citing, cited=cited, id=edge_id, **{k: data.get(k) for k in _FIELDS})


def show_nx(graph: Any, key: str) -> Card | None:
    if key not in graph:
        return None
    out = [_row(key, v, k, d) for _, v, k, d in graph.out_edges(key, keys=True, data=True)]
    into = [_row(u, key, k, d) for u, _, k, d in graph.in_edges(key, keys=True, data=True)]
    return Card(clean_node({**graph.nodes[key], "key": key}), _order(out), _order(into))


def show_cypher(backend: Any, key: str) -> Card | None:
    node = backend.node(key)
    if node is None:
        return None
    rows = backend.run("show_edges", key=key)
    out, into = [], []
    for row in rows:
        edge = _row(row["citing"], row["cited"], row["props"].get("id"), row["props"])
        (out if row["citing"] == key else into).append(edge)
    return Card(node, _order(out), _order(into))


def show(backend: Any, key: str) -> Card | None:
    return show_cypher(backend, key) if backend.is_neo4j else show_nx(backend.graph, key)
