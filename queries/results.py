"""Typed result rows shared by both stores, the API and the CLI.

Why plain data classes (and for traversal rows, a tuple with named fields): the same row
prints as a table, JSON or CSV, compares equal across the networkx and Cypher
implementations (the parity tests), and becomes a pandas frame without pandas being a
dependency of the package.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field, fields
from operator import itemgetter
from typing import Any, Generic, TypeVar

NODE_FIELDS = (
    "key", "kind", "number", "year", "issuer", "level", "province", "district", "date",
    "title", "signer", "ingested", "sources", "unresolved",
)  # fmt: skip


def clean_node(props: dict[str, Any] | None) -> dict[str, Any]:
    """A node's properties with every contract field present (Neo4j omits nulls)."""
    props = dict(props or {})
    out = {name: props.get(name) for name in NODE_FIELDS}
    out["sources"] = list(out["sources"] or [])
    out["ingested"] = bool(out["ingested"])
    out["unresolved"] = bool(out["unresolved"])
    if props.get("candidates") is not None:
        out["candidates"] = props["candidates"]
    return out


_DOCUMENT_FIELDS = ("number", "kind", "issuer", "province", "level", "date", "title", "source")
_EVIDENCE_FIELDS = ("relation", "scope", "quote")
# The fields a row stores itself, by position; the others are in its shared parts.
_OWN_SLOTS = {"key": 0, "depth": 2, "via": 3, "lag_days": 5, "parent": 6, "target": 7}


