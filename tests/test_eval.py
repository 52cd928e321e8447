"""``kg eval`` and :mod:`kg.evaluate`: the matcher, the report, the CLI and the development set."""

import json
from pathlib import Path

import pytest

from kg.cli import main
from kg.evaluate import (
    matter_matches,
    Counts,
    GoldError,
    GoldTriple,
    Passage,
    evaluate,
    is_holdout,
    labelled_relations,
    name_matches,
    normalize,
    parse_gold,
    read_gold,
    score,
    split,
)
from kg.model import Entity, Evidence, Fact

DATA = Path(__file__).parent / "data"
DEV_SET = DATA / "dev.jsonl"
MISSION = {"endorses", "recused_from", "appointed", "faces_in_runoff"}
# Floors only ever go up: the current figures, micro-F1 rounded down to 0.05, and trap violations.
FLOORS = {"dev.jsonl": (0.95, 0), "heldout.jsonl": (0.85, 1)}


def person(label, *aliases):
    return Entity(label, "Person", frozenset(aliases))


def fact(subject, relation, obj, polarity="positive", sentence="S."):
    evidence = Evidence(doc="d", sentence=sentence, start=0, end=len(sentence), trigger="t",
                        frame="active", confidence=0.9, polarity=polarity)
    return Fact(subject, relation, obj, evidence)


def passage(*triples, trap=False, pid="p"):
    return Passage(id=pid, text="Text.", triples=tuple(GoldTriple(*t) for t in triples), trap=trap)


# -- matching --------------------------------------------------------------------------------------

def test_normalize_strips_case_space_article_and_trailing_punctuation():
    assert normalize("  The Investigation  into\nRussian interference. ") == "investigation into russian interference"
    assert normalize("Theodore") == "theodore"


def test_names_match_by_label_or_alias_case_insensitively():
    sessions = person("Jeff Sessions", "Sessions", "Jeff")
    assert name_matches("jeff sessions", sessions)
    assert name_matches("Jeff", sessions)  # an alias, not a suffix
    assert not name_matches("Jefferson", sessions)


def test_person_names_match_by_token_suffix_either_way():
    assert name_matches("Sessions", person("Jeff Sessions"))
    assert name_matches("Jeff Sessions", person("Sessions"))
    assert not name_matches("Jeff", person("Jeff Sessions"))
    assert not name_matches("Eric Trump", person("Donald Trump"))
    assert not name_matches("Real Betis", Entity("Betis", "Organization"))
    assert name_matches("the Vienna Philharmonic", Entity("Vienna Philharmonic", "Organization"))


def test_names_match_as_a_reader_would():
    assert name_matches("Macron", person("Emmanuel Macron"))
    assert name_matches("Waller", person("Bill Waller Jr."))
    assert name_matches("Bill Waller Jr.", person("Waller"))
    assert name_matches("Michèle Bachelet", person("Michele Bachelet"))
    assert name_matches("José Antonio Kast", person("Jose Antonio Kast"))
    assert name_matches("Beto O’Rourke", person("Beto O'Rourke"))
    assert name_matches("Kay Ivey", person("Gov. Kay Ivey"))
    assert name_matches("Donald J. Trump", person("Donald Trump"))
    assert not name_matches("J. Trump", person("Donald Trump"))
    assert name_matches("Okafor", person("President Okafor"))
    assert name_matches("Okafor", Entity("Denise Okafor", "Thing"))  # a name of no settled type
    assert not name_matches("Okafor", Entity("Okafor Group", "Organization"))
    assert name_matches("Law and Justice", Entity("Law and Justice party", "Organization"))
    assert name_matches("Sun-Times", Entity("Sun-Times Editorial Board", "Organization"))
    assert name_matches("The Harbor Courier's editorial board", Entity("Harbor Courier", "Organization"))
    assert not name_matches("Party", Entity("Socialist Party", "Organization"))
    assert not name_matches("Labour", Entity("Labour Party", "Person"))
    assert not name_matches("Jr.", person("Bill Waller Jr."))
    assert not name_matches("Governor", person("Gov. Kay Ivey"))


