"""Frames, coreference and polarity on short passages written for these tests."""

import pytest

from ..conftest import plain

FRAMES = [
    ("Governor Maria Alvarez endorsed Senator Tom Reed on Tuesday.", {("Maria Alvarez", "endorses", "Tom Reed")}),
    ("Carla Ruiz won the endorsement of the Teachers Union.", {("Teachers Union", "endorses", "Carla Ruiz")}),
    ("Chancellor Olaf Brandt appointed Ingrid Vogel as finance minister.", {("Olaf Brandt", "appointed", "Ingrid Vogel")}),
    ("Prime Minister Anna Berg fired her chief of staff, Lars Holm.", {("Anna Berg", "dismissed", "Lars Holm")}),
    ("Mayor Jim Ortiz and councilwoman Dana Pike will face each other in a runoff next month.",
     {("Dana Pike", "faces_in_runoff", "Jim Ortiz")}),
    ("Attorney General Mark Hale recused himself from the bribery case against Senator Joan Lutz.",
     {("Mark Hale", "recused_from", "bribery case against Senator Joan Lutz")}),
    ("Alvarez, who endorsed Reed last year, now backs Chen.",
     {("Alvarez", "endorses", "Reed"), ("Alvarez", "endorses", "Chen")}),
    ("Maria Alvarez and John Kim endorsed Reed and Chen.",
     {(s, "endorses", o) for s in ("Maria Alvarez", "John Kim") for o in ("Reed", "Chen")}),
    ("Aiko Tanaka is running for mayor of Osaka.", {("Aiko Tanaka", "candidate_for", "mayor of Osaka")}),
    ("Sessions and Tuberville are locked in a runoff for the Republican nomination.",
     {("Sessions", "faces_in_runoff", "Tuberville")}),
    ("Governor Ann Roe named her longtime aide, Sarah Lee, as chief of staff.",
     {("Ann Roe", "appointed", "Sarah Lee"), ("Sarah Lee", "holds_position", "chief of staff"),
      ("Sarah Lee", "holds_position", "aide"), ("Ann Roe", "holds_position", "governor")}),
    # a flat title ("Deputy Attorney General") is one position; places are not part of a title
    ("Deputy Attorney General Rod Rosenstein appointed Robert Mueller as special counsel in May 2017.",
     {("Rod Rosenstein", "holds_position", "deputy attorney general"), ("Robert Mueller", "holds_position", "special counsel")}),
    ("Alabama Senator Doug Jones lost to Tuberville.", {("Doug Jones", "holds_position", "Alabama senator")}),
    ("Real Sociedad fired her predecessor, Luis Mora, in October.", {("Real Sociedad", "dismissed", "Luis Mora")}),
    # participial modifiers: the model reads a short clause as "the Trump-endorsed Tuberville"
    ("Trump endorsed Tommy Tuberville.", {("Trump", "endorses", "Tommy Tuberville")}),
    ("The Trump-endorsed candidate Tommy Tuberville won easily.", {("Trump", "endorses", "Tommy Tuberville")}),
    # the model's NER keeps only "Gomez": the name is completed from its proper-noun modifier
    ("Rafael Ortiz and Beatriz Gomez will face off in the runoff.", {("Beatriz Gomez", "faces_in_runoff", "Rafael Ortiz")}),
]


@pytest.mark.parametrize("text,expected", FRAMES, ids=[t for t, _ in FRAMES])
def test_frames(extract, text, expected):
    relations = {r for _, r, _ in expected}
    assert plain(extract(text), relations) == expected


TRAPS = [
    ("The senator did not endorse Reed. Tom Reed lost.", None),
    ("Alvarez denied endorsing Reed.", None),
    ("Supporters asked Alvarez to endorse Reed.", None),
    ("Alvarez could endorse Reed next week.", "hypothetical"),
    ("If Alvarez endorses Reed, the race is over.", "hypothetical"),
    ("Critics claimed that Alvarez supports Reed.", "reported"),
    ("Judge Ellen Park refused to recuse herself from the trial.", "negative"),
    ("Ortiz may face Pike in a runoff in June.", None),
]


@pytest.mark.parametrize("text,polarity", TRAPS, ids=[t for t, _ in TRAPS])
def test_traps_never_become_plain_triples(extract, text, polarity):
    extraction = extract(text)
    assert plain(extraction) - plain(extraction, {"holds_position"}) == set()
    if polarity is not None:
        assert {f.evidence.polarity for f in extraction.facts if f.relation != "holds_position"} == {polarity}


def test_pronouns_and_descriptions_across_sentences(extract):
    text = (
        "Former football coach Tommy Tuberville is running for the Senate. "
        "President Trump praised him on Monday. Later the president endorsed the former coach."
    )
    facts = plain(extract(text), {"endorses"})
    assert facts == {("Trump", "endorses", "Tommy Tuberville")}


