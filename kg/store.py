"""Where a graph lives: in memory (rdflib), on disk (Oxigraph), or behind a SPARQL 1.1 endpoint.

Every store takes triples in batches (one batch per document, each added atomically), answers
SPARQL with kg's prefixes predeclared, and hands its whole content over as an rdflib graph for
export and validation. :func:`open_store` reads a store spec: ``memory``, ``oxigraph:PATH``,
``sparql:URL``, or the path of a graph file or build folder (loaded into memory).
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD

from kg.errors import KgError
from kg.graph import KnowledgeGraph, new_graph
from kg.guard import check
from kg.model import ENTITY_TYPES, Entity
from kg.ontology import PREFIXES
from kg.query import QueryError, QueryTimeout, Rows, prepare, prepare_update

Triple = tuple[Any, Any, Any]


class StoreError(KgError, OSError):
    """A store cannot be opened, read or written (the message says which and why)."""

    code = "E101"


class Store(Protocol):
    """What the builder and the CLI need from a store."""

    def add(self, triples: Iterable[Triple]) -> None:
        """Add a batch of triples atomically (set semantics: present triples are no-ops)."""

    def query(self, sparql: str, allow_service: bool = False) -> Rows | bool | Graph:
        """SELECT gives :class:`~kg.query.Rows`, ASK a bool, CONSTRUCT/DESCRIBE an rdflib graph.

        The text passes :func:`kg.guard.check` first (SERVICE and FROM refused unless ``allow_service``)."""

    def update(self, sparql: str, allow_service: bool = False) -> None:
        """Run a SPARQL Update (only ever at the user's explicit request: ``kg query --update``)."""

    def graph(self) -> Graph:
        """Everything in the store, as an rdflib graph."""

    def __len__(self) -> int: ...

    def close(self) -> None: ...


class MemoryStore:
    """An in-memory rdflib graph (the default): :class:`~kg.graph.KnowledgeGraph`."""

    def __init__(self, kg: KnowledgeGraph | None = None) -> None:
        self.kg = kg if kg is not None else KnowledgeGraph()

    def add(self, triples: Iterable[Triple]) -> None:
        graph = self.kg.graph
        graph.addN((s, p, o, graph) for s, p, o in dict.fromkeys(triples))  # a batch repeats its entities

    def query(self, sparql: str, allow_service: bool = False) -> Rows | bool | Graph:
        return self.kg.query(sparql, allow_service)

    def update(self, sparql: str, allow_service: bool = False) -> None:
        self.kg.graph.update(prepare_update(sparql, allow_service))

    def graph(self) -> Graph:
        return self.kg.graph

    def __len__(self) -> int:
        return len(self.kg)

    def close(self) -> None:
        pass

    def __repr__(self) -> str:
        return "memory"


# ---------------------------------------------------------------------------------------------
# rdflib <-> Oxigraph terms

def to_oxigraph(term: Any) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)) if term.datatype else None)


def from_oxigraph(term: Any) -> URIRef | BNode | Literal | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(term.value, datatype=None if datatype == str(XSD.string) else URIRef(datatype))


_OX_ERROR = re.compile(r"error at (\d+):(\d+): (.*)", re.S)


def _query_error(err: SyntaxError) -> QueryError:
    text = str(err)
    match = _OX_ERROR.match(text)
    if match:
        detail = " ".join(match[3].split())
        detail = detail if len(detail) <= 160 else detail[:157] + "..."
        return QueryError(f"invalid SPARQL at line {match[1]}, column {match[2]}: {detail}")
    return QueryError(f"invalid SPARQL: {text}")


LOCK_NAME = "kg.lock"


