"""Stores: an on-disk Oxigraph store grows by documents without duplicates and answers like rdflib."""

import datetime
from decimal import Decimal

import pyoxigraph
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.build import Builder
from kg.cli import main
from kg.documents import read_inputs
from kg.graph import KnowledgeGraph
from kg.named import library
from kg.query import QueryError, Rows
from kg.store import MemoryStore, OxigraphStore, StoreError, from_oxigraph, open_store, to_oxigraph, update_url_for

from ..conftest import EXAMPLE_ARTICLE, ROOT

SECOND_ARTICLE = ROOT / "tests" / "data" / "council_vote_2021-06-14.txt"
SURNAMES_ARTICLE = ROOT / "tests" / "data" / "runoff_result_2020-07-15.txt"


def build_into(store, paths, nlp):
    builder = Builder(nlp=nlp, store=store)
    list(builder.add(read_inputs([str(p) for p in paths])))
    return builder


@pytest.fixture(scope="module")
def batch(nlp):
    """All three articles built in one run, in memory: the reference."""
    return build_into(MemoryStore(), [EXAMPLE_ARTICLE, SECOND_ARTICLE, SURNAMES_ARTICLE], nlp).store.graph()


@pytest.fixture
def oxi(tmp_path):
    store = OxigraphStore(tmp_path / "store")
    yield store
    store.close()


def test_incremental_builds_equal_one_batch_build(oxi, batch, nlp):
    build_into(oxi, [EXAMPLE_ARTICLE], nlp)
    first = len(oxi)
    build_into(oxi, [EXAMPLE_ARTICLE], nlp)  # the same document again changes nothing
    assert len(oxi) == first
    build_into(oxi, [SECOND_ARTICLE], nlp)
    build_into(oxi, [SURNAMES_ARTICLE], nlp)  # "Tuberville" joins the stored "Tommy Tuberville"
    assert first < len(oxi) == len(batch)
    assert isomorphic(oxi.graph(), batch)
    endorsed = oxi.query("SELECT DISTINCT ?b WHERE { ?a kg:endorses ?x . ?x rdfs:label ?b } ORDER BY ?b")
    assert [r["b"] for r in endorsed.dicts()] == ["Daniel Okafor", "Tommy Tuberville"]


def test_store_persists_on_disk(tmp_path, nlp):
    store = OxigraphStore(tmp_path / "store")
    build_into(store, [SECOND_ARTICLE], nlp)
    size = len(store)
    store.close()
    reopened = OxigraphStore(tmp_path / "store", read_only=True)
    assert len(reopened) == size > 0
    reopened.close()


@pytest.fixture(scope="module")
def both(batch, tmp_path_factory):
    oxi = OxigraphStore(tmp_path_factory.mktemp("store"))
    oxi.add(batch)
    yield MemoryStore(KnowledgeGraph(batch)), oxi
    oxi.close()


SAMPLE_PARAMS = {
    "document-facts": {"document": str(SECOND_ARTICLE)},
    "since-date": {"since": "2020-06-01"},
    "sources": {"subject": "Trump", "relation": "endorses", "object": "Tommy Tuberville"},
}


@pytest.mark.parametrize("name", list(library()))
def test_named_queries_answer_the_same_on_rdflib_and_oxigraph(batch, both, name):
    memory, oxi = both
    text = library()[name].render(SAMPLE_PARAMS.get(name, {}))
    ours, theirs = memory.query(text), oxi.query(text)
    assert isinstance(ours, Rows) and isinstance(theirs, Rows)
    assert ours.variables == theirs.variables
    assert len(ours) > 0
    assert sorted(map(repr, ours.dicts())) == sorted(map(repr, theirs.dicts()))


def test_ask_construct_and_errors(both):
    _, oxi = both
    assert oxi.query("ASK { ?a kg:endorses ?b }") is True
    built = oxi.query("CONSTRUCT { ?a kg:endorses ?b } WHERE { ?a kg:endorses ?b }")
    assert isinstance(built, Graph) and len(built) == 2
    with pytest.raises(QueryError, match="line 1, column"):
        oxi.query("SELECT ?x WHERE { ?x ")


