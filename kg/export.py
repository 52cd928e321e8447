"""Exports: the graph as Turtle, N-Triples, JSON-LD, or TriG with one named graph per document.

In TriG, each source document gets a named graph whose name is the document IRI. It holds the
document node and every assertion derived from that document (``prov:wasDerivedFrom``); entities
and plain triples, which several documents may support, stay in the default graph.
"""

from __future__ import annotations

import io
from pathlib import Path

from rdflib import RDF, Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.fileio import write_bytes
from kg.graph import OXIGRAPH_FORMATS, write_with_oxigraph
from kg.ontology import KG, PREFIXES, PROV
from kg.options import EXPORT_FORMATS

FORMATS: dict[str, str] = EXPORT_FORMATS
SUFFIXES: dict[str, str] = {"turtle": ".ttl", "ntriples": ".nt", "jsonld": ".jsonld", "trig": ".trig"}


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
    for node in graph.subjects(RDF.type, KG.Assertion):
        sources = sorted(o for o in graph.objects(node, PROV.wasDerivedFrom) if o in documents)
        if len(sources) == 1:
            home[node] = sources[0]
    for s, p, o in graph:
        target = home.get(s)
        (graph_of(target) if target is not None else default).add((s, p, o))
    return ds


def serialize(graph: Graph, format: str) -> bytes:
    """The graph in ``format`` (one of :data:`FORMATS`) as UTF-8 bytes (Turtle and N-Triples
    written by :func:`kg.graph.write_with_oxigraph`, sorted and deterministic)."""
    if format not in FORMATS:
        raise ValueError(f"unknown export format {format!r}; choose from {', '.join(FORMATS)}")
    if FORMATS[format] in OXIGRAPH_FORMATS:
        buffer = io.BytesIO()
        write_with_oxigraph(graph, buffer, FORMATS[format])
        return buffer.getvalue()
    source: Graph = dataset(graph) if format == "trig" else graph
    if format == "jsonld":
        context = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
        return source.serialize(format="json-ld", context=context, encoding="utf-8")
    return source.serialize(format=FORMATS[format], encoding="utf-8")


def export(graph: Graph, path: str | Path, format: str | None = None) -> Path:
    """Write ``graph`` to ``path`` atomically; the format follows the suffix unless given."""
    path = Path(path)
    if format is None:
        by_suffix = {suffix: name for name, suffix in SUFFIXES.items()}
        format = by_suffix.get(path.suffix.lower(), "turtle")
    return write_bytes(path, serialize(graph, format))
