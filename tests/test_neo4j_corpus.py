"""Real extraction loaded into the real Neo4j: seeds and corpus, through the library and the CLI.

The embedded graph is the reference: Neo4j must hold the same documents and edges with the
same properties, a second load must change nothing, and ``lexgraph build --neo4j`` must do
the same from the command line without ever printing the password.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from lexgraph.graph.neo4j_store import counts, ensure_schema, load_graph, read_graph
from tests.conftest import CORPUS, EXAMPLES, SEEDS, extracted_graph

pytestmark = pytest.mark.neo4j


def _edge_index(graph) -> dict[str, dict]:
    return {k: {**attrs, "u": u, "v": v} for u, v, k, attrs in graph.edges(keys=True, data=True)}


@pytest.mark.corpus
@pytest.mark.parametrize("folders", [(SEEDS,), (SEEDS, CORPUS)], ids=["seeds", "seeds+corpus"])
def test_neo4j_holds_exactly_the_embedded_graph(folders, neo4j_server, neo4j_driver) -> None:
    graph = extracted_graph(*folders, jobs=2)
    database = neo4j_server.settings.database
    ensure_schema(neo4j_driver, database)
    first = load_graph(neo4j_driver, graph, database=database)
    stored = counts(neo4j_driver, database)
    assert stored["nodes"] == graph.number_of_nodes()
    assert stored["edges"] == graph.number_of_edges()
    assert stored["duplicate_edge_ids"] == 0
    assert first.nodes_created == graph.number_of_nodes()

    back = read_graph(neo4j_driver, database)
    rng = random.Random(0)
    for key in rng.sample(sorted(graph.nodes), min(200, graph.number_of_nodes())):
        assert back.nodes[key] == graph.nodes[key], key
    mine, theirs = _edge_index(graph), _edge_index(back)
    assert mine.keys() == theirs.keys()
    for key in rng.sample(sorted(mine), min(500, len(mine))):
        assert theirs[key] == mine[key], key

    again = load_graph(neo4j_driver, graph, database=database)
    assert (again.nodes_created, again.edges_created) == (0, 0)
    assert counts(neo4j_driver, database) == stored


def test_cli_build_loads_neo4j_and_never_prints_the_password(
    neo4j_server, neo4j_driver, tmp_path: Path
) -> None:
    settings = neo4j_server.settings
    env = {
        **os.environ,
        "NEO4J_URI": settings.uri,
        "NEO4J_USERNAME": settings.username,
        "NEO4J_PASSWORD": settings.password,
    }
    if settings.database:
        env["NEO4J_DATABASE"] = settings.database
    command = [
        sys.executable,
        "-m",
        "lexgraph",
        "build",
        str(EXAMPLES),
        "--neo4j",
        "--store",
        str(tmp_path / "g.json.gz"),
    ]
    result = subprocess.run(command, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert "loaded into Neo4j" in result.stderr
    assert settings.password not in result.stdout + result.stderr
    from lexgraph.graph.store import load

    graph = load(tmp_path / "g.json.gz").graph
    stored = counts(neo4j_driver, settings.database)
    assert (stored["nodes"], stored["edges"]) == (graph.number_of_nodes(), graph.number_of_edges())

    wrong = {**env, "NEO4J_PASSWORD": "not-the-password-" + settings.password[:3]}
    failed = subprocess.run([sys.executable, "-m", "lexgraph", "load", "--store", str(tmp_path / "g.json.gz")],
                            capture_output=True, text=True, env=wrong)  # fmt: skip
    assert failed.returncode == 1
    assert len(failed.stderr.strip().splitlines()) == 1, failed.stderr
    assert wrong["NEO4J_PASSWORD"] not in failed.stderr and settings.password not in failed.stderr
