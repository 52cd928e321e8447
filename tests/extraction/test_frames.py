"""Endorsement and appointment wording of published news, on sentences written for these tests."""

import pytest

from ..conftest import plain

ASSERTED = [
    # support for a candidate, in a sentence about an election, is an endorsement
    ("The Ohio Nurses Association is supporting Dana Whitfield in the mayoral race.",
     {("Ohio Nurses Association", "endorses", "Dana Whitfield")}),
    ("Dana Whitfield secured the support of Mayor Leon Park ahead of the runoff.",
     {("Leon Park", "endorses", "Dana Whitfield")}),
    ("The Harbor Party extended its support to Ivo Marek in the presidential election.",
     {("Harbor Party", "endorses", "Ivo Marek")}),
    ("Ms. Lena Holt indorsed Mr. Carl Brink in his 1978 campaign for Congress.",
     {("Lena Holt", "endorses", "Carl Brink")}),
    ("Jailed activist Omar Dlamini urged his supporters to vote for Teresa Novak.",
     {("Omar Dlamini", "endorses", "Teresa Novak")}),
    ("Former President Dan Ames used Twitter on Friday to endorse Rita Moreno.",
     {("Dan Ames", "endorses", "Rita Moreno")}),
    ("Senator Paul Reed Tuesday endorsed Mayor Lisa Ortiz for governor.", {("Paul Reed", "endorses", "Lisa Ortiz")}),
    ("Senator Ada Vance broke with party custom last month to endorse Mayor Lisa Ortiz.",
     {("Ada Vance", "endorses", "Lisa Ortiz")}),
    ("Rita Moreno won the backing of her predecessor, Carlos Ibarra, before the runoff.",
     {("Carlos Ibarra", "endorses", "Rita Moreno")}),
    ("The Ohio Nurses Association is the largest union that is supporting Dana Whitfield in the mayoral race.",
     {("Ohio Nurses Association", "endorses", "Dana Whitfield")}),
    ("Governor Sam Okoro announced on Friday that he will appoint Lena Marsh as attorney general.",
     {("Sam Okoro", "appointed", "Lena Marsh")}),
    ("Dana Whitfield won the Harlow endorsement on Monday.", {("Harlow", "endorses", "Dana Whitfield")}),
    ("Senator Ana Ruiz gave the nod to Dana Whitfield in the mayoral race.", {("Ana Ruiz", "endorses", "Dana Whitfield")}),
    # appointments
    ("Judge Ruth Calder, an appointee of Governor Henry Vance, dismissed the suit.",
     {("Henry Vance", "appointed", "Ruth Calder")}),
    ("The Denver Hawks hired Marcus Bell as head coach on Monday.", {("Denver Hawks", "appointed", "Marcus Bell")}),
    ("Governor Nina Ford picked Alan Reyes to fill the vacant Senate seat.", {("Nina Ford", "appointed", "Alan Reyes")}),
    ("Maya Iqbal has worked in finance for years and was appointed to the bank's board by President Tom Greer.",
     {("Tom Greer", "appointed", "Maya Iqbal")}),
    ("President Ana Lind appointed Sami Haddad as finance minister, her office said on Monday.",
     {("Ana Lind", "appointed", "Sami Haddad")}),
    ("Nina Ford picked up the endorsement of the Denver Post.", {("Denver Post", "endorses", "Nina Ford")}),
    ("President Ali Baraka reappointed Sami Haddad as finance minister.", {("Ali Baraka", "appointed", "Sami Haddad")}),
    # a nomination is not an appointment
    ("President Alma Ruiz nominated Jorge Pena to the Supreme Court.", {("Alma Ruiz", "nominated", "Jorge Pena")}),
    # the mood of a main clause is not that of a nominal fact in its subject
    ("Judge Omar Bell's recusal from the fraud case could delay the trial.",
     {("Omar Bell", "recused_from", "fraud case")}),
]


