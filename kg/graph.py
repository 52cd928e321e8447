"""The library API: a knowledge graph you can add extractions to, query and save."""

from __future__ import annotations

from pathlib import Path
from typing import IO

import pyoxigraph
from rdflib import Dataset, Graph

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

# Turtle of graphs with more triples than this is written through Oxigraph's serializer, several
# times faster than rdflib's Turtle serializer on large graphs (benchmarks/serialization.py).
LARGE_GRAPH = 100_000


def graph_file(path: str | Path) -> Path:
    """The graph file a path names: itself, or the ``graph.ttl`` inside a build folder."""
    path = Path(path)
    return path / "graph.ttl" if path.is_dir() else path


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
        path = graph_file(path)
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

    def query(self, sparql: str, allow_service: bool = False) -> Rows | bool | Graph:
        """Run SPARQL (kg's prefixes predeclared; checked by :func:`kg.guard.check`, which refuses
        SERVICE and FROM unless ``allow_service``). SELECT returns :class:`~kg.query.Rows`."""
        return run(self.graph, sparql, allow_service)

    def serialize(self, path: str | Path, format: str | None = None) -> Path:
        """Write the graph atomically; the format follows the suffix unless given.

        Turtle of graphs over :data:`LARGE_GRAPH` triples is written by :func:`write_with_oxigraph`
        (the same graph and prefixes), everything else by rdflib.
        """
        path = Path(path)
        fmt = format or RDF_FORMATS.get(path.suffix.lower(), "turtle")
        try:
            with atomic_writer(path, "wb") as handle:
                if fmt == "turtle" and len(self.graph) > LARGE_GRAPH:
                    write_with_oxigraph(self.graph, handle)
                else:
                    handle.write(self.graph.serialize(format=fmt, encoding="utf-8"))
        except OutputError:
            raise
        except OSError as err:
            raise OutputError(f"cannot write {path}: {err.strerror or err}") from err
        return path


def write_with_oxigraph(graph: Graph, handle: IO[bytes]) -> None:
    """Write ``graph`` as Turtle to a binary ``handle`` through Oxigraph's serializer, with kg's
    prefixes. rdflib writes N-Triples (linear in the graph), whose sorted lines give a
    deterministic order with each subject's triples together; Oxigraph parses and abbreviates them."""
    lines = graph.serialize(format="nt", encoding="utf-8").splitlines()
    lines.sort()
    data = b"\n".join(lines)
    del lines  # the graph once as N-Triples is enough
    triples = pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.N_TRIPLES)
    prefixes = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    pyoxigraph.serialize(triples, handle, pyoxigraph.RdfFormat.TURTLE, prefixes=prefixes)
