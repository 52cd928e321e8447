"""Interactive HTML relationship graphs.

The page is ours: vis-network is inlined from the copy pyvis bundles (read as a file: pyvis
itself, with its IPython and Jinja imports, is never imported; no CDN, opens from ``file://``),
and every string taken from an article is embedded as escaped JSON and put on the page as text
(``textContent``), never as HTML. :class:`Network` holds vis-network's node and edge records.
"""

from __future__ import annotations

import html
import importlib.util
import json
import math
import random
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.facts import POLARITY_WORDS, FactView, pagerank
from kg.fileio import write_text
from kg.layout import components, spring
from kg.options import SIZE_BY

if TYPE_CHECKING:
    import networkx as nx
    from rdflib import Graph

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


@dataclass
class Network:
    """What the page draws: vis-network's node and edge records, and its options.

    Each evidence sentence is in ``sentences`` once; an edge's evidence records name it by its
    index there (``"s"``), so a sentence stating many facts is not copied into each of them.
    """

    nodes: list[dict] = field(default_factory=list)
    edges: list[dict] = field(default_factory=list)
    options: dict = field(default_factory=dict)
    sentences: list[str] = field(default_factory=list)

    @property
    def node_ids(self) -> list[str]:
        return [n["id"] for n in self.nodes]


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


def _sizes(view: FactView, size_by: str) -> dict[str, float]:
    if size_by not in SIZE_BY:
        raise ValueError(f"size_by must be one of {', '.join(SIZE_BY)}, not {size_by!r}")
    if size_by == "pagerank":
        scores: dict[str, float] = pagerank(view.neighbours(only_asserted=True))
    else:  # how many distinct entities each has a fact with
        scores = {n: len(near) for n, near in view.neighbours().items()}
    top = max(scores.values(), default=0) or 1
    return {n: round(10 + 30 * math.sqrt(scores[n] / top), 1) for n in view}


def positions(graph: FactView | nx.MultiDiGraph, nodes: list[str], seed: int = 7) -> dict[str, tuple[float, float]]:
    """Starting positions: components packed in rows, largest first, each in a square of side
    ``SPACING * sqrt(size)``; two or three entities on a circle, components of up to 150
    entities laid out by a spring layout (:func:`kg.layout.spring`, 30 iterations), larger ones
    scattered for the browser's physics to settle.
    """
    view = FactView.of(graph)
    ends = [(s, o) for s, o, _ in view.edges]
    rng = random.Random(seed)
    width = SPACING * math.sqrt(len(nodes)) * 1.5
    x = y = row = 0.0
    placed: dict[str, tuple[float, float]] = {}
    for component in components(nodes, ends):
        side = SPACING * math.sqrt(len(component))
        if x and x + side > width:
            x, y, row = 0.0, y + row, 0.0
        if len(component) <= 3:  # what a spring layout would settle on, without its cost
            turn = 2 * math.pi / len(component)
            local = {n: (math.cos(k * turn), math.sin(k * turn)) if len(component) > 1 else (0.0, 0.0)
                     for k, n in enumerate(component)}
        elif len(component) <= 150:
            members = set(component)
            local = spring(component, [(s, o) for s, o in ends if s in members], iterations=30, seed=seed)
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


CORE_RELATIONS = ("endorses", "recused_from", "appointed", "faces_in_runoff")
BIG = 100  # from this many drawn entities the page opens on the core relations only
_WEB_URL = re.compile(r"https?://[^\s<>\"'`\\]+", re.I)