@pytest.mark.parametrize("text,expected", ASSERTED, ids=[t for t, _ in ASSERTED])
def test_asserted(extract, text, expected):
    relations = {r for _, r, _ in expected} | {"appointed", "endorses"}
    assert plain(extract(text), relations) == expected


NOT_ASSERTED = [
    ("Senator Paul Grant supports President Mara Keel.", None),  # no election: not an endorsement
    ("Mayor Kim Soto chose Alan Reyes as her running mate.", None),
    ("President Alma Ruiz nominated Jorge Pena to the Supreme Court.", None),
    ("Omar Dlamini urged Mayor Kim Soto to endorse Teresa Novak.", "hypothetical"),
    ("Governor Ana Lind will endorse Paul Ek next week.", "hypothetical"),
    ("The Carpenters Guild rescinded its endorsement of Paul Ek.", "negative"),
    ("Mayor Ana Lind warned against endorsing Paul Ek.", "hypothetical"),
    ("President Ali Baraka is expected to name Sami Haddad as finance minister.", "hypothetical"),
    ("President Ali Baraka is very close to naming Sami Haddad as finance minister.", "hypothetical"),
    ("False reports said that Governor Ana Lind had endorsed Paul Ek.", "negative"),
    ("Reports that Governor Ana Lind had appointed Paul Ek were untrue.", "reported"),
    ("Activists called for Judge Omar Bell's recusal from the fraud case.", "hypothetical"),
    ("Governor Ana Lind was waiting for the right moment to announce her endorsement of Paul Ek.", "hypothetical"),
    ("Governor Ana Lind rejected calls for her to appoint Paul Ek.", "hypothetical"),
    ("Governor Ana Lind made a pledge to appoint Paul Ek.", "hypothetical"),
    ("Two lawmakers are requesting Judge Omar Bell's recusal from the fraud case.", "hypothetical"),
    ("Teresa Novak sought the endorsement of the Carpenters Guild.", "hypothetical"),
]


@pytest.mark.parametrize("text,polarity", NOT_ASSERTED, ids=[t for t, _ in NOT_ASSERTED])
def test_not_asserted(extract, text, polarity):
    extraction = extract(text)
    assert plain(extraction, {"endorses", "appointed", "recused_from"}) == set()
    if polarity is not None:
        found = {f.evidence.polarity for f in extraction.facts if f.relation in ("endorses", "appointed", "recused_from")}
        assert found == {polarity}


def test_a_verb_that_gives_its_object_asserts_it(extract):
    """"offered its endorsement" is one; "sought its endorsement" (above) is not."""
    facts = extract("The Carpenters Guild offered its endorsement to Paul Ek in the mayoral race.").facts
    assert {(f.subject.label, f.object.label, f.evidence.polarity) for f in facts if f.relation == "endorses"} == {
        ("Carpenters Guild", "Paul Ek", "positive")}


def test_appointed_is_never_reversed(extract):
    facts = plain(extract("Sotomayor, an appointee of President Barack Obama, wrote the opinion. "
                          "Obama's appointee was confirmed in 2009."), {"appointed"})
    assert facts == {("Barack Obama", "appointed", "Sotomayor")}


def test_by_agent_hung_on_the_role(extract):
    """"was appointed bishop by X": the parser hangs "by X" on the role, not the verb."""
    assert plain(extract("Rev. Ann Lee was appointed bishop by Governor Ben Ruiz."), {"appointed"}) == {
        ("Ben Ruiz", "appointed", "Ann Lee")}
    assert plain(extract("Ann Lee was appointed bishop by decree."), {"appointed"}) == set()


def test_honorifics_are_no_part_of_a_name(extract):
    """"Alhaji", "Sheikh", "Rev." and ranks are stripped, so the lone first name finds the person."""
    extraction = extract("The candidate, Alhaji Musa Bello, toured the north on Monday. "
                         "The Elders Forum endorsed Musa on Sunday.")
    assert plain(extraction, {"endorses"}) == {("Elders Forum", "endorses", "Musa Bello")}


