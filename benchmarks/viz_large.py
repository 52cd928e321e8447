"""How long a large graph takes to write as HTML and to become interactive in headless Chromium.

A synthetic graph (default 5,000 entities, 10,000 facts, 1-3 evidence sentences each) is built
through kg's own RDF layer, read back as a fact graph, written with kg.viz, and opened from
file:// in Debian's Chromium (if installed) until the page sets ``body[data-ready]``.
Goals: write < 2 s, interactive < 10 s.

    .venv/bin/python benchmarks/viz_large.py [--nodes 5000] [--edges 10000]
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from pathlib import Path

from kg.analysis import fact_graph
from kg.graph import KnowledgeGraph
from kg.model import ENTITY_TYPES, Entity, Evidence, Fact
from kg.ontology import relations
from kg.viz import build_network, write_html

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]


def synthetic(nodes: int, edges: int, seed: int = 5) -> KnowledgeGraph:
    """``nodes`` entities, ``edges`` statements (some repeat a fact), ~15% not asserted."""
    rng = random.Random(seed)
    entities = [Entity(f"Entity {i}", ENTITY_TYPES[i % len(ENTITY_TYPES)]) for i in range(nodes)]
    names = sorted(relations())
    kg = KnowledgeGraph()
    for i in range(edges):
        # every entity takes part; then a few hubs take most facts, as in news
        s = entities[i] if i < nodes else entities[min(int(rng.paretovariate(0.6)) - 1, nodes - 1)]
        o = entities[(i + 1 + rng.randrange(nodes - 1)) % nodes]
        relation = rng.choice(names)
        polarity = "positive" if rng.random() < 0.85 else rng.choice(["negative", "hypothetical", "reported"])
        for k in range(rng.choice((1, 1, 2, 3))):
            sentence = f"{s.label} and {o.label} appear in sentence {i}.{k} <b>with markup</b>."
            kg.add_fact(Fact(s, relation, o, Evidence(f"doc{i % 500}", sentence, k * 100, k * 100 + len(sentence),
                                                                "t", "verb", 0.8, polarity, f"2020-{1 + i % 12:02d}-01")))
    return kg


def time_to_interactive(path: Path) -> float | None:
    chromium = shutil.which("chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if chromium is None:
        return None
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        start = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_selector("body[data-ready]", timeout=120_000)
        seconds = time.perf_counter() - start
        counts = page.evaluate("[kgNetwork.body.nodeIndices.length, kgNetwork.body.edgeIndices.length]")
        print(f"drawn:               {counts[0]} nodes, {counts[1]} edges (of {len(page.evaluate('kgData.edges.getIds()'))} facts)")
        hub = page.evaluate("kgData.nodes.get().reduce((a, b) => (b.size > a.size ? b : a)).label")
        start = time.perf_counter()
        page.fill("#query", hub)
        page.press("#query", "Enter")
        page.wait_for_selector("#details h2")
        print(f"open the details:    {time.perf_counter() - start:.2f} s (search, panel, dim the rest)")
        toggle = page.get_by_label("only the", exact=False)
        if toggle.count():
            done = int(page.evaluate("document.body.dataset.layouts"))
            start = time.perf_counter()
            toggle.uncheck()
            while int(page.evaluate("document.body.dataset.layouts")) <= done:  # polled from here: the CSP forbids eval
                page.wait_for_timeout(100)
            counts = page.evaluate("[kgNetwork.body.nodeIndices.length, kgNetwork.body.edgeIndices.length]")
            print(f"all relations:       {time.perf_counter() - start:.2f} s to draw {counts[0]} nodes, {counts[1]} edges and lay them out")
        browser.close()
    return seconds


def pyvis_add_calls(graph) -> float:
    """Seconds pyvis's own ``add_node``/``add_edge`` take for the same records (what kg bypasses)."""
    from pyvis.network import Network

    records = build_network(graph)
    start = time.perf_counter()
    net = Network(directed=True)
    for node in records.nodes:
        net.add_node(node["id"], **{k: v for k, v in node.items() if k != "id"})
    for edge in records.edges:
        net.add_edge(edge["from"], edge["to"], **{k: v for k, v in edge.items() if k not in ("from", "to")})
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--edges", type=int, default=10000)
    parser.add_argument("--compare-pyvis", action="store_true", help="also time pyvis's add_node/add_edge (slow)")
    args = parser.parse_args()
    kg = synthetic(args.nodes, args.edges)
    start = time.perf_counter()
    graph = fact_graph(kg.graph)
    read = time.perf_counter() - start
    linked = sum(1 for n in graph if graph.degree(n))
    print(f"graph:               {linked} linked entities, {graph.number_of_edges()} facts, {len(kg)} RDF triples")
    print(f"read fact graph:     {read:.2f} s (rdflib -> networkx)")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "large.html"
        start = time.perf_counter()
        write_html(graph, path)
        write = time.perf_counter() - start
        print(f"write HTML:          {write:.2f} s ({path.stat().st_size / 1e6:.1f} MB; goal < 2 s: {write / 2:.2f} of budget)")
        tti = time_to_interactive(path)
    if tti is None:
        print("time to interactive: skipped (needs `apt-get install chromium` and playwright)")
    else:
        print(f"time to interactive: {tti:.2f} s in headless Chromium (goal < 10 s: {tti / 10:.2f} of budget)")
    if args.compare_pyvis:
        slow = pyvis_add_calls(graph)
        print(f"pyvis add_node/edge: {slow:.2f} s for the same records ({slow / write:.1f}x kg's whole write)")


if __name__ == "__main__":
    main()
