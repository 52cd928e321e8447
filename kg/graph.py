"""The library API: a knowledge graph you can add extractions to, query and save."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from kg.documents import Document
from kg.fileio import OutputError, atomic_writer
from kg.model import Entity, Fact
from kg.ontology import PREFIXES
from kg.query import Rows, run
from kg.rdf import document_triples, entity_triples, statement_triples

RDF_FORMATS = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".trig": "trig",
    ".nq": "nquads",
    ".rdf": "xml",
    ".xml": "xml",
}
DATASET_FORMATS = ("trig", "nquads")

# Graphs with more triples than this are written by Oxigraph's serializer, which is linear in the
# graph size; rdflib's Turtle serializer is super-linear (minutes for half a million triples).
LARGE_GRAPH = 100_000
_OXIGRAPH_FORMATS = {"turtle": pyoxigraph.RdfFormat.TURTLE, "nt": pyoxigraph.RdfFormat.N_TRIPLES,
                     "ntriples": pyoxigraph.RdfFormat.N_TRIPLES}


def new_graph() -> Graph:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    return graph


class KnowledgeGraph:
    """An RDF knowledge graph of facts with evidence (in memory, rdflib)."""

    def __init__(self, graph: Graph | None = None) -> None:
        self.graph = graph if graph is not None else new_graph()

    @classmethod
    def load(cls, path: str | Path) -> KnowledgeGraph:
        """Load a graph file, or the ``graph.ttl`` inside a build folder."""
        path = Path(path)
        if path.is_dir():
            path = path / "graph.ttl"
        if not path.is_file():
            raise FileNotFoundError(f"no graph at {path} (build one with `kg build ... -o FOLDER`)")
        fmt = RDF_FORMATS.get(path.suffix.lower(), "turtle")
        graph = new_graph()
        if fmt in DATASET_FORMATS:  # the union of the default and the named graphs
            dataset = Dataset()
            dataset.parse(path, format=fmt)
            for s, p, o, _ in dataset.quads():
                graph.add((s, p, o))
        else:
            graph.parse(path, format=fmt)
        return cls(graph)

    def __len__(self) -> int:
        return len(self.graph)

    def add_document(self, document: Document) -> None:
        for triple in document_triples(document):
            self.graph.add(triple)

    def add_entity(self, entity: Entity) -> None:
        for triple in entity_triples(entity):
            self.graph.add(triple)

    def add_fact(self, fact: Fact) -> None:
        """The fact, its evidence, and the entities it involves."""
        for triple in statement_triples(fact):
            self.graph.add(triple)

    def query(self, sparql: str) -> Rows | bool | Graph:
        """Run SPARQL (kg's prefixes predeclared). SELECT returns :class:`~kg.query.Rows`."""
        return run(self.graph, sparql)

    def serialize(self, path: str | Path, format: str | None = None) -> Path:
        """Write the graph atomically; the format follows the suffix unless given.

        Turtle and N-Triples of graphs over :data:`LARGE_GRAPH` triples are written by Oxigraph
        (same prefixes, the same graph), smaller graphs and other formats by rdflib.
        """
        path = Path(path)
        fmt = format or RDF_FORMATS.get(path.suffix.lower(), "turtle")
        try:
            with atomic_writer(path, "wb") as handle:
                if fmt in _OXIGRAPH_FORMATS and len(self.graph) > LARGE_GRAPH:
                    write_with_oxigraph(self.graph, handle, fmt)
                else:
                    handle.write(self.graph.serialize(format=fmt, encoding="utf-8"))
        except OutputError:
            raise
        except OSError as err:
            raise OutputError(f"cannot write {path}: {err.strerror or err}") from err
        return path


def oxigraph_term(term: Node) -> pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal:
    """The Oxigraph term for an rdflib term (IRIs, blank nodes, literals with datatype or language)."""
    if isinstance(term, URIRef):
        return pyoxigraph.NamedNode(str(term))
    if isinstance(term, BNode):
        return pyoxigraph.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return pyoxigraph.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return pyoxigraph.Literal(str(term), datatype=pyoxigraph.NamedNode(str(term.datatype)))
        return pyoxigraph.Literal(str(term))
    raise TypeError(f"cannot write {type(term).__name__} {term!r} as RDF")


def _order(node: Node) -> tuple[str, str]:
    return (type(node).__name__, str(node))


def write_with_oxigraph(graph: Graph, handle, fmt: str = "turtle") -> None:
    """Stream ``graph`` to a binary ``handle`` with Oxigraph's serializer: subjects grouped and
    everything sorted, so the same graph always gives the same bytes."""
    cache: dict[Node, object] = {}

    def term(node: Node):
        found = cache.get(node)
        if found is None:
            found = cache[node] = oxigraph_term(node)
        return found

    by_subject: dict[Node, list[tuple[Node, Node]]] = {}
    for subject, predicate, obj in graph:
        by_subject.setdefault(subject, []).append((predicate, obj))

    def triples() -> Iterator[pyoxigraph.Triple]:
        for subject in sorted(by_subject, key=_order):
            s = term(subject)
            for predicate, obj in sorted(by_subject.pop(subject), key=lambda po: (str(po[0]), _order(po[1]))):
                yield pyoxigraph.Triple(s, term(predicate), oxigraph_term(obj) if isinstance(obj, Literal) else term(obj))

    prefixes = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()} if fmt == "turtle" else None
    pyoxigraph.serialize(triples(), handle, _OXIGRAPH_FORMATS[fmt], prefixes=prefixes)
