"""The ontology, the SHACL shapes and `kg validate`: kg's graphs conform, broken ones do not."""

from collections.abc import Callable
from decimal import Decimal

import pyoxigraph as ox
import pyshacl
import pytest
from rdflib import OWL, RDF, RDFS, XSD, BNode, Graph, Literal, URIRef

from kg.cli import main
from kg.graph import KnowledgeGraph
from kg.ontology import DCTERMS, ENT, KG, PROV, SENTENCE, ontology_graph
from kg.shacl import Unsupported, Validator
from kg.validate import shapes_graph, validate

from .conftest import EXAMPLE_ARTICLE, ROOT

SECOND_ARTICLE = ROOT / "tests" / "data" / "council_vote_2021-06-14.txt"
TRUMP = ENT["person/trump"]


@pytest.fixture(scope="module")
def built(tmp_path_factory, nlp):
    out = tmp_path_factory.mktemp("out")
    assert main(["build", str(EXAMPLE_ARTICLE), str(SECOND_ARTICLE), "-o", str(out), "-q"]) == 0
    return out


@pytest.fixture
def graph(built) -> Graph:
    return KnowledgeGraph.load(built).graph


def test_every_property_has_label_comment_domain_and_range():
    onto = ontology_graph()
    props = [p for t in (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
             for p in onto.subjects(RDF.type, t) if str(p).startswith(str(KG))]
    assert len(props) > 30
    missing = [(p, q) for p in props for q in (RDFS.label, RDFS.comment, RDFS.domain, RDFS.range) if onto.value(p, q) is None]
    assert missing == []
    assert onto.value(URIRef("https://w3id.org/kg/ontology"), OWL.versionIRI) is not None
    assert (KG.faces_in_runoff, RDF.type, OWL.SymmetricProperty) in onto


def test_shapes_are_valid_shacl(graph):
    conforms, _, text = pyshacl.validate(graph, shacl_graph=shapes_graph(), ont_graph=ontology_graph(), meta_shacl=True)
    assert conforms, text


def test_built_graph_conforms(built, capsys):
    assert main(["validate", str(built)]) == 0
    assert capsys.readouterr().out.startswith("conforms:")


def _second_label(g: Graph) -> None:
    g.add((TRUMP, RDFS.label, Literal("Donald Trump")))


def _no_type(g: Graph) -> None:
    g.remove((TRUMP, RDF.type, None))


def _two_types(g: Graph) -> None:
    g.add((TRUMP, RDF.type, KG.Organization))


def _confidence_out_of_range(g: Graph) -> None:
    node = next(g.subjects(RDF.type, KG.Assertion))
    g.set((node, KG.confidence, Literal(Decimal("1.5"))))


def _unknown_polarity(g: Graph) -> None:
    node = next(g.subjects(KG.polarity, KG.negative))
    g.set((node, KG.polarity, KG.maybe))


def _no_source(g: Graph) -> None:
    node = next(g.subjects(RDF.type, KG.Assertion))
    g.remove((node, PROV.wasDerivedFrom, None))


def _sentence(g: Graph) -> URIRef:
    return sorted(g.subjects(RDF.type, KG.Sentence))[0]


def _start_after_end(g: Graph) -> None:
    g.set((_sentence(g), KG.start, Literal(10_000)))


def _dangling_sentence(g: Graph) -> None:
    g.set((_assertion(g), KG.statedIn, SENTENCE["no-such-sentence"]))


def _sentence_removed(g: Graph) -> None:
    g.remove((_sentence(g), None, None))


def _no_sentence(g: Graph) -> None:
    g.remove((_assertion(g), KG.statedIn, None))


def _two_texts(g: Graph) -> None:
    g.add((_sentence(g), KG.text, Literal("Another sentence.")))


def _sentence_from_another_document(g: Graph) -> None:
    said = _sentence(g)
    mine = g.value(said, PROV.wasDerivedFrom)
    g.set((said, PROV.wasDerivedFrom, next(d for d in sorted(g.subjects(RDF.type, KG.Document)) if d != mine)))


def _plain_triple_without_evidence(g: Graph) -> None:
    g.add((TRUMP, KG.opposes, ENT["person/jeff-sessions"]))


def _denied_claim_made_plain(g: Graph) -> None:
    node = next(g.subjects(KG.polarity, KG.hypothetical))
    g.set((node, KG.polarity, KG.positive))


def _unknown_predicate(g: Graph) -> None:
    node = next(g.subjects(RDF.type, KG.Assertion))
    g.set((node, KG.predicate, KG.likes))


def _assertion(g: Graph, polarity=None) -> URIRef:
    return sorted(g.subjects(KG.polarity, polarity))[0] if polarity is not None else sorted(g.subjects(RDF.type, KG.Assertion))[0]


def _blank_entity(g: Graph) -> None:
    blank = BNode()
    for p, o in list(g.predicate_objects(TRUMP)):
        g.add((blank, p, o))
    for s, p in list(g.subject_predicates(TRUMP)):
        g.add((s, p, blank))
    g.remove((TRUMP, None, None))
    g.remove((None, None, TRUMP))


def _literal_subject(g: Graph) -> None:
    g.set((_assertion(g), KG.subject, Literal("Trump")))


def _confidence_word(g: Graph) -> None:
    g.set((_assertion(g), KG.confidence, Literal("high")))


def _confidence_ill_typed(g: Graph) -> None:
    g.set((_assertion(g), KG.confidence, Literal("abc", datatype=XSD.decimal)))


def _empty_label(g: Graph) -> None:
    g.set((TRUMP, RDFS.label, Literal("")))


def _label_with_language(g: Graph) -> None:
    g.set((TRUMP, RDFS.label, Literal("Trump", lang="en")))


def _negative_start(g: Graph) -> None:
    g.set((_sentence(g), KG.start, Literal(-5)))


def _bad_date(g: Graph) -> None:
    document = sorted(g.subjects(RDF.type, KG.Document))[0]
    g.set((document, DCTERMS.date, Literal("2020-13-45", datatype=XSD.date)))


def _place_as_speaker(g: Graph) -> None:
    place = sorted(g.subjects(RDF.type, KG.Place))[0]
    g.add((_assertion(g), KG.speaker, place))


def _two_identifiers(g: Graph) -> None:
    document = sorted(g.subjects(RDF.type, KG.Document))[0]
    g.add((document, DCTERMS.identifier, Literal("another")))


def _empty_mention(g: Graph) -> None:
    g.add((TRUMP, KG.mention, Literal("")))


def _two_subjects(g: Graph) -> None:
    g.add((_assertion(g), KG.subject, sorted(g.subjects(RDF.type, KG.Place))[0]))


def _everything(g: Graph) -> None:
    for name, (breakage, _) in BREAKAGES.items():
        if name not in ("everything", "blank entity"):
            breakage(g)


BREAKAGES: dict[str, tuple[Callable[[Graph], None], str]] = {
    "second label": (_second_label, "exactly one non-empty rdfs:label"),
    "no type": (_no_type, "exactly one kg type"),
    "two types": (_two_types, "exactly one kg type"),
    "confidence 1.5": (_confidence_out_of_range, "in [0, 1]"),
    "unknown polarity": (_unknown_polarity, "exactly one kg:polarity"),
    "no source document": (_no_source, "derived from exactly one kg:Document"),
    "start after end": (_start_after_end, "below its kg:end"),
    "dangling sentence": (_dangling_sentence, "stated in exactly one kg:Sentence"),
    "sentence removed": (_sentence_removed, "stated in exactly one kg:Sentence"),
    "no sentence": (_no_sentence, "stated in exactly one kg:Sentence"),
    "two texts": (_two_texts, "exactly one non-empty kg:text"),
    "sentence from another document": (_sentence_from_another_document, "not from the assertion's document"),
    "plain triple without evidence": (_plain_triple_without_evidence, "no positive kg:Assertion behind it"),
    "hypothetical made positive": (_denied_claim_made_plain, "plain triple (kg:subject kg:predicate kg:object) is not in the graph"),
    "unknown predicate": (_unknown_predicate, "a relation of the kg ontology"),
    "blank entity": (_blank_entity, "Node Kind sh:IRI"),
    "literal subject": (_literal_subject, "an entity IRI"),
    "confidence a word": (_confidence_word, "in [0, 1]"),
    "confidence ill-typed": (_confidence_ill_typed, "in [0, 1]"),
    "empty label": (_empty_label, "non-empty rdfs:label"),
    "label with a language": (_label_with_language, "non-empty rdfs:label"),
    "negative start": (_negative_start, "non-negative"),
    "bad date": (_bad_date, "dcterms:date, an xsd:date"),
    "place as speaker": (_place_as_speaker, "an agent"),
    "two identifiers": (_two_identifiers, "exactly one dcterms:identifier"),
    "empty mention": (_empty_mention, "non-empty string"),
    "two subjects": (_two_subjects, "exactly one kg:subject"),
    "everything": (_everything, "exactly one kg type"),
}


@pytest.mark.parametrize("name", list(BREAKAGES))
def test_broken_graphs_do_not_conform(graph, name):
    breakage, message = BREAKAGES[name]
    breakage(graph)
    report = validate(graph)
    assert not report.conforms
    assert any(message in v.message for v in report.violations), report.summary()


@pytest.mark.parametrize("name", [None, *BREAKAGES])
def test_sparql_engine_gives_pyshacls_results(graph, name):
    """The shapes compiled to SPARQL on Oxigraph report exactly what pySHACL reports."""
    if name is not None:
        BREAKAGES[name][0](graph)
    ours, theirs = validate(graph), validate(graph, engine="pyshacl")
    assert ours == theirs
    assert ours.conforms == (name is None)


def test_unsupported_shapes_fall_back_to_pyshacl(graph):
    shapes = Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix kg: <https://w3id.org/kg/ontology#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        kg:S a sh:NodeShape ; sh:targetClass kg:Person ;
            sh:or ( [ sh:path rdfs:label ; sh:minCount 2 ] [ sh:path kg:mention ; sh:minCount 5 ] ) .""", format="turtle")
    with pytest.raises(Unsupported):
        Validator(shapes, ox.Store())
    report = validate(graph, shapes)
    assert not report.conforms and report == validate(graph, shapes, engine="pyshacl")


def test_cli_prints_violations_and_exits_1(graph, tmp_path, capsys):
    _confidence_out_of_range(graph)
    _second_label(graph)
    broken = tmp_path / "broken.ttl"
    graph.serialize(broken, format="turtle")
    assert main(["validate", str(broken)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == f"does not conform: 2 violations in {len(graph)} triples"
    assert any(line.startswith("Violation: ") and "kg:confidence" in line and '"1.5"^^xsd:decimal' in line for line in out)


def test_cli_reports_a_file_that_does_not_parse(tmp_path, capsys):
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> .\n", encoding="utf-8")
    assert main(["validate", str(broken)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"kg validate: error: cannot parse {broken}") and len(err.splitlines()) == 1


def test_an_oxigraph_store_is_checked_in_place(graph, tmp_path, capsys):
    from kg.store import OxigraphStore

    _confidence_out_of_range(graph)
    store = OxigraphStore(tmp_path / "store")
    store.add(graph)
    store.close()
    assert main(["validate", f"oxigraph:{tmp_path / 'store'}"]) == 1
    out = capsys.readouterr().out
    assert out.strip().splitlines() == validate(graph).summary().splitlines()
