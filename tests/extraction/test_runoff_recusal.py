"""Runoff and recusal frames, and plurals in runoffs, as news phrases them: sentences written for these tests."""

import pytest

from ..conftest import plain

RUNOFF = ("faces_in_runoff",)
RECUSAL = ("recused_from",)

RUNOFF_FACTS = [
    "Nadia Ferro won the runoff against Paul Okafor.",
    "Nadia Ferro won a runoff over Paul Okafor on Tuesday.",
    "Paul Okafor lost the second round to Nadia Ferro.",
    "Paul Okafor, losing to Nadia Ferro in a run-off, conceded on Sunday.",
    "Voters will choose in a run-off ballot between Nadia Ferro and Paul Okafor.",
    "The runoff between Nadia Ferro, a former mayor, and Paul Okafor, a banker, is set for May.",
    "Nadia Ferro and Paul Okafor will face off in a December runoff.",
    "Nadia Ferro advanced to a runoff against Paul Okafor.",
    "The count sent Nadia Ferro and Paul Okafor on to the runoff.",
    "Nadia Ferro and Paul Okafor have entered a runoff.",
    "Nadia Ferro unseated Governor Paul Okafor in Sunday's runoff election.",
    "Nadia Ferro trounced Paul Okafor in the July runoff.",
    "Nadia Ferro will fight in the second round with Paul Okafor.",
    "The district is also set for a run off between Nadia Ferro and Paul Okafor.",
    "Nadia Ferro won 41 percent on Sunday. Her opponent in the second round is Paul Okafor.",
    "Nadia Ferro and Paul Okafor will meet in the runoff, the electoral board announced.",
]


@pytest.mark.parametrize("text", RUNOFF_FACTS)
def test_runoff_frames(extract, text):
    assert plain(extract(text), RUNOFF) == {("Nadia Ferro", "faces_in_runoff", "Paul Okafor")}


def test_a_past_runoff_in_a_relative_clause(extract):
    text = "Paul Okafor, who lost to Nadia Ferro in the 2019 run-off, is running again."
    assert plain(extract(text), RUNOFF) == {("Nadia Ferro", "faces_in_runoff", "Paul Okafor")}


RUNOFF_NON_FACTS = [
    # a first-round rival beaten elsewhere in the sentence is no runoff opponent
    ("Nadia Ferro beat Paul Okafor in the first round and will face Ana Kowal in the runoff.",
     {("Ana Kowal", "faces_in_runoff", "Nadia Ferro")}),
    # alternatives are not pairs
    ("Ana Kowal will face either Nadia Ferro or Paul Okafor in the runoff.", set()),
    ("If no one wins half the vote, Nadia Ferro could face Paul Okafor in a runoff.", set()),
    ("Nadia Ferro lost to Paul Okafor in the primary, avoiding a runoff.", set()),
    # the election is no candidate, even in a title-case headline (the two named are)
    ("Mayoral Race Goes To Runoff Between Ferro And Okafor", {("Ferro", "faces_in_runoff", "Okafor")}),
]


@pytest.mark.parametrize("text,expected", RUNOFF_NON_FACTS, ids=[t for t, _ in RUNOFF_NON_FACTS])
def test_runoff_non_facts(extract, text, expected):
    assert {(s, r, o) for s, r, o in plain(extract(text), RUNOFF) if "Race" not in (s, o)} == expected
    assert not any("Race" in (s, o) or "Runoff" in (s, o) for s, _, o in plain(extract(text), RUNOFF))


def test_a_party_letter_is_no_candidate(extract):
    text = "State Senator Ruth Vance (R) and Representative Omar Diaz (D) will face off in the runoff."
    assert plain(extract(text), RUNOFF) == {("Omar Diaz", "faces_in_runoff", "Ruth Vance")}


RECUSAL_FACTS = [
    ("Judge Ines Moro stepped aside from the fraud case.", "fraud case"),
    ("Judge Ines Moro disqualified herself from the bribery trial.", "bribery trial"),
    ("Judge Ines Moro removed herself from presiding over the fraud trial.", "presiding over the fraud trial"),
    ("Justice Ines Moro bowed out of four appeals that reached the court this year.",
     "four appeals that reached the court this year"),
    ("Judge Ines Moro is recused from the lawsuit.", "lawsuit"),
    ("Judge Ines Moro has recused from hearing the lawsuit that challenges the dam.",
     "hearing the lawsuit that challenges the dam"),
    # the article is kept, and a modifier the parser hangs on the verb stays with the matter
    ("Prosecutor Ines Moro recused herself from a probe into the sale of the port.", "a probe into the sale of the port"),
    ("Judge Ines Moro withdrew herself from the panel, the court said on Friday.", "panel"),
    ("Judge Ines Moro spoke on Monday. Her decision to recuse herself from the case was welcomed.", "case"),
]


