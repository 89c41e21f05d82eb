"""Query semantics on the embedded store: input resolution, implementers, lineage, path,
show, search, coverage, timeline, stats, and the Python API's shape."""

from __future__ import annotations

import subprocess
import sys

import pytest

import lexgraph
from lexgraph.api import Ambiguous, BadInput, NotFound
from lexgraph.queries.search import word_regex, words
from tests.query_graphs import CT33, NQ25, example_graph


@pytest.fixture(scope="module")
def g():
    return lexgraph.Graph.from_graph(example_graph())


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("CT 33/2021", CT33),
        ("Chỉ thị số 33/2021", CT33),
        ("25-NQ/TW", NQ25),
        ("25-nq/tw", NQ25),
        ("NQ 25", NQ25),
        ("NQ 25-NQ/TW", NQ25),
        ("QĐ 217", "217-QĐ/TW@2013"),
        ("QD 217", "217-QĐ/TW@2013"),
        ("217-QĐ/TW", "217-QĐ/TW@2013"),
        ("Quyết định 217 năm 2013", "217-QĐ/TW@2013"),
        ("Nghị quyết Trung ương 7 khóa XI", NQ25),
        ("nghi quyet trung uong 7 khoa XI", NQ25),
        ("5793/KH-UBND", "5793/KH-UBND@2013@ben-tre"),
        ("16/KH-UBND@2022@ca-mau", None),
    ],
)
def test_inputs_resolve(g, text: str, key: str | None) -> None:
    if key is None:
        with pytest.raises(NotFound):
            g.resolve(text)
    else:
        assert g.resolve(text) == key


@pytest.mark.parametrize("text", ["33/CT-TTg", "33/ct-ttg", "33/CT -TTG", "Chỉ thị 33", "CT 33"])
def test_a_number_in_several_years_is_ambiguous_until_narrowed(g, text: str) -> None:
    with pytest.raises(Ambiguous) as caught:
        g.resolve(text)
    assert [c["key"] for c in caught.value.candidates] == ["33/CT-TTg@2008", CT33]
    assert "2021" in str(caught.value) and "Thủ tướng" in str(caught.value)
    assert g.resolve(text, year=2021) == CT33


def test_local_numbers_repeat_across_provinces(g) -> None:
    with pytest.raises(Ambiguous):
        g.resolve("11-NQ/TU")
    assert g.resolve("11-NQ/TU", province="Cà Mau") == "11-NQ/TU@2021@ca-mau"
    assert g.resolve("11-NQ/TU", province="bac lieu") == "11-NQ/TU@2021@bac-lieu"


def test_bad_input(g) -> None:
    with pytest.raises(BadInput):
        g.resolve("dân vận")
    with pytest.raises(NotFound):
        g.resolve("999/KH-UBND")


def test_implementers_direct_and_through_intermediates(g) -> None:
    rows = {r.key: r for r in g.implementers("CT 33/2021")}
    assert set(rows) == {
        "120/KH-UBND@2022@hau-giang", "64/KH-UBND@2022@son-la",
        "35/KH-UBND@2022@hau-giang/vi-thanh", "7/KH-UBND@2022@son-la",
    }  # fmt: skip
    kh120 = rows["120/KH-UBND@2022@hau-giang"]
    # Two mentions of 33/CT-TTg: the opening (document) is the evidence, not the task.
    assert (kh120.depth, kh120.via, kh120.scope) == (1, [], "document")
    assert kh120.quote == "Thực hiện Chỉ thị số 33/CT-TTg"
    assert kh120.lag_days == 81  # 2021-11-26 -> 2022-02-15
    assert kh120.source == "examples/hau-giang-kh-120-2022.txt"
    kh35 = rows["35/KH-UBND@2022@hau-giang/vi-thanh"]
    assert (kh35.depth, kh35.via, kh35.relation) == (
        2,
        ["120/KH-UBND@2022@hau-giang"],
        "implements",
    )
    # based_on counts (a plan issued "Căn cứ" the directive); a plain mention does not.
    assert rows["64/KH-UBND@2022@son-la"].relation == "based_on"
    assert rows["7/KH-UBND@2022@son-la"].relation == "continues"  # and the cycle ends


