"""The Neo4j implementers/lineage fetch (queries/lineage_neo4j.py) on a graph built to
exercise what it does by ids: parallel qualifying edges between one pair of documents
(the evidence edge is chosen by traverse.rank_key after a fetch by relationship id),
evidence at depth 1 and deeper, both directions, scope, relation subsets and the
fresh-database CREATE load followed by the MERGE reload. Real Neo4j, compared with the
embedded store and with the rule written out by hand."""

from __future__ import annotations

import networkx as nx
import pytest

from lexgraph.graph.neo4j_store import NODE_PROPS, counts, ensure_schema, load_graph
from lexgraph.queries.backends import EmbeddedBackend, Neo4jBackend
from lexgraph.queries.lineage import lineage
from tests.neo4j_fixtures import Neo4jServer

pytestmark = pytest.mark.neo4j

T = "33/CT-TTg@2021"  # the central directive
A = "16/KH-UBND@2022@ca-mau"  # implements T (four parallel edges)
B = "20/KH-UBND@2022@ca-mau/u-minh"  # continues / is based on A (two parallel edges)
C = "5/KH-UBND@2022@ca-mau/u-minh/khanh-an"  # implements A by a task only; cites B


def _graph() -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for key, level, date in ((T, "central_state", "2021-08-01"), (A, "province", "2022-01-20"),
                             (B, "district", "2022-03-02"), (C, "commune", None)):  # fmt: skip
        attrs = {**dict.fromkeys(NODE_PROPS), "key": key, "level": level, "date": date,
                 "number": key.split("@")[0], "title": f"Văn bản {key}", "ingested": True,
                 "sources": [f"{key}.txt"], "unresolved": False}  # fmt: skip
        graph.add_node(key, **attrs)

    def edge(u: str, v: str, key: str, relation: str, scope: str, start: int,
             kind: str = "citation") -> None:  # fmt: skip
        graph.add_edge(u, v, key=key, kind=kind, relation=relation, scope=scope, start=start,
                       end=start + 5, quote=f"{key}: {relation} {scope}", section=None,
                       source=u, sources=[u], file=None, resolved=None)  # fmt: skip

    edge(A, T, "e1", "based_on", "document", 5)
    edge(A, T, "e2", "implements", "task", 1)
    edge(A, T, "e3", "implements", "document", 10)
    edge(A, T, "e4", "implements", "document", 0, kind="assertion")
    edge(B, A, "e5", "based_on", "document", 3)
    edge(B, A, "e6", "continues", "document", 8)
    edge(C, A, "e7", "implements", "task", 2)
    edge(C, B, "e8", "cites", "document", 4)
    return graph


# (direction, origin, options) -> [(key, depth, evidence edge's quote)], by traverse.rank_key:
# a citation before an assertion, document scope before task, then the relations' order,
# then the offset.
CASES = {
    ("down", T, ()): [(A, 1, "e3: implements document"), (B, 2, "e6: continues document"),
                      (C, 2, "e7: implements task")],
    ("down", T, (("scope", "document"),)): [(A, 1, "e3: implements document"),
                                            (B, 2, "e6: continues document")],
    ("down", T, (("scope", "task"),)): [(A, 1, "e2: implements task"),
                                        (C, 2, "e7: implements task")],
    ("down", T, (("relations", ("based_on", "implements")),)): [
        (A, 1, "e1: based_on document"), (B, 2, "e5: based_on document"),
        (C, 2, "e7: implements task")],
    ("down", T, (("depth", 1),)): [(A, 1, "e3: implements document")],
    ("down", T, (("relations", ("cites",)),)): [],
    ("up", B, ()): [(A, 1, "e6: continues document"), (T, 2, "e3: implements document")],
    ("up", C, (("relations", ("cites", "implements")),)): [
        (A, 1, "e7: implements task"), (B, 1, "e8: cites document"),
        (T, 2, "e3: implements document")],
}  # fmt: skip


def test_evidence_by_relationship_id_matches_the_rule_and_the_embedded_store(
    neo4j_server: Neo4jServer, neo4j_driver
) -> None:
    graph = _graph()
    database = neo4j_server.settings.database
    ensure_schema(neo4j_driver, database)
    first = load_graph(neo4j_driver, graph, database)  # empty database: CREATE
    again = load_graph(neo4j_driver, graph, database)  # MERGE: nothing new
    assert (first.edges_created, again.edges_created, again.nodes_created) == (8, 0, 0)
    assert counts(neo4j_driver, database)["edges"] == 8
    neo4j, embedded = Neo4jBackend(neo4j_driver, database), EmbeddedBackend(graph)
    for (direction, origin, options), expected in CASES.items():
        rows = lineage(neo4j, origin, direction, **dict(options))
        assert rows == lineage(embedded, origin, direction, **dict(options)), (direction, options)
        got = [(r.key, r.depth, r.quote) for r in rows]
        assert got == expected, (direction, origin, options)
    assert lineage(neo4j, "1/CT-TTg@1999", "down") is None
