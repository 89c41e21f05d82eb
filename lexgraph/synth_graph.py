"""Graph-scale synthetic extraction records (no text), for the graph and Neo4j benchmarks.

Why a separate path: writing and re-extracting 100,000 texts would measure the extractor,
not the graph; issue 3's load benchmark needs 100,000 documents and 1,000,000 citation
edges with a realistic shape: a few central directives with thousands of implementers
(Zipf popularity), and multi-level chains commune -> district -> province -> Tỉnh ủy
programme -> central. Records stream from a generator, so memory holds only the few
keys later records cite (central documents, each province's recent documents).
"""

from __future__ import annotations

import bisect
import itertools
import random
from collections.abc import Iterator

from lexgraph.extractors.keys import jurisdiction, slug
from lexgraph.model import Assertion, Citation, DocumentInfo, Extraction
from lexgraph.synth_data import COMMUNES, DISTRICTS, PROVINCES

_CENTRAL_KINDS = (
    ("Chỉ thị", "CT-TTg", "Thủ tướng Chính phủ", "central_state", False),
    ("Quyết định", "QĐ-TTg", "Thủ tướng Chính phủ", "central_state", False),
    ("Nghị định", "NĐ-CP", "Chính phủ", "central_state", False),
    ("Nghị quyết", "NQ/TW", "Bộ Chính trị", "central_party", True),
    ("Chỉ thị", "CT/TW", "Ban Bí thư", "central_party", True),
    ("Kết luận", "KL/TW", "Bộ Chính trị", "central_party", True),
)
_YEARS = range(2010, 2026)


class _Node:
    """What later records need to cite a document (and what it implements)."""

    __slots__ = (
        "key",
        "number",
        "kind",
        "year",
        "date",
        "issuer",
        "level",
        "province",
        "district",
        "parent",
    )

    def __init__(
        self,
        key,
        number,
        kind,
        year,
        date,
        issuer,
        level,
        province=None,
        district=None,
        parent=None,
    ):
        self.key, self.number, self.kind, self.year, self.date = key, number, kind, year, date
        self.issuer, self.level, self.province, self.district = issuer, level, province, district
        self.parent: _Node | None = parent


def _cite(node: _Node, relation: str, scope: str, pos: int, section: str | None) -> Citation:
    return Citation(
        key=node.key,
        kind=node.kind,
        number=node.number,
        year=node.year,
        date=node.date,
        issuer=node.issuer,
        level=node.level,
        relation=relation,
        scope=scope,
        section=section,
        start=pos,
        end=pos + len(node.number) + 8,
        quote=f"{node.kind} số {node.number}",
        province=node.province,
        district=node.district,
        local=node.level in ("province", "district", "commune"),
    )


_LOCAL = {
    # level -> (issuer, symbol, party numbering, record level)
    "party": ("Tỉnh ủy", "CTr/TU", True, "province"),
    "province": ("UBND tỉnh", "KH-UBND", False, "province"),
    "district": ("UBND huyện", "KH-UBND", False, "district"),
    "commune": ("UBND xã", "KH-UBND", False, "commune"),
}


