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
     "the moderate who had beaten her in two earlier contests.",
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


# Definite descriptions, "it", "did so": invented multi-sentence texts.
RESOLVED = [
    # a description tied to a person by an apposition or a title earlier
    ("Ben Okoro, a former army officer, ran for governor. The ex-soldier won the endorsement of the Harbor "
     "Workers Union on Monday.", {("Harbor Workers Union", "endorses", "Ben Okoro")}),
    ("Judge Ana Ruiz of the circuit court heard the fraud case in March. On Monday the judge recused herself "
     "from the case.", {("Ana Ruiz", "recused_from", "fraud case")}),
    ("Sen. Ben Okoro spoke in Dallas on Monday. The senator endorsed Ana Ruiz for mayor.",
     {("Ben Okoro", "endorses", "Ana Ruiz")}),
    ("Incumbent Ana Ruiz faces Ben Okoro in November. The incumbent won the backing of Cara Lind.",
     {("Cara Lind", "endorses", "Ana Ruiz")}),
    # "the Republican", "the Democrat": a person the party word was tied to, not the party
    ("Republican Tom Greer faces Democrat Rita Moreno. The Democrat was endorsed by Lisa Ortiz on Wednesday.",
     {("Lisa Ortiz", "endorses", "Rita Moreno")}),
    # a title given in a relative clause
    ("Tom Greer, who was elected mayor in 2015, spoke on Tuesday. The mayor endorsed Lisa Ortiz on Wednesday.",
     {("Tom Greer", "endorses", "Lisa Ortiz")}),
    # a title given by a verb: "owns the Lions" -> "the team owner"
    ("Tom Greer owns the Dallas Lions. The team owner appointed Lisa Ortiz as head coach on Monday.",
     {("Tom Greer", "appointed", "Lisa Ortiz")}),
    # "did so" for a recusal
    ("Justice Lisa Ortiz recused herself from the Delmar case on Monday. Justice Tom Greer did so on Tuesday.",
     {("Lisa Ortiz", "recused_from", "Delmar case"), ("Tom Greer", "recused_from", "Delmar case")}),
    # "its endorsement"
    ("The Harbor Workers Union met on Monday. Its endorsement of Lisa Ortiz surprised nobody.",
     {("Harbor Workers Union", "endorses", "Lisa Ortiz")}),
    # an untied description: the one person of the sentence before
    ("Lisa Ortiz won the primary on Tuesday. The populist candidate was endorsed by Mayor Tom Greer.",
     {("Tom Greer", "endorses", "Lisa Ortiz")}),
    # a description that is a subject, after a sentence with two people: that sentence's subject
    ("Lisa Ortiz, a former army officer, beat Rita Moreno in the primary. The ex-soldier was endorsed by the "
     "Harbor Workers Union on Monday.", {("Harbor Workers Union", "endorses", "Lisa Ortiz")}),
    # "the 45-year-old": the person whose age the text gave, not the other one
    ("Ben Okoro, 45, and Ana Ruiz, 52, ran for mayor. The 45-year-old was endorsed by the Harbor Workers Union.",
     {("Harbor Workers Union", "endorses", "Ben Okoro")}),
    # an apposition after a name is a label, not another entity
    ("Ana Ruiz, the populist candidate, won the endorsement of Ben Okoro on Monday.",
     {("Ben Okoro", "endorses", "Ana Ruiz")}),
    # "it": the organisation subject before it, or the organisation its clause's subject speaks for
    ("The Harbor Workers Union met on Monday. It endorsed Ana Ruiz for mayor.",
     {("Harbor Workers Union", "endorses", "Ana Ruiz")}),
    ("Voters met the Dock Workers Guild on Monday. A spokesman for the guild said it is backing Ana Ruiz.",
     {("Dock Workers Guild", "endorses", "Ana Ruiz")}),
    # "the union", "the party": the organisation whose name has the noun, not the one named last
    ("The Harbor Workers Union met reporters from NBC News on Monday. The union endorsed Lisa Ortiz for mayor.",
     {("Harbor Workers Union", "endorses", "Lisa Ortiz")}),
    # "the paper", "the editorial board": the newspaper named before; "the organization": any organisation
    ("The Dallas Tribune published its picks on Sunday. The paper endorsed Tom Greer for mayor.",
     {("Dallas Tribune", "endorses", "Tom Greer")}),
    ("The Dallas Tribune published its picks on Sunday. The editorial board endorsed Tom Greer for mayor.",
     {("Dallas Tribune", "endorses", "Tom Greer")}),
    ("The Harbor Workers Union met on Monday. The organization endorsed Lisa Ortiz.",
     {("Harbor Workers Union", "endorses", "Lisa Ortiz")}),
    # ... but not the news outlet the story cites, named after it
    ("Dana Reyes of the Harbor Workers Union spoke in a live interview on WXYZ's Morning Desk on Sunday. "
     "On Friday the organization said it was endorsing Gov. Lisa Ortiz.",
     {("Harbor Workers Union", "endorses", "Lisa Ortiz")}),
    ("The Harbor Workers Union met on Monday, a spokesman told Channel 9 News. The group endorsed Lisa Ortiz for governor.",
     {("Harbor Workers Union", "endorses", "Lisa Ortiz")}),
    ("The Harbor Workers Union met on Monday, according to the Valley Courier. The group endorsed Lisa Ortiz.",
     {("Harbor Workers Union", "endorses", "Lisa Ortiz")}),
    # "did so" repeats the sentence before with a new subject
    ("Senator Ben Okoro endorsed Ana Ruiz. Governor Cara Lind did so too.",
     {("Ben Okoro", "endorses", "Ana Ruiz"), ("Cara Lind", "endorses", "Ana Ruiz")}),
]


