"""The matter a generic phrase ("the case", "the matter", "it") stands for: sentences written for these tests."""

import pytest

from ..conftest import plain

RECUSAL = ("recused_from",)


def forms(extraction):
    """Positive recusals as (subject, matter, the matter's other forms)."""
    return {(f.subject.label, f.object.label, tuple(sorted(f.object.aliases)))
            for f in extraction.facts if f.relation == "recused_from" and f.evidence.polarity == "positive"}


NAMED_BEFORE = [
    # a generic phrase after the passage named the matter: that matter
    ("A fraud appeal was filed by the opposition leader Maria Okoro in May.\n\n"
     "Justice Ada Lin recused herself from the case on Monday, citing a friendship with Okoro.",
     "fraud appeal", ("case",)),
    ("The bench heard a petition against the new salt levy last week. "
     "Justice Ada Lin recused herself from hearing the petition on Tuesday.",
     "petition against the new salt levy", ("hearing the petition",)),
    ("Justice Ada Lin had presided over the inquiry into the harbour contracts since June. "
     "On Friday she recused herself from it.", "inquiry into the harbour contracts", ()),
    # the headline names it, the body calls it "the matter"
    ("Judge quits Okoro land case after threats\n\n"
     "Justice Ada Lin told the parties that she had decided to recuse herself from the matter.",
     "Okoro land case", ("matter",)),
    # a case name
    ("The court heard Okoro v. Delta Mills on Monday. Justice Ada Lin recused herself in the case.",
     "Okoro v. Delta Mills", ("case",)),
    # "the probe" stands for an investigation; "the instant case" is generic
    ("Prosecutors opened an investigation into the port authority's accounts. "
     "Attorney General Ada Lin recused herself from the probe.", "investigation into the port authority's accounts", ("probe",)),
    ("A suit by the dock workers' union against Delta Mills went to trial in March. "
     "Judge Ada Lin recused herself from the instant case.",
     "suit by the dock workers' union against Delta Mills", ("instant case",)),
]


@pytest.mark.parametrize("text,matter,aliases", NAMED_BEFORE, ids=[m for _, m, _ in NAMED_BEFORE])
def test_a_generic_matter_stands_for_the_one_named_before(extract, text, matter, aliases):
    assert forms(extract(text)) == {("Ada Lin", matter, aliases)}


def test_both_judges_of_a_plural_recuse_from_the_named_matter(extract):
    text = ("Two judges have stepped away from an election appeal filed by the former mayor Omar Baig.\n\n"
            "Justices Ada Lin and Ben Cole recused themselves from the case.")
    assert plain(extract(text), RECUSAL) == {("Ada Lin", "recused_from", "election appeal filed by the former mayor Omar Baig"),
                                             ("Ben Cole", "recused_from", "election appeal filed by the former mayor Omar Baig")}


def test_the_outer_of_two_fitting_phrases_is_the_matter(extract):
    text = ("Three judges stepped back from the hearing of a petition about the delayed council vote. "
            "Justice Ada Lin and Justice Ben Cole recused themselves from hearing the case.")
    matters = {o for _, _, o in plain(extract(text), RECUSAL)}
    assert matters == {"hearing of a petition about the delayed council vote"}


def test_a_person_s_own_earlier_recusal_names_the_matter(extract):
    text = ("Justice Ada Lin recused herself from the five-member bench hearing a petition against the salt levy. "
            "“I will not hear the case and I recuse myself from it,” Justice Lin said.")
    bench = "five-member bench hearing a petition against the salt levy"
    assert plain(extract(text), RECUSAL) == {("Ada Lin", "recused_from", bench)}


UNCHANGED = [
    # nothing before names a matter: the phrase itself
    ("Judge Ada Lin recused herself from the case on Monday.", {("Ada Lin", "recused_from", "case")}),
    # a matter the sentence names itself is not generic, whatever the headline said
    ("Lin Recuses Herself From Port Investigation\n\n"
     "Judge Ada Lin recused herself from the investigation into the sale of the port.",
     {("Ada Lin", "recused_from", "investigation into the sale of the port")}),
    # "it" with no matter before it names nothing
    ("The mayor spoke to Judge Ada Lin. She recused herself from it.", set()),
    # a reason given after the matter is not part of it
    ("Judge Ada Lin recuses herself from Okoro case citing threats", {("Ada Lin", "recused_from", "Okoro case")}),
]


@pytest.mark.parametrize("text,expected", UNCHANGED, ids=[t[:40] for t, _ in UNCHANGED])
def test_what_needs_no_antecedent(extract, text, expected):
    assert plain(extract(text), RECUSAL) == expected


def test_a_that_misparsed_as_an_object_is_no_subject(extract):
    # the parser may take "that" for the object of "decided": the one who decided still recuses
    text = "Justice Ruth Kamau Ouma told the lawyers that she had decided to recuse herself from the land case."
    assert plain(extract(text), RECUSAL) == {("Ruth Kamau Ouma", "recused_from", "land case")}


