"""kg query runs no update unless asked; an Oxigraph store in use by another process fails clearly."""

import subprocess
import sys

import pytest

from kg.cli import main
from kg.graph import KnowledgeGraph

from ..conftest import EXAMPLE_ARTICLE

DELETE = "DELETE WHERE { ?a kg:endorses ?b }"


@pytest.fixture(scope="module")
def built(tmp_path_factory, nlp):
    out = tmp_path_factory.mktemp("out")
    assert main(["build", str(EXAMPLE_ARTICLE), "-o", str(out), "-q"]) == 0
    return out


def test_an_update_without_update_is_refused_and_changes_nothing(built, capsys):
    before = (built / "graph.ttl").read_bytes()
    assert main(["query", str(built), DELETE]) == 2
    assert "only with --update" in capsys.readouterr().err
    assert (built / "graph.ttl").read_bytes() == before


def test_update_rewrites_a_graph_file(tmp_path, built, capsys):
    path = tmp_path / "g.ttl"
    path.write_bytes((built / "graph.ttl").read_bytes())
    assert main(["query", str(path), "--update", DELETE]) == 0
    assert "triples before" in capsys.readouterr().err
    graph = KnowledgeGraph.load(path)
    assert len(graph.query("SELECT * WHERE { ?a kg:endorses ?b }")) == 0
    assert len(graph.query("SELECT * WHERE { ?a kg:appointed ?b }")) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["g.ttl"]  # no temporary file left


def test_update_expects_an_update(built, capsys):
    assert main(["query", str(built), "--update", "SELECT * WHERE { ?s ?p ?o }"]) == 2
    assert "expects a SPARQL Update" in capsys.readouterr().err


def test_update_an_oxigraph_store(tmp_path, nlp):
    store = f"oxigraph:{tmp_path / 'store'}"
    assert main(["build", str(EXAMPLE_ARTICLE), "--store", store, "-o", str(tmp_path / "o"), "-q"]) == 0
    assert main(["query", store, "--update", DELETE]) == 0
    assert main(["query", store, "ASK { ?a kg:endorses ?b }"]) == 0


def test_a_store_in_use_fails_clearly_and_stays_intact(tmp_path, nlp, capsys):
    path = tmp_path / "store"
    assert main(["build", str(EXAMPLE_ARTICLE), "--store", f"oxigraph:{path}", "-o", str(tmp_path / "o"), "-q"]) == 0
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import pyoxigraph, sys; s = pyoxigraph.Store({str(path)!r}); print('held', flush=True); sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        assert main(["build", str(EXAMPLE_ARTICLE), "--store", f"oxigraph:{path}", "-o", str(tmp_path / "o2"), "-q"]) == 1
        err = capsys.readouterr().err
        assert "in use by another process" in err and "Traceback" not in err
    finally:
        holder.communicate("")
    import pyoxigraph

    assert len(pyoxigraph.Store.read_only(str(path))) > 100


def test_a_second_kg_writer_is_told_the_store_is_in_use(tmp_path, nlp, capsys):
    """kg's own lock: a writer that finds another kg writer hears "in use", not "served"."""
    from kg.store import OxigraphStore

    path = tmp_path / "store"
    first = OxigraphStore(path)
    try:
        assert main(["build", str(EXAMPLE_ARTICLE), "--store", f"oxigraph:{path}", "-o", str(tmp_path / "o"), "-q"]) == 1
        err = capsys.readouterr().err
        assert "in use by another process" in err and "served" not in err and "Traceback" not in err
    finally:
        first.close()
    assert main(["build", str(EXAMPLE_ARTICLE), "--store", f"oxigraph:{path}", "-o", str(tmp_path / "o"), "-q"]) == 0
