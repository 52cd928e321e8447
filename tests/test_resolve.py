"""Cross-document entity resolution and deterministic IRIs."""

from kg.build import Builder
from kg.documents import Document
from kg.iris import entity_iri, slug
from kg.model import Entity
from kg.resolve import Resolver


def test_slug_is_stable_readable_and_distinct():
    assert slug("Jeff Sessions") == "jeff-sessions"
    assert slug("José Martí") != slug("Jose Marti")
    assert slug("José Martí").startswith("jose-marti-")
    assert slug("<script>") != slug("script")
    assert slug("北京") and slug("北京") != slug("上海")
    assert len(slug("x" * 10_000)) < 80


def test_surname_joins_the_one_known_person():
    resolver = Resolver()
    full = resolver.canonical(Entity("Jeff Sessions", "Person"))
    assert resolver.canonical(Entity("Sessions", "Person")) == full
    assert "Sessions" in resolver.canonical(Entity("Jeff Sessions", "Person")).aliases
    assert resolver.canonical(Entity("Jeff", "Thing")) == full  # a bare name the model did not type
    # a person stays a person: one document's model calling the surname an organisation does not split him
    assert resolver.canonical(Entity("Sessions", "Organization")) == full
    assert resolver.canonical(Entity("Jeff", "Place")) == full
    assert resolver.canonical(Entity("Sessions Party", "Organization")).type == "Organization"


def test_spellings_of_one_name_are_one_entity():
    resolver = Resolver()
    full = resolver.canonical(Entity("Eric H. Holder Jr.", "Person"))
    for form in ("Eric Holder", "ERIC HOLDER", "Holder", "Eric H. Holder"):
        assert resolver.canonical(Entity(form, "Person")) == full
    lula = resolver.canonical(Entity("Luiz Inácio Lula da Silva", "Person"))
    assert resolver.canonical(Entity("Luiz Inacio Lula da Silva", "Person")) == lula
    assert resolver.canonical(Entity('Ana "Chula" Ruiz', "Person")) == resolver.canonical(Entity("Ana Ruiz", "Person"))


def test_an_organisation_word_never_joins_a_person():
    resolver = Resolver()
    resolver.canonical(Entity("Ana Party", "Person"))
    assert resolver.canonical(Entity("Party", "Organization")).type == "Organization"


def test_shared_surname_stays_ambiguous():
    resolver = Resolver()
    resolver.canonical(Entity("Donald Trump", "Person"))
    resolver.canonical(Entity("Ivanka Trump", "Person"))
    alone = resolver.canonical(Entity("Trump", "Person"))
    assert alone.label == "Trump"
    assert len({entity_iri(e) for e in resolver.entities()}) == 3


def test_same_person_across_documents_is_one_node(nlp):
    builder = Builder(nlp=nlp)
    docs = [
        Document("a", "Governor Maria Alvarez endorsed Senator Tom Reed on Tuesday."),
        Document("b", "Alvarez later appointed Reed as chief of staff."),
    ]
    facts = list(builder.add(docs))
    assert {(f.subject.label, f.relation, f.object.label) for f in facts if f.relation != "holds_position"} == {
        ("Maria Alvarez", "endorses", "Tom Reed"),
        ("Maria Alvarez", "appointed", "Tom Reed"),
    }
    rows = builder.graph.query("SELECT ?p WHERE { ?p a kg:Person }")
    assert len(rows) == 2


def test_rebuilding_the_same_document_changes_nothing(nlp):
    builder = Builder(nlp=nlp)
    doc = Document("a", "Governor Maria Alvarez endorsed Senator Tom Reed on Tuesday.", date="2024-05-01")
    list(builder.add([doc]))
    size = len(builder.graph)
    list(builder.add([doc]))
    assert len(builder.graph) == size
