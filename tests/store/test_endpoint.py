"""`kg serve` against hostile clients, all on 127.0.0.1: nesting, SERVICE, runaway queries, mixed load.

Every request loop here is bounded in count and in time, and talks only to servers these tests start."""

import signal
import socket
import statistics
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import psutil
import pytest

from kg.cli import main

from ..conftest import EXAMPLE_ARTICLE
from ..test_guard import HOSTILE, RUNAWAYS
from .test_server import ENDORSERS, big_store, free_port, kg_serve, rows, sparql_get, stop, store_dir, wait_until_up  # noqa: F401

pytestmark = pytest.mark.server


def post(port: int, query: str, timeout: float = 30) -> tuple[int, bytes]:
    """POST a query as a form (the SPARQL protocol); the status and body, whatever the status."""
    data = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}/query", data=data,
                                     headers={"Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def served(store, *options):
    port = free_port()
    process = kg_serve(f"oxigraph:{store}", "--port", str(port), *options)
    wait_until_up(port, process)
    return port, process


def tree_cpu_seconds(process) -> float:
    """User + system CPU seconds of a process and every process under it."""
    parent = psutil.Process(process.pid)
    total = 0.0
    for proc in [parent, *parent.children(recursive=True)]:
        try:
            times = proc.cpu_times()
            total += times.user + times.system
        except psutil.NoSuchProcess:
            pass
    return total


def test_nested_queries_get_400_and_the_server_answers_the_next(store_dir):
    port, process = served(store_dir)
    try:
        for text in HOSTILE:
            status, body = post(port, text)
            assert status == 400 and b"refused" in body
            assert rows(sparql_get(port, ENDORSERS)) == [("Trump", "Tommy Tuberville")]
        assert process.poll() is None
    finally:
        stop(process)


def test_service_to_a_local_listener_is_refused_and_the_listener_sees_nothing(store_dir):
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        listener.settimeout(1)
        target = listener.getsockname()[1]
        port, process = served(store_dir)
        try:
            for text in (f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{target}/sparql> {{ ?s ?p ?o }} }}",
                         f"SELECT * FROM <http://127.0.0.1:{target}/g.ttl> WHERE {{ ?s ?p ?o }}"):
                status, body = post(port, text)
                assert status == 400 and b"--allow-service" in body
            with pytest.raises(TimeoutError):
                listener.accept()
        finally:
            stop(process)


