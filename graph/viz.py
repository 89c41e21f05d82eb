"""Interactive, offline HTML views of the citation graph (pyvis + the project's template).

Why a template of our own: pyvis's templates load vis-network, bootstrap and tom-select
from CDNs (even with ``cdn_resources="in_line"``), so a page would not open on an offline
machine. ``graph/templates/viz.html`` inlines the vendored vis-network (``graph/vendor``,
version in ``VIS_NETWORK_VERSION``) and all the page's code.

Document text is untrusted. Every document-derived string reaches the page only as JSON
inside a ``<script type="application/json">`` block, with ``<``, ``>``, ``&`` and the JS
line separators escaped (so ``</script>`` cannot close the block), and the page's code
puts it into the DOM only through text nodes (``textContent``), never ``innerHTML``.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx
from pyvis.network import Network

from lexgraph.extractors.keys import fold, slug, split_key
from lexgraph.extractors.numbers import canonical_number
from lexgraph.graph.viz_layout import LEVEL_NAMES, compute_layout
from lexgraph.model import IMPLEMENTING_RELATIONS, RELATIONS

HERE = Path(__file__).resolve().parent
VENDOR = HERE / "vendor"
TEMPLATES = HERE / "templates"
VIS_NETWORK_VERSION = "10.1.5"  # npm pack vis-network (standalone UMD build)
PHYSICS_THRESHOLD = 300  # above this many nodes the page starts with physics off

LEVEL_COLOURS = {
    "central_party": "#c0392b",
    "central_state": "#d68910",
    "province": "#2471a3",
    "district": "#229954",
    "commune": "#7d3c98",
    None: "#7f8c8d",
}
# Shape by kind, chosen on the folded kind word (``Quyết định`` -> ``quyet dinh``).
KIND_SHAPES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("Resolution (Nghị quyết)", ("nghi quyet",), "star"),
    ("Directive (Chỉ thị)", ("chi thi",), "diamond"),
    ("Decision, regulation (Quyết định, Quy định)", ("quyet dinh", "quy dinh", "quy che"), "square"),
    ("Plan (Kế hoạch)", ("ke hoach",), "dot"),
    ("Programme, project (Chương trình, Đề án)", ("chuong trinh", "de an"), "hexagon"),
    ("Guidance, conclusion (Hướng dẫn, Kết luận)", ("huong dan", "ket luan", "thong bao"), "triangle"),
    ("Law, decree, circular (Luật, Nghị định ...)", ("luat", "nghi dinh", "thong tu", "phap lenh", "hien phap"), "triangleDown"),
    ("Other or unknown kind", (), "box"),
)  # fmt: skip
RELATION_STYLES: dict[str, dict[str, Any]] = {
    "implements": {"color": "#1b4f72", "width": 3, "dashes": False},
    "continues": {"color": "#117a65", "width": 2.5, "dashes": False},
    "based_on": {"color": "#935116", "width": 1.5, "dashes": [8, 4]},
    "guides": {"color": "#6c3483", "width": 1.5, "dashes": [2, 4]},
    "amends": {"color": "#b03a2e", "width": 1.5, "dashes": [10, 3, 2, 3]},
    "replaces": {"color": "#b03a2e", "width": 2, "dashes": [12, 4]},
    "repeals": {"color": "#78281f", "width": 2, "dashes": [4, 4]},
    "corrects": {"color": "#7b7d7d", "width": 1, "dashes": [2, 2]},
    "consolidates": {"color": "#7b7d7d", "width": 1, "dashes": [6, 2]},
    "cites": {"color": "#a6acaf", "width": 1, "dashes": [1, 3]},
}
OTHER_RELATION = {"color": "#a6acaf", "width": 1, "dashes": [1, 3]}


class VizError(ValueError):
    """A selection that cannot be drawn (unknown or ambiguous document, empty graph)."""


def kind_shape(kind: str | None) -> str:
    folded = fold(kind or "")
    for _, prefixes, shape in KIND_SHAPES:
        if any(folded.startswith(p) for p in prefixes):
            return shape
    return "box"


def script_json(value: Any) -> str:
    """JSON safe to place inside a ``<script>`` element: no ``</script>``, no ``<!--``."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):  # fmt: skip
        text = text.replace(char, escape)
    return text


# --- choosing what to draw -------------------------------------------------------------