def build_network(graph: FactView | nx.MultiDiGraph, size_by: str = "pagerank",
                  keep: frozenset[str] = frozenset()) -> Network:
    """The drawn records of the facts in a :class:`~kg.facts.FactView` or a :func:`kg.analysis.fact_graph`.

    Entities with no fact are left out unless in ``keep``. Node size follows ``size_by``
    (PageRank or degree); edge width the number of statements.
    """
    view = FactView.of(graph)
    sizes = _sizes(view, size_by)
    linked = view.linked()
    drawn = [n for n in sorted(view) if n in linked or n in keep]
    start = positions(view, drawn)
    net = Network()
    for node in drawn:
        info = view.nodes[node]
        color, shape = TYPE_STYLE.get(info["type"], TYPE_STYLE["Thing"])
        x, y = start[node]
        record = {"id": node, "label": info["label"], "type": info["type"], "aliases": info["aliases"],
                  "color": color, "shape": shape, "size": sizes[node], "x": x, "y": y}
        net.nodes.append(record)
    ordered = sorted(((s, o, data) for (s, o, _), data in view.edges.items()),
                     key=lambda e: (min(e[0], e[1]), max(e[0], e[1]), e[2]["relation"], e[2]["polarity"], e[0]))
    pairs = Counter(frozenset((s, o)) for s, o, _ in ordered)
    seen: Counter[frozenset] = Counter()
    sentence_index: dict[str, int] = {}
    for i, (s, o, data) in enumerate(ordered):
        asserted = data["polarity"] == "positive"
        evidence = data["evidence"]
        pair = frozenset((s, o))
        seen[pair] += 1
        record = {
            "id": i, "from": s, "to": o,
            "label": data["label"] if asserted else f"{data['label']} ({POLARITY_WORDS[data['polarity']]})",
            "relation": data["relation"], "relationLabel": data["label"], "asserted": asserted,
            "evidence": [{"s": sentence_index.setdefault(e.sentence, len(sentence_index)), "doc": _doc_name(e.doc),
                          "date": e.date, "confidence": e.confidence, "polarity": e.polarity} for e in evidence],
            "width": round(1 + 2 * math.log2(len(evidence)), 1) if evidence else 1,
            "dashes": not asserted, "color": {"color": "#666666" if asserted else "#c0392b", "highlight": "#222222"},
            "arrows": "" if data["symmetric"] else "to",
        }
        if pairs[pair] > 1:
            record["smooth"] = _fan(seen[pair] - 1, pairs[pair], flipped=s > o)
        net.edges.append(record)
    net.sentences = list(sentence_index)
    options = json.loads(json.dumps(_LARGE_OPTIONS if len(net.nodes) >= LARGE else _SMALL_OPTIONS))
    steps = STEP_BUDGET // max(1, len(net.nodes) + len(net.edges))
    options["physics"]["stabilization"]["iterations"] = max(25, min(300, steps))
    net.options = {**options, **_COMMON_OPTIONS}
    return net


def _doc_name(doc: str) -> str:
    """A document id fit to show: a file path is cut to its file name (the page never shows a local path)."""
    return re.split(r"[\\/]", doc.rstrip("/\\"))[-1] or doc


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) address with nothing that could break out of it, else ``None``."""
    if url and _WEB_URL.fullmatch(url.strip()):
        return url.strip()
    return None


def _sources(view: FactView) -> dict[str, dict]:
    """Each document's name as the page shows it: its title (else its id's file name) and a safe url."""
    docs: dict[str, dict] = {}
    for data in view.edges.values():
        for e in data["evidence"]:
            name = _doc_name(e.doc)
            if name not in docs:
                record = {"title": e.title or name}
                url = safe_url(e.url)
                if url:
                    record["url"] = url
                docs[name] = record
    return dict(sorted(docs.items()))


def counts(graph: FactView | nx.MultiDiGraph, net: Network) -> dict[str, int]:
    """What the graph holds and what the page draws, counted one way everywhere.

    ``facts`` are distinct asserted statements ``subject relation object`` (a symmetric relation
    once), ``unasserted`` the distinct denied, hypothetical or reported ones, ``statements``
    every sentence behind them; ``factless`` the entities mentioned without any fact.
    """
    view = FactView.of(graph)
    polarities = Counter(d["polarity"] == "positive" for d in view.edges.values())
    linked = view.linked()
    return {
        "entities": len(view),
        "facts": polarities[True],
        "unasserted": polarities[False],
        "statements": sum(len(d["evidence"]) for d in view.edges.values()),
        "factless": sum(1 for n in view if n not in linked),
        "drawnEntities": len(net.nodes),
        "drawnFacts": len(net.edges),
    }


def _json(data: object) -> str:
    """JSON safe inside a <script> element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _legend(net: Network) -> list[dict]:
    present = {n["type"] for n in net.nodes}
    return [{"type": name, "color": color, "glyph": GLYPHS[shape]} for name, (color, shape) in TYPE_STYLE.items() if name in present]


