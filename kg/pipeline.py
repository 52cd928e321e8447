"""From documents to extractions: spaCy batches bounded by characters, long texts parsed in
pieces whose extractions are merged, forked workers, and a time budget per document.

It stands above :mod:`kg.extraction` (one parsed text's facts) and :mod:`kg.resolve` (which
merges a long document's pieces as it merges documents), so neither imports the other.
"""

from __future__ import annotations

import multiprocessing
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.pool import AsyncResult
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from kg.budget import DEFAULT_BUDGET, MAX_BATCH_CHARS, TASK_CHARS, Overrun, TimeBudget, deadline, too_slow
from kg.documents import Document, Problem
from kg.extraction import structure
from kg.extraction.chunks import MAX_CHUNK, chunks
from kg.extraction.extractor import DocumentExtractor
from kg.extraction.frames import lexicon
from kg.model import Extraction
from kg.ontology import Ontology, default_ontology
from kg.resolve import Resolver


def merge(doc_id: str, parts: list[Extraction]) -> Extraction:
    """One document's extraction from the extractions of its pieces.

    The pieces' entities are resolved against each other as :class:`~kg.resolve.Resolver` does
    across documents, fuller names first, so "Osei" in a later piece joins "Victor Osei".
    """
    if len(parts) == 1:
        return parts[0]
    resolver = Resolver()
    for entity in sorted((e for part in parts for e in part.entities), key=lambda e: -len(e.label.split())):
        resolver.canonical(entity)
    return Extraction(
        doc_id=doc_id,
        entities=tuple(resolver.entities()),
        facts=tuple(resolver.fact(fact) for part in parts for fact in part.facts),
        sentences=sum(part.sentences for part in parts),
    )


_T = TypeVar("_T")


