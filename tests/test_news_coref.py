"""Coreference and polarity on news wording, on sentences written for these tests."""

import pytest

from .conftest import plain

ASSERTED = [
    # an object pronoun is never its own clause's subject, even when that subject was the last one named
    ("Rita Moreno lost the primary to Lisa Ortiz. Moreno conceded and endorsed her in the mayoral race.",
     {("Rita Moreno", "endorses", "Lisa Ortiz")}),
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