@pytest.mark.parametrize("text,matter", RECUSAL_FACTS, ids=[t for t, _ in RECUSAL_FACTS])
def test_recusal_frames(extract, text, matter):
    assert plain(extract(text), RECUSAL) == {("Ines Moro", "recused_from", matter)}


def test_conjoined_antecedents_of_a_relative_clause(extract):
    text = "Justice Omar Baig and Justice Lena Holt, who recused themselves from the appeal, left the room."
    assert plain(extract(text), RECUSAL) == {
        ("Omar Baig", "recused_from", "appeal"), ("Lena Holt", "recused_from", "appeal")}


RECUSAL_NON_FACTS = [
    "Chief executive Ines Moro stepped aside from her post in March.",
    "Senator Ines Moro was disqualified from the race by the board.",
    "Judge Ines Moro withdrew from the race for governor.",
    "Judge Ines Moro is no longer recused from the lawsuit.",
    "An adviser recommended Judge Ines Moro remove herself from the case.",
    "Judge Ines Moro Didn’t Recuse Herself From Lawsuits Tied To Her Cousin",
]


@pytest.mark.parametrize("text", RECUSAL_NON_FACTS)
def test_recusal_non_facts(extract, text):
    assert plain(extract(text), RECUSAL) == set()


def test_attribution_before_the_clause_still_reports(extract):
    facts = extract("Reports that Judge Ines Moro had recused herself from the case were untrue, a clerk said.").facts
    assert {f.evidence.polarity for f in facts if f.relation == "recused_from"} <= {"reported", "negative"}


PLURALS = [
    "Nadia Ferro finished first and Paul Okafor second, and the two will contest a runoff in June.",
    "Nadia Ferro and Paul Okafor topped the field on Sunday. The pair goes head to head again in a June 1 runoff.",
    "Tallies put Nadia Ferro at 31% and Paul Okafor at 24%, sending both to a runoff.",
    "Nadia Ferro and Paul Okafor finished ahead of Ana Kowal. Both candidates will face off in the second round.",
    "Nadia Ferro and Paul Okafor led the count. Ferro thanked voters on Monday, and they will meet in the runoff.",
]


@pytest.mark.parametrize("text", PLURALS)
def test_a_plural_stands_for_the_two_people_it_follows(extract, text):
    assert plain(extract(text), RUNOFF) == {("Nadia Ferro", "faces_in_runoff", "Paul Okafor")}


@pytest.mark.parametrize("text", [
    "Nadia Ferro, Paul Okafor and Ana Kowal led the count. The two will meet in the runoff.",
    "Voters were angry on Sunday. They will return for a runoff in June.",
])
def test_a_plural_without_exactly_two_people_settles_nothing(extract, text):
    assert plain(extract(text), RUNOFF) == set()


def test_pairings_listed_under_a_runoff_heading(extract):
    text = ("Runoff races:\nMayor: Ines Moro vs. Paul Okafor\nCouncil, District 3: Nadia Ferro (D) versus Omar Baig (R)\n\n"
            "Other races\nSheriff: Tim Ray vs. Al Fox\n")
    assert plain(extract(text), RUNOFF) == {
        ("Ines Moro", "faces_in_runoff", "Paul Okafor"), ("Nadia Ferro", "faces_in_runoff", "Omar Baig")}


def test_a_score_versus_a_score_is_no_pairing(extract):
    assert plain(extract("Nadia Ferro had 49 percent versus 41 percent for Paul Okafor, forcing a runoff."), RUNOFF) == set()


ENDORSES = ("endorses",)
LISTS = [
    ("Reps. Ana Ruiz (D-Ill.), Ben Okoro (D-Ill.) and Sens. Cara Lind and Dev Patel have endorsed Eli Moss.",
     {(s, "endorses", "Eli Moss") for s in ("Ana Ruiz", "Ben Okoro", "Cara Lind", "Dev Patel")}),
    ("Governor Ana Ruiz endorsed Eli Moss along with Mayor Cara Lind and Senator Dev Patel.",
     {(s, "endorses", "Eli Moss") for s in ("Ana Ruiz", "Cara Lind", "Dev Patel")}),
    # gapping: one endorser, two candidates
    ("Ana Ruiz backed Eli Moss in 2016 and Cara Lind in 2020.",
     {("Ana Ruiz", "endorses", "Eli Moss"), ("Ana Ruiz", "endorses", "Cara Lind")}),
    # a second by-agent after a dash
    ("Eli Moss was endorsed by the Teachers Union on Monday — and by Mayor Cara Lind a day later.",
     {("Teachers Union", "endorses", "Eli Moss"), ("Cara Lind", "endorses", "Eli Moss")}),
]


@pytest.mark.parametrize("text,expected", LISTS, ids=[t for t, _ in LISTS])
def test_every_member_of_a_list_is_an_argument(extract, text, expected):
    assert plain(extract(text), ENDORSES) == expected


