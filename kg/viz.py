"""Interactive HTML relationship graphs: the one module that talks to pyvis.

pyvis holds the node and edge records and ships vis-network; the page itself is ours, so that
vis-network is inlined from pyvis's bundled copy (no CDN, opens from ``file://``) and every
string taken from an article is embedded as escaped JSON and put on the page as text
(``textContent``), never as HTML. Records are appended to the pyvis network directly:
``Network.add_node`` and ``add_edge`` scan lists on every call, which is quadratic.
"""

from __future__ import annotations

import html
import json
import math
import random
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import networkx as nx
from pyvis.network import Network
from rdflib import Graph

from kg.analysis import POLARITY_WORDS, degree, fact_graph, pagerank
from kg.fileio import write_text
from kg.options import SIZE_BY

TYPE_STYLE = {
    "Person": ("#4e79a7", "dot"),
    "Organization": ("#f28e2b", "square"),
    "Group": ("#edc948", "square"),
    "Place": ("#59a14f", "triangle"),
    "Position": ("#b07aa1", "diamond"),
    "Matter": ("#e15759", "box"),
    "Election": ("#76b7b2", "star"),
    "Thing": ("#9c9c9c", "dot"),
}
GLYPHS = {"dot": "●", "square": "■", "triangle": "▲", "diamond": "◆", "box": "▬", "star": "★"}
VIS_VERSION = "vis-9.1.2"
LARGE = 1000  # from this many nodes: straight edges and Barnes-Hut physics
STEP_BUDGET = 450_000  # stabilisation iterations x (nodes + edges): ~3 s of physics in headless Chromium
SPACING = 110  # pixels per node of a component's square

_SMALL_OPTIONS = {
    "physics": {
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -120, "springLength": 150, "avoidOverlap": 0.6},
        "stabilization": {"fit": True},
    },
    "edges": {"font": {"size": 11, "background": "#ffffffd0"}, "smooth": {"type": "continuous"}},
}
_LARGE_OPTIONS = {
    "physics": {
        "solver": "barnesHut",
        "barnesHut": {"gravitationalConstant": -8000, "springLength": 120, "avoidOverlap": 0, "theta": 0.9},
        "stabilization": {"updateInterval": 1000, "fit": True},
    },
    "layout": {"improvedLayout": False},
    "edges": {"font": {"size": 11, "background": "#ffffffd0"}, "smooth": False},
}
_COMMON_OPTIONS = {
    "nodes": {"font": {"size": 14}},
    "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": True},
}


@dataclass(frozen=True)
class Page:
    """A self-contained HTML page; in Jupyter it shows inline (a sandboxed ``<iframe srcdoc>``)."""

    html: str
    height: int = 640

    def _repr_html_(self) -> str:
        return (f'<iframe sandbox="allow-scripts" style="width:100%;height:{self.height}px;border:1px solid #ddd" '
                f'srcdoc="{html.escape(self.html, quote=True)}"></iframe>')

    def save(self, path: str | Path) -> Path:
        write_text(path, self.html)
        return Path(path)


def _sizes(graph: nx.MultiDiGraph, size_by: str) -> dict[str, float]:
    if size_by not in SIZE_BY:
        raise ValueError(f"size_by must be one of {', '.join(SIZE_BY)}, not {size_by!r}")
    scores = pagerank(graph) if size_by == "pagerank" else degree(graph)
    top = max(scores.values(), default=0) or 1
    return {n: round(10 + 30 * math.sqrt(scores[n] / top), 1) for n in graph}


