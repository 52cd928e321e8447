"""kg.names.fold: the ASCII shortcut folds exactly as the full Unicode path does."""

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from kg.names import _APOSTROPHES, fold


def slow_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@given(st.text(alphabet=st.characters(max_codepoint=0x7F)))
def test_ascii_shortcut_matches_the_unicode_path(text):
    assert fold(text) == slow_fold(text)


@given(st.text())
def test_any_text(text):
    assert fold(text) == slow_fold(text)


def test_examples():
    assert fold("Inácio O`Neil") == "Inacio O'Neil" and fold("O`Neil") == "O'Neil" and fold("Ruiz") == "Ruiz"
