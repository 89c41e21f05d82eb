"""Two loads into one empty database never store an edge twice (graph/neo4j_first_load.py).

A first load CREATEs edges without checking for existing ones; only one load may do that.
Real Neo4j: two loads started together from two threads, and a marker left behind by a
killed load."""

from __future__ import annotations

import threading

import pytest

from lexgraph.graph import neo4j_first_load as first_load
from lexgraph.graph.build import build_graph
from lexgraph.graph.neo4j_store import clear, counts, ensure_schema, load_graph
from lexgraph.synth import synthetic_records
from tests.neo4j_fixtures import Neo4jServer

pytestmark = pytest.mark.neo4j


def _markers(driver, database) -> int:
    with driver.session(database=database) as session:
        return session.run(f"MATCH (m:{first_load.LABEL}) RETURN count(m) AS n").single()["n"]


def test_two_loads_started_together_store_each_edge_once(
    neo4j_server: Neo4jServer, neo4j_driver
) -> None:
    # Without the marker both loads CREATEd (every edge twice); with it alone, a MERGE
    # beside the first load's CREATE still doubled what it wrote first (seen in CI).
    database = neo4j_server.settings.database
    graph = build_graph(synthetic_records(3000, 12000, seed=3))
    ensure_schema(neo4j_driver, database)
    start = threading.Barrier(2)
    results, errors = [], []

    def load() -> None:
        start.wait()
        try:
            results.append(load_graph(neo4j_driver, graph, database, batch_size=500))
        except first_load.LoadInProgress as error:  # the other load is writing
            errors.append(error)

    threads = [threading.Thread(target=load) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) + len(errors) == 2 and results
    assert all("run this load again when it has finished" in str(e) for e in errors)
    stored = counts(neo4j_driver, database)
    assert stored["edges"] == graph.number_of_edges()
    assert stored["duplicate_edge_ids"] == 0
    assert stored["nodes"] == graph.number_of_nodes()
    assert _markers(neo4j_driver, database) == 0  # released by the load that held it
    if errors:  # the stopped load wrote nothing; run again, it merges and creates nothing
        again = load_graph(neo4j_driver, graph, database, batch_size=2000)
        assert again.edges_created == 0 and again.nodes_created == 0


def test_a_running_first_load_stops_others_and_a_dead_one_is_taken_over(
    neo4j_server: Neo4jServer, neo4j_driver
) -> None:
    database = neo4j_server.settings.database
    graph = build_graph(synthetic_records(200, 800, seed=4))
    ensure_schema(neo4j_driver, database)
    with neo4j_driver.session(database=database) as session:
        assert first_load.claim(session) == first_load.CREATE  # a load now writing
        with pytest.raises(first_load.LoadInProgress, match="again when it has finished"):
            first_load.claim(session)
    with pytest.raises(first_load.LoadInProgress):
        load_graph(neo4j_driver, graph, database)
    assert counts(neo4j_driver, database)["nodes"] == 0  # stopped before writing
    with neo4j_driver.session(database=database) as session:  # ... then its process died
        session.run(f"MATCH (m:{first_load.LABEL}) SET m.at = 0").consume()
    stats = load_graph(neo4j_driver, graph, database)  # takes the stale marker over
    assert stats.edges_created == graph.number_of_edges()
    assert counts(neo4j_driver, database)["duplicate_edge_ids"] == 0
    assert _markers(neo4j_driver, database) == 0
    with neo4j_driver.session(database=database) as session:
        assert first_load.claim(session) == first_load.MERGE  # edges are there now
    clear(neo4j_driver, database)
    with neo4j_driver.session(database=database) as session:
        assert first_load.claim(session) == first_load.CREATE  # empty again
    clear(neo4j_driver, database)
    assert _markers(neo4j_driver, database) == 0
