"""Positions as the text scopes them: "attorney general of Texas" is not the US attorney general.

A title's label is the title noun and the words that belong to it ("chief financial officer",
"minister of finance"), never a description of its holder ("ardent", "first", "centrist"). Its
**scope** is the organisation or place the text ties it to: a modifier ("Texas Attorney General",
"US attorney general", "the Senate Judiciary Committee chairman"), a possessive ("Alabama's
attorney general", "Brazil's president") or a prepositional object ("attorney general of
Texas", "coach at Auburn"); the scope leads the label ("Texas attorney general") and the bare
title is a mention of it. A title the
text leaves unscoped ("the president") is scoped to its document (:attr:`kg.model.Entity.scope`),
so unrelated presidents of a corpus never share one node.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from kg.model import Entity
from kg.names import name_key
from kg.ontology import position_words

NOT_TITLE_ADJECTIVES = {
    "former", "current", "new", "then", "late", "longtime", "veteran", "great", "top", "outgoing",
    "incoming", "popular", "powerful", "influential", "retired", "previous", "last", "sitting",
    "incumbent", "embattled", "ousted", "beleaguered", "disgraced", "outspoken", "young", "legendary",
}
# Words that describe a holder, never part of the office: "ardent defender", "second lawmaker",
# "centrist senator", "ex-president" (the prefix split off), "prominent congresswoman".
_DESCRIBING = NOT_TITLE_ADJECTIVES | {
    "ardent", "staunch", "vocal", "prominent", "famous", "well-known", "controversial", "fellow",
    "old", "female", "male", "first", "second", "third", "fourth", "fifth", "next", "most", "ex",
    "re", "centrist", "progressive", "socialist", "liberal", "conservative", "moderate", "populist",
    "nationalist", "leftist", "billionaire", "millionaire", "gop", "republican", "democratic",
    "democrat", "key", "leading", "longstanding", "two-term", "three-term", "one-term",
}
# Adjectives that make a noun a description of someone's views, not an office ("a staunch defender").
_EVALUATIVE = {
    "ardent", "staunch", "vocal", "fierce", "outspoken", "harsh", "frequent", "loyal", "avid",
    "passionate", "fervent", "tireless", "devoted", "strong", "fiercest", "biggest",
}
_SCOPE_ENTITIES = {"GPE", "LOC", "NORP", "ORG", "FAC"}
_SCOPE_PREPOSITIONS = {"of", "at", "for", "in"}
_ABBREVIATION = re.compile(r"^(?:[A-Z]\.){2,}$")


def _part_of_title(word: Token, capitalised: bool) -> bool:
    if word.lower_ in _DESCRIBING or word.ent_type_ in ("ORDINAL", "CARDINAL") or word.tag_ in ("JJS", "JJR", "RBS"):
        return False
    if word.ent_type_ in ("PERSON", *_SCOPE_ENTITIES) or any(c.like_num for c in word.children):
        return False  # "Robert Chen attorney general", "two-term mayor", "Alabama senator": scope, not title
    if word.dep_ == "amod":  # "chief financial officer", not "former" or "Republican"
        lowercase = word.text.islower() or (word.is_sent_start and word.text[1:].islower())
        return word.pos_ == "ADJ" and lowercase
    if word.pos_ == "PROPN":  # "Interior Minister", "Museum director", not "Clemson football coach"
        return (capitalised and word.text[:1].isupper()) or (word.is_sent_start and not word.ent_type_)
    return word.pos_ == "NOUN" or word.lower_ in position_words()


def _entity_bounds(token: Token) -> tuple[int, int]:
    """The token range of the named entity ``token`` belongs to (itself if none)."""
    doc = token.doc
    start, end = token.i, token.i + 1
    if token.ent_iob_ in ("B", "I"):
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
    return start, end


def _named_apart(word: Token, title: Token) -> bool:
    """Is ``word`` part of a name (a person, place or organisation) that does not include the title
    itself ("Texas", not "Finance" of a "Minister of Finance" the model took for an organisation)?"""
    if word.ent_type_ not in ("PERSON", *_SCOPE_ENTITIES):
        return False
    start, end = _entity_bounds(word)
    return not start <= title.i < end


def _of_objects(token: Token) -> list[Token]:
    """The words of an "of" phrase that belong to the title: "minister of finance", "chief of
    staff", "Minister of Foreign Affairs"; not a place or organisation ("of Texas", "of the Senate")."""
    words: list[Token] = []
    for prep in token.rights:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or obj.pos_ not in ("NOUN", "PROPN") or _named_apart(obj, token):
                continue
            parts = [c for c in obj.children if c.dep_ in ("compound", "amod") and c.i < obj.i]
            if any(c.dep_ in ("det", "poss", "prep") for c in obj.children) or any(list(c.children) for c in parts):
                continue
            if obj.pos_ == "PROPN" and not token.text[:1].isupper():
                continue  # "coach of Auburn": a scope
            words += [prep, *parts, obj]
    return words


