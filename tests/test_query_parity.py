"""One truth on two stores: every query gives the same answer on networkx and on Neo4j.

Graphs: the hand-made example graph, the project's examples/ and the seeds extracted for
real, the corpus when ../shared is present, and a synthetic graph with hubs of hundreds
of implementers. Each is loaded into a real Neo4j (tests/neo4j_fixtures.py) and a battery
of queries — implementers (several options), lineage up and down, path, show, search,
stats, coverage, timeline, input resolution — must return identical rows.
"""

from __future__ import annotations

import random
from typing import Any

import pytest

import lexgraph
from lexgraph.api import QueryError
from tests.conftest import CORPUS, EXAMPLES, SEEDS, extracted_graph
from tests.query_graphs import example_graph

pytestmark = pytest.mark.neo4j


def _synthetic():
    from lexgraph.graph.build import build_graph
    from lexgraph.synth import synthetic_records

    return build_graph(synthetic_records(600, 3000, seed=7))


GRAPHS = {
    "hand": example_graph,
    "examples": lambda: extracted_graph(EXAMPLES),
    "seeds": lambda: extracted_graph(SEEDS),
    "synthetic": _synthetic,
    "corpus": lambda: extracted_graph(SEEDS, CORPUS),
}


def _sample(graph: Any) -> dict[str, list]:
    """Deterministic choice of documents to ask about."""
    rng = random.Random(11)
    keys = sorted(graph.nodes)
    cited = sorted(keys, key=lambda k: (-len(graph.pred[k]), k))
    ingested = [k for k in keys if graph.nodes[k].get("ingested")]
    words = []
    for key in rng.sample(ingested, min(3, len(ingested))):
        title = (graph.nodes[key].get("title") or "").split()
        words.append(" ".join(title[1:3]))
    return {
        "targets": cited[:4] + rng.sample(keys, min(3, len(keys))),
        "ingested": rng.sample(ingested, min(5, len(ingested))),
        "words": [w for w in words if w] + ["dan van", "UBND tinh"],
        "numbers": [k.split("@")[0] for k in cited[:4]],
    }


def _call(fn) -> Any:
    try:
        value = fn()
    except QueryError as error:
        return ("error", type(error).__name__)
    if hasattr(value, "to_dicts"):
        return (value.to_dicts(), value.meta)
    return value.to_dict() if hasattr(value, "to_dict") else value


def battery(g: lexgraph.Graph, sample: dict[str, list]) -> dict[str, Any]:
    out: dict[str, Any] = {"stats": _call(lambda: g.stats(top=15))}
    for t in sample["targets"]:
        out[f"implementers {t}"] = _call(lambda t=t: g.implementers(t))
        out[f"implementers {t} task"] = _call(lambda t=t: g.implementers(t, scope="task"))
        out[f"implementers {t} document d1"] = _call(
            lambda t=t: g.implementers(t, scope="document", depth=1)
        )
        out[f"implementers {t} cites"] = _call(
            lambda t=t: g.implementers(t, relations=["cites", "implements"], depth=3)
        )
        # Unknown relations never reach Cypher (types come from the whitelist only).
        out[f"implementers {t} unknown relations"] = _call(
            lambda t=t: g.implementers(t, relations=["based_on", "x]-(y) DELETE y //"])
        )
        out[f"implementers {t} no known relation"] = _call(
            lambda t=t: g.implementers(t, relations=["nope"])
        )
        out[f"lineage down {t}"] = _call(lambda t=t: g.lineage(t, "down"))
        # Row filters run before the evidence is fetched: the kept rows keep their evidence.
        out[f"implementers {t} filtered"] = _call(
            lambda t=t: g.implementers(t, level="district", since="2014-01-01")
        )
        out[f"implementers {t} province"] = _call(
            lambda t=t: g.implementers(t, province="Hậu Giang", until="2022-12-31")
        )
        out[f"coverage {t}"] = _call(lambda t=t: g.coverage(t))
        out[f"timeline {t}"] = _call(lambda t=t: g.timeline(t))
        out[f"show {t}"] = _call(lambda t=t: g.show(t))
    if len(sample["targets"]) > 1:
        a, b = sample["targets"][:2]
        out["implementers union"] = _call(lambda: g.implementers(a, b))
    for k in sample["ingested"]:
        out[f"lineage up {k}"] = _call(lambda k=k: g.lineage(k, "up"))
        out[f"lineage up {k} depth 2 document"] = _call(
            lambda k=k: g.lineage(k, "up", depth=2, scope="document")
        )
        out[f"show {k}"] = _call(lambda k=k: g.show(k))
        for t in sample["targets"][:2]:
            out[f"path {k} {t}"] = _call(lambda k=k, t=t: g.path(k, t))
    for w in sample["words"]:
        out[f"search {w}"] = _call(lambda w=w: g.search(w, limit=None))
    for n in sample["numbers"]:
        out[f"resolve {n}"] = _call(lambda n=n: g.resolve(n))
    return out


@pytest.fixture
def loaded(neo4j_server, neo4j_driver):
    from lexgraph.graph.neo4j_store import ensure_schema, load_graph
    from lexgraph.queries.backends import Neo4jBackend

    database = neo4j_server.settings.database

    def load(graph: Any) -> lexgraph.Graph:
        ensure_schema(neo4j_driver, database)
        load_graph(neo4j_driver, graph, database=database)
        return lexgraph.Graph(Neo4jBackend(neo4j_driver, database))

    return load


def _reach_path(g: lexgraph.Graph, path: str) -> lexgraph.Graph:
    """``g`` answering implementers/lineage through ``path``: the server-side search
    (``lexgraph.reach``, which the project's server has) or plain Cypher and the search
    in Python (any other server)."""
    if path == "procedure":
        assert g.backend.has_procedure("lexgraph.reach"), "scripts/neo4j installs the plugin"
    else:
        g.backend.procedures["lexgraph.reach"] = False
    return g