def test_quoted_first_person_is_the_speaker(extract):
    text = '"Jane Roe has my full endorsement," Mayor John Doe said.'
    extraction = extract(text)
    (fact,) = [f for f in extraction.facts if f.relation == "endorses"]
    assert (fact.subject.label, fact.object.label, fact.evidence.polarity) == ("John Doe", "Jane Roe", "positive")
    assert fact.evidence.speaker.label == "John Doe"


def test_quote_by_someone_else_is_reported(extract):
    text = '"President Trump endorsed Tommy Tuberville on Monday," Michael Glassner wrote in a letter.'
    (fact,) = [f for f in extract(text).facts if f.relation == "endorses"]
    assert fact.evidence.polarity == "reported" and fact.evidence.speaker.label == "Michael Glassner"


def test_evidence_offsets_point_at_the_sentence(extract):
    text = "Nothing happened. Governor Maria Alvarez endorsed Tom Reed."
    (fact,) = [f for f in extract(text, date="2024-01-02").facts if f.relation == "endorses"]
    ev = fact.evidence
    assert text[ev.start:ev.end] == ev.sentence == "Governor Maria Alvarez endorsed Tom Reed."
    assert (ev.trigger, ev.frame, ev.date) == ("endorsed", "active", "2024-01-02")


def test_appointment_carries_the_position(extract):
    extraction = extract("President Lee appointed Kim Soo as defense minister.")
    (fact,) = [f for f in extraction.facts if f.relation == "appointed"]
    assert fact.position.label == "defense minister"
    assert ("Kim Soo", "holds_position", "defense minister") in plain(extraction)


def test_organisations_named_by_their_owner(extract):
    text = "The Trump campaign denied endorsing Jeff Sessions. Later the campaign endorsed Tommy Tuberville."
    extraction = extract(text)
    assert plain(extraction, {"endorses"}) == {("Trump campaign", "endorses", "Tommy Tuberville")}
    (denied,) = [f for f in extraction.facts if f.evidence.polarity == "negative"]
    assert (denied.subject.label, denied.object.label, denied.subject.type) == ("Trump campaign", "Jeff Sessions", "Organization")


def test_a_relation_is_a_few_lines_of_turtle(nlp):
    from rdflib import Graph

    from kg.documents import Document
    from kg.ontology import Ontology, default_ontology
    from kg.pipeline import Extractor

    extra = """
    @prefix kg: <https://w3id.org/kg/ontology#> . @prefix owl: <http://www.w3.org/2002/07/owl#> .
    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    kg:sued a owl:ObjectProperty ; rdfs:subPropertyOf kg:relation ;
        rdfs:label "sued"@en ; rdfs:domain kg:Agent ; rdfs:range kg:Agent ;
        kg:verb "sue" ; kg:noun "lawsuit" .
    """
    graph = Graph()
    graph += default_ontology().graph
    graph.parse(data=extra, format="turtle")
    extractor = Extractor(nlp, ontology=Ontology.from_graph(graph))  # nothing global is patched
    extraction = extractor.extract(Document("d", "Governor Maria Alvarez sued Senator Tom Reed on Monday."))
    assert plain(extraction, {"sued"}) == {("Maria Alvarez", "sued", "Tom Reed")}
    assert "sued" not in default_ontology().relations


def test_cue_words_are_data_in_the_ontology(nlp):
    from rdflib import Graph, Literal, Namespace

    from kg.documents import Document
    from kg.ontology import Ontology, default_ontology
    from kg.pipeline import Extractor

    kg = Namespace("https://w3id.org/kg/ontology#")
    graph = Graph()
    graph += default_ontology().graph
    graph.add((kg.hypotheticalVerbs, kg.word, Literal("rumble")))  # a made-up verb of supposing
    text = "Governor Maria Alvarez rumbled to endorse Senator Tom Reed."
    found = Extractor(nlp, ontology=Ontology.from_graph(graph)).extract(Document("d", text))
    assert {f.evidence.polarity for f in found.facts if f.relation == "endorses"} == {"hypothetical"}
    found = Extractor(nlp).extract(Document("d", text))
    assert {f.evidence.polarity for f in found.facts if f.relation == "endorses"} == {"positive"}


def test_a_place_in_apposition_to_a_title_is_no_person(extract):
    """"the attorneys general of Ohio, New York, ..." names where the title holds: New York is not
    the attorney general, so "his" looks further and no place is typed as a person."""
    extraction = extract("On Monday, the Attorneys General of Ohio, New York, Utah, Iowa and Maine sent a letter "
                         "to Judge Lena Ortiz requesting her recusal from the fraud inquiry.")
    types = {e.label: e.type for e in extraction.entities}
    assert types["New York"] == "Place"
    assert not any(f.subject.label == "New York" for f in extraction.facts)


def test_a_place_is_never_a_speaker(extract):
    """kg:speaker is an agent (the shapes say so): "Brazil said" reports, with no speaker recorded."""
    extraction = extract("“Ana Lind endorsed Omar Bell for mayor,” Brazil said. Moscow claims that Governor Ana Lind "
                         "endorsed Omar Bell for mayor.")
    endorsements = [f for f in extraction.facts if f.relation == "endorses"]
    assert endorsements and all(f.evidence.speaker is None for f in endorsements)