def positions(graph: nx.MultiDiGraph, nodes: list[str], seed: int = 7) -> dict[str, tuple[float, float]]:
    """Starting positions: components packed in rows, largest first, each in a square of side
    ``SPACING * sqrt(size)``; components of up to 150 entities laid out by networkx's spring
    layout (30 iterations), larger ones scattered for the browser's physics to settle.
    """
    simple = nx.Graph()
    simple.add_nodes_from(nodes)
    simple.add_edges_from((s, o) for s, o in graph.edges() if s in simple and o in simple)
    components = sorted((sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c[0]))
    rng = random.Random(seed)
    width = SPACING * math.sqrt(len(nodes)) * 1.5
    x = y = row = 0.0
    placed: dict[str, tuple[float, float]] = {}
    for component in components:
        side = SPACING * math.sqrt(len(component))
        if x and x + side > width:
            x, y, row = 0.0, y + row, 0.0
        if len(component) <= 150:
            local = nx.spring_layout(simple.subgraph(component), iterations=30, seed=seed) if len(component) > 1 else {component[0]: (0, 0)}
        else:
            local = {n: (rng.uniform(-1, 1), rng.uniform(-1, 1)) for n in component}
        for node, (u, v) in local.items():
            placed[node] = (round(x + side / 2 + u * side / 2.5, 1), round(y + side / 2 + v * side / 2.5, 1))
        x, row = x + side, max(row, side)
    return placed


def _fan(k: int, m: int, flipped: bool) -> dict:
    """The curve of the ``k``-th of ``m`` edges between two nodes, so that parallel edges fan out."""
    offset = k - (m - 1) / 2
    clockwise = (offset >= 0) != flipped
    return {"enabled": True, "type": "curvedCW" if clockwise else "curvedCCW", "roundness": round(0.35 * abs(offset), 2)}


def build_network(graph: nx.MultiDiGraph, size_by: str = "pagerank", keep: frozenset[str] = frozenset()) -> Network:
    """A pyvis network of the facts in a :func:`kg.analysis.fact_graph`.

    Entities with no fact are left out unless in ``keep``. Node size follows ``size_by``
    (PageRank or degree); edge width the number of statements.
    """
    sizes = _sizes(graph, size_by)
    drawn = [n for n in sorted(graph) if graph.degree(n) or n in keep]
    start = positions(graph, drawn)
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    for node in drawn:
        info = graph.nodes[node]
        color, shape = TYPE_STYLE.get(info["type"], TYPE_STYLE["Thing"])
        x, y = start[node]
        record = {"id": node, "label": info["label"], "type": info["type"], "aliases": info["aliases"],
                  "color": color, "shape": shape, "size": sizes[node], "x": x, "y": y}
        net.nodes.append(record)
        net.node_ids.append(node)
        net.node_map[node] = record
    ordered = sorted(graph.edges(data=True), key=lambda e: (min(e[0], e[1]), max(e[0], e[1]), e[2]["relation"], e[2]["polarity"], e[0]))
    pairs = Counter(frozenset((s, o)) for s, o, _ in ordered)
    seen: Counter[frozenset] = Counter()
    for i, (s, o, data) in enumerate(ordered):
        asserted = data["polarity"] == "positive"
        evidence = data["evidence"]
        pair = frozenset((s, o))
        seen[pair] += 1
        record = {
            "id": i, "from": s, "to": o,
            "label": data["label"] if asserted else f"{data['label']} ({POLARITY_WORDS[data['polarity']]})",
            "relation": data["relation"], "relationLabel": data["label"], "asserted": asserted,
            "evidence": [{"sentence": e.sentence, "doc": e.doc, "date": e.date, "confidence": e.confidence,
                          "polarity": e.polarity} for e in evidence],
            "width": round(1 + 2 * math.log2(len(evidence)), 1) if evidence else 1,
            "dashes": not asserted, "color": {"color": "#666666" if asserted else "#c0392b", "highlight": "#222222"},
            "arrows": "" if data["symmetric"] else "to",
        }
        if pairs[pair] > 1:
            record["smooth"] = _fan(seen[pair] - 1, pairs[pair], flipped=s > o)
        net.edges.append(record)
    options = json.loads(json.dumps(_LARGE_OPTIONS if len(net.nodes) >= LARGE else _SMALL_OPTIONS))
    steps = STEP_BUDGET // max(1, len(net.nodes) + len(net.edges))
    options["physics"]["stabilization"]["iterations"] = max(25, min(300, steps))
    net.options = {**options, **_COMMON_OPTIONS}
    return net


