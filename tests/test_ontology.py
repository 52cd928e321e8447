"""The ontology as Oxigraph reads it: the same graph as rdflib's own Turtle parser gives."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.compare import graph_diff, isomorphic

from kg.ontology import Ontology, ontology_path, read_turtle

INVENTED = """@prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:a ex:label "plain", "tagged"@en-GB, "typed"^^ex:kind ;
     ex:number 0.85, 3, 1.5e3, true ;
     ex:node [ ex:inner "x" ], <relative> ;
     ex:list ( "one" "two" ) .
"""


def rdflib_graph(path: Path) -> Graph:
    graph = Graph()
    graph.parse(path, format="turtle")
    return graph


def test_package_ontology_reads_as_rdflib_reads_it() -> None:
    path = ontology_path()
    assert isomorphic(read_turtle(path), rdflib_graph(path))
    ours, theirs = Ontology.load(path), Ontology.from_graph(rdflib_graph(path))
    empty = Graph()
    assert replace(ours, graph=empty) == replace(theirs, graph=empty)
    assert ours.relations and ours.frame_confidence and ours.cues


def test_literals_blank_nodes_and_relative_iris_as_rdflib_reads_them(tmp_path: Path) -> None:
    path = tmp_path / "invented.ttl"
    path.write_text(INVENTED, encoding="utf-8")
    ours, theirs = read_turtle(path), rdflib_graph(path)
    assert len(ours) == len(theirs) == 15
    _, only_ours, only_theirs = graph_diff(ours, theirs)
    assert not only_ours and not only_theirs

    def literals(graph: Graph) -> set[tuple]:
        return {(str(o), o.datatype, o.language and o.language.lower(), o.toPython())  # tags have no case (RDF 1.1)
                for o in graph.objects() if isinstance(o, Literal)}

    assert literals(ours) == literals(theirs)
    assert len(literals(ours)) == 10