def _asset(name: str) -> str:
    """A file of the vis-network copy pyvis bundles, found without importing pyvis."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("pyvis (which bundles vis-network) is not installed")
    folder = Path(next(iter(spec.submodule_search_locations)))
    return (folder / "lib" / VIS_VERSION / name).read_text(encoding="utf-8")


def _own(name: str) -> str:
    return (resources.files("kg") / "web" / name).read_text(encoding="utf-8")


def render_html(net: Network, title: str = "kg graph", extra: dict | None = None) -> str:
    """A self-contained page: inline vis-network, the data as escaped JSON, controls and panels.

    ``extra`` adds to the embedded data (``counts``, ``docs``, ``keep``); :func:`page` fills it.
    """
    return "".join(_page_parts(net, title, extra))


def _page_parts(net: Network, title: str, extra: dict | None) -> Iterator[str]:
    """The page of :func:`render_html` in pieces, its data a slice of records at a time (a large
    graph's page is written without ever being one string)."""
    present = {e["relation"] for e in net.edges}
    core = [r for r in CORE_RELATIONS if r in present]
    data = {"title": title, "nodes": net.nodes, "edges": net.edges, "sentences": net.sentences,
            "options": net.options, "legend": _legend(net),
            "polarityWords": POLARITY_WORDS, "core": core, "big": len(net.nodes) >= BIG and bool(core),
            "docs": {}, "keep": [], "counts": {}, **(extra or {})}
    yield f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>{html.escape(title)}</title>
<style>{_asset("vis-network.css")}</style>
<style>{_own("graph.css")}</style>
<script>{_asset("vis-network.min.js")}</script>
</head>
<body>
{_own("graph.html")}
<script id="kg-data" type="application/json">"""
    yield from _json_parts(data)
    yield f"""</script>
<script>{_own("graph.js")}</script>
</body>
</html>
"""


SLICE = 500  # records of a long list encoded together


def _json_parts(data: dict[str, Any]) -> Iterator[str]:
    """:func:`_json` of ``data``, the same text, in pieces: a long list a slice at a time."""
    yield "{"
    for n, (key, value) in enumerate(data.items()):
        yield ("," if n else "") + _json(key) + ":"
        if isinstance(value, list) and len(value) > SLICE:
            yield "["
            for start in range(0, len(value), SLICE):
                yield ("," if start else "") + _json(value[start : start + SLICE])[1:-1]
            yield "]"
        else:
            yield _json(value)
    yield "}"


def _view(graph: Any) -> FactView:
    if isinstance(graph, FactView):
        return graph
    from rdflib import Graph

    if isinstance(graph, Graph):
        from kg.analysis import fact_graph

        graph = fact_graph(graph)
    return FactView.of(graph)


def page(graph: Graph | nx.MultiDiGraph | FactView, title: str = "kg graph", size_by: str = "pagerank",
         keep: frozenset[str] = frozenset()) -> Page:
    """The interactive page for an RDF graph written by kg, a fact graph or a :class:`~kg.facts.FactView`."""
    return Page("".join(_drawn(graph, title, size_by, keep)))


def _drawn(graph: Graph | nx.MultiDiGraph | FactView, title: str, size_by: str, keep: frozenset[str]) -> Iterator[str]:
    """The page's text in pieces."""
    facts = _view(graph)
    net = build_network(facts, size_by=size_by, keep=keep)
    extra = {"counts": counts(facts, net), "docs": _sources(facts), "keep": sorted(keep)}
    return _page_parts(net, title, extra)


def write_html(graph: Graph | nx.MultiDiGraph | FactView, path: str | Path, title: str = "kg graph", size_by: str = "pagerank",
               keep: frozenset[str] = frozenset()) -> Path:
    """Write the interactive graph to ``path`` (atomically): :func:`page`'s text, piece by piece."""
    return write_text(path, _drawn(graph, title, size_by, keep))
