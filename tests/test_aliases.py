"""User steering: alias files, ``kg entities``, names with types and IRIs, relations left out."""

from __future__ import annotations

import json

import pytest

from kg.aliases import AliasError, parse_tsv, parse_turtle, read_aliases
from kg.cli import main
from kg.graph import KnowledgeGraph
from kg.iris import entity_iri
from kg.model import Entity, Evidence, Fact
from kg.resolve import Resolver


def _fact(subject: Entity, relation: str, obj: Entity, start: int = 0) -> Fact:
    return Fact(subject, relation, obj, Evidence("d1", "s.", start, start + 2, "t", "active", 0.9))


def test_tsv_aliases_rename_and_retype():
    aliases = parse_tsv("# people\nLuiz Inácio Lula da Silva (Person)\tLula\tInacio Lula\n\nEric Holder\tEric H. Holder Jr.\n"
                        "NRSC (Organization)\n")
    resolver = Resolver(aliases)
    lula = resolver.canonical(Entity("Lula", "Thing"))
    assert lula.key == ("Person", "Luiz Inácio Lula da Silva", "") and "Lula" in lula.aliases
    assert resolver.canonical(Entity("LULA", "Organization")) == lula
    holder = resolver.canonical(Entity("Eric H. Holder Jr.", "Person"))
    assert holder.label == "Eric Holder"
    assert resolver.canonical(Entity("Eric Holder", "Organization")) == holder  # one entity whatever the model said
    assert resolver.canonical(Entity("NRSC", "Person")).type == "Organization"


@pytest.mark.parametrize("text, message", [
    ("Lula\n", "needs other names"),
    ("Lula (Saint)\tLuiz\n", "unknown type 'Saint'"),
])
def test_tsv_errors_name_the_line(text, message):
    with pytest.raises(AliasError, match=f"f.tsv:1: .*{message}"):
        parse_tsv(text, "f.tsv")


def test_turtle_aliases():
    aliases = parse_turtle("""
        @prefix kg: <https://w3id.org/kg/ontology#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix owl: <http://www.w3.org/2002/07/owl#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        <urn:a> rdfs:label "Ana Ruiz" ; a kg:Person ; owl:sameAs <urn:b> .
        <urn:b> rdfs:label "Ana María Ruiz" ; skos:altLabel "Ruiz" .
        <urn:c> rdfs:label "Valley Courier" ; a kg:Organization .
    """)
    resolver = Resolver(aliases)
    ana = resolver.canonical(Entity("Ana María Ruiz", "Organization"))
    assert ana.key == ("Person", "Ana Ruiz", "")
    assert resolver.canonical(Entity("Ruiz", "Thing")) == ana
    assert resolver.canonical(Entity("Valley Courier", "Person")).type == "Organization"
    with pytest.raises(AliasError, match="not Turtle"):
        parse_turtle("<urn:a> rdfs:label", "bad.ttl")


def test_read_aliases_reports_unreadable_files(tmp_path):
    with pytest.raises(AliasError, match="cannot read"):
        read_aliases(tmp_path / "missing.tsv")


ANA, ANA_ORG = Entity("Ana Ruiz", "Person"), Entity("Ana Ruiz", "Organization")
BEN, MAYOR = Entity("Ben Okoro", "Person"), Entity("mayor", "Position")
STEVE, STEVEN = Entity("Steve Marsh", "Person"), Entity("Steven Marsh", "Person")
CAL = Entity("Cal Lind", "Person")


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory):
    kg = KnowledgeGraph()
    for f in (_fact(ANA, "endorses", BEN), _fact(ANA_ORG, "endorses", STEVE, 10), _fact(BEN, "holds_position", MAYOR, 20),
              _fact(CAL, "holds_position", MAYOR, 30), _fact(STEVEN, "endorses", CAL, 40)):
        kg.add_fact(f)
    return kg.serialize(tmp_path_factory.mktemp("g") / "graph.ttl")


