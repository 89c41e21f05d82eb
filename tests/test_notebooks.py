"""The analyst notebooks run top to bottom and show the real answers.

Each notebook is executed with nbclient in a fresh ``python3`` kernel, in a temporary
working directory (nothing is written into the repository), and fails the test on any
cell error. A probe cell appended to the in-memory copy prints the notebook's own
DataFrames as JSON, so the assertions compare what the analyst sees with the answer the
Python API gives on the same documents. A last test checks that the committed notebooks
carry no outputs (``scripts/strip_notebooks.py``).
"""

from __future__ import annotations

import html
import importlib.util
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

from tests.conftest import CORPUS, EXAMPLES, ROOT, SEEDS

NOTEBOOKS = ROOT / "notebooks"
IMPLEMENTERS = NOTEBOOKS / "implementers_33_CT-TTg.ipynb"
NEO4J = NOTEBOOKS / "neo4j_lineage.ipynb"
BUDGET_SECONDS = 120  # each notebook, kernel start included
PROBE = "LEXGRAPH-PROBE "

pytestmark = pytest.mark.notebook


# -- running a notebook --------------------------------------------------------------------


@pytest.fixture(scope="session")
def kernel_name(tmp_path_factory: pytest.TempPathFactory) -> str:
    """``python3``; when no such kernelspec exists, ipykernel registers one privately."""
    from jupyter_client.kernelspec import find_kernel_specs

    if "python3" not in find_kernel_specs():
        prefix = tmp_path_factory.mktemp("jupyter")
        subprocess.run(
            [sys.executable, "-m", "ipykernel", "install", "--prefix", str(prefix),
             "--name", "python3"],
            check=True, capture_output=True,
        )  # fmt: skip
        paths = [str(prefix / "share" / "jupyter"), os.environ.get("JUPYTER_PATH", "")]
        os.environ["JUPYTER_PATH"] = os.pathsep.join(p for p in paths if p)
        assert "python3" in find_kernel_specs()
    return "python3"


def execute(path: Path, workdir: Path, kernel: str, probe: str) -> tuple[Any, dict[str, Any]]:
    """Run the notebook plus a probe cell; the executed notebook and the probe's JSON."""
    notebook = nbformat.read(path, as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell(f"import json\nprint({PROBE!r} + {probe})"))
    client = NotebookClient(
        notebook, kernel_name=kernel, timeout=BUDGET_SECONDS,
        resources={"metadata": {"path": str(workdir)}},
    )  # fmt: skip
    started = time.perf_counter()
    client.execute()  # raises CellExecutionError on the first failing cell
    elapsed = time.perf_counter() - started
    assert elapsed < BUDGET_SECONDS, f"{path.name} took {elapsed:.0f}s"
    assert not errors(notebook)
    (line,) = [
        text for text in stream_lines(notebook) if text.startswith(PROBE)
    ]  # fmt: skip
    return notebook, json.loads(line[len(PROBE) :])


def outputs(notebook: Any, source_part: str) -> list[dict[str, Any]]:
    """The outputs of the one code cell whose source contains ``source_part``."""
    (cell,) = [
        c for c in notebook.cells if c.cell_type == "code" and source_part in c.source
    ]  # fmt: skip
    return cell.outputs


def errors(notebook: Any) -> list[str]:
    return [
        f"{o.ename}: {o.evalue}"
        for c in notebook.cells if c.cell_type == "code"
        for o in c.outputs if o.output_type == "error"
    ]  # fmt: skip


def stream_lines(notebook: Any) -> list[str]:
    return [
        line
        for c in notebook.cells if c.cell_type == "code"
        for o in c.outputs if o.output_type == "stream"
        for line in o.text.splitlines()
    ]  # fmt: skip


def all_text(notebook: Any) -> str:
    """Every output as text (streams, plain and HTML representations, errors)."""
    parts = []
    for cell in notebook.cells:
        for out in cell.get("outputs", []):
            parts.append(out.get("text", ""))
            parts.extend(v for v in out.get("data", {}).values() if isinstance(v, str))
            parts.extend(out.get("traceback", []))
    return "\n".join(parts)


def has_image(cell_outputs: list[dict[str, Any]]) -> bool:
    return any("image/png" in o.get("data", {}) for o in cell_outputs)


@pytest.fixture()
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory and TMPDIR of the test's own; the clone found by LEXGRAPH_ROOT."""
    work = tmp_path / "work"
    work.mkdir()
    (tmp_path / "tmp").mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    monkeypatch.setenv("LEXGRAPH_ROOT", str(ROOT))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    for name in ("LEXGRAPH_STORE", "NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD",
                 "NEO4J_DATABASE", "LEXGRAPH_SHARED"):  # fmt: skip
        monkeypatch.delenv(name, raising=False)
    return work


