"""The ontology in ``ontologies/kg.ttl``: namespaces, and the relation catalogue the extractor reads."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import OWL, RDF, RDFS, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

KG = Namespace("https://w3id.org/kg/ontology#")
ENT = Namespace("https://w3id.org/kg/entity/")
ASSERTION = Namespace("https://w3id.org/kg/assertion/")
SENTENCE = Namespace("https://w3id.org/kg/sentence/")
DOC = Namespace("https://w3id.org/kg/document/")
PROV = Namespace("http://www.w3.org/ns/prov#")
SCHEMA = Namespace("https://schema.org/")
DCTERMS = Namespace("http://purl.org/dc/terms/")

PREFIXES: dict[str, Namespace] = {
    "kg": KG,
    "ent": ENT,
    "assertion": ASSERTION,
    "sentence": SENTENCE,
    "doc": DOC,
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "owl": Namespace(str(OWL)),
    "xsd": Namespace("http://www.w3.org/2001/XMLSchema#"),
    "prov": PROV,
    "schema": SCHEMA,
    "dcterms": DCTERMS,
    "skos": Namespace("http://www.w3.org/2004/02/skos/core#"),
}


def ontology_path(name: str = "kg.ttl") -> Path:
    """Path of a file in ``ontologies/`` (installed with the package as ``kg.ontologies``)."""
    source_tree = Path(__file__).resolve().parent.parent / "ontologies" / name
    if source_tree.is_file():
        return source_tree
    return Path(str(resources.files("kg.ontologies") / name))


@dataclass(frozen=True)
class VerbTrigger:
    """A verb that expresses a relation: its lemma, a required particle ("face off"), whether it
    needs a reflexive object ("disqualified herself") and whether it is weak (``kg:weakVerb``)."""

    lemma: str
    particle: str | None = None
    reflexive: bool = False
    weak: bool = False
    gerund: bool = False  # only with a gerund object or a kg:judicialSeats noun: "withdrew from hearing the plea"

    @classmethod
    def parse(cls, text: str, weak: bool = False) -> VerbTrigger:
        """From the ontology's form: "face off", "disqualify self", "wall self off", "withdraw -ing"."""
        lemma, *rest = text.split()
        particles = [word for word in rest if word not in ("self", "-ing")]
        return cls(lemma, particles[0] if particles else None, "self" in rest, weak, "-ing" in rest)


@dataclass(frozen=True)
class Relation:
    """One relation the extractor can find, as the ontology declares it."""

    name: str
    label: str
    comment: str
    domain: str
    range: str
    symmetric: bool
    verbs: tuple[VerbTrigger, ...]
    nouns: tuple[str, ...]
    agent_nouns: tuple[str, ...]
    pair_prepositions: tuple[str, ...]
    range_head_words: frozenset[str]  # kg:headWord of the range: "case", "investigation" for a Matter
    patient_nouns: tuple[str, ...]
    object_prepositions: tuple[str, ...]
    context: tuple[str, ...]
    causatives: tuple[tuple[str, str], ...]
    role_bearing: bool
    object_is_phrase: bool
    verbs_with_role: tuple[str, ...] = ()
    appeals: tuple[tuple[str, str, str | None], ...] = ()  # (appeal, action, preposition)
    in_election: str | None = None  # recorded as this relation in a sentence about an election
    scheduled: bool = False  # "will" states a fact
    role_relation: str | None = None  # the object's relation to a role it is given
    abstentions: tuple[str, ...] = ()  # "take part in": not doing it is the relation ("took no part in the case")

    @property
    def iri(self) -> URIRef:
        return KG[self.name]


