"""SHACL validation of a kg graph against ``ontologies/shapes.ttl`` (pySHACL)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pyshacl import validate as shacl_validate
from rdflib import RDF, Graph, URIRef
from rdflib.namespace import SH

from kg.ontology import ontology_graph, ontology_path


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


def validate(graph: Graph, shapes: Graph | None = None) -> ValidationReport:
    """Check ``graph`` against the kg shapes (or ``shapes``), with the kg ontology mixed in."""
    conforms, results, _ = shacl_validate(
        graph,
        shacl_graph=shapes if shapes is not None else shapes_graph(),
        ont_graph=ontology_graph(),
        inference="none",
    )
    names = graph.namespace_manager

    def show(term) -> str | None:
        if term is None:
            return None
        if isinstance(term, URIRef):
            try:
                return names.normalizeUri(term)
            except Exception:
                return f"<{term}>"
        return term.n3(names)

    violations = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        severity = results.value(result, SH.resultSeverity)
        violations.append(Violation(
            focus=show(results.value(result, SH.focusNode)) or "?",
            path=show(results.value(result, SH.resultPath)),
            value=show(results.value(result, SH.value)),
            message=str(results.value(result, SH.resultMessage) or "constraint not met"),
            severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
        ))
    violations.sort(key=lambda v: (v.focus, v.path or "", v.message, v.value or ""))
    return ValidationReport(bool(conforms), tuple(violations), len(graph))