def repo_files() -> set[str]:
    """Files in the folders a notebook might wrongly write to."""
    return {
        str(p.relative_to(ROOT))
        for folder in (NOTEBOOKS, EXAMPLES, ROOT / ".lexgraph")
        if folder.exists()
        for p in folder.rglob("*")
    }


def embedded_answer(sources: list[Path], tmp: Path) -> tuple[list[dict], dict[str, set[str]]]:
    """What the Python API answers on the same documents: implementers and covered provinces."""
    import lexgraph
    from lexgraph.cli_graph import build

    store = tmp / "expected.json.gz"
    build([str(s) for s in sources], store=store, quiet=True)
    with lexgraph.open(store) as g:
        rows = [
            {"key": r.key, "depth": r.depth, "lag_days": r.lag_days}
            for r in g.implementers("33/CT-TTg", year=2021)
        ]
        covered: dict[str, set[str]] = {"historical": set(), "current": set()}
        for row in g.coverage("33/CT-TTg", year=2021):
            if row.covered:
                covered[row.era].add(row.province)
    return sorted(rows, key=lambda r: r["key"]), covered


# -- implementers_33_CT-TTg.ipynb ----------------------------------------------------------

IMPL_PROBE = (
    'json.dumps({"impl": json.loads(impl[["key", "depth", "lag_days"]].to_json(orient="records")), '
    '"covered": {e: sorted(cov[(cov.era == e) & cov.covered].province) '
    'for e in ("historical", "current")}, '
    '"provinces": {e: int((cov.era == e).sum()) for e in ("historical", "current")}, '
    '"sources": [str(s) for s in sources]}, default=str)'
)


def check_implementers(notebook: Any, probe: dict[str, Any], sources: list[Path],
                       tmp: Path) -> list[str]:  # fmt: skip
    """Assertions shared by both runs; returns the implementer keys the notebook shows."""
    assert probe["sources"] == [str(s) for s in sources]
    expected_rows, expected_covered = embedded_answer(sources, tmp)
    shown = sorted(probe["impl"], key=lambda r: r["key"])
    assert shown == expected_rows
    assert {e: set(v) for e, v in probe["covered"].items()} == expected_covered
    assert probe["provinces"] == {"historical": 63, "current": 34}
    table = "".join(o["data"]["text/html"] for o in outputs(notebook, "impl = g.implementers"))
    for number in ("120/KH-UBND", "64/KH-UBND", "35/KH-UBND"):
        assert number in table
    assert has_image(outputs(notebook, "ax.barh"))
    chain = "".join(o["data"]["text/plain"] for o in outputs(notebook, 'scope="document"'))
    assert "[120/KH-UBND@2022@hau-giang]" in chain  # the district plan, via the province's
    (page,) = [o["data"]["text/html"] for o in outputs(notebook, "viz(") if "data" in o]
    assert page.startswith("<iframe srcdoc=") and "vis.Network" in page
    shown_page = html.unescape(page)
    assert "120/KH-UBND@2022@hau-giang" in shown_page
    assert not re.search(r'<(script|link)[^>]+(src|href)="(https?:)?//', shown_page)  # offline
    return [r["key"] for r in shown]


