"""Graph build and identity resolution on hand-made records (the rules, one by one)."""

from __future__ import annotations

from lexgraph.graph.build import build_graph
from lexgraph.graph.resolve import resolve_keys
from lexgraph.model import Assertion, Citation, DocumentInfo, Extraction


def record(source: str, key: str, citations=(), assertions=(), **doc) -> Extraction:
    return Extraction(
        source=source,
        sha256=source * 4,
        document=DocumentInfo(key=key, number=key.split("@")[0], **doc),
        citations=list(citations),
        assertions=list(assertions),
    )


def cite(key: str, relation: str = "implements", start: int = 0, **extra) -> Citation:
    return Citation(
        key=key,
        number=key.split("@")[0],
        relation=relation,
        start=start,
        end=start + 5,
        quote="q",
        **extra,
    )


def test_unknown_year_attaches_to_the_only_candidate() -> None:
    resolution = resolve_keys(["33/CT-TTg@?", "33/CT-TTg@2021"])
    assert resolution("33/CT-TTg@?") == "33/CT-TTg@2021"


def test_unknown_year_stays_unresolved_when_ambiguous() -> None:
    resolution = resolve_keys(["33/CT-TTg@?", "33/CT-TTg@2021", "33/CT-TTg@2008"])
    assert resolution("33/CT-TTg@?") == "33/CT-TTg@?"
    assert resolution.candidates["33/CT-TTg@?"] == ["33/CT-TTg@2008", "33/CT-TTg@2021"]


def test_unknown_jurisdiction_needs_same_number_and_year() -> None:
    keys = ["11-NQ/TU@2020@?", "11-NQ/TU@2020@ca-mau", "11-NQ/TU@2019@bac-ninh"]
    assert resolve_keys(keys)("11-NQ/TU@2020@?") == "11-NQ/TU@2020@ca-mau"
    keys.append("11-NQ/TU@2020@bac-ninh")
    assert resolve_keys(keys)("11-NQ/TU@2020@?") == "11-NQ/TU@2020@?"


def test_central_key_never_attaches_to_a_local_one() -> None:
    assert (
        resolve_keys(["05/CT-UBND@?", "05/CT-UBND@2020@ca-mau"])("05/CT-UBND@?") == "05/CT-UBND@?"
    )


def test_one_node_per_document_with_mentions_merged() -> None:
    plan = record(
        "a.txt", "16/KH-UBND@2022@ca-mau",
        [cite("33/CT-TTg@2021", date="2021-11-26", issuer="Thủ tướng Chính phủ"),
         cite("33/CT-TTg@?", relation="cites", start=100)],
        kind="Kế hoạch", level="province", province="Cà Mau",
    )  # fmt: skip
    graph = build_graph([plan])
    assert set(graph.nodes) == {"16/KH-UBND@2022@ca-mau", "33/CT-TTg@2021"}
    target = graph.nodes["33/CT-TTg@2021"]
    assert target["ingested"] is False and target["date"] == "2021-11-26"
    assert graph.nodes["16/KH-UBND@2022@ca-mau"]["ingested"] is True
    edges = list(graph.edges("16/KH-UBND@2022@ca-mau", data=True))
    assert sorted(e[2]["relation"] for e in edges) == ["cites", "implements"]
    assert {e[2]["resolved"] for e in edges} == {None, "unique_candidate"}


def test_ingested_metadata_wins_over_mentions() -> None:
    central = record(
        "ct.txt", "33/CT-TTg@2021", kind="Chỉ thị", issuer="Thủ tướng Chính phủ", date="2021-11-26"
    )
    plan = record("a.txt", "16/KH-UBND@2022@ca-mau", [cite("33/CT-TTg@2021", issuer="Thủ Tướng")])
    graph = build_graph([plan, central])
    assert graph.nodes["33/CT-TTg@2021"]["issuer"] == "Thủ tướng Chính phủ"
    assert graph.nodes["33/CT-TTg@2021"]["sources"] == ["ct.txt"]


def test_same_assertion_from_two_documents_is_one_edge_with_both_sources() -> None:
    claim = Assertion(
        subject="28-CTr/TU@2013@ben-tre", relation="implements", object="25-NQ/TW@2013", quote="q"
    )
    a = record(
        "a.txt",
        "5793/KH-UBND@2013@ben-tre",
        [cite("28-CTr/TU@2013@ben-tre"), cite("25-NQ/TW@2013", "cites", 9)],
        [claim],
    )
    b = record("b.txt", "6000/KH-UBND@2013@ben-tre", [cite("28-CTr/TU@2013@ben-tre")], [claim])
    graph = build_graph([a, b])
    edges = graph.get_edge_data("28-CTr/TU@2013@ben-tre", "25-NQ/TW@2013")
    assert len(edges) == 1
    (attrs,) = edges.values()
    assert attrs["kind"] == "assertion"
    assert attrs["sources"] == ["5793/KH-UBND@2013@ben-tre", "6000/KH-UBND@2013@ben-tre"]


def test_edge_ids_are_stable_across_builds() -> None:
    plan = record("a.txt", "16/KH-UBND@2022@ca-mau", [cite("33/CT-TTg@2021")])
    first = {k for _, _, k in build_graph([plan]).edges(keys=True)}
    second = {k for _, _, k in build_graph([plan]).edges(keys=True)}
    assert first == second


def test_self_citation_is_not_an_edge() -> None:
    plan = record("a.txt", "16/KH-UBND@2022@ca-mau", [cite("16/KH-UBND@2022@ca-mau", "cites")])
    assert build_graph([plan]).number_of_edges() == 0


def test_nodes_carry_the_province_since_the_2025_merger() -> None:
    plan = record(
        "a.txt", "16/KH-UBND@2022@ca-mau", kind="Kế hoạch", level="province", province="Cà Mau"
    )
    hau_giang = record(
        "b.txt", "120/KH-UBND@2022@hau-giang", level="province", province="Hậu Giang"
    )
    graph = build_graph([plan, hau_giang])
    assert graph.nodes["16/KH-UBND@2022@ca-mau"]["province_2025"] == "Cà Mau"
    assert graph.nodes["120/KH-UBND@2022@hau-giang"]["province_2025"] == "Cần Thơ"