@pytest.mark.parametrize("term", [
    URIRef("https://w3id.org/kg/entity/person/trump"),
    Literal("Trump"),
    Literal("Trump", lang="en"),
    Literal(Decimal("0.85")),
    Literal(datetime.date(2020, 4, 5)),
    Literal('a "quoted"\nline'),
])
def test_terms_round_trip_through_oxigraph(term):
    assert from_oxigraph(to_oxigraph(term)) == term
    assert isinstance(to_oxigraph(term), pyoxigraph.NamedNode | pyoxigraph.Literal)


def test_update_url_for_known_servers():
    assert update_url_for("http://127.0.0.1:7878/query") == "http://127.0.0.1:7878/update"
    assert update_url_for("http://h:3030/ds/sparql") == "http://h:3030/ds/update"
    assert update_url_for("http://h:7200/repositories/news") == "http://h:7200/repositories/news/statements"
    assert update_url_for("http://h:3030/ds") == "http://h:3030/ds"


def test_cli_build_into_store_and_query_it(tmp_path, capsys, nlp):
    spec = f"oxigraph:{tmp_path / 'store'}"
    out = tmp_path / "out"
    assert main(["build", str(SECOND_ARTICLE), "--store", spec, "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"store:     {spec} (" in err
    assert sorted(p.name for p in out.iterdir()) == ["facts.jsonl"]
    assert main(["query", spec, "--named", "endorsements", "--format", "csv"]) == 0
    assert "Priya Raman,Daniel Okafor,2021-06-14" in capsys.readouterr().out
    assert main(["query", "--store", spec, "SELECT (COUNT(*) AS ?n) WHERE { ?s a kg:Assertion }", "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[1] == str(sum(1 for _ in (out / "facts.jsonl").open()))
    assert main(["query", "--store", spec, "SELECT ?x WHERE { ?x "]) == 2
    assert "invalid SPARQL at line 1" in capsys.readouterr().err
    assert main(["validate", spec]) == 0


def test_cli_store_errors(tmp_path, capsys):
    assert main(["build", str(SECOND_ARTICLE), "--store", "postgres://x", "-o", str(tmp_path)]) == 2
    assert "expected memory, oxigraph:PATH or sparql:URL" in capsys.readouterr().err
    assert main(["build", str(SECOND_ARTICLE), "--store", f"file:{tmp_path / 'g.ttl'}", "-o", str(tmp_path)]) == 2
    assert "expected memory, oxigraph:PATH or sparql:URL" in capsys.readouterr().err
    assert main(["query", f"oxigraph:{tmp_path / 'missing'}", "ASK {}"]) == 1
    assert "no Oxigraph store" in capsys.readouterr().err
    assert main(["query", "sparql:http://127.0.0.1:9/query", "ASK { ?s ?p ?o }"]) == 1
    err = capsys.readouterr().err
    assert "cannot reach SPARQL endpoint" in err and "Traceback" not in err


def test_open_store_specs(tmp_path):
    assert isinstance(open_store("memory"), MemoryStore)
    with pytest.raises(StoreError, match="no graph at"):
        open_store(str(tmp_path / "nothing.ttl"))


def test_build_into_an_unreachable_endpoint_writes_nothing(tmp_path, capsys, nlp):
    out = tmp_path / "out"
    assert main(["build", str(SECOND_ARTICLE), "--store", "sparql:http://127.0.0.1:9/query", "-o", str(out)]) == 1
    assert "cannot reach SPARQL endpoint http://127.0.0.1:9/query" in capsys.readouterr().err
    assert not (out / "facts.jsonl").exists()


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",))))
def test_any_literal_survives_an_oxigraph_store(text):
    store = OxigraphStore()
    triple = (URIRef("https://w3id.org/kg/entity/thing/x"), URIRef("https://w3id.org/kg/ontology#mention"), Literal(text))
    store.add([triple])
    assert set(store.graph()) == {triple}
