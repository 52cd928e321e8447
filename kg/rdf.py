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
from functools import cache, lru_cache

from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.namespace import XSD

from kg.documents import Document
from kg.model import Entity, Fact
from kg.ontology import ASSERTION, DCTERMS, KG, PROV, SCHEMA, relations
from kg.resolve import document_iri, entity_iri

Triple = tuple[URIRef, URIRef, URIRef | Literal]

# Terms built once: an rdflib namespace makes a new URIRef on every attribute access.
_TYPE, _LABEL, _MENTION, _ASSERTION = RDF.type, RDFS.label, KG.mention, KG.Assertion
_SUBJECT, _PREDICATE, _OBJECT, _POLARITY = KG.subject, KG.predicate, KG.object, KG.polarity
_CONFIDENCE, _SENTENCE, _START, _END = KG.confidence, KG.sentence, KG.start, KG.end
_TRIGGER, _FRAME, _SOURCE, _DATE = KG.trigger, KG.frame, PROV.wasDerivedFrom, DCTERMS.date
_SPEAKER, _POSITION, _ORGANIZATION, _SCOPE = KG.speaker, KG.position, KG.organization, KG.scope


@cache
def _kg(name: str) -> URIRef:
    """``kg:name`` for the few names used as terms (types, relations, polarities)."""
    return KG[name]


@lru_cache(maxsize=1024)
def _confidence(value: float) -> Literal:
    return Literal(Decimal(str(value)), datatype=XSD.decimal)


def entity_triples(entity: Entity) -> Iterator[Triple]:
    iri = entity_iri(entity)
    yield iri, _TYPE, _kg(entity.type)
    yield iri, _LABEL, Literal(entity.label)
    for alias in sorted(entity.aliases):
        yield iri, _MENTION, Literal(alias)
    if entity.scope:
        yield iri, _SCOPE, document_iri(entity.scope)


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
    parts = [str(entity_iri(fact.subject)), fact.relation, str(entity_iri(fact.object)),
             ev.doc, str(ev.start), ev.polarity]
    return ASSERTION[hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]]


def fact_triples(fact: Fact) -> Iterator[Triple]:
    """The plain triple (positive facts only) and the assertion node with its evidence."""
    subject, obj = entity_iri(fact.subject), entity_iri(fact.object)
    predicate = _kg(fact.relation)
    ev = fact.evidence
    if ev.polarity == "positive":
        yield subject, predicate, obj
        if relations()[fact.relation].symmetric:
            yield obj, predicate, subject
    node = assertion_iri(fact)
    yield node, _TYPE, _ASSERTION
    yield node, _SUBJECT, subject
    yield node, _PREDICATE, predicate
    yield node, _OBJECT, obj
    yield node, _POLARITY, _kg(ev.polarity)
    yield node, _CONFIDENCE, _confidence(ev.confidence)
    yield node, _SENTENCE, Literal(ev.sentence)
    yield node, _START, Literal(ev.start, datatype=XSD.integer)
    yield node, _END, Literal(ev.end, datatype=XSD.integer)
    yield node, _TRIGGER, Literal(ev.trigger)
    yield node, _FRAME, Literal(ev.frame)
    yield node, _SOURCE, document_iri(ev.doc)
    if ev.date:
        yield node, _DATE, Literal(ev.date, datatype=XSD.date)
    for prop, entity in ((_SPEAKER, ev.speaker), (_POSITION, fact.position), (_ORGANIZATION, fact.organization)):
        if entity is not None:
            yield node, prop, entity_iri(entity)


def statement_triples(fact: Fact) -> Iterator[Triple]:
    """:func:`fact_triples` preceded by the triples of every entity the fact involves."""
    for entity in (fact.subject, fact.object, fact.position, fact.organization, fact.evidence.speaker):
        if entity is not None:
            yield from entity_triples(entity)
    yield from fact_triples(fact)
