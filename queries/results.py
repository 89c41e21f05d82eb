"""Typed result rows shared by both stores, the API and the CLI.

Why plain dataclasses: the same row prints as a table, JSON or CSV, compares equal across
the networkx and Cypher implementations (the parity tests), and becomes a pandas frame
without pandas being a dependency of the package.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field, fields
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


@dataclass(slots=True)
class DocumentRow:
    """One document found by a traversal (implementers, lineage), with how it was reached.

    Slotted: a traversal can return tens of thousands of rows, and a row without a
    ``__dict__`` is built faster and takes less memory."""

    key: str
    number: str | None
    kind: str | None
    issuer: str | None
    province: str | None
    level: str | None
    date: str | None
    title: str | None
    source: str | None  # the ingested file, or None for a document only referenced
    depth: int
    via: list[str]
    relation: str | None
    scope: str | None
    lag_days: int | None
    quote: str | None
    parent: str | None  # the next document on the path (toward the query document)
    target: str  # the query document this row answers for


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
        columns = [f.name for f in fields(self.rows[0])] if self.rows else None
        return pd.DataFrame(self.to_dicts(), columns=columns)


def to_dict(row: Any) -> dict[str, Any]:
    return asdict(row) if hasattr(row, "__dataclass_fields__") else dict(row)


def sort_rows(rows: Sequence[Any], *names: str) -> list[Any]:
    """Sort with None last, so order never depends on the store."""

    def key(row: Any) -> tuple:
        return tuple(
            (getattr(row, n) is None, getattr(row, n) if getattr(row, n) is not None else 0)
            for n in names
        )

    return sorted(rows, key=key)
