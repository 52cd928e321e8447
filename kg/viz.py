"""Interactive HTML relationship graphs: the one module that talks to pyvis.

pyvis builds the node and edge records and the vis-network options; the page itself is ours, so
that vis-network is inlined from pyvis's bundled copy (no CDN, opens from ``file://``) and every
string taken from an article is embedded as escaped JSON and shown as text, never as HTML.
"""

from __future__ import annotations

import html
import json
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from pyvis.network import Network
from rdflib import Graph

from kg.fileio import write_text
from kg.ontology import relations

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
VIS_VERSION = "vis-9.1.2"

_ENTITIES = """
SELECT ?e ?label ?type (GROUP_CONCAT(?alias; SEPARATOR="|") AS ?aliases) WHERE {
  ?e rdfs:label ?label ; a ?type .
  FILTER(STRSTARTS(STR(?e), STR(ent:)) && STRSTARTS(STR(?type), STR(kg:)))
  OPTIONAL { ?e kg:mention ?alias }
} GROUP BY ?e ?label ?type
"""
_ASSERTIONS = """
SELECT ?s ?p ?o ?polarity ?sentence ?doc ?date ?confidence WHERE {
  ?a a kg:Assertion ; kg:subject ?s ; kg:predicate ?p ; kg:object ?o ; kg:polarity ?polarity ;
     kg:sentence ?sentence ; kg:confidence ?confidence ; prov:wasDerivedFrom ?d .
  OPTIONAL { ?d dcterms:identifier ?doc }
  OPTIONAL { ?a dcterms:date ?date }
}
"""


@dataclass
class EdgeData:
    source: str
    target: str
    relation: str
    positive: bool
    evidence: list[str] = field(default_factory=list)


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def network_data(graph: Graph) -> tuple[dict[str, dict], list[EdgeData]]:
    """Entities and relation edges (with evidence lines) read from a kg graph."""
    from kg.query import run

    entities = {}
    for row in run(graph, _ENTITIES):
        iri, label, rdf_type, aliases = (str(t) if t is not None else "" for t in row)
        entities[iri] = {"label": label, "type": _local(rdf_type), "aliases": sorted(set(filter(None, aliases.split("|"))))}
    catalogue = relations()
    edges: dict[tuple[str, str, str, bool], EdgeData] = {}
    for row in run(graph, _ASSERTIONS):
        s, p, o, polarity, sentence, doc, date, confidence = (str(t) if t is not None else "" for t in row)
        relation = _local(p)
        rel = catalogue.get(relation)
        if rel is not None and rel.symmetric and s > o:
            s, o = o, s
        positive = _local(polarity) == "positive"
        key = (s, relation, o, positive)
        edge = edges.setdefault(key, EdgeData(s, o, relation, positive))
        note = "" if positive else f"[{_local(polarity)}] "
        edge.evidence.append(f"{note}“{sentence}” ({doc}{', ' + date if date else ''}; confidence {confidence})")
    return entities, sorted(edges.values(), key=lambda e: (e.source, e.relation, e.target, e.positive))


def build_network(graph: Graph) -> Network:
    """A pyvis network of the graph's facts: nodes by type, edges by relation."""
    entities, edges = network_data(graph)
    used = {e.source for e in edges} | {e.target for e in edges}
    degree: dict[str, int] = defaultdict(int)
    for edge in edges:
        degree[edge.source] += 1
        degree[edge.target] += 1
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    for iri in sorted(used):
        info = entities.get(iri, {"label": _local(iri), "type": "Thing", "aliases": []})
        color, shape = TYPE_STYLE.get(info["type"], TYPE_STYLE["Thing"])
        title = f"{info['label']}\n{info['type']}"
        if info["aliases"]:
            title += "\nalso: " + ", ".join(info["aliases"])
        net.add_node(iri, label=info["label"], title=title, color=color, shape=shape,
                     size=12 + 4 * min(degree[iri], 8), group=info["type"])
    catalogue = relations()
    for edge in edges:
        rel = catalogue.get(edge.relation)
        label = rel.label if rel else edge.relation
        symmetric = bool(rel and rel.symmetric)
        title = f"{label}\n" + "\n".join(edge.evidence)
        net.add_edge(
            edge.source, edge.target, label=label if edge.positive else f"{label} (not asserted)",
            title=title, width=1 + min(len(edge.evidence), 6), dashes=not edge.positive,
            color="#555555" if edge.positive else "#c0392b",
            arrows="" if symmetric else "to", relation=edge.relation, asserted=edge.positive,
        )
    return net


def _asset(name: str) -> str:
    return (resources.files("pyvis") / "lib" / VIS_VERSION / name).read_text(encoding="utf-8")


def _json(data: object) -> str:
    """JSON safe inside a <script> element."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


_OPTIONS = {
    "physics": {
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 140},
        "stabilization": {"iterations": 300, "fit": True},
    },
    "edges": {"font": {"size": 11, "align": "middle"}, "smooth": {"type": "continuous"}},
    "nodes": {"font": {"size": 14}},
    "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False},
}


def render_html(net: Network, title: str = "kg graph") -> str:
    """A self-contained page: inline vis-network, escaped data, a legend."""
    nodes, edges = net.nodes, net.edges
    legend = "".join(
        f'<span class="key"><i style="background:{color}"></i>{html.escape(name)}</span>'
        for name, (color, _) in TYPE_STYLE.items()
        if any(n.get("group") == name for n in nodes)
    )
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
#legend {{ position: absolute; top: 8px; left: 8px; background: #fffc; padding: 6px 10px; border-radius: 6px; font-size: 13px; }}
#legend .key {{ margin-right: 10px; white-space: nowrap; }}
#legend i {{ display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 4px; }}
div.vis-tooltip {{ white-space: pre-wrap; max-width: 480px; }}
</style>
<script>{_asset("vis-network.min.js")}</script>
</head>
<body>
<div id="graph"></div>
<div id="legend"><strong>{html.escape(title)}</strong><br>{legend}<br><span class="key">dashed red: denied, hypothetical or reported</span></div>
<script>
const nodes = new vis.DataSet({_json(nodes)});
const edges = new vis.DataSet({_json(edges)});
const network = new vis.Network(document.getElementById("graph"), {{nodes, edges}}, {_json(_OPTIONS)});
network.once("stabilizationIterationsDone", () => {{ network.setOptions({{physics: false}}); document.body.dataset.ready = "1"; }});
window.kgNetwork = network;
</script>
</body>
</html>
"""


def write_html(graph: Graph, path: str | Path, title: str = "kg graph") -> Path:
    """Write the interactive graph of ``graph`` to ``path`` (atomically)."""
    write_text(path, render_html(build_network(graph), title))
    return Path(path)
