"""`kg export`: every format parses back with rdflib and with pyoxigraph to the same triples."""

import pyoxigraph
import pytest
from rdflib import RDF, Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from kg.cli import main
from kg.export import FORMATS, dataset, serialize
from kg.ontology import KG, PROV

from .conftest import EXAMPLE_ARTICLE, ROOT

SECOND_ARTICLE = ROOT / "tests" / "data" / "council_vote_2021-06-14.txt"
OX_FORMATS = {
    "turtle": pyoxigraph.RdfFormat.TURTLE,
    "ntriples": pyoxigraph.RdfFormat.N_TRIPLES,
    "jsonld": pyoxigraph.RdfFormat.JSON_LD,
    "trig": pyoxigraph.RdfFormat.TRIG,
    "nquads": pyoxigraph.RdfFormat.N_QUADS,
    "rdfxml": pyoxigraph.RdfFormat.RDF_XML,
}


@pytest.fixture(scope="module")
def built(tmp_path_factory, nlp):
    out = tmp_path_factory.mktemp("out")
    assert main(["build", str(EXAMPLE_ARTICLE), str(SECOND_ARTICLE), "-o", str(out), "-q"]) == 0
    return out


@pytest.fixture(scope="module")
def original(built):
    return Graph().parse(built / "graph.ttl")


def via_oxigraph(data: bytes, fmt: str) -> Graph:
    """Triples (named graphs merged) as pyoxigraph parses them, handed to rdflib as N-Triples."""
    quads = pyoxigraph.parse(data, format=OX_FORMATS[fmt])
    return Graph().parse(data="\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads), format="nt")


def via_rdflib(data: bytes, fmt: str) -> Graph:
    if fmt in ("trig", "nquads"):
        ds = Dataset()
        ds.parse(data=data, format=FORMATS[fmt])
        graph = Graph()
        for s, p, o, _ in ds.quads():
            graph.add((s, p, o))
        return graph
    return Graph().parse(data=data, format=FORMATS[fmt])


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_format_round_trips_with_both_parsers(built, original, tmp_path, fmt):
    target = tmp_path / f"graph.{fmt}"
    assert main(["export", str(built), "--format", fmt, "-o", str(target)]) == 0
    data = target.read_bytes()
    ours, theirs = via_rdflib(data, fmt), via_oxigraph(data, fmt)
    assert len(original) > 100
    assert isomorphic(ours, original)
    assert isomorphic(theirs, original)


def test_trig_has_one_named_graph_per_document(original):
    data = serialize(original, "trig")
    quads = list(pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.TRIG))
    documents = {str(d) for d in original.subjects(RDF.type, KG.Document)}
    names = {q.graph_name.value for q in quads if not isinstance(q.graph_name, pyoxigraph.DefaultGraph)}
    assert len(documents) == 2 and names == documents
    kinds = {(str(RDF.type), str(KG.Assertion)), (str(RDF.type), str(KG.Sentence))}
    placed = 0
    for q in quads:
        if (q.predicate.value, getattr(q.object, "value", None)) in kinds:
            # every assertion and sentence sits in the graph of the document it was derived from
            source = original.value(URIRef(q.subject.value), PROV.wasDerivedFrom)
            assert q.graph_name.value == str(source)
            placed += 1
    assert placed == len(set(original.subjects(RDF.type, KG.Assertion))) + len(set(original.subjects(RDF.type, KG.Sentence)))
    default = [q for q in quads if isinstance(q.graph_name, pyoxigraph.DefaultGraph)]
    assert default and not any((q.predicate.value, getattr(q.object, "value", None)) in kinds for q in default)


def test_dataset_keeps_every_triple_once(original):
    ds = dataset(original)
    assert sum(1 for _ in ds.quads()) == len(original)


def test_export_to_stdout(built, capsys):
    assert main(["export", str(built), "--format", "ntriples"]) == 0
    out = capsys.readouterr().out
    assert isomorphic(Graph().parse(data=out, format="nt"), Graph().parse(built / "graph.ttl"))


def test_format_follows_the_suffix_and_query_reads_trig(built, tmp_path, capsys):
    target = tmp_path / "graph.trig"
    assert main(["export", str(built), "-o", str(target)]) == 0
    quads = pyoxigraph.parse(target.read_bytes(), format=pyoxigraph.RdfFormat.TRIG)
    assert any(not isinstance(q.graph_name, pyoxigraph.DefaultGraph) for q in quads)
    assert main(["query", str(target), "SELECT ?a WHERE { ?x a kg:Assertion ; kg:subject ?a }", "--format", "csv"]) == 0
    assert len(capsys.readouterr().out.splitlines()) > 5


def test_unreadable_graph_is_a_one_line_error(tmp_path, capsys):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle")
    assert main(["export", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kg export: error: cannot parse") and "Traceback" not in err


def test_the_suffix_picks_rdf_xml_never_silent_turtle(built, original, tmp_path, capsys):
    target = tmp_path / "graph.xml"
    assert main(["export", str(built), "-o", str(target)]) == 0
    data = target.read_bytes()
    assert data.lstrip().startswith(b"<?xml") and b"rdf:RDF" in data
    assert isomorphic(Graph().parse(data=data, format="xml"), original)
    assert isomorphic(via_oxigraph(data, "rdfxml"), original)
    unknown = tmp_path / "graph.foo"
    assert main(["export", str(built), "-o", str(unknown)]) == 2
    err = capsys.readouterr().err
    assert "cannot tell the RDF format" in err and "--format" in err and not unknown.exists()


def test_a_graph_file_written_as_rdf_xml_loads_back(built, original, tmp_path):
    from kg.graph import KnowledgeGraph

    path = KnowledgeGraph(original).serialize(tmp_path / "graph.rdf")
    assert isomorphic(KnowledgeGraph.load(path).graph, original)