def test_a_named_person_after_a_list_is_not_a_gapped_object(extract):
    text = "Governor Ana Ruiz endorsed Eli Moss, and Mayor Cara Lind, who won her own race, spoke."
    assert ("Ana Ruiz", "endorses", "Cara Lind") not in plain(extract(text), ENDORSES)


# A runoff named in the sentence before (or the headline) carries over; another contest does not.
CARRIED_RUNOFFS = [
    "The city will hold a runoff on June 4.\nNadia Ferro faces Paul Okafor, a former judge, in that contest.",
    "The runoff is set for June 4. Nadia Ferro, the incumbent, will face off against Paul Okafor.",
]


@pytest.mark.parametrize("text", CARRIED_RUNOFFS)
def test_a_runoff_in_the_sentence_before_carries_over(extract, text):
    assert plain(extract(text), RUNOFF) == {("Nadia Ferro", "faces_in_runoff", "Paul Okafor")}


def test_a_won_runoff_retold_in_the_next_sentence(extract):
    text = "Ana Lee won the runoff on Tuesday. Lee defeated Bo Kim by ten points."
    assert plain(extract(text), RUNOFF) == {("Ana Lee", "faces_in_runoff", "Bo Kim")}


NOT_CARRIED = [
    "Nadia Ferro won Tuesday's runoff.\nShe faces Paul Okafor in the general election in November.",
    "Nadia Ferro won the runoff. Two years ago she defeated Paul Okafor for the seat.",
    "Nadia Ferro won the primary runoff. In the first round, Ferro beat Paul Okafor and Ana Kowal.",
    "Early returns pointed to a runoff.\nNadia Ferro and Paul Okafor went to dinner on Sunday.",
]


@pytest.mark.parametrize("text", NOT_CARRIED)
def test_no_runoff_is_carried_to_another_contest(extract, text):
    assert plain(extract(text), RUNOFF) == set()


MORE_RUNOFF_FACTS = [
    "The runoff was needed because neither Nadia Ferro nor Paul Okafor won a majority.",
    "Nadia Ferro forced a runoff with Paul Okafor.",
    "Nadia Ferro will be in the runoff against Paul Okafor.",
    "The runoff will be between Nadia Ferro and Paul Okafor.",
    "The runoff pits Nadia Ferro against Paul Okafor.",
    "A second round between Nadia Ferro and Paul Okafor is set for May 2.",
    "Nadia Ferro and Paul Okafor are set to meet in a runoff on June 4.",
    "Nadia Ferro will face the former Minister of Finance Paul Okafor in the runoff.",
    "Nadia Ferro won the runoff, defeating Paul Okafor.",
    "Nadia Ferro will be joined in the runoff by Paul Okafor.",
    "Paul Okafor will challenge Nadia Ferro in the runoff.",
    "Nadia Ferro secured a spot in the runoff against Paul Okafor.",
    "Voters will choose between Nadia Ferro and Paul Okafor in the runoff.",
]


@pytest.mark.parametrize("text", MORE_RUNOFF_FACTS)
def test_more_runoff_frames(extract, text):
    assert plain(extract(text), RUNOFF) == {("Nadia Ferro", "faces_in_runoff", "Paul Okafor")}


@pytest.mark.parametrize("text", [
    "If neither Nadia Ferro nor Paul Okafor wins a majority, a runoff will be held in June.",
    "Neither Nadia Ferro nor Paul Okafor will reach 50 percent, polls suggest, so a runoff looms.",
    "Nadia Ferro narrowly avoided a runoff with Paul Okafor.",
    "Nadia Ferro and Paul Okafor are expected to meet in a runoff.",
    "Voters must choose between Nadia Ferro and Paul Okafor on Sunday, and a runoff is unlikely.",
    "Paul Okafor will challenge Nadia Ferro in the general election.",
])
def test_supposed_or_avoided_runoffs_are_no_facts(extract, text):
    assert plain(extract(text), RUNOFF) == set()


def test_a_person_named_in_full_once_and_mistyped_twice_is_a_runoff_candidate(extract):
    text = ("Mary Lind came second with 21% of the vote. Lind and Bo Kim said they are ready. "
            "Lind lost in a runoff to Bo Kim in 2008.")
    assert ("Bo Kim", "faces_in_runoff", "Mary Lind") in plain(extract(text), RUNOFF)


def test_a_gerund_the_parser_hangs_higher_stays_with_the_matter(extract):
    text = "After deciding to recuse herself from the bench hearing a petition against the new levy, Judge Ines Moro spoke."
    assert plain(extract(text), RECUSAL) == {("Ines Moro", "recused_from", "bench hearing a petition against the new levy")}