def _asset(name: str) -> str:
    return (resources.files("pyvis") / "lib" / VIS_VERSION / name).read_text(encoding="utf-8")


def _json(data: object) -> str:
    """JSON safe inside a <script> element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _legend(net: Network) -> list[dict]:
    present = {n["type"] for n in net.nodes}
    return [{"type": name, "color": color, "glyph": GLYPHS[shape]} for name, (color, shape) in TYPE_STYLE.items() if name in present]


_SCRIPT = """
const data = JSON.parse(document.getElementById("kg-data").textContent);
function el(tag, text, cls) { const e = document.createElement(tag); if (text != null) e.textContent = text; if (cls) e.className = cls; return e; }
const byId = new Map(data.nodes.map(n => [n.id, n]));
for (const n of data.nodes) {
  const tip = el("div", null, "kg-tip"); tip.append(el("b", n.label), el("div", n.type, "kg-meta"));
  if (n.aliases.length) tip.append(el("div", "also: " + n.aliases.join(", ")));
  n.title = tip;
}
for (const e of data.edges) {
  const tip = el("div", null, "kg-tip");
  tip.append(el("b", byId.get(e.from).label + " — " + e.label + " — " + byId.get(e.to).label));
  for (const ev of e.evidence) {
    const item = el("div", null, "kg-ev");
    item.append(el("q", ev.sentence));
    const meta = [ev.doc, ev.date, "confidence " + ev.confidence].filter(Boolean);
    if (ev.polarity !== "positive") meta.push(data.polarityWords[ev.polarity]);
    item.append(el("div", meta.join(" · "), "kg-meta"));
    tip.append(item);
  }
  e.title = tip;
}
const state = {types: new Set(data.legend.map(t => t.type)), relations: new Set(data.edges.map(e => e.relation)), unasserted: true};
const nodes = new vis.DataSet(data.nodes), edges = new vis.DataSet(data.edges);
const nodeView = new vis.DataView(nodes, {filter: n => state.types.has(n.type)});
const edgeView = new vis.DataView(edges, {filter: e => state.relations.has(e.relation) && (state.unasserted || e.asserted)
  && state.types.has(byId.get(e.from).type) && state.types.has(byId.get(e.to).type)});
