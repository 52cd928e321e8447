"""SHACL validation of a kg graph against ``ontologies/shapes.ttl``.

The shapes are compiled to SPARQL and run on Oxigraph (:mod:`kg.shacl`); shapes the compiler
does not handle, and ``engine="pyshacl"``, go through pySHACL. Both see the graph with the kg
ontology mixed in (so ``sh:class kg:Agent`` accepts a ``kg:Person``) and give the same results.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, Graph, URIRef
from rdflib.namespace import SH, NamespaceManager

from kg.ontology import ontology_graph, ontology_path
from kg.shacl import Unsupported, Validator


@dataclass(frozen=True)
class Violation:
    """One SHACL result: the focus node, the property path and value at fault, and why."""

    focus: str
    path: str | None
    value: str | None
    message: str
    severity: str

    def __str__(self) -> str:
        where = f"{self.focus} {self.path}" if self.path else self.focus
        value = f" (value: {self.value})" if self.value is not None else ""
        return f"{self.severity}: {where}: {self.message}{value}"


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    violations: tuple[Violation, ...]
    triples: int

    def summary(self) -> str:
        if self.conforms:
            return f"conforms: {self.triples} triples checked against the kg shapes"
        lines = [str(v) for v in self.violations]
        lines.append(f"does not conform: {len(self.violations)} violation{'s' if len(self.violations) != 1 else ''} "
                     f"in {self.triples} triples")
        return "\n".join(lines)


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    graph = Graph()
    graph.parse(ontology_path("shapes.ttl"), format="turtle")
    return graph


ENGINES = ("sparql", "pyshacl")
ONTOLOGY = ox.NamedNode("urn:kg:ontology")  # the named graph the ontology is loaded into
_OXIGRAPH_FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES}


def validate(graph: Graph, shapes: Graph | None = None, engine: str = "sparql") -> ValidationReport:
    """Check ``graph`` against the kg shapes (or ``shapes``), with the kg ontology mixed in."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")
    shapes = shapes if shapes is not None else shapes_graph()
    if engine == "sparql":
        store = ox.Store()
        store.extend(ox.Quad(*(_to_oxigraph(t) for t in triple)) for triple in graph)
        try:
            return _run(store, shapes, len(graph), graph.namespace_manager)
        except Unsupported:
            pass
    return _pyshacl(graph, shapes)


def validate_file(path: str | Path, shapes: Graph | None = None) -> ValidationReport:
    """Check a Turtle or N-Triples file (or a build folder's ``graph.ttl``), parsed by Oxigraph.

    Raises :class:`SyntaxError` for a file that does not parse, :class:`ValueError` for another format.
    """
    from kg.graph import graph_file, new_graph

    path = graph_file(path)
    fmt = _OXIGRAPH_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(f"not a Turtle or N-Triples file: {path}")
    store = ox.Store()
    store.load(path=str(path), format=fmt)
    shapes = shapes if shapes is not None else shapes_graph()
    try:
        return _run(store, shapes, len(store), new_graph().namespace_manager)
    except Unsupported:
        graph = new_graph()
        graph.parse(path, format="turtle" if fmt == ox.RdfFormat.TURTLE else "nt")
        return _pyshacl(graph, shapes)


def validate_oxigraph(store: ox.Store, shapes: Graph | None = None) -> ValidationReport:
    """Check the default graph of an Oxigraph store (copied into memory; the store is not changed)."""
    from kg.graph import new_graph
    from kg.store import from_oxigraph

    copy = ox.Store()
    copy.extend(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    shapes = shapes if shapes is not None else shapes_graph()
    try:
        return _run(copy, shapes, len(copy), new_graph().namespace_manager)
    except Unsupported:
        graph = new_graph()
        for q in copy.quads_for_pattern(None, None, None, ox.DefaultGraph()):
            graph.add((from_oxigraph(q.subject), from_oxigraph(q.predicate), from_oxigraph(q.object)))  # type: ignore[arg-type]
        return _pyshacl(graph, shapes)


def _to_oxigraph(term):
    from kg.store import to_oxigraph

    return to_oxigraph(term)


def _run(store: ox.Store, shapes: Graph, triples: int, names: NamespaceManager) -> ValidationReport:
    """Validate the default graph of ``store`` (the kg ontology is added to it as a named graph)."""
    store.load(path=str(ontology_path()), format=ox.RdfFormat.TURTLE, to_graph=ONTOLOGY)
    results = Validator(shapes, store, union=True, names=names).results()
    violations = [_violation(r.focus, r.path, r.value, r.message, r.severity, names) for r in results]
    return _report(violations, triples)


def _pyshacl(graph: Graph, shapes: Graph) -> ValidationReport:
    from pyshacl import validate as shacl_validate

    _, results, _ = shacl_validate(graph, shacl_graph=shapes, ont_graph=ontology_graph(), inference="none")
    violations = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        violations.append(_violation(
            results.value(result, SH.focusNode), results.value(result, SH.resultPath),
            results.value(result, SH.value), results.value(result, SH.resultMessage),
            results.value(result, SH.resultSeverity), graph.namespace_manager))
    return _report(violations, len(graph))


def _violation(focus, path, value, message, severity, names: NamespaceManager) -> Violation:
    def show(term) -> str | None:
        if term is None:
            return None
        if isinstance(term, URIRef):
            try:
                return names.normalizeUri(term)
            except Exception:
                return f"<{term}>"
        return term.n3(names)

    return Violation(
        focus=show(focus) or "?",
        path=show(path),
        value=show(value),
        message=str(message or "constraint not met"),
        severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
    )


def _report(violations: list[Violation], triples: int) -> ValidationReport:
    """The report; a violation found by several constraints of one shape is listed once."""
    distinct = sorted(set(violations), key=lambda v: (v.focus, v.path or "", v.message, v.value or ""))
    return ValidationReport(not distinct, tuple(distinct), triples)
