"""Reachability over implementing edges: the one traversal behind implementers and lineage.

Each store supplies the documents a search may reach (``Documents``: keys in sorted order,
so a document's id is its position and id order is key order) and one direction's
qualifying edges (``Edges``: relation in ``relations``, scope ``scope`` unless None, as
compressed sparse rows of ids). The breadth-first search, the choice of parent and the
rows are computed here, once, so both stores give identical answers. Ties are broken the
same way whatever the store: the next document on a path is the smallest key one step
closer, and among parallel edges the evidence edge is a citation before an assertion,
scope ``document`` before ``task``, then the order of ``relations``, then the offset, then
the edge id (the stores pick it: ``rank_key``).

Direction: edges point citing -> cited. ``down`` walks edges backwards (who implements the
origin, directly or through others); ``up`` walks them forwards (what the origin
implements, up to the root).

Why arrays (speed, issue 4; docs/benchmarks_queries.md): at 100,000 documents a search
over dicts of key strings touched a far-away string, dict entry and tuple per step, and a
10,000-row answer spent most of its 35–45 ms on such memory reads. The search now runs
level by level on numpy arrays of ids (each level a few vectorised steps: gather the
frontier's neighbours, drop the reached ones, keep the smallest parent of each new one),
the rows are sorted with one ``lexsort`` and lags are one vector subtraction, and a row
shares its document's fields and its evidence instead of copying them
(``results.DocumentRow``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

from lexgraph.gc_pause import paused_gc
from lexgraph.queries.results import DocumentRow

# A document's row fields, in DocumentRow order, with the date's day number last (computed
# once per document, so a lag is a subtraction): one tuple per document, which every row
# of that document shares.
RowFields = tuple  # (number, kind, issuer, province, level, date, title, source, day)
LEVEL, PROVINCE, DATE, DAY = 4, 3, 5, 8
# What a row shows of its evidence edge, one small tuple per qualifying edge.
Evidence = tuple  # (relation, scope, quote)
# No ISO date sorts after U+10FFFF: unknown dates sort last.
LAST_DATE = "\U0010ffff"
NO_DAY = np.iinfo(np.int64).min  # the day number of an unknown date, in the arrays


def row_fields(node: Mapping[str, Any]) -> RowFields:
    """The row fields of a node's properties (``source``: its first ingested file)."""
    sources = node.get("sources")
    when = node.get("date")
    return (
        node.get("number"), node.get("kind"), node.get("issuer"), node.get("province"),
        node.get("level"), when, node.get("title"), sources[0] if sources else None,
        day_number(when),
    )  # fmt: skip


def evidence_of(edge: Mapping[str, Any]) -> Evidence:
    """What a row shows of its evidence edge."""
    return (edge.get("relation"), edge.get("scope"), edge.get("quote"))


def edge_ok(data: Mapping[str, Any], relations: tuple[str, ...], scope: str | None) -> bool:
    return data.get("relation") in relations and (scope is None or data.get("scope") == scope)


def rank_key(relations: tuple[str, ...]) -> Callable[..., tuple]:
    """Sort key choosing the evidence edge among parallel edges (smallest first); the id
    is the edge's ``id`` field unless given (networkx keeps it as the edge key)."""
    index = {r: i for i, r in reversed(list(enumerate(relations)))}

    def rank(edge: Mapping[str, Any], edge_id: str | None = None) -> tuple:
        return (
            edge.get("kind") != "citation",
            edge.get("scope") != "document",
            index.get(edge.get("relation"), len(relations)),  # type: ignore[arg-type]
            edge.get("start") or 0,
            (edge_id if edge_id is not None else edge.get("id")) or "",
        )

    return rank


_ORDINALS: dict[str | None, int | None] = {}  # ISO date -> day number, shared by queries
_UNSEEN: Any = object()


def day_number(value: str | None) -> int | None:
    """Day number of an ISO date (None when unknown), each distinct date parsed once."""
    found = _ORDINALS.get(value, _UNSEEN)
    if found is _UNSEEN:
        try:
            found = date.fromisoformat(value).toordinal()  # type: ignore[arg-type]
        except (TypeError, ValueError):
            found = None
        if len(_ORDINALS) > 100_000:
            _ORDINALS.clear()
        _ORDINALS[value] = found
    return found


def lag_days(later: str | None, earlier: str | None) -> int | None:
    """Days from ``earlier`` to ``later`` (ISO dates), None when either is unknown."""
    a, b = day_number(later), day_number(earlier)
    return None if a is None or b is None else a - b


