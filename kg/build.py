"""``kg build``: documents in, a graph with evidence out (Turtle, HTML, facts.jsonl)."""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Literal

from kg.aliases import Aliases
from kg.budget import DEFAULT_BUDGET, TimeBudget
from kg.documents import MAX_CHARS, Document, Item, Problem, read_inputs
from kg.errors import KgError
from kg.facts import FactCollector
from kg.fileio import OutputError, atomic_writer
from kg.folder import write_graph
from kg.graph import KnowledgeGraph
from kg.iris import entity_iri
from kg.model import Entity, Extraction, Fact
from kg.ontology import KG, relations
from kg.outputs import OutputSet
from kg.rdf import document_triples, entity_triples, merge_update, statements_triples, stored_entities
from kg.resolve import Resolver
from kg.spool import TripleSpool
from kg.store import MemoryStore, Store

if TYPE_CHECKING:
    from spacy.language import Language

    from kg.pipeline import Extractor

KEPT_PROBLEMS = 100


class NothingToBuild(KgError, RuntimeError):
    """Every input was unreadable."""

    code = "E108"


class BadDocument(KgError, RuntimeError):
    """A document could not be read and the build was asked to stop at the first one."""

    code = "E109"

    def __init__(self, problem: Problem) -> None:
        super().__init__(f"{problem} (stopped: --fail-fast)")
        self.problem = problem


@dataclass
class BuildReport:
    """What a build read, found and wrote.

    ``skipped`` counts every unreadable document and ``warnings`` every one read in part;
    ``problems`` keeps the first :data:`KEPT_PROBLEMS` of both (all of them go to the ``on_problem`` callback as they come).
    """

    documents: int = 0
    sentences: int = 0
    entities: int = 0
    assertions: int = 0
    facts: Counter[str] = field(default_factory=Counter)  # distinct positive triples per relation
    unasserted: int = 0  # distinct denied, hypothetical or reported statements (relation and polarity)
    skipped: int = 0
    warnings: int = 0  # documents read in part (an impossible date left out)
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0
    outputs: list[Path] = field(default_factory=list)
    store: str = ""  # a persistent store built into, with its size

    def summary(self) -> str:
        lines = [
            f"documents: {self.documents} read, {self.skipped} skipped"
            + (f", {self.warnings} with warnings" if self.warnings else ""),
            f"sentences: {self.sentences}",
            f"entities:  {self.entities}",
            f"facts:     {sum(self.facts.values())} asserted, {self.unasserted} denied, hypothetical or reported "
            f"({self.assertions} statements with evidence)",
        ]
        lines += [f"  {rel:<16} {n}" for rel, n in sorted(self.facts.items())]
        lines.append(f"seconds:   {self.seconds:.2f}")
        lines += [f"wrote:     {p}" for p in self.outputs]
        if self.store:
            lines.append(f"store:     {self.store}")
        return "\n".join(lines)


