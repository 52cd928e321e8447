"""Hostile input and safe output: fuzzed readers, arbitrary names through IRIs and RDF, odd
files and folders, and document ids that look like paths."""

import io
import json
import os
import tempfile
import threading
from pathlib import Path

import pyoxigraph
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.cli import main
from kg.documents import Document, Problem, read_jsonl, read_path, read_stream, read_text_file
from kg.graph import KnowledgeGraph, write_with_oxigraph
from kg.iris import document_iri, entity_iri
from kg.model import Entity, Evidence, Fact

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NAMES = ['Jane "JJ" O\'Neil', "<script>alert(1)</script>", "back\\slash\\", "two\nlines\r\n", "🙂 Émoji 👩‍👩‍👧",
         "שלום עליכם", "مرحبا بالعالم", "e\u0301\u0301\u0301 combining", "x" * 10_000, "\u202eevil\u202c", "a\x00b\x1fc",
         "}{@prefix x: <y> .", "\ufeff\u200b", "   "]


def items_are_documents_or_problems(items) -> None:
    for item in items:
        assert isinstance(item, Document | Problem)
        if isinstance(item, Document):
            assert item.text.strip() and isinstance(item.id, str)
            item.text.encode("utf-8")  # no lone surrogates reach the pipeline


# -- fuzzing the readers ------------------------------------------------------------------------


