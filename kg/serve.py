"""A SPARQL 1.1 protocol endpoint over a kg store that stays up whatever a client sends.

Requests reach a small HTTP front (the standard library's threading server) that checks each
query with :func:`kg.guard.check` (size, nesting, SERVICE/FROM/LOAD: a 400 before any parser
sees it) and hands it to a pool of worker processes (:mod:`kg.workers`), each with its own
read-only handle on the Oxigraph store. A query that runs past ``timeout`` seconds (counted
from its arrival) gets a 503 and its worker is killed, which frees the CPU at once, and replaced;
a worker that crashes is replaced too. A query still running after :data:`SHORT` seconds runs at
the lowest CPU priority, so runaway queries cannot starve short ones of the CPU. The front never runs a query itself.

Read-only (the default), updates and Graph Store writes get 403 and the store is locked against
writers (:func:`kg.store.lock_store`), so a build cannot change it behind the server's back.
With ``allow_writes`` one worker holds the store read-write and runs queries and updates in turn.
A graph file or build folder is first loaded into a temporary store, deleted when the server stops.
"""

from __future__ import annotations

import os
import queue
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.connection import Connection
from pathlib import Path

import pyoxigraph as ox

from kg import workers
from kg.errors import KgError
from kg.guard import LIMITS, QueryError, check
from kg.ontology import PREFIXES
from kg.options import SERVE_TIMEOUT, SERVE_WORKERS
from kg.store import StoreError, lock_store, open_store
from kg.workers import Request


class ServeError(KgError, RuntimeError):
    """The server cannot be started (the message says why and what to do)."""

    code = "E105"


def oxigraph_binary() -> str:
    """The ``oxigraph`` server binary (shipped by the ``oxigraph`` package): beside this Python, else on ``PATH``.

    kg serves with its own front and workers; the binary is what the tests use as an independent
    SPARQL endpoint."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found is None:
        raise ServeError("the Oxigraph server is not installed; run `pip install oxigraph`")
    return found


DEFAULT_TIMEOUT = SERVE_TIMEOUT  # seconds a query may run, from its arrival, before it is stopped
DEFAULT_WORKERS = SERVE_WORKERS
SHORT = 0.2  # seconds after which a running query is long: its worker runs at the lowest CPU priority
MAX_REQUESTS = 64  # requests handled at once; more get 503 at once
MAX_UPLOAD = 256 * 1024 * 1024  # bytes of one Graph Store upload (--allow-writes)


PREFIX_IRIS = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


class Worker:
    """One worker process (``python -m kg.workers``) and the socket to it."""

    def __init__(self, location: str, writable: bool) -> None:
        ours, theirs = socket.socketpair()
        argv = [sys.executable, "-m", "kg.workers", str(theirs.fileno()), location, "rw" if writable else "ro"]
        self.process = subprocess.Popen(argv, pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL)
        theirs.close()
        self.conn = Connection(ours.detach())
        self.conn.send(PREFIX_IRIS)

    def ready(self, seconds: float) -> str | None:
        """``None`` once the worker has opened the store, else why it could not."""
        if not self.conn.poll(seconds):
            return f"a query worker did not start in {seconds:g} s"
        try:
            status, _, body = self.conn.recv()
        except EOFError:
            return "a query worker died as it started"
        return None if status == 200 else body.decode()

    def nice(self, level: int) -> bool:
        """Set the worker's CPU priority (19 lowest, 0 normal); ``False`` if the system refuses."""
        try:
            os.setpriority(os.PRIO_PROCESS, self.process.pid, level)
        except OSError:
            return False
        return True

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        self.conn.close()


