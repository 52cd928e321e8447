"""Facts, entities and documents as RDF triples under the kg ontology.

A positive fact is a plain triple (``ent:person/trump kg:endorses ent:person/tommy-tuberville``);
every statement of a fact, whatever its polarity, is also a stable ``kg:Assertion`` node with its
evidence. Assertion IRIs hash the triple, document, sentence offset and polarity, so rebuilding
the same document writes the same nodes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from decimal import Decimal

from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.namespace import XSD

from kg.documents import Document
from kg.model import Entity, Fact
from kg.ontology import ASSERTION, DCTERMS, KG, PROV, SCHEMA, relations
from kg.resolve import document_iri, entity_iri

Triple = tuple[URIRef, URIRef, URIRef | Literal]


def entity_triples(entity: Entity) -> Iterator[Triple]:
    iri = entity_iri(entity)
    yield iri, RDF.type, KG[entity.type]
    yield iri, RDFS.label, Literal(entity.label)
    for alias in sorted(entity.aliases):
        yield iri, KG.mention, Literal(alias)


def document_triples(document: Document) -> Iterator[Triple]:
    iri = document_iri(document.id)
    yield iri, RDF.type, KG.Document
    yield iri, DCTERMS.identifier, Literal(document.id)
    if document.date:
        yield iri, DCTERMS.date, Literal(document.date, datatype=XSD.date)
    if document.title:
        yield iri, DCTERMS.title, Literal(document.title)
    if document.source:
        yield iri, DCTERMS.source, Literal(document.source)
    if document.url:
        yield iri, SCHEMA.url, Literal(document.url, datatype=XSD.anyURI)


def assertion_iri(fact: Fact) -> URIRef:
    ev = fact.evidence
    parts = [str(entity_iri(fact.subject)), fact.relation, str(entity_iri(fact.object)), ev.doc, str(ev.start), ev.polarity]
    return ASSERTION[hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]]


def fact_triples(fact: Fact) -> Iterator[Triple]:
    """The plain triple (positive facts only) and the assertion node with its evidence."""
    subject, obj = entity_iri(fact.subject), entity_iri(fact.object)
    predicate = KG[fact.relation]
    ev = fact.evidence
    if ev.polarity == "positive":
        yield subject, predicate, obj
        if relations()[fact.relation].symmetric:
            yield obj, predicate, subject
    node = assertion_iri(fact)
    yield node, RDF.type, KG.Assertion
    yield node, KG.subject, subject
    yield node, KG.predicate, predicate
    yield node, KG.object, obj
    yield node, KG.polarity, KG[ev.polarity]
    yield node, KG.confidence, Literal(Decimal(str(ev.confidence)), datatype=XSD.decimal)
    yield node, KG.sentence, Literal(ev.sentence)
    yield node, KG.start, Literal(ev.start, datatype=XSD.integer)
    yield node, KG.end, Literal(ev.end, datatype=XSD.integer)
    yield node, KG.trigger, Literal(ev.trigger)
    yield node, KG.frame, Literal(ev.frame)
    yield node, PROV.wasDerivedFrom, document_iri(ev.doc)
    if ev.date:
        yield node, DCTERMS.date, Literal(ev.date, datatype=XSD.date)
    for prop, entity in ((KG.speaker, ev.speaker), (KG.position, fact.position), (KG.organization, fact.organization)):
        if entity is not None:
            yield node, prop, entity_iri(entity)


def statement_triples(fact: Fact) -> Iterator[Triple]:
    """:func:`fact_triples` preceded by the triples of every entity the fact involves."""
    for entity in (fact.subject, fact.object, fact.position, fact.organization, fact.evidence.speaker):
        if entity is not None:
            yield from entity_triples(entity)
    yield from fact_triples(fact)
