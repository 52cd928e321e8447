"""The store package: one registry of schemes, capability flags, and a graph file that writes itself back."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef

from kg.cli import main
from kg.store import FileStore, MemoryStore, OxigraphStore, SparqlStore, Store, StoreError, open_store, register, store_class
from kg.store.registry import STORES

A, B = URIRef("http://example.org/a"), URIRef("http://example.org/b")
INSERT = "INSERT DATA { <http://example.org/x> <http://example.org/y> 'z' }"


@pytest.fixture
def ttl(tmp_path):
    path = tmp_path / "g.ttl"
    Graph().add((A, B, Literal("one"))).serialize(path, format="turtle")
    return path


def read(path, fmt="turtle") -> Graph:
    return Graph().parse(path, format=fmt)


def test_each_scheme_opens_its_class_and_anything_else_is_a_file(ttl, tmp_path):
    assert store_class("memory") is MemoryStore
    assert store_class("oxigraph:data/") is OxigraphStore
    assert store_class("sparql:http://127.0.0.1:1/query") is SparqlStore
    assert store_class(f"file:{ttl}") is FileStore
    assert store_class(str(ttl)) is FileStore
    assert store_class("notascheme:x.ttl") is FileStore  # an unknown scheme is part of a path
    assert type(open_store(str(ttl))) is FileStore and type(open_store(f"file:{ttl}")) is FileStore
    with pytest.raises(StoreError, match="no location"):
        open_store("memory:somewhere")


def test_capability_flags_say_what_a_store_can_do(ttl, tmp_path):
    memory, file = open_store("memory"), open_store(str(ttl))
    oxi, oxi_ro = OxigraphStore(tmp_path / "ox"), None
    oxi.close()
    oxi_ro = open_store(f"oxigraph:{tmp_path / 'ox'}", read_only=True)
    try:
        assert (memory.persistent, memory.writable, memory.named_graphs, memory.remote) == (False, True, False, False)
        assert (file.persistent, file.writable) == (True, True)
        assert (oxi_ro.persistent, oxi_ro.writable, oxi_ro.named_graphs) == (True, False, True)
        assert OxigraphStore().persistent is False  # an Oxigraph store without a folder
        assert SparqlStore("http://127.0.0.1:1/query").remote
        assert not open_store(str(ttl), read_only=True).writable
    finally:
        oxi_ro.close()


def test_a_read_only_store_refuses_writers_in_one_line(ttl, tmp_path):
    for store in (open_store(str(ttl), read_only=True), MemoryStore(read_only=True),
                  SparqlStore("http://127.0.0.1:1/query", read_only=True)):
        with pytest.raises(StoreError, match="open read-only"):
            store.add([(A, B, Literal("two"))])
        with pytest.raises(StoreError, match="open read-only"):
            store.update(INSERT)
    assert len(read(ttl)) == 1


def test_a_graph_file_writes_back_what_is_added_on_close_in_its_own_format(tmp_path):
    path = tmp_path / "g.nt"
    Graph().add((A, B, Literal("one"))).serialize(path, format="nt")
    store = open_store(str(path))
    store.add([(A, B, Literal("two"))])
    assert len(read(path, "nt")) == 1  # not yet: on flush or close
    store.close()
    assert {str(o) for o in read(path, "nt").objects(A, B)} == {"one", "two"}
    assert [p.name for p in tmp_path.iterdir()] == ["g.nt"]  # no temporary file left


def test_an_update_is_written_back_at_once_and_a_failed_one_changes_nothing(ttl):
    with open_store(str(ttl)) as store:
        store.update(INSERT)
        assert len(read(ttl)) == 2
        with pytest.raises(Exception, match="SPARQL"):
            store.update("INSERT DATA { broken")
    assert len(read(ttl)) == 2


def test_a_file_of_named_graphs_is_not_written_back_as_their_union(tmp_path):
    path = tmp_path / "g.trig"
    path.write_text("<http://example.org/g> { <http://example.org/a> <http://example.org/b> 'one' . }\n")
    before = path.read_text()
    store = open_store(str(path))
    assert len(store) == 1 and not store.writable
    with pytest.raises(StoreError, match="holds named graphs"):
        store.update(INSERT)
    store.close()
    assert path.read_text() == before
    assert main(["query", str(path), "--update", INSERT]) == 1
    assert path.read_text() == before


def test_kg_query_update_on_a_build_folder_rewrites_its_graph(tmp_path, ttl, capsys):
    folder = tmp_path / "build"
    folder.mkdir()
    ttl.rename(folder / "graph.ttl")
    assert main(["query", str(folder), "--update", INSERT]) == 0
    assert "1 triples before, 2 after" in capsys.readouterr().err
    assert len(read(folder / "graph.ttl")) == 2


def test_a_registered_scheme_opens_through_open_store():
    class Fixed(MemoryStore):
        @classmethod
        def open(cls, location: str, read_only: bool = False) -> Store:
            store = cls(read_only=read_only)
            store.add([(A, B, Literal(location))])
            return store

    register("fixed", Fixed)
    try:
        store = open_store("fixed:hello")
        assert isinstance(store, Fixed) and {str(o) for o in store.graph().objects(A, B)} == {"hello"}
    finally:
        del STORES["fixed"]


@pytest.fixture(scope="module")
def built(tmp_path_factory, nlp):
    from kg.build import build

    from ..conftest import EXAMPLE_ARTICLE

    out = tmp_path_factory.mktemp("folder") / "out"
    build([EXAMPLE_ARTICLE], out, nlp=nlp, title="Runoff <desk>")
    return out


def test_an_update_of_a_build_folder_rewrites_its_page_and_facts_with_its_graph(built, tmp_path, capsys):
    import json
    import shutil

    folder = tmp_path / "out"
    shutil.copytree(built, folder)
    records = [json.loads(line) for line in (folder / "facts.jsonl").read_text().splitlines()]
    assert any(r["relation"] == "endorses" for r in records) and any(r["relation"] != "endorses" for r in records)

    assert main(["query", str(folder), "--update", INSERT]) == 0  # every statement stays: every record stays
    assert (folder / "facts.jsonl").read_text().splitlines() == [json.dumps(r, ensure_ascii=False) for r in records]
    before = (folder / "graph.html").read_text()

    drop = "DELETE WHERE { ?a a kg:Assertion ; kg:predicate kg:endorses ; ?p ?o }"
    assert main(["query", str(folder), "--update", drop]) == 0
    kept = [json.loads(line) for line in (folder / "facts.jsonl").read_text().splitlines()]
    assert kept == [r for r in records if r["relation"] != "endorses"]
    page = (folder / "graph.html").read_text()
    assert page != before and "<title>Runoff &lt;desk&gt;</title>" in page
    assert sorted(p.name for p in folder.iterdir()) == ["facts.jsonl", "graph.html", "graph.ttl"]
