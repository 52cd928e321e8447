"""How news tells an endorsement, on sentences written for these tests (never copied from news)."""

import pytest

from ..conftest import plain

ASSERTED = [
    # support for a candidate is an endorsement when the passage around it is about a race
    ("Nadia Ferro is running for mayor of Eastport. The Eastport Teachers Union is supporting her.",
     {("Eastport Teachers Union", "endorses", "Nadia Ferro")}),
    ("Tomas Brandt leads the race for governor. He has the support of Mayor Ilse Kron, who praised his budget plans.",
     {("Ilse Kron", "endorses", "Tomas Brandt")}),
    ("The Harbor Nurses Guild is supporting Dana Whitfield for mayor.",
     {("Harbor Nurses Guild", "endorses", "Dana Whitfield")}),
    # a newspaper's editorial board speaks for the newspaper
    ("The Valley Courier's Editorial Board announced Monday that the newspaper is backing Ana Ruiz for governor.",
     {("Valley Courier", "endorses", "Ana Ruiz")}),
    ("The Lakeside Gazette Editorial Board endorsed Ben Okoro in the mayoral race.",
     {("Lakeside Gazette", "endorses", "Ben Okoro")}),
    # organisations: their whole names, title-like words included, determiners and "pro-X" left out
    ("Ana Ruiz, backed by the pro-Western Liberal Party, won a third of the vote in the presidential race.",
     {("Liberal Party", "endorses", "Ana Ruiz")}),
    ("The Green Party endorsed Ana Ruiz for mayor.", {("Green Party", "endorses", "Ana Ruiz")}),
    ("The Daily Clarion endorsed the Labour party in the general election.",
     {("Daily Clarion", "endorses", "Labour party")}),
    ("The Brick Workers union endorsed Ana Ruiz for governor.", {("Brick Workers", "endorses", "Ana Ruiz")}),
    ("Ana Ruiz won the backing of the American Federation of Clerks, Porters, and Rail Employees in the primary.",
     {("American Federation of Clerks, Porters, and Rail Employees", "endorses", "Ana Ruiz")}),
]


@pytest.mark.parametrize("text,expected", ASSERTED, ids=[t for t, _ in ASSERTED])
def test_asserted(extract, text, expected):
    assert plain(extract(text), {"endorses"}) == expected


NOT_ASSERTED = [
    # support outside any race is not an endorsement
    "The Eastport Teachers Union is supporting Nadia Ferro in her lawsuit against the city.",
    # support "for the president" is for a person, not for an office; two sentences away is another topic
    "Nadia Ferro and Ivo Marek will meet in a runoff. Ferro thanked her staff. "
    "In a letter, Marek pledged support for the president.",
]


@pytest.mark.parametrize("text", NOT_ASSERTED)
def test_not_asserted(extract, text):
    assert plain(extract(text), {"endorses"}) == set()


def test_a_bracketed_acronym_names_the_organisation_before_it(extract):
    text = ("The Free Farmers Movement (OZV) will hold its congress in May. "
            "On Monday the OZV endorsed Ana Ruiz in the presidential race.")
    entities = {e.label: e for e in extract(text).entities}
    assert "OZV" in entities["Free Farmers Movement"].aliases
    assert plain(extract(text), {"endorses"}) == {("Free Farmers Movement", "endorses", "Ana Ruiz")}
