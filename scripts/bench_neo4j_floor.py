"""What any Neo4j answer to a large implementers query costs, whatever the Cypher.

The issue 4 target is a p95 under 50 ms for the implementers of a central directive with
thousands of implementers. This script times, against the database the environment
names (NEO4J_URI / NEO4J_USERNAME / NEO4J_PASSWORD, e.g. the one scripts/bench_queries.py
loaded), the parts no query shape can avoid, beside lexgraph's own answer:

- a round trip (``RETURN 1``);
- the traversal alone: counting the documents reached, nothing sent back;
- the row fields of the reached documents, their node ids given (no traversal);
- as many constant rows of the answer's shape as the answer has (no store read at all):
  the transfer and the driver's decoding (with its Rust extension) alone;
- lexgraph's implementers, rows typed (``lexgraph.Graph.implementers``).

    python scripts/bench_neo4j_floor.py                       # 1-KL/TW@2019, scope document
    python scripts/bench_neo4j_floor.py --key 1-KL/TW@2019 --scope document --runs 20
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

# The default relation set's types (graph/neo4j_types.py); constants, not user input.
REACH = """
MATCH (t:Document {key: $key})
MATCH (x)-[rs:IMPLEMENTS|CONTINUES|BASED_ON*1..]->(t)
WHERE all(r IN rs WHERE $scope IS NULL OR r.scope = $scope)
RETURN %s
"""
FIELDS = """
UNWIND $ids AS i
MATCH (x) WHERE id(x) = i
RETURN collect([x.key, x.number, x.kind, x.issuer, x.province, x.level, x.date, x.title,
                x.sources[0..1]]) AS rows
"""
# One row of the answer's shape: key, number, kind, issuer, province, level, date, title,
# source, depth, via, relation, scope, lag_days, quote (typical lengths).
CONSTANT = """
UNWIND range(1, $n) AS i
RETURN collect(['12/KH-UBND@2020#ha-noi', '12/KH-UBND', 'Kế hoạch',
                'Ủy ban nhân dân thành phố Hà Nội', 'Hà Nội', 'province', '2020-03-14',
                'Kế hoạch thực hiện Kết luận số 01-KL/TW của Bộ Chính trị', 'x/12.txt', i,
                ['3-CTr/TU@2019#ha-noi', '1-KL/TW@2019'], 'implements', 'document', 180,
                'Thực hiện Kết luận số 01-KL/TW ngày 18/5/2019 của Bộ Chính trị']) AS rows
"""


def measure(fn: Callable[[], Any], runs: int) -> tuple[float, float]:
    fn()  # warm-up: plans, caches
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - started) * 1000)
        del result  # freed outside the timing
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--key", default="1-KL/TW@2019")
    parser.add_argument("--scope", default="document", help="document, task or any")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    scope = None if args.scope == "any" else args.scope

    import lexgraph
    from lexgraph.graph.neo4j_store import Neo4jSettings, connect
    from lexgraph.queries.backends import Neo4jBackend

    settings = Neo4jSettings.from_env()
    driver = connect(settings)
    backend = Neo4jBackend(driver, settings.database)
    graph = lexgraph.Graph(backend)
    with backend.session("DEPRECATION") as session:

        def read(text: str, **params: Any) -> Any:
            return session.execute_read(lambda tx: tx.run(text, params).single(strict=True)[0])

        ids = read(REACH % "collect(DISTINCT id(x))", key=args.key, scope=scope)
        if not ids:
            raise SystemExit(f"{args.key!r} has no implementers in {settings.uri}")
        n = len(ids)
        cases = {
            "round trip (RETURN 1)": lambda: read("RETURN 1"),
            "traversal alone (count, nothing sent)": lambda: read(
                REACH % "count(DISTINCT x)", key=args.key, scope=scope
            ),
            f"row fields of the {n:,} reached ids (no traversal)": lambda: read(FIELDS, ids=ids),
            f"{n:,} constant rows of the answer's shape (no store read)": lambda: read(
                CONSTANT, n=n
            ),
            "lexgraph implementers (typed rows)": lambda: graph.implementers(args.key, scope=scope),
        }
        print(f"Neo4j at {settings.uri}: implementers of {args.key} (scope {args.scope}), "
              f"{n:,} rows, {args.runs} runs\n", file=sys.stderr)  # fmt: skip
        print("| what | p50 ms | p95 ms |\n| --- | ---: | ---: |")
        for name, fn in cases.items():
            p50, p95 = measure(fn, args.runs)
            print(f"| {name} | {p50:.1f} | {p95:.1f} |", flush=True)
    driver.close()


if __name__ == "__main__":
    main()