def test_runaway_queries_stop_within_the_limit_and_the_cpu_goes_idle(big_store):
    port, process = served(big_store, "--timeout", "1")
    try:
        for text in RUNAWAYS:
            started = time.monotonic()
            status, body = post(port, text)
            assert status == 503 and b"time limit" in body
            assert time.monotonic() - started < 2.0  # --timeout + 1 s
        time.sleep(0.5)  # the killed workers' replacements start
        before = tree_cpu_seconds(process)
        time.sleep(2)
        assert tree_cpu_seconds(process) - before < 0.3  # idle: no query is still running anywhere
        assert rows(sparql_get(port, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")) == [("3000",)]
    finally:
        stop(process)


def test_kg_query_reports_the_servers_time_limit(big_store, capsys):
    port, process = served(big_store, "--timeout", "1")
    try:
        assert main(["query", f"sparql:http://127.0.0.1:{port}/query", RUNAWAYS[0]]) == 1
        err = capsys.readouterr().err
        assert "stopped the query" in err and "time limit" in err and "Traceback" not in err
    finally:
        stop(process)


def test_a_served_store_refuses_a_writer_until_the_server_stops(store_dir, tmp_path, capsys, nlp):
    port, process = served(store_dir)
    try:
        assert main(["build", str(EXAMPLE_ARTICLE), "--store", f"oxigraph:{store_dir}", "-o", str(tmp_path / "o"),
                     "-q"]) == 1
        err = capsys.readouterr().err
        assert "served read-only by kg serve" in err and "Traceback" not in err
        assert main(["query", f"oxigraph:{store_dir}", "--update", "INSERT DATA { <http://x/a> <http://x/b> 1 }"]) == 1
        err = capsys.readouterr().err
        assert "served read-only by kg serve" in err and len(err.strip().splitlines()) == 1
    finally:
        stop(process)
    assert main(["build", str(EXAMPLE_ARTICLE), "--store", f"oxigraph:{store_dir}", "-o", str(tmp_path / "o"),
                 "-q"]) == 0


def test_mixed_normal_and_hostile_load_keeps_normal_queries_fast(big_store):
    """4 clients send 40 normal queries each while 2 send hostile ones (nested, SERVICE, runaway),
    bounded at 40 requests each and 60 s in all; the normal queries' p99 stays under 1 s."""
    port, process = served(big_store, "--timeout", "1")
    normal = "SELECT ?s ?o WHERE { ?s <http://x/p> ?o } ORDER BY ?o LIMIT 10"
    hostile = [*HOSTILE, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", *RUNAWAYS]
    latencies: list[float] = []
    statuses: list[int] = []
    stop_at = time.monotonic() + 60
    done = threading.Event()

    def normal_client():
        for _ in range(40):
            if time.monotonic() > stop_at:
                return
            started = time.monotonic()
            status, _ = post(port, normal)
            latencies.append(time.monotonic() - started)
            statuses.append(status)

    def hostile_client(offset):
        for i in range(40):
            if done.is_set() or time.monotonic() > stop_at:
                return
            post(port, hostile[(i + offset) % len(hostile)])

    try:
        clients = [threading.Thread(target=normal_client) for _ in range(4)]
        attackers = [threading.Thread(target=hostile_client, args=(k * 3,)) for k in range(2)]
        for thread in clients + attackers:
            thread.start()
        for thread in clients:
            thread.join()
        done.set()
        for thread in attackers:
            thread.join()
        assert statuses.count(200) == len(statuses) == 160
        p99 = statistics.quantiles(latencies, n=100)[98]
        print(f"normal queries under hostile load: {len(latencies)}, p50 {statistics.median(latencies):.3f} s, "
              f"p99 {p99:.3f} s")
        assert p99 < 1.0
        assert process.poll() is None
    finally:
        stop(process)


def test_a_worker_that_dies_mid_query_is_a_500_and_is_replaced(big_store):
    port, process = served(big_store, "--timeout", "20", "--workers", "1")
    try:
        answer = {}
        thread = threading.Thread(target=lambda: answer.update(result=post(port, RUNAWAYS[0])))
        thread.start()
        time.sleep(1.0)  # the runaway is running: its worker is the one using the CPU
        workers = [p for p in psutil.Process(process.pid).children() if "kg.workers" in " ".join(p.cmdline())]
        busiest = max(workers, key=lambda p: p.cpu_times().user)
        busiest.send_signal(signal.SIGSEGV)  # what an engine crash looks like from outside
        thread.join(timeout=10)
        status, body = answer["result"]
        assert status == 500 and b"crashed" in body
        assert rows(sparql_get(port, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")) == [("3000",)]
    finally:
        stop(process)


def test_allow_writes_takes_updates_and_uploads_but_still_guards(tmp_path):
    store = tmp_path / "writable"
    store.mkdir()
    port, process = served(store, "--allow-writes")
    try:
        def send(path, body, kind):
            request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=body.encode(),
                                             headers={"Content-Type": kind})
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    return response.status, response.read()
            except urllib.error.HTTPError as err:
                return err.code, err.read()

        assert send("/update", "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }",
                    "application/sparql-update")[0] == 204
        assert send("/store?default", "<http://x/d> <http://x/b> <http://x/c> .", "application/n-triples")[0] == 204
        status, body = send("/update", "LOAD <http://127.0.0.1:9/g.ttl>", "application/sparql-update")
        assert status == 400 and b"LOAD" in body
        assert rows(sparql_get(port, "SELECT (COUNT(*) AS ?n) WHERE { ?s <http://x/b> ?o }")) == [("2",)]
    finally:
        stop(process)