@pytest.mark.parametrize("text,expected", RESOLVED, ids=[t for t, _ in RESOLVED])
def test_descriptions_resolved(extract, text, expected):
    assert plain(extract(text), {"endorses", "recused_from", "appointed"}) == expected


UNRESOLVED = [
    # no antecedent at all
    ("The populist candidate was endorsed by Mayor Ben Okoro.", set()),
    # people named before it in its own sentence come first
    ("Lisa Ortiz won the primary. Since Tom Greer and Rita Moreno lost, the candidate was endorsed by the Harbor "
     "Workers Union.", set()),
    # a former title is not the title ("former president Greer" ... "the president")
    ("The union praised former president Tom Greer on Monday. The president endorsed Lisa Ortiz.", set()),
    # two people in the sentence before and nothing ties the noun to either
    ("Mayor Ben Okoro endorsed Ana Ruiz. The candidate also won the backing of Cara Lind.",
     {("Ben Okoro", "endorses", "Ana Ruiz")}),
    # a title names whoever holds it: no person was called a senator
    ("Ana Ruiz spoke in Dallas on Monday. The senator endorsed Ben Okoro.", set()),
    # the wrong type: an organisation noun never names a person, a person noun never an organisation
    ("Ana Ruiz spoke in Dallas on Monday. The union endorsed Ben Okoro.", set()),
    ("The Harbor Workers Union met on Monday. The ex-soldier was endorsed by Ana Ruiz.", set()),
    # a contrary description: the person tied to "challenger" is not "the incumbent"
    ("Challenger Ana Ruiz spoke in Dallas on Monday. The incumbent was endorsed by Ben Okoro.", set()),
    # the Republican is not "the Democrat"
    ("Republican Tom Greer spoke on Tuesday. The Democrat was endorsed by Lisa Ortiz on Wednesday.", set()),
    # another age
    ("Ben Okoro, 45, ran for mayor. The 61-year-old was endorsed by the Harbor Workers Union.", set()),
    # too far back
    ("Ana Ruiz won the primary on Tuesday. Rain fell in Dallas. Stores closed early. Buses stopped. "
     "Schools shut. The populist candidate was endorsed by the Harbor Workers Union.", set()),
    # a description that picks someone out anew
    ("Ana Ruiz won the primary on Tuesday. The first candidate was endorsed by the Harbor Workers Union.", set()),
    # "the paper" is a newspaper, not the union named last
    ("The Harbor Workers Union met on Monday. The paper endorsed Lisa Ortiz.", set()),
    # "it" with no organisation before it
    ("Ana Ruiz spoke in Dallas on Monday. It endorsed Ben Okoro.", set()),
    # "the party" is not the last organisation when that one's name says it is a court
    ("The Supreme Court met on Monday. The party endorsed Ben Okoro for mayor.", set()),
]


