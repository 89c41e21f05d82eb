"""The embedded store: extraction records plus the built graph, in one local file.

The file is gzip-compressed JSON (``lexgraph-store`` format, versioned; orjson writes it
several times faster than the json module). It keeps the
records as well as the graph so that ``build`` can skip unchanged files (content hash) and
replace a changed file's contribution without touching the rest. Writes are atomic (a
temporary file renamed over the old one): a failed or interrupted build loses nothing.
"""

from __future__ import annotations

import gzip
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import orjson

from lexgraph.gc_pause import paused_gc
from lexgraph.model import Extraction

FORMAT = "lexgraph-store"
VERSION = 2
DEFAULT_STORE = Path(".lexgraph") / "graph.json.gz"


class StoreError(Exception):
    """A store file that cannot be used; the message names the file and what to do."""


def default_store_path() -> Path:
    return Path(os.environ.get("LEXGRAPH_STORE") or DEFAULT_STORE)


@dataclass
class StoreData:
    records: dict[str, Extraction] = field(default_factory=dict)  # source path -> record
    graph: nx.MultiDiGraph = field(default_factory=nx.MultiDiGraph)

    def cache_by_sha(self) -> dict[str, Extraction]:
        return {r.sha256: r for r in self.records.values()}


def _graph_to_json(graph: nx.MultiDiGraph) -> dict[str, Any]:
    return {
        "nodes": [attrs for _, attrs in graph.nodes(data=True)],
        "edges": [[u, v, k, attrs] for u, v, k, attrs in graph.edges(keys=True, data=True)],
    }


# Fields whose few distinct values repeat across the graph: kept as one object per value.
_SHARED_NODE_VALUES = ("kind", "level", "province", "district", "issuer")
_SHARED_EDGE_VALUES = ("relation", "scope", "kind")


def _graph_from_json(data: dict[str, Any]) -> nx.MultiDiGraph:
    """The MultiDiGraph ``add_nodes_from``/``add_edges_from`` would build, built by filling
    its documented storage dicts directly (networkx's ``_node``, ``_succ``, ``_pred``; the
    key dict of an edge pair is shared by ``_succ[u][v]`` and ``_pred[v][u]``, as networkx
    does). Why: ``add_edges_from`` checks and copies per edge, 9.5 s of a 100k/1M store's
    17 s load; this takes a third of that. The parsed dicts are fresh, so they are used as
    the attribute dicts without a copy. tests/test_store.py checks the result equals the
    add_edges_from graph, order included."""
    graph = nx.MultiDiGraph()
    node, succ, pred = graph._node, graph._succ, graph._pred
    # Each key as one string object everywhere (the JSON parser makes a new one per
    # occurrence): a lookup then matches by identity instead of comparing two equal
    # strings in far-apart memory, which made a 10,000-row implementers answer ~1.6x
    # slower than on the graph it was saved from (docs/benchmarks.md, Queries).
    same: dict[str, str] = {}
    for attrs in data["nodes"]:
        key = attrs["key"] = same.setdefault(attrs["key"], attrs["key"])
        for name in _SHARED_NODE_VALUES:
            value = attrs.get(name)
            if value is not None:
                attrs[name] = same.setdefault(value, value)
        if key in node:
            node[key].update(attrs)
        else:
            node[key], succ[key], pred[key] = attrs, {}, {}
    for u, v, k, attrs in data["edges"]:
        u = same.setdefault(u, u)
        v = same.setdefault(v, v)
        if u not in node:
            node[u], succ[u], pred[u] = {}, {}, {}
        if v not in node:
            node[v], succ[v], pred[v] = {}, {}, {}
        for name in _SHARED_EDGE_VALUES:
            value = attrs.get(name)
            if value is not None:
                attrs[name] = same.setdefault(value, value)
        pair = succ[u].get(v)
        if pair is None:
            pair = succ[u][v] = pred[v][u] = {}
        pair[k] = attrs
    return graph


def save(path: Path, data: StoreData) -> None:
    """Two JSON lines in one gzip stream: header + graph first, records second, so that a
    reader that only queries (``load(..., records=False)``) stops after the first line."""
    path.parent.mkdir(parents=True, exist_ok=True)
    head = {"format": FORMAT, "version": VERSION, "graph": _graph_to_json(data.graph)}
    body = {"records": [r.to_dict() for r in data.records.values()]}
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with (
            os.fdopen(fd, "wb") as raw,
            gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=3) as out,
        ):
            out.write(orjson.dumps(head) + b"\n")  # orjson escapes newlines inside strings
            out.write(orjson.dumps(body) + b"\n")
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp's 0600 would hide the graph from the user's group
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load(path: Path, *, missing_ok: bool = False, records: bool = True) -> StoreData:
    """Read a store; ``records=False`` reads the graph only (what queries need), about half
    the work on a large store."""
    if not path.exists():
        if missing_ok:
            return StoreData()
        raise StoreError(
            f"{path}: no graph here yet; run `lexgraph build DOCS...` first (or pass --store)"
        )
    try:
        with gzip.open(path, "rb") as handle, paused_gc():
            head = orjson.loads(handle.readline())
            if not isinstance(head, dict) or head.get("format") != FORMAT:
                raise StoreError(f"{path}: not a lexgraph store file")
            if head.get("version", 0) > VERSION:
                raise StoreError(
                    f"{path}: written by a newer lexgraph (store version {head['version']}); "
                    "upgrade lexgraph"
                )
            body = orjson.loads(handle.readline()) if records else {}
    except (OSError, EOFError, ValueError) as error:
        raise StoreError(
            f"{path}: not a readable lexgraph store ({error}); rebuild it with `lexgraph build --fresh`"
        ) from error
    with paused_gc():  # millions of fresh dicts, no cycles: 10.9 -> 4.5 s at 100k/1M
        loaded = [Extraction.from_dict(r) for r in body.get("records", [])]
        return StoreData(
            records={r.source: r for r in loaded},
            graph=_graph_from_json(head.get("graph") or {"nodes": [], "edges": []}),
        )
