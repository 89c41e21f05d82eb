"""Node positions for the interactive graph, computed in Python.

Why here and not in the browser: vis-network's physics and hierarchical layout take
seconds to minutes on thousands of nodes, while a banded layout computed once in Python
is instant, deterministic (the same graph gives the same picture) and self-explaining:
one horizontal band per administrative level (central Party at the top, communes at the
bottom), or a time axis (``time``) with the same bands.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import networkx as nx

from lexgraph.model import LEVELS

LEVEL_NAMES = {
    "central_party": "Central Party",
    "central_state": "Central State",
    "province": "Province",
    "district": "District",
    "commune": "Commune",
    None: "Level unknown",
}
BAND_ORDER: tuple[str | None, ...] = (*LEVELS, None)
COL_W = 150  # horizontal distance between neighbours in a band
ROW_H = 70  # vertical distance between rows of a band
BAND_GAP = 160  # extra space between bands
MAX_COLS = 40  # a band wider than this wraps into several rows
LAYOUTS = ("level", "time")


@dataclass
class Layout:
    """Positions plus the guides drawn behind the graph (band titles, year ticks)."""

    positions: dict[str, tuple[float, float]] = field(default_factory=dict)
    bands: list[dict[str, Any]] = field(default_factory=list)  # {label, y, top, bottom}
    ticks: list[dict[str, Any]] = field(default_factory=list)  # {label, x}
    fixed_axis: str = "y"  # the axis physics must not move (small graphs only)


def band_of(attrs: dict[str, Any]) -> str | None:
    level = attrs.get("level")
    return level if level in LEVELS else None


def node_date(attrs: dict[str, Any]) -> date | None:
    """The document's date, else mid-year of its year, else None."""
    value = attrs.get("date")
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            pass
    year = attrs.get("year")
    if isinstance(year, int) and 1900 <= year <= 2100:
        return date(year, 7, 1)
    return None


def _sort_text(value: Any) -> str:
    return "" if value is None else str(value)


def _by_band(graph: nx.MultiDiGraph) -> dict[str | None, list[str]]:
    bands: dict[str | None, list[str]] = {b: [] for b in BAND_ORDER}
    for key, attrs in graph.nodes(data=True):
        bands[band_of(attrs)].append(key)
    return {b: keys for b, keys in bands.items() if keys}


def layout_level(graph: nx.MultiDiGraph) -> Layout:
    """Bands by level; within a band, documents sit under what they implement.

    Order inside a band: by province (so a province's documents cluster), then by the
    mean position of the documents already placed above that they cite (a barycentre
    pass, which removes most crossings), then by date.
    """
    result = Layout(fixed_axis="y")
    placed: dict[str, float] = {}  # key -> x, for the barycentre of later bands
    top = 0.0
    for band, keys in _by_band(graph).items():
        local = band in ("province", "district", "commune")
        keys = sorted(keys, key=lambda k, local=local: _band_order(graph, placed, k, local))
        cols = min(len(keys), MAX_COLS)
        rows = math.ceil(len(keys) / cols)
        for i, key in enumerate(keys):
            row, col = divmod(i, cols)
            x = (col - (cols - 1) / 2) * COL_W
            y = top + row * ROW_H
            result.positions[key] = (x, y)
            placed[key] = x
        bottom = top + (rows - 1) * ROW_H
        result.bands.append({"label": LEVEL_NAMES[band], "top": top, "bottom": bottom,
                             "x": -(cols - 1) / 2 * COL_W - COL_W})  # fmt: skip
        top = bottom + ROW_H + BAND_GAP
    return result


def _band_order(
    graph: nx.MultiDiGraph, placed: dict[str, float], key: str, local: bool
) -> tuple[Any, ...]:
    attrs = graph.nodes[key]
    near = [placed[n] for n in _neighbours(graph, key) if n in placed]
    bary = sum(near) / len(near) if near else math.inf
    return (
        _sort_text(attrs.get("province")) if local else "",
        _sort_text(attrs.get("district")) if local else "",
        bary,
        _sort_text(attrs.get("date")),
        key,
    )


def _neighbours(graph: nx.MultiDiGraph, key: str) -> set[str]:
    return set(graph.successors(key)) | set(graph.predecessors(key))


def layout_time(graph: nx.MultiDiGraph) -> Layout:
    """x = the document's date, y = its level band; undated documents in a left column."""
    result = Layout(fixed_axis="x")
    dated = {k: d for k, a in graph.nodes(data=True) if (d := node_date(a)) is not None}
    if dated:
        first, last = min(dated.values()), max(dated.values())
        span_days = max((last - first).days, 1)
    else:
        first, span_days = date(2000, 1, 1), 1
    width = min(max(len(graph) * 30, 1200), 14000)
    scale = width / span_days
    undated_x = -COL_W * 2

    def x_of(key: str) -> float:
        d = dated.get(key)
        return undated_x if d is None else (d - first).days * scale

    top = 0.0
    for band, keys in _by_band(graph).items():
        # Stack documents whose dates fall in the same column so they never overlap.
        stacks: dict[int, int] = {}
        rows = 1
        for key in sorted(keys, key=lambda k: (x_of(k), k)):
            x = x_of(key)
            column = round(x / (COL_W * 0.8))
            row = stacks.get(column, 0)
            stacks[column] = row + 1
            rows = max(rows, row + 1)
            result.positions[key] = (x, top + row * ROW_H * 0.8)
        bottom = top + (rows - 1) * ROW_H * 0.8
        result.bands.append({"label": LEVEL_NAMES[band], "top": top, "bottom": bottom,
                             "x": undated_x - COL_W * 2, "right": width + COL_W})  # fmt: skip
        top = bottom + ROW_H + BAND_GAP
    if dated:
        for year in range(first.year, last.year + 2):
            x = (date(year, 1, 1) - first).days * scale
            if -COL_W <= x <= width + COL_W:
                result.ticks.append({"label": str(year), "x": x})
    if len(dated) < len(graph):
        result.ticks.append({"label": "no date", "x": undated_x})
    return result


def compute_layout(graph: nx.MultiDiGraph, layout: str = "level") -> Layout:
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; choose one of {', '.join(LAYOUTS)}")
    return layout_level(graph) if layout == "level" else layout_time(graph)
