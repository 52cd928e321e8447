"""Coreference and polarity on news wording, on sentences written for these tests."""

import pytest

from ..conftest import plain

ASSERTED = [
    # an object pronoun is never its own clause's subject, even when that subject was the last one named
    ("Rita Moreno lost the primary to Lisa Ortiz. Moreno conceded and endorsed her in the mayoral race.",
     {("Rita Moreno", "endorses", "Lisa Ortiz")}),
    # a pronoun after a sentence about someone's plans is that someone, not the last name in it
    ("Varga's plans include protecting Medicare. He has been endorsed by the Ohio Nurses Association.",
     {("Ohio Nurses Association", "endorses", "Varga")}),
    # a possessive description named after the phrase that holds it
    ("Rita Moreno also won the backing of her predecessor in the governorship, Carlos Ibarra (1995-2002), "
     "the centrist who beat her in 2010.", {("Carlos Ibarra", "endorses", "Rita Moreno")}),
    ("Rita Moreno won the backing of her predecessor in the governorship, Carlos Ibarra, before the runoff.",
     {("Carlos Ibarra", "endorses", "Rita Moreno")}),
    # the same, parsed as a conjunct without "and"
    ("Ana Lind also won the backing of her predecessor in the presidency, Paulo Ramos Cardozo (1995-2002), "
     "the center-right politician who defeated her in the 1994 and 1998 elections.",
     {("Paulo Ramos Cardozo", "endorses", "Ana Lind")}),
    # "followed suit", "did the same": the previous sentence's facts, with a new subject
    ("Senator Ada Vance endorsed Mayor Lisa Ortiz in the primary. Governor Tom Greer followed suit.",
     {("Ada Vance", "endorses", "Lisa Ortiz"), ("Tom Greer", "endorses", "Lisa Ortiz")}),
    ("The Harbor Union endorsed Lisa Ortiz on Monday. A day later, the Dock Workers Guild did the same.",
     {("Harbor Union", "endorses", "Lisa Ortiz"), ("Dock Workers Guild", "endorses", "Lisa Ortiz")}),
    ("Senator Ada Vance endorsed Mayor Lisa Ortiz in the primary. Governor Tom Greer did not follow suit.",
     {("Ada Vance", "endorses", "Lisa Ortiz")}),
    ("Lisa Ortiz and Rita Moreno will face each other in a runoff. Tom Greer followed suit.", set()),
    # "they" for the people just coordinated, and only for them
    ("Senator Ada Vance and Governor Tom Greer endorsed Lisa Ortiz in 2016. They also backed Rita Moreno in the Senate race.",
     {("Ada Vance", "endorses", "Lisa Ortiz"), ("Tom Greer", "endorses", "Lisa Ortiz"),
      ("Ada Vance", "endorses", "Rita Moreno"), ("Tom Greer", "endorses", "Rita Moreno")}),
    ("Senator Ada Vance endorsed Mayor Lisa Ortiz. Lisa Ortiz met voters. They also backed Rita Moreno in the Senate race.",
     {("Ada Vance", "endorses", "Lisa Ortiz")}),
    ("Voters turned out in Dallas. They also backed Rita Moreno in the Senate race.", set()),
]


@pytest.mark.parametrize("text,expected", ASSERTED, ids=[t for t, _ in ASSERTED])
def test_asserted(extract, text, expected):
    assert plain(extract(text), {"endorses"}) == expected


NOT_ASSERTED = [
    # "no way" heading the clause denies it
    "Omar Dlamini lost to Teresa Novak. \"There is no way I am going to endorse her,\" Dlamini said.",
]


@pytest.mark.parametrize("text", NOT_ASSERTED)
def test_not_asserted(extract, text):
    assert plain(extract(text), {"endorses"}) == set()


def test_refused_repeat_is_denied(extract):
    facts = extract("Senator Ada Vance endorsed Mayor Lisa Ortiz in the primary. Governor Tom Greer did not follow suit.").facts
    denied = {(f.subject.label, f.object.label) for f in facts if f.evidence.polarity == "negative"}
    assert ("Tom Greer", "Lisa Ortiz") in denied