def test_entities_lists_and_finds_duplicates(graph_file, capsys):
    assert main(["entities", str(graph_file), "--type", "person", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["label"] for r in rows} == {"Ana Ruiz", "Ben Okoro", "Steve Marsh", "Steven Marsh", "Cal Lind"}
    assert next(r for r in rows if r["label"] == "Ben Okoro")["facts"] == 2
    assert main(["entities", str(graph_file), "--duplicates"]) == 0
    out = capsys.readouterr().out
    assert "Ana Ruiz (Organization)\tAna Ruiz (Person)\tthe same name" in out
    assert "Steve Marsh (Person)\tSteven Marsh (Person)\tthe same surname" in out
    assert "(2 likely duplicates)" in out


def test_names_with_types_and_iris(graph_file, capsys):
    assert main(["neighbors", str(graph_file), "Ana Ruiz"]) == 1
    assert "ambiguous" in capsys.readouterr().err
    assert main(["neighbors", str(graph_file), "Ana Ruiz (Organization)"]) == 0
    assert "Steve Marsh" in capsys.readouterr().out
    assert main(["neighbors", str(graph_file), str(entity_iri(ANA))]) == 0
    assert "Ben Okoro" in capsys.readouterr().out
    assert main(["neighbors", str(graph_file), "ent:person/ana-ruiz"]) == 0
    assert "Ben Okoro" in capsys.readouterr().out


def test_positions_are_no_links_unless_asked(graph_file, capsys):
    assert main(["path", str(graph_file), "Ana Ruiz (Person)", "Cal Lind"]) == 1  # only via the mayor's office
    capsys.readouterr()
    assert main(["path", str(graph_file), "Ana Ruiz (Person)", "Cal Lind", "--exclude-relation", "none"]) == 0
    assert "mayor" in capsys.readouterr().out
    assert main(["neighbors", str(graph_file), "Ben Okoro"]) == 0
    assert "mayor" not in capsys.readouterr().out
    assert main(["neighbors", str(graph_file), "mayor"]) == 0  # a position's own holders are shown
    assert "Cal Lind" in capsys.readouterr().out


def test_build_with_aliases(tmp_path, nlp, capsys):
    text = tmp_path / "a.txt"
    text.write_text("Mayor Dana Whitcombe endorsed Maren Vogt on Monday.\n")
    aliases = tmp_path / "aliases.tsv"
    aliases.write_text("Dana J. Whitcombe (Person)\tDana Whitcombe\n")
    assert main(["build", str(text), "-o", str(tmp_path / "out"), "--aliases", str(aliases), "-q"]) == 0
    facts = [json.loads(line) for line in (tmp_path / "out" / "facts.jsonl").read_text().splitlines()]
    assert ("Dana J. Whitcombe", "endorses", "Maren Vogt") in {(f["subject"], f["relation"], f["object"]) for f in facts}
    bad = tmp_path / "bad.tsv"
    bad.write_text("Lula\n")
    assert main(["build", str(text), "-o", str(tmp_path / "out2"), "--aliases", str(bad), "-q"]) == 2
    assert "bad.tsv:1" in capsys.readouterr().err


def test_duplicates_know_familiar_first_names(tmp_path, capsys):
    kg = KnowledgeGraph()
    bill, william, robert = (Entity(n, "Person") for n in ("Bill Ostrander", "William Ostrander", "Robert Ostrander"))
    for f in (_fact(bill, "endorses", CAL), _fact(william, "endorses", BEN, 10), _fact(robert, "endorses", ANA, 20)):
        kg.add_fact(f)
    path = kg.serialize(tmp_path / "graph.ttl")
    assert main(["entities", str(path), "--duplicates"]) == 0
    out = capsys.readouterr().out
    assert "Bill Ostrander (Person)\tWilliam Ostrander (Person)\tthe same surname" in out
    assert "Robert" not in out  # neither a Bill nor a William
