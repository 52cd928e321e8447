"""kg.analysis and its subcommands (stats, path, neighbors, export-network) over a hand-made graph."""

import json

import networkx as nx
import pytest

from kg import analysis
from kg.cli import main
from kg.graph import KnowledgeGraph
from kg.options import NETWORK_FORMATS

from .graphs import small_graph


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory):
    return small_graph().serialize(tmp_path_factory.mktemp("g") / "graph.ttl")


@pytest.fixture(scope="module")
def G(graph_file):
    return analysis.fact_graph(KnowledgeGraph.load(graph_file).graph)


def label(G, node):
    return G.nodes[node]["label"]


def test_fact_graph_nodes_and_edges(G):
    assert sorted(d["label"] for _, d in G.nodes(data=True)) == [
        "Acme Party", "Ann Lee", "Bob Roy", "Cal Diaz", "Loner Inc", "Zed Tam", "mayor"]
    ann = analysis.find_entity(G, "Ann Lee")
    assert G.nodes[ann]["type"] == "Person" and G.nodes[ann]["aliases"] == ["Lee"]
    edges = sorted((label(G, s), k, label(G, o), len(d["evidence"])) for s, o, k, d in G.edges(keys=True, data=True))
    assert edges == [
        ("Acme Party", "endorses/negative", "Cal Diaz", 1),
        ("Ann Lee", "endorses", "Bob Roy", 2),
        ("Bob Roy", "faces_in_runoff", "Cal Diaz", 1),
        ("Cal Diaz", "holds_position", "mayor", 1),
        ("Zed Tam", "supports/reported", "Acme Party", 1),
    ]
    bob, cal = analysis.find_entity(G, "bob roy"), analysis.find_entity(G, "cal diaz")
    runoff = G.edges[bob, cal, "faces_in_runoff"]
    assert runoff["symmetric"] and runoff["label"] == "faces in runoff"
    first, second = G.edges[ann, bob, "endorses"]["evidence"]
    assert (first.doc, first.sentence, first.date, first.confidence) == ("d1", "Ann Lee endorsed Bob Roy.", "2021-05-01", 0.9)
    assert second.doc == "d2" and second.date == "2021-06-02"


def test_find_entity_by_label_alias_case_and_errors(G):
    assert label(G, analysis.find_entity(G, "  ANN lee ")) == "Ann Lee"
    assert label(G, analysis.find_entity(G, "lee")) == "Ann Lee"
    with pytest.raises(analysis.EntityNotFound, match="did you mean 'Ann Lee'"):
        analysis.find_entity(G, "ann")
    with pytest.raises(analysis.EntityNotFound, match="no entity named 'Nobody'$"):
        analysis.find_entity(G, "Nobody")


def test_stats_counts_ranks_and_components(G):
    result = analysis.stats(G, top=3)
    assert result.entities == {"Person": 4, "Organization": 2, "Position": 1}
    assert result.facts == {"endorses": 1, "faces_in_runoff": 1, "holds_position": 1}
    assert result.statements == {"positive": 4, "negative": 1, "reported": 1}
    assert {label(G, n) for n, _ in result.pagerank[:2]} == {"Bob Roy", "Cal Diaz"}  # the middle of the chain
    assert pytest.approx(sum(analysis.pagerank(G).values())) == 1.0
    assert [(label(G, n), d) for n, d in result.degree] == [("Cal Diaz", 3), ("Acme Party", 2), ("Bob Roy", 2)]
    assert result.components == [6]


@pytest.mark.parametrize("seed", range(12))
def test_pagerank_is_networkx_pagerank_without_scipy(seed):
    """kg's plain-Python PageRank gives networkx's scores (hubs, loners, self-loops, pairs)."""
    import random

    rng = random.Random(seed)
    n = rng.randint(1, 40)
    simple = nx.Graph()
    simple.add_nodes_from(map(str, range(n)))
    simple.add_edges_from((str(rng.randrange(n)), str(rng.randrange(n))) for _ in range(rng.randint(0, 2 * n)))
    multi = nx.MultiDiGraph()
    multi.add_nodes_from(simple)
    for s, o in simple.edges():
        multi.add_edge(s, o, "endorses", polarity="positive")
        multi.add_edge(o, s, "endorses/negative", polarity="negative")  # not asserted: no weight
    expected = nx.pagerank(simple)
    assert analysis.pagerank(multi) == pytest.approx(expected, abs=1e-12)


def test_shortest_path_follows_asserted_facts_either_way(G):
    ann, mayor, zed = (analysis.find_entity(G, n) for n in ("Ann Lee", "mayor", "Zed Tam"))
    hops = analysis.shortest_path(G, mayor, ann)
    assert [(label(G, h.source), h.data["relation"], label(G, h.target)) for h in hops] == [
        ("Cal Diaz", "holds_position", "mayor"), ("Bob Roy", "faces_in_runoff", "Cal Diaz"), ("Ann Lee", "endorses", "Bob Roy")]
    assert hops[2].best.sentence == "Ann Lee endorsed Bob Roy."  # the more confident of two statements
    with pytest.raises(nx.NetworkXNoPath):
        analysis.shortest_path(G, ann, zed)
    assert len(analysis.shortest_path(G, ann, zed, only_asserted=False)) == 4


