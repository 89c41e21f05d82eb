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
        self._adjacency: dict[tuple, tuple[Any, Any]] = {}
        self._documents: Any = None

    def documents(self) -> Any:
        """Every document as ``traverse.Documents`` (ids in key order, each with its row
        fields: ``traverse.row_fields``), built on first use."""
        if self._documents is None:
            from lexgraph.queries.traverse import Documents, row_fields

            nodes = self.graph.nodes.items()
            self._documents = Documents.of({k: row_fields(attrs) for k, attrs in nodes})
        return self._documents

    def adjacency(self, relations: tuple[str, ...], scope: str | None, direction: str) -> Any:
        """The qualifying edges of one direction as ``traverse.Edges`` over ``documents()``
        (``down``: cited -> citing, ``up``: citing -> cited), each with the evidence a row
        shows (``traverse.evidence_of``).

        Why: a search over the raw MultiDiGraph inspects every parallel edge's relation at
        every step, and a row then looks its evidence up among the parallel edges again.
        This index is built once per (relations, scope) on first use (about a second per
        million edges) and kept, so a search only follows arrays of ids and a row's
        evidence is one list item: of the parallel qualifying edges, the smallest by
        ``traverse.rank_key(relations)``. It assumes the graph is not modified after the
        store is opened (the API never does).
        """
        cache_key = (tuple(relations), scope)
        both = self._adjacency.get(cache_key)
        if both is None:
            both = self._adjacency[cache_key] = self._index(tuple(relations), scope)
        return both[0] if direction == "down" else both[1]

    def _index(self, relations: tuple[str, ...], scope: str | None) -> tuple[Any, Any]:
        import numpy as np

        from lexgraph.queries.traverse import Edges, evidence_of, rank_key

        documents = self.documents()
        index = documents.index
        wanted = frozenset(relations)
        rank = rank_key(relations)
        citing_ids: list[int] = []
        cited_ids: list[int] = []
        evidence: list[tuple] = []
        for citing, targets in self.graph._succ.items():  # the raw dict: no views
            source = index[citing]
            for cited, parallel in targets.items():
                if len(parallel) == 1:  # the usual case: no ranking to do
                    ((edge_id, data),) = parallel.items()
                    if data.get("relation") not in wanted or (
                        scope is not None and data.get("scope") != scope
                    ):
                        continue
                else:
                    options = [
                        (data, edge_id)
                        for edge_id, data in parallel.items()
                        if data.get("relation") in wanted
                        and (scope is None or data.get("scope") == scope)
                    ]
                    if not options:
                        continue
                    data = min(options, key=lambda o: rank(*o))[0]
                citing_ids.append(source)
                cited_ids.append(index[cited])
                evidence.append(evidence_of(data))
        n = len(documents.keys)
        sources = np.array(citing_ids, dtype=np.int64)
        targets_ = np.array(cited_ids, dtype=np.int64)

        def rows(by: np.ndarray, to: np.ndarray) -> Edges:
            order = np.argsort(by, kind="stable")
            indptr = np.zeros(n + 1, dtype=np.int64)
            np.cumsum(np.bincount(by, minlength=n), out=indptr[1:])
            return Edges(indptr, to[order], [evidence[j] for j in order.tolist()])

        return rows(targets_, sources), rows(sources, targets_)

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
        # Procedure name -> whether the server has it; an entry set to False makes a query
        # take its plain Cypher path (the parity tests run both paths this way).
        self.procedures: dict[str, bool] = {}

    def has_procedure(self, name: str) -> bool:
        """Whether the server offers procedure ``name`` (asked once per backend): lexgraph's
        own (``scripts/neo4j plugin``) speed up a query where installed and are not needed."""
        found = self.procedures.get(name)
        if found is None:
            rows = self.run_text(
                "SHOW PROCEDURES YIELD name WHERE name = $name RETURN count(*) AS n",
                {"name": name},
            )
            found = self.procedures[name] = bool(rows and rows[0]["n"])
        return found

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

    def close(self) -> None:
        self.driver.close()
