"""Graph analytics with networkx: a view of the facts, centrality, paths, neighbours, exports.

:func:`fact_graph` reads an rdflib graph written by kg into a :class:`networkx.MultiDiGraph`:
entities are nodes (``label``, ``type``, ``aliases``), and each distinct statement
``subject relation object`` with one polarity is an edge keyed ``relation`` or
``relation/polarity`` (``relation``, ``label``, ``polarity``, ``symmetric`` and ``evidence``, a
list of :class:`Statement` sorted by document and offset). A symmetric relation is one edge.
Everything else here is a pure function over that graph, in the style of networkx.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import networkx as nx
from rdflib import RDF, RDFS, Graph, URIRef

from kg.errors import KgError
from kg.facts import POLARITY_WORDS as POLARITY_WORDS
from kg.facts import FactView
from kg.facts import Statement as Statement
from kg.facts import pagerank as _pagerank
from kg.fileio import OutputError, atomic_writer
from kg.names import name_words, same_first_name
from kg.ontology import DCTERMS, ENT, KG, PROV, SCHEMA, relations
from kg.options import NETWORK_FORMATS

# Left out of paths, neighbourhoods and centrality unless asked for: positions are hubs, not links.
DEFAULT_EXCLUDED = ("holds_position",)
_MAX_NAMESAKES = 50
_TYPED = re.compile(r"(.+?)\s*\((\w+)\)")


class EntityNotFound(KgError, LookupError):
    """No entity, or more than one, answers to a name (the message says which)."""

    code = "E107"


@dataclass(frozen=True)
class Hop:
    """One fact on a path or around an entity, oriented as stated (``source relation target``)."""

    source: str
    target: str
    key: str
    data: dict

    @property
    def best(self) -> Statement:
        """The evidence with the highest confidence (the earliest on ties)."""
        return max(self.data["evidence"], key=lambda e: (e.confidence, -e.start))

    def describe(self, graph: nx.MultiDiGraph) -> str:
        label = self.data["label"]
        if self.data["polarity"] != "positive":
            label += f" ({POLARITY_WORDS[self.data['polarity']]})"
        arrow = "—" if self.data["symmetric"] else "→"
        return f"{graph.nodes[self.source]['label']} —{label}{arrow} {graph.nodes[self.target]['label']}"


@dataclass(frozen=True)
class GraphStats:
    """What :func:`stats` reports."""

    entities: Counter[str]
    facts: Counter[str]
    statements: Counter[str]
    pagerank: list[tuple[str, float]]
    degree: list[tuple[str, int]]
    components: list[int]


def _local(iri: object) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def fact_graph(graph: Graph) -> nx.MultiDiGraph:
    """The entities and facts of a kg RDF graph as a networkx multigraph."""
    catalogue = relations()
    view = nx.MultiDiGraph()
    ent = str(ENT)
    for iri, label in graph.subject_objects(RDFS.label):
        if not isinstance(iri, URIRef) or not str(iri).startswith(ent):
            continue
        types = sorted(_local(t) for t in graph.objects(iri, RDF.type) if str(t).startswith(str(KG)))
        aliases = sorted({str(a) for a in graph.objects(iri, KG.mention)} - {str(label)})
        view.add_node(str(iri), label=str(label), type=types[0] if types else "Thing", aliases=aliases)
    docs = {str(d): str(i) for d, i in graph.subject_objects(DCTERMS.identifier)}
    titles = {str(d): str(t) for d, t in graph.subject_objects(DCTERMS.title)}
    urls = {str(d): str(u) for d, u in graph.subject_objects(SCHEMA.url)}
    texts, starts = dict(graph.subject_objects(KG.text)), dict(graph.subject_objects(KG.start))
    for node in graph.subjects(RDF.type, KG.Assertion):
        fields = {p: o for p, o in graph.predicate_objects(node)}
        s, p, o = (str(fields.get(k, "")) for k in (KG.subject, KG.predicate, KG.object))
        if s not in view or o not in view:
            continue
        relation, polarity = _local(p), _local(fields.get(KG.polarity, KG.positive))
        rel = catalogue.get(relation)
        symmetric = bool(rel and rel.symmetric)
        if symmetric and s > o:
            s, o = o, s
        key = relation if polarity == "positive" else f"{relation}/{polarity}"
        if not view.has_edge(s, o, key):
            view.add_edge(s, o, key, relation=relation, label=rel.label if rel else relation,
                          polarity=polarity, symmetric=symmetric, evidence=[])
        doc = fields.get(PROV.wasDerivedFrom)
        date = fields.get(DCTERMS.date)
        said = fields.get(KG.statedIn)
        view.edges[s, o, key]["evidence"].append(Statement(
            doc=docs.get(str(doc), str(doc)),
            start=int(starts.get(said, 0)),
            sentence=str(texts.get(said, "")),
            date=str(date) if date is not None else None,
            confidence=float(fields.get(KG.confidence, 0)),
            polarity=polarity,
            title=titles.get(str(doc)),
            url=urls.get(str(doc)),
        ))
    for _, _, data in view.edges(data=True):
        data["evidence"].sort()
    return view


def asserted(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A view of the facts the texts assert (positive polarity only)."""
    return nx.subgraph_view(graph, filter_edge=lambda s, o, k: graph.edges[s, o, k]["polarity"] == "positive")


