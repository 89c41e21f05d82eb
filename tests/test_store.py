"""The embedded store file: round trip, atomic writes, clear errors, exports."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from lexgraph.graph.build import build_graph
from lexgraph.graph.export import export_graph
from lexgraph.graph.store import StoreData, StoreError, load, save
from tests.test_graph_build import cite, record


def sample() -> StoreData:
    records = [
        record(
            "a.txt",
            "16/KH-UBND@2022@ca-mau",
            [cite("33/CT-TTg@2021", date="2021-11-26")],
            kind="Kế hoạch",
        ),
        record("b.txt", "35/KH-UBND@2022@hau-giang/vi-thanh", [cite("16/KH-UBND@2022@ca-mau")]),
    ]
    return StoreData(records={r.source: r for r in records}, graph=build_graph(records))


def test_round_trip_keeps_records_nodes_edges_and_properties(tmp_path: Path) -> None:
    data = sample()
    save(tmp_path / "g.json.gz", data)
    loaded = load(tmp_path / "g.json.gz")
    assert loaded.records.keys() == data.records.keys()
    assert loaded.records["a.txt"].citations[0].date == "2021-11-26"
    assert dict(loaded.graph.nodes(data=True)) == dict(data.graph.nodes(data=True))
    assert sorted(loaded.graph.edges(keys=True, data=True), key=str) == sorted(
        data.graph.edges(keys=True, data=True), key=str
    )


def test_missing_store_names_the_file_and_the_next_step(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"no graph here yet; run `lexgraph build"):
        load(tmp_path / "absent.json.gz")
    assert load(tmp_path / "absent.json.gz", missing_ok=True).records == {}


def test_corrupt_store_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json.gz"
    bad.write_bytes(b"not gzip")
    with pytest.raises(StoreError, match="not a readable lexgraph store"):
        load(bad)
    other = tmp_path / "other.json.gz"
    other.write_bytes(gzip.compress(json.dumps({"format": "x"}).encode()))
    with pytest.raises(StoreError, match="not a lexgraph store"):
        load(other)


def test_failed_save_leaves_the_previous_file_intact(tmp_path: Path) -> None:
    path = tmp_path / "g.json.gz"
    save(path, sample())
    before = path.read_bytes()
    broken = sample()
    broken.graph.nodes["33/CT-TTg@2021"]["title"] = object()  # not JSON-serialisable
    with pytest.raises(TypeError):
        save(path, broken)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["g.json.gz"]


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_exports_read_back_with_the_same_counts(tmp_path: Path, fmt: str) -> None:
    import networkx as nx

    graph = sample().graph
    (out,) = export_graph(graph, fmt, tmp_path / f"g.{fmt}")
    if fmt == "graphml":
        back = nx.read_graphml(out)
    elif fmt == "gexf":
        back = nx.read_gexf(out)
    else:
        back = nx.node_link_graph(json.loads(out.read_text(encoding="utf-8")), edges="edges")
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.number_of_edges() == graph.number_of_edges()


def test_csv_export_has_neo4j_admin_headers(tmp_path: Path) -> None:
    import csv

    nodes, edges = export_graph(sample().graph, "csv", tmp_path / "csv")
    with nodes.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][0] == "key:ID" and rows[0][-1] == ":LABEL"
    assert len(rows) == 1 + 3
    with edges.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:3] == [":START_ID", ":END_ID", ":TYPE"]
    assert len(rows) == 1 + 2
    relation = rows[0].index("relation")
    assert all(row[2] == row[relation].upper() for row in rows[1:])  # one type per relation


def test_graph_only_load_skips_the_records(tmp_path: Path) -> None:
    path = tmp_path / "g.json.gz"
    data = sample()
    save(path, data)
    graph_only = load(path, records=False)
    assert graph_only.records == {}
    assert graph_only.graph.number_of_edges() == data.graph.number_of_edges()


def test_a_store_from_a_newer_lexgraph_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "new.json.gz"
    path.write_bytes(
        gzip.compress(json.dumps({"format": "lexgraph-store", "version": 99}).encode() + b"\n")
    )
    with pytest.raises(StoreError, match="newer lexgraph"):
        load(path)


def test_the_loaded_graph_is_the_one_networkx_would_build() -> None:
    # The loader fills networkx's storage dicts directly (speed); it must give exactly the
    # graph add_nodes_from/add_edges_from give: same nodes, edges, keys, attributes, order,
    # predecessors, including parallel edges and an edge to a document not listed.
    import networkx as nx

    from lexgraph.graph.build import build_graph
    from lexgraph.graph.store import _graph_from_json, _graph_to_json
    from lexgraph.synth import synthetic_records

    data = _graph_to_json(build_graph(synthetic_records(800, 5000, seed=11)))
    data["edges"].append(["1/KH-UBND@2099", "2/KH-UBND@2099", "extra", {"relation": "cites"}])
    data["edges"].append(["1/KH-UBND@2099", "2/KH-UBND@2099", "extra2", {"relation": "cites"}])
    plain = nx.MultiDiGraph()
    plain.add_nodes_from((a["key"], dict(a)) for a in data["nodes"])
    plain.add_edges_from((u, v, k, dict(a)) for u, v, k, a in data["edges"])
    fast = _graph_from_json(data)
    assert list(fast.nodes(data=True)) == list(plain.nodes(data=True))
    assert list(fast.edges(keys=True, data=True)) == list(plain.edges(keys=True, data=True))
    assert list(fast.in_edges(keys=True, data=True)) == list(plain.in_edges(keys=True, data=True))
    assert any(len(keys) > 1 for _, nbrs in fast.adjacency() for keys in nbrs.values())
    fast.add_edge("1/KH-UBND@2099", "3/KH-UBND@2099", key="after")  # still a normal graph
    assert fast.has_edge("1/KH-UBND@2099", "3/KH-UBND@2099", key="after")
    u, v = "1/KH-UBND@2099", "2/KH-UBND@2099"
    assert fast._pred[v][u] is fast._succ[u][v]  # one key dict per pair, as networkx keeps


def test_a_loaded_key_or_repeated_value_is_one_string_object(tmp_path: Path) -> None:
    # Lookups by key then match by identity (docs/benchmarks.md, Queries): each key is one
    # object in the node table, the adjacency and the node's own "key", and a repeated
    # value (kind, level, relation, scope) one object for the whole graph.
    from lexgraph.graph.build import build_graph
    from lexgraph.synth import synthetic_records

    path = tmp_path / "graph.json.gz"
    save(path, StoreData(graph=build_graph(synthetic_records(300, 1500, seed=3))))
    graph = load(path, records=False).graph
    keys = {k: k for k in graph._node}
    for u, targets in graph._succ.items():
        assert keys[u] is u and graph._node[u].get("key", u) is u
        for v in targets:
            assert keys[v] is v
            assert next(w for w in graph._pred[v] if w == u) is u
    kinds = {id(a["kind"]) for a in graph._node.values() if a.get("kind") == "Kế hoạch"}
    relations = {
        id(d["relation"]) for _, _, d in graph.edges(data=True) if d["relation"] == "implements"
    }
    assert len(kinds) == 1 and len(relations) == 1