def find_keys(graph: nx.MultiDiGraph, text: str) -> list[str]:
    """Keys the user may mean: an exact key, else every document with that number.

    ``33/CT-TTg`` -> all years; ``33/CT-TTg@2021`` or ``33/CT-TTg 2021`` -> that year.
    """
    text = text.strip()
    if text in graph:
        return [text]
    number, _, year = text.partition("@")
    if not year and " " in number.strip():
        number, _, year = number.strip().rpartition(" ")
    wanted = fold(canonical_number(number))
    found = []
    for key in graph:
        head, key_year, _ = split_key(key)
        if fold(canonical_number(head)) == wanted and (not year or key_year == year.strip()):
            found.append(key)
    return sorted(found)


def _reach(graph: nx.MultiDiGraph, start: str, relations: set[str] | None, up: bool) -> set[str]:
    """Documents reachable from ``start`` along edges of ``relations`` (None: any)."""
    seen, todo = {start}, [start]
    while todo:
        key = todo.pop()
        edges = (
            graph.out_edges(key, data="relation") if up else graph.in_edges(key, data="relation")
        )
        for u, v, relation in edges:
            other = v if up else u
            if other not in seen and (relations is None or relation in relations):
                seen.add(other)
                todo.append(other)
    return seen


def select(
    graph: nx.MultiDiGraph,
    key: str | None = None,
    *,
    down: bool = False,
    up: bool = False,
    province: str | None = None,
    via: Iterable[str] | None = IMPLEMENTING_RELATIONS,
) -> nx.MultiDiGraph:
    """The part of ``graph`` to draw.

    ``key`` with ``down``: it and every document that implements it, to any depth (edges
    point citing -> cited, so these are its ancestors along ``via`` relations); with
    ``up``: what it implements, to the root; with neither: its direct neighbours.
    ``province``: that province's documents and what they cite. Neither: everything.
    Edges are all edges among the chosen documents (relations can be hidden on the page).
    """
    relations = None if via is None else set(via)
    keep: set[str] = set(graph) if key is None and not province else set()
    if key is not None:
        matches = find_keys(graph, key)
        if not matches:
            raise VizError(f"no document {key!r} in the graph")
        if len(matches) > 1:
            raise VizError(f"{key!r} is ambiguous: {', '.join(matches)}; give the full key")
        start = matches[0]
        keep.add(start)
        if down:
            keep |= _reach(graph, start, relations, up=False)
        if up:
            keep |= _reach(graph, start, relations, up=True)
        if not down and not up:
            keep |= set(graph.successors(start)) | set(graph.predecessors(start))
    if province:
        wanted = slug(province)
        local = {
            k for k, a in graph.nodes(data=True)
            if (a.get("province") and slug(a["province"]) == wanted)
            or (split_key(k)[2] or "").split("/")[0] == wanted
        }  # fmt: skip
        if not local:
            raise VizError(f"no document of province {province!r} in the graph")
        if key is None:  # the province's documents and what they cite
            keep = local | {cited for k in local for cited in graph.successors(k)}
        else:  # the lineage, restricted to the province (and the document itself)
            keep = (keep & local) | {start}
    return _induced(graph, keep)


def _induced(graph: Any, keep: set[str]) -> Any:
    """The sub-graph on ``keep`` in the graph's own node and edge order. Why not
    ``graph.subgraph(keep).copy()``: a view over a set iterates in the set's order, which
    follows string hashing and changes from run to run, and so would the page."""
    sub = graph.__class__()
    sub.graph.update(graph.graph)
    ordered = [n for n in graph if n in keep]
    sub.add_nodes_from((n, dict(graph.nodes[n])) for n in ordered)
    sub.add_edges_from(
        (u, v, k, dict(d)) for u, v, k, d in graph.edges(ordered, keys=True, data=True)
        if v in keep
    )  # fmt: skip
    return sub


# --- the pyvis network ------------------------------------------------------------------


def _node_card(key: str, attrs: dict[str, Any], graph: nx.MultiDiGraph) -> list[list[str]]:
    rows = [
        ("Kind", attrs.get("kind")), ("Number", attrs.get("number")), ("Issuer", attrs.get("issuer")),
        ("Date", attrs.get("date") or attrs.get("year")), ("Title", attrs.get("title")),
        ("Level", LEVEL_NAMES.get(attrs.get("level")) if attrs.get("level") else None),
        ("Province", attrs.get("province")), ("District", attrs.get("district")),
        ("Signer", attrs.get("signer")), ("Key", key),
        ("In corpus", "yes (ingested)" if attrs.get("ingested") else "no (only referenced)"),
        ("Cites", str(graph.out_degree(key))), ("Cited by", str(graph.in_degree(key))),
    ]  # fmt: skip
    return [[name, str(value)] for name, value in rows if value not in (None, "")]


