"""Extraction records -> one networkx MultiDiGraph (the embedded graph).

Nodes: one per canonical document key, ingested or only referenced (``ingested``).
Edges: citing -> cited (arrows toward the implemented document). A citation edge is one
mention with its evidence; an assertion edge ("A implements B", stated by a citing text) is
one edge per (subject, relation, object) with every stating document in ``sources``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

import networkx as nx

from lexgraph.extractors.keys import is_unresolved
from lexgraph.gc_pause import paused_gc
from lexgraph.graph.resolve import Resolution, resolve_keys
from lexgraph.model import Extraction

NODE_FIELDS = (
    "kind", "number", "year", "issuer", "level", "province", "district", "date", "title", "signer",
)  # fmt: skip
CITED_FIELDS = ("kind", "number", "year", "issuer", "level", "province", "district", "date")


def edge_id(*parts: Any) -> str:
    """A stable id for an edge: the same mention or assertion always gets the same id."""
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:20]


def _all_keys(records: list[Extraction]) -> Iterable[str]:
    for record in records:
        if record.document.key:
            yield record.document.key
        for citation in record.citations:
            yield citation.key
        for assertion in record.assertions:
            yield assertion.subject
            yield assertion.object


def _node(graph: nx.MultiDiGraph, key: str) -> dict[str, Any]:
    if key not in graph:
        graph.add_node(key, key=key, ingested=False, sources=[], unresolved=is_unresolved(key),
                       **dict.fromkeys(NODE_FIELDS))  # fmt: skip
    return graph.nodes[key]


def _fill(node: dict[str, Any], values: dict[str, Any]) -> None:
    """Complete a referenced node from a mention: first known value wins, never overwritten."""
    for name in CITED_FIELDS:
        if node.get(name) is None and values.get(name) is not None:
            node[name] = values[name]


def build_graph(records: Iterable[Extraction]) -> nx.MultiDiGraph:
    with paused_gc():  # a node and an edge dict per reference, no cycles: 12.1 -> 6.0 s at 1M
        return _build_graph(list(records))


def _build_graph(records: list[Extraction]) -> nx.MultiDiGraph:
    resolution = resolve_keys(_all_keys(records))
    graph = nx.MultiDiGraph()
    for record in records:  # ingested documents first: their own metadata wins
        doc = record.document
        key = resolution(doc.key or "")
        if not key:
            continue
        node = _node(graph, key)
        if not node["ingested"]:
            node.update({name: getattr(doc, name) for name in NODE_FIELDS})
            node["ingested"] = True
        if record.source not in node["sources"]:
            node["sources"].append(record.source)
    for record in records:
        _add_edges(graph, record, resolution)
    _mark_candidates(graph, resolution)
    _add_current_provinces(graph)
    return graph


def _add_current_provinces(graph: nx.MultiDiGraph) -> None:
    """``province_2025``: the province since the 2025 merger, so queries can group either way."""
    from lexgraph.extractors.places import current_province

    for _, attrs in graph.nodes(data=True):
        name = attrs.get("province")
        attrs["province_2025"] = (current_province(name) or name) if name else None


def _add_edges(graph: nx.MultiDiGraph, record: Extraction, resolution: Resolution) -> None:
    source = resolution(record.document.key or "")
    for citation in record.citations:
        target = resolution(citation.key)
        if target == source:
            continue  # a document mentioning its own number (appendix, footer) is no edge
        _fill(_node(graph, target), citation.__dict__)
        graph.add_edge(
            source, target,
            key=edge_id("c", source, record.sha256, citation.start, citation.end, target),
            kind="citation", relation=citation.relation, scope=citation.scope,
            section=citation.section, quote=citation.quote, start=citation.start,
            end=citation.end, source=source, sources=[source], file=record.source,
            resolved=None if citation.key == target else "unique_candidate",
        )  # fmt: skip
    for assertion in record.assertions:
        subject, target = resolution(assertion.subject), resolution(assertion.object)
        if subject == target:
            continue
        _node(graph, subject)
        _node(graph, target)
        key = edge_id("a", subject, assertion.relation, target)
        if graph.has_edge(subject, target, key):
            sources = graph.edges[subject, target, key]["sources"]
            if source not in sources:
                sources.append(source)
            continue
        graph.add_edge(
            subject, target, key=key, kind="assertion", relation=assertion.relation,
            scope="document", section=None, quote=assertion.quote, start=assertion.start,
            end=assertion.end, source=source, sources=[source], file=record.source, resolved=None,
        )  # fmt: skip


def _mark_candidates(graph: nx.MultiDiGraph, resolution: Resolution) -> None:
    for key, options in resolution.candidates.items():
        if key in graph:
            graph.nodes[key]["candidates"] = options