MORE_NAMED_BEFORE = [
    # a seat ("a division bench of the court") is no matter "the matter" could stand for
    ("Justice Ada Lin recused herself from the hearing of a plea against the salt levy. A division bench of the "
     "high court heard the plea. Later, Justice Ada Lin recused herself from hearing the matter citing personal reasons.",
     {("Ada Lin", "recused_from", "hearing of a plea against the salt levy")}),
    # "the hearing of the instant matter" is as generic as "the matter"
    ("The court opened a hearing on the contempt charges against the mayor. Justice Ada Lin had already recused "
     "herself from the hearing of the instant matter.",
     {("Ada Lin", "recused_from", "hearing on the contempt charges against the mayor")}),
]


@pytest.mark.parametrize("text,expected", MORE_NAMED_BEFORE, ids=["seat", "hearing of"])
def test_more_generic_matters(extract, text, expected):
    assert plain(extract(text), RECUSAL) == expected


def test_a_plural_generic_stands_for_plural_matters(extract):
    text = ("Three lawyers filed appeals against the new salt levy in May. "
            "Judge Ada Lin recused herself from hearing the appeals.")
    assert plain(extract(text), RECUSAL) == {("Ada Lin", "recused_from", "appeals against the new salt levy")}


def test_whom_someone_is_blamed_for_recusing_is_who_recused(extract):
    text = "The governor attacked Judge Ada Lin for recusing herself from the port inquiry."
    assert plain(extract(text), RECUSAL) == {("Ada Lin", "recused_from", "port inquiry")}


def test_recused_to_hear_names_what_was_not_heard(extract):
    # South Asian court reporting: "recused himself to hear X" is a recusal from hearing X
    text = "Justice Ada Lin on Monday recused herself to hear the bail plea filed by the port owner Omar Baig."
    assert plain(extract(text), RECUSAL) == {("Ada Lin", "recused_from", "bail plea filed by the port owner Omar Baig")}
    assert plain(extract("Justice Ada Lin stepped aside to hear the news from her clerk."), RECUSAL) == set()


QUOTED = [
    # a quotation in the paragraph after "X said:"
    "In a statement on Wednesday, Attorney General Ada Lin said:\n\n"
    "\"I am recusing myself from all work on the inquiry into the harbour contracts.\"",
    # the second paragraph of a quotation whose first paragraph stays open (news style)
    "In a statement, Attorney General Ada Lin said she would step back:\n\n"
    "\"I have no conflict in the harbour matter. But I would not want my role to become a distraction.\n\n"
    "\"So I am recusing myself from all work on the inquiry into the harbour contracts.\"\n\n"
    "Omar Baig will lead the inquiry.",
]


@pytest.mark.parametrize("text", QUOTED, ids=["colon", "paragraphs"])
def test_a_quotation_in_a_paragraph_of_its_own_has_its_speaker(extract, text):
    matter = "all work on the inquiry into the harbour contracts"
    assert plain(extract(text), RECUSAL) == {("Ada Lin", "recused_from", matter)}


@pytest.mark.parametrize("text", [
    "Judge Ada Lin said:\n\n\"I recuse myself from the harbour case. \n\n\"I have no choice.\"",
    "\"I recuse myself from the harbour case. \n\n\"I have no choice,\" Judge Ada Lin said. ",
])
def test_an_open_quotation_that_ends_in_a_space_keeps_its_speaker(extract, text):
    # the character after the quotation was a word's trailing space: an empty span, not a crash
    assert plain(extract(text), RECUSAL) == {("Ada Lin", "recused_from", "harbour case")}


def test_a_justice_named_bare_who_takes_no_part_recuses(extract):
    text = "Justice Ada Lin joined the court in May. On Monday, Lin did not participate in the fraud appeal of the port board."
    assert plain(extract(text), RECUSAL) == {("Ada Lin", "recused_from", "fraud appeal of the port board")}
    text = "The defendant Omar Baig was released in May. On Monday, Baig did not take part in the fraud hearing."
    assert plain(extract(text), RECUSAL) == set()


def test_a_demand_that_someone_recuse_is_no_recusal(extract):
    text = "Justice Ada Lin brushed off demands from two senators that she recuse herself from the port appeal."
    assert plain(extract(text), RECUSAL) == set()


def test_a_matter_added_with_as_well_as_is_a_second_matter(extract):
    text = "Judge Ada Lin recused herself from the port appeal as well as all the cases on the harbour levy."
    assert plain(extract(text), RECUSAL) == {("Ada Lin", "recused_from", "port appeal"),
                                             ("Ada Lin", "recused_from", "all the cases on the harbour levy")}
    assert plain(extract("Judge Ada Lin ran the harbour board for years."), RECUSAL) == set()


def test_taking_oneself_off_a_matter_recuses(extract):
    text = "Attorney General Ada Lin took herself off the fraud probe of the port director."
    assert plain(extract(text), RECUSAL) == {("Ada Lin", "recused_from", "fraud probe of the port director")}
    assert plain(extract("Ada Lin took herself off the ballot in May."), RECUSAL) == set()


@pytest.mark.parametrize("text", [
    "Attorney General Ada Lin has no intention of recusing herself from the port probe.",
    "Ada Lin said she has no intention of taking herself off the port case, her aides said.",
    "Judge Ada Lin spoke of the possibility of recusing herself from the port case.",
])
def test_an_intention_of_recusing_is_no_recusal(extract, text):
    assert plain(extract(text), RECUSAL) == set()
