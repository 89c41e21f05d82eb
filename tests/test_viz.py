"""Unit tests for the interactive page: selection, escaping, counts, legend, physics."""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest
from typer.testing import CliRunner

from lexgraph.cli import app
from lexgraph.graph.build import build_graph
from lexgraph.graph.store import StoreData, save
from lexgraph.graph.viz import (
    PHYSICS_THRESHOLD,
    TEMPLATES,
    VizError,
    find_keys,
    kind_shape,
    render_page,
    script_json,
    select,
    to_network,
    viz,
)
from lexgraph.model import LEVELS, Citation, DocumentInfo, Extraction

XSS_SCRIPT = "</script><script>window.__xss = 'script'; alert(1)</script>"
XSS_IMG = "<img src=x onerror=\"window.__xss = 'img'; alert(2)\">"
QUOTE_AB = "Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 \"quoted\" 'single' & more " + XSS_IMG


def _doc(key, kind, number, year, level, title, province=None, district=None, issuer=None):
    return DocumentInfo(key=key, kind=kind, number=number, year=year, level=level, title=title,
                        province=province, district=district, issuer=issuer,
                        date=f"{year}-06-01")  # fmt: skip


def xss_records() -> list[Extraction]:
    """A small lineage (central -> province -> district) with hostile titles and quotes."""
    ct33 = Citation(key="33/CT-TTg@2021", kind="Chỉ thị", number="33/CT-TTg", year=2021,
                    level="central_state", relation="implements", scope="document",
                    section="I.1", start=10, end=60, quote=QUOTE_AB)  # fmt: skip
    nq25 = Citation(key="25-NQ/TW@2013", kind="Nghị quyết", number="25-NQ/TW", year=2013,
                    level="central_party", relation="cites", quote="theo Nghị quyết 25-NQ/TW")  # fmt: skip
    kh120 = Citation(key="120/KH-UBND@2022@hau-giang", kind="Kế hoạch", number="120/KH-UBND",
                     year=2022, level="province", relation="implements", scope="document",
                     quote="Thực hiện Kế hoạch số 120/KH-UBND " + XSS_SCRIPT, local=True,
                     province="Hậu Giang")  # fmt: skip
    return [
        Extraction(
            source="hau-giang.txt", sha256="a" * 64,
            document=_doc("120/KH-UBND@2022@hau-giang", "Kế hoạch", "120/KH-UBND", 2022,
                          "province", "Công tác dân vận " + XSS_SCRIPT, province="Hậu Giang",
                          issuer="UBND tỉnh Hậu Giang"),
            citations=[ct33, nq25],
        ),
        Extraction(
            source="vi-thanh.txt", sha256="b" * 64,
            document=_doc("35/KH-UBND@2022@hau-giang/vi-thanh", "Kế hoạch", "35/KH-UBND", 2022,
                          "district", "Kế hoạch " + XSS_IMG, province="Hậu Giang",
                          district="Vị Thanh"),
            citations=[kh120],
        ),
        Extraction(
            source="son-la.txt", sha256="c" * 64,
            document=_doc("64/KH-UBND@2022@son-la", "Kế hoạch", "64/KH-UBND", 2022, "province",
                          "Thực hiện Chỉ thị 33 \"quotes\" 'and' <b>tags</b>", province="Sơn La"),
            citations=[Citation(key="33/CT-TTg@2021", relation="based_on", quote="Căn cứ Chỉ thị 33")],
        ),
    ]  # fmt: skip


def xss_graph() -> nx.MultiDiGraph:
    return build_graph(xss_records())


def big_graph(nodes: int = 2000, edges_per_node: int = 2, seed: int = 3) -> nx.MultiDiGraph:
    """A layered graph of ``nodes`` documents, each local one implementing ``edges_per_node``."""
    import random

    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    levels = (
        ["central_party"] * 20 + ["central_state"] * 80 + ["province"] * 1300 + ["district"] * 600
    )
    for i in range(nodes):
        level = levels[i % len(levels)] if i < len(levels) else "commune"
        graph.add_node(str(i), key=str(i), kind="Kế hoạch", number=f"{i}/KH-UBND", year=2010 + i % 14,
                       level=level, province=f"Tỉnh {i % 63}", district=None, date=f"{2010 + i % 14}-03-0{1 + i % 9}",
                       title=f"Kế hoạch thực hiện công tác dân vận số {i}", issuer="UBND", signer=None,
                       ingested=i % 3 != 0, sources=[], unresolved=False)  # fmt: skip
    for i in range(100, nodes):
        for j in range(edges_per_node):
            graph.add_edge(str(i), str(rng.randrange(0, i)), key=f"e{i}-{j}", kind="citation",
                           relation=rng.choice(["implements", "based_on", "cites", "continues"]),
                           scope="task", section=None, quote=f"quote {i}-{j}", sources=[str(i)])  # fmt: skip
    return graph


