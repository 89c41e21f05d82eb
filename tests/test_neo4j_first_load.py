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


def _prepared(server: Neo4jServer, driver, docs: int, edges: int, seed: int):
    """(database, graph): the schema in place, a synthetic graph to load."""
    database = server.settings.database
    ensure_schema(driver, database)
    return database, build_graph(synthetic_records(docs, edges, seed=seed))


def _markers(driver, database) -> int:
    with driver.session(database=database) as session:
        return session.run(f"MATCH (m:{first_load.LABEL}) RETURN count(m) AS n").single()["n"]


def test_two_loads_started_together_store_each_edge_once(
    neo4j_server: Neo4jServer, neo4j_driver
) -> None:
    # Without the marker both loads CREATEd (every edge twice); with it alone, a MERGE
    # beside the first load's CREATE still doubled what it wrote first (seen in CI).
    database, graph = _prepared(neo4j_server, neo4j_driver, 3000, 12000, 3)
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
    database, graph = _prepared(neo4j_server, neo4j_driver, 200, 800, 4)
    with neo4j_driver.session(database=database) as session:
        running = first_load.claim(session)
        assert running.mode == first_load.CREATE  # a load now writing
        with pytest.raises(first_load.LoadInProgress, match="again when it has finished"):
            first_load.claim(session)
    with pytest.raises(first_load.LoadInProgress):
        load_graph(neo4j_driver, graph, database)
    assert counts(neo4j_driver, database)["nodes"] == 0  # stopped before writing
    with neo4j_driver.session(database=database) as session:  # ... then it was killed
        session.run(f"MATCH (m:{first_load.LABEL}) SET m.host = 'elsewhere'").consume()
    with pytest.raises(first_load.LoadInProgress):  # another machine's, and recent: wait
        load_graph(neo4j_driver, graph, database)
    with neo4j_driver.session(database=database) as session:  # ... silent for too long
        session.run(f"MATCH (m:{first_load.LABEL}) SET m.at = 0").consume()
    stats = load_graph(neo4j_driver, graph, database)  # takes the stale marker over
    assert stats.edges_created == graph.number_of_edges()
    assert counts(neo4j_driver, database)["duplicate_edge_ids"] == 0
    assert _markers(neo4j_driver, database) == 0
    with neo4j_driver.session(database=database) as session:
        assert first_load.claim(session).mode == first_load.MERGE  # edges are there now
    clear(neo4j_driver, database)
    with neo4j_driver.session(database=database) as session:
        again = first_load.claim(session)
        assert again.mode == first_load.CREATE  # empty again
        again.end()
    clear(neo4j_driver, database)
    assert _markers(neo4j_driver, database) == 0
    running.end()


def test_a_marker_left_by_this_process_after_a_crash_is_taken_over(
    neo4j_server: Neo4jServer, neo4j_driver
) -> None:
    # The crash test's case: the server killed mid-load, the load over with its marker
    # still stored; the next load from this process (or any after this one exits) goes on.
    database, graph = _prepared(neo4j_server, neo4j_driver, 200, 800, 5)
    with neo4j_driver.session(database=database) as session:
        first_load.claim(session).end()  # a load that ended without removing its marker
    assert _markers(neo4j_driver, database) == 1
    stats = load_graph(neo4j_driver, graph, database)
    assert stats.edges_created == graph.number_of_edges()
    assert _markers(neo4j_driver, database) == 0
