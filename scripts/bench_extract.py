"""Extraction throughput against a baseline measured in the same run.

Baseline: one pass of a single compiled citation-number regex over the same texts (the
cheapest thing that could find citations at all). Measured: the fast bulk path
(``extract_text``) and the spaCy component path (``nlp(text)`` with ``legal_citations``).
Texts: the seeds (or --docs DIR) cycled until --megabytes of text, document by document.

    python scripts/bench_extract.py                     # seeds, 20 MB
    python scripts/bench_extract.py --docs ../shared/corpus --megabytes 30
"""

from __future__ import annotations

import argparse
import re
import time
import unicodedata
from itertools import cycle
from pathlib import Path

NUMBER = re.compile(r"\d+(?:\.\d+)?(?:/\d{4})?\s?[/-]\s?[A-ZĐa-zđ]+(?:\s?[-/&]\s?[A-ZĐa-zđ0-9]+)*")


def texts(folder: Path, megabytes: float) -> list[str]:
    docs = [
        unicodedata.normalize("NFC", p.read_text(encoding="utf-8"))
        for p in sorted(folder.glob("*.txt"))
    ]
    if not docs:
        raise SystemExit(f"no .txt files in {folder}")
    out, total = [], 0
    for doc in cycle(docs):
        out.append(doc)
        total += len(doc.encode("utf-8"))
        if total >= megabytes * 1e6:
            return out


def measure(label: str, run, docs: list[str]) -> float:
    size = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    started = time.perf_counter()
    found = 0
    for doc in docs:
        found += run(doc)
    seconds = time.perf_counter() - started
    rate = size / seconds
    print(f"{label:<28} {size:8.1f} MB {seconds:8.2f} s {rate:8.2f} MB/s   ({found} found)")
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--docs", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
    )
    parser.add_argument("--megabytes", type=float, default=20.0)
    parser.add_argument(
        "--spacy-megabytes",
        type=float,
        default=None,
        help="text for the spaCy path (default: same)",
    )
    args = parser.parse_args()

    from lexgraph.extractors.pipeline import extract_text
    from lexgraph.extractors.spacy_component import blank_pipeline

    docs = texts(args.docs, args.megabytes)
    baseline = measure(
        "baseline: one number regex", lambda t: sum(1 for _ in NUMBER.finditer(t)), docs
    )
    fast = measure("fast path (extract_text)", lambda t: len(extract_text(t).citations), docs)
    nlp = blank_pipeline()
    spacy_docs = texts(args.docs, args.spacy_megabytes) if args.spacy_megabytes else docs
    slow = measure("spaCy component", lambda t: len(nlp(t).spans["citations"]), spacy_docs)
    print(f"fast / baseline  = {fast / baseline:.3f}")
    print(f"spaCy / baseline = {slow / baseline:.3f}")


if __name__ == "__main__":
    main()