class Pool:
    """Worker processes handed out one request at a time; killed and replaced when they overrun or crash.

    Workers start in parallel; in read-only mode one more waits as a spare, so a killed worker's
    place is taken at once rather than after a process start."""

    def __init__(self, location: str, size: int, writable: bool) -> None:
        self.location, self.writable = location, writable
        self.idle: queue.Queue[Worker] = queue.Queue()
        self.all: set[Worker] = set()
        self.lock = threading.Lock()
        self.closed = False
        self.spares: queue.Queue[Worker] = queue.Queue()
        started = [Worker(location, writable) for _ in range(size + (0 if writable else 1))]
        self.all.update(started)
        for worker in started:
            problem = worker.ready(60)
            if problem is not None:
                self.close()
                raise ServeError(problem)
        for worker in started[:size]:
            self.idle.put(worker)
        for worker in started[size:]:  # one ready spare replaces a killed worker at once (read-only only:
            self.spares.put(worker)    # a writer holds the store's lock alone)

    def run(self, request: Request, deadline: float | None) -> workers.Answer:
        """The worker's answer, or a 503 if no worker is free or it overruns ``deadline`` (monotonic)."""
        try:
            worker = self.idle.get(timeout=None if deadline is None else max(deadline - time.monotonic(), 0))
        except queue.Empty:
            return 503, "text/plain", b"every query worker is busy; try again later"
        try:
            worker.conn.send(request)
            niced = False
            if not worker.conn.poll(SHORT):  # a long query yields the CPU to short ones
                niced = worker.nice(19)
            if worker.conn.poll(None if deadline is None else max(deadline - time.monotonic(), 0)):
                reply = worker.conn.recv()
                if niced and not worker.nice(0):  # cannot be made normal again: retire it
                    self._replace(worker)
                else:
                    self.idle.put(worker)
                return reply
            message = b"the query ran past the server's time limit and was stopped"
            status = 503
        except (EOFError, OSError):
            message, status = b"the query engine crashed on this query; simplify it", 500
        self._replace(worker)
        return status, "text/plain", message

    def _replace(self, worker: Worker) -> None:
        """Kill ``worker``; a ready spare takes its place at once, and a new spare starts."""
        worker.kill()
        with self.lock:
            self.all.discard(worker)
        try:
            self.idle.put(self.spares.get_nowait())
            into = self.spares
        except queue.Empty:
            into = self.idle
        threading.Thread(target=self._start, args=(into,), daemon=True).start()

    def _start(self, into: queue.Queue) -> None:
        with self.lock:
            if self.closed:
                return
            fresh = Worker(self.location, self.writable)
            self.all.add(fresh)
        if fresh.ready(60) is None:
            into.put(fresh)
        else:  # cannot happen while the store is there; try again rather than shrink the pool
            with self.lock:
                self.all.discard(fresh)
            fresh.kill()
            threading.Timer(1.0, self._start, args=(into,)).start()

    def close(self) -> None:
        with self.lock:
            self.closed = True
            for worker in list(self.all):
                worker.kill()
            self.all.clear()


class Endpoint(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address, pool: Pool, timeout: int, allow_writes: bool, allow_service: bool) -> None:
        self.pool, self.query_timeout = pool, timeout
        self.allow_writes, self.allow_service = allow_writes, allow_service
        self.slots = threading.BoundedSemaphore(MAX_REQUESTS)
        super().__init__(address, Handler)


READ_ONLY = b"this endpoint is read-only (kg serve without --allow-writes): updates and writes are refused"


class Handler(BaseHTTPRequestHandler):
    server: Endpoint
    protocol_version = "HTTP/1.1"
    timeout = 30  # seconds a client may take to send its request
    server_version = "kg-serve"

    def log_message(self, format: str, *args) -> None:  # quiet: no line per request
        pass

    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")

    def do_PUT(self) -> None:
        self._handle("PUT")

    def do_DELETE(self) -> None:
        self._handle("DELETE")

    def _handle(self, method: str) -> None:
        arrived = time.monotonic()
        if not self.server.slots.acquire(blocking=False):
            self._send(503, "text/plain", b"too many requests at once; try again later")
            return
        try:
            self._send(*self._route(method, arrived))
        except (ConnectionError, TimeoutError):
            self.close_connection = True
        finally:
            self.server.slots.release()

    def _route(self, method: str, arrived: float) -> workers.Answer:
        url = urllib.parse.urlsplit(self.path)
        params = urllib.parse.parse_qs(url.query)
        accept = self.headers.get("Accept", "")
        if url.path in ("/query", "/sparql"):
            text: str | None | workers.Answer
            if method == "GET":
                text = params.get("query", [None])[0]
            elif method == "POST":
                text = self._form_or_body("query", "application/sparql-query")
                if isinstance(text, tuple):
                    return text
            else:
                return 405, "text/plain", b"use GET or POST"
            if text is None:
                return 400, "text/plain", b"no query given (query=...)"
            return self._run(Request("query", text, accept), arrived)
        if url.path == "/update":
            if not self.server.allow_writes:
                self._discard_body()
                return 403, "text/plain", READ_ONLY
            if method != "POST":
                return 405, "text/plain", b"use POST"
            text = self._form_or_body("update", "application/sparql-update")
            if isinstance(text, tuple):
                return text
            if text is None:
                return 400, "text/plain", b"no update given (update=...)"
            return self._run(Request("update", text), arrived)
        if url.path == "/store":
            if method == "GET":
                if set(params) - {"default"}:
                    return 400, "text/plain", b"only the default graph is served (/store?default)"
                return self.server.pool.run(Request("dump", accept=accept), self._deadline(arrived))
            if not self.server.allow_writes:
                self._discard_body()
                return 403, "text/plain", READ_ONLY
            if method != "POST":
                return 405, "text/plain", b"POST N-Triples or Turtle to /store to add them to the default graph"
            data = self._body(MAX_UPLOAD)
            if isinstance(data, tuple):
                return data
            content_type = self.headers.get_content_type()
            return self.server.pool.run(Request("load", data=data, content_type=content_type), self._deadline(arrived))
        if url.path == "/":
            return 200, "text/plain", b"kg SPARQL endpoint: GET or POST /query\n"
        return 404, "text/plain", b"not found: the SPARQL endpoint is /query"

    def _deadline(self, arrived: float) -> float | None:
        return arrived + self.server.query_timeout if self.server.query_timeout > 0 else None

    def _run(self, request: Request, arrived: float) -> workers.Answer:
        try:
            check(request.text, self.server.allow_service)
        except QueryError as err:
            return 400, "text/plain", str(err).encode()
        return self.server.pool.run(request, self._deadline(arrived))

    def _body(self, limit: int) -> bytes | workers.Answer:
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            self.close_connection = True
            return 411, "text/plain", b"send a Content-Length"
        if int(length) > limit:
            self.close_connection = True
            return 413, "text/plain", f"request body over {limit:,} bytes".encode()
        return self.rfile.read(int(length))

    def _discard_body(self) -> None:
        """Read a refused request's body (up to 1 MiB) so the client gets the answer; close on more."""
        length = self.headers.get("Content-Length", "0")
        if length.isdigit() and int(length) <= 1024 * 1024:
            self.rfile.read(int(length))
        else:
            self.close_connection = True

    def _form_or_body(self, field: str, direct_type: str) -> str | None | workers.Answer:
        data = self._body(4 * LIMITS.max_chars + 4096)
        if isinstance(data, tuple):
            return data
        text = data.decode("utf-8", "replace")
        content_type = self.headers.get_content_type()
        if content_type == direct_type:
            return text
        if content_type == "application/x-www-form-urlencoded":
            return urllib.parse.parse_qs(text).get(field, [None])[0]
        return 415, "text/plain", f"send {direct_type} or a form with {field}=...".encode()

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type if not content_type.startswith("text/") else
                         f"{content_type}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)