def test_matters_match_as_a_reader_would():
    inquiry = Entity("hearing the county council's appeal against the port levy", "Matter")
    assert matter_matches("the county council's appeal against the port levy", inquiry)  # leading gerund
    assert matter_matches("hearing the county council's appeal against the port levy in March", inquiry)  # runs on
    assert matter_matches("the county council's appeal", inquiry)  # three words kept: the same appeal
    assert not matter_matches("the council's appeal", inquiry)  # too short to name one matter
    assert not matter_matches("the county council's contempt petition", inquiry)
    assert not matter_matches("Ruiz v. Harbour Board", Entity("case", "Matter"))
    # a phrase cut at its comma is a prefix of the whole; brackets and commas around words aside
    cut = Entity("a contempt petition filed by the guild against the mill owner", "Matter")
    assert matter_matches("a contempt petition filed by the guild against the mill owner, Ana Ruiz & Co", cut)
    assert matter_matches("the delay in the North Province (NP)", Entity("delay in the North Province (NP", "Matter"))
    # a generic phrase that stood for a named matter is one of its forms
    assert matter_matches("the case", Entity("Ruiz v. Harbour Board", "Matter", frozenset({"case"})))


def test_a_gold_triple_matches_a_prediction_with_surname_and_alias():
    report = score([(passage(("Trump", "endorses", "Tommy Tuberville")),
                     [fact(person("Donald Trump"), "endorses", person("Tuberville"))])])
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (1, 0, 0)


def test_symmetric_relations_match_in_either_direction_and_count_once():
    gold = passage(("Jeff Sessions", "faces_in_runoff", "Tommy Tuberville"),
                   ("Tommy Tuberville", "faces_in_runoff", "Jeff Sessions"))
    a, b = person("Jeff Sessions"), person("Tommy Tuberville")
    report = score([(gold, [fact(b, "faces_in_runoff", a), fact(a, "faces_in_runoff", b)])])
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (1, 0, 0)


def test_asymmetric_relations_do_not_match_reversed():
    report = score([(passage(("Trump", "endorses", "Tuberville")),
                     [fact(person("Tuberville"), "endorses", person("Trump"))])])
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (0, 1, 1)


def test_each_gold_triple_matches_at_most_one_prediction():
    gold = passage(("Trump", "endorses", "Tuberville"))
    facts = [fact(person("Trump"), "endorses", person("Tuberville")),
             fact(person("Donald Trump"), "endorses", person("Tuberville"))]
    report = score([(gold, facts)])
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (1, 1, 0)


def test_matching_is_one_to_one_at_its_best():
    # Greedy matching would pair gold 1 with prediction A and leave gold 2 unmatched.
    gold = passage(("Sessions", "endorses", "Tuberville"), ("Jeff Sessions", "endorses", "Tuberville"))
    facts = [fact(person("Jeff Sessions"), "endorses", person("Tuberville")),
             fact(person("Sessions"), "endorses", person("Tuberville"))]
    report = score([(gold, facts)])
    assert report.micro.tp == 2


def test_the_same_fact_in_several_sentences_is_one_prediction():
    t, s = person("Trump"), person("Sessions")
    report = score([(passage(), [fact(t, "appointed", s, sentence="One."), fact(t, "appointed", s, sentence="Two.")])],
                   only={"appointed"})
    assert report.relations["appointed"].fp == 1


def test_only_positive_facts_count_and_misses_name_what_was_found_instead():
    gold = passage(("Trump", "endorses", "Sessions"))
    report = score([(gold, [fact(person("Trump"), "endorses", person("Sessions"), polarity="negative")])])
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (0, 0, 1)
    (miss,) = report.passages[0].misses
    assert miss.found_as.evidence.polarity == "negative"
    assert "[extracted as negative]" in report.format(show=True)


