"""Who appoints: organisations that act through their boards, and names NER cuts short.

Invented sentences, written for these tests."""

from __future__ import annotations

import pytest

from ..conftest import plain

APPOINTED = ("appointed",)

BODIES = [
    # an organisation's board acts for it, however the text names the board
    ("Kestrel Foods' board of directors named Mia Sorensen interim chief executive.",
     {("Kestrel Foods", "appointed", "Mia Sorensen")}),
    ("The Kestrel Foods board named Mia Sorensen as interim chief executive on Monday.",
     {("Kestrel Foods", "appointed", "Mia Sorensen")}),
    ("The board of Kestrel Foods appointed Mia Sorensen as chief executive.",
     {("Kestrel Foods", "appointed", "Mia Sorensen")}),
    ("The board of directors of Kestrel Foods appointed Mia Sorensen as chief executive.",
     {("Kestrel Foods", "appointed", "Mia Sorensen")}),
    ("Kestrel Foods Inc. said on Monday that its Board of Directors had named its longtime chairman, Dale Ketter, "
     "as chief executive officer.", {("Kestrel Foods Inc.", "appointed", "Dale Ketter")}),
    # a body with no owner in the text stays what it is named
    ("The Board of Directors named Dale Ketter as chief executive.", {("Board of Directors", "appointed", "Dale Ketter")}),
    # the participle misparse ("the board [that was] named X") needs a post or a person as its object
    ("The Kestrel Foods board named in the lawsuit met on Monday.", set()),
    # a strict choice verb names a post by "to serve as"
    ("President Ben Okoro designated Carl Wendt to serve as acting secretary.", {("Ben Okoro", "appointed", "Carl Wendt")}),
    ("President Ben Okoro designated Carl Wendt to serve on a panel.", set()),
    # a university's campus is part of its name
    ("On Friday the University of Texas at Austin named Paul Greer head coach of the football team.",
     {("University of Texas at Austin", "appointed", "Paul Greer")}),
]


@pytest.mark.parametrize("text,expected", BODIES, ids=[t for t, _ in BODIES])
def test_appointers_as_news_names_them(extract, text, expected):
    assert plain(extract(text), APPOINTED) == expected


def test_a_university_at_the_time_is_no_campus(extract):
    entities = {e.label for e in extract("Stanford University at the time hired Ana Ruiz as provost.").entities}
    assert "Stanford University" in entities


ENDORSED = ("endorses",)
REFERENCES = [
    # "whose" stands for the name its relative clause describes
    ("Bo Kim, whose early endorsement of Ana Ruiz caused a stir, still stands by her.", ENDORSED,
     {("Bo Kim", "endorses", "Ana Ruiz")}),
    ("Governor Bo Kim, whose appointment of Ana Ruiz as chief of staff drew fire, spoke on Monday.", APPOINTED,
     {("Bo Kim", "appointed", "Ana Ruiz")}),
    # a participle of saying gives its quotation the speaker of its clause
    ('Ben Lind conceded the race on Tuesday, writing, "Ana Ruiz has my endorsement."', ENDORSED,
     {("Ben Lind", "endorses", "Ana Ruiz")}),
    # a name an editor put in brackets is the quoted clause's subject
    ('"[Ana Ruiz] has my endorsement," Ben Lind said.', ENDORSED, {("Ben Lind", "endorses", "Ana Ruiz")}),
    # a noun coordinated with an owned one shares its owner and its "of"
    ("Ana Ruiz gave her concession speech and endorsement of Bo Kim after the primary.", ENDORSED,
     {("Ana Ruiz", "endorses", "Bo Kim")}),
    ("Ana Ruiz's speech and criticism of Bo Kim came after the primary.", ENDORSED, set()),
]


@pytest.mark.parametrize("text,relations,expected", REFERENCES, ids=[t for t, _, _ in REFERENCES])
def test_references_back_to_a_named_agent(extract, text, relations, expected):
    assert plain(extract(text), relations) == expected


COUNCILS = [
    # "the council" that acts is the one the text made an actor, not the body a seat is sought on
    ("The Harbor Labor Council voted to endorse Ana Ruiz for mayor on Tuesday. Its director said the vote was "
     "unanimous. Members met for hours. Ben Lind is running for the Oak City Council. Cy Dow is the only "
     "candidate endorsed for the Oak City Council. The council also endorsed Eva Moss.",
     {("Harbor Labor Council", "endorses", "Ana Ruiz"), ("Harbor Labor Council", "endorses", "Eva Moss")}),
]


@pytest.mark.parametrize("text,expected", COUNCILS, ids=[t[:60] for t, _ in COUNCILS])
def test_the_council_that_acts(extract, text, expected):
    assert plain(extract(text), ENDORSED) == expected
