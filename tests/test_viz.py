"""The interactive page: records, escaping, options, and `kg viz` (the browser test drives it for real)."""

import html
import json
import re

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg import analysis, viz
from kg.cli import main

from .graphs import small_graph


@pytest.fixture(scope="module")
def G():
    return analysis.fact_graph(small_graph().graph)


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory):
    return small_graph().serialize(tmp_path_factory.mktemp("g") / "graph.ttl")


def page_data(page: str) -> dict:
    match = re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', page, re.S)
    return json.loads(match.group(1))


def by_label(records, nodes):
    labels = {n["id"]: n["label"] for n in nodes}
    return {(labels[e["from"]], e["label"], labels[e["to"]]): e for e in records}


def test_network_records(G):
    net = viz.build_network(G)
    assert sorted(n["label"] for n in net.nodes) == ["Acme Party", "Ann Lee", "Bob Roy", "Cal Diaz", "Zed Tam", "mayor"]
    assert net.node_ids == [n["id"] for n in net.nodes]
    nodes = {n["label"]: n for n in net.nodes}
    assert nodes["Ann Lee"]["aliases"] == ["Lee"] and nodes["mayor"]["shape"] == "diamond"
    assert nodes["Cal Diaz"]["size"] > nodes["Zed Tam"]["size"] >= 10
    edges = by_label(net.edges, net.nodes)
    endorse, runoff = edges["Ann Lee", "endorses", "Bob Roy"], edges["Bob Roy", "faces in runoff", "Cal Diaz"]
    denied = edges["Acme Party", "endorses (denied)", "Cal Diaz"]
    assert endorse["arrows"] == "to" and runoff["arrows"] == "" and endorse["width"] > runoff["width"]
    assert not endorse["dashes"] and denied["dashes"] and not denied["asserted"]
    assert [(e["doc"], e["date"], e["confidence"]) for e in endorse["evidence"]] == [("d1", "2021-05-01", 0.9), ("d2", "2021-06-02", 0.8)]
    assert len(net.sentences) == len(set(net.sentences)) == len({e.sentence for *_, ev in G.edges(data="evidence") for e in ev})
    assert sorted(net.sentences[e["s"]] for e in endorse["evidence"]) == sorted(e.sentence for e in G.edges[
        analysis.find_entity(G, "Ann Lee"), analysis.find_entity(G, "Bob Roy"), "endorses"]["evidence"])
    assert net.options["physics"]["solver"] == "forceAtlas2Based"


def test_keep_draws_an_isolated_entity_and_size_by_degree(G):
    loner = analysis.find_entity(G, "Loner Inc")
    assert loner in viz.build_network(G, keep=frozenset({loner})).node_ids
    nodes = {n["label"]: n["size"] for n in viz.build_network(G, size_by="degree").nodes}
    assert nodes["Cal Diaz"] == 40 and nodes["Acme Party"] == nodes["Bob Roy"] < 40
    with pytest.raises(ValueError, match="size_by"):
        viz.build_network(G, size_by="betweenness")


def test_page_is_self_contained_and_article_text_is_data(G):
    page = viz.page(G, title="<b>t</b>").html
    assert "<script>window.__pwned" not in page and "<title>&lt;b&gt;t&lt;/b&gt;</title>" in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//|url\(\s*["']?(https?:)?//""", page, re.I)
    assert "innerHTML" not in page.split("<script>")[-1]  # our own script builds DOM from text only
    data = page_data(page)
    net = viz.build_network(G)
    assert data["nodes"] == net.nodes and data["edges"] == net.edges
    sentences = [data["sentences"][e["s"]] for edge in data["edges"] for e in edge["evidence"]]
    assert 'Zed Tam said <script>window.__pwned=1</script> he supports Acme Party.' in sentences
    assert [t["type"] for t in data["legend"]] == ["Person", "Organization", "Position"]


def test_large_graphs_get_bounded_straight_layout():
    G = nx.MultiDiGraph()
    for i in range(viz.LARGE):
        G.add_node(str(i), label=f"n{i}", type="Person", aliases=[])
    for i in range(viz.LARGE - 1):
        G.add_edge(str(i), str(i + 1), "endorses", relation="endorses", label="endorses", polarity="positive",
                   symmetric=False, evidence=[])
    net = viz.build_network(G)
    options = net.options
    assert options["physics"]["solver"] == "barnesHut" and options["edges"]["smooth"] is False
    assert options["layout"]["improvedLayout"] is False
    assert 25 <= options["physics"]["stabilization"]["iterations"] * (len(net.nodes) + len(net.edges)) <= viz.STEP_BUDGET