def test_how_someone_recused_is_not_part_of_the_matter(extract):
    text = "Justice Ines Moro bowed out of four cases that reached the court this year with no explanation."
    assert plain(extract(text), RECUSAL) == {("Ines Moro", "recused_from", "four cases that reached the court this year")}


def test_a_headline_matter_the_body_names_again_is_the_bodys(extract):
    text = ("Moro Recuses Herself From Port Investigation\n\n"
            "Judge Ines Moro recused herself from the investigation into the sale of the port.")
    assert plain(extract(text), RECUSAL) == {("Ines Moro", "recused_from", "investigation into the sale of the port")}


APPOINTED = ("appointed",)
APPOINTMENTS = [
    ("Governor Ana Lee restored Bo Kim to the post of police chief.", {("Ana Lee", "appointed", "Bo Kim")}),
    ("Kim's appointment by Gov. Ana Lee was announced Monday.", {("Ana Lee", "appointed", "Kim")}),
    ("Ana Lee, who in May tapped Bo Kim, a former prosecutor, to lead the inquiry, spoke on Friday.",
     {("Ana Lee", "appointed", "Bo Kim")}),
    # an agentless passive after an act of appointing with no named object
    ("Pope Ana Lee has also named new bishops for two dioceses. Father Bo Kim has been appointed bishop of Ross.",
     {("Ana Lee", "appointed", "Bo Kim")}),
    ("Pope Ana Lee has named new Bishops for two dioceses.", set()),
    ("Ana Lee picked up Bo Kim at the airport.", set()),
    # a list of appointments after one act of appointing
    ("Pope Ana Lee has named new bishops for two dioceses. Father Bo Kim has been appointed bishop of Ross. "
     "He succeeds a bishop who retired. In Sligo, Father Cy Dow has been named bishop.",
     {("Ana Lee", "appointed", "Bo Kim"), ("Ana Lee", "appointed", "Cy Dow")}),
    # the act, then a copula that names who holds the post
    ("Pope Ana Lee has appointed a new bishop for Ross.\nThe tenth bishop of the diocese will be Father Bo Kim.",
     {("Ana Lee", "appointed", "Bo Kim")}),
    ("Governor Ana Lee named a new police chief on Friday. The new chief is Bo Kim, a former captain.",
     {("Ana Lee", "appointed", "Bo Kim")}),
    ("Governor Ana Lee named a new police chief on Friday. The old chief was Bo Kim.", set()),
    ("Governor Ana Lee named a new police chief on Friday. The new chief could be Bo Kim.", set()),
    ("Governor Ana Lee will name a new police chief soon. The new chief is likely to be Bo Kim.", set()),
    ("Ana Lee named new bishops for two dioceses in 2019. In 2023 the board met. Rain fell all week. "
     "Bo Kim was appointed bishop of Ross.", set()),
]


@pytest.mark.parametrize("text,expected", APPOINTMENTS, ids=[t for t, _ in APPOINTMENTS])
def test_appointments_as_news_writes_them(extract, text, expected):
    assert plain(extract(text), APPOINTED) == expected


ABSTENTIONS = [
    ("Justice Ines Moro took no part in the consideration of the case.",
     {("Ines Moro", "recused_from", "consideration of the case")}),
    ("Justice Ines Moro did not take part in the case.", {("Ines Moro", "recused_from", "case")}),
    ("Justice Ines Moro will not participate in the appeal.", {("Ines Moro", "recused_from", "appeal")}),
    ("Justice Ines Moro took part in the case.", set()),
    ("Justice Ines Moro refused to take part in the trial.", set()),
    ("Ines Moro did not take part in the march.", set()),
    # not taking part is a recusal only for those who would sit on the matter
    ("The defendant, Ines Moro, did not take part in the hearing.", set()),
]


@pytest.mark.parametrize("text,expected", ABSTENTIONS, ids=[t for t, _ in ABSTENTIONS])
def test_a_judge_who_takes_no_part_recuses(extract, text, expected):
    assert plain(extract(text), RECUSAL) == expected


def test_a_runoff_that_puts_one_against_the_other(extract):
    """"put X against Y" pairs two candidates only where a runoff is its context."""
    for text in ("The June run-off will put Nadia Ferro against Paul Okafor.", "The runoff puts Nadia Ferro up against Paul Okafor."):
        assert plain(extract(text), RUNOFF) == {("Nadia Ferro", "faces_in_runoff", "Paul Okafor")}
    assert plain(extract("The party put Nadia Ferro against Paul Okafor in the first round."), RUNOFF) == set()


# Pairings set up over several sentences and paragraphs of a results story
DISTRICT_RUNOFFS = (
    "Three council races also go to runoffs because no candidate won a majority.\n\n"
    "In District 2, Nadia Ferro led the field with 38% and will face Paul Okafor, who finished at 19%.\n\n"
    "In District 4, Ana Kowal will contest against Omar Baig after the two took 35% and 33%.\n\n"
    "In District 5, incumbent Lena Holt finished first with 44% but did not win outright. "
    "She'll face Tim Ray, who got 43%.\n\n"
    "In District 6, incumbent Al Fox took 35% and must face challenger Ines Moro, who received 27%."
)


