"""The embedded store at scale: build, save and load times and file size.

Builds the graph from ``lexgraph.synth.synthetic_records`` (default 100,000 documents,
1,000,000 citation edges), then times ``graph.build.build_graph``, ``graph.store.save`` and
``graph.store.load``. Baseline in the same run: ``pickle`` of the same graph (the fastest
stdlib serialisation, which the store does not use because a store file must be safe to open).

    python scripts/bench_store.py --docs 100000 --edges 1000000
"""

from __future__ import annotations

import argparse
import os
import pickle
import tempfile
import time
from pathlib import Path


def timed(label: str, func):
    started = time.perf_counter()
    result = func()
    seconds = time.perf_counter() - started
    print(f"{label:<34} {seconds:8.2f} s")
    return result, seconds


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--edges", type=int, default=1_000_000)
    args = parser.parse_args()

    from lexgraph.graph.build import build_graph
    from lexgraph.graph.store import StoreData, load, save
    from lexgraph.synth import synthetic_records

    records, _ = timed(
        "generate records", lambda: list(synthetic_records(args.docs, args.edges, seed=0))
    )
    graph, _ = timed("build_graph", lambda: build_graph(records))
    print(f"graph: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges")
    data = StoreData(records={r.source: r for r in records}, graph=graph)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "graph.json.gz"
        _, save_s = timed("store.save (gzip JSON)", lambda: save(path, data))
        _, load_s = timed("store.load (records and graph)", lambda: load(path))
        timed("store.load (graph only, for queries)", lambda: load(path, records=False))
        print(f"store file: {os.path.getsize(path) / 1e6:.1f} MB")
        pickled = Path(tmp) / "graph.pickle"
        _, psave = timed(
            "baseline: pickle.dump", lambda: pickled.write_bytes(pickle.dumps(data, protocol=5))
        )
        _, pload = timed("baseline: pickle.load", lambda: pickle.loads(pickled.read_bytes()))
        print(f"pickle file: {os.path.getsize(pickled) / 1e6:.1f} MB")
    print(f"save / pickle = {save_s / psave:.2f}x, load / pickle = {load_s / pload:.2f}x")


if __name__ == "__main__":
    main()
