"""The spine's acceptance test: the reference article and our own example give exactly the four facts."""

import pytest

from kg.documents import read_path

from .conftest import EXAMPLE_ARTICLE, MISSION_RELATIONS, SHARED_ARTICLE, plain

EXPECTED = {
    ("Trump", "endorses", "Tommy Tuberville"),
    ("Trump", "appointed", "Jeff Sessions"),
    ("Jeff Sessions", "faces_in_runoff", "Tommy Tuberville"),
}


def _check(extraction, matter_start: str):
    facts = plain(extraction, MISSION_RELATIONS)
    recused = {f for f in facts if f[1] == "recused_from"}
    assert facts - recused == EXPECTED
    ((subject, _, matter),) = recused
    assert subject == "Jeff Sessions"
    assert matter.startswith(matter_start)
    assert ("Trump", "endorses", "Jeff Sessions") not in plain(extraction)


def test_reference_article(extractor):
    if not SHARED_ARTICLE.exists():
        pytest.skip(f"reference article not present at {SHARED_ARTICLE}")
    (document,) = read_path(SHARED_ARTICLE)
    assert document.date == "2020-04-03"
    extraction = extractor.extract(document)
    _check(extraction, "investigation into Russian interference in the 2016")
    facts = plain(extraction)
    assert ("Trump", "dismissed", "Jeff Sessions") in facts
    assert ("Jeff Sessions", "candidate_for", "Senate") in facts
    assert {
        ("Trump", "holds_position", "president"),
        ("Jeff Sessions", "holds_position", "attorney general"),
        ("Jeff Sessions", "holds_position", "Alabama senator"),  # positions scoped as the text scopes them
        ("Michael Glassner", "holds_position", "Trump campaign manager"),
        ("Tommy Tuberville", "holds_position", "Auburn University football coach"),
    } <= facts
    (dismissal,) = [f for f in extraction.facts if f.relation == "dismissed"]
    assert dismissal.position.label == "attorney general"


def test_example_article(extractor):
    (document,) = read_path(EXAMPLE_ARTICLE)
    extraction = extractor.extract(document)
    _check(extraction, "inquiry into Russian meddling in the 2016")
    not_asserted = {(f.subject.label, f.relation, f.object.label, f.evidence.polarity) for f in extraction.facts}
    assert ("Trump", "endorses", "Jeff Sessions", "hypothetical") in not_asserted
    assert ("Trump campaign", "endorses", "Jeff Sessions", "negative") in not_asserted


def test_entities_have_their_fullest_names_and_types(extractor):
    (document,) = read_path(EXAMPLE_ARTICLE)
    entities = {e.label: e for e in extractor.extract(document).entities}
    assert entities["Jeff Sessions"].type == "Person"
    assert "Sessions" in entities["Jeff Sessions"].aliases
    assert entities["Tommy Tuberville"].type == "Person"
    assert "Sessions" not in entities
