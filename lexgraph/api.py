"""The Python API: ``g = lexgraph.open(); g.implementers("33/CT-TTg").to_pandas()``.

One ``Graph`` object per store (embedded file or Neo4j). Every method takes what a user
would type (``"33/CT-TTg"``, ``"CT 33/2021"``, ``"Nghị quyết Trung ương 7 khóa XI"``) or a
canonical key, and returns the same typed rows the CLI prints. An input naming no document
raises ``NotFound``; one naming several raises ``Ambiguous`` with the candidates (narrow it
with ``year=`` / ``province=``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from lexgraph.model import IMPLEMENTING_RELATIONS

NEO4J_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")


class QueryError(LookupError):
    """Base of the errors a query reports to its caller (the CLI maps them to exit codes)."""

    exit_code = 2


class NotFound(QueryError):
    exit_code = 1


class Ambiguous(QueryError):
    def __init__(self, message: str, candidates: list[dict[str, Any]]) -> None:
        super().__init__(message)
        self.candidates = candidates


class BadInput(QueryError):
    pass


def open(  # noqa: A001 - the public name the issue asks for: lexgraph.open()
    store_path_or_uri: str | os.PathLike[str] | None = None,
    *,
    database: str | None = None,
) -> Graph:
    """Open a store: a path (embedded file), a ``bolt://``/``neo4j://`` URI, or the default.

    The default is ``$LEXGRAPH_STORE`` if set, else Neo4j if ``NEO4J_URI`` is set, else
    ``.lexgraph/graph.json.gz``. Neo4j credentials come from ``NEO4J_USERNAME`` /
    ``NEO4J_PASSWORD`` (or the password file of ``scripts/neo4j start``).
    """
    target = os.fspath(store_path_or_uri) if store_path_or_uri is not None else None
    if target is None:
        if os.environ.get("LEXGRAPH_STORE"):
            target = os.environ["LEXGRAPH_STORE"]
        elif os.environ.get("NEO4J_URI"):
            target = os.environ["NEO4J_URI"]
    if target is not None and target.startswith(NEO4J_SCHEMES):
        return open_neo4j(target, database=database)
    from lexgraph.graph.store import default_store_path, load

    path = Path(target) if target else default_store_path()
    return Graph.from_graph(load(path, records=False).graph, where=str(path))


def build(
    paths: str | os.PathLike[str] | list[str | os.PathLike[str]],
    store: str | os.PathLike[str] | None = None,
    *,
    fresh: bool = False,
    jobs: int = 0,
) -> Graph:
    """Extract documents into the embedded store (as ``lexgraph build`` does) and open it.

    ``paths``: files, folders (walked recursively) or globs. Unchanged files are not
    extracted again. Files that cannot be read are listed in ``graph.problems``.
    """
    from lexgraph.graph.store import default_store_path
    from lexgraph.graph.update import update_store

    items = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    path = Path(store) if store is not None else default_store_path()
    data, summary = update_store([os.fspath(p) for p in items], path, fresh=fresh, jobs=jobs)
    graph = Graph.from_graph(data.graph, where=str(path))
    graph.problems = summary.problems
    return graph


def open_neo4j(uri: str | None = None, *, database: str | None = None) -> Graph:
    from lexgraph.graph.neo4j_store import Neo4jSettings, connect
    from lexgraph.queries.backends import Neo4jBackend

    settings = Neo4jSettings.from_env(database=database)
    if uri:
        settings.uri = uri
    return Graph(Neo4jBackend(connect(settings), settings.database, where=settings.uri))


class Graph:
    """Lineage questions over one store; see the module docstring."""

    def __init__(self, backend: Any) -> None:
        self.backend = backend
        self.problems: list[str] = []

    @classmethod
    def from_graph(cls, graph: Any, where: str = "graph") -> Graph:
        """Wrap an in-memory networkx MultiDiGraph (as built by ``graph.build``)."""
        from lexgraph.queries.backends import EmbeddedBackend

        return cls(EmbeddedBackend(graph, where))

    @property
    def is_neo4j(self) -> bool:
        return self.backend.is_neo4j

    def close(self) -> None:
        self.backend.close()

    def __enter__(self) -> Graph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<lexgraph.Graph {self.backend.where}>"

    # -- input -------------------------------------------------------------------------

    def resolve(self, text: str, *, year: int | None = None, province: str | None = None) -> str:
        """The canonical key of what ``text`` names; ``province`` narrows only if it can."""
        from lexgraph.queries.resolve_input import resolve

        found = resolve(self.backend, text, year=year)
        if province and found.error == "ambiguous":
            narrowed = resolve(self.backend, text, year=year, province=province)
            if narrowed.keys:
                found = narrowed
        if found.error == "bad_input":
            raise BadInput(f"{text!r} is not a document number, key or known name")
        if found.error == "not_found":
            raise NotFound(f"no document {text!r} in {self.backend.where}")
        if found.error == "ambiguous":
            listing = "; ".join(_describe(n) for n in found.candidates)
            raise Ambiguous(f"{text!r} names {len(found.keys)} documents: {listing} "
                            "(narrow with --year / --province or give the key)",
                            found.candidates)  # fmt: skip
        return found.keys[0]

    def document(self, text: str, **narrow: Any) -> dict[str, Any]:
        return self.backend.node(self.resolve(text, **narrow))

    # -- questions ---------------------------------------------------------------------

    def implementers(
        self,
        *targets: str,
        depth: int | None = None,
        scope: str | None = None,
        level: str | None = None,
        province: str | None = None,
        since: str | None = None,
        until: str | None = None,
        relations: tuple[str, ...] | list[str] = IMPLEMENTING_RELATIONS,
        year: int | None = None,
    ):
        """Documents implementing each target (and, for several, their union)."""
        from lexgraph.queries.lineage import implementers, union
        from lexgraph.queries.results import Result

        if not targets:
            raise BadInput("implementers needs at least one document")
        _check_scope(scope)
        per: dict[str, list] = {}
        for text in targets:
            key = self.resolve(text, year=year, province=province)
            per[key] = implementers(
                self.backend, key, relations=tuple(relations), scope=scope, depth=depth,
                level=level, province=province, since=since, until=until,
            ) or []  # fmt: skip
        rows = [r for key in per for r in per[key]]
        meta: dict[str, Any] = {
            "targets": list(per),
            "per_target": {k: len(v) for k, v in per.items()},
        }
        if len(per) > 1:
            both = union(per)
            meta["union"] = len(both)
            meta["all"] = len(set.intersection(*({r.key for r in v} for v in per.values())))
            rows += both
        return Result(rows, meta)

    def lineage(self, text: str, direction: str = "up", *, depth: int | None = None,
                scope: str | None = None,
                relations: tuple[str, ...] | list[str] = IMPLEMENTING_RELATIONS,
                year: int | None = None, province: str | None = None):  # fmt: skip
        """The tree above (``up``: what it implements, to the root) or below (``down``)."""
        from lexgraph.queries.lineage import lineage
        from lexgraph.queries.results import Result

        if direction not in ("up", "down"):
            raise BadInput("direction must be 'up' or 'down'")
        _check_scope(scope)
        key = self.resolve(text, year=year, province=province)
        rows = lineage(self.backend, key, direction, relations=tuple(relations), scope=scope,
                       depth=depth) or []  # fmt: skip
        return Result(
            rows, {"origin": key, "direction": direction, "document": self.backend.node(key)}
        )

    def path(self, a: str, b: str, *, max_hops: int = 12):
        from lexgraph.queries.path import path
        from lexgraph.queries.results import Result

        ka, kb = self.resolve(a), self.resolve(b)
        hops = path(self.backend, ka, kb, max_hops) or []
        return Result(hops, {"from": ka, "to": kb, "connected": bool(hops) or ka == kb})

    def show(self, text: str, *, year: int | None = None, province: str | None = None):
        from lexgraph.queries.show import show

        return show(self.backend, self.resolve(text, year=year, province=province))

    def search(self, query: str, *, limit: int | None = 50):
        from lexgraph.queries.results import Result
        from lexgraph.queries.search import search

        return Result(search(self.backend, query, limit), {"query": query})

    def coverage(self, *targets: str, **options: Any):
        from lexgraph.queries.aggregate import coverage
        from lexgraph.queries.results import Result

        found = self.implementers(*targets, **options)
        rows = _union_or_all(found)
        return Result(coverage(rows), found.meta)

    def timeline(self, *targets: str, **options: Any):
        from lexgraph.queries.aggregate import timeline
        from lexgraph.queries.results import Result

        found = self.implementers(*targets, **options)
        rows, lags = timeline(_union_or_all(found))
        return Result(rows, {**found.meta, "lags": lags})

    def stats(self, *, top: int = 10):
        from lexgraph.queries.results import Result
        from lexgraph.queries.stats import stats

        return Result(stats(self.backend, top), {})

    def viz(
        self,
        target: str | None = None,
        *,
        down: bool = False,
        up: bool = False,
        province: str | None = None,
        layout: str = "level",
        output: str | os.PathLike[str] | None = None,
        year: int | None = None,
    ):
        """The interactive graph around ``target`` (or the whole graph, or a province).

        Returns the pyvis Network (shown inline when it is a Jupyter cell's value) and writes
        the offline HTML page when ``output`` is given.
        """
        from lexgraph.graph.viz import viz

        key = self.resolve(target, year=year) if target else None
        if self.backend.is_neo4j:
            from lexgraph.graph.neo4j_store import read_graph

            graph = read_graph(self.backend.driver, self.backend.database)
        else:
            graph = self.backend.graph
        return viz(graph, key, down=down, up=up, province=province, layout=layout, output=output)

    def cypher(self, query: str, **params: Any):
        """Any read-only Cypher (Neo4j only); the server refuses writes."""
        from lexgraph.queries.readonly import run_readonly
        from lexgraph.queries.results import Result

        if not self.backend.is_neo4j:
            raise BadInput("cypher needs Neo4j: open a bolt:// or neo4j:// URI")
        rows = run_readonly(self.backend.driver, query, params, self.backend.database)
        return Result(rows, {"query": query})


def _union_or_all(found: Any) -> list:
    targets = found.meta["targets"]
    if len(targets) == 1:
        return found.rows
    label = "|".join(sorted(targets))
    return [r for r in found.rows if r.target == label]


def _check_scope(scope: str | None) -> None:
    if scope not in (None, "any", "document", "task"):
        raise BadInput(f"scope must be document, task or any, not {scope!r}")


def _describe(node: dict[str, Any]) -> str:
    bits = [node["key"]]
    extra = ", ".join(
        str(v) for v in (node.get("year"), node.get("issuer") or node.get("province")) if v
    )
    return f"{bits[0]} ({extra})" if extra else bits[0]