const network = new vis.Network(document.getElementById("graph"), {nodes: nodeView, edges: edgeView}, data.options);
window.kgNetwork = network;
window.kgData = {nodes, edges, nodeView, edgeView};
const status = document.getElementById("status");
function refresh() { nodeView.refresh(); edgeView.refresh(); status.textContent = nodeView.length + " entities, " + edgeView.length + " facts shown"; }
function checkbox(parent, label, checked, onchange, swatch) {
  const row = el("label", null, "kg-row"), box = el("input"); box.type = "checkbox"; box.checked = checked;
  box.addEventListener("change", () => { onchange(box.checked); refresh(); });
  row.append(box); if (swatch) row.append(swatch); row.append(el("span", label)); parent.append(row); return box;
}
const typeBoxes = new Map();
for (const t of data.legend) {
  const swatch = el("span", t.glyph, "kg-glyph"); swatch.style.color = t.color;
  const count = data.nodes.filter(n => n.type === t.type).length;
  typeBoxes.set(t.type, checkbox(document.getElementById("types"), t.type + " (" + count + ")", true,
    on => on ? state.types.add(t.type) : state.types.delete(t.type), swatch));
}
const relationLabels = new Map(data.edges.map(e => [e.relation, e.relationLabel]));
for (const [relation, label] of [...relationLabels].sort((a, b) => a[1].localeCompare(b[1]))) {
  const count = data.edges.filter(e => e.relation === relation).length;
  checkbox(document.getElementById("relations"), label + " (" + count + ")", true,
    on => on ? state.relations.add(relation) : state.relations.delete(relation));
}
checkbox(document.getElementById("polarity"), "denied, hypothetical, reported (dashed)", true, on => { state.unasserted = on; });
const list = document.getElementById("names");
for (const n of data.nodes) { const o = el("option"); o.value = n.label; list.append(o); }
document.getElementById("search").addEventListener("submit", ev => {
  ev.preventDefault();
  const q = document.getElementById("query").value.trim().toLowerCase();
  if (!q) return;
  const hit = data.nodes.find(n => n.label.toLowerCase() === q || n.aliases.some(a => a.toLowerCase() === q))
    || data.nodes.find(n => n.label.toLowerCase().includes(q));
  if (!hit) { status.textContent = "no entity matches"; return; }
  if (!state.types.has(hit.type)) { state.types.add(hit.type); typeBoxes.get(hit.type).checked = true; refresh(); }
  network.selectNodes([hit.id]);
  network.focus(hit.id, {scale: 1.3, animation: {duration: 400}});
  status.textContent = hit.label + " (" + hit.type + ")";
});
refresh();
function ready() { network.setOptions({physics: false}); document.body.dataset.ready = "1"; }
if (data.nodes.length) network.once("stabilizationIterationsDone", ready); else ready();
"""


def render_html(net: Network, title: str = "kg graph") -> str:
    """A self-contained page: inline vis-network, the data as escaped JSON, controls and a legend."""
    data = {"nodes": net.nodes, "edges": net.edges, "options": net.options, "legend": _legend(net),
            "polarityWords": POLARITY_WORDS}
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>{html.escape(title)}</title>
<style>{_asset("vis-network.css")}</style>
<style>
html, body {{ margin: 0; height: 100%; font-family: system-ui, sans-serif; }}
#graph {{ position: absolute; inset: 0; }}
#panel {{ position: absolute; top: 8px; left: 8px; max-height: calc(100% - 32px); overflow: auto; background: #fffe;
  padding: 8px 10px; border-radius: 6px; box-shadow: 0 1px 4px #0003; font-size: 13px; width: 250px; }}
#panel h1 {{ font-size: 14px; margin: 0 0 6px; overflow-wrap: anywhere; }}
#panel h2 {{ font-size: 12px; margin: 8px 0 2px; text-transform: uppercase; color: #555; }}
#panel input[type=search] {{ width: 100%; box-sizing: border-box; }}
.kg-row {{ display: block; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }}
.kg-glyph {{ display: inline-block; width: 1.2em; text-align: center; }}
#status {{ color: #555; margin-top: 6px; }}
div.vis-tooltip {{ white-space: normal; max-width: 460px; font-family: system-ui, sans-serif; font-size: 13px; }}
.kg-tip .kg-meta {{ color: #666; font-size: 12px; }}
.kg-tip .kg-ev {{ margin-top: 6px; }}
</style>
<script>{_asset("vis-network.min.js")}</script>
</head>
<body>
<div id="graph"></div>
<div id="panel">
<h1>{html.escape(title)}</h1>
<form id="search"><input id="query" type="search" list="names" placeholder="find an entity" aria-label="find an entity"><datalist id="names"></datalist></form>
<h2>Entity types</h2><div id="types"></div>
<h2>Relations</h2><div id="relations"></div>
<h2>Statements</h2><div id="polarity"></div>
<div id="status"></div>
</div>
<script id="kg-data" type="application/json">{_json(data)}</script>
<script>{_SCRIPT}</script>
</body>
</html>
"""


def page(graph: Graph | nx.MultiDiGraph, title: str = "kg graph", size_by: str = "pagerank",
         keep: frozenset[str] = frozenset()) -> Page:
    """The interactive page for an RDF graph written by kg, or for a fact graph."""
    facts = fact_graph(graph) if isinstance(graph, Graph) else graph
    return Page(render_html(build_network(facts, size_by=size_by, keep=keep), title))


def write_html(graph: Graph | nx.MultiDiGraph, path: str | Path, title: str = "kg graph", size_by: str = "pagerank",
               keep: frozenset[str] = frozenset()) -> Path:
    """Write the interactive graph to ``path`` (atomically)."""
    return page(graph, title, size_by, keep).save(path)
