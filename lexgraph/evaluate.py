"""Score extraction records against gold annotations (the seeds' ``gold.jsonl`` format).

Pure: records in, report out; no extraction happens here, so the same scorer serves the
seeds, the corpus gold and synthetic corpora. The mapping from a record to the gold
schema is ``gold_view``; ``records_from_gold`` is its inverse, used to prove that the
gold itself scores 1.0 and to feed benchmarks.

Rules taken from ../shared/seeds/README.md ("Scoring notes") and decided here:

- cites are compared by canonical number (``canonical_number``); the typo ``27/CTTg`` is
  merged with ``27/CT-TTg`` (the README allows it).
- an ``implements`` entry reachable through gold chains from another gold ``implements``
  entry may be reported or not: neither its absence nor its presence is an error.
- ``~description`` entries (unnumbered documents): a predicted and a gold entry match when
  their folded texts are equal (or, for non-laws, one contains the other). They are scored
  only for a record that resolves names or aliases (some citation has ``name`` or
  ``alias``). Laws (``~Luật ...``, ``~Hiến pháp ...``) are then scored both ways; other
  descriptions are free text, so an unmatched one on either side is ignored.
- issuer, kind, province and title are compared case- and tone-placement-insensitively
  (``Tỉnh uỷ`` = ``Tỉnh ủy``); province ignores a leading ``tỉnh``/``thành phố``.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from lexgraph.evaluate_report import (
    CITE_FIELDS,
    DOC_FIELDS,
    PRF,
    SET_METRICS,
    Accuracy,
    DocumentResult,
    EvaluationReport,
)
from lexgraph.extractors.keys import document_key, law_key, slug
from lexgraph.extractors.numbers import canonical_number, number_year
from lexgraph.model import Assertion, Citation, DocumentInfo, Extraction

IMPLEMENTS_RELATIONS = ("implements", "continues", "based_on")
TASK_RELATIONS = ("implements", "continues")
CHAIN_RELATIONS = ("implements", "continues")

_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_PUNCT = re.compile(r"[,.;:()\[\]\"'“”‘’*|]+")
_SPACE = re.compile(r"\s+")
_CTTG = re.compile(r"(?<=[/-])CTTg\b")
_LAW = re.compile(r"^(bo luat|luat|hien phap|phap lenh)\b")
_NAME_YEAR = re.compile(r"^(.*\S)\s+(\d{4})$")
_PROVINCE_PREFIX = re.compile(r"^(tỉnh|thành phố|tp)\s+")


# ---------------------------------------------------------------- normalisation


def norm_text(text: str | None) -> str:
    """Case-, tone-placement-, punctuation- and spacing-insensitive form of a phrase.

    Each syllable's tone mark is moved to its end, so ``uỷ``/``ủy`` and ``hoá``/``hóa`` agree
    while ``hóa``/``hoa`` still differ.
    """
    if not text:
        return ""
    words = []
    for word in _SPACE.split(_PUNCT.sub(" ", text).strip()):
        d = unicodedata.normalize("NFD", word.casefold())
        tones = "".join(c for c in d if c in _TONES)
        base = "".join(c for c in d if c not in _TONES)
        words.append(unicodedata.normalize("NFC", base) + tones)
    return " ".join(w for w in words if w)


def _fold_key(text: str) -> str:
    return slug(text)


def number_key(number: str, merge_typos: bool = True) -> str:
    """The comparison form of a document number (canonical, optionally typo-merged)."""
    canon = canonical_number(number)
    return _CTTG.sub("CT-TTg", canon) if merge_typos else canon


def _province_key(text: str | None) -> str:
    return norm_text(
        _PROVINCE_PREFIX.sub("", unicodedata.normalize("NFC", (text or "").strip().casefold()))
    )


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


# ---------------------------------------------------------------- scoring


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _tilde_match(a: str, b: str) -> bool:
    """Laws match exactly (name and year); descriptions of unnumbered documents match when
    one is contained in the other or they share nearly all their words (the gold's wording
    of a description is free: 'về tăng cường chỉnh đốn Đảng' vs '... xây dựng, chỉnh đốn Đảng')."""
    fa, fb = _fold_key(a), _fold_key(b)
    if fa == fb:
        return True
    if _LAW.match(fa.replace("-", " ")) or not fa or not fb:
        return False
    if fa in fb or fb in fa:
        return True
    wa, wb = set(fa.split("-")), set(fb.split("-"))
    return len(wa & wb) / min(len(wa), len(wb)) >= 0.85


def _is_law(label: str) -> bool:
    return bool(_LAW.match(_fold_key(label).replace("-", " ")))


def _compare(
    gold_items: list[Any], pred_items: list[Any], key, free: set[Any], tilde: bool
) -> tuple[PRF, list[Any], list[Any]]:
    """Set comparison with the scoring notes: ``free`` keys are errors neither way; '~' rules."""
    gold_map = {key(i): i for i in gold_items}
    pred_map = {key(i): i for i in pred_items}
    prf = PRF()
    misses, extras = [], []
    gold_tilde = [k for k in gold_map if _has_tilde(k)]
    pred_tilde = [k for k in pred_map if _has_tilde(k)]
    matched_pred: set[Any] = set()
    for k in gold_map:
        if _has_tilde(k):
            continue
        if k in pred_map:
            prf.tp += 1
            matched_pred.add(k)
        elif k not in free:
            prf.fn += 1
            misses.append(gold_map[k])
    for k in pred_map:
        if not _has_tilde(k) and k not in matched_pred and k not in free:
            prf.fp += 1
            extras.append(pred_map[k])
    if tilde:
        for k in gold_tilde:
            hit = next(
                (p for p in pred_tilde if p not in matched_pred and _tilde_key_match(k, p)), None
            )
            if hit is not None:
                prf.tp += 1
                matched_pred.add(hit)
            elif _tilde_is_law(k):
                prf.fn += 1
                misses.append(gold_map[k])
        for p in pred_tilde:
            if p not in matched_pred and _tilde_is_law(p):
                prf.fp += 1
                extras.append(pred_map[p])
    return prf, misses, extras


def _has_tilde(k: Any) -> bool:
    return any(
        isinstance(x, str) and x.startswith("~") for x in (k if isinstance(k, tuple) else (k,))
    )


def _tilde_is_law(k: Any) -> bool:
    return all(
        _is_law(x)
        for x in (k if isinstance(k, tuple) else (k,))
        if isinstance(x, str) and x.startswith("~")
    )


def _tilde_key_match(a: Any, b: Any) -> bool:
    if isinstance(a, tuple):
        return len(a) == len(b) and all(
            _tilde_match(x, y) if x.startswith("~") and y.startswith("~") else x == y
            for x, y in zip(a, b, strict=True)
        )
    return _tilde_match(a, b)


def _lkey(label: str) -> str:
    return label if label.startswith("~") else number_key(label)


def _chain_key(chain: list[str]) -> tuple[str, str, str]:
    return (_lkey(chain[0]), _lkey(chain[1]), chain[2])


def _reachable_via_chains(gold: dict[str, Any]) -> set[str]:
    """Targets reachable through gold chains from a gold implements entry (either way is fine)."""
    edges: dict[str, list[str]] = {}
    for a, b, _ in gold["chains"]:
        edges.setdefault(_lkey(a), []).append(_lkey(b))
    seen: set[str] = set()
    stack = [_lkey(x) for x in gold["implements"]]
    while stack:
        for nxt in edges.get(stack.pop(), []):
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen


def _same(field: str, gold: Any, got: Any) -> bool:
    if field == "number":
        return (number_key(gold) if gold else None) == (number_key(got) if got else None)
    if field in ("date", "local"):
        return gold == got or (field == "local" and bool(gold) == bool(got))
    if field == "province" or field == "district":
        return _province_key(gold) == _province_key(got)
    return norm_text(gold) == norm_text(got)


def score(
    records: list[Extraction], gold: list[dict[str, Any]], merge_typos: bool = True
) -> EvaluationReport:
    """Score records against gold entries, matched by file name (basename of ``record.source``)."""
    by_file = {os.path.basename(r.source): r for r in records}
    gold_files = {g["file"] for g in gold}
    report = EvaluationReport(
        accuracy={f"doc.{f}": Accuracy() for f in DOC_FIELDS}
        | {f"cites.{f}": Accuracy() for f in CITE_FIELDS},
        unscored=sorted(f for f in by_file if f not in gold_files),
    )

    def nkey(n: str) -> str:
        return number_key(n, merge_typos)

    for g in gold:
        record = by_file.get(g["file"])
        result = DocumentResult(file=g["file"], found=record is not None)
        if record is None:
            report.missing.append(g["file"])
            view: dict[str, Any] = {
                "doc": {},
                "implements": [],
                "tasks": [],
                "cites": [],
                "named": [],
                "chains": [],
            }
            tilde = True
        else:
            view = gold_view(record)
            tilde = any(c.name or c.alias for c in record.citations)
        free = {nkey(x) if not x.startswith("~") else x for x in _reachable_via_chains(g)}
        comparisons = {
            "cites": (
                [c["number"] for c in g["cites"]],
                [c["number"] for c in view["cites"]],
                nkey,
                set(),
            ),
            "implements": (
                g["implements"],
                view["implements"],
                lambda x: x if x.startswith("~") else nkey(x),
                free,
            ),
            "tasks": (g["tasks"], view["tasks"], nkey, set()),
            "chains": (g["chains"], view["chains"], _chain_key, set()),
            "named": (g["named"], view["named"], norm_text, set()),
        }
        for metric in SET_METRICS:
            gold_items, pred_items, key, free_keys = comparisons[metric]
            prf, misses, extras = _compare(gold_items, pred_items, key, free_keys, tilde)
            result.metrics[metric] = prf
            result.misses[metric] = misses
            result.extras[metric] = extras
            report.metrics[metric].add(prf)
        for f in DOC_FIELDS:
            ok = record is not None and _same(f, g["doc"].get(f), view["doc"].get(f))
            report.accuracy[f"doc.{f}"].add(ok)
            if not ok:
                result.wrong[f"doc.{f}"] = {"gold": g["doc"].get(f), "got": view["doc"].get(f)}
        got_cites: dict[str, dict[str, Any]] = {}
        for c in view["cites"]:
            got_cites.setdefault(nkey(c["number"]), c)
        seen: set[str] = set()
        for c in g["cites"]:
            k = nkey(c["number"])
            mine = got_cites.get(k)
            if mine is None or k in seen:
                continue
            seen.add(k)
            for f in CITE_FIELDS:
                ok = _same(f, c.get(f), mine.get(f))
                report.accuracy[f"cites.{f}"].add(ok)
                if not ok:
                    result.wrong[f"{c['number']}.{f}"] = {"gold": c.get(f), "got": mine.get(f)}
        report.documents.append(result)
    return report