def synthetic_records(
    n_docs: int = 100_000, n_edges: int = 1_000_000, seed: int = 0
) -> Iterator[Extraction]:
    """Yield ``n_docs`` records holding ``n_edges`` citations in total.

    The total is exact whenever ``n_edges`` is at least about 3 per document (each local
    record has up to three structural citations: its parent, the parent's own parent,
    and a task). Keys follow ``lexgraph.extractors.keys``: every cited key of a generated
    document is the ``document.key`` of the record that generated it, and every assertion
    (parent implements grandparent) names keys cited in the same record.
    """
    rng = random.Random(f"graph:{seed}")
    n_central = min(n_docs, max(10, n_docs // 500))
    centrals: list[_Node] = []
    recent: dict[str, list[_Node]] = {}
    counters: dict[tuple[str, int, str], int] = {}
    state = {"produced": 0, "edges": 0}

    def number(issuer: str, year: int, symbol: str, party: bool) -> str:
        k = (issuer, year, symbol)
        n = counters[k] = counters.get(k, 0) + 1
        return f"{n}-{symbol}" if party else f"{n}/{symbol}"

    # Zipf popularity over central documents: the first few get thousands of implementers.
    weights = list(itertools.accumulate(1.0 / (r + 1) ** 1.1 for r in range(n_central)))

    def popular() -> _Node:
        return centrals[min(len(centrals) - 1, bisect.bisect(weights, rng.random() * weights[-1]))]

    def record(node: _Node, cites: list[Citation], assertions: list[Assertion]) -> Extraction:
        produced = state["produced"] = state["produced"] + 1
        # Fill to the cumulative share of the edge budget (exact total at the last record).
        want = round(n_edges * produced / n_docs) - state["edges"]
        pos = cites[-1].end + 10 if cites else 100
        pool = recent.get(node.province or "", [])
        while len(cites) < want:
            target = popular() if rng.random() < 0.7 or not pool else pool[rng.randrange(len(pool))]
            r = rng.random()
            relation = "implements" if r < 0.5 else "continues" if r < 0.6 else "cites"
            cites.append(_cite(target, relation, "task", pos, f"II.{len(cites)}"))
            pos += 60
        state["edges"] += len(cites)
        info = DocumentInfo(
            key=node.key, kind=node.kind, number=node.number, year=node.year, issuer=node.issuer,
            level=node.level, province=node.province, district=node.district, date=node.date,
            title=f"{node.kind} {node.number}",
        )  # fmt: skip
        return Extraction(
            source=f"synthetic/{produced:07d}.txt", sha256=f"{produced:064x}", document=info,
            citations=cites, assertions=assertions,
        )  # fmt: skip

    def local(
        level: str,
        parent: _Node,
        root: _Node,
        province: str,
        district: str | None,
        year: int,
        tag: str,
    ) -> tuple[_Node, Extraction]:
        issuer, symbol, party, rec_level = _LOCAL[level]
        juris = jurisdiction(province, district) + tag
        num = number(f"{juris}:{level}", year, symbol, party)
        date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        node = _Node(
            f"{num}@{year}@{juris}",
            num,
            "Kế hoạch",
            year,
            date,
            issuer,
            rec_level,
            province,
            district,
            parent,
        )
        cites = [_cite(parent, "implements", "document", 40, None)]
        assertions: list[Assertion] = []
        grand = parent.parent
        if grand is not None:
            cites.append(_cite(grand, "implements", "document", 120, None))
            assertions.append(
                Assertion(
                    parent.key, "implements", grand.key, 40, 200, "về việc triển khai thực hiện"
                )
            )
        task = root if root is not parent and root is not grand else popular()
        cites.append(_cite(task, "implements", "task", 300, "II.1"))
        pool = recent.setdefault(province, [])
        pool.append(node)
        if len(pool) > 40:
            del pool[0]
        return node, record(node, cites, assertions)

    # Central documents first (each based on up to two older central documents).
    for i in range(n_central):
        kind, symbol, issuer, level, party = _CENTRAL_KINDS[i % len(_CENTRAL_KINDS)]
        year = _YEARS[rng.randrange(len(_YEARS))]
        num = number(issuer, year, symbol, party)
        date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        node = _Node(f"{num}@{year}", num, kind, year, date, issuer, level)
        cites = [
            _cite(c, "based_on", "document", 10 + 80 * j, None) for j, c in enumerate(centrals[-2:])
        ]
        centrals.append(node)
        yield record(node, cites, [])
    # Local implementation trees: root -> (Tỉnh ủy programme) -> province -> districts -> communes.
    tree = 0
    while state["produced"] < n_docs:
        province = PROVINCES[tree % len(PROVINCES)][0]
        tree += 1
        root = popular()
        year = min(2025, root.year + rng.randint(0, 2))
        top = root
        if rng.random() < 0.6:
            top, rec = local("party", root, root, province, None, year, "")
            yield rec
        if state["produced"] >= n_docs:
            break
        prov, rec = local("province", top, root, province, None, year, "")
        yield rec
        for k in range(rng.randint(2, 5)):
            if state["produced"] >= n_docs:
                break
            district = DISTRICTS[(tree * 7 + k * 11) % len(DISTRICTS)]
            dist, rec = local("district", prov, root, province, district, year, "")
            yield rec
            for c in range(rng.randint(1, 3)):
                if state["produced"] >= n_docs:
                    break
                _, rec = local(
                    "commune",
                    dist,
                    root,
                    province,
                    district,
                    year,
                    "/" + slug(COMMUNES[(tree + k * 5 + c * 3) % len(COMMUNES)]),
                )
                yield rec
