"""The query commands end to end: real extraction of examples/, every output format, exit
codes (0 ok, 1 not found, 2 ambiguous or bad input), start-up time."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lexgraph.cli import app
from tests.conftest import EXAMPLES
from tests.query_graphs import example_graph, example_records

runner = CliRunner()


@pytest.fixture(scope="module")
def hand_store(tmp_path_factory) -> Path:
    from lexgraph.graph.store import StoreData, save

    path = tmp_path_factory.mktemp("q") / "hand.json.gz"
    save(path, StoreData({r.source: r for r in example_records()}, example_graph()))
    return path


@pytest.fixture(scope="module")
def examples_store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("q") / "examples.json.gz"
    result = runner.invoke(app, ["build", str(EXAMPLES), "--store", str(path), "-q", "-j", "1"])
    assert result.exit_code == 0, result.output
    return path


def run(*args: str, store: Path | None = None) -> object:
    extra = ["--store", str(store)] if store else []
    return runner.invoke(app, [*args, *extra], env={"NEO4J_URI": "", "LEXGRAPH_STORE": ""})


def test_implementers_of_the_examples_json(examples_store: Path) -> None:
    result = run("implementers", "33/CT-TTg", "-f", "json", store=examples_store)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert {r["key"] for r in rows} >= {"120/KH-UBND@2022@hau-giang", "64/KH-UBND@2022@son-la"}
    for row in rows:
        for name in ("key", "number", "kind", "issuer", "province", "level", "date", "source",
                     "depth", "via", "relation", "scope", "lag_days", "quote"):  # fmt: skip
            assert name in row
    kh120 = next(r for r in rows if r["key"] == "120/KH-UBND@2022@hau-giang")
    assert kh120["lag_days"] == 81 and kh120["source"].endswith("hau-giang-kh-120-2022.txt")


def test_lineage_up_through_a_programme(examples_store: Path) -> None:
    result = run("lineage", "180/KH-UBND", "--up", "-f", "jsonl", store=examples_store)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    depth = {r["key"]: r["depth"] for r in rows}
    assert depth["30-CTr/TU@2013@quang-ngai"] == 1 and "25-NQ/TW@2013" in depth


def test_lineage_tree_on_a_terminal(hand_store: Path) -> None:
    result = run("lineage", "NQ 25", "--down", "-f", "table", store=hand_store)
    assert result.exit_code == 0, result.output
    assert "└──" in result.stdout and "5793/KH-UBND@2013@ben-tre" in result.stdout


def test_csv_and_jsonl_carry_the_same_rows(hand_store: Path) -> None:
    as_csv = run("implementers", "CT 33/2021", "-f", "csv", store=hand_store)
    as_jsonl = run("implementers", "CT 33/2021", "-f", "jsonl", store=hand_store)
    table = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    lines = [json.loads(line) for line in as_jsonl.stdout.splitlines()]
    assert [r["key"] for r in table] == [r["key"] for r in lines]
    assert table[2]["via"] == "120/KH-UBND@2022@hau-giang" and table[2]["depth"] == "2"


def test_several_targets_and_their_union(hand_store: Path) -> None:
    result = run("implementers", "QĐ 217", "QĐ 218", "-f", "table", store=hand_store)
    assert result.exit_code == 0, result.output
    assert "implement 217-QĐ/TW@2013 or 218-QĐ/TW@2013" in result.stdout
    assert "2 implement at least one, 2 implement all" in result.stdout


def test_ambiguous_lists_candidates_and_exits_2(hand_store: Path) -> None:
    result = run("implementers", "33/CT-TTg", store=hand_store)
    assert result.exit_code == 2
    assert "33/CT-TTg@2008" in result.stderr and "33/CT-TTg@2021" in result.stderr
    assert "Thủ tướng Chính phủ" in result.stderr
    assert run("implementers", "33/CT-TTg", "--year", "2021", store=hand_store).exit_code == 0
    assert run("show", "11-NQ/TU", "-p", "Cà Mau", "-f", "json", store=hand_store).exit_code == 0


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("implementers", "999/KH-UBND"), 1),
        (("implementers", "hello world"), 2),
        (("implementers", "CT 33/2021", "--scope", "title"), 2),
        (("implementers", "CT 33/2021", "-r", "likes"), 2),
        (("search", "zzzz"), 1),
        (("path", "5793/KH-UBND", "CT 33/2021"), 1),
        (("coverage", "CT 33/2021", "--era", "future"), 2),
        (("cypher", "MATCH (n) RETURN n", "-P", "novalue"), 2),
    ],
)
def test_exit_codes(hand_store: Path, args: tuple[str, ...], code: int) -> None:
    store = None if args[0] == "cypher" else hand_store
    assert run(*args, store=store).exit_code == code


def test_missing_store_is_one_line_and_exit_1(tmp_path: Path) -> None:
    result = run("stats", store=tmp_path / "none.json.gz")
    assert result.exit_code == 1 and "lexgraph build" in result.stderr


def test_show_search_coverage_timeline_stats(hand_store: Path) -> None:
    card = json.loads(run("show", "120/KH-UBND", "-f", "json", store=hand_store).stdout)
    assert card["key"] == "120/KH-UBND@2022@hau-giang" and len(card["cites"]) == 3
    found = run("search", "dan", "van", "-f", "jsonl", store=hand_store)
    assert [json.loads(x)["key"] for x in found.stdout.splitlines()][0] == "64/KH-UBND@2022@son-la"
    cov = run(
        "coverage", "CT 33/2021", "--missing", "--era", "current", "-f", "json", store=hand_store
    )
    rows = json.loads(cov.stdout)
    assert len(rows) == 32 and "Cần Thơ" not in {r["province"] for r in rows}
    assert "current: 2 of 34 provinces covered" in cov.stderr
    timeline = json.loads(run("timeline", "CT 33/2021", "-f", "json", store=hand_store).stdout)
    assert timeline["lags"]["min"] == 81 and timeline["periods"][-1]["cumulative"] == 4
    stats = list(csv.DictReader(io.StringIO(run("stats", "-f", "csv", store=hand_store).stdout)))
    assert {"group": "total", "value": "documents", "count": "17"} in stats


def test_help_is_fast_and_lists_the_commands() -> None:
    best = min(_timed([sys.executable, "-m", "lexgraph", "--help"]) for _ in range(3))
    out = subprocess.run(
        [sys.executable, "-m", "lexgraph", "--help"], capture_output=True, text=True
    )
    for command in ("implementers", "lineage", "path", "show", "search", "coverage", "timeline",
                    "stats", "cypher"):  # fmt: skip
        assert command in out.stdout
    assert best < 0.6, f"lexgraph --help took {best:.2f}s"  # 0.3 s target; CI machines vary


def _timed(cmd: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, capture_output=True, check=True)
    return time.perf_counter() - started


@pytest.mark.neo4j
def test_cypher_command_is_read_only(neo4j_server, neo4j_driver, monkeypatch) -> None:
    from lexgraph.graph.neo4j_store import ensure_schema, load_graph

    settings = neo4j_server.settings
    ensure_schema(neo4j_driver, settings.database)
    load_graph(neo4j_driver, example_graph(), database=settings.database)
    env = {"NEO4J_URI": settings.uri, "NEO4J_USERNAME": settings.username,
           "NEO4J_PASSWORD": settings.password, "LEXGRAPH_STORE": ""}  # fmt: skip
    ok = runner.invoke(app, ["cypher", "MATCH (d:Document {key: $k}) RETURN d.issuer AS issuer",
                             "-P", "k=120/KH-UBND@2022@hau-giang", "-f", "json"], env=env)  # fmt: skip
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.stdout) == [{"issuer": "UBND tỉnh Hậu Giang"}]
    refused = runner.invoke(app, ["cypher", "CREATE (d:Document {key: 'x'})"], env=env)
    assert refused.exit_code == 2 and "read access mode" in refused.stderr.lower()
    same = runner.invoke(app, ["implementers", "CT 33/2021", "--neo4j", "-f", "json"], env=env)
    assert same.exit_code == 0, same.output
    assert len(json.loads(same.stdout)) == 4
