"""Property: any well-formed dependency tree goes through extraction within a time bound (issue 15).

Random trees over words that fire every frame (triggers, names, pronouns, relative words,
prepositions) with random labels, including the shapes that once hung: a pcomp chain up to a
non-verb root, long conj chains, deep clause nesting. The bound is the real per-document timer.
"""

from __future__ import annotations

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from kg.budget import deadline
from kg.documents import Document
from kg.extraction.extractor import DocumentExtractor
from kg.extraction.frames import LOCAL_DEPTH, _local_tokens

VOCAB = spacy.blank("en").vocab
WORDS = [
    # (word, lemma, pos, tag, entity)
    ("Ana", "Ana", "PROPN", "NNP", "B-PERSON"), ("Ruiz", "Ruiz", "PROPN", "NNP", "I-PERSON"),
    ("Bo", "Bo", "PROPN", "NNP", "B-PERSON"), ("Lind", "Lind", "PROPN", "NNP", "I-PERSON"),
    ("Okafor", "Okafor", "PROPN", "NNP", "B-PERSON"), ("Apex", "Apex", "PROPN", "NNP", "B-ORG"),
    ("he", "he", "PRON", "PRP", "O"), ("him", "he", "PRON", "PRP", "O"), ("his", "his", "PRON", "PRP$", "O"),
    ("himself", "himself", "PRON", "PRP", "O"), ("she", "she", "PRON", "PRP", "O"), ("I", "I", "PRON", "PRP", "O"),
    ("who", "who", "PRON", "WP", "O"), ("that", "that", "SCONJ", "IN", "O"), ("which", "which", "PRON", "WDT", "O"),
    ("endorsed", "endorse", "VERB", "VBD", "O"), ("endorsing", "endorse", "VERB", "VBG", "O"),
    ("appointed", "appoint", "VERB", "VBN", "O"), ("recused", "recuse", "VERB", "VBD", "O"),
    ("face", "face", "VERB", "VB", "O"), ("said", "say", "VERB", "VBD", "O"), ("denied", "deny", "VERB", "VBD", "O"),
    ("forced", "force", "VERB", "VBD", "O"), ("is", "be", "AUX", "VBZ", "O"), ("could", "could", "AUX", "MD", "O"),
    ("endorsement", "endorsement", "NOUN", "NN", "O"), ("runoff", "runoff", "NOUN", "NN", "O"),
    ("supporter", "supporter", "NOUN", "NN", "O"), ("coach", "coach", "NOUN", "NN", "O"),
    ("campaign", "campaign", "NOUN", "NN", "O"), ("decision", "decision", "NOUN", "NN", "O"),
    ("the", "the", "DET", "DT", "O"), ("no", "no", "DET", "DT", "O"), ("not", "not", "PART", "RB", "O"),
    ("of", "of", "ADP", "IN", "O"), ("about", "about", "ADP", "IN", "O"), ("from", "from", "ADP", "IN", "O"),
    ("between", "between", "ADP", "IN", "O"), ("by", "by", "ADP", "IN", "O"), ("as", "as", "ADP", "IN", "O"),
    ("and", "and", "CCONJ", "CC", "O"), (",", ",", "PUNCT", ",", "O"), ("“", "“", "PUNCT", "``", "O"),
    ("”", "”", "PUNCT", "''", "O"), ("(", "(", "PUNCT", "-LRB-", "O"), (".", ".", "PUNCT", ".", "O"),
]
LABELS = [
    "nsubj", "nsubjpass", "dobj", "dative", "pobj", "prep", "pcomp", "ccomp", "xcomp", "advcl", "acl", "relcl",
    "conj", "cc", "appos", "compound", "poss", "amod", "det", "neg", "aux", "auxpass", "agent", "attr", "oprd",
    "advmod", "mark", "npadvmod", "nmod", "prt", "punct", "dep",
]


@st.composite
def trees(draw) -> Doc:
    n = draw(st.integers(1, 40))
    rows = [WORDS[i] for i in draw(st.lists(st.integers(0, len(WORDS) - 1), min_size=n, max_size=n))]
    order = draw(st.permutations(range(n)))  # the first in this order is the root
    heads = list(range(n))
    for rank in range(1, n):
        heads[order[rank]] = order[draw(st.integers(0, rank - 1))]  # a head earlier in the order: no cycle
    deps = [draw(st.sampled_from(LABELS)) for _ in range(n)]
    for i in range(n):
        if heads[i] == i and draw(st.booleans()):
            deps[i] = "ROOT"  # else a root with another label, as a malformed parse might give
    ents = [row[4] for row in rows]
    for i, ent in enumerate(ents):  # IOB needs a B before an I
        if ent.startswith("I-") and (i == 0 or ents[i - 1] == "O"):
            ents[i] = "B-" + ent[2:]
    return Doc(VOCAB, words=[r[0] for r in rows], heads=heads, deps=deps, lemmas=[r[1] for r in rows],
               pos=[r[2] for r in rows], tags=[r[3] for r in rows], ents=ents)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(trees())
def test_any_tree_is_extracted_within_a_second(doc):
    with deadline(1.0):  # raises Overrun: a hang or a blow-up fails the example
        extraction = DocumentExtractor(Document("t", doc.text), doc).run()
    assert extraction.doc_id == "t"
    for fact in extraction.facts:
        assert 0 <= fact.evidence.start <= fact.evidence.end <= len(doc.text)


@settings(max_examples=30, deadline=None)
@given(st.integers(2, 600), st.sampled_from(["pcomp", "conj", "ccomp", "xcomp", "relcl", "prep", "pobj"]))
def test_long_chains_of_one_label(length, label):
    words = ["decision"] + ["endorsing" if k % 2 else "he" for k in range(1, length)]
    doc = Doc(VOCAB, words=words, heads=[0] + list(range(length - 1)), deps=["ROOT"] + [label] * (length - 1),
              pos=["NOUN"] + ["VERB" if k % 2 else "PRON" for k in range(1, length)])
    with deadline(2.0):
        DocumentExtractor(Document("t", doc.text), doc).run()


def _chain(words: list[str], label: str, pos: list[str]) -> Doc:
    return Doc(VOCAB, words=words, heads=[0] + list(range(len(words) - 1)), deps=["ROOT"] + [label] * (len(words) - 1), pos=pos)


def test_a_verbs_own_phrase_is_looked_for_a_few_arcs_down_only():
    doc = _chain(["faced"] + ["in", "runoff"] * 300, "prep", ["VERB"] + ["ADP", "NOUN"] * 300)
    assert len(_local_tokens(doc[0])) == LOCAL_DEPTH + 1


@pytest.mark.parametrize("label", ["prep", "pobj", "relcl", "conj"])
def test_a_run_on_sentence_naming_a_runoff_stays_linear(label):
    # every verb once walked the whole chain below it and every pronoun the whole sentence before it
    words = ["runoff"] + ["faced" if k % 2 else "he" for k in range(1, 1500)]
    doc = _chain(words, label, ["NOUN"] + ["VERB" if k % 2 else "PRON" for k in range(1, 1500)])
    with deadline(10.0):  # a hang guard: about 0.5 s now, 15 s and more when it was quadratic
        DocumentExtractor(Document("t", doc.text), doc).run()