@FUZZ
@given(st.binary(max_size=2000))
@example(b"\xef\xbb\xbfdate 2020-01-01\n")
@example(b"\x00" * 10)
@example(b"\xff\xfe" + "hello".encode("utf-16-le"))
def test_random_bytes_through_the_text_reader(data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.txt"
        path.write_bytes(data)
        items_are_documents_or_problems(list(read_text_file(path)))


@FUZZ
@given(st.lists(st.one_of(st.binary(max_size=200), st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
                          st.builds(lambda t, i: json.dumps({"id": i, "text": t}).encode(), st.text(), st.text())), max_size=20))
@example([b'{"text": "a\\ud800b", "id": "\\udfff"}', b"[" * 50_000, b'{"text": "date 2020-01-01\\n"}'])
def test_random_lines_through_the_jsonl_reader(lines):
    items_are_documents_or_problems(read_jsonl(lines, "fuzz.jsonl"))


@FUZZ
@given(st.binary(max_size=2000))
@example(b'{"text": "x"}\n\x00\x01\n{')
@example(b"\n\n\n")
def test_random_bytes_through_the_stdin_reader(data):
    items_are_documents_or_problems(read_stream(io.TextIOWrapper(io.BytesIO(data)), "<stdin>"))


@FUZZ
@given(st.lists(st.tuples(st.sampled_from([".txt", ".md", ".jsonl", ".ndjson", ".csv"]), st.binary(max_size=500)), max_size=6))
def test_random_files_in_a_folder(files):
    with tempfile.TemporaryDirectory() as folder:
        for number, (suffix, data) in enumerate(files):
            (Path(folder) / f"f{number}{suffix}").write_bytes(data)
        items = list(read_path(folder))
        items_are_documents_or_problems(items)
        assert len(items) >= sum(suffix != ".csv" for suffix, _ in files)  # every file is read or reported


# -- odd inputs ----------------------------------------------------------------------------------


def test_a_million_empty_lines(tmp_path, extractor):
    (tmp_path / "blank.txt").write_text("\n" * 1_000_000)
    (tmp_path / "blank.jsonl").write_text("\n" * 1_000_000)
    assert [str(p) for p in read_path(tmp_path)] == [f"{tmp_path}/blank.jsonl: empty document (no JSON lines)",
                                                     f"{tmp_path}/blank.txt: empty document"]
    text = "\n" * 1_000_000 + "Ann Lee endorsed Bo Kim."
    (fact,) = extractor.extract(Document(id="late", text=text)).facts
    assert (fact.evidence.start, text[fact.evidence.start:fact.evidence.end]) == (1_000_000, "Ann Lee endorsed Bo Kim.")


def test_jsonl_with_ten_percent_malformed_lines(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text("".join(("{broken\n" if i % 10 == 3 else json.dumps({"id": f"n{i}", "text": f"Story {i}."}) + "\n")
                            for i in range(1000)))
    items = list(read_path(path))
    problems = [i for i in items if isinstance(i, Problem)]
    assert len(items) == 1000 and len(problems) == 100
    assert problems[0].where == f"{path}:4" and problems[-1].where == f"{path}:994"


def test_symlink_loops_end_and_are_reported(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "to_b").symlink_to(tmp_path / "b")
    (tmp_path / "b" / "to_a").symlink_to(tmp_path / "a")
    (tmp_path / "a" / "self").symlink_to(tmp_path / "a")
    (tmp_path / "a" / "news.txt").write_text("Ann Lee endorsed Bo Kim.")
    (tmp_path / "b" / "loop.txt").symlink_to(tmp_path / "b" / "loop.txt")
    (tmp_path / "b" / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    items = list(read_path(tmp_path))
    assert [d.text for d in items if isinstance(d, Document)] == ["Ann Lee endorsed Bo Kim."]
    problems = {Path(p.where).name: p.message for p in items if isinstance(p, Problem)}
    assert problems == {"loop.txt": "cannot read: Too many levels of symbolic links", "gone.txt": "no such file or folder"}


def test_a_file_that_disappears_mid_build_is_a_problem(tmp_path):
    for name in ("1.txt", "2.txt", "3.jsonl", "4.txt"):
        (tmp_path / name).write_text('{"text": "Later news."}' if name.endswith("jsonl") else f"News {name}.")
    items = read_path(tmp_path)
    assert next(items).text == "News 1.txt."
    (tmp_path / "2.txt").unlink()
    (tmp_path / "3.jsonl").unlink()
    rest = [str(i) if isinstance(i, Problem) else i.text for i in items]
    assert rest == [f"{tmp_path}/2.txt: no such file or folder", f"{tmp_path}/3.jsonl: no such file or folder", "News 4.txt."]


def test_a_fifo_in_a_folder_is_not_opened_even_through_a_link(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "link.txt").symlink_to(tmp_path / "pipe.txt")
    (tmp_path / "ok.txt").write_text("Fine.")
    found: list = []
    reader = threading.Thread(target=lambda: found.extend(read_path(tmp_path)), daemon=True)
    reader.start()
    reader.join(timeout=10)
    assert not reader.is_alive(), "reading a folder blocked on a FIFO"
    assert [d.text for d in found] == ["Fine."]


def test_lone_surrogates_in_jsonl_become_replacement_characters():
    (doc,) = read_jsonl([b'{"id": "x\\ud800", "text": "Ann\\udc00 Lee endorsed Bo Kim."}'], "in.jsonl")
    assert (doc.id, doc.text) == ("x\ufffd", "Ann\ufffd Lee endorsed Bo Kim.")


# -- output paths ----------------------------------------------------------------------------------


def test_ids_that_look_like_paths_stay_inside_file_contents(tmp_path):
    ids = ["../../etc/passwd", "/etc/passwd", "..\\..\\windows\\system32", "out/../../escape", "~/.ssh/id_rsa"]
    corpus = tmp_path / "in" / "corpus.jsonl"
    corpus.parent.mkdir()
    corpus.write_text("".join(json.dumps({"id": i, "text": "Ann Lee endorsed Bo Kim."}) + "\n" for i in ids))
    out = tmp_path / "work" / "out"
    assert main(["build", str(corpus), "-o", str(out), "-q"]) == 0
    everything = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*"))
    assert everything == ["in", "in/corpus.jsonl", "work", "work/out", "work/out/facts.jsonl", "work/out/graph.html", "work/out/graph.ttl"]
    assert {json.loads(line)["doc"] for line in (out / "facts.jsonl").read_text().splitlines()} == set(ids)
    graph = KnowledgeGraph.load(out)
    rows = graph.query("SELECT ?id WHERE { ?d a kg:Document ; dcterms:identifier ?id }")
    assert {row["id"] for row in rows.dicts()} == set(ids)
    assert all(str(document_iri(i)).startswith("https://w3id.org/kg/document/") and "/" not in str(document_iri(i))[29:]
               for i in ids)


# -- names through IRIs and RDF ------------------------------------------------------------------


def oxigraph_triples(data: bytes, fmt: pyoxigraph.RdfFormat) -> set[tuple]:
    def term(t):
        if isinstance(t, pyoxigraph.Literal):
            return ("literal", t.value, None if t.language else t.datatype.value, t.language)
        return ("iri", t.value)

    return {(term(q.subject), term(q.predicate), term(q.object)) for q in pyoxigraph.parse(data, format=fmt)}


def rdflib_triples(graph: Graph) -> set[tuple]:
    def term(t):
        if isinstance(t, Literal):
            datatype = None if t.language else str(t.datatype or XSD_STRING)
            return ("literal", str(t), datatype, t.language)
        assert isinstance(t, URIRef)
        return ("iri", str(t))

    return {(term(s), term(p), term(o)) for s, p, o in graph}


def graph_of(names: list[str]) -> KnowledgeGraph:
    graph = KnowledgeGraph()
    people = [Entity(name, "Person", frozenset({name[::-1], name.upper()})) for name in names]
    graph.add_document(Document(id=names[0], text="x", date="2024-01-31", title=names[-1], source=names[0]))
    for subject, obj in zip(people, people[1:] + people[:1]):
        graph.add_fact(Fact(subject, "endorses", obj, Evidence(
            doc=names[0], sentence=f"{subject.label} endorsed {obj.label}.", start=0, end=1, trigger=obj.label,
            frame="active", confidence=0.9, speaker=subject)))
    return graph


OXIGRAPH_FORMATS = {"turtle": pyoxigraph.RdfFormat.TURTLE, "nt": pyoxigraph.RdfFormat.N_TRIPLES}
NAME = st.text(min_size=1, max_size=300) | st.sampled_from(NAMES)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(NAME, min_size=1, max_size=4, unique=True))
@example(NAMES)
def test_any_name_gives_valid_iris_and_rdf_both_parsers_read_back_the_same(names):
    """rdflib's writer and Oxigraph's (used for large graphs) both round-trip through both parsers."""
    for name in names:
        iri = str(entity_iri(Entity(name, "Person")))
        assert iri.isascii() and not any(c in iri for c in '<>"{}|^`\\ \n')
        assert pyoxigraph.NamedNode(iri).value == iri
    graph = graph_of(names)
    with tempfile.TemporaryDirectory() as folder:
        by_oxigraph = io.BytesIO()
        write_with_oxigraph(graph.graph, by_oxigraph)
        for data, fmt in ((graph.serialize(Path(folder) / "graph.ttl").read_bytes(), "turtle"),
                          (by_oxigraph.getvalue(), "turtle"),
                          (graph.serialize(Path(folder) / "graph.nt").read_bytes(), "nt")):
            assert isomorphic(Graph().parse(data=data, format=fmt), graph.graph)
            assert oxigraph_triples(data, OXIGRAPH_FORMATS[fmt]) == rdflib_triples(graph.graph)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(NAME, min_size=1, max_size=4, unique=True))
@example(NAMES)
def test_any_name_travels_intact_in_sparql_update_requests(names):
    """The terms ``--store sparql:URL`` sends in ``INSERT DATA`` requests, read by Oxigraph's SPARQL parser."""
    from kg.store.sparql import _nt

    graph = graph_of(names)
    store = pyoxigraph.Store()
    store.update("INSERT DATA {\n" + "\n".join(f"{_nt(s)} {_nt(p)} {_nt(o)} ." for s, p, o in graph.graph) + "\n}")
    data = pyoxigraph.serialize(store, format=pyoxigraph.RdfFormat.N_QUADS)
    assert oxigraph_triples(data, pyoxigraph.RdfFormat.N_QUADS) == rdflib_triples(graph.graph)


def test_distinct_names_get_distinct_iris():
    """Names that differ other than by letter case (the resolver folds case) get distinct IRIs."""
    names = ["Ann Lee", "Ann  Lee", "Ann-Lee", "Ánn Lee", "x" * 10_000, "x" * 10_001]
    assert len({entity_iri(Entity(n, "Person")) for n in names}) == len(names)


@pytest.mark.parametrize("name", NAMES)
def test_any_name_survives_a_build(tmp_path, name):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": name, "title": name, "text": f"{name} endorsed Bo Kim. Ann Lee endorsed {name}."}) + "\n")
    assert main(["build", str(corpus), "-o", str(tmp_path / "o"), "-q"]) == 0
    data = (tmp_path / "o" / "graph.ttl").read_bytes()
    assert oxigraph_triples(data, pyoxigraph.RdfFormat.TURTLE) == rdflib_triples(Graph().parse(data=data, format="turtle"))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1, max_size=400))
