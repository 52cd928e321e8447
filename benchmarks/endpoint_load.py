"""Load on a real ``kg serve`` over loopback: named queries from threads, optionally with hostile ones.

    python benchmarks/endpoint_load.py oxigraph:STORE [--queries 2000] [--threads 8] [--hostile 2]
        [--timeout 2] [--seconds 300] [--command 'oxigraph serve-read-only ...']

Starts ``kg serve`` on a free 127.0.0.1 port, checks that updates, LOAD, DROP and Graph Store
writes are refused (403), then sends ``--queries`` named queries (kg's library, rendered with
their parameters) from ``--threads`` threads while ``--hostile`` more threads send nested,
SERVICE and runaway queries, and prints queries/s, p50, p99 and errors of the named queries.
Every loop is bounded by its count and by ``--seconds``; only 127.0.0.1 is ever contacted.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

from kg.named import get

NAMED = [get("endorsements").render(), get("positions").render(), get("facts-with-evidence").render(),
         get("since-date").render({"since": "2020-01-01"}), get("denied-or-hypothetical").render(),
         get("sources").render({"subject": "Trump", "relation": "endorses", "object": "Tommy Tuberville"})]
HOSTILE = ["SELECT * WHERE " + "{" * 1691 + " ?s ?p ?o " + "}" * 1691,
           "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 3346 + "true" + ")" * 3346 + ") }",
           "SELECT * WHERE { ?s ?p ?o FILTER(" + "!" * 3410 + "true) }",
           "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
           "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
           "SELECT ?a WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?f ?c LIMIT 1",
           "SELECT DISTINCT ?a ?d ?g WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"]
WRITES = [("/update", "application/sparql-update", "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }"),
          ("/update", "application/sparql-update", "LOAD <http://127.0.0.1:9/x.ttl>"),
          ("/update", "application/sparql-update", "DROP ALL"),
          ("/store?default", "application/n-triples", "<http://x/a> <http://x/b> <http://x/c> .")]


def post(url: str, body: bytes, content_type: str, timeout: float = 60) -> int:
    request = urllib.request.Request(url, data=body, headers={"Content-Type": content_type,
                                                              "Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as err:
        err.read()
        return err.code
    except (urllib.error.URLError, ConnectionError):
        return 0  # no server there (any more)


def query(port: int, text: str) -> int:
    return post(f"http://127.0.0.1:{port}/query", urllib.parse.urlencode({"query": text}).encode(),
                "application/x-www-form-urlencoded")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store")
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--hostile", type=int, default=0, help="threads sending hostile queries alongside")
    parser.add_argument("--timeout", type=int, default=2, help="the server's --timeout")
    parser.add_argument("--seconds", type=float, default=300, help="stop every loop after this long")
    parser.add_argument("--command", help="serve with this command instead, {store}, {port} and {timeout} "
                        "filled in (e.g. 'oxigraph serve-read-only --location {store} --bind 127.0.0.1:{port} "
                        "--timeout-s {timeout}' to compare with the Oxigraph server)")
    args = parser.parse_args()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    if args.command:
        argv = args.command.format(store=args.store.removeprefix("oxigraph:"), port=port, timeout=args.timeout).split()
    else:
        argv = [sys.executable, "-c", "import sys; from kg.cli import main; sys.exit(main())", "serve", args.store,
                "--port", str(port), "--timeout", str(args.timeout)]
    server = subprocess.Popen(argv, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(600):
            if query(port, "ASK {}") == 200:
                break
            time.sleep(0.1)
        refused = [post(f"http://127.0.0.1:{port}{path}", body.encode(), kind) for path, kind, body in WRITES]
        print(f"writes (update, LOAD, DROP, graph store): {refused}")
        latencies: list[float] = []
        errors = 0
        hostile_sent = 0
        stop_at = time.monotonic() + args.seconds
        per_thread = args.queries // args.threads
        done = threading.Event()

        def normal(offset: int) -> None:
            nonlocal errors
            for i in range(per_thread):
                if time.monotonic() > stop_at:
                    return
                started = time.monotonic()
                status = query(port, NAMED[(i + offset) % len(NAMED)])
                latencies.append(time.monotonic() - started)
                errors += status != 200

        def hostile(offset: int) -> None:
            nonlocal hostile_sent
            i = offset
            while not done.is_set() and time.monotonic() < stop_at and hostile_sent < 10 * args.queries:
                query(port, HOSTILE[i % len(HOSTILE)])
                hostile_sent += 1
                i += 1

        attackers = [threading.Thread(target=hostile, args=(k * 3,)) for k in range(args.hostile)]
        clients = [threading.Thread(target=normal, args=(k,)) for k in range(args.threads)]
        started = time.monotonic()
        for thread in attackers + clients:
            thread.start()
        for thread in clients:
            thread.join()
        elapsed = time.monotonic() - started
        done.set()
        for thread in attackers:
            thread.join()
        print(f"named queries: {len(latencies)} from {args.threads} threads in {elapsed:.1f} s: "
              f"{len(latencies) / elapsed:.1f} q/s, p50 {statistics.median(latencies) * 1000:.0f} ms, "
              f"p99 {statistics.quantiles(latencies, n=100)[98] * 1000:.0f} ms, {errors} errors; "
              f"hostile queries alongside: {hostile_sent} from {args.hostile} threads")
        print(f"server still up: {server.poll() is None}")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