def test_neighbors_lists_every_fact_with_polarity(G):
    cal = analysis.find_entity(G, "Cal Diaz")
    assert [h.describe(G) for h in analysis.neighbors(G, cal)] == [
        "Acme Party —endorses (denied)→ Cal Diaz",
        "Bob Roy —faces in runoff— Cal Diaz",
        "Cal Diaz —holds position→ mayor",
    ]


def test_focus_and_select(G):
    ann = analysis.find_entity(G, "Ann Lee")
    assert sorted(label(G, n) for n in analysis.focus(G, ann, 2)) == ["Ann Lee", "Bob Roy", "Cal Diaz"]
    by_label = analysis.select(G, relations=["faces in runoff", "ENDORSES"])
    assert sorted(d["relation"] for *_, d in by_label.edges(data=True)) == ["endorses", "endorses", "faces_in_runoff"]
    recent = analysis.select(G, since="2021-06-01")
    assert [(k, [e.doc for e in d["evidence"]]) for _, _, k, d in recent.edges(keys=True, data=True)] == [("endorses", ["d2"])]
    assert len(recent) == len(G)


@pytest.mark.parametrize("fmt", NETWORK_FORMATS)
def test_export_round_trips(G, tmp_path, fmt):
    path = analysis.write_network(G, tmp_path / f"g.{fmt}", fmt)
    back = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(path)
    assert back.number_of_nodes() == len(G) and back.number_of_edges() == G.number_of_edges()
    ann, bob = analysis.find_entity(G, "Ann Lee"), analysis.find_entity(G, "Bob Roy")
    assert back.nodes[ann]["label"] == "Ann Lee" and back.nodes[ann]["type"] == "Person"
    (data,) = [d for s, o, d in back.edges(data=True) if (s, o) == (ann, bob)]
    assert data["relation"] == "endorses" and int(data["sources"]) == 2 and float(data["confidence"]) == 0.9
    assert "Lee backed Roy again." in data["evidence"]
    zed = analysis.find_entity(G, "Zed Tam")
    (data,) = [d for s, o, d in back.edges(data=True) if s == zed]
    assert "<script>window.__pwned=1</script>" in data["evidence"]


def test_export_rejects_unknown_format(G, tmp_path):
    with pytest.raises(ValueError, match="unknown network format"):
        analysis.write_network(G, tmp_path / "g.dot", "dot")


def test_cli_stats_path_neighbors(graph_file, capsys):
    assert main(["stats", str(graph_file), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    # holds_position is left out by default: the mayor's position hangs on nobody
    assert data["entities"]["Person"] == 4 and data["components"] == [5]
    assert main(["stats", str(graph_file), "--json", "--exclude-relation", "none"]) == 0
    assert json.loads(capsys.readouterr().out)["components"] == [6]
    assert main(["stats", str(graph_file), "--json", "--relation", "holds_position"]) == 0
    assert json.loads(capsys.readouterr().out)["components"] == [2]
    assert main(["path", str(graph_file), "ann lee", "MAYOR"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "3 facts from Ann Lee to mayor"
    assert out[1:3] == ["1. Ann Lee —endorses→ Bob Roy", "   “Ann Lee endorsed Bob Roy.” (Lee backs <b>Roy</b>, 2021-05-01; confidence 0.9; https://news.example/d1)"]
    assert main(["neighbors", str(graph_file), "Acme Party"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Acme Party (Organization): 2 facts") and "Zed Tam —supports (reported)→ Acme Party" in out


def test_cli_errors_are_one_line(graph_file, tmp_path, capsys):
    assert main(["path", str(graph_file), "Ann Lee", "Zed Tam"]) == 1
    assert capsys.readouterr().err == "kg path: error: no chain of facts links Ann Lee and Zed Tam (try --all to include statements not asserted)\n"
    assert main(["neighbors", str(graph_file), "Nobody"]) == 1
    assert capsys.readouterr().err == "kg neighbors: error: no entity named 'Nobody'\n"
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle")
    assert main(["stats", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kg stats: error: cannot parse") and "Traceback" not in err and err.count("\n") == 1


def test_cli_export_network(graph_file, tmp_path, capsys):
    assert main(["export-network", str(graph_file), "-o", str(tmp_path / "g.gexf")]) == 0
    assert nx.read_gexf(tmp_path / "g.gexf").number_of_edges() == 5
    assert main(["export-network", str(graph_file), "-o", str(tmp_path / "g.out")]) == 2
    assert "give --format graphml" in capsys.readouterr().err
    assert main(["export-network", str(graph_file), "--format", "graphml", "-o", str(tmp_path / "g.out")]) == 0
    assert nx.read_graphml(tmp_path / "g.out").number_of_nodes() == 7