def test_a_runoff_carries_over_a_run_of_pairings(extract):
    assert plain(extract(DISTRICT_RUNOFFS), RUNOFF) == {
        ("Nadia Ferro", "faces_in_runoff", "Paul Okafor"), ("Ana Kowal", "faces_in_runoff", "Omar Baig"),
        ("Lena Holt", "faces_in_runoff", "Tim Ray"), ("Al Fox", "faces_in_runoff", "Ines Moro")}


@pytest.mark.parametrize("text", [
    # a runoff already won: what follows is the next contest
    "Nadia Ferro won the runoff on Tuesday. She will face Paul Okafor next.",
    # a runoff only supposed or denied
    "The race could go to a runoff. Nadia Ferro will face Paul Okafor in a debate on Friday.",
    "The citywide seat will not need a runoff. Nadia Ferro will face Paul Okafor at a forum.",
    # too far: three sentences with no pairing between
    "The mayoral race goes to a runoff. Turnout was low. Rain fell. Stores closed early. Nadia Ferro will face Paul Okafor.",
])
def test_no_pending_runoff_no_carried_pairing(extract, text):
    assert plain(extract(text), RUNOFF) == set()


NEWS_RUNOFF_FORMS = [
    # the parser tags these verbs as nouns
    "Nadia Ferro and Paul Okafor advance to the runoff.",
    "Nadia Ferro, who finished first with 38%, and Paul Okafor, who had 30%, head to a Dec. 5 runoff.",
    "Nadia Ferro led with 40 percent, followed by Paul Okafor with 31 percent; the two advance to a runoff.",
    # a list in apposition to a noun
    "The top two finishers, Nadia Ferro and Paul Okafor, will meet in a runoff on May 3.",
    "The party's candidate Nadia Ferro and the young banker Paul Okafor will compete in a runoff in June.",
    # "with X and Y advancing"
    "The results stood unchanged with Nadia Ferro and Paul Okafor advancing to the June 6 runoff.",
    # an obligation of a scheduled relation is set
    "Nadia Ferro must face Paul Okafor in the runoff.",
    "The results set up a runoff between Nadia Ferro and Paul Okafor.",
]


@pytest.mark.parametrize("text", NEWS_RUNOFF_FORMS)
def test_runoff_forms_of_results_stories(extract, text):
    assert plain(extract(text), RUNOFF) == {("Nadia Ferro", "faces_in_runoff", "Paul Okafor")}


def test_a_runoff_opponent_named_after_a_comma(extract):
    text = "Mayor Nadia Ferro came third. In 2019 she lost to her runoff opponent, County Board President Paul Okafor."
    assert plain(extract(text), RUNOFF) == {("Nadia Ferro", "faces_in_runoff", "Paul Okafor")}


def test_a_place_a_copula_names_is_no_pronoun_antecedent(extract):
    text = ("Mayor Nadia Ferro came third. Six years ago, Elm Grove was the only ward she lost to her runoff opponent, "
            "County Board President Paul Okafor.")
    assert plain(extract(text), RUNOFF) == {("Nadia Ferro", "faces_in_runoff", "Paul Okafor")}


def test_they_are_the_two_people_not_a_weakly_typed_council(extract):
    text = ("Governor Nadia Ferro won 47.2 percent and her closest rival, Paul Okafor, 41.8 percent, "
            "the Council reported. With no one above half the vote, they meet again in a second round on June 9.")
    assert plain(extract(text), RUNOFF) == {("Nadia Ferro", "faces_in_runoff", "Paul Okafor")}


MORE_RECUSAL_FORMS = [
    ("Justice Ines Moro opted out of the hearing on the water rights case after a lawyer raised a conflict.",
     {"hearing on the water rights case"}),
    ("Critics noted the abrupt recusal of Justice Ines Moro from hearing a bail plea lodged by a local activist.",
     {"hearing a bail plea lodged by a local activist"}),
    ("Judge Ines Moro recused herself in the case.", {"case"}),
    ("Judge Ines Moro recused herself from the fraud case and the bribery appeal.", {"fraud case", "bribery appeal"}),
    ("Justice Ines Moro sat out the arguments in the tax case.", {"arguments in the tax case"}),
    ("Judge Ines Moro withdrew from hearing the bail plea.", {"hearing the bail plea"}),
    ("Justice Ines Moro declined to participate in the appeal.", {"appeal"}),
    ("Justice Ines Moro did not take part in the consideration or decision of the case.",
     {"consideration or decision of the case"}),
    # the parser hangs the subject on the auxiliary
    ("Supreme Court judge Ines Moro had on last Thursday recused herself from the appeal.", {"appeal"}),
    ("Justice Ines Moro announced she was withdrawing from the bench.", {"bench"}),
    # a comment after a dash is no object of the verb
    ("That is because Judge Ines Moro recused herself in the case — a move that still divides lawyers.", {"case"}),
    # "from hearing ..." hung on the sentence's verb, after "the recusal of X"
    ("Monday saw the abrupt recusal of Justice Ines Moro from hearing a bail plea lodged by an activist.",
     {"hearing a bail plea lodged by an activist"}),
    # the announcer of "her decision" is who recused
    ("Attorney General Ines Moro Wednesday announced her decision to recuse herself from the port inquiry.", {"port inquiry"}),
]


