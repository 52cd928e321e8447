"""Bounded parse-tree helpers on hand-built parses (no model needed)."""

from __future__ import annotations

import threading

import pytest
import spacy
from spacy.tokens import Doc

from kg.extraction.polarity import stance
from kg.extraction.syntax import (
    ancestors,
    children,
    clause_subjects,
    climb,
    conjuncts,
    edges_up,
    is_root,
    prep_objects,
)

VOCAB = spacy.blank("en").vocab  # English word attributes (lower case, punctuation), no model


def parse(*rows: tuple[str, int, str, str]) -> Doc:
    """A Doc from ``(word, head index, label, pos)`` rows."""
    words, heads, deps, pos = zip(*rows, strict=True)
    return Doc(VOCAB, words=list(words), heads=list(heads), deps=list(deps), pos=list(pos))


def finishes(function, *args, seconds: float = 5.0):
    """``function(*args)``'s value, failing the test (not hanging it) if it runs past ``seconds``."""
    box: list = []
    worker = threading.Thread(target=lambda: box.append(function(*args)), daemon=True)
    worker.start()
    worker.join(seconds)
    assert box, f"{function.__name__} did not finish within {seconds} s"
    return box[0]


def test_a_self_headed_token_with_another_label_is_a_root():
    doc = parse(("of", 0, "prep", "ADP"), ("running", 0, "pcomp", "VERB"))
    assert is_root(doc[0]) and not is_root(doc[1])
    assert [t.i for t in ancestors(doc[1])] == [0]
    assert list(ancestors(doc[0])) == []
    assert [(c.i, h.i) for c, h in edges_up(doc[1])] == [(1, 0)]


def test_the_two_word_fragment_that_hung_coreference():
    # "of running": a pcomp whose chain reaches a root that is not a verb
    doc = parse(("of", 0, "prep", "ADP"), ("running", 0, "pcomp", "VERB"))
    assert finishes(clause_subjects, doc[1]) == []


def test_a_headline_fragment_climbs_to_its_noun_root_and_stops():
    # "His decision about endorsing Tuberville."
    doc = parse(
        ("His", 1, "poss", "PRON"), ("decision", 1, "ROOT", "NOUN"), ("about", 1, "prep", "ADP"),
        ("endorsing", 2, "pcomp", "VERB"), ("Tuberville", 3, "dobj", "PROPN"), (".", 1, "punct", "PUNCT"),
    )
    assert finishes(clause_subjects, doc[3]) == []
    assert climb(doc[3], lambda t: t.pos_ == "VERB").i == 1  # no verb above: the root
    assert finishes(stance, doc[3]).polarity == "positive"


def test_polarity_stops_at_a_self_headed_token_with_an_embedding_label():
    # the root is labelled "ccomp": the walk must stop there, not loop on it
    doc = parse(("Lee", 1, "nsubj", "PROPN"), ("backed", 1, "ccomp", "VERB"), ("Kim", 1, "dobj", "PROPN"))
    assert finishes(stance, doc[1]).polarity == "positive"
    assert finishes(stance, doc[2]).polarity == "positive"


def test_pcomp_finds_the_subject_of_the_verb_above():
    # "Sessions had no regrets about recusing himself"
    doc = parse(
        ("Sessions", 1, "nsubj", "PROPN"), ("had", 1, "ROOT", "VERB"), ("no", 3, "det", "DET"),
        ("regrets", 1, "dobj", "NOUN"), ("about", 3, "prep", "ADP"), ("recusing", 4, "pcomp", "VERB"),
        ("himself", 5, "dobj", "PRON"),
    )
    assert [t.i for t in clause_subjects(doc[5])] == [0]


def test_walks_end_on_a_cycle():
    # the parser never makes one, but a malformed tree must not hang a walk
    doc = parse(("a", 1, "pcomp", "VERB"), ("b", 0, "pcomp", "NOUN"), ("c", 1, "dobj", "NOUN"))
    assert [t.i for t in finishes(list, ancestors(doc[2]))] == [1, 0]
    assert finishes(clause_subjects, doc[0]) == []
    assert finishes(stance, doc[2]).polarity == "positive"


