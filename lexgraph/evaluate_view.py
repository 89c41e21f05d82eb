"""The record <-> gold schema mapping for ``lexgraph.evaluate``.

Why apart from the scoring: ``gold_view`` is the one place that says how an extraction
record reads in the gold schema (labels, implements vs tasks, chains), and
``records_from_gold`` is its inverse, which tests and benchmarks use without scoring.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from typing import Any

from lexgraph.evaluate_report import DOC_FIELDS
from lexgraph.extractors.keys import document_key, law_key, slug
from lexgraph.extractors.numbers import canonical_number, number_year
from lexgraph.model import Assertion, Citation, DocumentInfo, Extraction

IMPLEMENTS_RELATIONS = ("implements", "continues", "based_on")
TASK_RELATIONS = ("implements", "continues")
CHAIN_RELATIONS = ("implements", "continues")
_NAME_YEAR = re.compile(r"^(.*\S)\s+(\d{4})$")

# ---------------------------------------------------------------- record -> gold view


def _alias_name(alias_id: str) -> str:
    from lexgraph.extractors.aliases import load_aliases

    names = {a.id: a.name for a in load_aliases()}
    return names.get(alias_id, alias_id)


def _label(cit: Citation) -> str | None:
    """How a citation is named in the gold schema: its number, or '~name year', or '~alias'.

    A mention resolved through the alias table is named as the gold names an unnumbered
    document, '~<description>'; its number counts only where the text also writes it.
    """
    if cit.alias:
        return "~" + _alias_name(cit.alias)
    if cit.number:
        return canonical_number(cit.number)
    if cit.name:
        return "~" + _named(cit)
    return None


def _named(cit: Citation) -> str:
    return f"{cit.name} {cit.year}" if cit.year else str(cit.name)


def _add(items: list[Any], item: Any) -> None:
    if item is not None and item not in items:
        items.append(item)


def gold_view(record: Extraction) -> dict[str, Any]:
    """The record projected onto the gold schema (doc, implements, tasks, cites, named, chains)."""
    d = record.document
    own = canonical_number(d.number) if d.number else None
    cites: dict[str, dict[str, Any]] = {}
    implements: list[str] = []
    tasks: list[str] = []
    named: list[str] = []
    labels: dict[str, str] = {}
    alias_labels: dict[str, str] = {}
    for cit in record.citations:
        label = _label(cit)
        if label is None:
            continue
        if not cit.alias:
            labels.setdefault(cit.key, label)
        else:
            alias_labels.setdefault(cit.key, label)
        if cit.number and not cit.alias:
            if label != own:
                entry = cites.setdefault(
                    label,
                    {"number": label, "kind": None, "date": None, "issuer": None, "local": False},
                )
                for name in ("kind", "date", "issuer"):
                    if entry[name] is None and getattr(cit, name):
                        entry[name] = getattr(cit, name)
                entry["local"] = entry["local"] or bool(cit.local)
        elif cit.name and not cit.alias:
            _add(named, _named(cit))
        if label == own:
            continue
        if cit.scope == "document" and cit.relation in IMPLEMENTS_RELATIONS:
            _add(implements, label)
        elif cit.scope == "task" and cit.relation in TASK_RELATIONS and cit.number:
            _add(tasks, label)
    own_key = d.key
    chains: list[list[str]] = []
    for a in record.assertions:
        if a.relation not in CHAIN_RELATIONS or own_key in (a.subject, a.object):
            continue
        subject = labels.get(a.subject) or a.subject.partition("@")[0]
        if a.object in alias_labels:  # gold names an alias target '~...', and by number too
            _add(chains, [subject, alias_labels[a.object], a.relation])  # when the text writes it
            if a.object not in labels:
                continue
        obj = labels.get(a.object) or a.object.partition("@")[0]
        _add(chains, [subject, obj, a.relation])
    return {
        "file": os.path.basename(record.source),
        "doc": {
            "kind": d.kind,
            "number": own,
            "issuer": d.issuer,
            "province": d.province,
            "district": d.district,
            "date": d.date,
            "title": d.title,
        },
        "implements": implements,
        "tasks": tasks,
        "cites": list(cites.values()),
        "named": named,
        "chains": chains,
    }


# ---------------------------------------------------------------- gold -> records (inverse)


def _cite_key(number: str, date: str | None, local: bool, province: str | None) -> str:
    year = number_year(number) or (int(date[:4]) if date else None)
    return document_key(number, year, local=local, province=province)


def records_from_gold(gold: Iterable[dict[str, Any]], root: str = "") -> list[Extraction]:
    """Extraction records that say exactly what the gold says (``gold_view`` inverts them).

    For tests and benchmarks: ``score(records_from_gold(g), g)`` is 1.0 everywhere.
    """
    return [_record_from_gold(g, root) for g in gold]


def _record_from_gold(g: dict[str, Any], root: str) -> Extraction:
    doc = g["doc"]
    number = doc.get("number")
    year = int(doc["date"][:4]) if doc.get("date") else (number_year(number) if number else None)
    local = bool(doc.get("province"))
    key = (
        document_key(
            number, year, local=local, province=doc.get("province"), district=doc.get("district")
        )
        if number
        else f"doc:{slug(g['file'])}"
    )
    info = DocumentInfo(key=key, year=year, **{k: doc.get(k) for k in DOC_FIELDS})
    rec = Extraction(source=os.path.join(root, g["file"]), sha256="", document=info)
    keys: dict[str, str] = {}
    pos = 0

    def mention(cit: Citation) -> None:
        nonlocal pos
        cit.start, cit.end = pos, pos + 1
        pos += 2
        rec.citations.append(cit)

    for c in g["cites"]:
        keys[c["number"]] = _cite_key(
            c["number"], c.get("date"), c.get("local", False), doc.get("province")
        )
        mention(
            Citation(
                key=keys[c["number"]],
                **{k: c.get(k) for k in ("number", "kind", "date", "issuer")},
                local=bool(c.get("local")),
            )
        )
    names: dict[str, tuple[str, int | None]] = {}
    for entry in g["named"]:
        m = _NAME_YEAR.match(entry)
        name, nyear = (m.group(1), int(m.group(2))) if m else (entry, None)
        names[entry] = (name, nyear)
        keys["~" + entry] = law_key(name, nyear)
        mention(Citation(key=keys["~" + entry], kind=name.split()[0], name=name, year=nyear))

    def unnumbered(label: str) -> str:
        if label not in keys:
            keys[label] = "alias:" + slug(label[1:])
            mention(Citation(key=keys[label], alias=label[1:]))
        return keys[label]

    for entry in g["implements"]:
        if entry.startswith("~") and entry[1:] in names:
            name, nyear = names[entry[1:]]
            mention(
                Citation(
                    key=keys[entry], name=name, year=nyear, relation="based_on", scope="document"
                )
            )
        elif entry.startswith("~"):
            rec.citations.append(
                Citation(
                    key=unnumbered(entry), alias=entry[1:], relation="implements", scope="document"
                )
            )
        else:
            mention(
                Citation(key=keys[entry], number=entry, relation="implements", scope="document")
            )
    for entry in g["tasks"]:
        mention(Citation(key=keys[entry], number=entry, relation="implements", scope="task"))
    for a, b, rel in g["chains"]:
        subject = keys[a] if not a.startswith("~") else unnumbered(a)
        obj = keys[b] if not b.startswith("~") else unnumbered(b)
        rec.assertions.append(Assertion(subject=subject, relation=rel, object=obj))
    return rec