def test_by_default_only_the_relations_the_gold_labels_count():
    facts = [fact(person("Trump"), "supports", person("Tuberville")),
             fact(person("Trump"), "holds_position", Entity("president", "Position"))]
    labelled = passage(("Trump", "endorses", "Tuberville"), pid="a")
    trap = passage(trap=frozenset({"appointed"}), pid="b")
    report = score([(labelled, facts), (trap, facts)])
    assert set(report.relations) == {"endorses", "appointed"}  # a trap list labels its relations too
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (0, 0, 1)
    everything = score([(labelled, facts)], only={"endorses", "supports", "holds_position"})
    assert everything.relations["supports"].fp == 1 and everything.relations["holds_position"].fp == 1


def test_scoring_can_keep_only_some_relations():
    gold = passage(("Trump", "endorses", "Tuberville"), ("Trump", "holds_position", "president"))
    facts = [fact(person("Trump"), "endorses", person("Tuberville")), fact(person("Trump"), "supports", person("Moore"))]
    report = score([(gold, facts)], only={"endorses"})
    assert set(report.relations) == {"endorses"}
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (1, 0, 0)


def test_trap_violations_are_positive_facts_of_relations_the_trap_gold_lacks():
    t, s = person("Trump"), person("Sessions")
    facts = [fact(t, "endorses", s), fact(s, "holds_position", Entity("senator", "Position"))]
    trap = passage(("Sessions", "holds_position", "senator"), trap=True, pid="trap")
    plain = passage(pid="plain")
    listed = passage(trap=frozenset({"appointed"}), pid="listed")
    report = score([(trap, facts), (plain, facts), (listed, facts)], only={"endorses", "holds_position"})
    assert [(p.id, str(v)) for p, v in report.trap_violations] == [("trap", "Trump -endorses-> Sessions")]
    assert report.trap_passages == 2
    assert "trap violations: 1" in report.format()


def test_labelled_relations_come_from_triples_and_trap_lists():
    passages = [passage(("A", "endorses", "B")), passage(trap=frozenset({"recused_from"})), passage(trap=True)]
    assert labelled_relations(passages) == {"endorses", "recused_from"}


def test_the_split_holds_out_ids_ending_in_a_number_divisible_by_four():
    assert [is_holdout(i) for i in ("d004", "d160", "d001", "d002", "trap-neg-08", "x", "d010")] == \
        [True, True, False, False, True, False, False]
    passages = [passage(pid=f"d{n:03d}") for n in range(1, 9)]
    assert [p.id for p in split(passages, "holdout")] == ["d004", "d008"]
    assert len(split(passages, "tune")) == 6 and len(split(passages, "all")) == 8
    with pytest.raises(ValueError, match="unknown split"):
        split(passages, "dev")


def test_counts_give_precision_recall_and_f1():
    c = Counts(tp=2, fp=1, fn=3)
    assert (c.gold, c.predicted) == (5, 3)
    assert c.precision == pytest.approx(2 / 3)
    assert c.recall == pytest.approx(2 / 5)
    assert c.f1 == pytest.approx(2 * (2 / 3) * (2 / 5) / (2 / 3 + 2 / 5))
    assert Counts().f1 == 0.0


# -- report ----------------------------------------------------------------------------------------

def test_format_is_an_aligned_table_with_micro_totals():
    gold = passage(("Trump", "endorses", "Tuberville"), ("Sessions", "recused_from", "investigation"))
    report = score([(gold, [fact(person("Trump"), "endorses", person("Tuberville"))])])
    lines = report.format().splitlines()
    table = lines[:lines.index("")]
    assert table[0].split() == ["relation", "gold", "pred", "tp", "fp", "fn", "precision", "recall", "f1"]
    assert len({len(line) for line in table}) == 1
    assert table[-1].split() == ["micro", "2", "1", "1", "0", "1", "1.000", "0.500", "0.667"]
    assert "miss" not in report.format()
    shown = report.format(show=True)
    assert "miss   Sessions -recused_from-> investigation" in shown


