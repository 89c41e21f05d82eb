"""Update the embedded store from documents: the one implementation behind ``lexgraph build``
and ``lexgraph.build()``.

Unchanged files (same content hash) cost a hash, not an extraction; a changed file replaces
that file's record and nothing else; a file that fails keeps what the store had for it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from lexgraph.extractors.batch import BatchSummary, FileOutcome, collect_paths, run_batch
from lexgraph.graph.build import build_graph
from lexgraph.graph.store import StoreData, load, save


def update_store(
    paths: Iterable[str],
    store: Path,
    *,
    fresh: bool = False,
    prune: bool = False,
    jobs: int = 0,
    on_outcome: Callable[[FileOutcome], None] | None = None,
    on_files: Callable[[int], None] | None = None,
) -> tuple[StoreData, BatchSummary]:
    """Extract ``paths`` into the store at ``store``, rebuild the graph, save atomically.

    Raises ``StoreError`` when an existing store cannot be read (unless ``fresh``).
    ``on_files`` is told how many files will be processed (for a progress bar).
    """
    data = StoreData() if fresh else load(store, missing_ok=True)
    summary = BatchSummary()

    def seen(outcome: FileOutcome) -> None:
        summary.add(outcome)
        if on_outcome:
            on_outcome(outcome)

    files, missing = collect_paths(list(paths))
    files = [f if f == "-" else os.path.realpath(f) for f in files]
    if on_files:
        on_files(len(files))
    for outcome in missing:
        seen(outcome)
    for outcome in run_batch(files, jobs=jobs, cache=data.cache_by_sha(), on_outcome=seen):
        if outcome.record is not None:
            data.records[outcome.record.source] = outcome.record
    if prune:
        for source in [s for s in data.records if s != "<stdin>" and not os.path.exists(s)]:
            del data.records[source]
    data.graph = build_graph(data.records.values())
    save(store, data)
    return data, summary
