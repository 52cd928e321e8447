"""Writing RDF: the one serializer, for every format in :mod:`kg.formats`.

Turtle and N-Triples are written by :func:`write_with_oxigraph` (sorted, deterministic, several
times faster than rdflib's writer: ``benchmarks/serialization.py``); JSON-LD and RDF/XML by rdflib.
In TriG and N-Quads each source document gets a named graph whose name is the document IRI. It
holds the document node and every assertion and sentence derived from that document
(``prov:wasDerivedFrom``); entities and plain triples, which several documents may support, stay
in the default graph.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

import pyoxigraph
from rdflib import RDF, Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.plugins.serializers.nt import _nt_row  # one triple as an N-Triples line, as rdflib writes it

from kg.errors import BAD_REQUEST, KgError
from kg.fileio import write_bytes
from kg.formats import BY_NAME, for_path
from kg.ontology import KG, PREFIXES, PROV

FORMATS: dict[str, str] = {name: f.rdflib for name, f in BY_NAME.items()}  # kg's name -> rdflib's
SUFFIXES: dict[str, str] = {name: f.suffixes[0] for name, f in BY_NAME.items()}


class UnknownFormat(KgError, ValueError):
    """An RDF format kg does not write, or a file suffix that names none."""

    code = "E205"
    exit_status = BAD_REQUEST


def dataset(graph: Graph) -> Dataset:
    """``graph`` split into named graphs, one per source document (see the module docstring)."""
    ds = Dataset()
    for prefix, namespace in PREFIXES.items():
        ds.bind(prefix, namespace, override=True)
    default = ds.graph(DATASET_DEFAULT_GRAPH_ID)
    named: dict[URIRef, Graph] = {}

    def graph_of(document: URIRef) -> Graph:
        if document not in named:
            named[document] = ds.graph(document)
        return named[document]

    documents = set(graph.subjects(RDF.type, KG.Document))
    home: dict[URIRef, URIRef] = {doc: doc for doc in documents}
    for kind in (KG.Assertion, KG.Sentence):
        for node in graph.subjects(RDF.type, kind):
            sources = sorted(o for o in graph.objects(node, PROV.wasDerivedFrom) if o in documents)
            if len(sources) == 1:
                home[node] = sources[0]
    for s, p, o in graph:
        target = home.get(s)
        (graph_of(target) if target is not None else default).add((s, p, o))
    return ds


def serialize(graph: Graph, format: str) -> bytes:
    """The graph in ``format`` (a name in :data:`kg.formats.FORMATS`, or rdflib's) as UTF-8 bytes."""
    fmt = BY_NAME.get(format) or next((f for f in BY_NAME.values() if f.rdflib == format), None)
    if fmt is None:
        raise UnknownFormat(f"unknown RDF format {format!r}; choose from {', '.join(BY_NAME)}")
    if fmt.oxigraph:
        buffer = io.BytesIO()
        write_with_oxigraph(graph, buffer, fmt.rdflib)
        return buffer.getvalue()
    if fmt.dataset:
        return dataset(graph).serialize(format=fmt.rdflib, encoding="utf-8")
    if fmt.name == "jsonld":
        context = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
        return graph.serialize(format="json-ld", context=context, encoding="utf-8")
    return graph.serialize(format=fmt.rdflib, encoding="utf-8")


def export(graph: Graph, path: str | Path, format: str | None = None) -> Path:
    """Write ``graph`` to ``path`` atomically; the format follows the suffix unless given (a suffix
    that names no RDF format is an error, never a silent Turtle file)."""
    path = Path(path)
    if format is None:
        by_suffix = for_path(path)
        if by_suffix is None:
            raise UnknownFormat(f"cannot tell the RDF format of {path}; give --format ({', '.join(BY_NAME)}) "
                                f"or a suffix ({', '.join(s for f in BY_NAME.values() for s in f.suffixes)})")
        format = by_suffix.name
    return write_bytes(path, serialize(graph, format))


def write_with_oxigraph(graph: Graph, handle: IO[bytes], format: str = "turtle") -> None:
    """Write ``graph`` as Turtle (or N-Triples, ``format="nt"``) to a binary ``handle``.

    Each triple becomes an N-Triples line (rdflib's own writer, linear in the graph), and
    :func:`write_lines` writes them sorted. The graph is held once more as lines, never as one text."""
    write_lines(sorted(_nt_row(triple) for triple in graph), handle, format)


def write_lines(lines: Iterable[str], handle: IO[bytes], format: str = "turtle") -> None:
    """Write sorted N-Triples ``lines`` as Turtle (or N-Triples, ``format="nt"``) to a binary ``handle``.

    The sorted lines give a deterministic order with each subject's triples together, and are the
    N-Triples output. For Turtle, Oxigraph reads them as a stream and abbreviates them with kg's
    prefixes."""
    if format == "nt":
        for chunk in _chunks(lines):
            handle.write(chunk)
        return
    stream = io.BufferedReader(_ChunkReader(_chunks(lines)))
    triples = pyoxigraph.parse(stream, format=pyoxigraph.RdfFormat.N_TRIPLES)
    prefixes = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    pyoxigraph.serialize(triples, handle, pyoxigraph.RdfFormat.TURTLE, prefixes=prefixes)


def _chunks(lines: Iterable[str]) -> Iterator[bytes]:
    """The lines as UTF-8, 256 at a time."""
    lines = iter(lines)
    while chunk := list(itertools.islice(lines, 256)):
        yield "".join(chunk).encode("utf-8")


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