class Builder:
    """Streams documents through extraction and resolution into a :class:`KnowledgeGraph`."""

    def __init__(self, nlp: Language | None = None, model: str | None = None, graph: KnowledgeGraph | None = None,
                 store: Store | TripleSpool | None = None, *, parse: bool = True, aliases: Aliases | None = None,
                 budget: TimeBudget = DEFAULT_BUDGET, collect: bool = False) -> None:
        """Build into ``store`` (default: a :class:`~kg.store.MemoryStore` around ``graph``).

        The entities already in a store seed the resolver, so new documents join them ("Sessions"
        finds the stored "Jeff Sessions") instead of minting duplicates. With ``parse=False`` no
        pipeline is loaded: documents parsed elsewhere (:mod:`kg.cluster`) come in through
        :meth:`add_extracted`. ``aliases`` (:mod:`kg.aliases`) name and type entities as the user says.
        A document whose extraction overruns ``budget`` is skipped and reported like unreadable input.
        With ``collect``, :attr:`view` collects the entities and facts as the page draws them
        (:class:`~kg.facts.FactCollector`); a :class:`~kg.spool.TripleSpool` as ``store`` keeps
        only the lines of ``graph.ttl``: :func:`build` writes its files from the two.
        """
        if store is not None and graph is not None:
            raise ValueError("give a graph or a store, not both")
        self.extractor: Extractor | None = None
        if parse:  # spaCy loads only here: a cluster build's client never imports it
            from kg import nlp as nlp_module
            from kg.pipeline import Extractor

            self.extractor = Extractor(nlp or nlp_module.load(model), budget=budget)
        self.store: Store | TripleSpool = store if store is not None else MemoryStore(graph)
        self.resolver = Resolver(aliases)
        self.view = FactCollector() if collect else None
        if not isinstance(self.store, TripleSpool) and (self.store.persistent or len(self.store)):
            for entity in stored_entities(self.store):  # a new build's empty memory store has none
                self.resolver.canonical(entity)
        self.report = BuildReport()
        self._triples: set[tuple] = set()  # distinct facts with their polarity, a symmetric one once

    @property
    def graph(self) -> KnowledgeGraph:
        """The graph built so far (memory stores only; query other stores with ``store.query``)."""
        if not isinstance(self.store, MemoryStore):
            raise AttributeError(f"the graph lives in {self.store!r}; use builder.store")
        return self.store.kg

    def _documents(self, items: Iterable[Item | tuple[Document, Extraction]],
                   on_problem: Callable[[Problem], None] | None) -> Iterator[Document | tuple[Document, Extraction]]:
        for item in items:
            if isinstance(item, Problem):
                self._problem(item, on_problem)
            else:
                yield item

    def _problem(self, problem: Problem, on_problem: Callable[[Problem], None] | None) -> None:
        if problem.warning:
            self.report.warnings += 1
        else:
            self.report.skipped += 1
        if len(self.report.problems) < KEPT_PROBLEMS:
            self.report.problems.append(problem)
        if on_problem is not None:
            on_problem(problem)

    def add(self, items: Iterable[Item], on_problem: Callable[[Problem], None] | None = None,
            batch_size: int = 64, n_process: int = 1,
            on_document: Callable[[BuildReport], None] | None = None) -> Iterator[Fact]:
        """Extract, resolve and add every document; yield each resolved fact as it is added.

        Documents are read lazily and parsed in batches of ``batch_size`` by ``n_process``
        processes; ``on_problem`` gets each unreadable input, ``on_document`` the report after
        each document.
        """
        if self.extractor is None:
            raise ValueError("this builder parses nothing (parse=False): use add_extracted")
        start = time.perf_counter()
        pairs = self.extractor.pipe(self._documents(items, on_problem), batch_size, n_process,
                                    on_problem=lambda problem: self._problem(problem, on_problem))
        yield from self._add(pairs, on_document)
        self._settle()
        self.report.entities = len(self.resolver)
        self.report.seconds += time.perf_counter() - start

    def add_extracted(self, items: Iterable[Problem | tuple[Document, Extraction]],
                      on_problem: Callable[[Problem], None] | None = None,
                      on_document: Callable[[BuildReport], None] | None = None) -> Iterator[Fact]:
        """Like :meth:`add`, for documents already extracted elsewhere: ``(document, extraction)``
        pairs and unreadable inputs, in input order (resolution depends on it)."""
        start = time.perf_counter()
        yield from self._add(self._documents(items, on_problem), on_document)
        self._settle()
        self.report.entities = len(self.resolver)
        self.report.seconds += time.perf_counter() - start

    def _settle(self) -> None:
        """Merge each one-word name read before the full name it names into that person's node
        (:meth:`~kg.resolve.Resolver.settle`): the graph does not depend on the input's order.
        ``facts.jsonl`` keeps such a fact as its document named it."""
        self._merge(self.resolver.settle())
        relabelled = self.resolver.relabel()  # every person's fullest name, whatever the order
        if relabelled:
            self.store.add([triple for _, new in relabelled for triple in entity_triples(new)])
            if self.view is not None:
                self.view.entities(new for _, new in relabelled)
            self._merge(relabelled)

    def _merge(self, joined: list[tuple[Entity, Entity]]) -> None:
        """Each ``old`` node merged into its ``new`` one, in the store and the view."""
        if isinstance(self.store, TripleSpool):
            self.store.rename({str(entity_iri(old)): str(entity_iri(new)) for old, new in joined})
            self.store.add([(entity_iri(new), KG.mention, Literal(old.label)) for old, new in joined])
        elif joined:
            self.store.update(" ;\n".join(merge_update(old, new) for old, new in joined))
        if self.view is not None:
            self.view.merge(joined)

    @staticmethod
    def _sourced(fact: Fact, document: Document) -> Fact:
        """``fact`` with its document's title and url on its evidence."""
        if document.title is None and document.url is None:
            return fact
        return replace(fact, evidence=replace(fact.evidence, title=document.title, url=document.url))

    def _add(self, pairs: Iterable[tuple[Document, Extraction]],
             on_document: Callable[[BuildReport], None] | None) -> Iterator[Fact]:
        for document, extraction in pairs:
            self.report.documents += 1
            self.report.sentences += extraction.sentences
            batch = list(document_triples(document))
            entities = [self.resolver.canonical(entity) for entity in extraction.entities]
            for entity in entities:
                batch += entity_triples(entity)
            facts = [self._sourced(self.resolver.fact(fact), document) for fact in extraction.facts]
            batch += statements_triples(facts)
            self.store.add(batch)  # one document, one atomic batch
            if self.view is not None:
                self.view.entities(entities)
                self.view.facts(facts)
            for fact in facts:
                self.report.assertions += 1
                ends = (fact.subject.key, fact.object.key)
                if relations()[fact.relation].symmetric:
                    ends = tuple(sorted(ends))
                key = (ends[0], fact.relation, ends[1], fact.evidence.polarity)
                if key not in self._triples:
                    self._triples.add(key)
                    if fact.evidence.polarity == "positive":
                        self.report.facts[fact.relation] += 1
                    else:
                        self.report.unasserted += 1
                yield fact
            if on_document is not None:
                on_document(self.report)