def _edge_card(u: str, v: str, attrs: dict[str, Any]) -> list[list[str]]:
    sources = attrs.get("sources") or []
    rows = [
        ("Relation", attrs.get("relation")), ("From", u), ("To", v),
        ("Scope", attrs.get("scope")), ("Section", attrs.get("section")),
        ("Evidence", "stated by another document" if attrs.get("kind") == "assertion" else "citation"),
        ("Stated in", ", ".join(map(str, sources)) if attrs.get("kind") == "assertion" else None),
        ("Quote", attrs.get("quote")),
    ]  # fmt: skip
    return [[name, str(value)] for name, value in rows if value not in (None, "")]


def _label(key: str, attrs: dict[str, Any]) -> str:
    number = attrs.get("number") or split_key(key)[0]
    year = attrs.get("year") or split_key(key)[1]
    return f"{number}\n{year}" if year and str(year) != "?" and str(year) not in number else number


class VizNetwork(Network):
    """A pyvis Network that renders with the project's offline template.

    ``write_html(path)`` writes a self-contained UTF-8 page; in Jupyter the object shows
    itself inline (an ``<iframe srcdoc>``, so the page's script runs isolated).
    """

    page_title: str = "lexgraph"
    guides: dict[str, Any]
    physics_on: bool = False

    def generate_html(
        self, name: str = "index.html", local: bool = True, notebook: bool = False
    ) -> str:
        return render_page(self)

    def write_html(self, name: str | Path, local: bool = True, notebook: bool = False,
                   open_browser: bool = False) -> None:  # fmt: skip
        self.html = render_page(self)
        Path(name).write_text(self.html, encoding="utf-8")

    def show(self, name: str | Path, notebook: bool = False, **_: Any) -> None:
        self.write_html(name)

    def _repr_html_(self) -> str:
        page = html.escape(render_page(self), quote=True)
        return (f'<iframe srcdoc="{page}" style="width:100%;height:{self.height};border:0" '
                'sandbox="allow-scripts"></iframe>')  # fmt: skip


def to_network(graph: nx.MultiDiGraph, *, layout: str = "level", physics: bool | None = None,
               title: str = "lexgraph") -> VizNetwork:  # fmt: skip
    """Build the pyvis Network (positions, styles, evidence cards) for ``graph`` as is."""
    placed = compute_layout(graph, layout)
    net = VizNetwork(height="100vh", width="100%", directed=True, cdn_resources="remote")
    net.page_title = title
    if physics is None:  # time layout: both axes carry meaning, so physics stays off
        physics = layout == "level" and len(graph) <= PHYSICS_THRESHOLD
    net.physics_on = physics
    for key, attrs in graph.nodes(data=True):
        x, y = placed.positions[key]
        colour = LEVEL_COLOURS.get(attrs.get("level"), LEVEL_COLOURS[None])
        ingested = bool(attrs.get("ingested"))
        searchable = " ".join(
            str(attrs.get(f) or "") for f in ("number", "title", "issuer", "province", "kind")
        )
        net.add_node(
            key, label=_label(key, attrs), shape=kind_shape(attrs.get("kind")),
            color={"background": colour if ingested else "#ffffff", "border": colour,
                   "highlight": {"background": colour if ingested else "#fdfefe", "border": "#17202a"}},
            borderWidth=1 if ingested else 2.5,
            shapeProperties={"borderDashes": False if ingested else [4, 3]},
            size=16 if ingested else 12, x=x, y=y, fixed={placed.fixed_axis: True},
            font={"color": "#17202a" if ingested else "#566573", "size": 13},
            docLevel=attrs.get("level"), ingested=ingested, card=_node_card(key, attrs, graph),
            fold=fold(f"{key} {searchable}"),
        )  # fmt: skip
    pair_count: dict[tuple[str, str], int] = {}
    for u, v, k, attrs in graph.edges(keys=True, data=True):
        relation = attrs.get("relation") or "cites"
        style = RELATION_STYLES.get(relation, OTHER_RELATION)
        pair = (min(u, v), max(u, v))
        nth = pair_count.get(pair, 0)
        pair_count[pair] = nth + 1
        smooth: Any = False
        if nth:  # parallel edges (several mentions) fan out instead of overlapping
            smooth = {"enabled": True, "type": "curvedCW" if nth % 2 else "curvedCCW",
                      "roundness": 0.15 * ((nth + 1) // 2)}  # fmt: skip
        # Appending the edge dict directly: pyvis's add_edge rescans the node list per edge.
        net.edges.append({
            "id": f"{u}\x1f{v}\x1f{k}", "from": u, "to": v, "arrows": "to", "relation": relation,
            "color": {"color": style["color"], "highlight": "#17202a", "hover": "#17202a"},
            "width": style["width"], "dashes": style["dashes"], "smooth": smooth,
            "assertion": attrs.get("kind") == "assertion", "card": _edge_card(u, v, attrs),
        })  # fmt: skip
    net.guides = {"bands": placed.bands, "ticks": placed.ticks, "layout": layout}
    return net


def vis_options(net: VizNetwork) -> dict[str, Any]:
    large = len(net.nodes) > PHYSICS_THRESHOLD
    return {
        "physics": {
            "enabled": net.physics_on, "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -9000, "centralGravity": 0.02, "springLength": 220,
                          "springConstant": 0.01, "avoidOverlap": 1},
            "stabilization": {"enabled": True, "iterations": 150, "updateInterval": 50},
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": large,
                        "hideEdgesOnZoom": large, "navigationButtons": False, "keyboard": False,
                        "multiselect": False},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.6}}, "selectionWidth": 2},
        "nodes": {"scaling": {"label": {"drawThreshold": 6}}},
        "layout": {"improvedLayout": False, "randomSeed": 1},
    }  # fmt: skip