@pytest.mark.parametrize("text,matters", MORE_RECUSAL_FORMS, ids=[t for t, _ in MORE_RECUSAL_FORMS])
def test_more_recusal_forms(extract, text, matters):
    assert plain(extract(text), RECUSAL) == {("Ines Moro", "recused_from", m) for m in matters}


MATTER_SPANS = [
    # the whole matter, with its by- and against- phrases the parser hung on the verb
    ("In 2016, Judge Ines Moro recused herself from a suit by a retired teacher against the transit agency since "
     "she chaired its board.", "a suit by a retired teacher against the transit agency"),
    # a bracketed acronym inside the matter stays; a modifier of the gerund's object hung on the gerund too
    ("Judge Ines Moro recused herself from hearing a plea challenging Omar Baig's appointment as interim "
     "Central Bureau of Records (CBR) chief.",
     "hearing a plea challenging Omar Baig's appointment as interim Central Bureau of Records (CBR) chief"),
    # a closing list of names is the matter's own
    ("Councilman Al Fox announced he is recusing himself from the hearings on both projects, Elm Park and Bay Point.",
     "hearings on both projects, Elm Park and Bay Point"),
    # a clause after "as" is the reason, not the matter
    ("Judge Ines Moro was recusing herself from a corporate appeal as a “senior member of the bench” had approached her.",
     "a corporate appeal"),
    ("Judge Ines Moro recused herself from the appeal by letter on Monday.", "appeal"),
]


@pytest.mark.parametrize("text,matter", MATTER_SPANS, ids=[t for t, _ in MATTER_SPANS])
def test_matter_spans(extract, text, matter):
    assert {o for _, _, o in plain(extract(text), RECUSAL)} == {matter}


@pytest.mark.parametrize("text", [
    "Judge Ines Moro withdrew from the race for the court.",
    "The defense lawyer, Ines Moro, withdrew from the case.",
    "Justice Ines Moro, who until now recused herself in the tax case, will take part after all.",
    "Chief executive Ines Moro sat out the meeting.",
])
def test_more_recusal_non_facts(extract, text):
    assert plain(extract(text), RECUSAL) == set()


MORE_NEWS_RUNOFF_FORMS = [
    # nobody won outright: a dated rematch or "again" is the runoff
    "Nadia Ferro won 41% and Paul Okafor 33%. Neither reached 50%, so they will meet again on June 6.",
    "No candidate won a majority, so Nadia Ferro and Paul Okafor will meet again in June.",
    # other names of a second round
    "Nadia Ferro will face Paul Okafor in the ballotage on November 19.",
    "Nadia Ferro and Paul Okafor were forced into a runoff.",
    "The runoff will feature Nadia Ferro and Paul Okafor.",
    # a share of the vote the parser took for the opponent, in a runoff told the sentence before
    "Because Paul Okafor fell short of a majority, Tuesday's run-off was needed.\n\n"
    "Nadia Ferro again carried the county this week, beating Okafor 61.3 percent to 38.7 percent.",
]


@pytest.mark.parametrize("text", MORE_NEWS_RUNOFF_FORMS)
def test_more_news_runoff_forms(extract, text):
    assert plain(extract(text), RUNOFF) == {("Nadia Ferro", "faces_in_runoff", "Paul Okafor")}


@pytest.mark.parametrize("text", [
    "If no candidate wins a majority, Nadia Ferro and Paul Okafor will meet again in June.",
    "No candidate won a majority. Nadia Ferro will meet Paul Okafor for coffee.",
    "Nadia Ferro won 52%, a clear majority, and will face Paul Okafor in the fall.",
    "The debate featured Nadia Ferro and Paul Okafor, who are both in the runoff.",
])
def test_no_runoff_implied(extract, text):
    assert plain(extract(text), RUNOFF) == set()


def test_one_who_acts_on_the_pair_is_not_one_of_it(extract):
    text = ("Nadia Ferro led the field, on course to finish 9 points ahead of Paul Okafor. Governor Ana Lee also "
            "congratulated them both on Wednesday. With neither candidate reaching a majority, "
            "they head to a runoff in September.")
    assert plain(extract(text), RUNOFF) == {("Nadia Ferro", "faces_in_runoff", "Paul Okafor")}


