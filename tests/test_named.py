"""Named queries: the library, parameters, and answers on a two-document graph."""

import pyoxigraph
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.cli import main
from kg.graph import KnowledgeGraph
from kg.named import NamedQueryError, get, library, parse
from kg.query import prepare

from .conftest import EXAMPLE_ARTICLE, ROOT

SECOND_ARTICLE = ROOT / "tests" / "data" / "council_vote_2021-06-14.txt"
EXPECTED = {"endorsements", "facts-with-evidence", "document-facts", "since-date",
            "denied-or-hypothetical", "sources", "positions"}


@pytest.fixture(scope="module")
def kg(tmp_path_factory, nlp):
    out = tmp_path_factory.mktemp("out")
    assert main(["build", str(EXAMPLE_ARTICLE), str(SECOND_ARTICLE), "-o", str(out), "-q"]) == 0
    return KnowledgeGraph.load(out)


def ask(kg, name, **params):
    return kg.query(get(name).render(params)).dicts()


def test_library_is_complete_and_valid_sparql():
    assert set(library()) >= EXPECTED
    for query in library().values():
        assert query.description
        prepare(query.text)  # the file itself is valid SPARQL, placeholders and all


def test_list_names_every_query(capsys):
    assert main(["query", "--list"]) == 0
    out = capsys.readouterr().out
    assert all(name in out for name in EXPECTED) and "--param since=<date>" in out


def test_endorsements_with_evidence(kg):
    rows = ask(kg, "endorsements")
    pairs = {(r["endorser"], r["endorsed"]) for r in rows}
    assert pairs == {("Trump", "Tommy Tuberville"), ("Priya Raman", "Daniel Okafor")}
    raman = next(r for r in rows if r["endorser"] == "Priya Raman")
    assert raman["date"] == "2021-06-14" and "endorsed Okafor" in raman["sentence"]
    assert raman["document"] == str(SECOND_ARTICLE)


def test_since_date_keeps_facts_first_reported_later(kg):
    later = ask(kg, "since-date", since="2021-01-01")
    assert ("Priya Raman", "endorses", "Daniel Okafor") in {(r["subject"], r["relation"], r["object"]) for r in later}
    assert {r["first_reported"] for r in later} == {"2021-06-14"}
    everything = ask(kg, "since-date", since="2000-01-01")
    assert ("Trump", "endorses", "Tommy Tuberville") in {(r["subject"], r["relation"], r["object"]) for r in everything}
    assert ask(kg, "since-date", since="2030-01-01") == []


def test_document_facts_are_from_that_document_only(kg):
    rows = ask(kg, "document-facts", document=str(SECOND_ARTICLE))
    text = SECOND_ARTICLE.read_text()
    assert rows and all(r["sentence"] in text for r in rows)
    assert {"positive", "negative"} <= {r["polarity"] for r in rows}


def test_denied_or_hypothetical_claims(kg):
    rows = ask(kg, "denied-or-hypothetical")
    assert rows and "positive" not in {r["polarity"] for r in rows}
    assert ("Alicia Fenwick", "endorses", "negative") in {(r["subject"], r["relation"], r["polarity"]) for r in rows}


def test_sources_of_one_fact(kg):
    rows = ask(kg, "sources", subject="Trump", relation="endorses", object="Tommy Tuberville")
    assert len(rows) >= 2 and {r["document"] for r in rows} == {str(EXAMPLE_ARTICLE)}
    assert all("Tuberville" in r["sentence"] for r in rows)


def test_positions(kg):
    rows = ask(kg, "positions")
    assert ("Alicia Fenwick", "mayor") in {(r["person"], r["position"]) for r in rows}


@pytest.mark.parametrize("name,params,message", [
    ("sources", {"subject": "Trump"}, "needs --param relation"),
    ("sources", {"subject": "a", "relation": "likes", "object": "b"}, "unknown relation 'likes'"),
    ("since-date", {"since": "last week"}, "is not a date"),
    ("endorsements", {"since": "2020-01-01"}, "has no parameter since"),
])
def test_bad_parameters(name, params, message):
    with pytest.raises(NamedQueryError, match=message):
        get(name).render(params)