def page_data(page: str) -> dict:
    match = re.search(
        r'<script type="application/json" id="lexgraph-data">(.*?)</script>', page, re.S
    )
    assert match, "data block missing"
    return json.loads(match.group(1))


def test_script_json_cannot_close_the_script_block():
    value = {"t": XSS_SCRIPT, "q": XSS_IMG + "<!-- \u2028 &amp;"}
    text = script_json(value)
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == value


def test_page_escapes_untrusted_text_and_keeps_it():
    graph = xss_graph()
    page = render_page(to_network(graph))
    # Exactly our three script elements; the hostile strings never appear raw.
    assert page.count("</script>") == 3
    assert "<script>window.__xss" not in page and "<img src=x" not in page
    data = page_data(page)
    titles = [row[1] for n in data["nodes"] for row in n["card"] if row[0] == "Title"]
    assert any(XSS_SCRIPT in t for t in titles) and any(XSS_IMG in t for t in titles)
    quotes = [row[1] for e in data["edges"] for row in e["card"] if row[0] == "Quote"]
    assert QUOTE_AB in quotes
    app_js = (TEMPLATES / "viz.js").read_text(encoding="utf-8")
    assert not re.search(r"\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write", app_js)


def test_page_title_is_html_escaped():
    page = render_page(to_network(xss_graph(), title=XSS_IMG))
    assert "<title>&lt;img src=x" in page


def test_counts_legend_and_relations():
    graph = xss_graph()
    data = page_data(render_page(to_network(graph)))
    assert len(data["nodes"]) == graph.number_of_nodes() == 5
    assert len(data["edges"]) == graph.number_of_edges() == 4
    assert {n["id"] for n in data["nodes"]} == set(graph)
    assert [name for name, _ in data["legend"]["levels"]][:5] == [
        "Central Party", "Central State", "Province", "District", "Commune"]  # fmt: skip
    assert len(data["legend"]["levels"]) == len(LEVELS) + 1
    assert dict(data["relations"]) == {"implements": 2, "based_on": 1, "cites": 1}
    # Ingested and referenced documents look different; shapes follow the kind.
    by_id = {n["id"]: n for n in data["nodes"]}
    assert by_id["120/KH-UBND@2022@hau-giang"]["shapeProperties"]["borderDashes"] is False
    assert by_id["33/CT-TTg@2021"]["shapeProperties"]["borderDashes"]
    assert (
        by_id["33/CT-TTg@2021"]["shape"] == "diamond" and by_id["25-NQ/TW@2013"]["shape"] == "star"
    )


def test_no_external_resources():
    page = render_page(to_network(xss_graph()))
    assert not re.search(r'(src|href)\s*=\s*["\']?\s*(https?:)?//', page, re.I)
    markup = re.sub(r"<(script|style)[^>]*>.*?</\1>", "", page, flags=re.S)
    assert "<link" not in markup and "<iframe" not in markup and "<img" not in markup


@pytest.mark.parametrize(
    ("nodes", "layout", "expected"),
    [(10, "level", True), (PHYSICS_THRESHOLD + 1, "level", False), (10, "time", False)],
)
def test_physics_off_above_threshold(nodes, layout, expected):
    graph = nx.MultiDiGraph()
    for i in range(nodes):
        graph.add_node(str(i), key=str(i), level="province", ingested=True)
    data = page_data(render_page(to_network(graph, layout=layout)))
    assert data["options"]["physics"]["enabled"] is expected


def test_big_graph_positions_are_spread():
    net = to_network(big_graph())
    positions = {(n["x"], n["y"]) for n in net.nodes}
    assert len(positions) == len(net.nodes) == 2000  # no two documents on the same spot