@dataclass
class Documents:
    """The documents a search runs over, in key order: id ``i`` is ``keys[i]``."""

    keys: list[str]
    index: dict[str, int]  # key -> id
    fields: list[RowFields]  # by id
    days: np.ndarray  # int64 day numbers by id, NO_DAY when unknown
    rank: np.ndarray  # int64 by id: position in (date, unknown last; key) order

    @classmethod
    def of(cls, fields: Mapping[str, RowFields]) -> Documents:
        keys = sorted(fields)
        by_id = [fields[k] for k in keys]
        n = len(keys)
        days = np.fromiter(
            (NO_DAY if f[DAY] is None else f[DAY] for f in by_id), dtype=np.int64, count=n
        )
        # Stable on key order, so equal dates keep their keys' order.
        ordered = sorted(
            range(n), key=lambda i: LAST_DATE if by_id[i][DATE] is None else by_id[i][DATE]
        )
        rank = np.empty(n, dtype=np.int64)
        rank[np.array(ordered, dtype=np.int64)] = np.arange(n, dtype=np.int64)
        return cls(keys, {k: i for i, k in enumerate(keys)}, by_id, days, rank)


@dataclass
class Edges:
    """One direction's qualifying edges as compressed rows: the neighbours of id ``i`` are
    ``indices[indptr[i]:indptr[i + 1]]``, one per neighbour (parallel edges collapsed), and
    ``evidence[p]`` belongs to the edge at position ``p`` (a store may fill it in later,
    for just the rows a query keeps)."""

    indptr: np.ndarray  # int64, len(documents) + 1
    indices: np.ndarray  # int64 neighbour ids
    evidence: Sequence[Any]

    @classmethod
    def of(cls, documents: Documents, neighbours: Mapping[str, Mapping[str, Any]]) -> Edges:
        """From ``key -> {neighbour key: evidence}`` (keys outside ``documents`` are not
        allowed); ``evidence`` keeps the mapping's values in edge order."""
        index = documents.index
        counts = np.zeros(len(documents.keys) + 1, dtype=np.int64)
        targets: list[int] = []
        evidence: list[Any] = []
        for i, key in enumerate(documents.keys):
            found = neighbours.get(key)
            if found:
                counts[i + 1] = len(found)
                targets += [index[k] for k in found]
                evidence += found.values()
        return cls(np.cumsum(counts), np.array(targets, dtype=np.int64), evidence)


@dataclass
class Reach:
    """What one search found, by document id."""

    origin: int
    depth: np.ndarray  # int32 by id: shortest distance, -1 when not reached
    parent: np.ndarray  # by id: the smallest id one step closer (where reached)
    edge: np.ndarray  # by id: position of the parent's edge in ``Edges``
    reached: np.ndarray  # ids reached (origin excluded), by depth, then by id


def search(edges: Edges, origin: int, max_depth: int | None) -> Reach:
    """Breadth-first search from ``origin``, one level at a time; each new id's parent is
    the smallest id of the previous level with an edge to it."""
    n = len(edges.indptr) - 1
    depth = np.full(n, -1, dtype=np.int32)
    parent = np.zeros(n, dtype=np.int64)
    edge = np.zeros(n, dtype=np.int64)
    depth[origin] = 0
    indptr, indices = edges.indptr, edges.indices
    frontier = np.array([origin], dtype=np.int64)
    levels: list[np.ndarray] = []
    d = 0
    while frontier.size and (max_depth is None or d < max_depth):
        d += 1
        starts = indptr[frontier]
        counts = indptr[frontier + 1] - starts
        total = int(counts.sum())
        if not total:
            break
        # Edge positions of the whole frontier: each node's run, laid end to end.
        positions = np.repeat(starts - (np.cumsum(counts) - counts), counts)
        positions += np.arange(total, dtype=np.int64)
        found = indices[positions]
        sources = np.repeat(frontier, counts)
        fresh = depth[found] < 0
        if not fresh.all():
            found, sources, positions = found[fresh], sources[fresh], positions[fresh]
        if not found.size:
            break
        by_pair = np.lexsort((sources, found))  # by new id, then by parent id
        found, sources, positions = found[by_pair], sources[by_pair], positions[by_pair]
        first = np.empty(found.size, dtype=bool)
        first[0] = True
        np.not_equal(found[1:], found[:-1], out=first[1:])
        found = found[first]
        depth[found] = d
        parent[found] = sources[first]
        edge[found] = positions[first]
        levels.append(found)
        frontier = found
    reached = np.concatenate(levels) if levels else np.zeros(0, dtype=np.int64)
    return Reach(origin, depth, parent, edge, reached)


