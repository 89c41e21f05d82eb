"""A progress bar on a terminal, nothing when output is parsed by a script."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from lexgraph.extractors.batch import BatchSummary, FileOutcome


class FileProgress:
    """Files, MB, citations and errors so far; a no-op when stderr is not a terminal."""

    def __init__(self, total: int, label: str, enabled: bool) -> None:
        self.summary = BatchSummary()
        self.bar = None
        self._task = None
        if enabled and total:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
            )

            self.bar = Progress(
                TextColumn(f"[bold]{label}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[detail]}"),
                TimeElapsedColumn(),
                transient=True,
            )
            self._task = self.bar.add_task(label, total=total, detail="")

    def __call__(self, outcome: FileOutcome) -> None:
        self.summary.add(outcome)
        if self.bar is not None:
            s = self.summary
            detail = f"{s.size / 1e6:.1f} MB, {s.citations} citations, {s.failed} errors"
            self.bar.update(self._task, advance=1, detail=detail)


@contextmanager
def file_progress(total: int, label: str, quiet: bool = False) -> Iterator[FileProgress]:
    tracker = FileProgress(total, label, enabled=not quiet and sys.stderr.isatty())
    if tracker.bar is None:
        yield tracker
        return
    with tracker.bar:
        yield tracker