def title_words(token: Token, siblings: tuple[Token, ...] = ()) -> list[Token]:
    """The words of the title ``token`` heads, in order: its noun modifiers and "of" phrase, without
    the words that describe its holder."""
    capitalised = token.text[:1].isupper()
    words = [c for c in (*siblings, *token.lefts) if c.dep_ in ("compound", "amod") and _part_of_title(c, capitalised)]
    words = [w for c in words for w in c.subtree if w.dep_ in ("compound", "amod") and _part_of_title(w, capitalised)]
    return sorted({w.i: w for w in (*words, token, *_of_objects(token))}.values(), key=lambda w: w.i)


def position_label(token: Token, siblings: tuple[Token, ...] = ()) -> str:
    """"campaign manager", "football coach", "attorney general", "minister of finance": the title
    noun (singular) and its noun modifiers, without the words that describe its holder."""
    head = token.lemma_.lower() if token.tag_ in ("NNS", "NNPS") else token.lower_  # "commissioners"
    return " ".join(head if w.i == token.i else w.lower_ for w in title_words(token, siblings))


def _entity_text(token: Token) -> str:
    """The named entity ``token`` belongs to, without a leading "the" or a trailing "'s"."""
    doc = token.doc
    start, end = _entity_bounds(token)
    if token.ent_iob_ not in ("B", "I"):  # a proper noun the model left untyped: it and its compounds ("the Judiciary Committee")
        start = min([token.i] + [c.i for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"])
    words = [t for t in doc[start:end] if t.tag_ != "POS" and t.lower_ not in ("the", "'s", "’s")]
    return " ".join(_plain(t.text) for t in words)


def _plain(word: str) -> str:
    """"U.S." -> "US": one spelling of an abbreviated place."""
    return word.replace(".", "") if _ABBREVIATION.match(word) else word


def scope_of(token: Token, siblings: tuple[Token, ...] = ()) -> str | None:
    """The organisation or place the title ``token`` is tied to in the text, if any."""
    candidates = [s for s in siblings if s.i < token.i]
    candidates += [c for c in token.lefts if c.dep_ in ("compound", "amod", "poss", "nmod")]
    candidates = [w for c in candidates for w in c.subtree if w.i < token.i]
    for prep in token.rights:
        if prep.dep_ == "prep" and prep.lower_ in _SCOPE_PREPOSITIONS:
            candidates += [c for c in prep.children if c.dep_ == "pobj"]
    for word in candidates:
        if (word.ent_type_ in _SCOPE_ENTITIES and _named_apart(word, token)) or (
                word.dep_ == "pobj" and word.pos_ == "PROPN" and not word.ent_type_):
            text = _entity_text(word)
            if text:
                return text
    return None


def position(token: Token, siblings: tuple[Token, ...] = (), doc_id: str = "") -> Entity | None:
    """The position the title ``token`` names: scoped by the text, else by the document ``doc_id``;
    none for a description ("an ardent defender of the plan")."""
    if any(c.dep_ == "amod" and c.lower_ in _EVALUATIVE for c in token.children):
        return None
    label = position_label(token, siblings)
    scope = scope_of(token, siblings)
    if scope is None:
        return Entity(label, "Position", scope=doc_id)
    if name_key(scope) in name_key(label):
        return Entity(label, "Position")
    return Entity(f"{scope} {label}", "Position", frozenset({label}))  # "mayor" stays a mention


def phrase_position(token: Token, label: str, doc_id: str) -> Entity:
    """A position given as a phrase ("running for governor of Alabama"): scoped to the document
    unless the phrase names a place or organisation."""
    named = any(w.ent_type_ in _SCOPE_ENTITIES or (w.pos_ == "PROPN" and w.i != token.i) for w in token.subtree)
    return Entity(label, "Position", scope="" if named else doc_id)
