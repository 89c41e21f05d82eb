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

The parts: ``lexgraph.evaluate_match`` (normalising and matching), ``lexgraph.evaluate_view``
(record <-> gold schema), ``lexgraph.evaluate_report`` (result types and rendering).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from lexgraph.evaluate_match import (
    chain_key,
    compare_sets,
    norm_text,
    number_key,
    reachable_via_chains,
    same_field,
)
from lexgraph.evaluate_report import (
    CITE_FIELDS,
    DOC_FIELDS,
    PRF,
    SET_METRICS,
    Accuracy,
    DocumentResult,
    EvaluationReport,
)
from lexgraph.evaluate_view import (
    CHAIN_RELATIONS,
    IMPLEMENTS_RELATIONS,
    TASK_RELATIONS,
    gold_view,
    records_from_gold,
)
from lexgraph.model import Extraction

__all__ = [
    "CHAIN_RELATIONS",
    "CITE_FIELDS",
    "DOC_FIELDS",
    "IMPLEMENTS_RELATIONS",
    "PRF",
    "SET_METRICS",
    "TASK_RELATIONS",
    "Accuracy",
    "DocumentResult",
    "EvaluationReport",
    "gold_view",
    "load_gold",
    "norm_text",
    "number_key",
    "records_from_gold",
    "score",
]


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """Gold entries, one JSON object per non-blank line (the seeds' ``gold.jsonl`` format)."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


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
        free = {nkey(x) if not x.startswith("~") else x for x in reachable_via_chains(g)}
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
            "chains": (g["chains"], view["chains"], chain_key, set()),
            "named": (g["named"], view["named"], norm_text, set()),
        }
        for metric in SET_METRICS:
            gold_items, pred_items, key, free_keys = comparisons[metric]
            prf, misses, extras = compare_sets(gold_items, pred_items, key, free_keys, tilde)
            result.metrics[metric] = prf
            result.misses[metric] = misses
            result.extras[metric] = extras
            report.metrics[metric].add(prf)
        for f in DOC_FIELDS:
            ok = record is not None and same_field(f, g["doc"].get(f), view["doc"].get(f))
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
                ok = same_field(f, c.get(f), mine.get(f))
                report.accuracy[f"cites.{f}"].add(ok)
                if not ok:
                    result.wrong[f"{c['number']}.{f}"] = {"gold": c.get(f), "got": mine.get(f)}
        report.documents.append(result)
    return report
