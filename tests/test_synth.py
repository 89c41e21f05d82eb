"""The synthetic corpus: deterministic, gold consistent with its text, graph-scale records."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from lexgraph.evaluate import load_gold, records_from_gold, score
from lexgraph.synth import GOLD_KEYS, generate, synth_main, synthetic_records, write_gold
from lexgraph.synth_data import PROVINCES

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict]]:
    out = tmp_path_factory.mktemp("synth")
    return out, generate(700, seed=7, out_dir=out)


def test_same_seed_gives_byte_identical_files(tmp_path: Path) -> None:
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    generate(60, seed=1, out_dir=a)
    generate(60, seed=1, out_dir=b)
    generate(60, seed=2, out_dir=c)
    names = sorted(p.name for p in a.iterdir())
    assert len(names) == 61 and names == sorted(p.name for p in b.iterdir())
    assert all((a / n).read_bytes() == (b / n).read_bytes() for n in names)
    assert (a / "gold.jsonl").read_bytes() != (c / "gold.jsonl").read_bytes()


def test_gold_cites_occur_in_the_text(corpus: tuple[Path, list[dict]]) -> None:
    out, golds = corpus
    for g in golds:
        text = (out / g["file"]).read_text(encoding="utf-8")
        flat = re.sub(r"\s+", "", unicodedata.normalize("NFC", text))
        numbers = {c["number"] for c in g["cites"]}
        assert all(n in flat for n in numbers), g["file"]
        # implements / tasks / chains name only cited documents (or '~' descriptions)
        used = g["implements"] + g["tasks"] + [x for ch in g["chains"] for x in ch[:2]]
        assert all(x.startswith("~") or x in numbers for x in used), g["file"]
        assert g["doc"]["number"] not in numbers
        if g["doc"]["number"]:
            assert g["doc"]["number"] in re.sub(r"\s+", "", text)
        for c in g["cites"]:  # dates are the text's and never later than the document
            if c["date"] and g["doc"]["date"]:
                assert c["date"] <= g["doc"]["date"], (g["file"], c)


def test_gold_has_the_seeds_format(corpus: tuple[Path, list[dict]]) -> None:
    out, golds = corpus
    line = (out / "gold.jsonl").read_text(encoding="utf-8").splitlines()[0]
    rec = json.loads(line)
    assert list(rec) == list(GOLD_KEYS)
    assert list(rec["doc"]) == ["kind", "number", "issuer", "province", "district", "date", "title"]
    assert all(list(c) == ["number", "kind", "date", "issuer", "local"] for c in rec["cites"])
    assert "\\u" not in line  # UTF-8, not ASCII-escaped
    seeds = SHARED / "seeds" / "gold.jsonl"
    if seeds.exists():
        seed = load_gold(seeds)[0]
        assert list(seed) == list(rec) and list(seed["doc"]) == list(rec["doc"])


def test_corpus_covers_provinces_levels_years_and_noise(corpus: tuple[Path, list[dict]]) -> None:
    _, golds = corpus
    assert {g["doc"]["province"] for g in golds} == {p for p, _ in PROVINCES}
    levels = Counter(re.search(r"level (\w+)", g["notes"]).group(1) for g in golds)
    assert set(levels) == {"party", "province", "district", "commune"}
    assert len({g["doc"]["date"][:4] for g in golds if g["doc"]["date"]}) >= 5
    notes = " ".join(g["notes"] for g in golds)
    for quirk in (
        "spaces around - or /",
        "upper-case title",
        "line break after 'số'",
        "NFD text",
        "blank number",
    ):
        assert quirk in notes
    # multi-level chains: a commune's text states district -> province
    by_number = {g["doc"]["number"]: g for g in golds if g["doc"]["number"]}
    deep = [
        ch
        for g in golds
        if "level commune" in g["notes"]
        for ch in g["chains"]
        if ch[0] in by_number and ch[1] in by_number
    ]
    assert deep
    assert any(len(g["cites"]) >= 8 for g in golds)
    pairs = re.compile(r"shared date phrase ([^\s;]+) \+ ([^\s;]+)")
    shared = [
        (g, pairs.search(g["notes"]).groups()) for g in golds if "shared date phrase" in g["notes"]
    ]
    assert shared
    for g, pair in shared:
        dates = {c["number"]: c["date"] for c in g["cites"]}
        assert dates[pair[0]] == dates[pair[1]] is not None


def test_scorer_gives_one_on_the_gold_itself_and_less_when_damaged(
    corpus: tuple[Path, list[dict]],
) -> None:
    _, golds = corpus
    records = records_from_gold(golds)
    report = score(records, golds)
    assert all(m.f1 == 1.0 for m in report.metrics.values())
    assert all(a.value == 1.0 for a in report.accuracy.values())
    first = records[0].citations[0].number
    records[0].citations = [c for c in records[0].citations if c.number != first]
    assert (
        score(records, golds).metrics["cites"].fn >= 1
        or score(records, golds).metrics["implements"].fn >= 1
    )


def test_write_gold_and_synth_main(tmp_path: Path) -> None:
    summary = synth_main(12, tmp_path / "s", seed=3)
    assert summary["documents"] == 12
    golds = load_gold(tmp_path / "s" / "gold.jsonl")
    write_gold(tmp_path / "copy.jsonl", golds)
    assert (tmp_path / "copy.jsonl").read_bytes() == (tmp_path / "s" / "gold.jsonl").read_bytes()


def test_graph_scale_records_are_consistent_and_deterministic() -> None:
    records = list(synthetic_records(3000, 30_000, seed=5))
    assert len(records) == 3000
    assert sum(len(r.citations) for r in records) == 30_000
    keys = {r.document.key for r in records}
    assert len(keys) == 3000
    implementers: Counter[str] = Counter()
    for r in records:
        cited = {c.key for c in r.citations}
        assert cited <= keys
        assert all(a.subject in cited and a.object in cited for a in r.assertions)
        implementers.update(
            {c.key for c in r.citations if c.relation in ("implements", "continues")}
        )
    assert implementers.most_common(1)[0][1] > 500  # a central directive with many implementers
    levels = Counter(r.document.level for r in records)
    assert {"central_state", "central_party", "province", "district", "commune"} <= set(levels)
    again = list(synthetic_records(50, 500, seed=5))
    assert [r.to_dict() for r in again[:20]] != [] and again[10].to_dict() == list(
        synthetic_records(50, 500, seed=5)
    )[10].to_dict()
