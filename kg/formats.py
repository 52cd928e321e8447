"""The RDF formats kg reads and writes: one table (imports nothing, so the CLI can build its options).

``name`` is kg's name (``kg export --format``), ``rdflib`` the rdflib plugin that parses it,
``suffixes`` the file suffixes that select it (the first is the one kg writes), ``dataset`` whether
it holds named graphs (TriG, N-Quads), and ``oxigraph`` whether kg writes it with Oxigraph's fast,
deterministic path (:func:`kg.export.write_with_oxigraph`) rather than rdflib.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class RdfFormat:
    name: str
    rdflib: str
    suffixes: tuple[str, ...]
    dataset: bool = False
    oxigraph: bool = False


FORMATS: tuple[RdfFormat, ...] = (
    RdfFormat("turtle", "turtle", (".ttl",), oxigraph=True),
    RdfFormat("ntriples", "nt", (".nt",), oxigraph=True),
    RdfFormat("jsonld", "json-ld", (".jsonld", ".json")),
    RdfFormat("trig", "trig", (".trig",), dataset=True),
    RdfFormat("nquads", "nquads", (".nq",), dataset=True),
    RdfFormat("rdfxml", "xml", (".rdf", ".xml", ".owl")),
)
BY_NAME: dict[str, RdfFormat] = {f.name: f for f in FORMATS}
BY_SUFFIX: dict[str, RdfFormat] = {s: f for f in FORMATS for s in f.suffixes}
NAMES: tuple[str, ...] = tuple(BY_NAME)
SUFFIXES: tuple[str, ...] = tuple(BY_SUFFIX)


def for_path(path: str | Path) -> RdfFormat | None:
    """The format a file's suffix names, or None."""
    return BY_SUFFIX.get(Path(path).suffix.lower())