def test_implementers_notebook_examples_only(
    kernel_name: str, isolated: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A fresh clone without ../shared: the project's examples alone."""
    monkeypatch.setenv("LEXGRAPH_SHARED", str(tmp_path / "no-shared"))
    before = repo_files()
    notebook, probe = execute(IMPLEMENTERS, isolated, kernel_name, IMPL_PROBE)
    keys = check_implementers(notebook, probe, [EXAMPLES], tmp_path)
    assert sorted(keys) == [
        "120/KH-UBND@2022@hau-giang",
        "35/KH-UBND@2022@hau-giang/vi-thanh",
        "64/KH-UBND@2022@son-la",
    ]
    assert probe["covered"]["current"] == ["Cần Thơ", "Sơn La"]  # Hậu Giang merged into Cần Thơ
    assert repo_files() == before
    assert not list((tmp_path / "tmp").iterdir()), "the notebook left its temporary graph"


@pytest.mark.corpus
def test_implementers_notebook_with_shared(
    kernel_name: str, isolated: Path, tmp_path: Path
) -> None:
    """Beside ../shared: the seeds and the 648-document corpus are read too."""
    if not (CORPUS / "gold.jsonl").exists() or not SEEDS.is_dir():
        pytest.skip(f"{CORPUS} is absent (../shared is only present beside the repository)")
    notebook, probe = execute(IMPLEMENTERS, isolated, kernel_name, IMPL_PROBE)
    keys = check_implementers(notebook, probe, [EXAMPLES, SEEDS, CORPUS], tmp_path)
    assert "16/KH-UBND@2022@ca-mau" in keys  # seed 000: Cà Mau's plan for 33/CT-TTg
    assert "Cà Mau" in probe["covered"]["historical"]


# -- neo4j_lineage.ipynb -------------------------------------------------------------------

NEO4J_PROBE = (
    'json.dumps({"impl": json.loads(implementers[["key", "depth", "lag_days"]].to_json(orient="records")), '
    '"per_province": json.loads(per_province[["province", "province_2025"]].to_json(orient="records")), '
    '"coverage": json.loads(coverage.to_json(orient="records"))}, default=str)'
)


@pytest.mark.neo4j
def test_neo4j_notebook(
    kernel_name: str,
    isolated: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    neo4j_server: Any,
    neo4j_driver: Any,  # empties the database before and after
) -> None:
    settings = neo4j_server.settings
    monkeypatch.setenv("NEO4J_URI", settings.uri)
    monkeypatch.setenv("NEO4J_USERNAME", settings.username)
    monkeypatch.setenv("NEO4J_PASSWORD", settings.password)
    if settings.database:
        monkeypatch.setenv("NEO4J_DATABASE", settings.database)
    notebook, probe = execute(NEO4J, isolated, kernel_name, NEO4J_PROBE)

    expected_rows, expected_covered = embedded_answer([EXAMPLES], tmp_path)
    assert sorted(probe["impl"], key=lambda r: r["key"]) == expected_rows
    assert {r["province"] for r in probe["per_province"]} == expected_covered["historical"]
    assert {r["province_2025"] for r in probe["per_province"]} == expected_covered["current"]
    assert probe["coverage"] == [
        {"map": "historical", "provinces": 63, "covered": len(expected_covered["historical"])},
        {"map": "current", "provinces": 34, "covered": len(expected_covered["current"])},
    ]
    assert "Neo4j and the embedded store agree: True" in stream_lines(notebook)
    assert has_image(outputs(notebook, "ax.barh"))
    up = "".join(o["data"]["text/plain"] for o in outputs(notebook, "up:Document"))
    assert "33/CT-TTg" in up and "25-NQ/TW" in up  # through 120/KH-UBND, to the Party root
    assert settings.password not in all_text(notebook)
    with neo4j_driver.session(database=settings.database) as session:
        loaded = session.run("MATCH (d:Document) RETURN count(d) AS n").single()["n"]
    assert loaded >= len(expected_rows) + 1


# -- committed notebooks -------------------------------------------------------------------


def _stripper() -> Any:
    spec = importlib.util.spec_from_file_location(
        "strip_notebooks", ROOT / "scripts" / "strip_notebooks.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_notebooks_carry_no_outputs() -> None:
    stripper = _stripper()
    found = sorted(NOTEBOOKS.glob("*.ipynb"))
    assert {p.name for p in found} >= {IMPLEMENTERS.name, NEO4J.name}
    for path in found:
        notebook = nbformat.read(path, as_version=4)
        nbformat.validate(notebook)
        code = [c for c in notebook.cells if c.cell_type == "code"]
        assert all(c.outputs == [] and c.execution_count is None for c in code), path.name
        assert stripper.is_stripped(path), f"run scripts/strip_notebooks.py on {path.name}"
        words = sum(len(c.source.split()) for c in notebook.cells if c.cell_type == "markdown")
        assert words > 150, f"{path.name} should explain itself to an analyst"


def test_strip_removes_outputs_and_keeps_the_kernel() -> None:
    stripper = _stripper()
    notebook = nbformat.v4.new_notebook(metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python", "version": "3.11.7"},
        "widgets": {"state": {}},
    })  # fmt: skip
    cell = nbformat.v4.new_code_cell("1 + 1", execution_count=3, metadata={"scrolled": True})
    cell.outputs = [nbformat.v4.new_output("execute_result", {"text/plain": "2"},
                                           execution_count=3)]  # fmt: skip
    notebook.cells = [cell, nbformat.v4.new_markdown_cell("# Title")]
    stripped = stripper.strip(json.loads(nbformat.writes(notebook)))
    assert stripped["cells"][0]["outputs"] == []
    assert stripped["cells"][0]["execution_count"] is None
    assert stripped["cells"][0]["metadata"] == {}
    assert "".join(stripped["cells"][1]["source"]) == "# Title"
    assert stripped["metadata"] == {
        "kernelspec": notebook.metadata.kernelspec,
        "language_info": {"name": "python"},
    }
    nbformat.validate(nbformat.reads(stripper.dumps(stripped), as_version=4))
