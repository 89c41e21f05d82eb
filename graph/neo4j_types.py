"""Neo4j relationship types: one per relation, from the fixed whitelist only.

Why a type per relation: a traversal over ``:IMPLEMENTS|CONTINUES|BASED_ON`` reads only
the qualifying relationships of each document (Neo4j stores them grouped by type), where
one ``:CITES`` type with a ``relation`` property made it read and filter every edge.

Why this is safe to paste into a query string: a type is ``relation.upper()`` of a member
of ``lexgraph.model.RELATIONS`` (a constant tuple of ``[a-z_]`` words), looked up in a
dict built from it; anything else is dropped (queries) or rejected (loading). No text a
user or a document supplies ever reaches the query string, only its membership test.
"""

from __future__ import annotations

from collections.abc import Iterable

from lexgraph.model import IMPLEMENTING_RELATIONS, RELATIONS

TYPES: dict[str, str] = {relation: relation.upper() for relation in RELATIONS}
ALL_TYPES = "|".join(TYPES.values())  # every edge, whatever its relation
DEFAULT_TYPES = "|".join(TYPES[r] for r in IMPLEMENTING_RELATIONS)  # as written in .cypher


def rel_type(relation: object) -> str | None:
    """The relationship type of ``relation``, None when it is not a known relation."""
    return TYPES.get(relation) if isinstance(relation, str) else None


def type_union(relations: Iterable[str]) -> str:
    """``A|B|C`` for the known relations among ``relations`` (whitelist order, so a given
    set always gives the same query text and plan); '' when none is known."""
    wanted = set(relations)
    return "|".join(TYPES[r] for r in RELATIONS if r in wanted)