def test_endorsers_listed_after_a_colon(extract):
    """"endorsed by three unions: A, B and C": the names after the colon are the endorsers, and
    none of them endorses another (the parser hangs the list on the candidate)."""
    for text in ("Eli Moss has been endorsed by several unions: the Teamsters, the Carpenters Guild and the Nurses Council.",
                 "Three unions endorsed Eli Moss for mayor on Monday: the Teamsters, the Carpenters Guild and the Nurses Council."):
        assert plain(extract(text), {"endorses"}) == {("Teamsters", "endorses", "Eli Moss"),
                                                      ("Carpenters Guild", "endorses", "Eli Moss"),
                                                      ("Nurses Council", "endorses", "Eli Moss")}
    assert plain(extract("Several unions endorsed Eli Moss for mayor: he thanked them on Monday."), {"endorses"}) == set()


# How news writes appointments (forms read in published articles; the sentences are invented)
APPOINTMENTS = [
    # gapping: "X as A and Y as B", "X police chief and Y fire chief", a list of nominal appointments
    ("Kestrel Motors named Nina Vale as its finance chief and Omar Diaz as head of sales.",
     {("Kestrel Motors", "Nina Vale"), ("Kestrel Motors", "Omar Diaz")}),
    ("Mayor Lisa Marsh named Raj Patel police chief and Ana Ruiz fire chief.",
     {("Lisa Marsh", "Raj Patel"), ("Lisa Marsh", "Ana Ruiz")}),
    ("Governor Lisa Marsh announced the appointments of Ken Ortiz as budget director and Amy Webb as chief of staff.",
     {("Lisa Marsh", "Ken Ortiz"), ("Lisa Marsh", "Amy Webb")}),
    # the appointer of a participle or a noun, wherever the parse hangs it
    ("Ken Ortiz was sworn in on Monday after being appointed by Governor Lisa Marsh.", {("Lisa Marsh", "Ken Ortiz")}),
    ("The appointment of Ken Ortiz as budget director by Governor Lisa Marsh drew criticism.", {("Lisa Marsh", "Ken Ortiz")}),
    ("Ken Ortiz's appointment was approved by Governor Lisa Marsh on Friday.", {("Lisa Marsh", "Ken Ortiz")}),
    ("Leila Haddad took office on Monday. Hours after her appointment as prime minister by King Omar Saleh, "
     "she named her cabinet.", {("Omar Saleh", "Leila Haddad")}),
    ("Marsh's first appointment was her close ally Ken Ortiz as chief of staff.", {("Marsh", "Ken Ortiz")}),
    # decrees and orders: their issuer appoints
    ("President Omar Baki signed a decree appointing Leila Haddad as defence minister.", {("Omar Baki", "Leila Haddad")}),
    ("King Abdul Rahman issued a decree on Monday appointing Omar Saleh as prime minister.", {("Abdul Rahman", "Omar Saleh")}),
    ("President Omar Baki signed the decree on the appointment of Leila Haddad as defence minister.",
     {("Omar Baki", "Leila Haddad")}),
    # verbs that choose someone for a post only with a post named
    ("Prime Minister Tom Bell promoted Sara Jent to chancellor.", {("Tom Bell", "Sara Jent")}),
    ("Prime Minister Tom Bell elevated Sara Jent to the cabinet as chancellor.", {("Tom Bell", "Sara Jent")}),
    ("President Omar Baki designated Leila Haddad as acting foreign minister.", {("Omar Baki", "Leila Haddad")}),
    ("President Omar Baki has made Leila Haddad his new foreign minister.", {("Omar Baki", "Leila Haddad")}),
    # the owner of the post fills it; a name after a post with "of"
    ("Mia Soto, the former mayor appointed as President Omar Baki's housing chief in March, resigned.",
     {("Omar Baki", "Mia Soto")}),
    ("The Harlow City Council appointed Deputy Chief of Police John Miller as city manager.",
     {("Harlow City Council", "John Miller")}),
    # one act announced, its appointees named after it (in the same sentence or the next)
    ("Prime Minister Tom Bell named a new treasurer and a new transport chief on Tuesday. "
     "Sara Jent was appointed as treasurer and Omar Diaz was appointed as transport chief.",
     {("Tom Bell", "Sara Jent"), ("Tom Bell", "Omar Diaz")}),
    ("Governor Lisa Marsh has named a retired judge her new chancellor. "
     "Ken Ortiz has been tapped to take the post.", {("Lisa Marsh", "Ken Ortiz")}),
    ("Governor Lisa Marsh has appointed her chief of staff, Ken Ortiz, to the state Supreme Court.",
     {("Lisa Marsh", "Ken Ortiz")}),
    ("Ortiz was one of three judges appointed by Governor Lisa Marsh last year.", {("Lisa Marsh", "Ortiz")}),
    ("Boeing has promoted Dennis Mullen as the successor to Jim McNeil as the company's chief executive.",
     {("Boeing", "Dennis Mullen")}),
    # a company announcing an agentless appointment to a post makes it
    ("Bob Chapman has been named chief executive, Walt Disney Co. said on Tuesday.", {("Walt Disney Co.", "Bob Chapman")}),
    # a reshuffle's agent makes the agentless appointments after it, not those dated before it
    ("Prime Minister Tom Bell reshuffled his cabinet on Monday. Sara Jent was appointed finance minister. "
     "Omar Diaz, who was appointed health minister in 2015, kept his post.", {("Tom Bell", "Sara Jent")}),
]


