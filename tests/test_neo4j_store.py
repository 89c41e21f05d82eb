"""The Neo4j store against a real server: parity, idempotence, crash recovery, errors."""

from __future__ import annotations

import hashlib
import socket
import threading
from typing import Any

import networkx as nx
import pytest

from lexgraph.graph.neo4j_store import (
    NODE_PROPS,
    Neo4jSettings,
    Neo4jStoreError,
    connect,
    counts,
    ensure_schema,
    load_graph,
    read_graph,
)
from lexgraph.graph.random_graph import random_graph
from tests.neo4j_fixtures import (  # noqa: F401 - the fixtures register by import
    LocalNeo4j,
    Neo4jServer,
    local_instance,
    neo4j_driver_fixture,
    neo4j_server_fixture,
)

pytestmark = pytest.mark.neo4j

# Extraction-like records (the DESIGN.md shape), as the seeds produce them.
RECORDS: list[dict[str, Any]] = [
    {
        "source": "seeds/5793-KH-UBND.txt",
        "document": {"key": "5793/KH-UBND@2013@ben-tre", "kind": "KH", "number": "5793/KH-UBND",
                     "year": 2013, "issuer": "UBND tỉnh Bến Tre", "level": "province",
                     "province": "Bến Tre", "district": None, "date": "2013-12-19",
                     "title": "Kế hoạch thực hiện Chương trình hành động số 28-CTr/TU",
                     "signer": "Võ Thành Hạo"},
        "citations": [
            {"key": "28-CTr/TU@2013@ben-tre", "kind": "CTr", "number": "28-CTr/TU", "year": 2013,
             "relation": "implements", "scope": "document", "section": None,
             "start": 120, "end": 131, "quote": "Thực hiện Chương trình hành động số 28-CTr/TU"},
            {"key": "25-NQ/TW@2013", "kind": "NQ", "number": "25-NQ/TW", "year": 2013,
             "relation": "cites", "scope": "task", "section": "II.8",
             "start": 900, "end": 908, "quote": "Nghị quyết số 25-NQ/TW"},
            {"key": "25-NQ/TW@2013", "kind": "NQ", "number": "25-NQ/TW", "year": 2013,
             "relation": "implements", "scope": "task", "section": "III.1",
             "start": 1500, "end": 1508, "quote": "triển khai Nghị quyết 25-NQ/TW"},
        ],
        "assertions": [{"subject": "28-CTr/TU@2013@ben-tre", "relation": "implements",
                        "object": "25-NQ/TW@2013", "start": 120, "end": 300,
                        "quote": "28-CTr/TU ... về việc thực hiện Nghị quyết ... (khoá XI)"}],
    },
    {
        "source": "corpus/16-KH-UBND.txt",
        "document": {"key": "16/KH-UBND@2022@ca-mau", "kind": "KH", "number": "16/KH-UBND",
                     "year": 2022, "issuer": "UBND tỉnh Cà Mau", "level": "province",
                     "province": "Cà Mau", "district": None, "date": "2022-01-20",
                     "title": "KẾ HOẠCH triển khai Chỉ thị 33/CT-TTg", "signer": None},
        "citations": [
            {"key": "33/CT-TTg@2021", "kind": "CT", "number": "33/CT-TTg", "year": 2021,
             "relation": "implements", "scope": "document", "section": None,
             "start": 40, "end": 49, "quote": "triển khai Chỉ thị 33/CT-TTg"},
            {"key": "11-NQ/TU@?@?", "kind": "NQ", "number": "11-NQ/TU", "year": None,
             "relation": "based_on", "scope": "document", "section": None,
             "start": 60, "end": 68, "quote": "Căn cứ Nghị quyết 11-NQ/TU"},
        ],
        "assertions": [{"subject": "28-CTr/TU@2013@ben-tre", "relation": "implements",
                        "object": "25-NQ/TW@2013", "start": 500, "end": 560, "quote": "28-CTr/TU"}],
    },
]  # fmt: skip


def _edge_id(*parts: Any) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode()).hexdigest()[:20]