class DocumentRow(tuple):
    """One document found by a traversal (implementers, lineage), with how it was reached.

    Read it by field name (``row.number``, ``row.via``; ``DocumentRow.FIELDS`` lists them
    in order) or whole with ``to_dict()``; rows compare equal when every field does.

    Why not a dataclass: a traversal can return tens of thousands of rows, and copying 17
    values into each cost a 10,000-row answer more than the search itself. A row stores
    ``(key, document, depth, via, evidence, lag_days, parent, target)``, sharing the
    document's fields and the evidence with every row that shows them
    (queries/traverse.py builds it with ``tuple.__new__``); the other fields are read
    through properties. Iterating or indexing a row gives that storage, not the fields.
    """

    __slots__ = ()

    FIELDS = (
        "key", *_DOCUMENT_FIELDS, "depth", "via", "relation", "scope", "lag_days", "quote",
        "parent", "target",
    )  # fmt: skip

    def __new__(
        cls, key: str, number: str | None, kind: str | None, issuer: str | None,
        province: str | None, level: str | None, date: str | None, title: str | None,
        source: str | None, depth: int, via: list[str], relation: str | None,
        scope: str | None, lag_days: int | None, quote: str | None, parent: str | None,
        target: str,
    ) -> DocumentRow:  # fmt: skip
        from lexgraph.queries.traverse import day_number

        document = (number, kind, issuer, province, level, date, title, source, day_number(date))
        evidence = (relation, scope, quote)
        return tuple.__new__(cls, (key, document, depth, via, evidence, lag_days, parent, target))

    key = property(itemgetter(0), doc="the document's canonical key")
    depth = property(itemgetter(2), doc="the shortest distance to the query document")
    via = property(itemgetter(3), doc="the documents in between")
    lag_days = property(itemgetter(5), doc="days after (down) or before (up) the query document")
    parent = property(itemgetter(6), doc="the next document toward the query document")
    target = property(itemgetter(7), doc="the query document this row answers for")

    def to_dict(self) -> dict[str, Any]:
        key, document, depth, via, evidence, lag, parent, target = self
        # strict=False: the document's last part, its day number, is not a field.
        out = {"key": key, **dict(zip(_DOCUMENT_FIELDS, document, strict=False))}
        out.update(depth=depth, via=list(via), relation=evidence[0], scope=evidence[1],
                   lag_days=lag, quote=evidence[2], parent=parent, target=target)  # fmt: skip
        return out

    def replace(self, **changes: Any) -> DocumentRow:
        """A copy with some fields changed (as ``dataclasses.replace``). Changing only
        fields stored in the row itself (``target`` for a union, say) keeps the shared
        parts: a 10,000-row union re-targets its rows in a few ms, not 50."""
        if changes.keys() <= _OWN_SLOTS.keys():
            parts = list(self)
            for name, value in changes.items():
                parts[_OWN_SLOTS[name]] = value
            return tuple.__new__(DocumentRow, parts)
        return DocumentRow(**{**self.to_dict(), **changes})

    def __getnewargs__(self) -> tuple:  # pickling and copying go through the fields
        return tuple(self.to_dict().values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={v!r}" for k, v in self.to_dict().items())
        return f"DocumentRow({shown})"


def _part_field(part: int, position: int, doc: str) -> property:
    return property(lambda row: row[part][position], doc=doc)


for _position, _name in enumerate(_DOCUMENT_FIELDS):
    _doc = (
        "the ingested file, or None for a document only referenced"
        if _name == "source"
        else f"the document's {_name}"
    )
    setattr(DocumentRow, _name, _part_field(1, _position, _doc))
for _position, _name in enumerate(_EVIDENCE_FIELDS):
    setattr(DocumentRow, _name, _part_field(4, _position, f"the evidence edge's {_name}"))


@dataclass
class EdgeRow:
    """One mention or assertion between two documents (show, path)."""

    citing: str
    cited: str
    relation: str | None
    scope: str | None
    kind: str | None  # 'citation' or 'assertion'
    section: str | None
    quote: str | None
    file: str | None
    id: str | None = None


@dataclass
class SearchRow:
    key: str
    number: str | None
    kind: str | None
    issuer: str | None
    province: str | None
    date: str | None
    title: str | None
    ingested: bool
    match: str = "prefix"  # how the query matched: phrase, words (all whole) or prefix


@dataclass
class CoverageRow:
    province: str
    era: str  # 'historical' (the 63 until 2025-06-30) or 'current' (the 34 since 2025-07-01)
    covered: bool
    documents: int
    first_date: str | None
    first_lag_days: int | None
    keys: list[str]
    includes: list[str]  # for a current province: the historical ones merged into it


@dataclass
class TimelineRow:
    period: str  # YYYY-MM
    documents: int
    cumulative: int
    keys: list[str]


@dataclass
class CountRow:
    group: str  # 'kind', 'level', 'province', 'year', 'most_cited', 'unresolved', 'total'
    value: str | None
    count: int


@dataclass
class PathHop:
    step: int
    from_key: str
    to_key: str
    direction: str  # '->' when from cites to, '<-' when to cites from
    relation: str | None
    scope: str | None
    quote: str | None


T = TypeVar("T")


@dataclass
class Result(Generic[T]):
    """A list of rows plus what the query was about; iterable, indexable, ``to_pandas()``."""

    rows: list[T] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    def __iter__(self) -> Iterator[T]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, index: int) -> T:
        return self.rows[index]

    def keys(self) -> list[str]:
        return [getattr(r, "key", None) for r in self.rows]

    def to_dicts(self) -> list[dict[str, Any]]:
        return [to_dict(r) for r in self.rows]

    def to_pandas(self) -> Any:
        """A pandas DataFrame of the rows (needs pandas: ``pip install pandas``)."""
        try:
            import pandas as pd
        except ImportError as error:  # pragma: no cover - pandas is installed in tests
            raise ImportError("to_pandas() needs pandas: pip install pandas") from error
        columns = field_names(self.rows[0]) if self.rows else None
        return pd.DataFrame(self.to_dicts(), columns=columns)


def to_dict(row: Any) -> dict[str, Any]:
    if isinstance(row, DocumentRow):
        return row.to_dict()
    return asdict(row) if hasattr(row, "__dataclass_fields__") else dict(row)


def field_names(row: Any) -> list[str]:
    """A row's field names, in order."""
    if isinstance(row, DocumentRow):
        return list(DocumentRow.FIELDS)
    return [f.name for f in fields(row)]


def sort_rows(rows: Sequence[Any], *names: str) -> list[Any]:
    """Sort with None last, so order never depends on the store."""

    def key(row: Any) -> tuple:
        return tuple(
            (getattr(row, n) is None, getattr(row, n) if getattr(row, n) is not None else 0)
            for n in names
        )

    return sorted(rows, key=key)
