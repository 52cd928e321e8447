"""Evidence sentences are nodes of their own (``kg:Sentence``), written once and referenced by every
assertion they state, so output grows with the input, not with the statements per sentence."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pyoxigraph as ox
import pytest

from kg.cli import main
from kg.graph import KnowledgeGraph
from kg.model import Entity, Evidence, Fact
from kg.ontology import KG, PROV, SENTENCE
from kg.rdf import sentence_iri, statement_triples, statements_triples
from kg.validate import validate

FIRST = ["Ana", "Bo", "Cy", "Dee", "Eli", "Fay", "Gus", "Hal", "Ida", "Jo"]
LAST = ["Ruiz", "Lind", "Okafor", "Mensah", "Novak", "Sato"]


def listing(n: int) -> str:
    """One invented sentence: a governor endorses ``n`` candidates."""
    names = [f"{first} {last}" for last in LAST for first in FIRST][:n]
    return f"Governor Pia Lund endorsed {', '.join(names[:-1])} and {names[-1]} in the primary."


def build(tmp_path, name: str, text: str):
    source = tmp_path / f"{name}.txt"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / name
    assert main(["build", str(source), "-o", str(out), "-q"]) == 0
    return out


def quads(out) -> list[ox.Quad]:
    return list(ox.parse(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE))


@pytest.fixture(scope="module")
def lists(tmp_path_factory, nlp):
    tmp = tmp_path_factory.mktemp("evidence")
    return {n: build(tmp, f"list{n}", listing(n)) for n in (10, 40)}


def test_a_sentence_is_written_once_however_many_facts_it_states(lists):
    out = lists[40]
    sentence = listing(40)
    found = quads(out)
    assertions = {q.subject for q in found if q.predicate == ox.NamedNode(str(KG.statedIn))}
    assert len(assertions) >= 30  # the parser may miss a name or two of a long list
    holders = [q for q in found if isinstance(q.object, ox.Literal) and q.object.value == sentence]
    assert [h.predicate.value for h in holders] == [str(KG.text)]
    assert {q.object for q in found if q.predicate == ox.NamedNode(str(KG.statedIn))} == {holders[0].subject}
    assert (out / "graph.ttl").read_text(encoding="utf-8").count("Governor Pia Lund endorsed") == 1
    assert (out / "graph.html").read_text(encoding="utf-8").count("Governor Pia Lund endorsed") == 1


def test_output_grows_linearly_with_the_list(lists):
    small, large = (quads(lists[n]) for n in (10, 40))
    assert len(large) / len(small) < 4.5  # O(N) triples: 4x the names, at most 4x the triples
    size = {n: (lists[n] / "graph.ttl").stat().st_size for n in lists}
    assert size[40] / size[10] < 4.5  # N copies of a sentence of N names would be ~16x
    data = {n: len(re.search(r'<script id="kg-data" type="application/json">(.*?)</script>',
                             (lists[n] / "graph.html").read_text(encoding="utf-8"), re.S).group(1)) for n in lists}
    assert data[40] / data[10] < 4.5  # the page's data too


def test_sentence_node_holds_text_offsets_and_document(lists):
    out = lists[10]
    graph = KnowledgeGraph.load(out).graph
    (said,) = graph.subjects(KG.text, None)
    text = (out.parent / "list10.txt").read_text(encoding="utf-8")
    start, end = int(graph.value(said, KG.start)), int(graph.value(said, KG.end))
    assert text[start:end] == str(graph.value(said, KG.text))
    assert str(said).startswith(str(SENTENCE))
    assert graph.value(said, KG.text) is not None and validate(graph).conforms
    assert {graph.value(said, PROV.wasDerivedFrom)} == set(graph.objects(None, PROV.wasDerivedFrom))
    rows = [json.loads(line) for line in (out / "facts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {(r["sentence"], r["start"], r["end"]) for r in rows} == {(text[start:end], start, end)}


def test_rebuilding_writes_the_same_iris(lists, tmp_path, nlp):
    again = tmp_path / "again"
    assert main(["build", str(lists[10].parent / "list10.txt"), "-o", str(again), "-q"]) == 0
    assert (again / "graph.ttl").read_bytes() == (lists[10] / "graph.ttl").read_bytes()
    iris = re.findall(r"sentence:\w+", (again / "graph.ttl").read_text(encoding="utf-8"))
    assert iris and len(set(iris)) == 1


def _fact(name: str, start: int = 0, doc: str = "d1", sentence: str = "Ann Lee endorsed them all.") -> Fact:
    evidence = Evidence(doc=doc, sentence=sentence, start=start, end=start + len(sentence), trigger="endorsed",
                        frame="active", confidence=0.9)
    return Fact(Entity("Ann Lee", "Person"), "endorses", Entity(name, "Person"), evidence)


def test_statements_of_a_document_name_each_entity_and_sentence_once():
    facts = [_fact(f"Candidate {k}") for k in range(50)] + [_fact("Bo Sato", start=40, sentence="Ann Lee endorsed Bo Sato.")]
    triples = list(statements_triples(facts))
    assert len(triples) == len(set(triples))
    texts = [o for _, p, o in triples if p == KG.text]
    assert sorted(map(str, texts)) == ["Ann Lee endorsed Bo Sato.", "Ann Lee endorsed them all."]
    one = len(list(statement_triples(facts[0])))
    per_fact = (len(triples) - one) / (len(facts) - 1)
    assert per_fact < one  # each further fact adds its assertion and object, not the sentence again


def test_sentence_iri_depends_on_document_and_offset_only():
    a = _fact("Bo Sato")
    assert sentence_iri(a.evidence) == sentence_iri(replace(a.evidence, trigger="backed", confidence=0.5))
    assert sentence_iri(a.evidence) != sentence_iri(replace(a.evidence, start=1))
    assert sentence_iri(a.evidence) != sentence_iri(replace(a.evidence, doc="d2"))
