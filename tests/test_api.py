"""The Python API as the README shows it: build, open, ask, draw."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import lexgraph
from tests.conftest import EXAMPLES


def test_build_then_open_then_ask(tmp_path: Path) -> None:
    store = tmp_path / "g.json.gz"
    built = lexgraph.build(EXAMPLES, store)
    assert built.problems == []
    g = lexgraph.open(store)
    numbers = sorted(row.number for row in g.implementers("33/CT-TTg", year=2021))
    assert numbers == ["120/KH-UBND", "35/KH-UBND", "64/KH-UBND"]
    df = g.implementers("33/CT-TTg").to_pandas()
    assert set(df["province"]) == {"Hậu Giang", "Sơn La"}
    up = {row.number for row in g.lineage("180/KH-UBND", "up")}
    assert {"30-CTr/TU", "25-NQ/TW"} <= up


def test_build_reports_bad_files_and_keeps_going(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(EXAMPLES, docs)
    (docs / "empty.txt").write_bytes(b"")
    g = lexgraph.build(docs, tmp_path / "g.json.gz")
    assert len(g.problems) == 1 and "empty.txt" in g.problems[0]
    assert g.show("120/KH-UBND").node["issuer"] == "UBND tỉnh Hậu Giang"


def test_viz_writes_an_offline_page(tmp_path: Path) -> None:
    g = lexgraph.build(EXAMPLES, tmp_path / "g.json.gz")
    out = tmp_path / "ct33.html"
    net = g.viz("33/CT-TTg", down=True, output=out)
    page = out.read_text(encoding="utf-8")
    assert "120/KH-UBND" in page and "https://" not in page.split("<body", 1)[1][:2000]
    assert len(net.nodes) == 4  # the directive and its three implementers


def test_unknown_document_is_not_found(tmp_path: Path) -> None:
    g = lexgraph.build(EXAMPLES, tmp_path / "g.json.gz")
    with pytest.raises(lexgraph.NotFound):
        g.implementers("9999/QĐ-XYZ")