def _load_into(spec: str, target: Path) -> None:
    try:
        graph = open_store(spec, read_only=True).graph()
    except StoreError as err:
        raise ServeError(str(err)) from err
    store = ox.Store(str(target))
    store.bulk_load(graph.serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES)
    store.flush()
    del store


def serve(spec: str, host: str = "127.0.0.1", port: int = 7878, allow_writes: bool = False,
          announce: Callable[[str], None] | None = None, timeout: int = DEFAULT_TIMEOUT,
          workers_count: int = DEFAULT_WORKERS, allow_service: bool = False) -> int:
    """Serve ``spec`` (``oxigraph:PATH``, a store directory, a graph file or a build folder) until
    Ctrl-C or SIGTERM; returns 0."""
    path = Path(spec[len("oxigraph:"):] if spec.startswith("oxigraph:") else spec)
    with tempfile.TemporaryDirectory(prefix="kg-serve-") as tmp:
        lock = None
        if spec.startswith("oxigraph:") or (path.is_dir() and not (path / "graph.ttl").is_file()):
            if not path.is_dir():
                raise ServeError(f"no Oxigraph store at {path} (build one with `kg build ... --store oxigraph:{path}`)")
            location = path
            if not allow_writes:
                lock = lock_store(path, exclusive=False)
                if lock is None:
                    raise ServeError(f"Oxigraph store {path} is being written (a kg build holds it); serve it when that ends")
        else:
            if allow_writes:
                raise ServeError("--allow-writes needs an Oxigraph store (oxigraph:PATH), not a graph file")
            location = Path(tmp) / "store"
            _load_into(spec, location)
        try:
            pool = Pool(str(location), 1 if allow_writes else workers_count, allow_writes)
        except ServeError as err:
            if lock is not None:
                os.close(lock)
            if "lock" in str(err).lower():
                raise ServeError(f"Oxigraph store {path} is in use by another process (a build or a read-write "
                                 "server holds its lock)") from None
            raise
        try:
            endpoint = Endpoint((host, port), pool, timeout, allow_writes, allow_service)
        except OSError as err:
            pool.close()
            raise ServeError(f"cannot listen on {host}:{port}: {err.strerror or err}") from err
        if announce is not None:
            mode = "read-write" if allow_writes else "read-only"
            limit = f", queries stopped after {timeout} s" if timeout > 0 else ""
            announce(f"serving {location} {mode}{limit}: SPARQL endpoint http://{host}:{port}/query (Ctrl-C stops)")
        return _run(endpoint, pool, lock)


def _run(endpoint: Endpoint, pool: Pool, lock: int | None) -> int:
    def stop(signum, frame):  # SIGTERM stops the server like Ctrl-C
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        endpoint.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        endpoint.server_close()
        pool.close()
        if lock is not None:
            os.close(lock)
    return 0