class Extractor:
    """Turns :class:`~kg.documents.Document` objects into :class:`~kg.model.Extraction` results.

    ``nlp`` gets kg's ``kg_structure`` component if it lacks it (see :mod:`kg.extraction.structure`).
    ``ontology`` (default: the package's, :func:`~kg.ontology.default_ontology`) gives the
    relations, their triggers and every cue word the extraction reads.
    Documents longer than ``max_chunk`` characters (or the pipeline's ``max_length``) are parsed in pieces (see
    :mod:`kg.extraction.chunks`), each piece alone in its spaCy batch, so the memory of a long
    document is that of one piece; their evidence offsets are relative to the whole text. Each
    document's extraction gets ``budget`` (see :mod:`kg.budget`).
    """

    def __init__(self, nlp: Language, max_chunk: int = MAX_CHUNK, ontology: Ontology | None = None,
                 budget: TimeBudget = DEFAULT_BUDGET, max_batch_chars: int = MAX_BATCH_CHARS) -> None:
        self.nlp = structure.install(nlp)
        self.words = structure.dictionary(self.nlp)  # common words, for headlines in title case
        self.max_chunk = max_chunk
        self.ontology = ontology or default_ontology()
        self.lexicon = lexicon(self.ontology)
        self.budget = budget
        self.max_batch_chars = max_batch_chars

    def extract(self, document: Document) -> Extraction:
        """One document's extraction (:class:`Overrun` past its time budget)."""
        problems: list[Problem] = []
        pairs = list(self.pipe([document], on_problem=problems.append))
        if problems:
            raise Overrun(str(problems[0]))
        return pairs[0][1]

    def extract_parsed(self, document: Document, doc: Doc) -> Extraction:
        return DocumentExtractor(document, doc, 0, self.ontology, self.lexicon).run()

    def pipe(self, documents: Iterable[Document], batch_size: int | None = None, n_process: int = 1,
             on_problem: Callable[[Problem], None] | None = None) -> Iterator[tuple[Document, Extraction]]:
        """Stream documents through ``nlp.pipe``: ``(document, extraction)`` pairs, in order.

        A spaCy batch holds at most ``batch_size`` texts (default: the pipeline's own
        ``nlp.batch_size``) and at most :attr:`max_batch_chars` characters (one longer text goes
        alone), so memory follows the characters parsed, not the number of documents. A document
        whose extraction overruns its time budget, or fails, goes to ``on_problem`` instead
        (default: dropped).

        With ``n_process`` > 1, batches of at most :data:`~kg.budget.TASK_CHARS` characters (so
        that the workers finish together) are parsed *and* extracted in forked worker processes
        (each shares the loaded pipeline); at most two batches per worker are in flight, so
        memory stays bounded however long the stream. A worker stuck past its batch's budget
        (where even the timer cannot stop it) is replaced: the pool restarts, the stuck batch's
        documents are retried one by one and only the one that overruns again is reported.
        """
        report = on_problem or (lambda problem: None)
        size = batch_size or self.nlp.batch_size
        if n_process == 1:
            yield from self._pipe(documents, size, report)
        else:
            yield from self._parallel(documents, size, n_process, report)

    def _batches(self, items: Iterable[_T], size: int, chars: Callable[[_T], int],
                 max_chars: int | None = None) -> Iterator[list[_T]]:
        """Consecutive runs of at most ``size`` items and ``max_chars`` (default:
        :attr:`max_batch_chars`) characters."""
        limit = max_chars or self.max_batch_chars
        batch: list[_T] = []
        total = 0
        for item in items:
            n = chars(item)
            if batch and (len(batch) >= size or total + n > limit):
                yield batch
                batch, total = [], 0
            batch.append(item)
            total += n
        if batch:
            yield batch

    def _pipe(self, documents: Iterable[Document], batch_size: int,
              on_problem: Callable[[Problem], None]) -> Iterator[tuple[Document, Extraction]]:
        limit = min(self.max_chunk, self.nlp.max_length)

        def pieces() -> Iterator[tuple[Document, int, str | Doc, bool, int]]:
            for document in documents:
                parts = list(chunks(document.text, limit)) or [(0, document.text)]
                for number, (offset, piece) in enumerate(parts, start=1):
                    text = structure.prepare(self.nlp, piece, document.title if offset == 0 else None, self.words)
                    weight = len(piece) if len(parts) == 1 else self.max_batch_chars  # a piece is parsed alone
                    yield document, offset, text, number == len(parts), weight

        parts: list[Extraction] = []
        spent = 0.0
        failed = False
        for batch in self._batches(pieces(), batch_size, lambda piece: piece[4]):
            texts = ((text, (document, offset, last)) for document, offset, text, last, _ in batch)
            for doc, (document, offset, last) in self.nlp.pipe(texts, as_tuples=True, batch_size=len(batch)):
                allowed = self.budget.limit(len(document.text))
                if not failed:
                    started = time.perf_counter()
                    try:
                        with deadline(None if allowed is None else allowed - spent):
                            parts.append(DocumentExtractor(document, doc, offset, self.ontology, self.lexicon).run())
                    except Overrun:
                        failed = True
                        on_problem(too_slow(document, allowed or 0.0))
                    except Exception as error:  # a bug on one document: reported, the batch goes on
                        failed = True
                        on_problem(extraction_failed(document, error))
                    spent += time.perf_counter() - started
                if last:
                    if not failed:
                        yield document, merge(document.id, parts)
                    parts, spent, failed = [], 0.0, False

    def _parallel(self, documents: Iterable[Document], batch_size: int, n_process: int,
                  on_problem: Callable[[Problem], None]) -> Iterator[tuple[Document, Extraction]]:
        context = multiprocessing.get_context("fork")
        tasks = self._batches(documents, batch_size, lambda d: len(d.text), min(TASK_CHARS, self.max_batch_chars))
        in_flight: deque[tuple[list[Document], AsyncResult]] = deque()
        pool = context.Pool(n_process, _start_worker, (self,))
        try:
            while True:
                while len(in_flight) <= 2 * n_process and (batch := next(tasks, None)) is not None:
                    in_flight.append((batch, pool.apply_async(_extract_batch, (batch, batch_size))))
                if not in_flight:
                    return
                batch, result = in_flight.popleft()
                patience = self._patience(batch)
                try:
                    outcomes = result.get(patience)
                except multiprocessing.TimeoutError:
                    pool.terminate()  # the stuck worker goes with the others; a fresh pool takes over
                    pool = context.Pool(n_process, _start_worker, (self,))
                    if len(batch) == 1:
                        on_problem(too_slow(batch[0], patience or 0.0))
                    retry = [[document] for document in batch] if len(batch) > 1 else []
                    waiting = [b for b, _ in in_flight]
                    in_flight.clear()
                    for again in retry + waiting:
                        in_flight.append((again, pool.apply_async(_extract_batch, (again, batch_size))))
                    continue
                for document, outcome in zip(batch, outcomes, strict=True):
                    if isinstance(outcome, Problem):
                        on_problem(outcome)
                    else:
                        yield document, outcome
        finally:
            pool.terminate()

    def _patience(self, batch: list[Document]) -> float | None:
        """How long the parent waits for a worker's batch (see :class:`TimeBudget`)."""
        limits = [self.budget.limit(len(d.text)) for d in batch]
        return None if None in limits else self.budget.grace + 2 * sum(limits)  # type: ignore[arg-type]


_worker: Extractor | None = None


def _start_worker(extractor: Extractor) -> None:
    """Pool initializer: Ctrl-C is the parent's to handle (it terminates the pool)."""
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker = extractor


def extraction_failed(document: Document, error: Exception) -> Problem:
    """The problem reported for a document whose extraction raised ``error`` (a bug in kg)."""
    return Problem(document.where, f"extraction failed ({type(error).__name__}: {error}); skipped, please report it")


def _extract_batch(batch: list[Document], batch_size: int) -> list[Extraction | Problem]:
    """A worker's task: each document's extraction, or the problem that stopped it, in order."""
    assert _worker is not None
    problems: list[Problem] = []
    done = {id(document): extraction for document, extraction in _worker._pipe(batch, batch_size, problems.append)}
    overruns = iter(problems)
    return [done[id(d)] if id(d) in done else next(overruns) for d in batch]
