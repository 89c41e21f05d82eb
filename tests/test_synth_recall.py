"""Recall at scale: the extractor on 1,000 generated documents (issue 3: cites F1 >= 0.99)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lexgraph.evaluate import load_gold, score
from lexgraph.extractors.batch import run_batch
from lexgraph.synth import generate


@pytest.mark.slow
def test_cites_f1_on_1000_generated_documents(tmp_path: Path) -> None:
    generate(1000, seed=7, out_dir=tmp_path)
    paths = sorted(str(p) for p in tmp_path.glob("*.txt"))
    outcomes = list(run_batch(paths, jobs=2))
    assert all(o.status == "ok" for o in outcomes)
    report = score([o.record for o in outcomes], load_gold(tmp_path / "gold.jsonl"))
    assert report.f1("cites") >= 0.99, report.render_text()
    assert report.acc("doc.number") >= 0.99