def test_relation_scope_depth_and_row_filters(g) -> None:
    cites = g.implementers("CT 33/2021", relations=["cites"])
    assert [(r.key, r.depth) for r in cites] == [("35/KH-UBND@2022@hau-giang/vi-thanh", 1)]
    assert {r.key for r in g.implementers("CT 33/2021", depth=1)} == {
        "120/KH-UBND@2022@hau-giang", "64/KH-UBND@2022@son-la"}  # fmt: skip
    task = g.implementers("CT 33/2021", scope="task")
    assert [(r.key, r.scope) for r in task] == [("120/KH-UBND@2022@hau-giang", "task")]
    assert [r.key for r in g.implementers("CT 33/2021", level="district")] == [
        "35/KH-UBND@2022@hau-giang/vi-thanh"
    ]
    assert {r.key for r in g.implementers("CT 33/2021", province="Sơn La")} == {
        "64/KH-UBND@2022@son-la", "7/KH-UBND@2022@son-la"}  # fmt: skip
    dated = g.implementers("CT 33/2021", since="2022-03-01", until="2022-05-01")
    assert {r.key for r in dated} == {
        "35/KH-UBND@2022@hau-giang/vi-thanh",
        "64/KH-UBND@2022@son-la",
    }
    with pytest.raises(BadInput):
        g.implementers("CT 33/2021", scope="title")


def test_lineage_passes_through_documents_only_referenced(g) -> None:
    up = g.lineage("5793/KH-UBND", "up")
    assert [(r.key, r.depth, r.via) for r in up] == [
        ("28-CTr/TU@2013@ben-tre", 1, []),
        (NQ25, 2, ["28-CTr/TU@2013@ben-tre"]),
    ]
    assert up[0].source is None  # 28-CTr/TU is not in the corpus
    assert up[1].quote.startswith("28-CTr/TU ... về việc thực hiện")  # the assertion's evidence
    down = {r.key: r for r in g.implementers("NQ 25")}
    assert down["5793/KH-UBND@2013@ben-tre"].via == ["28-CTr/TU@2013@ben-tre"]
    assert down["180/KH-UBND@2013@quang-ngai"].via == ["30-CTr/TU@2013@quang-ngai"]
    tree = g.lineage("NQ 25", "down")
    assert {r.parent for r in tree if r.depth == 2} == {
        "28-CTr/TU@2013@ben-tre",
        "30-CTr/TU@2013@quang-ngai",
    }


def test_several_targets_answer_each_and_their_union(g) -> None:
    result = g.implementers("QĐ 217", "QĐ 218")
    assert result.meta["targets"] == ["217-QĐ/TW@2013", "218-QĐ/TW@2013"]
    union = [r for r in result if r.target == "217-QĐ/TW@2013|218-QĐ/TW@2013"]
    assert {r.key for r in union} == {"11-NQ/TU@2021@ca-mau", "11-NQ/TU@2021@bac-lieu"}
    assert all(r.depth == 1 for r in union)  # nearest target wins
    assert result.meta["union"] == 2 and result.meta["all"] == 2


def test_path_prefers_a_directed_chain(g) -> None:
    hops = g.path("35/KH-UBND", "CT 33/2021")
    assert [(h.direction, h.to_key, h.relation) for h in hops] == [("->", CT33, "cites")]
    hops = g.path("CT 33/2021", "7/KH-UBND")  # 7/KH continues 64/KH, based on 33/CT-TTg
    assert [(h.from_key, h.direction, h.to_key) for h in hops] == [
        (CT33, "<-", "64/KH-UBND@2022@son-la"),
        ("64/KH-UBND@2022@son-la", "<-", "7/KH-UBND@2022@son-la"),
    ]
    assert [h.relation for h in hops] == ["based_on", "continues"]