@pytest.mark.parametrize("path", ["procedure", "cypher"])
@pytest.mark.parametrize(
    "name",
    ["hand", "examples", "seeds", "synthetic", pytest.param("corpus", marks=pytest.mark.corpus)],
)
def test_both_stores_answer_identically(name: str, path: str, loaded) -> None:
    graph = GRAPHS[name]()
    embedded = lexgraph.Graph.from_graph(graph)
    neo4j = _reach_path(loaded(graph), path)
    sample = _sample(graph)
    expected, actual = battery(embedded, sample), battery(neo4j, sample)
    assert expected.keys() == actual.keys()
    different = [q for q in expected if expected[q] != actual[q]]
    assert not different, (
        f"{len(different)} queries differ, first: {different[0]}\n"
        f"networkx: {expected[different[0]]}\nneo4j:    {actual[different[0]]}"
    )
    # The battery is not vacuous: some implementers were found through intermediates.
    if name in ("hand", "synthetic", "examples"):
        rows = [r for q, v in expected.items() if q.startswith("lineage down") for r in v[0]]
        assert any(r["depth"] >= 2 for r in rows), "no multi-hop implementer in the battery"


@pytest.mark.parametrize("path", ["procedure", "cypher"])
def test_parents_and_evidence_are_chosen_alike(path: str, loaded) -> None:
    # Keys compare by code point as Python compares them: U+1F600 sorts after U+FFFF,
    # though its UTF-16 surrogate (U+D83D) sorts before. And between parallel edges the
    # evidence is a citation before an assertion, document scope before task, then the
    # order of the relations asked for, then the offset.
    import networkx as nx

    high, low = "1/KH-UBND@2020@\U0001f600", "1/KH-UBND@2020@\uffff"
    graph = nx.MultiDiGraph()

    def edge(u: str, v: str, name: str, **data: Any) -> None:
        graph.add_edge(u, v, key=name, **{"relation": "implements", "scope": "document",
                                          "kind": "citation", "start": 5, "quote": name, **data})  # fmt: skip

    edge(high, "o/CT-TTg@2020", "high")
    edge(low, "o/CT-TTg@2020", "low")
    edge("c/KH-UBND@2021", high, "from high")
    edge("c/KH-UBND@2021", low, "from low")
    edge("p/KH-UBND@2021", high, "assertion", kind="assertion")
    edge("p/KH-UBND@2021", high, "task", scope="task", start=1)
    edge("p/KH-UBND@2021", high, "based on", relation="based_on", start=1)
    edge("p/KH-UBND@2021", high, "later", start=9)
    edge("p/KH-UBND@2021", high, "first", start=7)
    for key in graph:
        graph.nodes[key].update(key=key, kind="Kế hoạch", ingested=True, sources=[])
    embedded = lexgraph.Graph.from_graph(graph)
    neo4j = _reach_path(loaded(graph), path)
    for g in (embedded, neo4j):
        rows = {r.key: r for r in g.implementers("o/CT-TTg@2020")}
        assert rows["c/KH-UBND@2021"].parent == low, g  # UTF-16 order would pick high
        assert rows["c/KH-UBND@2021"].quote == "from low"
        assert rows["p/KH-UBND@2021"].quote == "first"
        assert g.implementers("o/CT-TTg@2020", scope="task").rows == []
    assert (
        embedded.implementers("o/CT-TTg@2020").to_dicts()
        == neo4j.implementers("o/CT-TTg@2020").to_dicts()
    )


def test_cypher_is_read_only_on_the_server(loaded) -> None:
    g = loaded(example_graph())
    assert g.cypher("MATCH (d:Document) RETURN count(d) AS n").rows == [{"n": 17}]
    rows = g.cypher(
        "MATCH (d:Document {key: $k}) RETURN d.issuer AS issuer", k="120/KH-UBND@2022@hau-giang"
    )
    assert rows.rows == [{"issuer": "UBND tỉnh Hậu Giang"}]
    from neo4j.exceptions import ClientError

    with pytest.raises(ClientError) as caught:
        g.cypher("CREATE (d:Document {key: 'x'}) RETURN d")
    assert "AccessMode" in (caught.value.code or "")
    assert g.cypher("MATCH (d:Document {key: 'x'}) RETURN d").rows == []


def test_path_through_thousands_of_shortest_chains(loaded) -> None:
    # Six diamonds in a row, four documents wide: 4**6 = 4,096 shortest chains of 12
    # hops. Both stores build the chain whose key list sorts first from distances
    # (queries/path.py); a query that listed chains up to a limit picked another one.
    import networkx as nx

    graph = nx.MultiDiGraph()
    for i in range(6):
        for j in (3, 1, 0, 2):  # not in key order, so no store finds the smallest first
            mid = f"{i}.{j}/KH-UBND@2020"
            for u, v in ((f"{i}/KH-UBND@2020", mid), (mid, f"{i + 1}/KH-UBND@2020")):
                graph.add_edge(u, v, key=f"{u}>{v}", relation="cites", scope="task")
    for key in graph:
        graph.nodes[key].update(key=key, kind="Kế hoạch", ingested=True, sources=[])
    a, b = "0/KH-UBND@2020", "6/KH-UBND@2020"
    expected = min(nx.all_shortest_paths(graph, a, b))
    for store in (lexgraph.Graph.from_graph(graph), loaded(graph)):
        hops = store.path(a, b)
        assert [hops[0].from_key, *(h.to_key for h in hops)] == expected