def test_positions_pack_components_apart():
    G = nx.MultiDiGraph()
    for i in range(40):  # twenty pairs and one star of 200
        G.add_edge(f"p{i // 2}", f"q{i // 2}")
    for i in range(200):
        G.add_edge("hub", f"s{i}")
    placed = viz.positions(G, sorted(G))
    assert set(placed) == set(G)
    star = [placed[n] for n in G if n == "hub" or n.startswith("s")]
    right, bottom = max(x for x, _ in star), max(y for _, y in star)
    pairs = [placed[n] for n in G if n[0] in "pq"]
    assert all(x > right or y > bottom for x, y in pairs)  # the largest component comes first, alone
    assert viz.positions(G, sorted(G)) == placed  # deterministic


def test_notebook_repr_is_a_sandboxed_iframe(G):
    shown = viz.page(G)._repr_html_()
    assert shown.startswith('<iframe sandbox="allow-scripts"') and "<script" not in shown
    assert html.unescape(re.search(r'srcdoc="([^"]*)"', shown).group(1)) == viz.page(G).html


def test_kg_viz_focus_relation_since(graph_file, tmp_path, capsys):
    out = tmp_path / "v.html"
    assert main(["viz", str(graph_file), "-o", str(out), "--focus", "ann lee", "--depth", "1"]) == 0
    assert "wrote" in capsys.readouterr().err
    data = page_data(out.read_text())
    assert sorted(n["label"] for n in data["nodes"]) == ["Ann Lee", "Bob Roy"]
    assert main(["viz", str(graph_file), "-o", str(out), "--relation", "faces in runoff", "--relation", "holds_position"]) == 0
    data = page_data(out.read_text())
    assert sorted(e["relation"] for e in data["edges"]) == ["faces_in_runoff", "holds_position"]
    assert main(["viz", str(graph_file), "-o", str(out), "--since", "2021-06-01", "--focus", "Zed Tam"]) == 0
    data = page_data(out.read_text())
    assert [n["label"] for n in data["nodes"]] == ["Zed Tam"] and data["edges"] == []