def graph_from_records(records: list[dict[str, Any]]) -> nx.MultiDiGraph:
    """The embedded graph's attribute contract, built by hand (independent of graph/build.py)."""
    graph = nx.MultiDiGraph()

    def node(key: str) -> dict[str, Any]:
        if key not in graph:
            graph.add_node(key, key=key, ingested=False, sources=[], unresolved="?" in key,
                           province_2025=None, **dict.fromkeys(NODE_PROPS[1:11]))  # fmt: skip
        return graph.nodes[key]

    for record in records:
        doc = record["document"]
        node(doc["key"]).update({**doc, "ingested": True, "sources": [record["source"]]})
    for record in records:
        source = record["document"]["key"]
        for c in record["citations"]:
            target = node(c["key"])
            for name in ("kind", "number", "year"):
                target[name] = target[name] if target[name] is not None else c.get(name)
            graph.add_edge(
                source, c["key"], key=_edge_id("c", source, c["start"], c["key"]), kind="citation",
                relation=c["relation"], scope=c["scope"], section=c["section"], quote=c["quote"],
                start=c["start"], end=c["end"], source=source, sources=[source],
                file=record["source"], resolved=None,
            )  # fmt: skip
        for a in record["assertions"]:
            key = _edge_id("a", a["subject"], a["relation"], a["object"])
            if graph.has_edge(a["subject"], a["object"], key):
                graph.edges[a["subject"], a["object"], key]["sources"].append(source)
                continue
            graph.add_edge(
                a["subject"], a["object"], key=key, kind="assertion", relation=a["relation"],
                scope="document", section=None, quote=a["quote"], start=a["start"], end=a["end"],
                source=source, sources=[source], file=record["source"], resolved=None,
            )  # fmt: skip
    return graph


def assert_same_graph(expected: nx.MultiDiGraph, actual: nx.MultiDiGraph) -> None:
    assert dict(expected.nodes(data=True)) == dict(actual.nodes(data=True))
    want = {(u, v, k): d for u, v, k, d in expected.edges(keys=True, data=True)}
    got = {(u, v, k): d for u, v, k, d in actual.edges(keys=True, data=True)}
    assert want == got


def test_load_then_read_back_gives_the_same_graph(neo4j_server: Neo4jServer, neo4j_driver) -> None:
    graph = graph_from_records(RECORDS)
    assert graph.number_of_nodes() == 6 and graph.number_of_edges() == 6
    database = neo4j_server.settings.database
    ensure_schema(neo4j_driver, database)
    stats = load_graph(neo4j_driver, graph, database, batch_size=2)
    assert (stats.nodes, stats.edges, stats.nodes_created, stats.edges_created) == (6, 6, 6, 6)
    assert counts(neo4j_driver, database) == {
        "nodes": 6, "ingested": 2, "unresolved": 1, "edges": 6, "duplicate_edge_ids": 0,
    }  # fmt: skip
    back = read_graph(neo4j_driver, database)
    assert_same_graph(graph, back)
    assertion = [d for *_, d in back.edges(data=True) if d["kind"] == "assertion"]
    assert assertion[0]["sources"] == ["5793/KH-UBND@2013@ben-tre", "16/KH-UBND@2022@ca-mau"]
    assert back.nodes["16/KH-UBND@2022@ca-mau"]["title"] == "KẾ HOẠCH triển khai Chỉ thị 33/CT-TTg"


def test_reload_is_idempotent_and_replaces_properties(
    neo4j_server: Neo4jServer, neo4j_driver
) -> None:
    database = neo4j_server.settings.database
    graph = graph_from_records(RECORDS)
    ensure_schema(neo4j_driver, database)
    ensure_schema(neo4j_driver, database)  # twice: IF NOT EXISTS everywhere
    load_graph(neo4j_driver, graph, database)
    first = (counts(neo4j_driver, database), read_graph(neo4j_driver, database))
    again = load_graph(neo4j_driver, graph, database)
    assert (again.nodes_created, again.edges_created) == (0, 0)
    assert counts(neo4j_driver, database) == first[0]
    assert_same_graph(first[1], read_graph(neo4j_driver, database))
    # A changed graph (a value corrected, a value gone) is mirrored, not merged into the old one.
    graph.nodes["33/CT-TTg@2021"]["date"] = "2021-12-10"
    graph.nodes["5793/KH-UBND@2013@ben-tre"]["signer"] = None
    load_graph(neo4j_driver, graph, database)
    assert_same_graph(graph, read_graph(neo4j_driver, database))


def test_routing_uri_works_unchanged(neo4j_server: Neo4jServer) -> None:
    settings = neo4j_server.settings
    if not settings.uri.startswith("bolt://"):
        pytest.skip("NEO4J_URI is already a routing URI; the other tests use it")
    routed = Neo4jSettings(settings.uri.replace("bolt://", "neo4j://"), settings.username,
                           settings.password, database=settings.database or "neo4j")  # fmt: skip
    driver = connect(routed)
    try:
        assert counts(driver, routed.database)["duplicate_edge_ids"] == 0
    finally:
        driver.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _one_clear_line(error: Neo4jStoreError, secret: str) -> str:
    message = str(error)
    assert "\n" not in message and message
    assert secret not in message and secret not in repr(error)
    return message


