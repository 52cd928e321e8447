"""The facts as the page draws them, in plain Python: no networkx, no rdflib.

A :class:`FactView` holds what :func:`kg.analysis.fact_graph` puts in its networkx multigraph:
entities (``label``, ``type``, ``aliases``) and each distinct statement ``subject relation
object`` with one polarity as an edge keyed ``relation`` or ``relation/polarity`` (``relation``,
``label``, ``polarity``, ``symmetric``, ``evidence``: :class:`Statement` sorted). A build collects
one from its resolved facts as they come (:class:`FactCollector`), so drawing the page needs
neither the RDF graph nor networkx; :meth:`FactView.of` takes a networkx fact graph as well.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from kg.iris import entity_iri
from kg.model import Entity, Fact
from kg.ontology import relations

POLARITY_WORDS = {"negative": "denied", "hypothetical": "hypothetical", "reported": "reported"}

Edge = tuple[str, str, str]  # subject, object, key


@dataclass(frozen=True, order=True, slots=True)  # a build holds one per statement: no __dict__ each
class Statement:
    """One statement of a fact: the sentence, where it comes from, and how sure kg is."""

    doc: str
    start: int
    sentence: str
    date: str | None
    confidence: float
    polarity: str
    title: str | None = None  # the document's title and url, where the input gave them
    url: str | None = None

    def describe(self) -> str:
        when = f", {self.date}" if self.date else ""
        link = f"; {self.url}" if self.url else ""
        return f"“{self.sentence}” ({self.title or self.doc}{when}; confidence {self.confidence:g}{link})"


@dataclass
class FactView:
    """Entities and facts: ``nodes[iri]`` and ``edges[(subject, object, key)]`` as in :mod:`kg.analysis`."""

    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    edges: dict[Edge, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def of(cls, graph: Any) -> FactView:
        """A view of a networkx fact graph (:func:`kg.analysis.fact_graph`), or ``graph`` itself."""
        if isinstance(graph, FactView):
            return graph
        return cls(dict(graph.nodes(data=True)), {(s, o, k): d for s, o, k, d in graph.edges(keys=True, data=True)})

    def __iter__(self) -> Iterator[str]:
        return iter(self.nodes)

    def __len__(self) -> int:
        return len(self.nodes)

    def linked(self) -> set[str]:
        """The entities in at least one fact."""
        return {end for s, o, _ in self.edges for end in (s, o)}

    def neighbours(self, only_asserted: bool = False) -> dict[str, set[str]]:
        """Each entity's distinct partners in a fact, direction ignored."""
        near: dict[str, set[str]] = {n: set() for n in self.nodes}
        for (s, o, _), data in self.edges.items():
            if not only_asserted or data["polarity"] == "positive":
                near[s].add(o)
                near[o].add(s)
        return near


def pagerank(neighbours: dict[str, set[str]], alpha: float = 0.85, tol: float = 1e-6,
             max_iter: int = 100) -> dict[str, float]:
    """PageRank of an undirected graph given as adjacency sets: networkx's power iteration
    (same damping, start, dangling-node rule and stopping test) in plain Python, without the
    scipy import that ``networkx.pagerank`` costs. On an undirected graph the iteration contracts
    by ``alpha`` each step, so it meets networkx's test within ``max_iter`` = 100 steps
    (0.85^100 x 2 < 1e-6): the last iterate is returned, where networkx would raise."""
    n = len(neighbours)
    if n == 0:
        return {}
    x = dict.fromkeys(neighbours, 1.0 / n)
    share = {v: 1.0 / len(near) for v, near in neighbours.items() if near}
    dangling = [v for v, near in neighbours.items() if not near]
    for _ in range(max_iter):
        spread = {v: x[v] * w for v, w in share.items()}
        base = alpha * sum(x[v] for v in dangling) / n + (1 - alpha) / n
        last, x = x, {v: base + alpha * sum(spread[u] for u in near) for v, near in neighbours.items()}
        if sum(abs(x[v] - last[v]) for v in x) < n * tol:
            return x
    return x


class FactCollector:
    """Collects a :class:`FactView` from resolved entities and facts, one document at a time.

    It holds what the page shows and no more (an entity's names, each statement's evidence), so
    the same view comes out as :func:`kg.analysis.fact_graph` reads from the built RDF graph.
    """

    def __init__(self) -> None:
        self._names: dict[str, tuple[str, str, set[str]]] = {}  # iri -> label, type, every name
        self._edges: dict[Edge, dict[str, Any]] = {}

    def entities(self, entities: Iterable[Entity]) -> None:
        for entity in entities:
            iri = str(entity_iri(entity))
            known = self._names.get(iri)
            if known is None:
                self._names[iri] = (entity.label, entity.type, set(entity.aliases))
            else:
                known[2].update(entity.aliases)

    def facts(self, facts: Iterable[Fact]) -> None:
        catalogue = relations()
        for fact in facts:
            ev = fact.evidence
            self.entities(e for e in (fact.subject, fact.object, fact.position, fact.organization, ev.speaker)
                          if e is not None)
            s, o = str(entity_iri(fact.subject)), str(entity_iri(fact.object))
            rel = catalogue.get(fact.relation)
            symmetric = bool(rel and rel.symmetric)
            if symmetric and s > o:
                s, o = o, s
            key = fact.relation if ev.polarity == "positive" else f"{fact.relation}/{ev.polarity}"
            data = self._edges.get((s, o, key))
            if data is None:
                data = self._edges[s, o, key] = {
                    "relation": fact.relation, "label": rel.label if rel else fact.relation,
                    "polarity": ev.polarity, "symmetric": symmetric, "evidence": []}
            data["evidence"].append(Statement(ev.doc, ev.start, ev.sentence, ev.date, ev.confidence, ev.polarity,
                                             ev.title, ev.url))

    def merge(self, joined: Iterable[tuple[Entity, Entity]]) -> None:
        """Each ``old`` node merged into its ``new`` one (as :meth:`kg.spool.TripleSpool.rename`
        merges them): its names join the new node's, its facts are the new node's. One pass over
        the facts, however many merges."""
        renames = {str(entity_iri(old)): str(entity_iri(new)) for old, new in joined}
        for a, b in renames.items():
            gone = self._names.pop(a, None)
            if gone is not None and b in self._names:
                self._names[b][2].update({gone[0], *gone[2]})
        for s, o, key in [edge for edge in self._edges if edge[0] in renames or edge[1] in renames]:
            data = self._edges.pop((s, o, key))
            s, o = renames.get(s, s), renames.get(o, o)
            if data["symmetric"] and s > o:
                s, o = o, s
            known = self._edges.setdefault((s, o, key), {**data, "evidence": []})
            known["evidence"] += data["evidence"]

    def view(self) -> FactView:
        """The view so far, entities and evidence in a stable order."""
        nodes = {iri: {"label": label, "type": type_, "aliases": sorted(names - {label})}
                 for iri, (label, type_, names) in self._names.items()}
        edges = {}
        for edge, data in self._edges.items():
            evidence = sorted(set(data["evidence"]))  # a statement made twice (a repeated document) is one
            edges[edge] = {**data, "evidence": evidence}
        return FactView(nodes, edges)