def legend() -> dict[str, Any]:
    return {
        "levels": [[LEVEL_NAMES[k], c] for k, c in LEVEL_COLOURS.items()],
        "kinds": [[name, shape] for name, _, shape in KIND_SHAPES],
        "relations": {r: RELATION_STYLES[r] for r in RELATIONS},
    }


def render_page(net: VizNetwork) -> str:
    """The whole page: template + inlined vis-network + the graph as escaped JSON."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape
    from markupsafe import Markup

    script = (VENDOR / "vis-network.min.js").read_text(encoding="utf-8")
    style = (VENDOR / "vis-network.min.css").read_text(encoding="utf-8")
    app = (TEMPLATES / "viz.js").read_text(encoding="utf-8")
    for name, text, closer in (("vis-network.min.js", script, "</script"),
                               ("viz.js", app, "</script"), ("vis-network.min.css", style, "</style")):  # fmt: skip
        if closer in text.lower() or "<!--" in text:
            raise RuntimeError(f"{name} cannot be inlined: it contains {closer} or <!--")
    relations_present = sorted({e["relation"] for e in net.edges}, key=_relation_rank)
    data = {
        "nodes": net.nodes, "edges": net.edges, "options": vis_options(net),
        "guides": getattr(net, "guides", {"bands": [], "ticks": []}), "legend": legend(),
        "relations": [[r, sum(1 for e in net.edges if e["relation"] == r)] for r in relations_present],
        "title": net.page_title, "physics": net.physics_on,
    }  # fmt: skip
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
    return env.get_template("viz.html").render(
        title=net.page_title, vis_js=Markup(script), vis_css=Markup(style), app_js=Markup(app),
        data_json=Markup(script_json(data)), vis_version=VIS_NETWORK_VERSION,
        node_count=len(net.nodes), edge_count=len(net.edges),
    )  # fmt: skip


def page_title(
    key: str | None, *, down: bool = False, up: bool = False, province: str | None = None
) -> str:
    """The default page title: what the selection of :func:`select` shows."""
    what = key or (f"province {province}" if province else "whole graph")
    return (
        f"lexgraph: {what}" + (" (implementers)" if down else "") + (" (lineage up)" if up else "")
    )


def _relation_rank(relation: str) -> tuple[int, str]:
    return (RELATIONS.index(relation) if relation in RELATIONS else len(RELATIONS), relation)


def viz(
    graph: nx.MultiDiGraph,
    key: str | None = None,
    *,
    down: bool = False,
    up: bool = False,
    province: str | None = None,
    via: Iterable[str] | None = IMPLEMENTING_RELATIONS,
    layout: str = "level",
    physics: bool | None = None,
    title: str | None = None,
    output: str | Path | None = None,
) -> VizNetwork:
    """Select, lay out and (when ``output`` is given) write the interactive page.

    Returns the pyvis Network; in Jupyter, leaving it as a cell's value shows it inline.
    """
    part = select(graph, key, down=down, up=up, province=province, via=via)
    if title is None:
        title = page_title(key, down=down, up=up, province=province)
    net = to_network(part, layout=layout, physics=physics, title=title)
    if output is not None:
        net.write_html(output)
    return net
