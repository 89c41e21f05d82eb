#!/usr/bin/env python3
"""Query latency on a synthetic graph (default 100,000 documents / 1,000,000 edges).

Measures p50/p95 of implementers (depth unbounded) of the most-implemented central
directive, lineage --up of a district plan, show and search, on the embedded store (once
loaded) and on Neo4j (NEO4J_URI / NEO4J_USERNAME / NEO4J_PASSWORD or `scripts/neo4j
start`; the database is CLEARED and reloaded, so point it at a scratch server), and the
CLI's start-up (`lexgraph --help`) separately. Writes docs/benchmarks_queries.md.

Baselines measured in the same run: the previous implementation of implementers/lineage
(queries/traverse.py, backends.py, lineage.py, lineage_neo4j.py and the reach_*.cypher of
git revision --baseline-rev, run on the same graph and the same Neo4j database) and networkx's own ``ancestors()`` on a DiGraph of just the
qualifying edges (the same set of documents, no depths, parents, evidence or rows).
Besides the hub (in this generator every central directive is reached by nearly every
document), implementers are also timed, with scope=document, for the central document with most
implementers between 1,000 and 10,000 — the issue's "thousands of implementers" case.

    python scripts/bench_queries.py [--docs 100000] [--edges 1000000] [--runs 20]
        [--slow-runs 7] [--baseline-runs 3] [--reuse-neo4j] [--no-neo4j] [--no-baseline]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
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
        # Freed here, outside the timing: rebinding ``result`` inside the next timed call
        # would charge that call with freeing this answer (~5 ms for 10,000 rows).
        del result
    return statistics.median(times), percentile(times, 0.95), size


def previous_lineage(rev: str):
    """The previous implementation, loaded from git ``rev``: its ``lineage`` and its two
    backend classes (embedded, Neo4j), with its own traverse.py, backends.py,
    lineage_neo4j.py, lineage.py and reach_*.cypher (the imports between them renamed to
    the loaded copies, so nothing of the current tree is used)."""
    import types

    def show(path: str) -> str:
        return subprocess.run(["git", "show", f"{rev}:{path}"], cwd=ROOT, check=True,
                              capture_output=True, text=True).stdout  # fmt: skip

    texts = {
        name: show(f"queries/{name}.cypher")
        for name in ("reach_down", "reach_up", "reach_evidence")
    }
    loaded: dict[str, str] = {}  # lexgraph module name -> the loaded copy's name

    def load(name: str) -> types.ModuleType:
        module = types.ModuleType(f"bench_previous_{name}")
        sys.modules[module.__name__] = module  # dataclasses look their module up
        source = show(f"queries/{name}.py")
        for original, copy in loaded.items():
            source = source.replace(original, copy)
        exec(compile(source, f"{rev}:queries/{name}.py", "exec"), module.__dict__)
        loaded[f"lexgraph.queries.{name}"] = module.__name__
        return module

    load("traverse")
    backends = load("backends")
    backends.cypher = texts.__getitem__  # bound by lineage_neo4j's `from ... import cypher`
    load("lineage_neo4j")
    lineage = load("lineage")
    return lineage.lineage, backends.EmbeddedBackend, backends.Neo4jBackend


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
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--slow-runs", type=int, default=7, help="runs for the hub query")
    parser.add_argument("--baseline-runs", type=int, default=3)
    parser.add_argument(
        "--baseline-rev", default="e859105", help="git revision holding the previous implementation"
    )
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument(
        "--baseline-neo4j-hub",
        action="store_true",
        help="also time the previous Cypher on the hub (minutes at 100k)",
    )
    parser.add_argument(
        "--reuse-neo4j",
        action="store_true",
        help="skip the reload when Neo4j already holds as many nodes and edges",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-neo4j", action="store_true")
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "benchmarks_queries.md")
    args = parser.parse_args()

    import lexgraph
    from lexgraph.graph.build import build_graph
    from lexgraph.model import IMPLEMENTING_RELATIONS
    from lexgraph.queries.traverse import search
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
    # The embedded store as a user has it: saved, then opened from the file (a graph
    # loaded from JSON lies differently in memory than one just built, and runs the big
    # answers at a different speed).
    from lexgraph.graph.store import StoreData, save

    with tempfile.TemporaryDirectory() as scratch:
        store_path = Path(scratch) / "graph.json.gz"
        save(store_path, StoreData(graph=graph))
        started = time.perf_counter()
        embedded = lexgraph.open(store_path)
        open_s = time.perf_counter() - started
    started = time.perf_counter()
    embedded.backend.adjacency(IMPLEMENTING_RELATIONS, None, "down")
    index_s = time.perf_counter() - started
    n_impl = len(embedded.implementers(central))
    # The case, a central directive with thousands of implementers: with the
    # default relations every central one is reached by nearly every document here, so
    # it is asked with --scope document (the generator's extra citations are all task
    # scope): the central document with the most implementers between 1,000 and 10,000.
    centrals = sorted(
        k for k in graph if graph.nodes[k].get("level") in ("central_state", "central_party")
    )
    by_document = embedded.backend.adjacency(IMPLEMENTING_RELATIONS, "document", "down")
    index = embedded.backend.documents().index
    sizes = {k: len(search(by_document, index[k], None).reached) for k in centrals}
    fitting = [k for k in centrals if 1000 <= sizes[k] <= 10000]
    mid = max(fitting, key=lambda k: (sizes[k], k)) if fitting else None
    n_mid = sizes[mid] if mid else 0
    word = "dan van"
    cases = {"implementers (unbounded), hub": lambda g: g.implementers(central)}
    if mid:
        cases["implementers (unbounded), thousands"] = lambda g: g.implementers(
            mid, scope="document"
        )
    cases.update({
        "lineage --up": lambda g: g.lineage(district, "up"),
        "show": lambda g: g.show(district).cites,
        "search": lambda g: g.search(word),
        "path (district plan to hub)": lambda g: g.path(district, central),
    })  # fmt: skip
    slow = {"implementers (unbounded), hub"}
    results: list[tuple[str, str, float, float, int]] = []
    failed: list[str] = []

    def bench(store: str, name: str, fn, runs: int) -> None:
        try:
            p50, p95, size = measure(fn, runs)
        except Exception as error:  # one broken query must not lose the other figures
            print(f"{store} {name}: FAILED {type(error).__name__}: {error}", file=sys.stderr)
            failed.append(f"{store} {name}: {type(error).__name__}")
            return
        results.append((store, name, p50, p95, size))
        print(f"{store} {name}: p50 {p50:.1f} ms, p95 {p95:.1f} ms ({size} rows)", file=sys.stderr)

    previous = None if args.no_baseline else previous_lineage(args.baseline_rev)
    for name, fn in cases.items():
        bench(
            "embedded",
            name,
            lambda fn=fn: fn(embedded),
            args.slow_runs if name in slow else args.runs,
        )
    if previous:
        import networkx as nx

        old, old_embedded, _ = previous
        before = old_embedded(embedded.backend.graph)  # the opened store; its own indexes
        for name, target in (("hub", central), ("thousands", mid)):
            if target:
                scope = "document" if name == "thousands" else None
                bench("embedded", f"implementers, {name}: previous implementation",
                      lambda t=target, s=scope: old(before, t, "down", scope=s),
                      args.baseline_runs)  # fmt: skip
                # The same question's set alone: ancestors() in a DiGraph of just the
                # qualifying edges (built once, outside the timing).
                plain = nx.DiGraph(
                    (u, v) for u, v, d in graph.edges(data=True)
                    if d.get("relation") in IMPLEMENTING_RELATIONS
                    and (scope is None or d.get("scope") == scope)
                )  # fmt: skip
                bench("embedded", f"implementers, {name}: networkx ancestors() (set only)",
                      lambda t=target, p=plain: nx.ancestors(p, t), args.baseline_runs)  # fmt: skip
    load_s = None
    if not args.no_neo4j:
        from lexgraph.graph.neo4j_store import (
            Neo4jSettings,
            clear,
            connect,
            counts,
            ensure_schema,
            load_graph,
        )
        from lexgraph.queries.backends import Neo4jBackend

        settings = Neo4jSettings.from_env()
        driver = connect(settings)
        held = counts(driver, settings.database)
        same = (held["nodes"], held["edges"]) == (graph.number_of_nodes(), graph.number_of_edges())
        if not (args.reuse_neo4j and same):
            clear(driver, settings.database)
            ensure_schema(driver, settings.database)
            started = time.perf_counter()
            load_graph(driver, graph, database=settings.database)
            load_s = time.perf_counter() - started
        neo = lexgraph.Graph(Neo4jBackend(driver, settings.database))
        procedure = neo.backend.has_procedure("lexgraph.reach")
        print(f"neo4j: lexgraph.reach procedure {'present' if procedure else 'absent'}",
              file=sys.stderr)  # fmt: skip
        for name, fn in cases.items():
            bench(
                "neo4j", name, lambda fn=fn: fn(neo), args.slow_runs if name in slow else args.runs
            )
        if procedure and mid:
            # The same answer on a server without lexgraph's plugin: plain Cypher, and the
            # search in Python (the other path of queries/lineage_neo4j.py).
            plain_neo = lexgraph.Graph(Neo4jBackend(driver, settings.database))
            plain_neo.backend.procedures["lexgraph.reach"] = False
            bench("neo4j", "implementers (unbounded), thousands: plain Cypher (no plugin)",
                  lambda: plain_neo.implementers(mid, scope="document"), args.runs)  # fmt: skip
        if previous:
            old, _, old_neo4j = previous
            before = old_neo4j(driver, settings.database)
            for name, target in (("hub", central), ("thousands", mid)):
                if target and (name != "hub" or args.baseline_neo4j_hub):
                    scope = "document" if name == "thousands" else None
                    bench("neo4j", f"implementers, {name}: previous implementation",
                          lambda t=target, s=scope: old(before, t, "down", scope=s),
                          args.baseline_runs)  # fmt: skip
        driver.close()
    help_p50, help_p95 = cli_startup()
    table = {(st, q): (p50, p95, n) for st, q, p50, p95, n in results}
    ratios = []
    for store in ("embedded", "neo4j"):
        for name in ("hub", "thousands"):
            now = table.get((store, f"implementers (unbounded), {name}"))
            for label in ("previous implementation", "networkx ancestors() (set only)"):
                then = table.get((store, f"implementers, {name}: {label}"))
                if now and then:
                    ratios.append(f"| {store} | {name} | {label} | {then[0]:.1f} | {now[0]:.1f} | "
                                  f"{then[0] / now[0]:.2f}x |")  # fmt: skip
    command = "python scripts/bench_queries.py " + " ".join(sys.argv[1:])
    lines = [
        "# Query benchmarks",
        "",
        f"Reproduce: `{command.strip()}` (Neo4j from NEO4J_URI / NEO4J_USERNAME / "
        "NEO4J_PASSWORD, e.g. a scratch server: `LEXGRAPH_NEO4J_DIR=~/.cache/lexgraph/neo4j/bench "
        'LEXGRAPH_NEO4J_PORT=7720 scripts/neo4j start` then `eval "$(LEXGRAPH_NEO4J_DIR=... '
        'scripts/neo4j env)"`; without --reuse-neo4j its database is cleared and reloaded).',
        "",
        f"Synthetic graph (`lexgraph.synth.synthetic_records({args.docs}, {args.edges}, seed={args.seed})`): "
        f"{graph.number_of_nodes():,} documents, {graph.number_of_edges():,} edges; built in {build_s:.0f} s"
        + (
            f", loaded into Neo4j in {load_s:.0f} s"
            if load_s
            else ", Neo4j reused as loaded"
            if not args.no_neo4j
            else ""
        )
        + f". Embedded: the store saved to a file and opened with `lexgraph.open` "
        f"({open_s:.1f} s); the qualifying-edge index is built on first use in {index_s:.1f} s "
        "(once per store and relation set), so the figures are 'once loaded'.",
        f"Targets: hub `{central}` ({n_impl:,} implementers: in this generator every central "
        "directive is reached by nearly every document, through the based_on chain between "
        "central documents and ~7 popular citations per document)"
        + (
            f'; thousands: `{mid}` with `scope="document"` ({n_mid:,} implementers: the central '
            "document with most implementers between 1,000 and 10,000 when only document-scope "
            "edges count; the generator's extra citations are all task scope)"
            if mid
            else ""
        )
        + f"; `lineage --up` and `show`: `{district}`; `search`: `{word}`. "
        f"{args.runs} runs after one warm-up ({args.slow_runs} for the hub, {args.baseline_runs} "
        "for baselines); times are the full Python call (query, transfer, typed rows).",
        "",
        "| store | query | p50 ms | p95 ms | rows |",
        "| --- | --- | ---: | ---: | ---: |",
        *(f"| {s} | {q} | {p50:.1f} | {p95:.1f} | {n:,} |" for s, q, p50, p95, n in results),
        "",
        *(
            [
                "Baselines measured in the same run (p50; previous implementation = git "
                f"`{args.baseline_rev}`):",
                "",
                "| store | implementers of | baseline | baseline p50 ms | now p50 ms | speed-up |",
                "| --- | --- | --- | ---: | ---: | ---: |",
                *ratios,
                "",
            ]
            if ratios
            else []
        ),
        *([f"Failed (not timed): {'; '.join(failed)}.", ""] if failed else []),
        f"CLI start-up (`lexgraph --help`, 10 runs): p50 {help_p50:.0f} ms, p95 {help_p95:.0f} ms.",
        "",
        f"Machine: {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores, "
        "shared with other jobs while measured (load average "
        + ", ".join(f"{x:.1f}" for x in os.getloadavg())
        + " at the end).",
        "",
    ]
    args.output.parent.mkdir(parents=True, exist_ok=True)
    # Hand-written notes (from a "## Notes" heading on) survive a re-run.
    previous_text = args.output.read_text("utf-8") if args.output.exists() else ""
    notes = previous_text[previous_text.find("## Notes") :] if "## Notes" in previous_text else ""
    args.output.write_text("\n".join(lines) + ("\n" + notes if notes else ""), encoding="utf-8")
    print(f"wrote {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
