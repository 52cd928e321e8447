"""`kg build` and `kg query` end to end, with independent RDF parsers as oracles."""

import json
import re

import pyoxigraph
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.cli import main

from ..conftest import EXAMPLE_ARTICLE


@pytest.fixture(scope="module")
def built(tmp_path_factory, nlp):
    out = tmp_path_factory.mktemp("out")
    assert main(["build", str(EXAMPLE_ARTICLE), "-o", str(out), "-q"]) == 0
    return out


def test_outputs_exist(built):
    assert {p.name for p in built.iterdir()} == {"graph.ttl", "graph.html", "facts.jsonl"}


def test_turtle_parses_identically_with_rdflib_and_oxigraph(built):
    data = (built / "graph.ttl").read_bytes()
    ours = Graph().parse(data=data, format="turtle")
    theirs = {(str(q.subject), str(q.predicate), str(q.object)) for q in pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.TURTLE)}
    assert len(theirs) == len(ours) > 50
    via_ntriples = Graph().parse(data="\n".join(
        f"{t.subject} {t.predicate} {t.object} ." for t in pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.TURTLE)
    ), format="nt")
    assert isomorphic(ours, via_ntriples)


def test_building_twice_gives_the_same_file(built, tmp_path):
    assert main(["build", str(EXAMPLE_ARTICLE), "-o", str(tmp_path), "-q"]) == 0
    assert (tmp_path / "graph.ttl").read_bytes() == (built / "graph.ttl").read_bytes()


def test_labels_types_and_plain_triples(built, capsys):
    query = "SELECT ?who WHERE { ?p a kg:Person ; rdfs:label ?who ; kg:faces_in_runoff ?q } ORDER BY ?who"
    assert main(["query", str(built / "graph.ttl"), query, "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == ["who", "Jeff Sessions", "Tommy Tuberville"]


def test_query_json_is_sparql_results(built, capsys):
    assert main(["query", str(built), "SELECT ?a WHERE { ?a kg:endorses ?b }", "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["head"]["vars"] == ["a"]
    assert result["results"]["bindings"] == [{"a": {"type": "uri", "value": "https://w3id.org/kg/entity/person/trump"}}]


def test_invalid_sparql_exits_2_with_position(built, capsys):
    assert main(["query", str(built), "SELECT ?a WHERE { ?a kg:endorses "]) == 2
    err = capsys.readouterr().err
    assert "invalid SPARQL" in err and "line 1" in err and "Traceback" not in err


def test_facts_jsonl_records(built):
    records = [json.loads(line) for line in (built / "facts.jsonl").read_text().splitlines()]
    endorse = [r for r in records if r["relation"] == "endorses" and r["polarity"] == "positive"]
    assert endorse and all(r["subject"] == "Trump" and r["object"] == "Tommy Tuberville" for r in endorse)
    first = endorse[0]
    text = EXAMPLE_ARTICLE.read_text().split("\n", 1)[1]
    assert text[first["start"]:first["end"]] == first["sentence"]
    assert first["date"] == "2020-04-05" and first["doc"] == str(EXAMPLE_ARTICLE)
    assert 0 < first["confidence"] <= 1
    assert {r["polarity"] for r in records} >= {"positive", "hypothetical"}


def test_bad_inputs_are_skipped_and_reported(tmp_path, capsys):
    (tmp_path / "bin.txt").write_bytes(b"\x00\xff")
    good = tmp_path / "good.jsonl"
    good.write_text('{"id": "g1", "text": "Jane Roe endorsed John Doe for mayor."}\n{broken\n', encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(tmp_path / "bin.txt"), str(good), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "bin.txt: binary file" in err and "good.jsonl:2: malformed JSON" in err
    assert "documents: 1 read, 2 skipped" in err


def test_nothing_readable_exits_nonzero_and_writes_nothing(tmp_path, capsys):
    (tmp_path / "empty.txt").write_text("")
    out = tmp_path / "out"
    assert main(["build", str(tmp_path / "empty.txt"), "-o", str(out)]) == 1
    assert "nothing was written" in capsys.readouterr().err
    assert not out.exists() or not any(p.name in ("graph.ttl", "facts.jsonl") for p in out.iterdir())


def test_unwritable_output_is_a_clear_error(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["build", str(EXAMPLE_ARTICLE), "-o", str(blocker / "sub"), "-q"]) == 1
    assert "cannot write" in capsys.readouterr().err


def test_html_is_offline_and_escapes_article_text(tmp_path):
    article = tmp_path / "xss.txt"
    article.write_text('Jane <script>alert(1)</script> Roe endorsed John "<img src=x onerror=alert(2)>" Doe.', encoding="utf-8")
    assert main(["build", str(EXAMPLE_ARTICLE), str(article), "-o", str(tmp_path / "o"), "-q"]) == 0
    page = (tmp_path / "o" / "graph.html").read_text()
    assert "<script>alert" not in page and "<img src=x" not in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//|url\(\s*["']?(https?:)?//""", page, re.I)
    assert "new vis.Network" in page


def test_build_leaves_the_garbage_collector_on_with_the_pipeline_frozen(tmp_path):
    import gc

    assert main(["build", str(EXAMPLE_ARTICLE), "-o", str(tmp_path), "-q"]) == 0
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0  # the imports and the model, never walked again
    gc.unfreeze()
