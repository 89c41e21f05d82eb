#!/usr/bin/env python3
"""Benchmark: batched UNWIND MERGE load vs naive one-transaction-per-row MERGE.

    scripts/neo4j start
    python scripts/bench_neo4j_load.py --docs 100000 --edges 1000000
    python scripts/bench_neo4j_load.py --graph PATH        # an embedded store file instead
    python scripts/bench_neo4j_load.py --random            # graph/random_graph.py (faster to make)

The default graph is ``build_graph(synthetic_records(docs, edges, seed))``, the graph the
query benchmarks use; ``--cache FILE`` pickles it so a second run skips the ~45 s it takes.

The connection comes from NEO4J_URI / NEO4J_USERNAME / NEO4J_PASSWORD / NEO4J_DATABASE (or the
server `scripts/neo4j start` runs). THE TARGET DATABASE IS CLEARED; it ends holding the graph
(so ``scripts/bench_queries.py --reuse-neo4j`` can query it without another load). The naive
rate is measured first, on an empty database, on a sample of rows (--naive-sample) with one
transaction per row — the loader's own statements: the node MERGE, and for an edge the two
statements of its relationship type (graph/neo4j_store.py EDGE_QUERIES) — and extrapolated
to the whole graph.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import pickle
import sys
import time

import networkx as nx

from lexgraph.graph.neo4j_store import (
    NODE_QUERY,
    Neo4jSettings,
    Neo4jStoreError,
    _edge_batches,
    _node_rows,
    _session,
    _write_batch,
    clear,
    connect,
    counts,
    ensure_schema,
    load_graph,
)
from lexgraph.graph.random_graph import random_graph


def make_graph(args: argparse.Namespace) -> nx.MultiDiGraph:
    if args.graph:
        return load_graph_file(args.graph)
    if args.cache and os.path.exists(args.cache):
        with open(args.cache, "rb") as fh:
            return pickle.load(fh)
    if args.random:
        graph = random_graph(args.docs, args.edges, args.seed)
    else:
        from lexgraph.graph.build import build_graph
        from lexgraph.synth import synthetic_records

        graph = build_graph(synthetic_records(args.docs, args.edges, seed=args.seed))
    if args.cache:
        with open(args.cache, "wb") as fh:
            pickle.dump(graph, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return graph


def load_graph_file(path: str) -> nx.MultiDiGraph:
    from lexgraph.graph.store import load as load_store

    return load_store(path).graph


def naive_rate(driver, database, rows: list[dict], query) -> float:
    """Rows per second with one managed transaction per row (a typical first attempt);
    ``query(row)`` gives the row's statements (an edge's depend on its relation)."""
    started = time.perf_counter()
    with _session(driver, database) as session:
        for row in rows:
            session.execute_write(_write_batch, query(row), [row])
    return len(rows) / (time.perf_counter() - started)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--graph", help="an embedded store file (default: generate a random graph)")
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--edges", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--random", action="store_true", help="graph/random_graph.py's graph")
    parser.add_argument("--cache", help="pickle of the generated graph (made on first use)")
    parser.add_argument("--batch-size", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=1, help="concurrent write sessions")
    parser.add_argument(
        "--naive-sample", type=int, default=2000, help="rows per phase for the naive rate"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()

    t0 = time.perf_counter()
    graph = make_graph(args)
    prepare_s = time.perf_counter() - t0
    settings = Neo4jSettings.from_env()
    try:
        driver = connect(settings)
    except Neo4jStoreError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 1
    db = settings.database
    try:
        ensure_schema(driver, db)
        # Naive first, on an empty database: the same rows, one transaction each.
        clear(driver, db)
        n = args.naive_sample
        node_rows = list(_node_rows(graph))
        naive_nodes = naive_rate(driver, db, node_rows[:n], lambda row: NODE_QUERY)
        # Edges need their endpoints: load the nodes (batched), then the naive edge sample
        # (the first rows in adjacency order: every relation the graph's first documents use).
        with _session(driver, db) as session:
            for i in range(0, len(node_rows), args.batch_size):
                session.execute_write(_write_batch, NODE_QUERY, node_rows[i : i + args.batch_size])
        # One-row batches come in adjacency order, each with its type's statements.
        sample = list(itertools.islice(_edge_batches(graph, 1), n))
        statements = {row["id"]: queries for queries, (row,) in sample}
        edge_rows = [row for _, (row,) in sample]
        naive_edges = naive_rate(driver, db, edge_rows, lambda row: statements[row["id"]])
        clear(driver, db)

        load = {"batch_size": args.batch_size, "workers": args.workers}
        marks: dict[str, float] = {}

        def progress(phase: str, done: int, total: int) -> None:
            marks[phase] = time.perf_counter()
            if done == total:
                print(f"  {phase}: {done} in {marks[phase] - begin:.1f}s", file=sys.stderr)

        begin = time.perf_counter()
        stats = load_graph(driver, graph, db, progress=progress, **load)
        after = counts(driver, db)
        reload = load_graph(driver, graph, db, **load)
    finally:
        driver.close()

    nodes, edges = graph.number_of_nodes(), graph.number_of_edges()
    naive_total_s = nodes / naive_nodes + edges / naive_edges
    result = {
        "uri": settings.uri,
        "documents": nodes,
        "edges": edges,
        "batch_size": args.batch_size,
        "workers": args.workers,
        "prepare_s": round(prepare_s, 2),
        "batched_s": round(stats.seconds, 2),
        "batched_documents_s": round(marks["documents"] - begin, 2),
        "batched_edges_s": round(marks["edges"] - marks["documents"], 2),
        "batched_rows_per_s": round(stats.rows_per_second),
        "batched_edges_per_s": round(edges / stats.seconds) if stats.seconds else None,
        "edge_phase_edges_per_s": round(edges / (marks["edges"] - marks["documents"])),
        "reload_s": round(reload.seconds, 2),
        "reload_created": reload.nodes_created + reload.edges_created,
        "counts_after_load": after,
        "naive_sample_rows": n,
        "naive_node_rows_per_s": round(naive_nodes),
        "naive_edge_rows_per_s": round(naive_edges),
        "naive_extrapolated_s": round(naive_total_s, 1),
        "speedup": round(naive_total_s / stats.seconds, 1) if stats.seconds else None,
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        for name, value in result.items():
            print(f"{name:>24}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