def test_string_parameters_cannot_inject_sparql(kg):
    rows = ask(kg, "sources", subject='Trump" . } #', relation="endorses", object="Tommy Tuberville")
    assert rows == []


def test_cli_named_query_and_errors(kg, tmp_path, capsys):
    out = tmp_path / "graph.ttl"
    kg.serialize(out)
    assert main(["query", str(out), "--named", "sources", "--param", "subject=Trump", "--param", "relation=endorses",
                 "--param", "object=Tommy Tuberville", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "document,date,polarity,confidence,sentence,title,url" and len(lines) >= 3
    assert main(["query", str(out), "--named", "nope"]) == 2
    assert "no named query 'nope'" in capsys.readouterr().err
    assert main(["query", str(out)]) == 2
    assert "give GRAPH and QUERY" in capsys.readouterr().err


ECHO = parse("echo", "# Echo a parameter.\n# @param v string : any text\nSELECT ?x WHERE { BIND($v AS ?x) }\n")


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",))))
def test_any_string_parameter_arrives_as_that_literal(text):
    sparql = ECHO.render({"v": text})
    ours = KnowledgeGraph().query(sparql)
    assert [r["x"] for r in ours.dicts()] == [text]
    theirs = list(pyoxigraph.Store().query(sparql))
    assert [s["x"].value for s in theirs] == [text]


# The injection strings of issue #16: a `$name` inside one value, a value that closes the literal,
# a SERVICE clause, and a date in ISO basic format.
ECHO2 = parse("echo2", "# Echo two.\n# @param v string : any\n# @param w string : any\n"
                       "SELECT ?x ?y WHERE { BIND($v AS ?x) BIND($w AS ?y) }\n")


@pytest.mark.parametrize("v,w", [
    ("Trump$w", ". #"),
    ("Trump$w", '" . } #'),
    ("$v$w", "$v"),
    ("\\U0000", "\\\\u0041"),
    ("x", '. SERVICE <http://127.0.0.1:9/sparql> { ?a ?b ?c } #'),
])
def test_each_value_arrives_as_one_literal_whatever_it_holds(v, w):
    sparql = ECHO2.render({"v": v, "w": w})
    assert KnowledgeGraph().query(sparql).dicts() == [{"x": v, "y": w}]
    assert [(s["x"].value, s["y"].value) for s in pyoxigraph.Store().query(sparql)] == [(v, w)]


def test_a_parameter_inside_another_value_is_not_replaced(kg):
    assert ask(kg, "sources", subject="Trump$object", relation="endorses", object=". #") == []
    assert ask(kg, "sources", subject="Trump", relation="endorses", object="Tommy Tuberville")  # the real one


def test_a_service_clause_in_a_value_sends_nothing(kg, tmp_path, capsys):
    import socket

    out = tmp_path / "graph.ttl"
    kg.serialize(out)
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        listener.settimeout(0.5)
        port = listener.getsockname()[1]
        value = f"object=. SERVICE <http://127.0.0.1:{port}/sparql> {{ ?a ?b ?c }} #"
        assert main(["query", str(out), "--named", "sources", "--param", "subject=Trump$object",
                     "--param", "relation=endorses", "--param", value]) == 0
        assert "(0 rows)" in capsys.readouterr().out
        with pytest.raises(TimeoutError):
            listener.accept()


@pytest.mark.parametrize("value", ["20200401", "2020-4-1", "2020-04-01T00:00", "2020-02-30", " 2020-04-01"])
def test_a_date_parameter_is_exactly_yyyy_mm_dd(kg, value, capsys):
    with pytest.raises(NamedQueryError, match="is not a date"):
        get("since-date").render({"since": value})
    assert main(["query", "--named", "since-date", "--param", f"since={value}", "--store", "memory"]) == 2
    err = capsys.readouterr().err
    assert "is not a date" in err and "Traceback" not in err
