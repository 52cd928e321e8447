"""Document structure: headlines, datelines, bylines, credits and sentence starts (invented texts)."""

from __future__ import annotations

import pytest

from kg.extraction.structure import find_zones, title_case, zones
from tests.conftest import plain


def _sentences(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


def _kinds(nlp, text: str) -> list[tuple[str, str]]:
    return [(span.label_, span.text) for span in zones(nlp(text))]


def test_a_headline_is_not_part_of_the_lead(nlp):
    text = "Harlow backs Ruiz for county judge\nDORVILLE, Ore. (AP) — Mayor Ben Harlow endorsed Ana Ruiz on Monday."
    sentences = _sentences(nlp, text)
    assert sentences[0] == "Harlow backs Ruiz for county judge"
    assert sentences[-1] == "Mayor Ben Harlow endorsed Ana Ruiz on Monday."
    assert ("dateline", "DORVILLE, Ore. (AP) —") in _kinds(nlp, text)


def test_a_blank_line_always_ends_a_sentence(nlp):
    sentences = _sentences(nlp, "The council met on Friday and\n\nthe vote was close.")
    assert sentences == ["The council met on Friday and", "the vote was close."]


@pytest.mark.parametrize("title", ["Atty.", "Sen.", "Gov.", "Rep.", "Lt. Gov.", "Deputy Atty. Gen.", "Sens.", "Reps."])
def test_abbreviations_do_not_end_a_sentence(nlp, title):
    text = f"The county {title} Cara Lind endorsed Dev Patel. He thanked her."
    sentences = _sentences(nlp, text)
    assert sentences == [f"The county {title} Cara Lind endorsed Dev Patel.", "He thanked her."]


def test_suffixes_initials_and_country_abbreviations_do_not_end_a_sentence(nlp):
    sentences = _sentences(nlp, "Judge Omar T. Reyes Jr. recused himself, the U.S. Justice Department said.")
    assert len(sentences) == 1


def test_a_wrapped_line_continues_its_sentence(nlp):
    sentences = _sentences(nlp, "The mayor named Ana Ruiz,\nher former deputy, to the board. She starts Monday.")
    assert sentences == ["The mayor named Ana Ruiz,\nher former deputy, to the board.", "She starts Monday."]


@pytest.mark.parametrize("line, dateline", [
    ("PORTVALE, Maine (AP) — Dev Patel won.", "PORTVALE, Maine (AP) —"),
    ("NEW HARBOR - Dev Patel won.", "NEW HARBOR -"),
    ("KESTON: Dev Patel won.", "KESTON:"),
    ("Riverton (dpa) - Dev Patel won.", "Riverton (dpa) -"),
    ("ELM CITY, Oct. 4 (UPI) -- Dev Patel won.", "ELM CITY, Oct. 4 (UPI) --"),
    ("Nov. 2 (UPI) — Dev Patel won.", "Nov. 2 (UPI) —"),
])
def test_datelines(line, dateline):
    found, starts = find_zones(line)
    assert [(z.kind, line[z.start:z.end].strip()) for z in found] == [("dateline", dateline)]
    assert line.index("Dev") in starts


@pytest.mark.parametrize("line", [
    "Dev Patel (D) won the seat.",
    "Sen. Cara Lind (R-Ore.) said so.",
    "LIUNA, a trades union, backed her.",
])
def test_prose_is_no_dateline(line):
    found, _ = find_zones(line)
    assert not [z for z in found if z.kind == "dateline"]


def test_bylines_and_photo_credits(nlp):
    text = ("Patel Wins Again\nBy OLGA MERTENS\n\nDev Patel waves to supporters in Keston on Sunday. "
            "Olga Mertens/AP\n\nDev Patel won the runoff.")
    kinds = _kinds(nlp, text)
    assert ("byline", "By OLGA MERTENS") in kinds
    assert ("credit", "Olga Mertens/AP") in kinds
    assert "Olga Mertens/AP" in _sentences(nlp, text)


def test_a_credit_spaced_around_its_slash_is_a_credit(nlp, extract):
    # Regression: "(Olga Mertens / Getty Images)" under a photo became a person and the object of
    # the endorsement told just before it.
    text = "Mayor Dev Patel endorsed Cara Lind in March.\n\n(Olga Mertens / Getty Images)\n\nLind won."
    assert ("credit", "Olga Mertens / Getty Images") in _kinds(nlp, text)
    assert "Olga Mertens" not in {e.label for e in extract(text).entities}


def test_title_case():
    assert title_case("Patel Wins Runoff Against Lind In Keston")
    assert not title_case("Patel wins runoff against Lind in Keston")


def test_datelines_bylines_and_headline_words_create_no_entities(extract):
    text = ("Lind Sits Out As Patel Wins Keston Runoff\n\nBy OLGA MERTENS\n\n"
            "KESTON, Ore. (AP) — Mayor Dev Patel will face Cara Lind in a runoff on Tuesday. "
            "Patel thanked voters. Olga Mertens/AP")
    labels = {e.label for e in extract(text).entities}
    assert {"Dev Patel", "Cara Lind"} <= labels
    assert not labels & {"KESTON", "Lind Sits", "OLGA MERTENS", "Olga Mertens", "Tuesday", "Keston Runoff"}


def test_a_dateline_is_never_a_subject(extract):
    facts = plain(extract("DORVILLE (AP) Mayor Ben Harlow endorsed Ana Ruiz."), ["endorses"])
    assert facts == {("Ben Harlow", "endorses", "Ana Ruiz")}


def test_weekdays_months_and_state_codes_are_no_entities(extract):
    text = "Rep. Ana Ruiz (D-Ore.) endorsed Rep. Ben Okoro (R-Texas) on Monday, and again in March."
    labels = {e.label for e in extract(text).entities}
    assert "Ana Ruiz" in labels and "Ben Okoro" in labels
    assert not labels & {"D-Ore.", "R-Texas", "Monday", "March", "Ore.", "Texas"} - {"Texas"}


def test_offsets_stay_exact(extract):
    text = "Keston mayor backs Lind\n\nKESTON (AP) — Mayor Dev Patel endorsed Cara Lind on Friday."
    (fact,) = [f for f in extract(text).facts if f.relation == "endorses"]
    ev = fact.evidence
    assert text[ev.start:ev.end] == ev.sentence == "Mayor Dev Patel endorsed Cara Lind on Friday."


def test_a_list_of_short_lines_is_no_headline(extract):
    text = ("Runoff Results\nMayor: Maren Vogt Vs. Tomas Brell\nClerk: Dana Whitcombe Vs. Cara Lind\n"
            "Treasurer: Olga Mertens Vs. Ben Okoro\nSheriff: Ana Ruiz Vs. Dev Patel\n")
    labels = {e.label for e in extract(text).entities}
    assert {"Ana Ruiz", "Dev Patel"} <= labels


def test_a_jsonl_title_is_read_as_the_headline(extractor):
    from kg.documents import Document

    title = "Will Keston Back Patel? Mayor Says Yes."
    text = f"{title} Mayor Dev Patel endorsed Cara Lind on Friday."
    with_title = extractor.extract(Document(id="t", text=text, title=title))
    without = extractor.extract(Document(id="t", text=text))
    (fact,) = [f for f in with_title.facts if f.relation == "endorses"]
    assert fact.evidence.sentence == "Mayor Dev Patel endorsed Cara Lind on Friday."
    assert text[fact.evidence.start:fact.evidence.end] == fact.evidence.sentence
    assert "Keston Back Patel" not in {e.label for e in with_title.entities}
    assert with_title.sentences == 2 < without.sentences  # the title is one sentence, a headline


def test_a_title_case_headline_is_parsed_in_sentence_case(nlp):
    from kg.extraction.structure import dictionary, sentence_case_headlines

    text = ("Mayor Backs Okafor Over Brell In Council Race\n\nMayor Ana Ruiz backed John Carter on Monday. "
            "Okafor faces Maren Brell in the council race.")
    parsed = sentence_case_headlines(text, None, dictionary(nlp))
    assert parsed.startswith("Mayor backs Okafor over Brell in council race\n")  # the names stay
    assert len(parsed) == len(text) and parsed[text.index("\n"):] == text[text.index("\n"):]


def test_a_headline_word_the_text_never_uses_stays_unless_it_is_common(nlp):
    from kg.extraction.structure import dictionary, sentence_case_headlines

    text = "Zorvath Heads to a Runoff With Quillon\n\nThe count ended on Sunday."
    parsed = sentence_case_headlines(text, None, dictionary(nlp))
    assert parsed.splitlines()[0] == "Zorvath heads to a Runoff with Quillon"  # a noun may be a name
    assert sentence_case_headlines(text) == text.replace("With", "with")  # no dictionary: function words only


def test_a_list_of_pairings_keeps_its_names(nlp):
    from kg.extraction.structure import dictionary, sentence_case_headlines

    text = "Mayor: Ines Moro vs. Paul Okafor (D)\n\nThe count ended on Sunday."
    assert sentence_case_headlines(text, None, dictionary(nlp)) == text


def test_a_headline_alone_is_read_as_written(nlp):
    from kg.extraction.structure import dictionary, sentence_case_headlines

    assert sentence_case_headlines("Mayor Backs Okafor In Council Race", None, dictionary(nlp)) == (
        "Mayor Backs Okafor In Council Race")


def test_facts_of_a_title_case_headline_keep_the_text_as_written(extract):
    text = ("Maria Lopez And John Carter Head To A Runoff In Velora\n\n"
            "Voters in Velora go back to the polls for a runoff next month. Maria Lopez led the first round, "
            "and John Carter came second.")
    result = extract(text)
    facts = [f for f in result.facts if f.relation == "faces_in_runoff"]
    assert {frozenset((f.subject.label, f.object.label)) for f in facts} == {frozenset(("Maria Lopez", "John Carter"))}
    ev = next(f.evidence for f in facts if f.evidence.start == 0)
    assert ev.sentence == text[ev.start:ev.end] == "Maria Lopez And John Carter Head To A Runoff In Velora"
    assert not {"Head", "Runoff", "Velora Head"} & {e.label for e in result.entities}


def test_wrapped_lines_of_the_lead_are_no_headlines(nlp):
    text = ("Council names two new judges\n"
            "Mayor Ana Ruiz on Monday appointed two new judges to the\n"
            "courts of Dorville and Keston. Judge Tom Brell\n"
            "was appointed to the Dorville court.")
    assert _kinds(nlp, text) == [("headline", "Council names two new judges")]
    assert _sentences(nlp, text)[-1] == "Judge Tom Brell\nwas appointed to the Dorville court."


def test_an_abbreviation_inside_a_headline_ends_no_sentence(nlp):
    text = "Sen. Ruiz Backs Brell for Mayor\n\nSen. Ana Ruiz endorsed Tom Brell on Monday."
    assert _kinds(nlp, text)[0] == ("headline", "Sen. Ruiz Backs Brell for Mayor")


def test_a_pairing_line_is_one_headline(nlp):
    text = "Mayor: Ines Moro vs. Paul Okafor\n\nThe count ended on Sunday."
    assert _kinds(nlp, text)[0] == ("headline", "Mayor: Ines Moro vs. Paul Okafor")


def test_a_caption_that_ends_in_a_photo_credit_ends_its_sentence():
    """A caption line without a full stop but with its credit ("(A B / Getty Images)") is not
    continued by the next line (a repeated caption, or the lead)."""
    text = ("Party leaders weighed in early this year in several races.\n\n"
            "Ben Okoro won Ana Ruiz's backing in the Senate primary on Wednesday (Thos Rivera / Getty Images)\n"
            "Ben Okoro won Ana Ruiz's backing in the Senate primary on Wednesday (Thos Rivera / Getty Images)\n\n"
            "Former Governor Ana Ruiz endorsed Ben Okoro.")
    _, starts = find_zones(text)
    assert text.index("Ben Okoro", text.index("Images)")) in starts