def test_report_as_json():
    gold = passage(("Trump", "endorses", "Tuberville"))
    report = score([(gold, [fact(person("Trump"), "endorses", person("Sessions"), sentence="Trump endorsed Sessions.")])])
    data = json.loads(json.dumps(report.to_dict()))
    assert data["micro"]["fp"] == 1 and data["micro"]["fn"] == 1
    assert data["details"][0]["false"][0]["sentence"] == "Trump endorsed Sessions."


# -- gold files ------------------------------------------------------------------------------------

@pytest.mark.parametrize("line, message", [
    ("{not json", "g:1: malformed JSON"),
    ('["a list"]', "g:1: expected a JSON object"),
    ('{"id": "a", "triples": []}', "g:1: missing or empty \"text\""),
    ('{"text": "T.", "triples": [{"subject": "A", "relation": "likes", "object": "B"}]}', "unknown relation 'likes'"),
    ('{"text": "T.", "triples": [{"subject": "A", "relation": "endorses"}]}', "needs string"),
    ('{"text": "T.", "trap": "yes"}', "\"trap\" must be"),
])
def test_bad_gold_lines_are_named(line, message):
    with pytest.raises(GoldError, match=message.replace("(", r"\(")):
        parse_gold([line], "g")


def test_duplicate_ids_are_refused():
    with pytest.raises(GoldError, match="g:2: duplicate id 'a'"):
        parse_gold(['{"id": "a", "text": "T."}', '{"id": "a", "text": "U."}'], "g")


def test_gold_lines_keep_date_and_trap():
    (p,) = parse_gold(['{"id": "a", "text": "T.", "date": "2020-03-10", "trap": ["endorses"]}'])
    assert p.date == "2020-03-10" and p.trap == frozenset({"endorses"}) and p.triples == ()


# -- the command -----------------------------------------------------------------------------------

