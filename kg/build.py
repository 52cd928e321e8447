"""``kg build``: documents in, a graph with evidence out (Turtle, HTML, facts.jsonl)."""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from kg import nlp as nlp_module
from kg.documents import Document, Item, Problem, read_inputs
from kg.extraction import Extractor
from kg.fileio import atomic_writer
from kg.graph import KnowledgeGraph
from kg.model import Fact
from kg.rdf import document_triples, entity_triples, statement_triples
from kg.resolve import Resolver
from kg.store import MemoryStore, Store, stored_entities
from kg.viz import write_html


class NothingToBuild(RuntimeError):
    """Every input was unreadable."""


@dataclass
class BuildReport:
    """What a build read, found and wrote."""

    documents: int = 0
    sentences: int = 0
    entities: int = 0
    assertions: int = 0
    facts: Counter[str] = field(default_factory=Counter)  # distinct positive triples per relation
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0
    outputs: list[Path] = field(default_factory=list)
    store: str = ""  # a persistent store built into, with its size

    def summary(self) -> str:
        lines = [
            f"documents: {self.documents} read, {len(self.problems)} skipped",
            f"sentences: {self.sentences}",
            f"entities:  {self.entities}",
            f"facts:     {sum(self.facts.values())} ({self.assertions} statements with evidence)",
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
                 store: Store | None = None) -> None:
        """Build into ``store`` (default: a :class:`~kg.store.MemoryStore` around ``graph``).

        The entities already in a store seed the resolver, so new documents join them ("Sessions"
        finds the stored "Jeff Sessions") instead of minting duplicates.
        """
        if store is not None and graph is not None:
            raise ValueError("give a graph or a store, not both")
        self.extractor = Extractor(nlp or nlp_module.load(model))
        self.store: Store = store if store is not None else MemoryStore(graph)
        self.resolver = Resolver()
        for entity in stored_entities(self.store):
            self.resolver.canonical(entity)
        self.report = BuildReport()
        self._triples: set[tuple[str, str, str]] = set()

    @property
    def graph(self) -> KnowledgeGraph:
        """The graph built so far (memory stores only; query other stores with ``store.query``)."""
        if not isinstance(self.store, MemoryStore):
            raise AttributeError(f"the graph lives in {self.store!r}; use builder.store")
        return self.store.kg

    def _documents(self, items: Iterable[Item], on_problem: Callable[[Problem], None] | None) -> Iterator[Document]:
        for item in items:
            if isinstance(item, Problem):
                self.report.problems.append(item)
                if on_problem is not None:
                    on_problem(item)
            else:
                yield item

    def add(self, items: Iterable[Item], on_problem: Callable[[Problem], None] | None = None,
            batch_size: int = 16, n_process: int = 1) -> Iterator[Fact]:
        """Extract, resolve and add every document; yield each resolved fact as it is added."""
        start = time.perf_counter()
        for document, extraction in self.extractor.pipe(self._documents(items, on_problem), batch_size, n_process):
            self.report.documents += 1
            self.report.sentences += extraction.sentences
            batch = list(document_triples(document))
            for entity in extraction.entities:
                batch += entity_triples(self.resolver.canonical(entity))
            facts = [self.resolver.fact(fact) for fact in extraction.facts]
            for fact in facts:
                batch += statement_triples(fact)
            self.store.add(batch)  # one document, one atomic batch
            for fact in facts:
                self.report.assertions += 1
                if fact.evidence.polarity == "positive":
                    key = (fact.subject.label, fact.relation, fact.object.label)
                    if key not in self._triples:
                        self._triples.add(key)
                        self.report.facts[fact.relation] += 1
                yield fact
        self.report.entities = len(self.resolver)
        self.report.seconds += time.perf_counter() - start


def build(inputs: Iterable[str | Path], out_dir: str | Path, model: str | None = None,
          on_problem: Callable[[Problem], None] | None = None, nlp: Language | None = None,
          store: Store | None = None) -> BuildReport:
    """Build ``graph.ttl``, ``graph.html`` and ``facts.jsonl`` in ``out_dir`` from the inputs.

    With a persistent ``store`` (Oxigraph, SPARQL endpoint) the graph goes into the store, each
    document in one atomic batch, and ``out_dir`` gets only this run's ``facts.jsonl``: the
    store's whole graph is exported with ``kg export`` instead.
    """
    started = time.perf_counter()
    inputs = [str(p) for p in inputs]
    out = Path(out_dir)
    builder = Builder(nlp=nlp, model=model, store=store)
    facts_path = out / "facts.jsonl"
    with atomic_writer(facts_path) as handle:
        for fact in builder.add(read_inputs(inputs), on_problem):
            handle.write(json.dumps(fact.to_record(), ensure_ascii=False) + "\n")
        if builder.report.documents == 0:
            raise NothingToBuild("no document could be read; nothing was written")
    report = builder.report
    report.outputs.append(facts_path)
    if isinstance(builder.store, MemoryStore):
        report.outputs.append(builder.graph.serialize(out / "graph.ttl"))
        report.outputs.append(write_html(builder.graph.graph, out / "graph.html", title="kg: " + ", ".join(inputs)))
    else:
        report.store = f"{builder.store!r} ({len(builder.store)} triples)"
    report.seconds = time.perf_counter() - started
    return report