def test_kg_viz_errors(graph_file, tmp_path, capsys):
    assert main(["viz", str(graph_file), "-o", str(tmp_path / "v.html"), "--since", "June"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
    assert main(["viz", str(graph_file), "-o", str(tmp_path / "v.html"), "--focus", "Nobody"]) == 1
    assert capsys.readouterr().err == "kg viz: error: no entity named 'Nobody'\n"
    assert not (tmp_path / "v.html").exists()
    (tmp_path / "file").write_text("x")
    assert main(["viz", str(graph_file), "-o", str(tmp_path / "file" / "v.html")]) == 1
    assert "cannot write" in capsys.readouterr().err


def test_parallel_edges_fan_out_on_both_sides():
    G = nx.MultiDiGraph()
    G.add_node("a", label="A", type="Person", aliases=[])
    G.add_node("b", label="B", type="Person", aliases=[])
    for s, o, relation in (("a", "b", "appointed"), ("a", "b", "dismissed"), ("b", "a", "endorses"), ("a", "b", "supports")):
        G.add_edge(s, o, relation, relation=relation, label=relation, polarity="positive", symmetric=False, evidence=[])
    curves = {e["relation"]: e["smooth"] for e in viz.build_network(G).edges}
    # seen from a to b: offsets -1.5, -0.5, +0.5, +1.5 in relation order; b->a is drawn mirrored
    assert [(curves[r]["type"], curves[r]["roundness"]) for r in ("appointed", "dismissed", "endorses", "supports")] == [
        ("curvedCCW", pytest.approx(0.52, abs=0.01)), ("curvedCCW", pytest.approx(0.17, abs=0.01)),
        ("curvedCCW", pytest.approx(0.17, abs=0.01)), ("curvedCW", pytest.approx(0.52, abs=0.01))]


@given(st.text())
def test_json_for_script_round_trips_and_cannot_close_the_element(text):
    embedded = viz._json({"t": text})
    assert json.loads(embedded) == {"t": text}
    assert not {"<", ">", "&", "\u2028", "\u2029"} & set(embedded)


def test_empty_graph_page(tmp_path):
    data = page_data(viz.page(nx.MultiDiGraph()).html)
    assert data["nodes"] == [] and data["edges"] == [] and data["legend"] == []


def test_sources_counts_and_safe_urls(G):
    page = viz.page(G, title="t")
    data = page_data(page.html)
    assert data["docs"] == {"d1": {"title": "Lee backs <b>Roy</b>", "url": "https://news.example/d1"}, "d2": {"title": "d2"}}
    assert data["counts"] == {"entities": 7, "facts": 3, "unasserted": 2, "statements": 6, "factless": 1,
                              "drawnEntities": 6, "drawnFacts": 5}
    assert data["title"] == "t" and data["big"] is False and data["core"] == ["endorses", "faces_in_runoff"]
    for bad in ("javascript:alert(1)", "data:text/html,x", "https://x.example/\"><script>", "http://a b", "//x.example", "", None):
        assert viz.safe_url(bad) is None
    assert viz.safe_url(" https://x.example/a?b=1&c=2#d ") == "https://x.example/a?b=1&c=2#d"


def test_the_page_never_shows_a_local_path():
    G = nx.MultiDiGraph()
    for n in "ab":
        G.add_node(n, label=n.upper(), type="Person", aliases=[])
    ev = analysis.Statement("/home/me/secret/news/a.txt", 0, "A met B.", None, 0.5, "positive")
    G.add_edge("a", "b", "endorses", relation="endorses", label="endorses", polarity="positive", symmetric=False, evidence=[ev])
    page = viz.page(G).html
    assert "/home/me" not in page and page_data(page)["edges"][0]["evidence"][0]["doc"] == "a.txt"


def test_kg_viz_rejects_unknown_relations_and_types(graph_file, tmp_path, capsys):
    out = tmp_path / "v.html"
    assert main(["viz", str(graph_file), "-o", str(out), "--relation", "endorse"]) == 2
    err = capsys.readouterr().err
    assert "unknown relation 'endorse'" in err and "endorses" in err and "faces_in_runoff" in err
    assert main(["viz", str(graph_file), "-o", str(out), "--type", "People"]) == 2
    err = capsys.readouterr().err
    assert "unknown entity type 'People'" in err and "Person" in err and "Organization" in err
    assert not out.exists()
    assert main(["viz", str(graph_file), "-o", str(out), "--type", "person", "--relation", "Endorses"]) == 0
    data = page_data(out.read_text())
    assert sorted(n["label"] for n in data["nodes"]) == ["Ann Lee", "Bob Roy"]
    assert main(["viz", str(graph_file), "-o", str(out), "--title", "Desk <b>view</b>"]) == 0
    assert "<title>Desk &lt;b&gt;view&lt;/b&gt;</title>" in out.read_text() and str(graph_file) not in out.read_text()


def test_page_data_in_slices_is_the_same_json():
    from kg.viz import SLICE, _json, _json_parts

    records = [{"id": i, "text": f"<b>{i}</b> & “quoted”\u2028", "evidence": [{"s": i}]} for i in range(2 * SLICE + 7)]
    data = {"title": "t</script>", "edges": records, "short": records[:3], "empty": [], "n": 1}
    assert "".join(_json_parts(data)) == _json(data)
    assert len(list(_json_parts(data))) > 10  # the long list went a slice at a time


def test_written_page_is_the_page(tmp_path):
    from kg.facts import FactView, Statement
    from kg.viz import page, write_html

    statements = [Statement(f"d{i}", 0, f"A said <{i}>.", None, 0.9, "positive") for i in range(1200)]
    view = FactView({"a": {"label": "A", "type": "Person", "aliases": []}, "b": {"label": "B", "type": "Person", "aliases": []}},
                    {("a", "b", "endorses"): {"relation": "endorses", "label": "endorses", "polarity": "positive",
                                              "symmetric": False, "evidence": statements}})
    path = write_html(view, tmp_path / "graph.html", title="T")
    assert path.read_text(encoding="utf-8") == page(view, title="T").html
