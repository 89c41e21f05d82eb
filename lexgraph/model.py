"""The data model shared by every layer: the extraction record and its parts.

The JSON field names are a contract with scripts (DESIGN.md, "Extraction record"):
add fields freely, rename none without bumping ``SCHEMA_VERSION``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import cache
from typing import Any

SCHEMA_VERSION = 1

RELATIONS: tuple[str, ...] = (
    "implements",
    "continues",
    "based_on",
    "guides",
    "amends",
    "replaces",
    "repeals",
    "corrects",
    "consolidates",
    "cites",
)
# Relations through which a document counts as implementing another (lineage queries).
IMPLEMENTING_RELATIONS: tuple[str, ...] = ("implements", "continues", "based_on")

LEVELS: tuple[str, ...] = ("central_party", "central_state", "province", "district", "commune")
SCOPES: tuple[str, ...] = ("document", "task")


@dataclass
class DocumentInfo:
    """What a document says about itself (header, title, signature)."""

    key: str | None = None
    kind: str | None = None
    number: str | None = None
    year: int | None = None
    issuer: str | None = None
    level: str | None = None
    province: str | None = None
    district: str | None = None
    date: str | None = None
    title: str | None = None
    signer: str | None = None


@dataclass
class Citation:
    """One mention of another document, with its relation and evidence."""

    key: str
    kind: str | None = None
    number: str | None = None
    year: int | None = None
    date: str | None = None
    issuer: str | None = None
    level: str | None = None
    relation: str = "cites"
    scope: str = "task"
    section: str | None = None
    start: int = 0
    end: int = 0
    quote: str = ""
    # Additions to the DESIGN.md minimum (allowed: "add fields freely").
    province: str | None = None
    district: str | None = None
    local: bool = False
    name: str | None = None  # a law or document cited by name without a number
    alias: str | None = None  # the alias-table entry that resolved an unnumbered mention
    # The mention itself (the number as written, or the name), inside [start, end).
    mention_start: int | None = None
    mention_end: int | None = None


@dataclass
class Assertion:
    """A second-order statement in the text: cited document ``subject`` <relation> ``object``."""

    subject: str
    relation: str
    object: str
    start: int = 0
    end: int = 0
    quote: str = ""


@dataclass
class Extraction:
    """One record per input file; serialised as one JSON line."""

    source: str
    sha256: str
    document: DocumentInfo = field(default_factory=DocumentInfo)
    citations: list[Citation] = field(default_factory=list)
    assertions: list[Assertion] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    schema: int = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        # Shallow copies, not dataclasses.asdict: asdict deep-copies recursively and was the
        # slowest step of saving a 1M-edge store. ``schema`` first, as DESIGN.md shows it.
        return {
            "schema": self.schema,
            "source": self.source,
            "sha256": self.sha256,
            "document": dict(vars(self.document)),
            "citations": [dict(vars(c)) for c in self.citations],
            "assertions": [dict(vars(a)) for a in self.assertions],
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Extraction:
        return cls(
            source=data["source"],
            sha256=data.get("sha256", ""),
            document=_build(DocumentInfo, data.get("document") or {}),
            citations=[_build(Citation, c) for c in data.get("citations", [])],
            assertions=[_build(Assertion, a) for a in data.get("assertions", [])],
            warnings=list(data.get("warnings", [])),
            schema=data.get("schema", SCHEMA_VERSION),
        )


@cache
def _field_names(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in fields(cls))


def _build(cls: type, data: dict[str, Any]) -> Any:
    """Build a dataclass from a dict, ignoring fields a newer schema may have added."""
    names = _field_names(cls)
    if names.issuperset(data):
        return cls(**data)
    return cls(**{k: v for k, v in data.items() if k in names})
