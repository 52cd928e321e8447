"""Any SPARQL 1.1 endpoint (Oxigraph, Fuseki, GraphDB, RDF4J, ``kg serve --allow-writes``) as a store."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD

from kg.graph import new_graph
from kg.ontology import PREFIXES
from kg.query import QueryError, QueryTimeout, Rows, prepare, prepare_update
from kg.store.base import Store, StoreError, Triple


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


class SparqlStore(Store):
    """Any SPARQL 1.1 endpoint: SPARQL Update ``INSERT DATA`` to add, the query protocol to read."""

    persistent = True
    named_graphs = True
    remote = True

    def __init__(self, query_url: str, update_url: str | None = None, batch: int = 5000, timeout: float = 60,
                 read_only: bool = False) -> None:
        super().__init__(read_only)
        if not query_url.startswith(("http://", "https://")):
            raise StoreError(f"not an http(s) SPARQL endpoint: {query_url}")
        self.query_url = query_url
        self.update_url = update_url or update_url_for(query_url)
        self.batch = batch
        self.timeout = timeout
        self._prologue = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())

    @classmethod
    def open(cls, location: str, read_only: bool = False) -> Store:
        return cls(location, read_only=read_only)

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
        self._check_writable()
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
        self._check_writable()
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

    def __repr__(self) -> str:
        return f"sparql:{self.query_url}"
