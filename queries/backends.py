"""The two stores a query can run on, behind one small interface.

``EmbeddedBackend`` holds the networkx graph (loaded once); ``Neo4jBackend`` runs the
``.cypher`` files of this package through the driver in read mode. Each question module
has a networkx function and a Cypher function; ``backend.is_neo4j`` picks one.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from lexgraph.queries.results import clean_node


@cache
def cypher(name: str) -> str:
    """The text of ``queries/<name>.cypher`` (package data; parameters only, no pasting)."""
    return resources.files("lexgraph.queries").joinpath(f"{name}.cypher").read_text("utf-8")


class EmbeddedBackend:
    """The networkx MultiDiGraph of the embedded store, with a lookup index built lazily."""

    is_neo4j = False

    def __init__(self, graph: Any, where: str = "graph") -> None:
        self.graph = graph
        self.where = where
        self._by_number: dict[str, list[str]] | None = None
        self._adjacency: dict[tuple, tuple[dict, dict]] = {}
        self._row_fields: dict[str, tuple] | None = None
        self._sort_rank: dict[str, int] | None = None

    def row_fields(self) -> dict[str, tuple]:
        """key -> the fields a lineage row shows (traverse.row_fields), built on first use:
        one lookup per row instead of eight on 100,000-row answers."""
        if self._row_fields is None:
            from lexgraph.queries.traverse import row_fields

            self._row_fields = {k: row_fields(attrs) for k, attrs in self.graph.nodes.items()}
        return self._row_fields

    def adjacency(
        self, relations: tuple[str, ...], scope: str | None, direction: str
    ) -> dict[str, dict[str, dict[str, Any]]]:
        """Neighbours over qualifying edges only, each with its evidence edge: ``down``
        cited -> {citing: edge}, ``up`` citing -> {cited: edge}.

        Why: a search over the raw MultiDiGraph inspects every parallel edge's relation at
        every step, and a row then looks its evidence up among the parallel edges again.
        This index is built once per (relations, scope) on first use (about a second per
        million edges) and kept, so a search only follows dict keys and a row's evidence
        is ``index[parent][key]``: among parallel qualifying edges, the smallest by
        ``traverse.rank_key(relations)``. It assumes the graph is not modified after the
        store is opened (the API never does).
        """
        cache_key = (tuple(relations), scope)
        both = self._adjacency.get(cache_key)
        if both is None:
            both = self._adjacency[cache_key] = self._index(tuple(relations), scope)
        return both[0] if direction == "down" else both[1]

    def _index(self, relations: tuple[str, ...], scope: str | None) -> tuple[dict, dict]:
        from lexgraph.queries.traverse import rank_key

        wanted = frozenset(relations)
        rank = rank_key(relations)
        down: dict[str, dict[str, dict[str, Any]]] = {}
        up: dict[str, dict[str, dict[str, Any]]] = {}
        for citing, targets in self.graph._succ.items():  # the raw dict: no views
            out: dict[str, dict[str, Any]] = {}
            for cited, parallel in targets.items():
                if len(parallel) == 1:  # the usual case: no ranking to do
                    ((edge_id, data),) = parallel.items()
                    if data.get("relation") in wanted and (
                        scope is None or data.get("scope") == scope
                    ):
                        out[cited] = data
                    continue
                options = [
                    (data, edge_id)
                    for edge_id, data in parallel.items()
                    if data.get("relation") in wanted
                    and (scope is None or data.get("scope") == scope)
                ]
                if options:
                    out[cited] = min(options, key=lambda o: rank(*o))[0]
            if out:
                up[citing] = out
                for cited, data in out.items():
                    if cited in down:
                        down[cited][citing] = data
                    else:
                        down[cited] = {citing: data}
        return down, up

    def sort_rank(self) -> dict[str, int]:
        """key -> position in (date, unknown dates last; key) order over the whole store,
        built on first use: rows then sort by one int lookup instead of two string sorts."""
        if self._sort_rank is None:
            fields = self.row_fields()
            from lexgraph.queries.traverse import DATE, LAST_DATE

            ordered = sorted(fields)
            ordered.sort(key=lambda k: LAST_DATE if (when := fields[k][DATE]) is None else when)
            self._sort_rank = {k: i for i, k in enumerate(ordered)}
        return self._sort_rank

    def node(self, key: str) -> dict[str, Any] | None:
        attrs = self.graph.nodes.get(key)
        return clean_node({**attrs, "key": key}) if attrs is not None else None

    def by_leading_number(self, num: str) -> list[dict[str, Any]]:
        """Documents whose number starts with ``num`` followed by '/' or '-'."""
        if self._by_number is None:
            from lexgraph.queries.resolve_input import leading_number

            index: dict[str, list[str]] = {}
            for key in self.graph.nodes:
                lead = leading_number(key)
                if lead:
                    index.setdefault(lead, []).append(key)
            self._by_number = index
        return [self.node(k) for k in sorted(self._by_number.get(num, ()))]

    def close(self) -> None:
        pass


class Neo4jBackend:
    """A Neo4j driver and database; every query runs in a read transaction."""

    is_neo4j = True

    def __init__(self, driver: Any, database: str | None = None, where: str = "Neo4j") -> None:
        self.driver = driver
        self.database = database
        self.where = where

    def run(self, name: str, **params: Any) -> list[dict[str, Any]]:
        """Run ``<name>.cypher`` with ``params`` as a read query; rows as plain dicts."""
        return self.run_text(cypher(name), params)

    def session(self, *quiet: str) -> Any:
        """A read session. The queries name every whitelisted relationship type, so the
        server's notice that one does not exist yet (no AMENDS edge loaded) is expected and
        not for the user; ``quiet`` names more notice classifications to leave unlogged."""
        from neo4j import READ_ACCESS

        return self.driver.session(
            database=self.database,
            default_access_mode=READ_ACCESS,
            notifications_disabled_classifications=["UNRECOGNIZED", *quiet],
        )

    def run_text(self, text: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        with self.session() as s:
            return s.execute_read(lambda tx: [r.data() for r in tx.run(text, params)])

    def node(self, key: str) -> dict[str, Any] | None:
        rows = self.run("node", key=key)
        return clean_node(rows[0]["node"]) if rows else None

    def by_leading_number(self, num: str) -> list[dict[str, Any]]:
        rows = self.run("by_number", prefixes=[f"{num}/", f"{num}-"])
        return sorted((clean_node(r["node"]) for r in rows), key=lambda n: n["key"])

    def sort_rank(self) -> None:
        """No store-wide rank here: rows sort on their own fields (traverse.sort_keys)."""
        return None

    def close(self) -> None:
        self.driver.close()
