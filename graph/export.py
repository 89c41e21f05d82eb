"""Export the graph for other tools: GraphML, GEXF, node-link JSON, and neo4j-admin CSV."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import networkx as nx

from lexgraph.graph.neo4j_types import rel_type

NODE_CSV_COLUMNS = [
    ("key", "key:ID"), ("kind", "kind"), ("number", "number"), ("year", "year:int"),
    ("issuer", "issuer"), ("level", "level"), ("province", "province"), ("district", "district"),
    ("date", "date"), ("title", "title"), ("signer", "signer"), ("ingested", "ingested:boolean"),
    ("unresolved", "unresolved:boolean"), ("sources", "sources:string[]"),
]  # fmt: skip
EDGE_CSV_COLUMNS = [
    ("id", "id"), ("relation", "relation"), ("scope", "scope"), ("section", "section"),
    ("quote", "quote"), ("start", "start:int"), ("end", "end:int"), ("source", "source"),
    ("sources", "sources:string[]"), ("kind", "kind"),
]  # fmt: skip
FORMATS = ("graphml", "gexf", "json", "csv")


def _flat(value: Any) -> Any:
    """GraphML/GEXF take scalars only: lists become ``|``-joined strings."""
    if isinstance(value, list | tuple):
        return "|".join(map(str, value))
    return value


def _scalar_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    flat = nx.MultiDiGraph()
    for node, attrs in graph.nodes(data=True):
        flat.add_node(node, **{k: _flat(v) for k, v in attrs.items() if v is not None})
    for u, v, k, attrs in graph.edges(keys=True, data=True):
        flat.add_edge(u, v, key=k, **{a: _flat(b) for a, b in attrs.items() if b is not None})
    return flat


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return ";".join(map(str, value))
    return value


def export_csv(graph: nx.MultiDiGraph, out_dir: Path) -> list[Path]:
    """Files ``neo4j-admin database import full`` accepts: nodes.csv (label Document), one
    relationship file per relation type (type = relation in upper case)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    nodes_path = out_dir / "documents.csv"
    with nodes_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([header for _, header in NODE_CSV_COLUMNS] + [":LABEL"])
        for _, attrs in graph.nodes(data=True):
            writer.writerow(
                [_csv_value(attrs.get(name)) for name, _ in NODE_CSV_COLUMNS] + ["Document"]
            )
    edges_path = out_dir / "cites.csv"
    with edges_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([":START_ID", ":END_ID", ":TYPE"] + [h for _, h in EDGE_CSV_COLUMNS])
        for u, v, k, attrs in graph.edges(keys=True, data=True):
            row = {**attrs, "id": k}
            # The relationship type the Neo4j loader gives it (graph/neo4j_types.py);
            # an unknown relation is refused there, so it is refused here too.
            rtype = rel_type(attrs.get("relation"))
            if rtype is None:
                raise ValueError(
                    f"edge {k!r} has relation {attrs.get('relation')!r}, not a known one"
                )
            writer.writerow(
                [u, v, rtype] + [_csv_value(row.get(name)) for name, _ in EDGE_CSV_COLUMNS]
            )
    return [nodes_path, edges_path]


def export_graph(graph: nx.MultiDiGraph, fmt: str, out: Path) -> list[Path]:
    if fmt == "csv":
        return export_csv(graph, out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "graphml":
        nx.write_graphml(_scalar_graph(graph), out)
    elif fmt == "gexf":
        nx.write_gexf(_scalar_graph(graph), out)
    elif fmt == "json":
        data = nx.node_link_data(graph, edges="edges")
        out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    else:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return [out]
