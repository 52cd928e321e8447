"""Lemma look-ups that survive the small model's lemmatiser ("hopes" -> "hop")."""

from __future__ import annotations

from collections.abc import Collection
from functools import lru_cache

from spacy.tokens import Token

_SUFFIXES = ("ing", "es", "ed", "s", "d")


def lemmas(token: Token) -> tuple[str, ...]:
    """The model's lemma, then the word itself with common inflections undone."""
    return _forms(token.lemma_.lower(), token.lower_)


@lru_cache(maxsize=65536)  # words repeat; bounded, so memory stays flat
def _forms(lemma: str, word: str) -> tuple[str, ...]:
    out = [lemma, word]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            out += [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])  # "backing" is fine, "planned" -> "plan"
    return tuple(dict.fromkeys(out))


def lemma_in(token: Token, words: Collection[str]) -> str | None:
    """The first of :func:`lemmas` found in ``words``."""
    lemma = token.lemma_.lower()
    if lemma in words:
        return lemma
    return next((lemma for lemma in lemmas(token)[1:] if lemma in words), None)
