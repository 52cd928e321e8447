"""Writing a large graph: rdflib's Turtle serializer against ``kg.graph.write_with_oxigraph``
(N-Triples lines, sorted, abbreviated to Turtle by Oxigraph), which ``KnowledgeGraph.serialize``
uses for Turtle and N-Triples, on generated kg graphs. rdflib's N-Triples for scale.

    python benchmarks/serialization.py --triples 100000 1000000
"""

from __future__ import annotations

import argparse
import io
import sys
import time

from kg.documents import Document
from kg.graph import KnowledgeGraph, write_with_oxigraph
from kg.model import Entity, Evidence, Fact

RELATIONS = ("endorses", "supports", "opposes", "dismissed", "appointed", "faces_in_runoff")


def generated(n_triples: int) -> KnowledgeGraph:
    """A kg graph of about ``n_triples`` triples: documents, people and facts with evidence."""
    graph = KnowledgeGraph()
    people = [Entity(f"Person {i:05d}", "Person", frozenset({f"P{i}"})) for i in range(20_000)]
    number = 0
    while len(graph) < n_triples:
        doc = f"doc-{number // 10}"
        if number % 10 == 0:
            graph.add_document(Document(id=doc, text="x", date="2024-03-01", title=f"Story {number}"))
        subject, obj = people[number % len(people)], people[(number * 7 + 3) % len(people)]
        sentence = f"{subject.label} and {obj.label} met on day {number}."
        graph.add_fact(Fact(subject, RELATIONS[number % len(RELATIONS)], obj, Evidence(
            doc=doc, sentence=sentence, start=number, end=number + len(sentence), trigger="met", frame="active",
            confidence=0.9, polarity="positive" if number % 3 else "reported", date="2024-03-01")))
        number += 1
    return graph


def seconds(write) -> float:
    started = time.perf_counter()
    write()
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--rdflib-turtle-max", type=int, default=1_000_000,
                        help="skip rdflib's Turtle serializer above this many triples")
    args = parser.parse_args(argv)
    print(f"{'triples':>9}  {'rdflib turtle s':>15}  {'rdflib nt s':>11}  {'kg turtle s':>11}  {'speed-up':>8}")
    for n in args.triples:
        graph = generated(n)
        rdflib_ttl = seconds(lambda: graph.graph.serialize(format="turtle", encoding="utf-8")) if n <= args.rdflib_turtle_max else float("nan")
        rdflib_nt = seconds(lambda: graph.graph.serialize(format="nt", encoding="utf-8"))
        kg_ttl = seconds(lambda: write_with_oxigraph(graph.graph, io.BytesIO()))
        print(f"{len(graph):>9,}  {rdflib_ttl:>15.1f}  {rdflib_nt:>11.1f}  {kg_ttl:>11.1f}  {rdflib_ttl / kg_ttl:>7.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