@example("“Ann Lee endorsed Bo Kim,” she said.\u202e Dr. (Smith) resigned; 🙂 \x00")
def test_arbitrary_unicode_documents_extract_with_exact_offsets(extractor, text):
    extraction = extractor.extract(Document(id="fuzz", text=text))
    for fact in extraction.facts:
        assert text[fact.evidence.start:fact.evidence.end] == fact.evidence.sentence


def test_a_ten_megabyte_single_line_document_is_built(tmp_path):
    """10 MB on one line (over spaCy's 1,000,000-character limit): parsed in pieces, facts from
    both ends with exact offsets, no hang. The middle is one 10-million-character "word", which
    costs the parser little, so the test stays fast."""
    sentence = "Governor Alma Reyes endorsed Victor Osei. The hall was full an hour before the event began. "
    text = sentence * 20 + "x" * 10_000_000 + " " + sentence * 20
    (tmp_path / "long.txt").write_text(text)
    assert main(["build", str(tmp_path / "long.txt"), "-o", str(tmp_path / "o"), "-q"]) == 0
    records = [json.loads(line) for line in (tmp_path / "o" / "facts.jsonl").read_text().splitlines()]
    endorsements = sorted(r["start"] for r in records if r["relation"] == "endorses")
    assert len(endorsements) == 40 and endorsements[-1] > 10_000_000
    assert all(text[r["start"]:r["end"]] == r["sentence"] for r in records)