def test_unreachable_server_is_one_clear_line() -> None:
    secret = "unreachable-secret-9f3b"
    settings = Neo4jSettings(f"bolt://127.0.0.1:{_free_port()}", "neo4j", secret)
    assert secret not in repr(settings)
    with pytest.raises(Neo4jStoreError) as caught:
        connect(settings)
    assert "cannot reach Neo4j at bolt://127.0.0.1" in _one_clear_line(caught.value, secret)


def test_wrong_password_is_one_clear_line(neo4j_server: Neo4jServer) -> None:
    secret = "wrong-password-7c21e"
    s = neo4j_server.settings
    with pytest.raises(Neo4jStoreError) as caught:
        connect(Neo4jSettings(s.uri, s.username, secret, s.database))
    assert "refused the credentials" in _one_clear_line(caught.value, secret)


def test_unknown_database_is_one_clear_line(neo4j_server: Neo4jServer) -> None:
    s = neo4j_server.settings
    with pytest.raises(Neo4jStoreError) as caught:
        connect(Neo4jSettings(s.uri, s.username, s.password, database="nosuchdb"))
    message = _one_clear_line(caught.value, s.password)
    assert "no database 'nosuchdb'" in message


def test_missing_password_is_reported_before_connecting() -> None:
    with pytest.raises(Neo4jStoreError, match="no password"):
        connect(Neo4jSettings("bolt://127.0.0.1:1", "neo4j", ""))


def test_load_interrupted_by_a_crash_completes_when_run_again() -> None:
    """SIGKILL the server in the middle of a 50k-edge load, restart it, load again."""
    instance: LocalNeo4j = local_instance("crash-instance", 7711)
    instance.reset()
    instance.start()
    graph = random_graph(docs=5_000, edges=50_000, seed=11)
    try:
        settings = instance.settings(retry_seconds=3.0)
        driver = connect(settings)
        ensure_schema(driver)
        edges_done = threading.Event()

        def progress(phase: str, done: int, total: int) -> None:
            if phase == "edges" and done >= 10_000:
                edges_done.set()

        killer = threading.Thread(target=lambda: edges_done.wait(120) and instance.kill())
        killer.start()
        with pytest.raises(Neo4jStoreError) as caught:
            load_graph(driver, graph, batch_size=2_000, progress=progress)
        killer.join()
        driver.close()
        assert "cannot reach" in str(caught.value) and "\n" not in str(caught.value)

        instance.start()  # recovers the transaction log
        driver = connect(instance.settings())
        partial = counts(driver)
        assert partial["nodes"] == 5_000 and 10_000 <= partial["edges"] < 50_000
        stats = load_graph(driver, graph)
        assert stats.edges_created == 50_000 - partial["edges"] and stats.nodes_created == 0
        assert counts(driver) == {
            "nodes": 5_000, "ingested": sum(1 for _, d in graph.nodes(data=True) if d["ingested"]),
            "unresolved": 0, "edges": 50_000, "duplicate_edge_ids": 0,
        }  # fmt: skip
        query = "MATCH (a)-[r {id: $id}]->(b) RETURN a.key AS u, b.key AS v, type(r) AS t, properties(r) AS p"
        for u, v, k, data in list(graph.edges(keys=True, data=True))[::5_000]:
            (row,) = driver.execute_query(query, id=k).records
            stored = {name: value for name, value in data.items() if value is not None}
            assert (row["u"], row["v"], row["p"]) == (u, v, {**stored, "id": k})
            assert row["t"] == data["relation"].upper()
        driver.close()
    finally:
        instance.stop()


SEARCHES = ["dan van", "DÂN VẬN chính", "33/ct-ttg", "ke hoach", "ubnd tinh ca", "25-NQ/TW",
            'a+b (c) "x" OR NOT', "ke*", "\\", "zzz", "đắk", "k", "ho"]  # fmt: skip


