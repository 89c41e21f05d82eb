"""A seeded synthetic corpus of Vietnamese local documents, with gold records.

Why: the 25 hand-made gold documents are too few to measure recall at scale or to feed
the graph and load benchmarks. The generator writes documents that look like the seeds
(headers, upper-case kind lines, openings, numbered sections, citations in the noisy
forms real text has) and, because it writes every citation itself, it knows the gold
record exactly (``../shared/seeds/gold.jsonl`` format). Documents form implementation
trees central -> (Tỉnh ủy programme) -> province -> district -> commune across all 63
provinces and several years. Same seed, byte-identical output.

This module writes the files and the gold and is what ``lexgraph synth`` runs; the parts:
``synth_plan`` (who writes which document, numbers, dates), ``synth_render`` (noisy
citation text and the gold each mention adds), ``synth_sections`` (header, title,
opening, body, signature), ``synth_data`` (names and central documents). Graph-scale
records without text: ``lexgraph.synth_graph.synthetic_records``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from lexgraph.synth_graph import synthetic_records
from lexgraph.synth_plan import Place as Place
from lexgraph.synth_plan import Ref, World, plan_trees
from lexgraph.synth_sections import render_document

__all__ = ["Ref", "generate", "synth_main", "synthetic_records", "write_gold"]

GOLD_KEYS = ("file", "doc", "implements", "tasks", "cites", "named", "chains", "notes")


def generate(
    n: int, seed: int = 0, out_dir: Path | str = Path("synth"), *, gold_file: bool = True
) -> list[dict[str, Any]]:
    """Write ``n`` documents ``synth_NNNNNN.txt`` into ``out_dir`` (and ``gold.jsonl``); return the gold."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    world = World(seed)
    golds = []
    for index, spec in enumerate(plan_trees(n, seed, world)):
        text, gold = render_document(spec, index, seed, world)
        (out / gold["file"]).write_text(text, encoding="utf-8", newline="\n")
        golds.append(gold)
    if gold_file:
        write_gold(out / "gold.jsonl", golds)
    return golds


def write_gold(path: Path | str, records: Iterable[dict[str, Any]]) -> None:
    """Gold records as JSON Lines, UTF-8 not ASCII-escaped, keys in the seeds' order."""
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for rec in records:
            fh.write(
                json.dumps({k: rec[k] for k in GOLD_KEYS if k in rec}, ensure_ascii=False) + "\n"
            )


def synth_main(n: int, out_dir: Path | str, seed: int = 0) -> dict[str, Any]:
    """What ``lexgraph synth`` runs: write the corpus and its gold; return a summary."""
    golds = generate(n, seed, out_dir)
    return {
        "documents": len(golds),
        "out_dir": str(out_dir),
        "gold": str(Path(out_dir) / "gold.jsonl"),
        "cites": sum(len(g["cites"]) for g in golds),
        "chains": sum(len(g["chains"]) for g in golds),
        "provinces": len({g["doc"]["province"] for g in golds}),
    }
