"""The library API: a knowledge graph you can add extractions to, query and save."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pyoxigraph
from rdflib import Dataset, Graph
from rdflib.plugins.serializers.nt import _nt_row  # one triple as an N-Triples line, as rdflib writes it

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
# Written by write_with_oxigraph, several times faster than rdflib's Turtle serializer
# (benchmarks/serialization.py) and deterministic; other formats by rdflib.
OXIGRAPH_FORMATS = ("turtle", "nt")


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

        Turtle and N-Triples are written by :func:`write_with_oxigraph`, other formats by rdflib.
        """
        path = Path(path)
        fmt = format or RDF_FORMATS.get(path.suffix.lower(), "turtle")
        try:
            with atomic_writer(path, "wb") as handle:
                if fmt in OXIGRAPH_FORMATS:
                    write_with_oxigraph(self.graph, handle, fmt)
                else:
                    handle.write(self.graph.serialize(format=fmt, encoding="utf-8"))
        except OutputError:
            raise
        except OSError as err:
            raise OutputError(f"cannot write {path}: {err.strerror or err}") from err
        return path


def write_with_oxigraph(graph: Graph, handle: IO[bytes], format: str = "turtle") -> None:
    """Write ``graph`` as Turtle (or N-Triples, ``format="nt"``) to a binary ``handle``.

    Each triple becomes an N-Triples line (rdflib's own writer, linear in the graph); the sorted
    lines give a deterministic order with each subject's triples together, and are the
    N-Triples output. For Turtle, Oxigraph reads them as a stream and abbreviates them with kg's
    prefixes. The graph is held once more as lines, never as one text."""
    lines = sorted(_nt_row(triple) for triple in graph)
    if format == "nt":
        for chunk in _chunks(lines):
            handle.write(chunk)
        return
    stream = io.BufferedReader(_ChunkReader(_chunks(lines)))
    triples = pyoxigraph.parse(stream, format=pyoxigraph.RdfFormat.N_TRIPLES)
    prefixes = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    pyoxigraph.serialize(triples, handle, pyoxigraph.RdfFormat.TURTLE, prefixes=prefixes)


def _chunks(lines: list[str]) -> Iterator[bytes]:
    """The lines as UTF-8, 256 at a time."""
    for start in range(0, len(lines), 256):
        yield "".join(lines[start:start + 256]).encode("utf-8")


class _ChunkReader(io.RawIOBase):
    """A readable binary stream over an iterator of byte chunks."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._rest = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self._rest:
            self._rest = next(self._chunks, b"")
            if not self._rest:
                return 0
        n = min(len(buffer), len(self._rest))
        buffer[:n] = self._rest[:n]
        self._rest = self._rest[n:]
        return n
