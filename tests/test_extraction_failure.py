"""A bug in extraction on one document (an exception) is reported and skipped; the batch goes on,
in-process and in worker processes, and ``kg eval`` scores that passage as finding nothing. The
failing step is planted in-process (the bug it stands for, an IndexError, is fixed)."""

from __future__ import annotations

import json

import pytest

from kg.cli import main
from kg.documents import Document, Problem
from kg.extraction import extractor as extractor_module
from kg.pipeline import Extractor

BROKEN = "Broken Brokenly endorsed Never Again."
DOCUMENTS = [
    Document("a", "Ann Lee endorsed Bob Roy."),
    Document("broken", BROKEN, source="corpus.jsonl"),
    Document("b", "Cara Diaz endorsed Dan Eze."),
]
REPORTED = "corpus.jsonl (id broken): extraction failed (IndexError: planted); skipped, please report it"


@pytest.fixture
def broken_step(monkeypatch):
    run = extractor_module.DocumentExtractor.run

    def failing(self):
        if self.document.text == BROKEN:
            raise IndexError("planted")
        return run(self)

    monkeypatch.setattr(extractor_module.DocumentExtractor, "run", failing)


@pytest.mark.parametrize("n_process", [1, 2])
def test_a_failing_document_is_reported_and_the_others_kept(nlp, broken_step, n_process):
    problems: list[Problem] = []
    pairs = list(Extractor(nlp).pipe(DOCUMENTS, n_process=n_process, on_problem=problems.append))
    assert [d.id for d, _ in pairs] == ["a", "b"]
    assert [str(p) for p in problems] == [REPORTED]
    assert {f.subject.label for _, e in pairs for f in e.facts} == {"Ann Lee", "Cara Diaz"}


def test_kg_eval_scores_a_failing_passage_as_finding_nothing(broken_step, tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    rows = [{"id": d.id, "text": d.text, "triples": [{"subject": d.text.split(" endorsed ")[0], "relation": "endorses",
                                                       "object": d.text.split(" endorsed ")[1].rstrip(".")}]}
            for d in DOCUMENTS]
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows))
    assert main(["eval", str(gold)]) == 0
    out = capsys.readouterr().out
    assert "not extracted (scored as finding nothing): 1\n  broken: extraction failed (IndexError: planted)" in out
    micro = next(line for line in out.splitlines() if line.startswith("micro")).split()
    assert micro[1:6] == ["3", "2", "2", "0", "1"]  # gold, predicted, tp, fp, fn: the later passages stay aligned
