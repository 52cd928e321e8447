"""The library API: a knowledge graph you can add extractions to, query and save."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph

from kg.documents import Document
from kg.export import export
from kg.export import write_with_oxigraph as write_with_oxigraph  # where benchmarks and tests find it
from kg.formats import BY_NAME, for_path
from kg.model import Entity, Fact
from kg.ontology import PREFIXES
from kg.query import Rows, run
from kg.rdf import document_triples, entity_triples, statement_triples


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
        fmt = for_path(path) or BY_NAME["turtle"]
        graph = new_graph()
        if fmt.dataset:  # the union of the default and the named graphs
            dataset = Dataset()
            dataset.parse(path, format=fmt.rdflib)
            for s, p, o, _ in dataset.quads():
                graph.add((s, p, o))
        else:
            graph.parse(path, format=fmt.rdflib)
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
        """Write the graph atomically with :func:`kg.export.export`; the format (a name in
        :mod:`kg.formats`) follows the suffix unless given."""
        return export(self.graph, path, format)