def pagerank(graph: nx.MultiDiGraph) -> dict[str, float]:
    """PageRank over the asserted facts, direction ignored (every entity gets a score), computed
    as networkx's power iteration does (:func:`kg.facts.pagerank`).

    In news, endorsing, appointing and being endorsed or appointed all make an entity central.
    """
    return _pagerank(FactView.of(graph).neighbours(only_asserted=True))


def degree(graph: nx.MultiDiGraph) -> dict[str, int]:
    """How many distinct entities each entity has a fact with (any polarity)."""
    return {n: len(set(graph.successors(n)) | set(graph.predecessors(n))) for n in graph}


def _top(scores: dict, n: int) -> list:
    return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def stats(graph: nx.MultiDiGraph, top: int = 10) -> GraphStats:
    """Counts per type, relation and polarity; the most central entities; component sizes."""
    facts = Counter(d["relation"] for _, _, d in asserted(graph).edges(data=True))
    statements = Counter(e.polarity for _, _, d in graph.edges(data=True) for e in d["evidence"])
    linked = graph.subgraph([n for n in graph if graph.degree(n)])
    return GraphStats(
        entities=Counter(d["type"] for _, d in graph.nodes(data=True)),
        facts=facts,
        statements=statements,
        pagerank=_top(pagerank(graph), top),
        degree=_top(degree(graph), top),
        components=sorted((len(c) for c in nx.weakly_connected_components(linked)), reverse=True),
    )


def find_entity(graph: nx.MultiDiGraph, name: str) -> str:
    """The node whose label (else one alias) is ``name``, case-insensitively.

    ``name`` may also be an entity IRI (full, or ``ent:`` followed by its path) or carry its type
    in parentheses, "Lula (Person)", which picks one of several entities with the same name.
    """
    name = name.strip()
    iri = str(ENT) + name[4:] if name.startswith("ent:") else name.strip("<>")
    if iri in graph:
        return iri
    typed = _TYPED.fullmatch(name)
    kind = typed.group(2).casefold() if typed else None
    wanted = (typed.group(1) if typed else name).strip().casefold()
    for field in ("label", "aliases"):
        found = sorted(
            n for n, d in graph.nodes(data=True)
            if (kind is None or d["type"].casefold() == kind)
            and (d["label"].casefold() == wanted if field == "label" else wanted in (a.casefold() for a in d["aliases"]))
        )
        if len(found) == 1:
            return found[0]
        if found:
            named = [f"{graph.nodes[n]['label']} ({graph.nodes[n]['type']})" for n in found]
            if len(set(named)) < len(named):  # one name in several documents' scopes: only IRIs tell them apart
                named = [f"{name} <{n}>" for name, n in zip(named, found, strict=True)]
            names = ", ".join(named)
            raise EntityNotFound(f"{name!r} is ambiguous: {names} (name one as \"Name (Type)\" or by its IRI)")
    close = sorted(d["label"] for _, d in graph.nodes(data=True) if wanted in d["label"].casefold())[:5]
    hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
    raise EntityNotFound(f"no entity named {name!r}{hint}")


