#!/usr/bin/env python3
"""Query latency on a synthetic graph (default 100,000 documents / 1,000,000 edges).

Measures p50/p95 of implementers (depth unbounded) of the most-implemented central
directive, lineage --up of a district plan, show and search, on the embedded store (once
loaded) and on Neo4j (NEO4J_URI / NEO4J_USERNAME / NEO4J_PASSWORD or `scripts/neo4j
start`; the database is CLEARED and reloaded, so point it at a scratch server), and the
CLI's start-up (`lexgraph --help`) separately. Writes docs/benchmarks_queries.md.

    python scripts/bench_queries.py [--docs 100000] [--edges 1000000] [--runs 30] [--no-neo4j]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure(fn, runs: int) -> tuple[float, float, int]:
    fn()  # warm-up (plans, caches)
    times, size = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - started) * 1000)
        size = len(result) if hasattr(result, "__len__") else 1
    return statistics.median(times), percentile(times, 0.95), size


def cli_startup(runs: int = 10) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "lexgraph", "--help"], capture_output=True, check=True
        )
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), percentile(times, 0.95)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--edges", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-neo4j", action="store_true")
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "benchmarks_queries.md")
    args = parser.parse_args()

    from lexgraph.graph.build import build_graph

    import lexgraph
    from lexgraph.synth import synthetic_records

    started = time.perf_counter()
    graph = build_graph(synthetic_records(args.docs, args.edges, seed=args.seed))
    build_s = time.perf_counter() - started
    print(f"graph: {graph.number_of_nodes()} documents, {graph.number_of_edges()} edges "
          f"(built in {build_s:.1f}s)", file=sys.stderr)  # fmt: skip

    central = max((k for k in graph if graph.nodes[k].get("level") in ("central_state", "central_party")),
                  key=lambda k: (len(graph.pred[k]), k))  # fmt: skip
    district = next(k for k in sorted(graph) if graph.nodes[k].get("level") == "district"
                    and graph.nodes[k].get("ingested"))  # fmt: skip
    embedded = lexgraph.Graph.from_graph(graph)
    n_impl = len(embedded.implementers(central))
    word = "dan van"
    cases = {
        "implementers (unbounded)": lambda g: g.implementers(central),
        "lineage --up": lambda g: g.lineage(district, "up"),
        "show": lambda g: g.show(district).cites,
        "search": lambda g: g.search(word),
    }
    results: list[tuple[str, str, float, float, int]] = []
    for name, fn in cases.items():
        p50, p95, size = measure(lambda fn=fn: fn(embedded), args.runs)
        results.append(("embedded", name, p50, p95, size))
        print(f"embedded {name}: p50 {p50:.1f} ms, p95 {p95:.1f} ms ({size} rows)", file=sys.stderr)
    load_s = None
    if not args.no_neo4j:
        from lexgraph.graph.neo4j_store import (
            Neo4jSettings,
            clear,
            connect,
            ensure_schema,
            load_graph,
        )
        from lexgraph.queries.backends import Neo4jBackend

        settings = Neo4jSettings.from_env()
        driver = connect(settings)
        clear(driver, settings.database)
        ensure_schema(driver, settings.database)
        started = time.perf_counter()
        load_graph(driver, graph, database=settings.database)
        load_s = time.perf_counter() - started
        neo = lexgraph.Graph(Neo4jBackend(driver, settings.database))
        for name, fn in cases.items():
            p50, p95, size = measure(lambda fn=fn: fn(neo), args.runs)
            results.append(("neo4j", name, p50, p95, size))
            print(
                f"neo4j {name}: p50 {p50:.1f} ms, p95 {p95:.1f} ms ({size} rows)", file=sys.stderr
            )
        driver.close()
    help_p50, help_p95 = cli_startup()
    lines = [
        "# Query benchmarks",
        "",
        f"Synthetic graph (`lexgraph.synth.synthetic_records({args.docs}, {args.edges}, seed={args.seed})`): "
        f"{graph.number_of_nodes():,} documents, {graph.number_of_edges():,} edges; built in {build_s:.0f} s"
        + (f", loaded into Neo4j in {load_s:.0f} s" if load_s else "")
        + ".",
        f"`implementers` target: `{central}` ({n_impl:,} implementers, depth unbounded); "
        f"`lineage --up` and `show`: `{district}`; `search`: `{word}`. {args.runs} runs after one warm-up; "
        "times are the full Python call (query, transfer, assembling typed rows).",
        "",
        "| store | query | p50 ms | p95 ms | rows |",
        "| --- | --- | ---: | ---: | ---: |",
        *(f"| {s} | {q} | {p50:.1f} | {p95:.1f} | {n:,} |" for s, q, p50, p95, n in results),
        "",
        f"CLI start-up (`lexgraph --help`, 10 runs): p50 {help_p50:.0f} ms, p95 {help_p95:.0f} ms.",
        "",
        f"Machine: {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores, "
        "shared with other jobs while measured. Re-run: `python scripts/bench_queries.py`.",
        "",
    ]
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