@pytest.mark.parametrize("text,expected", UNRESOLVED, ids=[t for t, _ in UNRESOLVED])
def test_descriptions_unresolved(extract, text, expected):
    assert plain(extract(text), {"endorses", "recused_from"}) == expected


LISTED = [
    # a counted plural stands for the people the next sentence, an apposition or a colon lists
    ("Senator Cara Lind endorsed all three Republican candidates for governor on Monday. The three candidates "
     "are Bill Ames, Jay Brook and Mike Cole.",
     {("Cara Lind", "endorses", "Bill Ames"), ("Cara Lind", "endorses", "Jay Brook"), ("Cara Lind", "endorses", "Mike Cole")}),
    ("The Harbor Workers Union endorsed two candidates on Monday. They are Lisa Ortiz and Tom Greer.",
     {("Harbor Workers Union", "endorses", "Lisa Ortiz"), ("Harbor Workers Union", "endorses", "Tom Greer")}),
    # as many as the count, or none
    ("The Harbor Workers Union endorsed two candidates on Monday. They are Lisa Ortiz, Tom Greer and Rita Moreno.", set()),
    # names that are not what the plural is
    ("The Harbor Workers Union endorsed two candidates on Monday. Lisa Ortiz and Tom Greer were not among them.", set()),
    # "they" for two people set against each other
    ("Senator Rita Moreno said she was supporting Lisa Ortiz against Tom Greer when they face off in a runoff next month.",
     {("Rita Moreno", "endorses", "Lisa Ortiz"), ("Lisa Ortiz", "faces_in_runoff", "Tom Greer")}),
]


@pytest.mark.parametrize("text,expected", LISTED, ids=[t for t, _ in LISTED])
def test_listed_people(extract, text, expected):
    assert plain(extract(text), {"endorses", "faces_in_runoff"}) == expected


EDITORIAL = [
    # outside quotation marks, "we" is the newspaper whose editorial board spoke last
    ("The Dallas Tribune Editorial Board met the candidates last week. This time we endorse Tom Greer for mayor.",
     {("Dallas Tribune", "endorses", "Tom Greer")}),
    # inside them it is the speaker's side, which names nobody here
    ("Tom Greer spoke on Sunday. \"We endorse Lisa Ortiz,\" Greer said.", set()),
    # no newspaper before it
    ("Voters in Dallas will choose a mayor on Tuesday. We endorse Lisa Ortiz.", set()),
]


@pytest.mark.parametrize("text,expected", EDITORIAL, ids=[t for t, _ in EDITORIAL])
def test_editorial_we(extract, text, expected):
    assert plain(extract(text), {"endorses"}) == expected


GROUPS = [
    # "they" for more than two coordinated agents, organisations among them
    ("Senator Ada Vance, Governor Tom Greer and the Harbor Workers Union endorsed Lisa Ortiz in 2016. "
     "They also backed Rita Moreno in the Senate race.",
     {(e, "endorses", c) for e in ("Ada Vance", "Tom Greer", "Harbor Workers Union") for c in ("Lisa Ortiz", "Rita Moreno")}),
    # "them" for the people just coordinated
    ("The Harbor Workers Union met Lisa Ortiz and Tom Greer on Monday and endorsed them.",
     {("Harbor Workers Union", "endorses", "Lisa Ortiz"), ("Harbor Workers Union", "endorses", "Tom Greer")}),
    # never the clause's own subjects
    ("Lisa Ortiz and Tom Greer endorsed them on Monday.", set()),
    # a sentence naming one person, coordinating nobody, settles it as nobody
    ("Lisa Ortiz and Tom Greer spoke on Sunday. Rita Moreno spoke on Monday. The Harbor Workers Union endorsed them.",
     set()),
]


@pytest.mark.parametrize("text,expected", GROUPS, ids=[t for t, _ in GROUPS])
def test_groups(extract, text, expected):
    assert plain(extract(text), {"endorses"}) == expected


