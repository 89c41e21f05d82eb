"""Identity resolution: map every mention's key to one canonical document key.

Rule (chosen and tested): a key with an unresolved part (``?`` year or jurisdiction) is
attached to a fully resolved key with the same number when that is the *only* compatible
candidate the graph holds; otherwise it stays its own node, marked ``unresolved`` with the
candidates listed. Nothing is guessed from the citing document's own year.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from lexgraph.extractors.keys import UNKNOWN, split_key


@dataclass
class Resolution:
    canonical: dict[str, str] = field(default_factory=dict)  # key -> canonical key
    candidates: dict[str, list[str]] = field(default_factory=dict)  # ambiguous key -> options

    def __call__(self, key: str) -> str:
        return self.canonical.get(key, key)


def _compatible(unresolved: str, candidate: str) -> bool:
    number, year, where = split_key(unresolved)
    c_number, c_year, c_where = split_key(candidate)
    if number != c_number:
        return False
    if year != UNKNOWN and year != c_year:
        return False
    if where is None or c_where is None:
        return where == c_where
    return where in (UNKNOWN, c_where)


def resolve_keys(keys: Iterable[str]) -> Resolution:
    keys = set(keys)
    resolved_by_number: dict[str, list[str]] = defaultdict(list)
    unresolved: list[str] = []
    for key in keys:
        number, year, where = split_key(key)
        if key.startswith(("doc:", "law:")):
            continue
        if year == UNKNOWN or where == UNKNOWN:
            unresolved.append(key)
        else:
            resolved_by_number[number].append(key)
    result = Resolution()
    for key in sorted(unresolved):
        number = split_key(key)[0]
        options = sorted(c for c in resolved_by_number.get(number, ()) if _compatible(key, c))
        if len(options) == 1:
            result.canonical[key] = options[0]
        elif options:
            result.candidates[key] = options
    return result
