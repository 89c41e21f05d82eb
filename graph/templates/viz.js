// lexgraph viz page code. Document text is untrusted: it only ever reaches the DOM through
// textContent / createTextNode (never innerHTML), and tooltips are DOM elements.
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("lexgraph-data").textContent);
  var FADED = { background: "#f2f3f4", border: "#d5d8dc" };

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function card(rows) {
    var box = el("div", "lexgraph-card");
    rows.forEach(function (row) {
      if (row[0] === "Quote") {
        box.appendChild(el("span", "card-quote", row[1]));
        return;
      }
      var line = el("div", "card-row");
      line.appendChild(el("span", "card-name", row[0] + ":"));
      line.appendChild(document.createTextNode(row[1]));
      box.appendChild(line);
    });
    return box;
  }

  // Accent-insensitive folding, the same as lexgraph.extractors.keys.fold in Python.
  function fold(text) {
    return String(text).replace(/đ/g, "d").replace(/Đ/g, "D")
      .normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  var originalNode = {};
  var originalEdge = {};
  DATA.nodes.forEach(function (n) {
    n.title = card(n.card);
    originalNode[n.id] = { color: n.color, font: n.font };
  });
  DATA.edges.forEach(function (e) {
    e.title = card(e.card);
    originalEdge[e.id] = { color: e.color };
  });

  var nodes = new vis.DataSet(DATA.nodes);
  var edges = new vis.DataSet(DATA.edges);
  var container = document.getElementById("lexgraph-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, DATA.options);
  var hiddenRelations = {};

  var api = {
    network: network, nodes: nodes, edges: edges, ready: false, highlighted: null,
    nodeCount: function () { return nodes.length; },
    edgeCount: function () { return edges.length; },
    visibleEdgeCount: function () { return edges.get({ filter: function (e) { return !e.hidden; } }).length; }
  };
  window.lexgraph = api;

  network.once("afterDrawing", function () {
    api.ready = true;
    document.body.setAttribute("data-lexgraph-ready", "1");
  });
  // Band titles sit left of the leftmost document (recomputed once physics has settled).
  var labelX = 0;
  function leftmost(xs) { labelX = Math.min.apply(null, xs.concat([0])) - 60; }
  leftmost(DATA.nodes.map(function (n) { return n.x; }));
  if (DATA.physics) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      var pos = network.getPositions();
      leftmost(Object.keys(pos).map(function (k) { return pos[k].x; }));
      network.redraw();
    });
  }

  // Bands (levels) and year ticks drawn behind the graph: the layout explains itself.
  network.on("beforeDrawing", function (ctx) {
    var g = DATA.guides || {};
    ctx.save();
    ctx.font = "bold 16px sans-serif";
    ctx.fillStyle = "#99a3a4";
    (g.bands || []).forEach(function (b) {
      ctx.textAlign = "right";
      ctx.fillText(b.label, Math.min(labelX, b.x + 110), (b.top + b.bottom) / 2 + 5);
      ctx.strokeStyle = "#eaeded";
      ctx.beginPath(); ctx.moveTo(b.x - 150, b.top - 45); ctx.lineTo(Math.max(-b.x + 150, b.right || 0), b.top - 45); ctx.stroke();
    });
    var top = 0, bottom = 0;
    (g.bands || []).forEach(function (b) { top = Math.min(top, b.top - 60); bottom = Math.max(bottom, b.bottom + 40); });
    (g.ticks || []).forEach(function (t) {
      ctx.strokeStyle = "#eaeded";
      ctx.beginPath(); ctx.moveTo(t.x, top); ctx.lineTo(t.x, bottom); ctx.stroke();
      ctx.textAlign = "left";
      ctx.fillText(t.label, t.x + 4, top + 14);
    });
    ctx.restore();
  });

  // --- lineage highlight -------------------------------------------------------------
  function reach(start, up) {
    var seen = {}; seen[start] = true;
    var todo = [start];
    while (todo.length) {
      var id = todo.pop();
      var ids = network.getConnectedEdges(id);
      for (var i = 0; i < ids.length; i++) {
        var e = edges.get(ids[i]);
        if (!e || e.hidden) continue;
        var next = up ? (e.from === id ? e.to : null) : (e.to === id ? e.from : null);
        if (next !== null && !seen[next]) { seen[next] = true; todo.push(next); }
      }
    }
    return seen;
  }

  function highlightLineage(id) {
    var upSet = reach(id, true), downSet = reach(id, false), keep = {};
    Object.keys(upSet).forEach(function (k) { keep[k] = true; });
    Object.keys(downSet).forEach(function (k) { keep[k] = true; });
    nodes.update(nodes.getIds().map(function (n) {
      var o = originalNode[n];
      return keep[n] ? { id: n, color: o.color, font: o.font }
        : { id: n, color: FADED, font: { color: "#cacfd2" } };
    }));
    edges.update(edges.getIds().map(function (k) {
      var e = edges.get(k);
      var on = (upSet[e.from] && upSet[e.to]) || (downSet[e.from] && downSet[e.to]);
      return { id: k, color: on ? originalEdge[k].color : { color: "#eaeded", opacity: 0.4 } };
    }));
    api.highlighted = Object.keys(keep);
    return api.highlighted;
  }

  function resetHighlight() {
    nodes.update(nodes.getIds().map(function (n) { return { id: n, color: originalNode[n].color, font: originalNode[n].font }; }));
    edges.update(edges.getIds().map(function (k) { return { id: k, color: originalEdge[k].color }; }));
    api.highlighted = null;
  }

  network.on("click", function (params) {
    if (params.nodes.length) highlightLineage(params.nodes[0]);
    else if (!params.edges.length) resetHighlight();
  });
  api.highlightLineage = highlightLineage;
  api.resetHighlight = resetHighlight;

  // --- search -------------------------------------------------------------------------
  var results = document.getElementById("lexgraph-results");
  var input = document.getElementById("lexgraph-search");

  function search(query) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    if (!words.length) return [];
    var hits = [];
    DATA.nodes.forEach(function (n) {
      for (var i = 0; i < words.length; i++) if (n.fold.indexOf(words[i]) < 0) return;
      var exact = fold(n.id.split("@")[0]) === words.join(" ") ? 0 : 1;
      hits.push([exact, n.id]);
    });
    hits.sort(function (a, b) { return a[0] - b[0] || (a[1] < b[1] ? -1 : 1); });
    return hits.map(function (h) { return h[1]; });
  }

  function focusNode(id) {
    network.selectNodes([id]);
    network.focus(id, { scale: 1.2, animation: false });
    highlightLineage(id);
  }

  function showResults(query) {
    while (results.firstChild) results.removeChild(results.firstChild);
    var ids = search(query);
    ids.slice(0, 30).forEach(function (id) {
      var n = nodes.get(id);
      var item = el("li", "hit");
      item.setAttribute("data-id", id);
      item.appendChild(document.createTextNode(n.label.replace("\n", " ")));
      var title = n.card.filter(function (r) { return r[0] === "Title"; })[0];
      if (title) item.appendChild(el("span", "hit-title", title[1]));
      item.addEventListener("click", function () { focusNode(id); });
      results.appendChild(item);
    });
    if (ids.length > 30) results.appendChild(el("li", "hint", "… " + (ids.length - 30) + " more"));
    if (query && !ids.length) results.appendChild(el("li", "hint", "no document matches"));
    return ids;
  }

  input.addEventListener("input", function () { showResults(input.value); });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      var ids = showResults(input.value);
      if (ids.length) focusNode(ids[0]);
    }
  });
  api.search = search;
  api.focusNode = focusNode;

  // --- relation toggles ---------------------------------------------------------------
  var relBox = document.getElementById("lexgraph-relations");
  var boxes = {};

  function lineSample(style) {
    var svgNS = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(svgNS, "svg");
    svg.setAttribute("width", "34"); svg.setAttribute("height", "10"); svg.setAttribute("class", "line");
    var line = document.createElementNS(svgNS, "line");
    line.setAttribute("x1", "0"); line.setAttribute("y1", "5"); line.setAttribute("x2", "34"); line.setAttribute("y2", "5");
    line.setAttribute("stroke", style.color); line.setAttribute("stroke-width", String(style.width));
    if (style.dashes) line.setAttribute("stroke-dasharray", style.dashes.join(","));
    svg.appendChild(line);
    return svg;
  }

  function setRelationVisible(relation, visible) {
    hiddenRelations[relation] = !visible;
    if (boxes[relation]) boxes[relation].checked = visible;
    edges.update(edges.get({ filter: function (e) { return e.relation === relation; } })
      .map(function (e) { return { id: e.id, hidden: !visible }; }));
  }
  api.setRelationVisible = setRelationVisible;

  DATA.relations.forEach(function (pair) {
    var relation = pair[0];
    var row = el("label", "lexgraph-row");
    var box = el("input");
    box.type = "checkbox"; box.checked = true; box.setAttribute("data-relation", relation);
    box.addEventListener("change", function () { setRelationVisible(relation, box.checked); });
    boxes[relation] = box;
    row.appendChild(box);
    row.appendChild(lineSample(DATA.legend.relations[relation] || { color: "#a6acaf", width: 1, dashes: [1, 3] }));
    row.appendChild(el("span", null, relation.replace("_", " ")));
    row.appendChild(el("span", "count", pair[1]));
    relBox.appendChild(row);
  });
  document.getElementById("lexgraph-only-implements").addEventListener("click", function () {
    DATA.relations.forEach(function (p) { setRelationVisible(p[0], p[0] === "implements" || p[0] === "continues"); });
  });
  document.getElementById("lexgraph-all-relations").addEventListener("click", function () {
    DATA.relations.forEach(function (p) { setRelationVisible(p[0], true); });
  });

  // --- legend ---------------------------------------------------------------------------
  var SHAPES = { star: "★", diamond: "◆", square: "■", dot: "●", hexagon: "⬢", triangle: "▲", triangleDown: "▼", box: "▭" };
  var legendBox = document.getElementById("lexgraph-legend");
  DATA.legend.levels.forEach(function (pair) {
    var row = el("div", "lexgraph-row");
    var sw = el("span", "swatch"); sw.style.background = pair[1];
    row.appendChild(sw); row.appendChild(el("span", null, pair[0]));
    legendBox.appendChild(row);
  });
  DATA.legend.kinds.forEach(function (pair) {
    var row = el("div", "lexgraph-row");
    row.appendChild(el("span", "shape", SHAPES[pair[1]] || "●"));
    row.appendChild(el("span", null, pair[0]));
    legendBox.appendChild(row);
  });
  [["filled: in the corpus (ingested)", "#2471a3", "solid"], ["hollow, dashed border: only referenced", "#ffffff", "dashed"]]
    .forEach(function (t) {
      var row = el("div", "lexgraph-row");
      var sw = el("span", "swatch"); sw.style.background = t[1]; sw.style.border = "2px " + t[2] + " #2471a3";
      row.appendChild(sw); row.appendChild(el("span", null, t[0]));
      legendBox.appendChild(row);
    });
  var relLegend = el("div", "hint", "Edge styles by relation are shown next to the toggles above; an arrow points to the implemented or cited document.");
  legendBox.appendChild(relLegend);
})();