def test_selection_down_up_and_province():
    graph = xss_graph()
    down = select(graph, "33/CT-TTg", down=True)
    assert set(down) == {"33/CT-TTg@2021", "120/KH-UBND@2022@hau-giang",
                         "35/KH-UBND@2022@hau-giang/vi-thanh", "64/KH-UBND@2022@son-la"}  # fmt: skip
    up = select(graph, "35/KH-UBND", up=True)
    assert set(up) == {
        "35/KH-UBND@2022@hau-giang/vi-thanh",
        "120/KH-UBND@2022@hau-giang",
        "33/CT-TTg@2021",
    }  # fmt: skip  (cites 25-NQ/TW is not followed)
    province = select(graph, province="hau giang")
    assert "64/KH-UBND@2022@son-la" not in province and "25-NQ/TW@2013" in province
    assert find_keys(graph, "33/CT-TTG 2021") == ["33/CT-TTg@2021"]
    with pytest.raises(VizError):
        select(graph, "999/KH-UBND")


def test_kind_shapes():
    assert kind_shape("Quyết định") == "square" and kind_shape("Kế hoạch phối hợp") == "dot"
    assert kind_shape(None) == "box"


def test_viz_writes_file_and_cli(tmp_path):
    out = tmp_path / "a.html"
    net = viz(xss_graph(), "33/CT-TTg", down=True, output=out)
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>") and len(net.nodes) == 4
    assert "<iframe srcdoc=" in net._repr_html_()
    store = tmp_path / "g.json.gz"
    save(store, StoreData(records={r.source: r for r in xss_records()}, graph=xss_graph()))
    runner = CliRunner()
    result = runner.invoke(
        app, ["viz", "120/KH-UBND", "--up", "-o", str(out), "--store", str(store)]
    )
    assert result.exit_code == 0, result.output
    assert len(page_data(out.read_text(encoding="utf-8"))["nodes"]) == 2
    result = runner.invoke(
        app,
        ["viz", "--province", "Sơn La", "--layout", "time", "-o", str(out), "--store", str(store)],
    )
    assert result.exit_code == 0 and len(page_data(out.read_text(encoding="utf-8"))["nodes"]) == 2
    result = runner.invoke(app, ["viz", "404/XX", "-o", str(out), "--store", str(store)])
    assert result.exit_code == 1 and "no document" in result.output


def test_cli_viz_takes_the_query_input_forms_and_exit_codes(tmp_path) -> None:
    import subprocess
    import sys

    from tests.conftest import EXAMPLES

    store = tmp_path / "g.json.gz"
    run = [sys.executable, "-m", "lexgraph"]
    subprocess.run([*run, "build", str(EXAMPLES), "--store", str(store), "-q"], check=True)
    out = tmp_path / "ct33.html"
    ok = subprocess.run([*run, "viz", "CT 33/2021", "--down", "-o", str(out), "--store", str(store)],
                        capture_output=True, text=True)  # fmt: skip
    assert ok.returncode == 0, ok.stderr
    assert "120/KH-UBND" in out.read_text(encoding="utf-8")
    missing = subprocess.run([*run, "viz", "999/XX-YY", "--store", str(store), "-o", str(out)],
                             capture_output=True, text=True)  # fmt: skip
    assert missing.returncode == 1 and "999/XX-YY" in missing.stderr


def test_page_is_the_same_whatever_the_hash_seed(tmp_path) -> None:
    # String hashing changes per process; the page must not (diffable, cacheable output).
    import os
    import subprocess
    import sys
    from pathlib import Path

    examples = Path(__file__).resolve().parents[1] / "examples"
    store = tmp_path / "g.json.gz"
    lexgraph = [sys.executable, "-m", "lexgraph"]
    subprocess.run([*lexgraph, "build", str(examples), "--store", str(store)], check=True,
                   capture_output=True)  # fmt: skip
    pages = []
    for seed in ("1", "2", "3"):
        out = tmp_path / f"page-{seed}.html"
        subprocess.run(
            [*lexgraph, "viz", "33/CT-TTg", "--down", "-o", str(out), "--store", str(store)],
            check=True, capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed},
        )  # fmt: skip
        pages.append(out.read_bytes())
    assert len(page_data(pages[0].decode("utf-8"))["nodes"]) == 4
    assert pages[0] == pages[1] == pages[2]