@pytest.mark.parametrize("text,expected", APPOINTMENTS, ids=[t for t, _ in APPOINTMENTS])
def test_appointment_forms(extract, text, expected):
    assert {(s, o) for s, _, o in plain(extract(text), {"appointed"})} == expected


NO_APPOINTMENT = [
    "Lisa Marsh made Raj Patel a target of her criticism.",
    "Kestrel Motors promoted Nina Vale for her work on the merger.",
    "Lisa Marsh made Raj Patel an offer for the job.",
    "Lisa Marsh elevated the issue to the top of her agenda.",
    "The senator made Raj Patel, her chief of staff, the face of the campaign.",
    "In the governor's race, Democrats tapped Sheriff Lupe Vargas to take on Governor Greg Allen in November.",
    "Sara Jent was appointed finance minister. Omar Diaz was appointed health minister.",
    "Sara Jent was appointed finance minister, her spokesman Omar Diaz said.",
    "Sara Jent was named player of the year, the Premier League said.",
    "Mayor Ana Lind had already named Carl Ek, her former aide, as her pick in the race.",
    "Lisa Marsh named Raj Patel as the source of the leak.",
    "Forbes named Lisa Marsh the most powerful woman in business.",
]


@pytest.mark.parametrize("text", NO_APPOINTMENT)
def test_no_appointment_without_a_post(extract, text):
    assert plain(extract(text), {"appointed"}) == set()


def test_a_participle_misparsed_inside_a_relative_clause_is_nobody_s_act(extract):
    """"X, who was appointed by Y, named Z her deputy": the parse hangs "named" on Y; Y named nobody."""
    facts = plain(extract("Lisa Marsh, who was appointed by Governor Amy Webb, named Raj Patel her deputy."), {"appointed"})
    assert ("Amy Webb", "appointed", "Lisa Marsh") in facts
    assert ("Amy Webb", "appointed", "Raj Patel") not in facts


def test_an_abbreviated_title_alone_is_no_appointer(extract):
    # Regression: "by the new PM" made an entity "PM" the appointer; "PM" is a title (kg:Position).
    text = "Ana Ruiz, a longtime ally, was appointed transport minister by the new PM."
    facts = extract(text).facts
    assert not any(f.relation == "appointed" and f.subject.label == "PM" for f in facts)
    assert "PM" not in {e.label for e in extract(text).entities}
