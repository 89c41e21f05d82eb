"""What the user typed -> candidate document keys.

Accepted forms (case, tone marks and spacing do not matter)::

    33/CT-TTg   33/ct-ttg   33/CT -TTG   25-NQ/TW   217-QĐ/TW   NQ 25-NQ/TW   (a number)
    CT 33/2021   NQ 25   QĐ 217   QD 217                                 (type code + number)
    Chỉ thị 33   Chỉ thị số 33/2021   Quyết định 217 năm 2013            (kind word + number)
    Nghị quyết Trung ương 7 khóa XI                      (a document known by its name)
    33/CT-TTg@2021   16/KH-UBND@2022@ca-mau                        (a canonical key)

Why candidates and not one answer: numbers restart every year (State) or every term
(Party), and local numbers repeat in every province, so ``33/CT-TTg`` or ``11-NQ/TU``
may name several documents. ``year`` / ``province`` narrow the list; among what is left, a
fully resolved key is preferred to a reference whose year or place is unknown (``@?``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from lexgraph.extractors.keys import UNKNOWN, fold, slug, split_key
from lexgraph.extractors.numbers import TYPE_KINDS, canonical_number, type_code

_LEAD = re.compile(r"^(\d+(?:\.\d+)?)[-/]")
_NUMBER = re.compile(r"^(\d+(?:\.\d+)?)\s*([-/])\s*(?:(\d{4})\s*/\s*)?([^\W\d_].*)$")
_CODE_NUM = re.compile(r"^([^\W\d_]+)\.?\s*(?:số\s*)?(\d+(?:\.\d+)?)(?:\s*/\s*(\d{4}))?$", re.I)
_YEAR_WORD = re.compile(r"\s*(?:năm|nam|/)\s*(\d{4})\s*$", re.I)
_KIND_WORDS = sorted({*TYPE_KINDS.values(), "Quy định", "Công văn"}, key=len, reverse=True)
_CODES_FOLDED = {fold(code): code for code in TYPE_KINDS}


def leading_number(key: str) -> str | None:
    """``33/CT-TTg@2021`` -> ``33``; ``25-NQ/TW@2013`` -> ``25``; ``law:...`` -> None."""
    match = _LEAD.match(key)
    return match.group(1) if match else None


@dataclass
class Spec:
    """The parsed input: an exact number, or a number with a type code / kind, or aliases."""

    text: str
    number: str | None = None  # canonical full number (exact)
    num: str | None = None  # leading digits
    code: str | None = None  # type code (CT, NQ, QĐ ...)
    kind: str | None = None  # kind word (Chỉ thị ...)
    year: int | None = None
    key: str | None = None  # a canonical key typed as such
    aliases: list[str] = field(default_factory=list)  # numbers from the alias table


@dataclass
class Resolved:
    """Outcome of resolving one input: ``keys`` has one element when unambiguous."""

    text: str
    keys: list[str]
    candidates: list[dict[str, Any]]  # node dicts of every match, for the ambiguity message
    error: str | None = None  # 'bad_input' | 'not_found' | 'ambiguous' | None

    @property
    def key(self) -> str | None:
        return self.keys[0] if len(self.keys) == 1 else None


def parse(text: str) -> Spec | None:
    """Parse one input; None when it is not a recognisable document reference."""
    raw = unicodedata.normalize("NFC", text).strip().replace("*", "")
    if not raw:
        return None
    spec = Spec(text=raw)
    if "@" in raw or raw.startswith(("law:", "doc:")):
        spec.key = raw
        return spec
    aliases = _alias_numbers(raw)
    if aliases:
        spec.aliases = aliases
        return spec
    body = raw
    kind = next((k for k in _KIND_WORDS if fold(body).startswith(fold(k) + " ")), None)
    if kind:
        body = body[len(kind) :].strip()
        spec.kind = kind
        body = re.sub(r"^(?:số|so)\s*", "", body, flags=re.I)
    year_match = _YEAR_WORD.search(body)
    # A leading type code before a full number ('NQ 25-NQ/TW'): drop it.
    parts = body.split(None, 1)
    if len(parts) == 2 and fold(parts[0]) in _CODES_FOLDED and _NUMBER.match(parts[1]):
        body = parts[1]
    full = _NUMBER.match(body)
    if full and not (full.group(4) or "").isdigit():
        spec.number = canonical_number(body)
        spec.num = full.group(1)
        return spec
    if year_match:
        spec.year = int(year_match.group(1))
        body = body[: year_match.start()].strip()
    if spec.kind and re.fullmatch(r"\d+(?:\.\d+)?", body):
        spec.num = body
        return spec
    coded = _CODE_NUM.match(body)
    if coded and fold(coded.group(1)) in _CODES_FOLDED:
        spec.code = _CODES_FOLDED[fold(coded.group(1))]
        spec.num = coded.group(2)
        if coded.group(3):
            spec.year = int(coded.group(3))
        return spec
    return None


def _alias_numbers(text: str) -> list[str]:
    """Numbers of the well-known documents whose name the input gives (extractors' table)."""
    folded = " ".join(fold(text).split())
    if not folded.startswith(("nghi quyet", "nq ")):
        return []
    folded = re.sub(r"^nq ", "nghi quyet ", folded)
    try:
        from lexgraph.extractors.aliases import load_aliases
    except ImportError:  # pragma: no cover - the table ships with the extractors
        return []
    return [a.number for a in load_aliases() if a.number and a.pattern.search(folded)]


def matches(spec: Spec, node: dict[str, Any]) -> bool:
    """Does the document ``node`` fit what the user typed?"""
    key = node["key"]
    head, year, _ = split_key(key)
    if spec.key is not None:
        return key == spec.key
    if spec.aliases:
        return head in spec.aliases
    if spec.number is not None:
        return head == spec.number or fold(head) == fold(spec.number)
    if leading_number(key) != spec.num:
        return False
    if spec.year is not None and str(spec.year) != year and node.get("year") != spec.year:
        return False
    if spec.code is not None and fold(type_code(head)) != fold(spec.code):
        return False
    if spec.kind is not None:
        code = type_code(head)
        kind = node.get("kind") or TYPE_KINDS.get(code)
        if fold(kind or "") != fold(spec.kind) and TYPE_KINDS.get(code) != spec.kind:
            return False
    return True


def _prefixes(spec: Spec) -> list[str]:
    if spec.key is not None:
        return []
    if spec.aliases:
        return sorted({n for n in (leading_number(a + "@") for a in spec.aliases) if n})
    return [spec.num] if spec.num else []


def in_province(node: dict[str, Any], province: str) -> bool:
    """Is the document from ``province`` (name in any spelling, or the key's slug)?"""
    wanted = slug(province)
    where = split_key(node["key"])[2]
    if where and where.split("/")[0] == wanted:
        return True
    return bool(node.get("province")) and slug(node["province"]) == wanted


def resolve(
    backend: Any, text: str, *, year: int | None = None, province: str | None = None
) -> Resolved:
    """Resolve ``text`` against the documents the store holds."""
    spec = parse(text)
    if spec is None:
        return Resolved(text, [], [], "bad_input")
    if spec.key is not None:
        node = backend.node(spec.key)
        found = [node] if node else []
    else:
        found = []
        for num in _prefixes(spec):
            found.extend(n for n in backend.by_leading_number(num) if matches(spec, n))
    if year is not None:
        found = [n for n in found if n.get("year") == year or split_key(n["key"])[1] == str(year)]
    if province:
        found = [n for n in found if in_province(n, province)]
    if not found:
        return Resolved(text, [], [], "not_found")
    resolved = [n for n in found if UNKNOWN not in split_key(n["key"])[1:]]
    chosen = resolved or found
    keys = sorted(n["key"] for n in chosen)
    return Resolved(text, keys, sorted(chosen, key=lambda n: n["key"]),
                    None if len(keys) == 1 else "ambiguous")  # fmt: skip