def test_touching_person_names_are_one_name():
    """The model may cut one name in two ("Maria Jackson| Lee"); two people never touch."""
    import spacy
    from spacy.tokens import Doc

    from kg.extraction.entities import find_mentions

    vocab = spacy.blank("en").vocab
    cut = Doc(vocab, words=["Rep.", "Maria", "Jackson", "Lee", "spoke", "."],
              ents=["O", "B-PERSON", "I-PERSON", "B-PERSON", "O", "O"])
    assert [m.name for m in find_mentions(cut)] == ["Maria Jackson Lee"]
    listed = Doc(vocab, words=["Maria", "Jackson", ",", "Lee", "Ortiz", "spoke", "."],
                 ents=["B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "O"])
    assert [m.name for m in find_mentions(listed)] == ["Maria Jackson", "Lee Ortiz"]


AGENTS = [
    # an agentless passive's agent: the subject of "made the appointment" just after it
    ("Lisa Ortiz was appointed to the Senate seat on Friday. Governor Tom Greer made the appointment after a week "
     "of talks.", {("Tom Greer", "appointed", "Lisa Ortiz")}),
    ("Lisa Ortiz was endorsed on Friday. The Harbor Workers Union announced the endorsement at a rally.",
     {("Harbor Workers Union", "endorses", "Lisa Ortiz")}),
    # not a light verb, or an appointment of someone else, or a passive that states nothing
    ("Lisa Ortiz was appointed to the Senate seat on Friday. Governor Tom Greer criticized the appointment.", set()),
    ("Lisa Ortiz was appointed to the Senate seat on Friday. Governor Tom Greer praised the appointment of judges.", set()),
    ("Lisa Ortiz could be appointed to the Senate seat on Friday. Governor Tom Greer will make the appointment.", set()),
]


@pytest.mark.parametrize("text,expected", AGENTS, ids=[t for t, _ in AGENTS])
def test_agent_of_a_passive_named_after_it(extract, text, expected):
    assert plain(extract(text), {"appointed", "endorses"}) == expected


def test_agent_named_after_a_passive_that_it_denies(extract):
    facts = extract("Lisa Ortiz was appointed to the Senate seat on Friday. Governor Tom Greer did not make the "
                    "appointment.").facts
    assert {(f.subject.label, f.evidence.polarity) for f in facts if f.relation == "appointed"} == {("Tom Greer", "negative")}


GENDERED = [
    # a title says who is a man or a woman: "she" passes over Mr. Ortiz, "he" over the congresswoman
    ("Mr. Ortiz met Ana Lind on Monday. She endorsed Ben Okoro for mayor.", {("Ana Lind", "endorses", "Ben Okoro")}),
    ("Congresswoman Ana Lind met Ortiz on Monday. He endorsed Ben Okoro for mayor.", {("Ortiz", "endorses", "Ben Okoro")}),
    # so does a noun in apposition
    ("Ortiz, a businessman, met Ana Lind on Monday. She endorsed Ben Okoro for mayor.",
     {("Ana Lind", "endorses", "Ben Okoro")}),
    # and a pronoun that can stand for nobody else; then "her" is not the sentence's (male) subject
    ("Mayor Tom Reyes said he was pleased. He praised his running mate, Ana Lind, a day after her "
     "endorsement of Dev Patel for governor.", {("Ana Lind", "endorses", "Dev Patel")}),
    # a gendered description: the one of the people tied to its title who has its gender, or nobody
    ("Rep. Tom Reyes and Rep. Ana Lind spoke on Monday. Lind said she would vote early. The congresswoman "
     "endorsed Dev Patel for mayor.", {("Ana Lind", "endorses", "Dev Patel")}),
    ("Rep. Tom Reyes and Rep. Ana Lind spoke on Monday. The congresswoman endorsed Dev Patel for mayor.", set()),
    # the owner of the last sentence's subject, a name the model missed, is whom "he" goes back to
    ("Okafor’s campaign priorities include lowering taxes and funding Medicare.\n\nHe has been endorsed by "
     "the Harbor Workers Union.", {("Harbor Workers Union", "endorses", "Okafor")}),
    # a subject pronoun with no person governing it: the person named before it in its sentence
    ("The calls for Dana Whitcombe to resign grew louder after she endorsed Ben Okoro for mayor.",
     {("Dana Whitcombe", "endorses", "Ben Okoro")}),
]


@pytest.mark.parametrize("text,expected", GENDERED, ids=[t for t, _ in GENDERED])
def test_a_gendered_pronoun_stands_for_a_person_of_its_gender(extract, text, expected):
    assert plain(extract(text), {"endorses"}) == expected


def test_gender_comes_from_titles_nouns_and_pronouns(nlp):
    from kg.extraction.entities import EntityIndex
    from kg.extraction.gender import genders
    from kg.extraction.quotes import Quotes
    from kg.ontology import default_ontology

    doc = nlp("Mrs. Ana Lind met Tom Reyes and Ortiz. Ortiz, a congressman, spoke first. "
              "Reyes said he would wait. \"She is right,\" Ortiz said of Lind.")
    entities = EntityIndex(doc)
    words = (default_ontology().cue("masculineWords"), default_ontology().cue("feminineWords"))
    found = genders(doc, entities, Quotes(doc), list(doc.sents), words)
    by_label = {c.label: found.get(id(c)) for c in entities.clusters}
    assert by_label == {"Ana Lind": "f", "Tom Reyes": "m", "Ortiz": "m"}


PAIRS = [
    # a plural title stands for the two people the text gave that title, not the last two named
    ("Former Presidents Ana Lind and Tom Reyes will not endorse anyone this year. Lind's aide, Dev Patel, "
     "said so on Monday. Both former presidents endorsed Ben Okoro in 2016.",
     {("Ana Lind", "endorses", "Ben Okoro"), ("Tom Reyes", "endorses", "Ben Okoro")}),
    # "both candidates", "the two men": the two people just coordinated
    ("Ana Lind and Tom Reyes lost the primary. Both candidates endorsed Ben Okoro for mayor.",
     {("Ana Lind", "endorses", "Ben Okoro"), ("Tom Reyes", "endorses", "Ben Okoro")}),
    # a plural that describes no people stands for none
    ("Ana Lind and Tom Reyes spoke at the rally. Both unions endorsed Ben Okoro for mayor.", set()),
]


@pytest.mark.parametrize("text,expected", PAIRS, ids=[t for t, _ in PAIRS])
def test_a_plural_description_stands_for_two_people(extract, text, expected):
    assert plain(extract(text), {"endorses"}) == expected


WHOLE_ARTICLE = [
    # "the challenger" is never the person the text calls the incumbent: the other one
    ("Ana Lind and Tom Reyes are running for mayor. The incumbent, Tom Reyes, was endorsed by the union. "
     "The challenger won the backing of the Sierra Club.", {("Sierra Club", "endorses", "Ana Lind")}),
    # the agent of an agentless passive, told in the next sentence by what the act "came from"
    ("Ana Lind was endorsed for mayor on Friday. The endorsement came from Governor Tom Reyes.",
     {("Tom Reyes", "endorses", "Ana Lind")}),
    ("Ana Lind was endorsed for mayor on Friday. The endorsement came on the heels of a debate.", set()),
    # "his opponent": the one other person named before it; with two others, nobody
    ("Ana Lind beat Tom Reyes in the primary. Reyes conceded on Tuesday and endorsed his opponent.",
     {("Tom Reyes", "endorses", "Ana Lind")}),
    ("Ana Lind beat Tom Reyes and Dev Patel in the primary. Reyes conceded on Tuesday and endorsed his opponent.",
     set()),
    # organisations counted and then listed, the list hung elsewhere by the parser
    ("Ana Lind is running for mayor. Ana Lind won the support of two unions, the Harbor Workers Union and "
     "the Sierra Club, on Monday.",
     {("Harbor Workers Union", "endorses", "Ana Lind"), ("Sierra Club", "endorses", "Ana Lind")}),
]


@pytest.mark.parametrize("text,expected", WHOLE_ARTICLE, ids=[t for t, _ in WHOLE_ARTICLE])
def test_descriptions_and_agents_across_an_article(extract, text, expected):
    assert plain(extract(text), {"endorses"}) == expected
