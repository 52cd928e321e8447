"""kg.ruler: spaCy's attribute ruler as array look-ups gives spaCy's annotation, token for token."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

from spacy.pipeline import AttributeRuler  # noqa: E402

from kg import ruler  # noqa: E402
from kg.nlp import resolve_model_name  # noqa: E402

# Invented sentences that reach the ruler's exceptions: negation, contractions, "ai n't", "gon na",
# "y'all", "nothin'", expletive "there", pronouns by role, auxiliaries as main verbs, "that" as a
# pronoun, "but" as an adverb, runs of whitespace, and an empty text.
TEXTS = [
    "Mayor Lina Okoro didn't endorse anyone, and she ain't gonna change her mind.",
    "Y'all know there is nothin' I can do, the coach said. It gets worse: he got fired.",
    "I told you that. You asked me, and I asked it of them; do they have it?",
    "Is it true that the council has what it needs? It is, but only just.",
    "The  senator   spoke.\n\nThen  she left.  \t ",
    "We're sure they'd have done it if they could've. That's all.",
    "",
    "Let's go. C'mon, everybody got ta vote; there were many who did.",
]


def annotation(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_) for t in doc]


@pytest.fixture(scope="module")
def pipelines(nlp):
    plain = spacy.load(resolve_model_name())
    if "attribute_ruler" not in plain.pipe_names:
        pytest.skip("this pipeline has no attribute ruler")
    return plain, ruler.install(spacy.load(resolve_model_name()))


def test_the_table_replaces_the_ruler(pipelines):
    plain, table = pipelines
    assert isinstance(table.get_pipe("attribute_ruler"), ruler.AttributeTable)
    assert table.pipe_names == plain.pipe_names
    assert table.get_pipe("attribute_ruler").patterns == plain.get_pipe("attribute_ruler").patterns


@pytest.mark.parametrize("batch_size", [1, 3, 64])
def test_same_annotation_as_spacy_in_batches(pipelines, batch_size):
    plain, table = pipelines
    expected = [annotation(doc) for doc in plain.pipe(TEXTS, batch_size=batch_size)]
    assert [annotation(doc) for doc in table.pipe(TEXTS, batch_size=batch_size)] == expected


def test_same_annotation_one_document_at_a_time(pipelines):
    plain, table = pipelines
    for text in TEXTS:
        assert annotation(table(text)) == annotation(plain(text))


def test_the_table_pickles_and_annotates_the_same(pipelines):
    import pickle

    plain, table = pipelines
    copy = pickle.loads(pickle.dumps(table.get_pipe("attribute_ruler")))
    assert isinstance(copy, ruler.AttributeTable)
    for text in TEXTS[:3]:
        doc = table.make_doc(text)
        for name, component in table.pipeline:
            doc = copy(doc) if name == "attribute_ruler" else component(doc)
        assert annotation(doc) == annotation(plain(text))


def test_the_kg_pipeline_has_the_table(nlp):
    if "attribute_ruler" in nlp.pipe_names:
        assert isinstance(nlp.get_pipe("attribute_ruler"), ruler.AttributeTable)


def test_a_pattern_beyond_the_table_keeps_spacys_ruler():
    nlp = spacy.blank("en")
    own = nlp.add_pipe("attribute_ruler")
    own.add([[{"LOWER": "big"}, {"LOWER": "deal", "OP": "+"}]], {"LEMMA": "matter"})
    ruler.install(nlp)
    kept = nlp.get_pipe("attribute_ruler")
    assert isinstance(kept, AttributeRuler) and not isinstance(kept, ruler.AttributeTable)


def test_equal_in_not_in_and_regex_on_a_blank_pipeline():
    rules = [
        {"patterns": [[{"LOWER": "alpha"}]], "attrs": {"LEMMA": "a"}},
        {"patterns": [[{"LOWER": {"IN": ["beta", "gamma"]}}]], "attrs": {"LEMMA": "b"}},
        {"patterns": [[{"LOWER": {"REGEX": "^del+ta$"}}, {"IS_PUNCT": True}]], "attrs": {"LEMMA": "d"}, "index": -2},
        {"patterns": [[{"LOWER": {"NOT_IN": ["alpha", "beta", "gamma", "dellta", "."]}}]], "attrs": {"NORM": "x"}},
        {"patterns": [[{"LOWER": "gamma"}]], "attrs": {"LEMMA": "g"}},  # later: wins over "b"
    ]
    texts = ["Alpha beta gamma dellta.", "delta", "Gamma omega delllta!", "", "ends in dellta", "! starts a text"]
    plain, table = spacy.blank("en"), spacy.blank("en")
    plain.add_pipe("attribute_ruler").add_patterns(rules)
    table.add_pipe("attribute_ruler").add_patterns(rules)
    ruler.install(table)
    assert isinstance(table.get_pipe("attribute_ruler"), ruler.AttributeTable)

    def seen(doc):
        return [(t.text, t.lemma_, t.norm_) for t in doc]

    assert [seen(d) for d in table.pipe(texts, batch_size=3)] == [seen(d) for d in plain.pipe(texts)]
    assert seen(table("Alpha beta gamma dellta.")) == [("Alpha", "a", "alpha"), ("beta", "b", "beta"),
                                                     ("gamma", "g", "gamma"), ("dellta", "d", "dellta"), (".", "", ".")]