def test_a_deep_chain_of_clauses_is_walked_without_recursion():
    depth = 5000  # "ran and ran and ran ..." far past Python's recursion limit
    rows = [("ran", 0, "ROOT", "VERB")] + [("ran", i, "conj", "VERB") for i in range(depth - 1)]
    doc = parse(*rows)
    assert len(list(ancestors(doc[depth - 1]))) == depth - 1
    assert climb(doc[depth - 1], lambda t: t.dep_ == "ROOT").i == 0
    assert finishes(stance, doc[depth - 1]).polarity == "positive"  # walked to the root
    half = depth // 2  # "... believe that ran and ran ...": a verb of belief halfway up reports what is below
    rows[half] = ("believe", half - 1, "conj", "VERB")
    rows[half + 1] = ("ran", half, "ccomp", "VERB")
    assert finishes(stance, parse(*rows)[depth - 1]).polarity == "reported"


def test_conjuncts_of_a_long_list_without_recursion():
    n = 3000
    rows = [("met", 0, "ROOT", "VERB"), ("A0", 0, "dobj", "PROPN")]
    for k in range(1, n):  # a chained coordination: each item hangs from the one before
        rows += [(",", len(rows) - 1, "punct", "PUNCT"), (f"A{k}", len(rows) - 1, "conj", "PROPN")]
    doc = parse(*rows)
    items = conjuncts(doc[1])
    assert [t.text for t in items] == [f"A{k}" for k in range(n)]
    assert [t.text for t in conjuncts(doc[5])] == [f"A{k}" for k in range(2, n)]  # only those after


def test_prepositional_objects_and_their_conjuncts():
    # "support for Ana and Ben from Cy"
    doc = parse(
        ("support", 0, "ROOT", "NOUN"), ("for", 0, "prep", "ADP"), ("Ana", 1, "pobj", "PROPN"),
        ("and", 2, "cc", "CCONJ"), ("Ben", 2, "conj", "PROPN"), ("from", 0, "prep", "ADP"), ("Cy", 5, "pobj", "PROPN"),
    )
    assert [t.text for t in prep_objects(doc[0], ("for",))] == ["Ana", "Ben"]
    assert [t.text for t in prep_objects(doc[0], ("from", "by"))] == ["Cy"]
    assert [t.text for t in children(doc[0], "prep")] == ["for", "from"]


def test_clause_subjects_follow_conjunction_and_relative_clauses():
    # "Ana and Ben met and talked" / "the man who left"
    doc = parse(
        ("Ana", 2, "nsubj", "PROPN"), ("and", 0, "cc", "CCONJ"), ("met", 2, "ROOT", "VERB"),
        ("Ben", 0, "conj", "PROPN"), ("talked", 2, "conj", "VERB"),
    )
    assert [t.text for t in clause_subjects(doc[4])] == ["Ana", "Ben"]
    rel = parse(("man", 0, "ROOT", "NOUN"), ("who", 2, "nsubj", "PRON"), ("left", 0, "relcl", "VERB"), ("home", 2, "dobj", "NOUN"))
    assert [t.text for t in clause_subjects(rel[3].head)] == ["who"]
    no_subject = parse(("man", 0, "ROOT", "NOUN"), ("left", 0, "relcl", "VERB"))
    assert [t.text for t in clause_subjects(no_subject[1])] == ["man"]


@pytest.mark.parametrize("label", ["conj", "xcomp", "advcl", "pcomp", "relcl", "nsubj"])
def test_clause_subjects_stop_at_a_self_headed_token_whatever_its_label(label):
    doc = parse(("left", 0, label, "VERB"), ("home", 0, "dobj", "NOUN"))
    assert finishes(clause_subjects, doc[0]) in ([], [doc[0]])


def _control_chain(length: int) -> Doc:
    """"Ana tried to try to ... endorse": a subject, then ``length`` verbs, each the xcomp of the one before."""
    rows = [("Ana", 1, "nsubj", "PROPN"), ("tried", 1, "ROOT", "VERB")]
    rows += [("try", k, "xcomp", "VERB") for k in range(1, length)]
    return parse(*rows)


def test_a_subject_is_found_a_few_clauses_up():
    doc = _control_chain(6)
    assert [s.text for s in clause_subjects(doc[-1])] == ["Ana"]


def test_the_search_for_a_subject_stops_after_a_bounded_number_of_clauses():
    # Regression: every verb of a long chain walked to its top, quadratic in the chain (a 600-token
    # chain took seconds); the walk now stops, so the whole chain costs linear time.
    doc = _control_chain(200)
    assert clause_subjects(doc[-1]) == []
    assert [s.text for s in clause_subjects(doc[5])] == ["Ana"]
