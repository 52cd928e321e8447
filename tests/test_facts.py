"""A build without a graph in memory: Turtle from spooled lines and the page from collected facts,
the same bytes as through an rdflib graph; the layout without networkx."""

from __future__ import annotations

import subprocess
import sys

import networkx as nx
import pytest

from kg.build import Builder
from kg.documents import Document
from kg.facts import FactCollector, FactView
from kg.layout import components, spring
from kg.model import Entity, Extraction
from kg.spool import TripleSpool
from kg.viz import page

from .graphs import FACTS

DOCS = [Document(id="d1", text="x", date="2021-05-01", title="Lee backs <b>Roy</b>", url="https://news.example/d1"),
        Document(id="d2", text="x", date="2021-05-01", url="javascript:alert(1)")]


def extracted() -> list[tuple[Document, Extraction]]:
    """The hand-made facts as two documents' extractions, the second repeating the first's names."""
    by_doc = {d.id: [f for f in FACTS if f.evidence.doc == d.id] for d in DOCS}
    pairs = []
    for document in DOCS:
        facts = tuple(by_doc[document.id])
        entities = tuple({e.key: e for f in facts for e in (f.subject, f.object)}.values())
        entities += (Entity("Loner Inc", "Organization", frozenset({"Loner"})),)
        pairs.append((document, Extraction(document.id, entities, facts, 3)))
    return pairs + pairs[:1]  # a document read twice changes nothing


@pytest.mark.parametrize("limit", [1_000_000, 7])  # everything in memory; sorted runs on disk
def test_spooled_build_writes_what_a_graph_build_writes(tmp_path, limit):
    through_graph = Builder(parse=False)
    list(through_graph.add_extracted(extracted()))
    spooled = Builder(parse=False, store=TripleSpool(limit=limit), collect=True)
    list(spooled.add_extracted(extracted()))
    assert isinstance(spooled.store, TripleSpool) and spooled.view is not None
    assert spooled.store._runs if limit == 7 else not spooled.store._runs
    ours, theirs = tmp_path / "ours.ttl", tmp_path / "theirs.ttl"
    spooled.store.write(ours)
    through_graph.graph.serialize(theirs)
    assert ours.read_bytes() == theirs.read_bytes() and b"Loner" in ours.read_bytes()
    assert page(spooled.view.view(), title="t").html == page(through_graph.graph.graph, title="t").html


def test_collector_keeps_every_name_and_each_statement_once():
    collector = FactCollector()
    for _, extraction in extracted():
        collector.entities(extraction.entities)
        collector.facts(extraction.facts)
    view = collector.view()
    ann = next(d for d in view.nodes.values() if d["label"] == "Ann Lee")
    assert ann == {"label": "Ann Lee", "type": "Person", "aliases": ["Lee"]}
    endorse = next(d for (s, o, k), d in view.edges.items() if k == "endorses" and "ann-lee" in s)
    assert [(e.doc, e.start) for e in endorse["evidence"]] == [("d1", 0), ("d2", 10)]
    runoff = [k for (s, o, k) in view.edges if k == "faces_in_runoff"]
    assert len(runoff) == 1 and "Loner Inc" in {d["label"] for d in view.nodes.values()}
    assert FactView.of(view) is view


def test_spring_is_networkx_spring_layout():
    nodes = [f"n{i}" for i in range(9)]
    edges = [("n0", "n1"), ("n1", "n2"), ("n2", "n0"), ("n3", "n4"), ("n5", "n5"), ("n6", "n7"), ("n7", "n8")]
    simple = nx.Graph()
    simple.add_nodes_from(nodes)
    simple.add_edges_from(edges)
    expected = nx.spring_layout(simple, iterations=30, seed=7)
    assert spring(nodes, edges) == {n: tuple(float(v) for v in expected[n]) for n in nodes}
    assert components(nodes, edges) == [["n0", "n1", "n2"], ["n6", "n7", "n8"], ["n3", "n4"], ["n5"]]


LAYOUT = """
from kg.viz import positions
import networkx as nx
G = nx.MultiDiGraph()
for i in range(12):
    G.add_edge(f"a{i}", f"a{(i * 5) % 12}")
for i in range(30):
    G.add_edge(f"z{i}", f"y{i}")
print(sorted(positions(G, sorted(G)).items()))
"""


def test_layout_does_not_change_with_the_hash_seed():
    """Regression: networkx ordered a component's nodes by a set, so the page changed from run to run."""
    runs = {subprocess.run([sys.executable, "-c", LAYOUT], capture_output=True, text=True, check=True, timeout=60,
                           env={"PYTHONHASHSEED": seed, "PATH": ""}).stdout for seed in ("1", "2", "3")}
    assert len(runs) == 1 and "a11" in runs.pop()


def test_spool_merges_its_runs_and_keeps_each_line_once(tmp_path, monkeypatch):
    from rdflib import Literal, URIRef

    import kg.spool

    monkeypatch.setattr(kg.spool, "MAX_RUNS", 3)
    spool = TripleSpool(limit=4)
    triples = [(URIRef(f"urn:s{i % 7}"), URIRef("urn:p"), Literal(f"o{i % 11}")) for i in range(60)]
    for start in range(0, 60, 5):
        spool.add(triples[start:start + 5])
        assert len(spool._runs) < 3  # merged into one before a third stays open
    lines = list(spool.lines())
    assert lines == sorted(set(lines)) and len(lines) == len(set(triples))
    assert spool.write(tmp_path / "g.nt", "nt").read_text(encoding="utf-8") == "".join(lines)