def keep_filter(
    level: str | None, province: str | None, since: str | None, until: str | None
) -> Callable[[str, RowFields], bool] | None:
    """A test on (key, row fields) for the row filters; None when nothing filters."""
    if not (level or province or since or until):
        return None
    from lexgraph.queries.resolve_input import in_province

    def keep(key: str, node: RowFields) -> bool:
        if level and node[LEVEL] != level:
            return False
        if province and not in_province({"key": key, "province": node[PROVINCE]}, province):
            return False
        when = node[DATE]
        if since and (when is None or when < since):
            return False
        return not (until and (when is None or when > until))

    return keep


def kept(
    documents: Documents, reach: Reach, keep: Callable[[str, RowFields], bool] | None
) -> np.ndarray:
    """The reached ids that pass ``keep`` (all of them when None)."""
    if keep is None:
        return reach.reached
    keys, fields = documents.keys, documents.fields
    return np.array([i for i in reach.reached.tolist() if keep(keys[i], fields[i])], dtype=np.int64)


def build_rows(
    documents: Documents,
    reach: Reach,
    ids: np.ndarray,
    evidence: Sequence[Evidence] | Mapping[int, Evidence],
    direction: str,
) -> list[DocumentRow]:
    """Typed rows for ``ids`` in (depth, date, key) order, dates unknown last;
    ``evidence[reach.edge[i]]`` is the evidence of id ``i``.

    Rows go by increasing depth, so a row's parent, one step closer, already has its
    ``via`` when the parent is a row too: the chain is extended, not walked again."""
    down = direction == "down"
    origin = reach.origin
    ids = ids[np.lexsort((documents.rank[ids], reach.depth[ids]))]
    keys, fields = documents.keys, documents.fields
    target = keys[origin]
    start = int(documents.days[origin])
    days = documents.days[ids]
    if start == NO_DAY:
        lags: list[int | None] = [None] * len(ids)
    else:
        lags = ((days - start) if down else (start - days)).tolist()
        for j in np.flatnonzero(days == NO_DAY).tolist():
            lags[j] = None
    parents = reach.parent[ids].tolist()
    chain: dict[int, list[str]] = {}
    rows: list[DocumentRow] = []
    append = rows.append
    new = tuple.__new__
    with paused_gc():  # rows hold no cycles (lexgraph/gc_pause.py)
        for i, d, p, e, lag in zip(
            ids.tolist(), reach.depth[ids].tolist(), parents, reach.edge[ids].tolist(), lags,
            strict=True,
        ):  # fmt: skip
            if p == origin:
                via = []
            else:
                above = chain.get(p)
                if above is None:  # the parent is filtered out: walk up from it
                    above = _via(reach, keys, p, down, chain)
                via = [keys[p], *above] if down else [*above, keys[p]]
            chain[i] = via
            append(
                new(DocumentRow, (keys[i], fields[i], d, via, evidence[e], lag, keys[p], target))
            )
    return rows


def _via(
    reach: Reach, keys: list[str], node: int, down: bool, chain: dict[int, list[str]]
) -> list[str]:
    """The documents between ``node`` and the origin (implementer side first when down,
    root side first when up), stored in ``chain`` for ``node`` and those on the way."""
    origin, parent = reach.origin, reach.parent
    pending: list[int] = []
    first = node
    while node != origin and node not in chain:
        pending.append(node)
        node = int(parent[node])
    for step in reversed(pending):
        p = int(parent[step])
        if p == origin:
            chain[step] = []
        else:
            chain[step] = [keys[p], *chain[p]] if down else [*chain[p], keys[p]]
    return chain[first]


def adjacency_search(adjacency: Mapping[str, Iterable[str]], origin: str,
                     max_depth: int | None) -> tuple[Documents, Reach]:  # fmt: skip
    """``search`` over a plain ``key -> neighbour keys`` mapping (tests, small graphs)."""
    keys = set(adjacency) | {k for found in adjacency.values() for k in found} | {origin}
    documents = Documents.of({k: (None,) * 9 for k in keys})
    edges = Edges.of(documents, {k: dict.fromkeys(v) for k, v in adjacency.items()})
    return documents, search(edges, documents.index[origin], max_depth)
