"""Pytest fixtures for tests that need a real Neo4j server (no mocks).

Import in tests/conftest.py (the names register the fixtures ``neo4j_server`` and
``neo4j_driver``)::

    from tests.neo4j_fixtures import neo4j_driver_fixture, neo4j_server_fixture  # noqa: F401

- ``neo4j_server`` (session): NEO4J_URI when set (the tests CLEAR that database, so they
  refuse one that already holds documents unless LEXGRAPH_TEST_NEO4J_WIPE=1); otherwise a
  dedicated local instance started with ``scripts/neo4j start`` (its own data dir and port,
  so a user's own local server is left alone) and stopped at the end if the fixture
  started it. Skips only when Java, or Maven with no cached jars, is truly absent.
- ``neo4j_driver`` (function): a connected driver on an emptied database.
- ``LocalNeo4j``: start/stop/kill a throw-away instance (the interrupted-load test kills one).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from lexgraph.graph.neo4j_store import Neo4jSettings, clear, connect, counts

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "neo4j"


def _cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(os.environ.get("LEXGRAPH_CACHE") or Path(base) / "lexgraph")


def local_server_unavailable() -> str | None:
    """Why a local server cannot be started here, or None when it can."""
    java_home = os.environ.get("JAVA_HOME")
    java = str(Path(java_home) / "bin" / "java") if java_home else shutil.which("java")
    if not java or not Path(java).exists():
        return "Java is not installed (scripts/neo4j needs a JDK 17 or 21)"
    version = os.environ.get("LEXGRAPH_NEO4J_VERSION", "5.26.30")
    cached = (_cache() / "neo4j" / version / "lib" / ".complete").exists()
    if not cached and not shutil.which("mvn"):
        return (
            "Maven is not installed and Neo4j's jars are not cached (scripts/neo4j needs mvn once)"
        )
    return None


@dataclass
class LocalNeo4j:
    """One instance run by scripts/neo4j in its own directory."""

    directory: Path
    port: int

    def _env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k != "NEO4J_PASSWORD"}
        env["LEXGRAPH_NEO4J_DIR"] = str(self.directory)
        env["LEXGRAPH_NEO4J_PORT"] = str(self.port)
        env.setdefault("LEXGRAPH_NEO4J_HEAP", "768m")
        env.setdefault("LEXGRAPH_NEO4J_PAGECACHE", "256m")
        return env

    def run(self, command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["bash", str(SCRIPT), command],
            env=self._env(),
            capture_output=True,
            text=True,
            timeout=900,
        )

    def start(self) -> None:
        result = self.run("start")
        if result.returncode != 0:
            raise RuntimeError(f"scripts/neo4j start failed:\n{result.stdout}\n{result.stderr}")

    def stop(self) -> None:
        self.run("stop")

    def reset(self) -> None:
        """Stopped, with no data: the next start creates an empty DBMS."""
        self.stop()
        shutil.rmtree(self.directory / "data", ignore_errors=True)

    def is_running(self) -> bool:
        return self.run("status").returncode == 0

    def pid(self) -> int:
        return int((self.directory / "neo4j.pid").read_text().strip())

    def kill(self) -> None:
        """A crash: SIGKILL, no clean shutdown (the next start must recover)."""
        pid = self.pid()
        os.kill(pid, signal.SIGKILL)
        for _ in range(100):
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.1)

    def settings(self, **overrides: object) -> Neo4jSettings:
        port = (self.directory / "neo4j.port").read_text().strip()
        password = (self.directory / "password").read_text().strip()
        return Neo4jSettings(
            uri=f"bolt://127.0.0.1:{port}", username="neo4j", password=password, **overrides
        )  # type: ignore[arg-type]


@dataclass
class Neo4jServer:
    settings: Neo4jSettings
    local: LocalNeo4j | None  # None when NEO4J_URI points at a server the tests do not own


def local_instance(name: str, port: int) -> LocalNeo4j:
    reason = local_server_unavailable()
    if reason:
        pytest.skip(reason)
    return LocalNeo4j(directory=_cache() / "neo4j" / name, port=port)


@pytest.fixture(scope="session", name="neo4j_server")
def neo4j_server_fixture() -> Iterator[Neo4jServer]:
    if os.environ.get("NEO4J_URI"):
        yield Neo4jServer(settings=Neo4jSettings.from_env(), local=None)
        return
    instance = local_instance("test-instance", 7701)
    was_running = instance.is_running()
    if not was_running:
        instance.start()
    try:
        yield Neo4jServer(settings=instance.settings(), local=instance)
    finally:
        if not was_running:
            instance.stop()


@pytest.fixture(name="neo4j_driver")
def neo4j_driver_fixture(neo4j_server: Neo4jServer) -> Iterator[object]:
    driver = connect(neo4j_server.settings)
    database = neo4j_server.settings.database
    if neo4j_server.local is None and not os.environ.get("LEXGRAPH_TEST_NEO4J_WIPE"):
        existing = counts(driver, database)["nodes"]
        if existing:
            driver.close()
            pytest.fail(
                f"NEO4J_URI holds {existing} documents and the Neo4j tests clear it: set "
                "LEXGRAPH_TEST_NEO4J_WIPE=1 to allow it, or unset NEO4J_URI to use a local server"
            )
    clear(driver, database)
    try:
        yield driver
    finally:
        clear(driver, database)
        driver.close()