def lock_store(path: str | Path, exclusive: bool) -> int | None:
    """Lock an Oxigraph store's folder for kg: shared by ``kg serve`` (read-only), exclusive by a
    writer. Returns the lock's file descriptor (closing it releases the lock), ``None`` if it is
    held in a way that excludes this one, or ``-1`` if the folder cannot hold a lock file (a
    read-only medium: no lock).

    Oxigraph lets a writer change a store that a read-only server has open, and the server never
    sees the change; this lock makes kg refuse that instead."""
    folder = Path(path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        return -1
    try:
        fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd


def _held_by_writer(path: Path) -> bool:
    """Whether the kg lock that excludes a writer is another writer's (not a server's)."""
    shared = lock_store(path, exclusive=False)
    if shared is None:
        return True
    if shared >= 0:
        os.close(shared)
    return False


class OxigraphStore:
    """A persistent on-disk Oxigraph store (pyoxigraph), also servable by ``kg serve``; or one in memory."""

    def __init__(self, path: str | Path | None = None, read_only: bool = False) -> None:
        """Open (or create) the store in the folder ``path``; without a path, an in-memory Oxigraph store."""
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        self._lock = -1
        if self.path is not None and not read_only:
            lock = lock_store(self.path, exclusive=True)
            if lock is None and _held_by_writer(self.path):
                raise StoreError(f"Oxigraph store {self.path} is in use by another process (a build or a "
                                 "read-write server holds its lock); wait for it to finish")
            if lock is None:
                raise StoreError(
                    f"Oxigraph store {self.path} is being served read-only by kg serve, which would not see "
                    "this change; stop the server, build, and serve again (or serve with --allow-writes and "
                    "build with --store sparql:URL)")
            self._lock = lock
        try:
            if self.path is None:
                self.store = ox.Store()
            elif read_only:
                if not self.path.is_dir():
                    raise FileNotFoundError(f"no Oxigraph store at {self.path}")
                self.store = ox.Store.read_only(str(self.path))
            else:
                self.store = ox.Store(str(self.path))
        except OSError as err:
            if "lock" in str(err).lower():
                raise StoreError(
                    f"Oxigraph store {self.path} is in use by another process (a build or a read-write server "
                    "holds its lock); wait for it to finish, or serve the store read-only and query that"
                ) from err
            raise StoreError(f"cannot open Oxigraph store {self.path}: {err}") from err
        finally:
            if self._lock >= 0 and not hasattr(self, "store"):
                os.close(self._lock)
                self._lock = -1
        self._prefixes = {prefix: str(ns) for prefix, ns in PREFIXES.items()}

    def add(self, triples: Iterable[Triple]) -> None:
        quads = [ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in dict.fromkeys(triples)]
        try:
            self.store.extend(quads)
        except OSError as err:
            raise StoreError(f"cannot write Oxigraph store {self.path}: {err}") from err

    def query(self, sparql: str, allow_service: bool = False) -> Rows | bool | Graph:
        check(sparql, allow_service)
        try:
            result = self.store.query(sparql, prefixes=self._prefixes)
        except SyntaxError as err:
            raise _query_error(err) from err
        if isinstance(result, ox.QueryBoolean):
            return bool(result)
        if isinstance(result, ox.QuerySolutions):
            variables = tuple(v.value for v in result.variables)
            rows = tuple(tuple(from_oxigraph(solution[v]) for v in variables) for solution in result)
            return Rows(variables, rows, new_graph())
        graph = new_graph()
        graph.addN((from_oxigraph(t.subject), from_oxigraph(t.predicate), from_oxigraph(t.object), graph) for t in result)
        return graph

    def update(self, sparql: str, allow_service: bool = False) -> None:
        if self.read_only:
            raise StoreError(f"Oxigraph store {self.path} is open read-only")
        prepare_update(sparql, allow_service)  # kg's guard, parser and messages first
        try:
            self.store.update(sparql, prefixes=self._prefixes)
        except SyntaxError as err:
            raise _query_error(err) from err
        except OSError as err:
            raise StoreError(f"cannot write Oxigraph store {self.path}: {err}") from err

    def graph(self) -> Graph:
        graph = new_graph()
        graph.addN(
            (from_oxigraph(q.subject), from_oxigraph(q.predicate), from_oxigraph(q.object), graph)
            for q in self.store.quads_for_pattern(None, None, None, ox.DefaultGraph())
        )
        return graph

    def __len__(self) -> int:
        return len(self.store)

    def close(self) -> None:
        try:
            if not self.read_only:
                self.store.flush()
        except OSError as err:
            raise StoreError(f"cannot write Oxigraph store {self.path}: {err}") from err
        finally:
            del self.store
            if self._lock >= 0:
                os.close(self._lock)
                self._lock = -1

    def __repr__(self) -> str:
        return f"oxigraph:{self.path if self.path is not None else '(memory)'}"


# ---------------------------------------------------------------------------------------------
# SPARQL 1.1 protocol


def _nt(term: Any) -> str:
    """A term in N-Triples syntax (rdflib's ``n3()`` without a namespace manager)."""
    return term.n3()


def _from_json(binding: dict[str, str] | None) -> URIRef | BNode | Literal | None:
    if binding is None:
        return None
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if "xml:lang" in binding:
        return Literal(value, lang=binding["xml:lang"])
    datatype = binding.get("datatype")
    return Literal(value, datatype=None if datatype in (None, str(XSD.string)) else URIRef(datatype))


def update_url_for(query_url: str) -> str:
    """The update endpoint beside a query endpoint.

    Oxigraph serves ``/query`` and ``/update``, Fuseki ``/ds/query`` (or ``/ds/sparql``) and
    ``/ds/update``, GraphDB and RDF4J ``/repositories/ID`` and ``/repositories/ID/statements``;
    any other URL is taken to accept both.
    """
    parts = urllib.parse.urlsplit(query_url)
    head, _, last = parts.path.rstrip("/").rpartition("/")
    if last in ("query", "sparql"):
        return urllib.parse.urlunsplit(parts._replace(path=f"{head}/update"))
    if head.endswith("/repositories") and last:
        return urllib.parse.urlunsplit(parts._replace(path=f"{head}/{last}/statements"))
    return query_url


class SparqlStore:
    """Any SPARQL 1.1 endpoint: SPARQL Update ``INSERT DATA`` to add, the query protocol to read."""

    def __init__(self, query_url: str, update_url: str | None = None, batch: int = 5000, timeout: float = 60) -> None:
        if not query_url.startswith(("http://", "https://")):
            raise StoreError(f"not an http(s) SPARQL endpoint: {query_url}")
        self.query_url = query_url
        self.update_url = update_url or update_url_for(query_url)
        self.batch = batch
        self.timeout = timeout
        self._prologue = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())

    def _post(self, url: str, body: str, content_type: str, accept: str | None = None) -> tuple[str, bytes]:
        headers = {"Content-Type": f"{content_type}; charset=utf-8"}
        if accept:
            headers["Accept"] = accept
        request = urllib.request.Request(url, data=body.encode("utf-8"), headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.headers.get_content_type(), response.read()
        except urllib.error.HTTPError as err:
            detail = " ".join(err.read().decode("utf-8", "replace").split())[:300]
            if err.code == 400:
                raise QueryError(f"the endpoint rejected the request: {detail or err.reason}") from err
            if err.code == 503 and "time limit" in detail:
                raise QueryTimeout(f"the endpoint {url} stopped the query: it ran past the server's time limit") from err
            raise StoreError(f"SPARQL endpoint {url} answered {err.code} {err.reason}: {detail}") from err
        except (urllib.error.URLError, OSError) as err:
            reason = getattr(err, "reason", err)
            raise StoreError(f"cannot reach SPARQL endpoint {url}: {reason}") from err

    def add(self, triples: Iterable[Triple]) -> None:
        lines = [f"{_nt(s)} {_nt(p)} {_nt(o)} ." for s, p, o in dict.fromkeys(triples)]
        for start in range(0, len(lines), self.batch):
            body = "INSERT DATA {\n" + "\n".join(lines[start:start + self.batch]) + "\n}"
            self._post(self.update_url, body, "application/sparql-update")

    def query(self, sparql: str, allow_service: bool = False) -> Rows | bool | Graph:
        prepare(sparql, allow_service)  # the same guard, parser and messages as for local graphs, before any request
        kind, body = self._post(self.query_url, self._prologue + sparql, "application/sparql-query",
                                "application/sparql-results+json, application/n-triples;q=0.9")
        if b"operation has been cancelled" in body[-200:]:
            raise QueryTimeout(f"the endpoint {self.query_url} stopped the query: it ran past the server's time limit")
        if kind == "application/sparql-results+json":
            data = json.loads(body)
            if "boolean" in data:
                return bool(data["boolean"])
            variables = tuple(data["head"]["vars"])
            rows = tuple(tuple(_from_json(b.get(v)) for v in variables) for b in data["results"]["bindings"])
            return Rows(variables, rows, new_graph())
        graph = new_graph()
        graph.parse(data=body.decode("utf-8"), format="nt" if kind == "application/n-triples" else "turtle")
        return graph

    def update(self, sparql: str, allow_service: bool = False) -> None:
        prepare_update(sparql, allow_service)
        self._post(self.update_url, self._prologue + sparql, "application/sparql-update")

    def graph(self) -> Graph:
        result = self.query("CONSTRUCT WHERE { ?s ?p ?o }")
        assert isinstance(result, Graph)
        return result

    def __len__(self) -> int:
        rows = self.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        assert isinstance(rows, Rows)
        return int(rows.rows[0][0].toPython())

    def close(self) -> None:
        pass

    def __repr__(self) -> str:
        return f"sparql:{self.query_url}"


def open_store(spec: str, read_only: bool = False) -> Store:
    """The store a spec names: ``memory``, ``oxigraph:PATH``, ``sparql:URL``, or a graph file/folder.

    A graph file or build folder is loaded into a :class:`MemoryStore`; adding to it does not
    write the file back.
    """
    if spec == "memory":
        return MemoryStore()
    if spec.startswith("oxigraph:"):
        return OxigraphStore(spec[len("oxigraph:"):], read_only=read_only)
    if spec.startswith("sparql:"):
        return SparqlStore(spec[len("sparql:"):])
    from xml.sax import SAXException

    from rdflib.exceptions import Error as RdflibError

    try:
        return MemoryStore(KnowledgeGraph.load(spec))
    except OSError as err:
        raise StoreError(str(err)) from err
    except (SyntaxError, ValueError, RdflibError, SAXException) as err:  # what rdflib's parsers raise on bad input
        raise StoreError(f"cannot parse {spec}: {' '.join(str(err).split())}") from err


_ENTITIES = """SELECT ?type ?label ?mention WHERE {
  ?e rdfs:label ?label ; a ?type . FILTER(STRSTARTS(STR(?type), STR(kg:)))
  OPTIONAL { ?e kg:mention ?mention } }"""


def stored_entities(store: Store) -> list[Entity]:
    """The entities a store already holds, one-word names first (so they stay themselves)."""
    if isinstance(store, MemoryStore) and len(store) == 0:
        return []  # a new build's memory store: no need to parse a query
    rows = store.query(_ENTITIES)
    assert isinstance(rows, Rows)
    found: dict[tuple[str, str], set[str]] = {}
    for type_iri, label, mention in rows:
        kind = str(type_iri).rsplit("#", 1)[-1]
        if kind in ENTITY_TYPES:
            mentions = found.setdefault((kind, str(label)), set())
            if mention is not None:
                mentions.add(str(mention))
    ordered = sorted(found.items(), key=lambda item: (" " in item[0][1].strip(), item[0]))
    return [Entity(label, kind, frozenset(mentions)) for (kind, label), mentions in ordered]