def test_path_undirected_and_unconnected(g) -> None:
    hops = g.path("64/KH-UBND", "120/KH-UBND")
    assert [h.direction for h in hops] == ["->", "<-"]
    assert hops[0].to_key == CT33
    assert not g.path("5793/KH-UBND", "CT 33/2021").meta["connected"]


def test_show_card_groups_by_relation(g) -> None:
    card = g.show("120/KH-UBND")
    assert card.node["issuer"] == "UBND tỉnh Hậu Giang" and card.node["ingested"]
    groups = card.cites_by_relation()
    assert [e.cited for e in groups["implements"]] == [CT33, CT33]
    assert [e.cited for e in groups["based_on"]] == ["04/2015/NĐ-CP@2015"]
    assert [(e.citing, e.relation) for e in card.cited_by] == [
        ("35/KH-UBND@2022@hau-giang/vi-thanh", "implements")
    ]
    assert card.to_dict()["cites"][0]["file"] == "examples/hau-giang-kh-120-2022.txt"


@pytest.mark.parametrize("query", ["dan van", "DÂN VẬN", "dân  vận", "dan vận"])
def test_search_ignores_accents_and_case(g, query: str) -> None:
    assert g.search(query).keys() == [
        "64/KH-UBND@2022@son-la",
        "120/KH-UBND@2022@hau-giang",
        "5793/KH-UBND@2013@ben-tre",
    ]  # fmt: skip  (ingested, newest first)


def test_search_covers_issuers_and_needs_every_word(g) -> None:
    assert g.search("tinh uy ca mau").keys() == ["11-NQ/TU@2021@ca-mau"]
    assert g.search("dan van zzz").keys() == []
    assert len(g.search("ke hoach", limit=2)) == 2


def test_word_regex_is_the_folding_rule() -> None:
    import re

    for text in ["Công tác DÂN VẬN", "dân vận", "Dan Van", "đân vận"]:
        assert re.fullmatch(word_regex("van"), text)
    assert re.fullmatch(word_regex("dan"), "Đàn")
    assert not re.fullmatch(word_regex("dan"), "dien")
    assert words(" Dân  VẬN ") == ["dan", "van"]


def test_stats_counts(g) -> None:
    rows = {(r.group, r.value): r.count for r in g.stats(top=3)}
    assert rows[("total", "documents")] == 17 and rows[("total", "ingested")] == 9
    assert rows[("total", "edges")] == 20 and rows[("total", "unresolved")] == 1
    assert rows[("kind", "Kế hoạch")] == 6 and rows[("level", "district")] == 1
    assert rows[("year", "2022")] == 4 and rows[("province", "Sơn La")] == 2
    assert rows[("most_cited", NQ25)] == 4  # distinct citing documents
    assert rows[("unresolved", "33/CT-TTg@?")] == 1
    assert sum(1 for group, _ in rows if group == "most_cited") == 3


def test_coverage_historical_and_current(g) -> None:
    rows = g.coverage("CT 33/2021")
    historical = [r for r in rows if r.era == "historical"]
    current = [r for r in rows if r.era == "current"]
    assert (len(historical), len(current)) == (63, 34)
    covered = {r.province for r in historical if r.covered}
    assert covered == {"Hậu Giang", "Sơn La"}
    can_tho = next(r for r in current if r.province == "Cần Thơ")  # Hậu Giang merged into it
    assert can_tho.covered and "Hậu Giang" in can_tho.includes
    assert can_tho.first_date == "2022-02-15" and can_tho.first_lag_days == 81
    assert not next(r for r in current if r.province == "Hà Nội").covered


def test_timeline_months_and_lags(g) -> None:
    result = g.timeline("CT 33/2021")
    assert [(r.period, r.documents, r.cumulative) for r in result] == [
        ("2022-02", 1, 1), ("2022-03", 1, 2), ("2022-04", 1, 3), ("2022-06", 1, 4)]  # fmt: skip
    lags = result.meta["lags"]
    assert (lags["min"], lags["max"], lags["median"]) == (81, 187, 128.5)


