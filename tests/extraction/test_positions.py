"""Positions as the text scopes them (invented texts): a place or organisation the text gives
scopes a title, an unscoped title is its document's own, and descriptions are no titles."""

from __future__ import annotations

import pytest

from kg.build import Builder
from kg.documents import Document
from kg.iris import entity_iri


def _held(extraction) -> dict[str, tuple[str, str]]:
    """Holder -> (position label, scope) for each positive holds_position fact."""
    return {f.subject.label: (f.object.label, f.object.scope) for f in extraction.facts
            if f.relation == "holds_position" and f.evidence.polarity == "positive"}


@pytest.mark.parametrize("text, holder, label", [
    ("Oregon Attorney General Marla Voss endorsed Dana Fields.", "Marla Voss", "Oregon attorney general"),
    ("Marla Voss, the attorney general of Oregon, endorsed Dana Fields.", "Marla Voss", "Oregon attorney general"),
    ("Idaho's attorney general, Ron Tellis, endorsed Dana Fields.", "Ron Tellis", "Idaho attorney general"),
    ("U.S. Attorney General Pia Lorne declined to comment on Friday.", "Pia Lorne", "US attorney general"),
    ("Peru's president, Ana Ruiz, endorsed Dana Fields.", "Ana Ruiz", "Peru president"),
])
def test_a_title_is_scoped_by_the_place_the_text_gives(extract, text, holder, label):
    held = _held(extract(text))
    assert held[holder] == (label, "")


def test_the_bare_title_stays_a_mention_of_the_scoped_one(extract):
    (fact,) = [f for f in extract("Oregon Attorney General Marla Voss endorsed Dana Fields.").facts
               if f.relation == "holds_position"]
    assert "attorney general" in fact.object.aliases


def test_an_unscoped_title_is_its_documents_own(extract):
    held = _held(extract("President Ana Ruiz endorsed Dana Fields on Monday.", doc_id="memo-7"))
    assert held["Ana Ruiz"] == ("president", "memo-7")


@pytest.mark.parametrize("text, holder, label", [
    ("Lars Holm, the Minister of Finance, endorsed Dana Fields.", "Lars Holm", "minister of finance"),
    ("Centrist Senator Mara Lind endorsed Dana Fields.", "Mara Lind", "senator"),
    ("Rep. Tim Vale, the second lawmaker to do so, endorsed Dana Fields.", "Tim Vale", "lawmaker"),
    ("The governor appointed Lena Park as an election commissioner.", "Lena Park", "election commissioner"),
])
def test_the_label_is_the_office_not_a_description(extract, text, holder, label):
    assert _held(extract(text))[holder][0] == label


def test_an_ardent_defender_holds_no_position(extract):
    held = _held(extract("Mayor Olga Brandt, an ardent defender of the plan, endorsed Dana Fields."))
    assert held == {"Olga Brandt": ("mayor", "t")}


def test_unrelated_presidents_never_share_a_node(nlp):
    builder = Builder(nlp=nlp)
    list(builder.add([
        Document("a", "President Ana Ruiz endorsed Dana Fields on Monday."),
        Document("b", "President Omar Lind endorsed Kai Berg on Tuesday."),
        Document("c", "Ohio Attorney General Ida Varn endorsed Dana Fields. Utah Attorney General Rob Quill did too."),
    ]))
    holders = builder.graph.query(
        "SELECT ?p (COUNT(DISTINCT ?who) AS ?n) WHERE { ?who kg:holds_position ?p } GROUP BY ?p HAVING (COUNT(DISTINCT ?who) > 1)")
    assert len(holders) == 0
    rows = builder.graph.query("SELECT ?p ?d WHERE { ?p a kg:Position ; kg:scope ?d }")
    assert len(rows) == 2  # the two unscoped presidents, each scoped to its document


def test_scoped_iris_are_deterministic(extract):
    first = [f.object for f in extract("President Ana Ruiz spoke.", doc_id="d1").facts if f.relation == "holds_position"]
    again = [f.object for f in extract("President Ana Ruiz spoke.", doc_id="d1").facts if f.relation == "holds_position"]
    other = [f.object for f in extract("President Ana Ruiz spoke.", doc_id="d2").facts if f.relation == "holds_position"]
    assert entity_iri(first[0]) == entity_iri(again[0]) != entity_iri(other[0])
    assert str(entity_iri(first[0])).endswith("/position/president/d1")


def test_a_pick_names_the_office_it_is_for_or_none(extract):
    facts = extract("Governor Ana Ruiz named Lars Holm as her pick for attorney general.").facts
    (appointed,) = [f for f in facts if f.relation == "appointed"]
    assert appointed.position is not None and appointed.position.label == "attorney general"
    facts = extract("Governor Ana Ruiz named Lars Holm as her pick.").facts
    assert [f.position for f in facts if f.relation == "appointed"] == [None]
    assert "Lars Holm" not in _held(extract("Governor Ana Ruiz named Lars Holm as her pick."))


def test_a_word_of_the_title_is_no_organisation(extract):
    (fact,) = [f for f in extract("Lars Holm, the Minister of Finance, endorsed Dana Fields.").facts
               if f.relation == "holds_position"]
    assert fact.object.label == "minister of finance" and fact.organization is None


def test_an_office_run_for_is_scoped_like_a_title(extract):
    def ran_for(text):
        return [(f.object.label, f.object.scope) for f in extract(text, doc_id="memo-3").facts if f.relation == "candidate_for"]

    assert ran_for("Ana Ruiz is running for governor.") == [("governor", "memo-3")]
    assert ran_for("Ana Ruiz is running for governor of Oregon.") == [("governor of Oregon", "")]  # the phrase, as annotated
