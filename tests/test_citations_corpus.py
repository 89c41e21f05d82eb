"""The citation engine on the 20 gold documents of ../shared/corpus (generality check)."""

import json
import unicodedata
from pathlib import Path

import pytest

from lexgraph.extractors.citations import find_citations
from lexgraph.model import DocumentInfo

pytestmark = pytest.mark.corpus
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"

if not (CORPUS / "gold.jsonl").exists():
    pytest.skip("../shared/corpus is not available", allow_module_level=True)

GOLD = [json.loads(x) for x in (CORPUS / "gold.jsonl").read_text("utf-8").splitlines()]


def extract(gold: dict):
    doc = gold["doc"]
    info = DocumentInfo(
        number=doc["number"],
        province=doc["province"],
        level="province" if doc["province"] else None,
    )
    text = unicodedata.normalize("NFC", (CORPUS / gold["file"]).read_text("utf-8"))
    return text, find_citations(text, info)


def test_corpus_cites_and_dates() -> None:
    tp = n_pred = n_gold = dates_ok = 0
    for gold in GOLD:
        text, result = extract(gold)
        got = {c.number for c in result.citations if c.number and not c.alias}
        want = {c["number"] for c in gold["cites"]}
        tp, n_pred, n_gold = tp + len(got & want), n_pred + len(got), n_gold + len(want)
        first = {}
        for c in result.citations:
            if c.number:
                first.setdefault(c.number, c)
        dates_ok += sum(
            1
            for c in gold["cites"]
            if c["number"] in first and first[c["number"]].date == c["date"]
        )
        assert all(c.quote == text[c.start : c.end] for c in result.citations)
    precision, recall = tp / n_pred, tp / n_gold
    assert precision >= 0.97 and recall >= 0.97
    assert dates_ok / n_gold >= 0.97


def test_corpus_quirks() -> None:
    by_file = {g["file"]: g for g in GOLD}
    _, result = extract(by_file["tvpl-220-cd-ttg.txt"])
    numbers = {c.number for c in result.citations if c.number}
    assert "66.7/2025/NQ-CP" in numbers and "7/2025/NQ-CP" not in numbers
    assert not any("ĐKKD" in n for n in numbers)
    _, result = extract(by_file["congbao-15-2026-nq-cp.txt"])
    numbers = {c.number for c in result.citations if c.number}
    assert "22/2026/NĐ-CP" in numbers
    assert not any(n.startswith(("242/", "851")) for n in numbers)
    _, result = extract(by_file["tvpl-4085-ubnd-dt-ho-chi-minh.txt"])
    assert "15972/SXD-QLN&TTBĐS" in {c.number for c in result.citations}