def _hops(graph: nx.MultiDiGraph, a: str, b: str) -> list[Hop]:
    """Every fact between two entities, either way round, most confident first."""
    hops = [Hop(a, b, k, d) for k, d in graph.get_edge_data(a, b, default={}).items()]
    hops += [Hop(b, a, k, d) for k, d in graph.get_edge_data(b, a, default={}).items()]
    return sorted(hops, key=lambda h: (h.data["polarity"] != "positive", -h.best.confidence, h.key))


def shortest_path(graph: nx.MultiDiGraph, a: str, b: str, only_asserted: bool = True) -> list[Hop]:
    """The shortest chain of facts from ``a`` to ``b`` (fact direction ignored).

    Raises :class:`networkx.NetworkXNoPath` when no chain exists.
    """
    view = asserted(graph) if only_asserted else graph
    nodes = nx.shortest_path(view.to_undirected(as_view=True), a, b)
    return [_hops(view, x, y)[0] for x, y in zip(nodes, nodes[1:])]


def neighbors(graph: nx.MultiDiGraph, node: str) -> list[Hop]:
    """Every fact that involves ``node``, ordered by the other entity's label."""
    others = set(graph.successors(node)) | set(graph.predecessors(node))
    ordered = sorted(others, key=lambda n: (graph.nodes[n]["label"].casefold(), n))
    return [hop for other in ordered for hop in _hops(graph, node, other)]


def focus(graph: nx.MultiDiGraph, node: str, depth: int = 1) -> nx.MultiDiGraph:
    """The entities within ``depth`` facts of ``node`` and the facts among them."""
    near = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), node, cutoff=depth)
    return graph.subgraph(near).copy()


def select(graph: nx.MultiDiGraph, relations: Iterable[str] | None = None, since: str | None = None) -> nx.MultiDiGraph:
    """A copy keeping the facts of the given relations (names or labels) stated on or after ``since``.

    With ``since``, evidence without a date is dropped, and so is a fact left without evidence.
    Entities are all kept.
    """
    wanted = {r.casefold() for r in relations} if relations else None
    kept = nx.MultiDiGraph()
    kept.add_nodes_from(graph.nodes(data=True))
    for s, o, k, data in graph.edges(keys=True, data=True):
        if wanted is not None and data["relation"].casefold() not in wanted and data["label"].casefold() not in wanted:
            continue
        evidence = data["evidence"] if since is None else [e for e in data["evidence"] if e.date and e.date >= since]
        if evidence:
            kept.add_edge(s, o, k, **{**data, "evidence": evidence})
    return kept


def of_types(graph: nx.MultiDiGraph, types: Iterable[str], keep: frozenset[str] = frozenset()) -> nx.MultiDiGraph:
    """A copy keeping the entities of the given types (and those in ``keep``) and the facts among them."""
    wanted = set(types)
    return graph.subgraph(n for n, t in graph.nodes(data="type") if t in wanted or n in keep).copy()


def relation_view(graph: nx.MultiDiGraph, only: Iterable[str] | None = None,
                  exclude: Iterable[str] = DEFAULT_EXCLUDED) -> nx.MultiDiGraph:
    """A view of the facts of the relations in ``only`` (names or labels; default: all) but those
    in ``exclude`` (default: ``holds_position``). Entities are all kept."""
    wanted = {r.casefold() for r in only} if only else None
    unwanted = {r.casefold() for r in exclude} - (wanted or set())

    def keep(s: str, o: str, k: str) -> bool:
        data = graph.edges[s, o, k]
        names = {data["relation"].casefold(), data["label"].casefold()}
        return (wanted is None or bool(names & wanted)) and not names & unwanted

    return nx.subgraph_view(graph, filter_edge=keep)


@dataclass(frozen=True)
class EntityRow:
    """One entity as ``kg entities`` lists it."""

    node: str
    label: str
    type: str
    names: tuple[str, ...]  # the label and every other form the texts use
    facts: int  # distinct facts (any polarity) it takes part in