@pytest.mark.parametrize("text,polarity", [
    ("Nadia Ferro and Paul Okafor are likely headed to a runoff.", "hypothetical"),
    ("Nadia Ferro will probably face Paul Okafor in a runoff.", "hypothetical"),
    ("Nadia Ferro and Paul Okafor will face off in a runoff, according to unofficial results.", "positive"),
    # "Ruiz and Lind" parsed as "Ruiz" modifying "Lind"
    ("Projections showed Ana Ruiz and Carl Lind advancing to a runoff.", "positive"),
])
def test_hedged_and_sourced_runoffs(extract, text, polarity):
    facts = [f for f in extract(text).facts if f.relation == "faces_in_runoff"]
    assert facts and {f.evidence.polarity for f in facts} == {polarity}


def test_results_written_as_lines_under_a_runoff_heading(extract):
    text = ("These races head to runoffs:\n\nMayor: Nadia Ferro (41%) and Paul Okafor (33%).\n\n"
            "District 3: Ana Kowal, 38 percent, and Omar Baig, 30 percent.")
    assert plain(extract(text), RUNOFF) == {
        ("Nadia Ferro", "faces_in_runoff", "Paul Okafor"), ("Ana Kowal", "faces_in_runoff", "Omar Baig")}


def test_a_verbless_pair_with_no_runoff_around_is_nothing(extract):
    assert plain(extract("Winners:\n\nMayor: Nadia Ferro (41%) and Paul Okafor (33%)."), RUNOFF) == set()


def test_advancing_after_a_runoff_sentence(extract):
    text = "Runoffs were also set in three legislative races. In House District 12, Nadia Ferro and Paul Okafor advanced."
    assert plain(extract(text), RUNOFF) == {("Nadia Ferro", "faces_in_runoff", "Paul Okafor")}


@pytest.mark.parametrize("text,polarity", [
    ("Nadia Ferro and Paul Okafor head to a runoff, according to the Associated Press.", "positive"),
    ("According to the campaign, Nadia Ferro will face Paul Okafor in a runoff.", "reported"),
    ("Nadia Ferro and Paul Okafor were forecast by pollsters to advance to a runoff.", "hypothetical"),
])
def test_sources_and_forecasts_of_runoffs(extract, text, polarity):
    facts = [f for f in extract(text).facts if f.relation == "faces_in_runoff"]
    assert facts and {f.evidence.polarity for f in facts} == {polarity}


def test_two_against_two_are_two_contests_paired_in_order(extract):
    text = ("Two council races head to a runoff on Jan. 5. Council members Nadia Ferro and Ana Lee will face "
            "challengers Paul Okafor and Omar Baig.")
    assert plain(extract(text), RUNOFF) == {("Nadia Ferro", "faces_in_runoff", "Paul Okafor"),
                                            ("Ana Lee", "faces_in_runoff", "Omar Baig")}


def test_one_against_two_is_still_every_pair(extract):
    text = "Nadia Ferro will face Paul Okafor and Omar Baig in a three-way runoff."
    assert plain(extract(text), RUNOFF) == {("Nadia Ferro", "faces_in_runoff", "Paul Okafor"),
                                            ("Nadia Ferro", "faces_in_runoff", "Omar Baig"),
                                            ("Omar Baig", "faces_in_runoff", "Paul Okafor")}


FRONTED_PHRASES = [
    # the parser hangs the names after an opening phrase's comma on the phrase's last noun
    "In the 4th Ward, Nadia Ferro and Paul Okafor advanced to the June runoff.",
    "Among the nine candidates for the Harbor City Council, Nadia Ferro and Paul Okafor will head to a runoff.",
    # a party plural before the names is no part of the first name
    "In the 4th Ward, Republicans Nadia Ferro and Paul Okafor head to a runoff.",
]


@pytest.mark.parametrize("text", FRONTED_PHRASES)
def test_names_after_an_opening_phrase_are_the_subject(extract, text):
    assert plain(extract(text), RUNOFF) == {("Nadia Ferro", "faces_in_runoff", "Paul Okafor")}


def test_a_party_plural_alone_stays_a_group(extract):
    facts = extract("Democrats Nadia Ferro and Paul Okafor will face off in the runoff. Democrats cheered.")
    assert plain(facts, RUNOFF) == {("Nadia Ferro", "faces_in_runoff", "Paul Okafor")}
    assert any(e.label == "Democrats" and e.type == "Group" for e in facts.entities)


def test_a_two_word_surname_in_the_headline_is_the_full_names(extract):
    text = "Le Pen, Okafor will face off in second round\n\nMarine Le Pen and Paul Okafor will meet in the second round on May 7."
    assert plain(extract(text), RUNOFF) == {("Marine Le Pen", "faces_in_runoff", "Paul Okafor")}


