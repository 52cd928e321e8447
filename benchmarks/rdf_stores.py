"""Load and query generated kg graphs: rdflib in memory vs an on-disk pyoxigraph Store.

    python benchmarks/rdf_stores.py [--sizes 100000 1000000] [--repeat 3]

The graphs look like what ``kg build`` writes: typed, labelled entities, plain relation triples
and one ``kg:Assertion`` node with its evidence per statement, spread over documents with dates.
Both engines parse the same N-Triples bytes and answer the same SPARQL; the script prints seconds
and the ratio rdflib / Oxigraph (above 1 means Oxigraph is faster).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Callable

import pyoxigraph
from rdflib import Graph

KG = "https://w3id.org/kg/ontology#"
ENT = "https://w3id.org/kg/entity/"
DOC = "https://w3id.org/kg/document/"
ASSERTION = "https://w3id.org/kg/assertion/"
SENTENCE = "https://w3id.org/kg/sentence/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
XSD = "http://www.w3.org/2001/XMLSchema#"
DATE = "http://purl.org/dc/terms/date"
DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
RELATIONS = ("endorses", "supports", "opposes", "appointed", "dismissed", "works_for")
POLARITIES = ("positive", "positive", "positive", "negative", "hypothetical", "reported")

PREFIXES = f"""PREFIX kg: <{KG}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <{XSD}>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""
QUERIES = {
    "endorsements with labels": """SELECT ?a ?b WHERE { ?x kg:endorses ?y . ?x rdfs:label ?a . ?y rdfs:label ?b }""",
    "statements per polarity": """SELECT ?p (COUNT(?x) AS ?n) WHERE { ?x a kg:Assertion ; kg:polarity ?p } GROUP BY ?p""",
    "facts after a date": """SELECT ?s ?o ?sentence WHERE {
        ?x kg:polarity kg:positive ; kg:subject ?s ; kg:object ?o ; kg:statedIn/kg:text ?sentence ; dcterms:date ?d .
        FILTER(?d >= "2024-12-01"^^xsd:date) }""",
    "sources of one fact": """SELECT ?doc ?sentence WHERE {
        ?x kg:subject ?s ; kg:predicate kg:endorses ; kg:object ?o ; kg:statedIn/kg:text ?sentence ; prov:wasDerivedFrom ?doc .
        ?s rdfs:label "Person 7" . }""",
}


def generate(target: int, seed: int = 7) -> bytes:
    """About ``target`` triples of kg-shaped N-Triples."""
    rng = random.Random(seed)
    lines: list[str] = []
    n_entities = max(50, target // 40)
    n_docs = max(10, target // 400)
    for i in range(n_entities):
        kind = "person" if i % 3 else "organization"
        iri = f"<{ENT}{kind}/e{i}>"
        lines.append(f"{iri} <{RDF_TYPE}> <{KG}{kind.capitalize()}> .")
        lines.append(f'{iri} <{LABEL}> "{kind.capitalize()} {i}" .')
    for d in range(n_docs):
        lines.append(f"<{DOC}d{d}> <{RDF_TYPE}> <{KG}Document> .")
        lines.append(f'<{DOC}d{d}> <{DATE}> "2024-{1 + d % 12:02d}-{1 + d % 28:02d}"^^<{XSD}date> .')
    n = 0
    while len(lines) < target:
        n += 1
        s, o = rng.randrange(n_entities), rng.randrange(n_entities)
        rel, pol, d = rng.choice(RELATIONS), rng.choice(POLARITIES), rng.randrange(n_docs)
        subj = f"<{ENT}{'person' if s % 3 else 'organization'}/e{s}>"
        obj = f"<{ENT}{'person' if o % 3 else 'organization'}/e{o}>"
        node, said = f"<{ASSERTION}a{n}>", f"<{SENTENCE}s{n}>"
        if pol == "positive":
            lines.append(f"{subj} <{KG}{rel}> {obj} .")
        lines += [
            f"{node} <{RDF_TYPE}> <{KG}Assertion> .",
            f"{node} <{KG}subject> {subj} .",
            f"{node} <{KG}predicate> <{KG}{rel}> .",
            f"{node} <{KG}object> {obj} .",
            f"{node} <{KG}polarity> <{KG}{pol}> .",
            f'{node} <{KG}confidence> "0.{rng.randrange(10, 99)}"^^<{XSD}decimal> .',
            f"{node} <{KG}statedIn> {said} .",
            f"{said} <{RDF_TYPE}> <{KG}Sentence> .",
            f'{said} <{KG}text> "Sentence {n} of document {d}, where {s} {rel} {o}." .',
            f'{said} <{KG}start> "{n * 10}"^^<{XSD}integer> .',
            f"{said} <{DERIVED}> <{DOC}d{d}> .",
            f"{node} <{DERIVED}> <{DOC}d{d}> .",
            f'{node} <{DATE}> "2024-{1 + d % 12:02d}-{1 + d % 28:02d}"^^<{XSD}date> .',
        ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def timed(fn: Callable[[], object], repeat: int = 1) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def run(size: int, repeat: int) -> None:
    data = generate(size)
    print(f"\n{size:,} triples requested ({len(data) / 1e6:.0f} MB of N-Triples)")
    print(f"{'step':<28} {'rdflib s':>10} {'oxigraph s':>11} {'ratio':>7}  rows")
    with tempfile.TemporaryDirectory() as tmp:
        t_rdflib, graph = timed(lambda: Graph().parse(data=data, format="nt"))
        store = pyoxigraph.Store(tmp)
        t_ox, _ = timed(lambda: store.bulk_load(data, pyoxigraph.RdfFormat.N_TRIPLES))
        assert len(graph) == len(store), (len(graph), len(store))
        print(f"{'load (' + format(len(graph), ',') + ' triples)':<28} {t_rdflib:>10.2f} {t_ox:>11.2f} {t_rdflib / t_ox:>6.1f}x")
        for name, body in QUERIES.items():
            text = PREFIXES + body
            t_r, rows_r = timed(lambda: len(list(graph.query(text))), repeat)
            t_o, rows_o = timed(lambda: len(list(store.query(text))), repeat)
            assert rows_r == rows_o, (name, rows_r, rows_o)
            print(f"{name:<28} {t_r:>10.3f} {t_o:>11.3f} {t_r / t_o:>6.1f}x  {rows_r}")
        del store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3, help="query runs per engine; the best is kept")
    args = parser.parse_args()
    for size in args.sizes:
        run(size, args.repeat)


if __name__ == "__main__":
    main()
