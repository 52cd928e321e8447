"""A SPARQL 1.1 protocol endpoint over a kg store, served by the Oxigraph server.

The ``oxigraph`` PyPI package ships the server binary. :func:`serve` runs it on a store directory
(``oxigraph serve-read-only``, or ``oxigraph serve`` when writes are allowed). A graph file or build
folder is first loaded into a temporary store, which is deleted when the server stops.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

from kg.options import SERVE_TIMEOUT
from kg.store import StoreError, open_store


class ServeError(RuntimeError):
    """The server cannot be started (the message says why and what to do)."""


def oxigraph_binary() -> str:
    """The ``oxigraph`` server: beside this Python (a venv's ``bin/``), else on ``PATH``."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found is None:
        raise ServeError("the Oxigraph server is not installed; run `pip install oxigraph`")
    return found


DEFAULT_TIMEOUT = SERVE_TIMEOUT  # seconds a query may run before the server cancels it


def command(location: str | Path, host: str = "127.0.0.1", port: int = 7878, allow_writes: bool = False,
            timeout: int = DEFAULT_TIMEOUT) -> list[str]:
    """The Oxigraph server command line for a store directory (``timeout`` 0: no limit)."""
    mode = "serve" if allow_writes else "serve-read-only"
    argv = [oxigraph_binary(), mode, "--location", str(location), "--bind", f"{host}:{port}"]
    return argv + ["--timeout-s", str(timeout)] if timeout > 0 else argv


def _load_into(spec: str, target: Path) -> None:
    try:
        graph = open_store(spec).graph()
    except StoreError as err:
        raise ServeError(str(err)) from err
    store = ox.Store(str(target))
    store.bulk_load(graph.serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES)
    store.flush()
    del store


def serve(spec: str, host: str = "127.0.0.1", port: int = 7878, allow_writes: bool = False,
          announce: Callable[[str], None] | None = None, timeout: int = DEFAULT_TIMEOUT) -> int:
    """Serve ``spec`` (``oxigraph:PATH``, a store directory, a graph file or a build folder) until stopped.

    Returns the server's exit status (0 after Ctrl-C or SIGTERM).
    """
    path = Path(spec[len("oxigraph:"):] if spec.startswith("oxigraph:") else spec)
    with tempfile.TemporaryDirectory(prefix="kg-serve-") as tmp:
        if spec.startswith("oxigraph:") or (path.is_dir() and not (path / "graph.ttl").is_file()):
            if not path.is_dir():
                raise ServeError(f"no Oxigraph store at {path} (build one with `kg build ... --store oxigraph:{path}`)")
            location = path
        else:
            if allow_writes:
                raise ServeError("--allow-writes needs an Oxigraph store (oxigraph:PATH), not a graph file")
            location = Path(tmp) / "store"
            _load_into(spec, location)
        argv = command(location, host, port, allow_writes, timeout)
        if announce is not None:
            mode = "read-write" if allow_writes else "read-only"
            limit = f", queries stopped after {timeout} s" if timeout > 0 else ""
            announce(f"serving {location} {mode}{limit}: SPARQL endpoint http://{host}:{port}/query (Ctrl-C stops)")
        return _run(argv)


def _run(argv: list[str]) -> int:
    child = subprocess.Popen(argv)

    def stop(signum, frame):  # SIGTERM: stop the server too
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        return child.wait()
    except KeyboardInterrupt:
        child.terminate()
        child.wait()
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
        if child.poll() is None:
            child.kill()
