"""The processes that run an endpoint's SPARQL: each holds its own handle on the Oxigraph store.

A worker takes one request at a time over a pipe and answers ``(status, content type, body)``. It
imports only pyoxigraph, so a replacement starts in a fraction of a second: the server kills a
worker whose query overruns (the only way to stop Oxigraph mid-query) and starts another.
"""

from __future__ import annotations

import faulthandler
import sys
from dataclasses import dataclass
from multiprocessing.connection import Connection

import pyoxigraph as ox

RESULTS = {"application/sparql-results+json": ox.QueryResultsFormat.JSON,
           "application/json": ox.QueryResultsFormat.JSON,
           "application/sparql-results+xml": ox.QueryResultsFormat.XML,
           "text/csv": ox.QueryResultsFormat.CSV,
           "text/tab-separated-values": ox.QueryResultsFormat.TSV}
GRAPHS = {"application/n-triples": ox.RdfFormat.N_TRIPLES, "text/turtle": ox.RdfFormat.TURTLE,
          "application/rdf+xml": ox.RdfFormat.RDF_XML, "text/plain": ox.RdfFormat.N_TRIPLES}


@dataclass(frozen=True)
class Request:
    """``kind``: ``query``, ``update``, ``dump`` (the default graph) or ``load`` (into the default graph)."""

    kind: str
    text: str = ""
    accept: str = ""
    data: bytes = b""
    content_type: str = ""


Answer = tuple[int, str, bytes]


def accepted(accept: str, choices: dict) -> str | None:
    """The first media type of ``choices`` that an Accept header takes (``None``: the first choice)."""
    ranked = []
    for position, item in enumerate(accept.split(",")):
        media, *params = [part.strip() for part in item.split(";")]
        quality = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    quality = float(param[2:])
                except ValueError:
                    quality = 0.0
        if media and quality > 0:
            ranked.append((-quality, position, media.lower()))
    for _, _, media in sorted(ranked):
        if media in choices:
            return media
        if media in ("*/*", "application/*", "text/*"):
            return None
    return None if not ranked else ""


def answer(store: ox.Store, request: Request, prefixes: dict[str, str]) -> Answer:
    try:
        if request.kind == "query":
            return _query(store, request, prefixes)
        if request.kind == "update":
            store.update(request.text, prefixes=prefixes)
            return 204, "text/plain", b""
        if request.kind == "dump":
            media = accepted(request.accept, GRAPHS) or "application/n-triples"
            return 200, media, store.dump(format=GRAPHS.get(media, ox.RdfFormat.N_TRIPLES), from_graph=ox.DefaultGraph()) or b""
        if request.kind == "load":
            fmt = ox.RdfFormat.from_media_type(request.content_type)
            if fmt is None:
                return 415, "text/plain", f"cannot load {request.content_type}; send N-Triples or Turtle".encode()
            store.load(request.data, format=fmt, to_graph=ox.DefaultGraph())
            return 204, "text/plain", b""
        return 400, "text/plain", f"unknown request {request.kind}".encode()
    except SyntaxError as err:
        return 400, "text/plain", " ".join(str(err).split())[:1000].encode()
    except OSError as err:
        return 500, "text/plain", f"the store failed: {err}".encode()
    except (ValueError, TypeError, RuntimeError) as err:  # evaluation errors Oxigraph raises
        return 400, "text/plain", " ".join(str(err).split())[:1000].encode()


def _query(store: ox.Store, request: Request, prefixes: dict[str, str]) -> Answer:
    result = store.query(request.text, prefixes=prefixes)
    if isinstance(result, ox.QueryTriples):
        media = accepted(request.accept, GRAPHS)
        if media == "":
            return 406, "text/plain", b"this query gives a graph: accept N-Triples, Turtle or RDF/XML"
        media = media or "application/n-triples"
        return 200, media, result.serialize(format=GRAPHS[media]) or b""
    media = accepted(request.accept, RESULTS)
    if media == "":
        return 406, "text/plain", b"this query gives results: accept SPARQL JSON or XML results, CSV or TSV"
    media = media or "application/sparql-results+json"
    return 200, media, result.serialize(format=RESULTS[media]) or b""


def work(conn: Connection, location: str, writable: bool, prefixes: dict[str, str]) -> None:
    """A worker's life: open the store, then answer requests until the connection closes."""
    faulthandler.disable()  # a crash is reported by the server in one line
    try:
        store = ox.Store(location) if writable else ox.Store.read_only(location)
    except OSError as err:
        conn.send((500, "text/plain", f"cannot open the store: {err}".encode()))
        return
    conn.send((200, "text/plain", b"ready"))
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(answer(store, request, prefixes))


if __name__ == "__main__":  # python -m kg.workers FD LOCATION ro|rw (started by kg.serve, which sends the prefixes)
    connection = Connection(int(sys.argv[1]))
    work(connection, sys.argv[2], sys.argv[3] == "rw", connection.recv())
