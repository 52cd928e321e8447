"""A per-document time budget: an extraction that overruns is reported and skipped, the batch goes on
(issue 15). The slow step is planted in-process; the timer and the worker replacement are real."""

from __future__ import annotations

import signal
import time

import pytest

from kg.budget import Overrun, TimeBudget, deadline
from kg.documents import Document, Problem
from kg.extraction import extractor as extractor_module
from kg.pipeline import Extractor

SLOW = "Slow Slowly endorsed Never Again."
DOCUMENTS = [
    Document("a", "Ann Lee endorsed Bob Roy."),
    Document("slow", SLOW, source="corpus.jsonl"),
    Document("b", "Cara Diaz endorsed Dan Eze."),
]


@pytest.fixture
def slow_step(monkeypatch):
    """Extraction of the document whose text is SLOW never ends (a Python loop, as the old hangs were)."""
    run = extractor_module.DocumentExtractor.run

    def stuck(self):
        if self.document.text == SLOW:
            while True:
                time.sleep(0.01)
        return run(self)

    monkeypatch.setattr(extractor_module.DocumentExtractor, "run", stuck)


@pytest.fixture
def deaf_step(monkeypatch):
    """As ``slow_step``, but deaf to the timer (as C code that never returns to Python would be)."""
    run = extractor_module.DocumentExtractor.run

    def stuck(self):
        if self.document.text == SLOW:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            while True:
                time.sleep(0.01)
        return run(self)

    monkeypatch.setattr(extractor_module.DocumentExtractor, "run", stuck)


def test_the_deadline_interrupts_a_loop_and_is_cleared_after():
    started = time.perf_counter()
    with pytest.raises(Overrun), deadline(0.2):
        while True:
            time.sleep(0.01)
    assert time.perf_counter() - started < 2
    with deadline(0.2):
        pass
    time.sleep(0.4)  # no timer left behind


def test_the_budget_grows_with_the_text_and_zero_means_none():
    assert TimeBudget(30, 0.001).limit(100_000) == pytest.approx(130)
    assert TimeBudget(0).limit(10**9) is None


def test_an_overrunning_document_is_reported_and_the_others_kept(nlp, slow_step):
    extractor = Extractor(nlp, budget=TimeBudget(0.5, 0))
    problems: list[Problem] = []
    started = time.perf_counter()
    pairs = list(extractor.pipe(DOCUMENTS, on_problem=problems.append))
    assert time.perf_counter() - started < 30
    assert [d.id for d, _ in pairs] == ["a", "b"]
    assert [str(p) for p in problems] == ["corpus.jsonl (id slow): extraction took too long (over 0.5 s, see --time-budget); skipped"]
    assert {f.subject.label for _, e in pairs for f in e.facts} == {"Ann Lee", "Cara Diaz"}
    with pytest.raises(Overrun):
        extractor.extract(DOCUMENTS[1])


def test_with_two_processes_the_worker_times_out_its_document(nlp, slow_step):
    extractor = Extractor(nlp, budget=TimeBudget(0.5, 0))
    problems: list[Problem] = []
    pairs = list(extractor.pipe(DOCUMENTS * 2, batch_size=3, n_process=2, on_problem=problems.append))
    assert [d.id for d, _ in pairs] == ["a", "b", "a", "b"]
    assert [p.where for p in problems] == ["corpus.jsonl (id slow)"] * 2


def test_a_stuck_worker_is_replaced_and_its_batch_retried(nlp, deaf_step):
    extractor = Extractor(nlp, budget=TimeBudget(0.5, 0, grace=1.0))
    problems: list[Problem] = []
    started = time.perf_counter()
    pairs = list(extractor.pipe(DOCUMENTS + [Document("c", "Eve Fox endorsed Gil Ho.")], batch_size=3, n_process=2,
                                on_problem=problems.append))
    assert time.perf_counter() - started < 60
    assert [d.id for d, _ in pairs] == ["a", "b", "c"]
    assert [p.where for p in problems] == ["corpus.jsonl (id slow)"]
    assert "extraction took too long" in problems[0].message


def test_kg_build_reports_the_document_and_finishes(tmp_path, nlp, slow_step, capsys):
    import json

    from kg.build import build

    corpus = tmp_path / "in.jsonl"
    corpus.write_text("".join(json.dumps({"id": d.id, "text": d.text}) + "\n" for d in DOCUMENTS), encoding="utf-8")
    seen: list[Problem] = []
    report = build([corpus], tmp_path / "out", nlp=nlp, on_problem=seen.append, budget=TimeBudget(0.5, 0))
    assert (report.documents, report.skipped) == (2, 1)
    assert [p.where for p in seen] == [f"{corpus} (id slow)"]
    assert (tmp_path / "out" / "graph.ttl").exists()
