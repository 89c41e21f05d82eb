"""The folded words behind accent-insensitive search, and the networkx search built on them.

Pure Python (no server): the Neo4j side of the same rule is tested in test_neo4j_store.py.
"""

from __future__ import annotations

import networkx as nx
import pytest

from lexgraph.graph.search_text import (
    lucene_escape,
    lucene_query,
    match_rank,
    rank_terms,
    search_text,
    words,
)
from lexgraph.queries.search import search_nx


def test_words_fold_case_accents_and_d_bar() -> None:
    assert words("Công tác DÂN VẬN chính quyền") == ["cong", "tac", "dan", "van", "chinh", "quyen"]
    assert words("Đảng ủy xã Đắk Mil") == ["dang", "uy", "xa", "dak", "mil"]
    assert words("33/CT-TTg") == ["33", "ct", "ttg"]
    assert words("") == []


def test_search_text_joins_title_issuer_number() -> None:
    attrs = {"title": "Kế hoạch Dân vận", "issuer": "UBND tỉnh Cà Mau", "number": "16/KH-UBND"}
    assert search_text(attrs) == "ke hoach dan van ubnd tinh ca mau 16 kh ubnd"
    assert search_text({"title": None, "issuer": None, "number": None}) is None


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [("a+b", "a\\+b"), ('x"y', 'x\\"y'), ("(a)", "\\(a\\)"), ("a*?", "a\\*\\?"), ("a/b", "a\\/b")],
)
def test_lucene_special_characters_are_escaped(raw: str, escaped: str) -> None:
    assert lucene_escape(raw) == escaped


def test_lucene_query_requires_every_word_as_prefix() -> None:
    assert lucene_query(["dan", "van"]) == "+dan* +van*"


def _graph() -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    docs = [
        ("a", "Kế hoạch công tác dân vận năm 2022", "UBND tỉnh Bến Tre", "1/KH-UBND", "2022-01-02", True),
        ("b", "Chỉ thị về đẩy mạnh DÂN VẬN", "Thủ tướng Chính phủ", "33/CT-TTg", "2021-12-10", True),
        ("c", "Nghị quyết về dân vận chính quyền", "Bộ Chính trị", "25-NQ/TW", None, False),
        ("d", "Kế hoạch phát triển du lịch", "UBND tỉnh Đắk Lắk", "5/KH-UBND", "2023-01-01", True),
    ]  # fmt: skip
    for key, title, issuer, number, date, ingested in docs:
        graph.add_node(key, key=key, title=title, issuer=issuer, number=number, date=date,
                       ingested=ingested, kind=None, province=None)  # fmt: skip
    return graph


def test_search_nx_prefixes_every_word_and_orders() -> None:
    graph = _graph()
    keys = lambda q, **kw: [r.key for r in search_nx(graph, q, **kw)]  # noqa: E731
    assert keys("dan van") == ["a", "b", "c"]  # ingested first, newest first
    assert keys("DÂN vậ") == ["a", "b", "c"]  # prefixes, accents and case ignored
    assert keys("dan van chinh quyen") == ["c"]
    assert keys("an van") == []  # a prefix of a word, not any substring
    assert keys("dak lak") == ["d"] and keys("33/ct") == ["b"] and keys("ttg") == ["b"]
    assert keys("ke hoach", limit=1) == ["d"]
    assert keys("  ") == [] and keys("+-*") == []
    graph.nodes["d"]["title"] = "Kế hoạch dân vận"  # a changed graph...
    graph.add_node("e", key="e", title="x", issuer=None, number=None, date=None, ingested=False)
    # (the index is rebuilt when the node count changes)
    assert keys("dan van") == ["d", "a", "b", "c"]  # ...is re-indexed


def test_search_ranks_the_phrase_then_whole_words_then_prefixes() -> None:
    # "dan van" as prefixes also matches "danh sách vấn đề", as whole words "vận động dân
    # cư" (both newer, so they came first by date alone): "dân vận" must come first.
    graph = _graph()
    for key, title, date in (("p", "Danh sách vấn đề", "2025-01-01"),
                             ("w", "Vận động dân cư tham gia", "2024-06-01"),
                             ("v", "Văn bản hướng dẫn dân vận", "2019-01-01")):  # fmt: skip
        graph.add_node(key, key=key, title=title, issuer=None, number=None, date=date,
                       ingested=True, kind=None, province=None)  # fmt: skip
    rows = search_nx(graph, "dan van")
    assert [(r.key, r.match) for r in rows] == [
        ("a", "phrase"), ("b", "phrase"), ("v", "phrase"), ("c", "phrase"),
        ("w", "words"), ("p", "prefix"),
    ]  # fmt: skip
    assert [r.key for r in search_nx(graph, "dan van", limit=4)] == ["a", "b", "v", "c"]
    assert match_rank("cong tac dan van", *rank_terms("Dân Vận")) == 0
    assert match_rank("van ban huong dan", *rank_terms("dan van")) == 1
    assert match_rank("huong dan soan van ban", *rank_terms("dan va")) == 2
