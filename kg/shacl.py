"""SHACL shapes compiled to SPARQL and run on Oxigraph.

kg's shapes (``ontologies/shapes.ttl``) use a small part of SHACL Core and two SHACL-SPARQL
constraints. :func:`compile_shapes` turns every constraint of a shapes graph into one SPARQL
SELECT over the focus nodes of its shape (targets computed in the same query), so a whole
graph is checked by a few dozen queries inside Oxigraph instead of node by node in Python.
Shapes that use anything else raise :class:`Unsupported`; :mod:`kg.validate` then runs pySHACL.
The tests run both on valid and broken graphs and compare every result.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH, XSD, NamespaceManager

from kg.errors import BAD_REQUEST, KgError
from kg.store import from_oxigraph

Focus = Callable[[str], str]  # a variable name -> a SPARQL group binding it to each focus node

# Casts that fail on an ill-formed literal of that datatype ("abc"^^xsd:integer): sh:datatype
# treats such a literal as a violation, as pySHACL does.
_CASTS = {XSD[name] for name in ("string", "boolean", "integer", "decimal", "double", "float", "dateTime", "date")}
_NODE_KINDS = {
    SH.IRI: "isIRI(?v)",
    SH.BlankNode: "isBlank(?v)",
    SH.Literal: "isLiteral(?v)",
    SH.BlankNodeOrIRI: "!isLiteral(?v)",
    SH.BlankNodeOrLiteral: "!isIRI(?v)",
    SH.IRIOrLiteral: "!isBlank(?v)",
}
_COMPARISONS = {SH.minInclusive: ">=", SH.maxInclusive: "<=", SH.minExclusive: ">", SH.maxExclusive: "<"}
_SHAPE_LINKS = (SH.property, SH.node, SH.qualifiedValueShape)
_TARGETS = (SH.targetClass, SH.targetNode, SH.targetObjectsOf, SH.targetSubjectsOf)
# Every other sh: property on a shape makes the shapes graph unsupported.
_SUPPORTED = {
    *_TARGETS, *_SHAPE_LINKS, *_COMPARISONS, SH.path, SH.minCount, SH.maxCount, SH.datatype, SH.minLength,
    SH.maxLength, SH.nodeKind, SH["in"], SH.hasValue, SH["class"], SH.lessThan, SH.pattern, SH.flags,
    SH.qualifiedMinCount, SH.qualifiedMaxCount, SH.sparql, SH.message, SH.severity, SH.deactivated, SH.name,
    SH.description, SH.order, SH.group, SH.defaultValue,
}
_SPARQL_CONSTRAINT = {RDF.type, SH.select, SH.message, SH.prefixes, SH.severity, SH.deactivated}


class Unsupported(KgError, ValueError):
    """The shapes use a SHACL feature this compiler does not handle."""

    code = "E204"
    exit_status = BAD_REQUEST


@dataclass(frozen=True)
class Result:
    """One validation result, with terms as rdflib terms."""

    focus: URIRef | BNode | Literal
    path: URIRef | None
    value: URIRef | BNode | Literal | None
    message: str
    severity: URIRef


def n3(term) -> str:
    """An rdflib term in SPARQL syntax."""
    if isinstance(term, BNode):
        raise Unsupported("blank nodes as constants in a shape")
    return term.n3()


@dataclass
class Validator:
    """Runs a shapes graph against a graph held in an Oxigraph store.

    The store's default graph (or the union of its graphs, with ``union``) is the data graph,
    with any ontology already loaded into it (``sh:class`` and ``sh:targetClass`` follow
    ``rdfs:subClassOf``).
    """

    shapes: Graph
    store: ox.Store
    union: bool = False
    names: NamespaceManager | None = None  # how default messages write the data's IRIs

    def __post_init__(self) -> None:
        self._prefixes: dict[str, str] = {}
        for declaration in self.shapes.objects(None, SH.declare):
            prefix, namespace = self.shapes.value(declaration, SH.prefix), self.shapes.value(declaration, SH.namespace)
            if prefix is not None and namespace is not None:
                self._prefixes[str(prefix)] = str(namespace)
        self._check_supported()

    # -- the shapes graph ----------------------------------------------------------------------

    def _shape_term(self, term) -> str:
        return term.n3(self.shapes.namespace_manager)

    def _data_term(self, term) -> str:
        if isinstance(term, URIRef) and self.names is not None:
            return term.n3(self.names)
        return term.n3()

    def _shape_nodes(self) -> set:
        shapes = set(self.shapes.subjects(RDF.type, SH.NodeShape)) | set(self.shapes.subjects(RDF.type, SH.PropertyShape))
        for link in _TARGETS:
            shapes |= set(self.shapes.subjects(link, None))
        frontier = list(shapes)
        while frontier:
            shape = frontier.pop()
            for link in _SHAPE_LINKS:
                for nested in self.shapes.objects(shape, link):
                    if nested not in shapes:
                        shapes.add(nested)
                        frontier.append(nested)
        return shapes

    def _check_supported(self) -> None:
        for shape in self._shape_nodes():
            for prop in set(self.shapes.predicates(shape, None)):
                if str(prop).startswith(str(SH)) and prop not in _SUPPORTED:
                    raise Unsupported(f"{prop} on a shape")
            if (shape, RDF.type, RDFS.Class) in self.shapes:
                raise Unsupported("implicit class targets")
            path = self.shapes.value(shape, SH.path)
            if path is not None and not isinstance(path, URIRef):
                raise Unsupported("property paths other than a single predicate")
            if path is not None and self.shapes.value(shape, SH.property) is not None:
                raise Unsupported("property shapes nested in property shapes")
            if self.shapes.value(shape, SH.qualifiedValueShapesDisjoint) is not None:
                raise Unsupported("sh:qualifiedValueShapesDisjoint")
            for constraint in self.shapes.objects(shape, SH.sparql):
                if set(self.shapes.predicates(constraint, None)) - _SPARQL_CONSTRAINT:
                    raise Unsupported("SPARQL constraints other than sh:select with sh:message")

    def _focus(self, shape) -> Focus | None:
        parts = [f"{{ ?{{v}} rdf:type/rdfs:subClassOf* {n3(c)} }}" for c in self.shapes.objects(shape, SH.targetClass)]
        parts += [f"{{ VALUES ?{{v}} {{ {n3(n)} }} }}" for n in self.shapes.objects(shape, SH.targetNode)]
        parts += [f"{{ ?{{v}}_s {n3(p)} ?{{v}} }}" for p in self.shapes.objects(shape, SH.targetObjectsOf)]
        parts += [f"{{ ?{{v}} {n3(p)} ?{{v}}_o }}" for p in self.shapes.objects(shape, SH.targetSubjectsOf)]
        if not parts:
            return None
        union = " UNION ".join(parts)
        return lambda v: f"{{ SELECT DISTINCT ?{v} WHERE {{ {union.replace('{v}', v)} }} }}"

    # -- running -------------------------------------------------------------------------------

    def _select(self, query: str, prefixes: dict[str, str] | None = None) -> Iterator[ox.QuerySolution]:
        names = {"rdf": str(RDF), "rdfs": str(RDFS), "sh": str(SH), **(prefixes or {})}
        return iter(self.store.query(query, prefixes=names, use_default_graph_as_union=self.union))

    def results(self) -> list[Result]:
        """Every result of every shape with a target."""
        found: list[Result] = []
        for shape in sorted(self._shape_nodes(), key=str):
            focus = self._focus(shape)
            if focus is not None:
                found += self._shape_results(shape, focus)
        return found

    def _failing(self, shape, focus: Focus) -> dict:
        """The focus nodes that do not conform to ``shape``, each with its results."""
        failing: dict = {}
        for result in self._shape_results(shape, focus):
            failing.setdefault(result.focus, []).append(result)
        return failing

    def _shape_results(self, shape, focus: Focus) -> list[Result]:
        g = self.shapes
        if g.value(shape, SH.deactivated) == Literal(True):
            return []
        path = g.value(shape, SH.path)
        severity = g.value(shape, SH.severity) or SH.Violation
        message = g.value(shape, SH.message)
        if path is None:
            values = "BIND(?this AS ?v)"

            def value_focus(v: str) -> str:
                return focus(v)
        else:
            values = f"?this {n3(path)} ?v ."

            def value_focus(v: str) -> str:
                return f"{{ SELECT DISTINCT ?{v} WHERE {{ {focus(v + '_f')} ?{v}_f {n3(path)} ?{v} . }} }}"
        head = focus("this")
        out: list[Result] = []

        def emit(rows, default: str, with_value: bool = True) -> None:
            for row in rows:
                this, value = from_oxigraph(row["this"]), from_oxigraph(row["v"]) if with_value else None
                text = str(message) if message is not None else default.replace("{this}", self._data_term(this))
                if value is not None:
                    text = text.replace("{v}", self._data_term(value))
                out.append(Result(this, path, value, text, severity))

        def value_filter(condition: str, default: str) -> None:
            emit(self._select(f"SELECT ?this ?v WHERE {{ {head} {values} FILTER({condition}) }}"), default)

        for kind in g.objects(shape, SH.nodeKind):
            value_filter(f"!({_NODE_KINDS[kind]})", f"Value is not of Node Kind {self._shape_term(kind)}")
        for datatype in g.objects(shape, SH.datatype):
            well_formed = f" || !COALESCE(isLiteral({n3(datatype)}(?v)), false)" if datatype in _CASTS else ""
            value_filter(f"!isLiteral(?v) || datatype(?v) != {n3(datatype)}{well_formed}",
                         f"Value is not Literal with datatype {self._shape_term(datatype)}")
        for length in g.objects(shape, SH.minLength):
            value_filter(f"isBlank(?v) || STRLEN(STR(?v)) < {int(length)}", f"String length not >= {length}")
        for length in g.objects(shape, SH.maxLength):
            value_filter(f"isBlank(?v) || STRLEN(STR(?v)) > {int(length)}", f"String length not <= {length}")
        for pattern in g.objects(shape, SH.pattern):
            flags = g.value(shape, SH.flags)
            args = f"{n3(Literal(str(pattern)))}" + (f", {n3(Literal(str(flags)))}" if flags is not None else "")
            value_filter(f"isBlank(?v) || !REGEX(STR(?v), {args})", f"Value does not match pattern '{pattern}'")
        for members in g.objects(shape, SH["in"]):
            allowed = list(Collection(g, members))
            test = " || ".join(f"sameTerm(?v, {n3(m)})" for m in allowed) or "false"
            value_filter(f"!({test})", f"Value {{v}} not in list {[self._shape_term(m) for m in allowed]}")
        for prop, operator in _COMPARISONS.items():
            for bound in g.objects(shape, prop):
                value_filter(f"!COALESCE(?v {operator} {n3(bound)}, false)",
                             f"Value is not {operator} {self._shape_term(bound)}")
        for cls in g.objects(shape, SH["class"]):
            value_filter(f"NOT EXISTS {{ ?v rdf:type/rdfs:subClassOf* {n3(cls)} }}",
                         f"Value does not have class {self._shape_term(cls)}")
        if path is not None:
            for other in g.objects(shape, SH.lessThan):
                emit(self._select(f"SELECT DISTINCT ?this ?v WHERE {{ {head} {values} ?this {n3(other)} ?o "
                                  f"FILTER(!COALESCE(?v < ?o, false)) }}"),
                     f"Value of {self._shape_term(path)} not < value of {self._shape_term(other)}")
            counts = f"SELECT ?this (COUNT(DISTINCT ?v) AS ?n) WHERE {{ {head} OPTIONAL {{ {values} }} }} GROUP BY ?this"
            for low in g.objects(shape, SH.minCount):
                emit(self._select(counts + f" HAVING (COUNT(DISTINCT ?v) < {int(low)})"),
                     f"Less than {low} values on {{this}}->{self._shape_term(path)}", with_value=False)
            for high in g.objects(shape, SH.maxCount):
                emit(self._select(counts + f" HAVING (COUNT(DISTINCT ?v) > {int(high)})"),
                     f"More than {high} values on {{this}}->{self._shape_term(path)}", with_value=False)
            for value in g.objects(shape, SH.hasValue):
                emit(self._select(f"SELECT ?this WHERE {{ {head} FILTER NOT EXISTS {{ ?this {n3(path)} {n3(value)} }} }}"),
                     f"Node {{this}}->{self._shape_term(path)} does not contain a value in the set: "
                     f"{[self._shape_term(value)]}", with_value=False)
        for nested in g.objects(shape, SH.node):
            failing = self._failing(nested, value_focus)
            for row in self._select(f"SELECT ?this ?v WHERE {{ {head} {values} }}"):
                details = failing.get(from_oxigraph(row["v"]))
                if details is not None:  # the nested results come too, as pySHACL's sh:detail
                    emit([row], f"Value does not conform to Shape {self._shape_term(nested)}.")
                    out.extend(details)
        for qualified in g.objects(shape, SH.qualifiedValueShape):
            failing = self._failing(qualified, value_focus)
            conforming: Counter = Counter()
            focus_nodes = []
            for row in self._select(f"SELECT ?this ?v WHERE {{ {head} OPTIONAL {{ {values} }} }}"):
                this = from_oxigraph(row["this"])
                if this not in conforming:
                    focus_nodes.append(this)
                    conforming[this] += 0
                if row["v"] is not None and from_oxigraph(row["v"]) not in failing:
                    conforming[this] += 1
            low, high = g.value(shape, SH.qualifiedMinCount), g.value(shape, SH.qualifiedMaxCount)
            for this in focus_nodes:
                if (low is not None and conforming[this] < int(low)) or (high is not None and conforming[this] > int(high)):
                    out.append(Result(this, path, None, str(message or "Qualified value shape count not met"), severity))
        for nested in g.objects(shape, SH.property):
            out += self._shape_results(nested, focus)
        for constraint in g.objects(shape, SH.sparql):
            out += self._sparql_results(shape, constraint, head, path, severity)
        return out

    def _sparql_results(self, shape, constraint, head: str, path, severity) -> list[Result]:
        g = self.shapes
        if g.value(constraint, SH.deactivated) == Literal(True):
            return []
        prefixes = dict(self._prefixes)
        for source in g.objects(constraint, SH.prefixes):
            for declaration in g.objects(source, SH.declare):
                prefixes[str(g.value(declaration, SH.prefix))] = str(g.value(declaration, SH.namespace))
        select = str(g.value(constraint, SH.select)).replace("$this", "?this")
        where = select.upper().find("WHERE")
        brace = select.find("{", where if where >= 0 else 0)
        if brace < 0:
            raise Unsupported("a SPARQL constraint without a WHERE clause")
        query = select[:brace + 1] + f" {head} " + select[brace + 1:]
        message = g.value(constraint, SH.message) or g.value(shape, SH.message)
        severity = g.value(constraint, SH.severity) or severity
        out = []
        for row in self._select(query, prefixes):
            this = from_oxigraph(row["this"])
            bound_path = _binding(row, "path")
            value = _binding(row, "value")
            out.append(Result(this, bound_path if bound_path is not None else path,
                              value if value is not None else this,
                              str(message) if message is not None else "SPARQL constraint not met", severity))
        return out


def _binding(row: ox.QuerySolution, name: str):
    try:
        return from_oxigraph(row[name])
    except KeyError:
        return None

