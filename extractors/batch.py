"""Many files in, one outcome per file out: walking, de-duplication, caching, parallel work.

A bad file never stops the batch: it becomes a ``failed`` outcome naming the file and the
reason, and the caller's summary counts it.
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from lexgraph.model import Extraction

STDIN = "-"


@dataclass
class FileOutcome:
    path: str
    status: str  # "ok", "cached", "duplicate", "failed", "skipped"
    record: Extraction | None = None
    error: str | None = None
    duplicate_of: str | None = None
    size: int = 0


@dataclass
class BatchSummary:
    processed: int = 0
    cached: int = 0
    duplicates: int = 0
    skipped: int = 0
    failed: int = 0
    warnings: int = 0
    citations: int = 0
    size: int = 0
    problems: list[str] = field(default_factory=list)

    def add(self, outcome: FileOutcome) -> None:
        self.size += outcome.size
        if outcome.status in ("ok", "cached"):
            self.processed += outcome.status == "ok"
            self.cached += outcome.status == "cached"
            assert outcome.record is not None
            self.citations += len(outcome.record.citations)
            self.warnings += len(outcome.record.warnings)
        elif outcome.status == "duplicate":
            self.duplicates += 1
        elif outcome.status == "skipped":
            self.skipped += 1
            self.problems.append(f"skipped {outcome.path}: {outcome.error}")
        else:
            self.failed += 1
            self.problems.append(f"failed {outcome.error}")

    def line(self) -> str:
        parts = [f"{self.processed} processed"]
        if self.cached:
            parts.append(f"{self.cached} unchanged (cached)")
        parts += [
            f"{self.duplicates} duplicate",
            f"{self.skipped} skipped",
            f"{self.failed} failed",
            f"{self.citations} citations",
            f"{self.warnings} warnings",
        ]
        return ", ".join(parts)


def supported_extensions() -> frozenset[str]:
    from lexgraph.extractors.readers import SUPPORTED_EXTENSIONS

    return SUPPORTED_EXTENSIONS


# A folder's own notes are not documents of the collection: a corpus folder's README.md
# describing the files would otherwise enter the graph citing every document it names.
_NOT_DOCUMENTS = frozenset({"readme", "license", "licence", "changelog", "contributing", "notice"})


def _is_document_name(name: str) -> bool:
    """Whether a file met while walking a folder is read: not hidden, not the folder's notes."""
    return not name.startswith(".") and name.split(".")[0].lower() not in _NOT_DOCUMENTS


def collect_paths(inputs: Iterable[str]) -> tuple[list[str], list[FileOutcome]]:
    """Expand directories (recursively, supported extensions only) and globs, keep order.

    Walking a folder leaves out hidden files and folders (``.git``, ``.lexgraph``) and the
    folder's own notes (README, LICENSE, CHANGELOG, CONTRIBUTING, NOTICE, any extension). A
    file named explicitly is always tried, whatever its name or extension; a missing path
    or a glob that matches nothing becomes a ``failed`` outcome.
    """
    extensions = supported_extensions()
    paths: list[str] = []
    problems: list[FileOutcome] = []
    seen: set[str] = set()

    def add(path: str) -> None:
        if path not in seen:
            seen.add(path)
            paths.append(path)

    for item in inputs:
        if item == STDIN:
            add(STDIN)
        elif os.path.isdir(item):
            for root, dirs, files in os.walk(item):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if Path(name).suffix.lower() in extensions and _is_document_name(name):
                        add(os.path.join(root, name))
        elif os.path.exists(item):
            add(item)
        elif glob.has_magic(item) and (matches := sorted(glob.glob(item, recursive=True))):
            for match in matches:
                if os.path.isfile(match):
                    add(match)
        else:
            problems.append(FileOutcome(item, "failed", error=f"{item}: no such file or directory"))
    return paths, problems


def _extract_one(path: str, sha: str) -> tuple[dict | None, str | None]:
    """Worker: returns (record as dict, None) or (None, one-line error)."""
    from lexgraph.extractors.pipeline import extract_path
    from lexgraph.extractors.readers import ReadError

    try:
        return extract_path(path, sha256=sha).to_dict(), None
    except ReadError as error:
        return None, str(error)
    except OSError as error:
        return None, f"{path}: {error.strerror or error}"
    except Exception as error:  # a bug must not sink the batch; report it with the file
        return None, f"{path}: internal error {type(error).__name__}: {error}"


def _extract_stdin() -> FileOutcome:
    from lexgraph.extractors.pipeline import extract_text
    from lexgraph.extractors.readers import ReadError, read_bytes

    data = sys.stdin.buffer.read()
    try:
        result = read_bytes(data, name="<stdin>")
    except ReadError as error:
        return FileOutcome(STDIN, "failed", error=str(error), size=len(data))
    record = extract_text(result.text, source="<stdin>")
    record.warnings[:0] = result.warnings
    return FileOutcome(STDIN, "ok", record=record, size=len(data))


def run_batch(
    paths: list[str],
    *,
    jobs: int = 0,
    cache: dict[str, Extraction] | None = None,
    on_outcome: Callable[[FileOutcome], None] | None = None,
) -> Iterator[FileOutcome]:
    """Extract every path, in input order.

    ``cache`` maps a file's content hash to a record already extracted from it: such files
    cost a hash, not an extraction (``cached``). Files with the same content as an earlier
    one in the batch are reported as ``duplicate`` and processed once.
    """
    from lexgraph.extractors.pipeline import file_sha256

    jobs = jobs or os.cpu_count() or 1
    cache = cache or {}
    first_by_sha: dict[str, str] = {}
    pending: list[tuple[str, str, int]] = []
    ordered: list[FileOutcome | tuple[str, str, int]] = []
    for path in paths:
        if path == STDIN:
            ordered.append(_extract_stdin())
            continue
        try:
            size = os.path.getsize(path)
            sha = file_sha256(path)
        except OSError as error:
            ordered.append(FileOutcome(path, "failed", error=f"{path}: {error.strerror or error}"))
            continue
        if sha in first_by_sha:
            ordered.append(
                FileOutcome(path, "duplicate", duplicate_of=first_by_sha[sha], size=size)
            )
            continue
        first_by_sha[sha] = path
        if sha in cache:
            record = cache[sha]
            record.source = path
            ordered.append(FileOutcome(path, "cached", record=record, size=size))
            continue
        pending.append((path, sha, size))
        ordered.append((path, sha, size))

    results = _run_pending(pending, jobs)
    for item in ordered:
        if isinstance(item, tuple):
            path, sha, size = item
            data, error = next(results)
            if error is not None:
                outcome = FileOutcome(path, "failed", error=error, size=size)
            else:
                outcome = FileOutcome(path, "ok", record=Extraction.from_dict(data), size=size)
        else:
            outcome = item
        if on_outcome:
            on_outcome(outcome)
        yield outcome


def _run_pending(pending: list[tuple[str, str, int]], jobs: int) -> Iterator[tuple]:
    """Results in submission order; a process pool only when it can pay for itself."""
    if jobs <= 1 or len(pending) < 4:
        for path, sha, _ in pending:
            yield _extract_one(path, sha)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        chunksize = max(1, min(16, len(pending) // (jobs * 8) or 1))
        yield from pool.map(
            _extract_one,
            [p for p, _, _ in pending],
            [s for _, s, _ in pending],
            chunksize=chunksize,
        )