def test_rows_become_a_dataframe(g) -> None:
    frame = g.implementers("CT 33/2021").to_pandas()
    for column in ("key", "number", "kind", "issuer", "province", "level", "date", "source",
                   "depth", "via", "relation", "scope", "lag_days", "quote"):  # fmt: skip
        assert column in frame.columns
    assert len(frame) == 4 and frame["depth"].max() == 2


def test_cypher_needs_neo4j(g) -> None:
    with pytest.raises(BadInput):
        g.cypher("MATCH (n) RETURN n")


def test_import_lexgraph_stays_light() -> None:
    code = (
        "import sys, lexgraph; assert callable(lexgraph.open.__call__) if False else True;"
        "print(sorted(m for m in ('networkx', 'neo4j', 'lexgraph.api', 'pandas') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    code = "import lexgraph; print(lexgraph.open.__module__)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "lexgraph.api"


def test_open_embedded_store_file(tmp_path) -> None:
    from lexgraph.graph.store import StoreData, save

    path = tmp_path / "g.json.gz"
    save(path, StoreData(graph=example_graph()))
    with lexgraph.open(path) as graph:
        assert not graph.is_neo4j
        assert len(graph.implementers("CT 33/2021")) == 4


def test_search_takes_the_smallest_key_one_step_closer_as_parent() -> None:
    from lexgraph.queries.traverse import adjacency_search

    # o <- b, o <- a, a <- c, b <- c, b <- d; c is met first from b, then from a (smaller).
    adjacency = {"o": ["b", "a"], "b": ["c", "d"], "a": ["c"], "c": ["o"]}
    documents, found = adjacency_search(adjacency, "o", None)
    keys = documents.keys
    assert [keys[i] for i in found.reached] == ["a", "b", "c", "d"]  # by depth, then key
    assert {keys[i]: int(found.depth[i]) for i in range(len(keys))} == {
        "o": 0, "b": 1, "a": 1, "c": 2, "d": 2
    }  # fmt: skip
    assert {keys[i]: keys[found.parent[i]] for i in found.reached} == {
        "b": "o", "a": "o", "c": "a", "d": "b"
    }  # fmt: skip
    _, one_step = adjacency_search(adjacency, "o", 1)
    assert [keys[i] for i in one_step.reached] == ["a", "b"]


def test_cached_adjacency_is_per_relation_set_and_scope() -> None:
    # One store answers different relation sets / scopes in turn, as a fresh store would.
    shared = lexgraph.Graph.from_graph(example_graph())
    asks = [{}, {"relations": ["cites"]}, {"scope": "task"}, {}, {"relations": ["cites"]}]
    for options in asks:
        fresh = lexgraph.Graph.from_graph(example_graph())
        assert (shared.implementers("CT 33/2021", **options).to_dicts()
                == fresh.implementers("CT 33/2021", **options).to_dicts())  # fmt: skip
    assert len(shared.backend._adjacency) == 3


def test_rows_order_by_depth_then_date_unknown_last_then_key() -> None:
    rows = lexgraph.Graph.from_graph(example_graph()).lineage("NQ 25", "down")
    order = [(r.depth, r.date is None, r.date or "", r.key) for r in rows]
    assert order == sorted(order) and len(rows) >= 4


def test_an_embedded_query_does_not_import_the_neo4j_driver() -> None:
    # The driver imports pandas: a third of a second on every embedded CLI query.
    code = (
        "import sys, lexgraph\n"
        "from tests.query_graphs import example_graph\n"
        "g = lexgraph.Graph.from_graph(example_graph())\n"
        "assert len(g.implementers('CT 33/2021')) and len(g.lineage('NQ 25', 'up')) >= 0\n"
        "g.search('dan van'); g.show('NQ 25')\n"
        "print(sorted(m for m in ('neo4j', 'pandas') if m in sys.modules))\n"
    )
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
