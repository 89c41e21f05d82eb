"""Shared fixtures: paths to the project's examples and to ../shared, real services."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpus"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared is only present beside the repository)")
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return _need(SEEDS)


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return _need(CORPUS / "gold.jsonl").parent


def extracted_graph(*folders: Path, jobs: int = 1):
    """The graph of every document under ``folders``, extracted as `lexgraph build` does;
    skips when a folder (../shared) is absent."""
    from lexgraph.extractors.batch import collect_paths, run_batch
    from lexgraph.graph.build import build_graph

    for folder in folders:
        _need(folder)
    files, _ = collect_paths([str(f) for f in folders])
    records = [o.record for o in run_batch(files, jobs=jobs) if o.record is not None]
    assert records, f"nothing extracted from {folders}"
    return build_graph(records)


def read_gold(path: Path) -> list[dict]:
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


@pytest.fixture(scope="session")
def seed_gold(seeds_dir: Path) -> dict[str, dict]:
    return {row["file"]: row for row in read_gold(seeds_dir / "gold.jsonl")}


def evaluate(folder: Path) -> dict:
    """`lexgraph evaluate --json` on ``folder`` against its gold.jsonl, as CI runs it."""
    result = subprocess.run(
        [sys.executable, "-m", "lexgraph", "evaluate", "--gold", str(folder / "gold.jsonl"), str(folder), "--json"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


from tests.neo4j_fixtures import *  # noqa: E402, F403  (the real Neo4j server fixtures)
