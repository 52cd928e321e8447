from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_ARTICLE = ROOT.parent / "shared" / "corpus" / "sessions_tuberville_2020-04-03.txt"
EXAMPLE_ARTICLE = ROOT / "examples" / "alabama_runoff_2020-04-05.txt"
MISSION_RELATIONS = ("endorses", "recused_from", "appointed", "faces_in_runoff")


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp import load

    return load()


@pytest.fixture(scope="session")
def extractor(nlp):
    from kg.pipeline import Extractor

    return Extractor(nlp)


@pytest.fixture
def extract(extractor):
    """Extract facts from a text: returns the Extraction."""
    from kg.documents import Document

    def run(text: str, doc_id: str = "t", date: str | None = None):
        return extractor.extract(Document(id=doc_id, text=text, date=date))

    return run


def plain(extraction, relations=None):
    """The asserted (positive) triples of an extraction as label tuples."""
    out = set()
    for fact in extraction.facts:
        if fact.evidence.polarity == "positive" and (relations is None or fact.relation in relations):
            out.add((fact.subject.label, fact.relation, fact.object.label))
    return out