def entity_rows(graph: nx.MultiDiGraph, type_: str | None = None) -> list[EntityRow]:
    """Every entity (of ``type_``, any case), the most connected first, then by label."""
    rows = [
        EntityRow(n, d["label"], d["type"], (d["label"], *d["aliases"]), graph.degree(n))
        for n, d in graph.nodes(data=True) if type_ is None or d["type"].casefold() == type_.casefold()
    ]
    return sorted(rows, key=lambda r: (-r.facts, r.label.casefold(), r.node))


def likely_duplicates(graph: nx.MultiDiGraph) -> list[tuple[str, str, str]]:
    """Pairs of entities that are likely one: ``(node, node, why)``, each pair once.

    The same name once accents, case, middle initials and suffixes are folded (whatever the two
    types); or a person and a person, organisation or untyped name with the same surname and
    compatible first names ("Steve" and "Steven", "Bill" and "William": :func:`~kg.names.same_first_name`, or none).
    """
    by_key: dict[str, list[str]] = {}
    by_surname: dict[str, list[str]] = {}
    for n, d in graph.nodes(data=True):
        if d["type"] in ("Position", "Election", "Matter"):
            continue
        words = name_words(d["label"])
        by_key.setdefault(" ".join(words), []).append(n)
        if d["type"] in ("Person", "Thing", "Organization") and words:
            by_surname.setdefault(words[-1], []).append(n)
    pairs: dict[tuple[str, str], str] = {}
    for nodes in by_key.values():
        for a, b in combinations(sorted(nodes), 2):
            pairs[(a, b)] = "the same name"
    for nodes in by_surname.values():
        if len(nodes) > _MAX_NAMESAKES:  # a common word, not a surname
            continue
        for a, b in combinations(sorted(nodes), 2):
            if (a, b) in pairs or "Person" not in (graph.nodes[a]["type"], graph.nodes[b]["type"]):
                continue
            first_a, first_b = (name_words(graph.nodes[n]["label"])[:-1] for n in (a, b))
            if (not first_a or not first_b or first_a[0].startswith(first_b[0]) or first_b[0].startswith(first_a[0])
                    or same_first_name(first_a[0], first_b[0])):
                pairs[(a, b)] = "the same surname"
    return [(a, b, why) for (a, b), why in sorted(pairs.items())]


def flat(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with only scalar attributes, as GraphML and GEXF need them.

    Aliases are joined with ``"; "``; each fact gets ``sources`` (its number of statements),
    ``confidence`` (the highest) and ``evidence`` (one described statement a line).
    """
    out = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        out.add_node(node, label=data["label"], type=data["type"], aliases="; ".join(data["aliases"]))
    for s, o, k, data in graph.edges(keys=True, data=True):
        evidence = data["evidence"]
        out.add_edge(s, o, k, relation=data["relation"], label=data["label"], polarity=data["polarity"],
                     symmetric=data["symmetric"], sources=len(evidence),
                     confidence=max((e.confidence for e in evidence), default=0.0),
                     evidence="\n".join(e.describe() for e in evidence))
    return out


def write_network(graph: nx.MultiDiGraph, path: str | Path, fmt: str) -> Path:
    """Write ``graph`` as GraphML or GEXF (for Gephi, Cytoscape, yEd), atomically."""
    if fmt not in NETWORK_FORMATS:
        raise ValueError(f"unknown network format {fmt!r} (choose from {', '.join(NETWORK_FORMATS)})")
    path = Path(path)
    writer = nx.write_graphml if fmt == "graphml" else nx.write_gexf
    try:
        with atomic_writer(path, "wb") as handle:
            writer(flat(graph), handle)
    except OutputError:
        raise
    except OSError as err:
        raise OutputError(f"cannot write {path}: {err.strerror or err}") from err
    return path


def to_json(stats_: GraphStats, graph: nx.MultiDiGraph) -> str:
    """:class:`GraphStats` as JSON, entities named by label and IRI."""
    def named(pairs: list) -> list[dict]:
        return [{"entity": graph.nodes[n]["label"], "iri": n, "score": v} for n, v in pairs]

    return json.dumps({
        "entities": dict(stats_.entities), "facts": dict(stats_.facts), "statements": dict(stats_.statements),
        "pagerank": named(stats_.pagerank), "degree": named(stats_.degree), "components": stats_.components,
    }, indent=2, ensure_ascii=False)
