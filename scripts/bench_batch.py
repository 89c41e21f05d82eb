"""Batch extraction throughput at 1 and 2 jobs (files/s, MB/s, speed-up).

Runs the same code path as ``lexgraph extract`` / ``build`` (``extractors.batch.run_batch``)
over a folder, once per job count, in the same process run so the ratio is measured
against a baseline of the same moment. Defaults: ../shared/corpus, and 10,000 generated
documents (``lexgraph.synth``) written to a temporary folder.

    python scripts/bench_batch.py                       # corpus + 10,000 generated
    python scripts/bench_batch.py --docs DIR --synthetic 0
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from lexgraph.extractors.batch import collect_paths, run_batch


def measure(paths: list[str], jobs: int) -> tuple[float, float, float]:
    size = sum(os.path.getsize(p) for p in paths) / 1e6
    started = time.perf_counter()
    outcomes = list(run_batch(paths, jobs=jobs))
    seconds = time.perf_counter() - started
    assert all(o.status in ("ok", "duplicate") for o in outcomes), [
        o.error for o in outcomes if o.error
    ][:3]
    return seconds, len(paths) / seconds, size / seconds


def report(label: str, paths: list[str], job_counts: list[int]) -> None:
    size = sum(os.path.getsize(p) for p in paths) / 1e6
    print(f"{label}: {len(paths)} files, {size:.1f} MB")
    base = None
    for jobs in job_counts:
        seconds, files_s, mb_s = measure(paths, jobs)
        base = base or seconds
        print(
            f"  jobs={jobs}: {seconds:7.2f} s  {files_s:8.1f} files/s  {mb_s:6.2f} MB/s  speed-up {base / seconds:.2f}x"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--docs",
        type=Path,
        default=Path(__file__).resolve().parents[1].parent / "shared" / "corpus",
    )
    parser.add_argument(
        "--synthetic", type=int, default=10_000, help="generated documents (0: none)"
    )
    parser.add_argument("--jobs", default="1,2", help="job counts to compare")
    args = parser.parse_args()
    job_counts = [int(j) for j in args.jobs.split(",")]
    if args.docs.exists():
        paths, _ = collect_paths([str(args.docs)])
        report(str(args.docs), paths, job_counts)
    if args.synthetic:
        from lexgraph.synth import generate

        with tempfile.TemporaryDirectory() as tmp:
            generate(args.synthetic, seed=0, out_dir=Path(tmp))
            paths, _ = collect_paths([tmp])
            report(f"{args.synthetic} generated documents", paths, job_counts)


if __name__ == "__main__":
    main()
