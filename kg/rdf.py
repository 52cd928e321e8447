"""Facts, entities and documents as RDF triples under the kg ontology.

A positive fact is a plain triple (``ent:person/trump kg:endorses ent:person/tommy-tuberville``);
every statement of a fact, whatever its polarity, is also a stable ``kg:Assertion`` node with its
evidence. The sentence that states it is a ``kg:Sentence`` node (text, offsets, document) that
the assertion references (``kg:statedIn``): written once however many statements the sentence
makes, so output grows with the input, not with the statements per sentence. Assertion IRIs
hash the triple, document, sentence offset and polarity, sentence IRIs the document and
offset, so rebuilding the same document writes the same nodes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import cache, lru_cache
from typing import Protocol

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import XSD

from kg.documents import Document
from kg.iris import document_iri, entity_iri
from kg.model import ENTITY_TYPES, Entity, Evidence, Fact
from kg.ontology import ASSERTION, DCTERMS, KG, PROV, SCHEMA, SENTENCE, relations
from kg.query import Rows

Triple = tuple[URIRef, URIRef, URIRef | Literal]

# Terms built once: an rdflib namespace makes a new URIRef on every attribute access.
_TYPE, _LABEL, _MENTION, _ASSERTION = RDF.type, RDFS.label, KG.mention, KG.Assertion
_SUBJECT, _PREDICATE, _OBJECT, _POLARITY = KG.subject, KG.predicate, KG.object, KG.polarity
_CONFIDENCE, _STATED_IN, _SENTENCE = KG.confidence, KG.statedIn, KG.Sentence
_TEXT, _START, _END = KG.text, KG.start, KG.end
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


def _hash(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def assertion_iri(fact: Fact) -> URIRef:
    ev = fact.evidence
    return _assertion_iri(fact.subject, fact.relation, fact.object, ev.doc, ev.start, ev.polarity)


def record_assertion_iri(record: dict) -> URIRef:
    """The assertion IRI of a ``facts.jsonl`` record (:meth:`~kg.model.Fact.to_record`)."""
    subject = Entity(record["subject"], record["subject_type"], scope=record.get("subject_scope", ""))
    obj = Entity(record["object"], record["object_type"], scope=record.get("object_scope", ""))
    return _assertion_iri(subject, record["relation"], obj, record["doc"], record["start"], record["polarity"])


def _assertion_iri(subject: Entity, relation: str, obj: Entity, doc: str, start: int, polarity: str) -> URIRef:
    return ASSERTION[_hash(str(entity_iri(subject)), relation, str(entity_iri(obj)), doc, str(start), polarity)]


def sentence_iri(evidence: Evidence) -> URIRef:
    """The IRI of the sentence ``evidence`` quotes: its document id and start offset, hashed."""
    return SENTENCE[_hash(evidence.doc, str(evidence.start))]


def sentence_triples(evidence: Evidence) -> Iterator[Triple]:
    """The ``kg:Sentence`` node: its text, offsets and document."""
    node = sentence_iri(evidence)
    yield node, _TYPE, _SENTENCE
    yield node, _TEXT, Literal(evidence.sentence)
    yield node, _START, Literal(evidence.start, datatype=XSD.integer)
    yield node, _END, Literal(evidence.end, datatype=XSD.integer)
    yield node, _SOURCE, document_iri(evidence.doc)


def fact_triples(fact: Fact) -> Iterator[Triple]:
    """The plain triple (positive facts only) and the assertion node, which references its
    sentence node (:func:`sentence_triples`) by IRI."""
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
    yield node, _STATED_IN, sentence_iri(ev)
    yield node, _TRIGGER, Literal(ev.trigger)
    yield node, _FRAME, Literal(ev.frame)
    yield node, _SOURCE, document_iri(ev.doc)
    if ev.date:
        yield node, _DATE, Literal(ev.date, datatype=XSD.date)
    for prop, entity in ((_SPEAKER, ev.speaker), (_POSITION, fact.position), (_ORGANIZATION, fact.organization)):
        if entity is not None:
            yield node, prop, entity_iri(entity)


def statement_triples(fact: Fact) -> Iterator[Triple]:
    """:func:`fact_triples` preceded by the triples of every entity the fact involves and of its
    sentence: everything one fact needs, for a graph that gets one fact at a time."""
    yield from statements_triples((fact,))


def statements_triples(facts: Iterable[Fact]) -> Iterator[Triple]:
    """:func:`statement_triples` of many facts (one document's), each entity and each sentence
    written once: a sentence stating N facts gives O(N) triples, not N copies of itself."""
    entities: set[tuple[tuple[str, str, str], frozenset[str]]] = set()  # Entity equality ignores aliases
    sentences: set[tuple[str, int]] = set()
    for fact in facts:
        for entity in (fact.subject, fact.object, fact.position, fact.organization, fact.evidence.speaker):
            if entity is not None and (entity.key, entity.aliases) not in entities:
                entities.add((entity.key, entity.aliases))
                yield from entity_triples(entity)
        ev = fact.evidence
        if (ev.doc, ev.start) not in sentences:
            sentences.add((ev.doc, ev.start))
            yield from sentence_triples(ev)
        yield from fact_triples(fact)


# ---------------------------------------------------------------------------------------------
# Reading entities back

_ENTITIES = """SELECT ?type ?label ?mention WHERE {
  ?e rdfs:label ?label ; a ?type . FILTER(STRSTARTS(STR(?type), STR(kg:)))
  OPTIONAL { ?e kg:mention ?mention } }"""


class Queryable(Protocol):
    """What reading back needs: a store (:class:`kg.store.Store`) or anything else that answers SPARQL."""

    def query(self, sparql: str, allow_service: bool = False) -> Rows | bool | Graph: ...


def stored_entities(store: Queryable) -> list[Entity]:
    """The entities a store already holds (as :func:`entity_triples` wrote them), one-word names
    first (so they stay themselves)."""
    rows = store.query(_ENTITIES)
    assert isinstance(rows, Rows)
    found: dict[tuple[str, str], set[str]] = {}
    for type_iri, label, mention in rows:
        kind = str(type_iri).rsplit("#", 1)[-1]
        if kind in ENTITY_TYPES:
            mentions = found.setdefault((kind, str(label)), set())
            if mention is not None:
                mentions.add(str(mention))
    ordered = sorted(found.items(), key=lambda item: (" " in item[0][1].strip(), item[0]))
    return [Entity(label, kind, frozenset(mentions)) for (kind, label), mentions in ordered]


def merge_update(old: Entity, new: Entity) -> str:
    """A SPARQL Update that merges the node of ``old`` into ``new``'s: every triple that names the
    old node names the new one, the old label becomes a ``kg:mention``, the old type and label go."""
    a, b = entity_iri(old).n3(), entity_iri(new).n3()
    return (f"DELETE {{ ?s ?p {a} }} INSERT {{ ?s ?p {b} }} WHERE {{ ?s ?p {a} }} ;\n"
            f"DELETE {{ {a} ?p ?o }} INSERT {{ {b} ?p ?o }} WHERE {{ {a} ?p ?o FILTER(?p != rdf:type && ?p != rdfs:label) }} ;\n"
            f"DELETE WHERE {{ {a} ?p ?o }} ;\n"
            f"INSERT DATA {{ {b} kg:mention {Literal(old.label).n3()} }}")