NEWS_RUNOFF_WORDINGS = [
    "The costliest of the runoffs is in Ward 3, where Alderman Nadia Ferro faces a challenge from lawyer Paul Okafor.",
    "The June runoff pits Mayor Nadia Ferro against the banker Paul Okafor.",
    "Nadia Ferro declared victory over Paul Okafor in the runoff on Tuesday night.",
    "Nadia Ferro's runoff win over Paul Okafor surprised the party.",
    "Nadia Ferro triumphed over Paul Okafor in the runoff.",
    "Nadia Ferro failed to avoid a runoff and will face Paul Okafor.",
]


@pytest.mark.parametrize("text", NEWS_RUNOFF_WORDINGS)
def test_runoff_wordings_of_news(extract, text):
    assert plain(extract(text), RUNOFF) == {("Nadia Ferro", "faces_in_runoff", "Paul Okafor")}


AVOIDED_RUNOFFS = [
    "Rep. Nadia Ferro, who faced a stiff challenge from businessman Paul Okafor, avoided a runoff on Tuesday.",
    "Nadia Ferro beat Paul Okafor and avoided a runoff.",
]


@pytest.mark.parametrize("text", AVOIDED_RUNOFFS)
def test_a_runoff_avoided_pairs_no_one(extract, text):
    assert plain(extract(text), RUNOFF) == set()


MORE_NEWS_RUNOFFS = [
    "Nadia Ferro and Paul Okafor both made the runoff.",
    "Nadia Ferro and Paul Okafor will both take part in the presidential second round.",
    "The top two candidates were Nadia Ferro and Paul Okafor. The runoff will be held on May 3.",
    "The runoff is set for May 3. In Ward 2 the top two finishers were Nadia Ferro and Paul Okafor.",
]


@pytest.mark.parametrize("text", MORE_NEWS_RUNOFFS)
def test_more_runoff_wordings_of_news(extract, text):
    assert plain(extract(text), RUNOFF) == {("Nadia Ferro", "faces_in_runoff", "Paul Okafor")}


LIKELY_OR_OTHER_CONTESTS = [
    "A runoff between Nadia Ferro and Paul Okafor looks likely, according to a poll released Monday.",
    "A runoff between Nadia Ferro and Paul Okafor is possible.",
    "If no one wins a majority, the top two will meet in a runoff. The top two in the polls are Nadia Ferro and Paul Okafor.",
    "The top two candidates, Nadia Ferro and Paul Okafor, advance to the November general election.",
    "The top two candidates were Nadia Ferro and Paul Okafor. Ferro won 52 percent and avoided a runoff.",
    "Thousands of voters will take part in the runoff. Nadia Ferro and Paul Okafor voted early.",
]


@pytest.mark.parametrize("text", LIKELY_OR_OTHER_CONTESTS)
def test_likely_runoffs_and_other_contests_pair_no_one(extract, text):
    assert plain(extract(text), RUNOFF) == set()


def test_not_enough_to_avoid_a_runoff_leaves_one_to_come(extract):
    text = ("Rep. Nadia Ferro led all four rivals, though not by enough to avoid a runoff. "
            "Ferro will face Paul Okafor, a former county judge.")
    assert plain(extract(text), RUNOFF) == {("Nadia Ferro", "faces_in_runoff", "Paul Okafor")}


def test_an_age_description_faces_a_rival(extract):
    text = "Rep. Nadia Ferro finished first and was forced into a runoff. The 61-year-old will face Paul Okafor."
    assert plain(extract(text), RUNOFF) == {("Nadia Ferro", "faces_in_runoff", "Paul Okafor")}


COPULA_RUNOFFS = [
    "Nadia Ferro and Paul Okafor are in a runoff for the District 3 seat.",
    "Nadia Ferro will be up against Paul Okafor in the runoff.",
    "Nadia Ferro lost the runoff to Paul Okafor.",
]


@pytest.mark.parametrize("text", COPULA_RUNOFFS)
def test_runoffs_told_with_a_copula_or_a_dative(extract, text):
    assert plain(extract(text), RUNOFF) == {("Nadia Ferro", "faces_in_runoff", "Paul Okafor")}


@pytest.mark.parametrize("text", [
    "Whoever wins the runoff will be up against Paul Okafor in November.",
    "Nadia Ferro and Paul Okafor are in runoffs for two council seats.",
    "Nadia Ferro and Paul Okafor are not in a runoff.",
])
def test_copula_non_runoffs(extract, text):
    assert plain(extract(text), RUNOFF) == set()


def test_no_surprise_that_asserts_its_clause(extract):
    text = "It was no surprise that voters sent Nadia Ferro into a runoff with Paul Okafor."
    assert plain(extract(text), RUNOFF) == {("Nadia Ferro", "faces_in_runoff", "Paul Okafor")}