def rdflib_term(term: Any) -> URIRef | BNode | Literal:
    """An Oxigraph term as rdflib's Turtle parser makes it (a plain string has no datatype)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(term.value, datatype=None if datatype == str(XSD.string) else URIRef(datatype))


def read_turtle(path: Path) -> Graph:
    """A Turtle file as an rdflib graph, parsed by Oxigraph: the same triples as rdflib's own
    parser gives, in a tenth of its time (the ontology is read by every build)."""
    graph = Graph()
    terms: dict[object, Node] = {}  # each distinct term made once

    def term(found: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
        made = terms.get(found)
        if made is None:
            made = terms[found] = rdflib_term(found)
        return made

    with path.open("rb") as handle:
        graph.addN((term(t.subject), term(t.predicate), term(t.object), graph)  # type: ignore[arg-type]
                   for t in ox.parse(handle, format=ox.RdfFormat.TURTLE, base_iri=path.resolve().as_uri()))
    return graph


def _local(iri: Node | None) -> str:
    return str(iri).rsplit("#", 1)[-1] if iri is not None else "Entity"


def _strings(graph: Graph, subject: URIRef, prop: URIRef) -> tuple[str, ...]:
    return tuple(sorted(str(o) for o in graph.objects(subject, prop)))


def _flag(graph: Graph, subject: URIRef, prop: URIRef) -> bool:
    value = graph.value(subject, prop)
    return isinstance(value, Literal) and bool(value.toPython())


def _relation(graph: Graph, prop: URIRef) -> Relation:
    name = _local(prop)
    verbs = [VerbTrigger.parse(verb) for verb in _strings(graph, prop, KG.verb)]
    verbs += [VerbTrigger.parse(verb, weak=True) for verb in _strings(graph, prop, KG.weakVerb)]
    causatives = tuple(tuple(c.split(" ", 1)) for c in _strings(graph, prop, KG.causative))
    appeals = []
    for appeal in _strings(graph, prop, KG.appeal):
        cause, action, *prep = appeal.split()
        appeals.append((cause, action, prep[0] if prep else None))
    in_election = graph.value(prop, KG.inElection)
    role_relation = graph.value(prop, KG.roleRelation)
    range_class = graph.value(prop, RDFS.range)
    return Relation(
        name=name,
        label=str(graph.value(prop, RDFS.label) or name),
        comment=str(graph.value(prop, RDFS.comment) or ""),
        domain=_local(graph.value(prop, RDFS.domain)),
        range=_local(graph.value(prop, RDFS.range)),
        symmetric=(prop, RDF.type, OWL.SymmetricProperty) in graph,
        verbs=tuple(verbs),
        nouns=_strings(graph, prop, KG.noun),
        agent_nouns=_strings(graph, prop, KG.agentNoun),
        pair_prepositions=_strings(graph, prop, KG.pairPreposition),
        range_head_words=frozenset(_strings(graph, range_class, KG.headWord)) if isinstance(range_class, URIRef) else frozenset(),
        patient_nouns=_strings(graph, prop, KG.patientNoun),
        object_prepositions=_strings(graph, prop, KG.objectPreposition),
        context=_strings(graph, prop, KG.context),
        causatives=causatives,  # type: ignore[arg-type]
        role_bearing=_flag(graph, prop, KG.roleBearing),
        object_is_phrase=_flag(graph, prop, KG.objectIsPhrase),
        verbs_with_role=_strings(graph, prop, KG.verbWithRole),
        appeals=tuple(appeals),
        in_election=_local(in_election) if isinstance(in_election, URIRef) else None,
        scheduled=_flag(graph, prop, KG.scheduled),
        role_relation=_local(role_relation) if isinstance(role_relation, URIRef) else None,
        abstentions=_strings(graph, prop, KG.abstention),
    )


def _below(graph: Graph, root: URIRef) -> frozenset[str]:
    found = {root}
    frontier = [root]
    while frontier:
        current = frontier.pop()
        for sub in graph.subjects(RDFS.subClassOf, current):
            if isinstance(sub, URIRef) and sub not in found:
                found.add(sub)
                frontier.append(sub)
    return frozenset(_local(c) for c in found)


@dataclass(frozen=True)
class Ontology:
    """Everything the extractor reads from the ontology, read once: relations and their
    triggers, the words that make titles, organisations and elections, frame confidences and
    the cue words of polarity and attribution. Pass one to :class:`~kg.pipeline.Extractor`
    to extract with another ontology (:meth:`from_graph`)."""

    graph: Graph
    relations: dict[str, Relation]
    position_words: frozenset[str]
    organization_words: frozenset[str]
    honorifics: frozenset[str]
    election_words: frozenset[str]  # heads of phrases that name an election
    election_cues: frozenset[str]  # words and phrases that make a sentence about an election
    frame_confidence: dict[str, float]
    cues: dict[str, frozenset[str]]  # kg:CueSet local name -> words
    class_tree: dict[str, frozenset[str]]  # class -> itself and every class below it

    @classmethod
    def from_graph(cls, graph: Graph) -> Ontology:
        relations = {_local(p): _relation(graph, p) for p in sorted(s for s in graph.subjects(RDFS.subPropertyOf, KG.relation)
                                                                 if isinstance(s, URIRef))}
        frames = {}
        for frame in graph.subjects(RDF.type, KG.Frame):
            value = graph.value(frame, KG.frameConfidence)
            if isinstance(value, Literal):
                frames[str(graph.value(frame, RDFS.label) or _local(frame))] = float(value.toPython())
        cues = {_local(c): frozenset(_strings(graph, c, KG.word)) for c in graph.subjects(RDF.type, KG.CueSet)
                if isinstance(c, URIRef)}
        return cls(
            graph=graph,
            relations=relations,
            position_words=frozenset(_strings(graph, KG.Position, KG.headWord)),
            organization_words=frozenset(_strings(graph, KG.Organization, KG.headWord)),
            honorifics=frozenset(_strings(graph, KG.Position, KG.honorific)),
            election_words=frozenset(_strings(graph, KG.Election, KG.headWord)),
            election_cues=frozenset(_strings(graph, KG.Election, KG.cue)),
            frame_confidence=frames,
            cues=cues,
            class_tree={_local(c): _below(graph, c) for c in graph.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef)},
        )

    @classmethod
    def load(cls, path: str | Path | None = None) -> Ontology:
        """The ontology in ``path`` (default: ``ontologies/kg.ttl``)."""
        return cls.from_graph(read_turtle(Path(path or ontology_path())))

    def cue(self, name: str) -> frozenset[str]:
        """The words of the cue set ``kg:NAME`` (empty when the ontology has none)."""
        return self.cues.get(name, frozenset())

    def subclasses(self, name: str) -> frozenset[str]:
        """``name`` and every class below it (local names)."""
        return self.class_tree.get(name) or _below(self.graph, KG[name])


@lru_cache(maxsize=1)
def default_ontology() -> Ontology:
    """The package's own ontology, read on first use (pass an :class:`Ontology` to the
    extractor to use another)."""
    return Ontology.load()


def ontology_graph() -> Graph:
    return default_ontology().graph


def relations() -> dict[str, Relation]:
    """Every ``kg:relation`` sub-property of the package's ontology, keyed by local name."""
    return default_ontology().relations


def subclasses(name: str) -> frozenset[str]:
    """``name`` and every class below it in the package's ontology (local names)."""
    return default_ontology().subclasses(name)


def position_words() -> frozenset[str]:
    """Nouns that name a position (``kg:headWord`` on ``kg:Position``)."""
    return default_ontology().position_words


def organization_words() -> frozenset[str]:
    """Nouns that, owned by a named agent, name an organisation (``kg:headWord`` on ``kg:Organization``)."""
    return default_ontology().organization_words


def honorifics() -> frozenset[str]:
    """Words stripped from the front of a name (``kg:honorific`` on ``kg:Position``)."""
    return default_ontology().honorifics
