"""A seeded random graph with the embedded graph's attribute contract.

Why: load benchmarks and the interrupted-load test need graphs of 10^4..10^6 edges whose
rows look like real ones (keys, Vietnamese titles, quotes of a few hundred bytes, lists of
sources, hub documents cited by thousands) without running extraction over a corpus.
"""

from __future__ import annotations

import random

import networkx as nx

from lexgraph.extractors.keys import slug

PROVINCES = (
    "Bến Tre", "Cà Mau", "Hà Nội", "Thừa Thiên Huế", "Đắk Lắk", "Lâm Đồng", "Nghệ An",
    "Quảng Ninh", "Kiên Giang", "Thanh Hóa", "Hải Phòng", "Cần Thơ",
)  # fmt: skip
RELATIONS = ("implements", "based_on", "cites", "continues", "guides")
KINDS = ("KH", "QĐ", "CT", "NQ", "CTr", "HD")


def random_graph(docs: int, edges: int, seed: int = 7) -> nx.MultiDiGraph:
    """``docs`` documents (a tenth central, cited most) and ``edges`` citation edges."""
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    keys: list[str] = []
    central = max(1, docs // 10)
    for i in range(docs):
        year = 2010 + rng.randrange(15)
        kind = rng.choice(KINDS)
        if i < central:
            number, province, level = f"{i + 1}/{kind}-TTg", None, "central_state"
            key = f"{number}@{year}"
        else:
            province = rng.choice(PROVINCES)
            number, level = f"{i + 1}/{kind}-UBND", "province"
            key = f"{number}@{year}@{slug(province)}"
        keys.append(key)
        ingested = rng.random() < 0.6
        graph.add_node(
            key, key=key, kind=kind, number=number, year=year,
            issuer="Thủ tướng Chính phủ" if province is None else f"UBND tỉnh {province}",
            level=level, province=province, district=None,
            date=f"{year}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}",
            title=f"Kế hoạch thực hiện văn bản số {number} về phát triển kinh tế - xã hội {i}",
            signer=None, ingested=ingested, sources=[f"corpus/{i}.txt"] if ingested else [],
            unresolved=False,
        )  # fmt: skip
    for j in range(edges):
        u = keys[rng.randrange(central, docs) if docs > central else 0]
        # Citations go mostly to central documents: a few hubs get thousands of edges.
        v = keys[
            min(int(rng.paretovariate(1.2)) - 1, central - 1)
            if rng.random() < 0.7
            else rng.randrange(docs)
        ]
        start = rng.randrange(50_000)
        relation = rng.choice(RELATIONS)
        graph.add_edge(
            u, v, key=f"e{j:08d}", kind="citation", relation=relation,
            scope=rng.choice(("document", "task")), section=f"II.{rng.randrange(1, 12)}",
            quote=f"Thực hiện {v} ngày 12/12/2013 của Bộ Chính trị về ... " * 3,
            start=start, end=start + 120, source=u, sources=[u],
            file=f"corpus/{u}.txt", resolved=None,
        )  # fmt: skip
    return graph
