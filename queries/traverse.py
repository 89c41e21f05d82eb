"""Reachability over implementing edges: the one traversal behind implementers and lineage.

Each store supplies an adjacency restricted to qualifying edges (relation in
``relations``, scope ``scope`` unless None) and the node fields of what it reaches; the
breadth-first search, the choice of parent and the rows are computed here, once, so both
stores give identical answers. Ties are broken the same way whatever the store: the next
document on a path is the smallest key one step closer, and among parallel edges the
evidence edge is a citation before an assertion, scope ``document`` before ``task``, then
the order of ``relations``, then the offset, then the edge id.

Direction: edges point citing -> cited. ``down`` walks edges backwards (who implements the
origin, directly or through others); ``up`` walks them forwards (what the origin
implements, up to the root).

Why it is shaped like this (speed, issue 4): the parent is found during the search (a
node reached again at the same depth from a smaller key takes that key) instead of a
second pass over every edge, and the evidence edge is looked up only for the rows that
survive the filters — on Neo4j that is one parameterised query for just those pairs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from itertools import groupby
from typing import Any

from lexgraph.gc_pause import paused_gc
from lexgraph.queries.results import DocumentRow

Adjacency = Mapping[str, Iterable[str]]
# A document's row fields, in DocumentRow order: one tuple per node, so a row is built
# from one lookup instead of eight (the stores keep them; see row_fields).
RowFields = tuple  # (number, kind, issuer, province, level, date, title, source)
LEVEL, PROVINCE, DATE = 4, 3, 5


def row_fields(node: Mapping[str, Any]) -> RowFields:
    """The row fields of a node's properties (``source``: its first ingested file)."""
    sources = node.get("sources")
    return (
        node.get("number"), node.get("kind"), node.get("issuer"), node.get("province"),
        node.get("level"), node.get("date"), node.get("title"), sources[0] if sources else None,
    )  # fmt: skip


@dataclass
class Reach:
    """What one search found: depth and parent of every reached key, in search order."""

    origin: str
    order: list[str]  # reached keys, origin excluded, by increasing depth
    depth: dict[str, int]  # origin included (0)
    parent: dict[str, str]  # next key toward the origin


def edge_ok(data: Mapping[str, Any], relations: tuple[str, ...], scope: str | None) -> bool:
    return data.get("relation") in relations and (scope is None or data.get("scope") == scope)


def search(adjacency: Adjacency, origin: str, max_depth: int | None) -> Reach:
    """Breadth-first search from ``origin``; each key's parent is the smallest key one
    step closer (updated when the key is met again from the same level)."""
    depth = {origin: 0}
    parent: dict[str, str] = {}
    order: list[str] = []
    frontier = [origin]
    d = 0
    get = adjacency.get
    while frontier and (max_depth is None or d < max_depth):
        d += 1
        found: list[str] = []
        for node in frontier:
            for other in get(node, ()):
                seen = depth.get(other)
                if seen is None:
                    depth[other] = d
                    parent[other] = node
                    found.append(other)
                elif seen == d and node < parent[other]:
                    parent[other] = node
        order += found
        frontier = found
    return Reach(origin, order, depth, parent)


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


def lag_days(later: str | None, earlier: str | None) -> int | None:
    """Days from ``earlier`` to ``later`` (ISO dates), None when either is unknown."""
    try:
        return (date.fromisoformat(later) - date.fromisoformat(earlier)).days  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def pairs(reach: Reach, keys: Iterable[str], direction: str) -> list[tuple[str, str]]:
    """(citing, cited) of each key's evidence edge: key -> parent down, parent -> key up."""
    parent = reach.parent
    if direction == "down":
        return [(k, parent[k]) for k in keys]
    return [(parent[k], k) for k in keys]


def _fill_vias(reach: Reach, keys: Iterable[str], down: bool, chain: dict[str, list[str]]) -> None:
    """Put in ``chain`` the documents between each key and the origin (implementer first
    when down, root side first when up), sharing the walk with the chains already there."""
    origin, parent = reach.origin, reach.parent
    for key in keys:
        if key in chain:
            continue
        pending = []
        node = key
        while True:
            p = parent[node]
            if p == origin:
                chain[node] = []
                break
            known = chain.get(p)
            if known is not None:
                chain[node] = [p, *known] if down else [*known, p]
                break
            pending.append(node)
            node = p
        for node in reversed(pending):
            p = parent[node]
            chain[node] = [p, *chain[p]] if down else [*chain[p], p]


_UNSEEN: Any = object()
# No ISO date sorts after U+10FFFF: unknown dates sort last.
LAST_DATE = "\U0010ffff"


_ORDINALS: dict[str | None, int | None] = {}  # ISO date -> day number, shared by queries


def _ordinal(value: str | None) -> int | None:
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


def sort_keys(
    keys: list[str], depth: Mapping[str, int], nodes: Mapping[str, RowFields],
    sort_rank: Mapping[str, int] | None = None,
) -> list[str]:  # fmt: skip
    """``keys`` in (depth, date with unknown last, key) order, as stable sorts on plain
    values (much faster than tuple keys on 100,000 rows); ``sort_rank``, a store-wide
    position in (date, key) order, replaces the two string sorts by one int sort.

    ``keys`` come in search order, depth by depth, so with ``sort_rank`` each depth's run
    is sorted on its own: no second sort by depth over the whole list."""
    if sort_rank is None:
        keys = sorted(keys)
        keys.sort(key=lambda k: LAST_DATE if (when := nodes[k][DATE]) is None else when)
        keys.sort(key=depth.__getitem__)
        return keys
    out: list[str] = []
    rank = sort_rank.__getitem__
    for _, run in groupby(keys, key=depth.__getitem__):
        out += sorted(run, key=rank)
    return out


def build_rows(
    reach: Reach,
    keys: list[str],
    nodes: Mapping[str, RowFields],
    evidence: Mapping[str, Mapping[str, Mapping[str, Any]]],
    direction: str,
    *,
    sort_rank: Mapping[str, int] | None = None,
) -> list[DocumentRow]:
    """Typed rows for ``keys`` in (depth, date, key) order, dates unknown last;
    ``evidence[parent][key]`` is the evidence edge of each key (on the embedded store, the
    qualifying adjacency itself: no per-query evidence dict).

    Rows go by increasing depth, so a row's parent, one step closer, already has its
    ``via`` when the parent is a row too: the chain is extended, not walked again."""
    origin = reach.origin
    start = _ordinal(nodes[origin][DATE])
    sign = 1 if direction == "down" else -1
    down = direction == "down"
    depth, parent = reach.depth, reach.parent
    chain: dict[str, list[str]] = {}
    ordinals = _ORDINALS
    rows: list[DocumentRow] = []
    append = rows.append
    with paused_gc():  # rows hold no cycles (lexgraph/gc_pause.py)
        for k in sort_keys(keys, depth, nodes, sort_rank):
            p = parent[k]
            if p == origin:
                via = []
            else:
                above = chain.get(p)
                if above is None:  # the parent is filtered out: walk up from it
                    _fill_vias(reach, (p,), down, chain)
                    above = chain[p]
                via = [p, *above] if down else [*above, p]
            chain[k] = via
            n = nodes[k]
            e = evidence[p][k]
            when = n[DATE]
            day = ordinals.get(when, _UNSEEN)
            if day is _UNSEEN:
                day = _ordinal(when)
            lag = None if day is None or start is None else sign * (day - start)
            append(
                DocumentRow(
                    k, *n, depth[k], via, e.get("relation"), e.get("scope"), lag,
                    e.get("quote"), p, origin,
                )
            )  # fmt: skip
    return rows
