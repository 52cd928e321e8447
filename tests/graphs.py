"""A small hand-made graph: a chain of facts, a symmetric one, a denied and a reported one (with markup)."""

from kg.documents import Document
from kg.graph import KnowledgeGraph
from kg.model import Entity, Evidence, Fact

ANN = Entity("Ann Lee", "Person", frozenset({"Lee"}))
BOB = Entity("Bob Roy", "Person")
CAL = Entity("Cal Diaz", "Person")
ACME = Entity("Acme Party", "Organization")
MAYOR = Entity("mayor", "Position")
ZED = Entity("Zed Tam", "Person")


def fact(subject, relation, obj, sentence, doc="d1", start=0, polarity="positive", confidence=0.9, date="2021-05-01"):
    return Fact(subject, relation, obj, Evidence(doc, sentence, start, start + len(sentence), "t", "verb",
                                                 confidence, polarity, date))


FACTS = [
    fact(ANN, "endorses", BOB, "Ann Lee endorsed Bob Roy.", start=0),
    fact(ANN, "endorses", BOB, "Lee backed Roy again.", doc="d2", start=10, confidence=0.8, date="2021-06-02"),
    fact(BOB, "faces_in_runoff", CAL, "Bob Roy and Cal Diaz face a runoff.", start=30),
    fact(CAL, "holds_position", MAYOR, "Mayor Cal Diaz spoke.", start=70, date=None),
    fact(ACME, "endorses", CAL, "Acme Party did not endorse Cal Diaz.", start=90, polarity="negative"),
    fact(ZED, "supports", ACME, 'Zed Tam said <script>window.__pwned=1</script> he supports Acme Party.', start=130,
         polarity="reported", confidence=0.5),
]


def small_graph() -> KnowledgeGraph:
    kg = KnowledgeGraph()
    kg.add_document(Document(id="d1", text="x", date="2021-05-01", title="Lee backs <b>Roy</b>", url="https://news.example/d1"))
    kg.add_document(Document(id="d2", text="x", date="2021-05-01", url="javascript:alert(1)"))
    for f in FACTS:
        kg.add_fact(f)
    kg.add_entity(Entity("Loner Inc", "Organization"))
    return kg