def build(inputs: Iterable[str | Path], out_dir: str | Path, model: str | None = None,
          on_problem: Callable[[Problem], None] | None = None, nlp: Language | None = None,
          store: Store | None = None, *, jobs: int = 1, batch_size: int = 64, fail_fast: bool = False,
          max_chars: int = MAX_CHARS, on_document: Callable[[BuildReport], None] | None = None,
          cluster: str | None = None, partition_size: int = 32, aliases: Aliases | None = None,
          title: str | None = None, budget: TimeBudget = DEFAULT_BUDGET) -> BuildReport:
    """Build ``graph.ttl``, ``graph.html`` and ``facts.jsonl`` in ``out_dir`` from the inputs.

    With a ``store`` (Oxigraph, SPARQL endpoint, or an rdflib :class:`~kg.store.MemoryStore`)
    the graph goes into the store, each document in one atomic batch; a persistent store's
    ``out_dir`` gets only this run's ``facts.jsonl`` (its whole graph is exported with
    ``kg export`` instead). Without one, no graph is held: the triples go to ``graph.ttl`` through
    a :class:`~kg.spool.TripleSpool` and the page is drawn from the facts as they were found.

    Facts stream to ``facts.jsonl`` as they are found; the outputs are committed as one set
    (:class:`~kg.outputs.OutputSet`): an interrupted or failed build leaves the previous set
    untouched, and a reader sees the old set or the new one, never a mix. With ``fail_fast`` the
    first unreadable document raises :class:`BadDocument` and nothing is written. ``title`` names
    the page (default: "kg" and the number of documents; never an input's path).

    With ``cluster`` (a Dask scheduler address) documents are read, parsed and extracted on the
    cluster's workers (:mod:`kg.cluster`), ``partition_size`` documents per task; resolution and
    outputs stay here, so the graph is the same as a local build's.
    """
    started = time.perf_counter()
    inputs = [str(p) for p in inputs]
    out = Path(out_dir)
    files = store is None or not store.persistent
    builder = Builder(nlp=nlp, model=model, store=TripleSpool() if store is None else store, parse=cluster is None,
                      aliases=aliases, budget=budget, collect=store is None)

    def problem(item: Problem) -> None:
        if fail_fast and not item.warning:
            raise BadDocument(item)
        if on_problem is not None:
            on_problem(item)

    with OutputSet(out) as outputs:
        facts_path = outputs.path("facts.jsonl")
        with atomic_writer(facts_path) as handle:
            if cluster is None:
                facts = builder.add(read_inputs(inputs, max_chars=max_chars), problem, batch_size=batch_size,
                                    n_process=jobs, on_document=on_document)
            else:
                from kg.cluster import extract_on_cluster  # Dask is imported only for cluster builds

                extracted = extract_on_cluster(inputs, cluster, model=model, batch_size=batch_size,
                                               max_chars=max_chars, size=partition_size)
                facts = builder.add_extracted(extracted, problem, on_document)
            for fact in facts:
                line = json.dumps(fact.to_record(), ensure_ascii=False) + "\n"
                try:
                    handle.write(line)
                except OSError as err:
                    raise OutputError(f"cannot write {out / 'facts.jsonl'}: {err.strerror or err}") from err
            if builder.report.documents == 0:
                raise NothingToBuild("no document could be read; nothing was written")
        report = builder.report
        if files:
            n = report.documents
            title = title or f"kg: {n} document{'s' if n != 1 else ''}"
            if isinstance(builder.store, TripleSpool) and builder.view is not None:
                write_graph(outputs, builder.store, builder.view.view(), title)
            else:
                write_graph(outputs, builder.graph.graph, builder.graph.graph, title)
        else:
            report.store = f"{builder.store!r} ({len(builder.store)} triples)"
        report.outputs += outputs.commit()
    report.seconds = time.perf_counter() - started
    return report