@pytest.fixture
def small_gold(tmp_path):
    path = tmp_path / "gold.jsonl"
    lines = [
        {"id": "a", "text": "Senator Ana Ruiz endorsed Tom Hale on Monday.",
         "triples": [{"subject": "Ana Ruiz", "relation": "endorses", "object": "Tom Hale"},
                     {"subject": "Ana Ruiz", "relation": "holds_position", "object": "senator"}]},
        {"id": "b", "text": "Ana Ruiz did not endorse Lee Park.", "triples": [], "trap": True},
        {"id": "c", "text": "Tom Hale and Lee Park will face off in a runoff.",
         "triples": [{"subject": "Lee Park", "relation": "faces_in_runoff", "object": "Hale"},
                     {"subject": "Lee Park", "relation": "appointed", "object": "Tom Hale"}]},
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def test_cli_prints_the_table(small_gold, capsys):
    assert main(["eval", str(small_gold)]) == 0
    out = capsys.readouterr().out
    rows = {line.split()[0]: line.split() for line in out.splitlines() if line.strip()}
    assert rows["faces_in_runoff"][1:6] == ["1", "1", "1", "0", "0"]
    assert rows["appointed"][1:6] == ["1", "0", "0", "0", "1"]
    assert "passages: 3 (1 traps)" in out
    assert "trap violations: 0" in out


def test_cli_show_lists_misses(small_gold, capsys):
    assert main(["eval", str(small_gold), "--show"]) == 0
    out = capsys.readouterr().out
    assert "== c: Tom Hale and Lee Park will face off in a runoff." in out
    assert "miss   Lee Park -appointed-> Tom Hale" in out


def test_cli_json(small_gold, capsys):
    assert main(["eval", str(small_gold), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["passages"] == 3 and data["relations"]["appointed"]["fn"] == 1


@pytest.mark.parametrize("content, message", [
    (None, "cannot read"),
    ("", "no passages"),
    ('{"text": "A."}\n{oops\n', ":2: malformed JSON"),
])
def test_cli_bad_gold_is_one_line_error(tmp_path, capsys, content, message):
    path = tmp_path / "gold.jsonl"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert main(["eval", str(path)]) == 1
    err = capsys.readouterr().err
    assert message in err and err.startswith("kg eval: error:") and len(err.strip().splitlines()) == 1


def test_cli_scores_only_the_relations_asked_for(small_gold, capsys):
    assert main(["eval", str(small_gold), "--relation", "appointed", "--relation", "endorses"]) == 0
    rows = [line.split()[0] for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert "appointed" in rows and "endorses" in rows
    assert "faces_in_runoff" not in rows and "holds_position" not in rows


def test_cli_scores_the_labelled_relations_by_default_or_all_of_them(small_gold, capsys):
    assert main(["eval", str(small_gold)]) == 0
    rows = {line.split()[0] for line in capsys.readouterr().out.splitlines() if line.strip()}
    assert {"endorses", "holds_position", "appointed", "faces_in_runoff"} <= rows
    assert main(["eval", str(small_gold), "--all-relations"]) == 0
    rows = {line.split()[0] for line in capsys.readouterr().out.splitlines() if line.strip()}
    assert {"dismissed", "supports", "recused_from"} <= rows


def test_cli_split_scores_one_part(tmp_path, capsys):
    path = tmp_path / "gold.jsonl"
    lines = [{"id": f"n{n}", "text": f"Senator Ana Ruiz endorsed Tom Hale{n}.",
              "triples": [{"subject": "Ana Ruiz", "relation": "endorses", "object": f"Tom Hale{n}"}]}
             for n in (1, 2, 3, 4)]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    assert main(["eval", str(path), "--split", "holdout"]) == 0
    assert "passages: 1 (0 traps)" in capsys.readouterr().out
    assert main(["eval", str(path), "--split", "tune", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["passages"] == 3
    only_tune = tmp_path / "tune.jsonl"
    only_tune.write_text(json.dumps(lines[0]) + "\n", encoding="utf-8")
    assert main(["eval", str(only_tune), "--split", "holdout"]) == 1
    assert "no passages in the holdout part" in capsys.readouterr().err


def test_cli_unknown_relation_is_a_usage_error(small_gold, capsys):
    assert main(["eval", str(small_gold), "--relation", "endorse"]) == 2
    assert "unknown relation 'endorse'" in capsys.readouterr().err


def test_cli_unknown_model_is_one_line_error(small_gold, capsys):
    assert main(["eval", str(small_gold), "--model", "no_such_pipeline_xyz"]) == 1
    assert "no_such_pipeline_xyz" in capsys.readouterr().err


# -- the development set ---------------------------------------------------------------------------

def test_dev_set_covers_every_mission_relation_and_many_traps():
    passages = read_gold(DEV_SET)
    assert len(passages) >= 70
    relations = {t.relation for p in passages for t in p.triples}
    assert MISSION | {"holds_position", "candidate_for", "dismissed"} <= relations
    assert sum(1 for p in passages if p.trap) >= 30


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_gold_sets_score_above_their_floors(extractor, name):
    f1_floor, violations_ceiling = FLOORS[name]
    report = evaluate(extractor, read_gold(DATA / name))
    assert report.micro.f1 >= f1_floor, report.format(show=True)
    assert len(report.trap_violations) <= violations_ceiling, report.format()


# -- real news -------------------------------------------------------------------------------------

NEWS_DEV = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "news-dev" / "gold.jsonl"
# Floors only go up: micro-F1 (rounded down to 0.05) and trap violations on each part of the real-news set.
NEWS_FLOORS = {"tune": (0.65, 0), "holdout": (0.45, 0)}


@pytest.mark.parametrize("part", sorted(NEWS_FLOORS))
def test_real_news_scores_above_its_floors(extractor, part):
    if not NEWS_DEV.exists():
        pytest.skip(f"real-news development set not present at {NEWS_DEV}")
    f1_floor, violations_ceiling = NEWS_FLOORS[part]
    report = evaluate(extractor, split(read_gold(NEWS_DEV), part))
    assert report.micro.f1 >= f1_floor, report.format()
    assert len(report.trap_violations) <= violations_ceiling, report.format()
