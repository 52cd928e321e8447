"""A real Oxigraph server on 127.0.0.1: kg builds into it over HTTP, queries it, and serves stores."""

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from rdflib.compare import isomorphic

from kg.cli import main
from kg.graph import KnowledgeGraph
from kg.serve import ServeError, oxigraph_binary
from kg.store import SparqlStore

from ..conftest import EXAMPLE_ARTICLE, ROOT

pytestmark = pytest.mark.server
SECOND_ARTICLE = ROOT / "tests" / "data" / "council_vote_2021-06-14.txt"
ENDORSERS = "PREFIX kg: <https://w3id.org/kg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> " \
            "SELECT ?a ?b WHERE { ?x kg:endorses ?y . ?x rdfs:label ?a . ?y rdfs:label ?b } ORDER BY ?a ?b"


@pytest.fixture(scope="module")
def binary():
    try:
        return oxigraph_binary()
    except ServeError as err:
        pytest.skip(f"no Oxigraph server: {err}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def sparql_get(port: int, query: str) -> dict:
    """An independent client: the SPARQL 1.1 protocol over plain urllib, JSON results."""
    url = f"http://127.0.0.1:{port}/query?" + urllib.parse.urlencode({"query": query})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def wait_until_up(port: int, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}: {process.stderr.read().decode()}")
        try:
            sparql_get(port, "ASK {}")
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    raise TimeoutError(f"no server on port {port} after {seconds}s")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture
def oxigraph_server(binary, tmp_path):
    """`oxigraph serve` (read-write) on a free loopback port, stopped after the test."""
    port = free_port()
    process = subprocess.Popen([binary, "serve", "--location", str(tmp_path / "server-store"),
                                "--bind", f"127.0.0.1:{port}"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        wait_until_up(port, process)
        yield port
    finally:
        stop(process)


def rows(result: dict) -> list[tuple[str, ...]]:
    return [tuple(b[v]["value"] for v in result["head"]["vars"]) for b in result["results"]["bindings"]]


def test_build_into_a_server_over_http_and_query_it_back(oxigraph_server, tmp_path, capsys, nlp):
    port = oxigraph_server
    spec = f"sparql:http://127.0.0.1:{port}/query"
    assert main(["build", str(EXAMPLE_ARTICLE), "--store", spec, "-o", str(tmp_path / "a"), "-q"]) == 0
    store = SparqlStore(f"http://127.0.0.1:{port}/query")
    first = len(store)
    assert first > 100
    assert main(["build", str(EXAMPLE_ARTICLE), "--store", spec, "-o", str(tmp_path / "b"), "-q"]) == 0
    assert len(store) == first  # rebuilding the same document changes nothing
    assert main(["build", str(SECOND_ARTICLE), "--store", spec, "-o", str(tmp_path / "c"), "-q"]) == 0
    assert len(store) > first

    # the same answer from kg (memory build as the reference) and from a plain HTTP client
    assert main(["build", str(EXAMPLE_ARTICLE), str(SECOND_ARTICLE), "-o", str(tmp_path / "mem"), "-q"]) == 0
    assert isomorphic(store.graph(), KnowledgeGraph.load(tmp_path / "mem").graph)
    assert main(["query", spec, ENDORSERS, "--format", "csv"]) == 0
    over_http = capsys.readouterr().out
    assert main(["query", str(tmp_path / "mem"), ENDORSERS, "--format", "csv"]) == 0
    assert over_http == capsys.readouterr().out
    independent = rows(sparql_get(port, ENDORSERS))
    assert independent == [("Priya Raman", "Daniel Okafor"), ("Trump", "Tommy Tuberville")]
    assert main(["query", spec, "--named", "sources", "--param", "subject=Trump", "--param", "relation=endorses",
                 "--param", "object=Tommy Tuberville", "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["results"]["bindings"]) >= 2
    assert main(["query", spec, "SELECT ?x WHERE { ?x "]) == 2
    assert "invalid SPARQL at line 1" in capsys.readouterr().err


def kg_serve(*args: str) -> subprocess.Popen:
    code = "import sys; from kg.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.Popen([sys.executable, "-c", code, "serve", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory, nlp):
    path = tmp_path_factory.mktemp("served") / "store"
    assert main(["build", str(EXAMPLE_ARTICLE), "--store", f"oxigraph:{path}", "-o", str(path.parent / "out"), "-q"]) == 0
    return path


def test_kg_serve_is_read_only(binary, store_dir):
    port = free_port()
    process = kg_serve(f"oxigraph:{store_dir}", "--port", str(port))
    try:
        wait_until_up(port, process)
        assert rows(sparql_get(port, ENDORSERS)) == [("Trump", "Tommy Tuberville")]
        update = urllib.request.Request(f"http://127.0.0.1:{port}/update", method="POST",
                                        data=b"INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }",
                                        headers={"Content-Type": "application/sparql-update"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(update, timeout=10)
        assert refused.value.code in (403, 405)
        assert sparql_get(port, "ASK { <http://x/a> ?p ?o }")["boolean"] is False
    finally:
        stop(process)
    assert process.returncode == 0


def test_kg_serve_a_build_folder_and_allow_writes(binary, store_dir, tmp_path, nlp):
    out = tmp_path / "out"
    assert main(["build", str(SECOND_ARTICLE), "-o", str(out), "-q"]) == 0
    port = free_port()
    process = kg_serve(str(out), "--port", str(port))
    try:
        wait_until_up(port, process)
        assert rows(sparql_get(port, ENDORSERS)) == [("Priya Raman", "Daniel Okafor")]
    finally:
        stop(process)
    port = free_port()
    (tmp_path / "writable").mkdir()
    process = kg_serve(f"oxigraph:{tmp_path / 'writable'}", "--port", str(port), "--allow-writes")
    try:
        wait_until_up(port, process)
        assert main(["build", str(SECOND_ARTICLE), "--store", f"sparql:http://127.0.0.1:{port}/query",
                     "-o", str(tmp_path / "o2"), "-q"]) == 0
        assert rows(sparql_get(port, ENDORSERS)) == [("Priya Raman", "Daniel Okafor")]
    finally:
        stop(process)


def test_kg_serve_missing_store_is_a_clear_error(tmp_path, capsys):
    assert main(["serve", f"oxigraph:{tmp_path / 'missing'}"]) == 1
    err = capsys.readouterr().err
    assert "no Oxigraph store at" in err and "Traceback" not in err


@pytest.fixture(scope="module")
def big_store(tmp_path_factory):
    """An Oxigraph store large enough that a three-way cross join runs for minutes."""
    import pyoxigraph as ox

    path = tmp_path_factory.mktemp("big") / "store"
    store = ox.Store(str(path))
    store.extend(ox.Quad(ox.NamedNode(f"http://x/{i}"), ox.NamedNode("http://x/p"), ox.Literal(str(i))) for i in range(3000))
    store.flush()
    del store
    return path


RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z }"


def test_a_runaway_query_is_stopped_with_a_clear_message(binary, big_store, capsys):
    port = free_port()
    process = kg_serve(f"oxigraph:{big_store}", "--port", str(port), "--timeout", "1")
    try:
        wait_until_up(port, process)
        started = time.monotonic()
        assert main(["query", f"sparql:http://127.0.0.1:{port}/query", RUNAWAY]) == 1
        assert time.monotonic() - started < 15
        err = capsys.readouterr().err
        assert "stopped the query" in err and "time limit" in err and "Traceback" not in err
        assert rows(sparql_get(port, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")) == [("3000",)]
    finally:
        stop(process)
    announced = process.stderr.read().decode()
    assert "127.0.0.1" in announced and "queries stopped after 1 s" in announced


def test_kg_query_sends_no_update_to_an_endpoint(oxigraph_server, capsys):
    url = f"sparql:http://127.0.0.1:{oxigraph_server}/query"
    assert main(["query", url, "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }"]) == 2
    assert "only with --update" in capsys.readouterr().err
    assert sparql_get(oxigraph_server, "ASK { <http://x/a> ?p ?o }")["boolean"] is False
    assert main(["query", url, "--update", "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }"]) == 0
    assert sparql_get(oxigraph_server, "ASK { <http://x/a> ?p ?o }")["boolean"] is True


def test_two_shards_in_two_processes_merge_into_one_graph(oxigraph_server, tmp_path, nlp):
    """Independent `kg build` workers writing into one endpoint give the graph of a single build."""
    shards = [[str(EXAMPLE_ARTICLE)], [str(SECOND_ARTICLE), str(ROOT / "tests" / "data" / "senate_debate_2020-06-30.txt")]]
    url = f"sparql:http://127.0.0.1:{oxigraph_server}/query"
    code = "import sys; from kg.cli import main; sys.exit(main(sys.argv[1:]))"
    workers = [
        subprocess.Popen([sys.executable, "-c", code, "build", *shard, "--store", url, "-o", str(tmp_path / f"shard{i}"), "-q"])
        for i, shard in enumerate(shards)
    ]
    assert [w.wait(timeout=300) for w in workers] == [0, 0]
    whole = tmp_path / "whole"
    assert main(["build", *(p for shard in shards for p in shard), "-o", str(whole), "-q"]) == 0
    merged = SparqlStore(f"http://127.0.0.1:{oxigraph_server}/query").graph()
    single = KnowledgeGraph.load(whole).graph
    assert len(merged) == len(single)
    assert isomorphic(merged, single)
    people = sparql_get(oxigraph_server, "SELECT ?l WHERE { ?p a <https://w3id.org/kg/ontology#Person> ; "
                                         "<http://www.w3.org/2000/01/rdf-schema#label> ?l } ORDER BY ?l")
    labels = [label for (label,) in rows(people)]
    assert labels.count("Jeff Sessions") == 1 and labels.count("Tommy Tuberville") == 1