def test_search_on_neo4j_matches_networkx(neo4j_server: Neo4jServer, neo4j_driver) -> None:
    """The full-text index on search_text gives the networkx answer, Lucene syntax escaped."""
    from lexgraph.queries.backends import Neo4jBackend
    from lexgraph.queries.search import search_cypher, search_nx

    graph = graph_from_records(RECORDS)
    graph.nodes["25-NQ/TW@2013"]["title"] = "Nghị quyết về công tác dân vận chính quyền"
    graph.add_nodes_from(random_graph(docs=300, edges=0, seed=3).nodes(data=True))
    # One of each match rank for "dan van": words whole but apart, prefixes only.
    graph.add_node("1/HD-X@2020", key="1/HD-X@2020", title="Vận động dân cư", date="2020-01-01")
    graph.add_node("2/HD-X@2024", key="2/HD-X@2024", title="Danh sách vấn đề", date="2024-01-01")
    database = neo4j_server.settings.database
    ensure_schema(neo4j_driver, database)
    load_graph(neo4j_driver, graph, database)
    backend = Neo4jBackend(neo4j_driver, database)
    found = 0
    for query in SEARCHES:
        for limit in (None, 3):
            expected = search_nx(graph, query, limit)
            assert search_cypher(backend, query, limit) == expected, (query, limit)
            found += len(expected)
    assert found > 50
    ranked = [(r.key, r.match) for r in search_nx(graph, "dan van")]
    assert ranked == [("25-NQ/TW@2013", "phrase"), ("1/HD-X@2020", "words"),
                      ("2/HD-X@2024", "prefix")]  # fmt: skip
    assert "search_text" not in read_graph(neo4j_driver, database).nodes["25-NQ/TW@2013"]


def _edge_types(driver: Any, database: str | None) -> dict[str, tuple[str, str]]:
    """edge id -> (relationship type, relation property), every edge in the database."""
    records, _, _ = driver.execute_query(
        "MATCH ()-[r]->() RETURN r.id AS id, type(r) AS t, r.relation AS relation",
        database_=database,
    )
    return {r["id"]: (r["t"], r["relation"]) for r in records}


def test_each_relation_is_its_own_type_and_a_change_moves_the_edge(
    neo4j_server: Neo4jServer, neo4j_driver
) -> None:
    """Type = relation upper-cased; a corrected relation (or an edge of the older
    one-``:CITES`` model) is replaced on reload, never duplicated."""
    database = neo4j_server.settings.database
    graph = graph_from_records(RECORDS)
    ensure_schema(neo4j_driver, database)
    load_graph(neo4j_driver, graph, database)
    types = _edge_types(neo4j_driver, database)
    assert {t for t, _ in types.values()} == {"IMPLEMENTS", "CITES", "BASED_ON"}
    assert all(t == relation.upper() for t, relation in types.values())
    # Relation corrected in the graph: the edge moves to the new type.
    u, v, k = next((u, v, k) for u, v, k, r in graph.edges(keys=True, data="relation")
                   if r == "implements")  # fmt: skip
    graph.edges[u, v, k]["relation"] = "guides"
    # An edge stored as the older model: `:CITES {relation: "based_on"}`.
    u2, v2, k2 = next((u, v, k) for u, v, k, r in graph.edges(keys=True, data="relation")
                      if r == "based_on")  # fmt: skip
    neo4j_driver.execute_query(
        "MATCH (a {key: $u})-[r {id: $id}]->(b {key: $v}) DELETE r "
        "WITH a, b CREATE (a)-[:CITES {id: $id, relation: 'based_on'}]->(b)",
        u=u2, v=v2, id=k2, database_=database,
    )  # fmt: skip
    load_graph(neo4j_driver, graph, database)
    types = _edge_types(neo4j_driver, database)
    assert types[k] == ("GUIDES", "guides") and types[k2] == ("BASED_ON", "based_on")
    assert counts(neo4j_driver, database)["edges"] == graph.number_of_edges() == len(types)
    assert_same_graph(graph, read_graph(neo4j_driver, database))


def test_unknown_relation_is_refused_before_any_write(
    neo4j_server: Neo4jServer, neo4j_driver
) -> None:
    database = neo4j_server.settings.database
    graph = graph_from_records(RECORDS)
    u, v, k = next(iter(graph.edges(keys=True)))
    graph.edges[u, v, k]["relation"] = "IMPLEMENTS]->() DETACH DELETE (x"
    ensure_schema(neo4j_driver, database)
    with pytest.raises(Neo4jStoreError, match="not one of implements"):
        load_graph(neo4j_driver, graph, database)
    assert counts(neo4j_driver, database)["nodes"] == 0


def test_cypher_files_name_only_whitelisted_types() -> None:
    """The .cypher files spell the type lists of graph/neo4j_types.py, nothing else."""
    import re
    from importlib import resources

    from lexgraph.graph.neo4j_types import ALL_TYPES, DEFAULT_TYPES, TYPES

    for path in resources.files("lexgraph.queries").iterdir():
        if path.name.endswith(".cypher"):
            text = path.read_text("utf-8")
            code = "\n".join(line for line in text.splitlines() if not line.startswith("//"))
            for found in re.findall(r"\[\w*:([A-Z_|]+)", code):
                assert found in (ALL_TYPES, DEFAULT_TYPES), (path.name, found)
                assert set(found.split("|")) <= set(TYPES.values())
