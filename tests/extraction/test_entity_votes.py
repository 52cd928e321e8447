"""How a document's mentions type a name (hand-built parses: no model needed)."""

import spacy
from spacy.tokens import Doc

from kg.extraction.entities import EntityIndex

VOCAB = spacy.blank("en").vocab
WORDS = ["Gala", "Varn", "will", "face", "Oto", "Pell", ".", "Varn", "won", "the", "vote", ".", "Varn", "spoke", "."]
HEADS = [1, 3, 3, 3, 5, 3, 3, 8, 8, 10, 8, 8, 13, 13, 13]
DEPS = ["compound", "nsubj", "aux", "ROOT", "compound", "dobj", "punct", "nsubj", "ROOT", "det", "dobj", "punct", "nsubj",
        "ROOT", "punct"]
POS = ["PROPN", "PROPN", "AUX", "VERB", "PROPN", "PROPN", "PUNCT", "PROPN", "VERB", "DET", "NOUN", "PUNCT", "PROPN", "VERB",
       "PUNCT"]


def clusters(ents):
    doc = Doc(VOCAB, words=WORDS, heads=HEADS, deps=DEPS, pos=POS, ents=ents)
    return {(c.type, tuple(m.name for m in c.mentions)) for c in EntityIndex(doc).clusters}


def test_a_surname_tagged_as_a_person_makes_the_mistyped_full_name_a_person():
    """The model tags "Gala Varn" an organisation and "Varn" a person twice: one person."""
    ents = ["B-ORG", "I-ORG", "O", "O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "O", "O", "O", "O", "B-PERSON", "O", "O"]
    assert clusters(ents) == {("Person", ("Gala Varn", "Varn", "Varn")), ("Person", ("Oto Pell",))}


def test_a_surname_joins_by_any_of_its_mentions_tags():
    """The first "Varn" tagged an organisation joins too: another "Varn" is tagged a person."""
    ents = ["B-ORG", "I-ORG", "O", "O", "B-PERSON", "I-PERSON", "O", "B-ORG", "O", "O", "O", "O", "B-PERSON", "O", "O"]
    found = clusters(ents)
    assert ("Person", ("Oto Pell",)) in found and len(found) == 2
    assert {names for _, names in found} == {("Gala Varn", "Varn", "Varn"), ("Oto Pell",)}


def test_an_organisation_word_is_never_a_person_whatever_the_model_says():
    """"Parliament" or "Diocese" tagged as a person by the model is an organisation (kg:headWord)."""
    for word in ("Legislature", "Diocese", "Parliament"):
        doc = Doc(VOCAB, words=[word, "voted", "."], heads=[1, 1, 1], deps=["nsubj", "ROOT", "punct"],
                  pos=["PROPN", "VERB", "PUNCT"], ents=["B-PERSON", "O", "O"])
        assert [c.type for c in EntityIndex(doc).clusters] == ["Organization"]


def test_a_share_of_the_vote_is_not_part_of_a_name(extract):
    text = "Ana Ruiz carried the county, beating Omar Baig 61.3 percent to 38.7 percent."
    labels = {e.label for e in extract(text).entities}
    assert "Omar Baig" in labels and not any("percent" in label for label in labels)
