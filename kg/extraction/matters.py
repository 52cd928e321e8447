"""The matter a generic phrase stands for: "the case", "this matter", "hearing the appeal", "it".

News names a matter once ("an appeal filed by the opposition leader", "Ortiz v. Delmar
Holdings", the headline's "Mwilu case") and then calls it "the case", "the matter", "the
instant case", or "it". A recusal from such a generic phrase is a recusal from the matter it
stands for: the nearest earlier phrase that names a matter (a case name, or a head word of
kg:Matter with words of its own besides determiners and kg:genericMatterWords) whose head word
is compatible: the same word, a word of the same kind (kg:courtMatters, kg:inquiryMatters,
kg:judicialSeats), or any matter for the words of kg:genericMatters ("matter", "it"). Of a
phrase and a phrase inside it that both fit, the outer one is the matter ("the hearing of a
suo motu case about ...").
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from kg.extraction.entities import Cluster, EntityIndex
from kg.ontology import Ontology

DETERMINERS = {"the", "this", "that"}
NAMING_DEPS = {"compound", "poss", "nmod", "amod", "acl", "relcl", "appos"}
NAMING_PREPOSITIONS = {"into", "of", "against", "over", "involving", "concerning", "regarding", "about",
                       "between", "by", "on", "for", "under"}
LEADING = DETERMINERS | {"a", "an", "his", "her", "their", "its", "our", "my", "your"}


class Matters:
    """The phrases of one parsed document that name a matter, and the one a generic phrase stands for."""

    def __init__(self, doc: Doc, heads: frozenset[str], entities: EntityIndex, ontology: Ontology,
                 label: Callable[[Token], str]) -> None:
        self.doc = doc
        self.label = label  # a matter's phrase (kg.extraction.extractor.matter_label)
        self.heads = heads
        self.entities = entities
        self.plain = ontology.cue("genericMatterWords")  # "instant", "same": words that name nothing
        self.generic_heads = ontology.cue("genericMatters")
        self.kinds = [ontology.cue(name) for name in ("courtMatters", "inquiryMatters", "judicialSeats")]
        self._named: list[Token] | None = None

    def generic(self, token: Token) -> Token | None:
        """The generic phrase ``token`` heads, or the generic object of the gerund or the "of" it
        heads ("hearing the case", "the hearing of the instant matter"); None when it names its
        matter itself."""
        if token.tag_ == "VBG":
            return next((o for o in _gerund_objects(token)[:1] if self._generic(o)), None)
        if self._generic(token):
            return token
        preps = [c for c in token.children if c.dep_ == "prep"]
        if (token.lemma_.lower() in self.heads and len(preps) == 1 and preps[0].lower_ == "of"
                and all(c.dep_ in ("det", "prep", "punct") for c in token.children)):
            return next((o for o in preps[0].children if o.dep_ == "pobj" and self._generic(o)), None)
        return None

    def _generic(self, token: Token) -> bool:
        if token.pos_ == "PRON":
            return token.lower_ == "it"
        if not self._matter_noun(token):
            return False
        if not any(c.dep_ == "det" and c.lower_ in DETERMINERS | {"these", "those"} for c in token.children):
            return False  # "a case", "his case": not one named before
        return self._own_words(token) == [token.lower_]

    def _matter_noun(self, token: Token) -> bool:
        return (token.pos_ == "NOUN" and token.tag_ in ("NN", "NNS") and token.lemma_.lower() in self.heads
                and self.entities.entity_at(token) is None)

    def _own_words(self, token: Token) -> list[str]:
        """The words of the matter's phrase (with what the parser hung elsewhere: "the case | against
        X") after its determiners and the words that name nothing ("the instant case": "case")."""
        words = self.label(token).lower().split()
        while words and (words[0] in LEADING or words[0] in self.plain):
            words.pop(0)
        return words

    def named(self) -> list[Token]:
        """Heads of the phrases that name a matter, in document order (computed once)."""
        if self._named is None:
            self._named = [t for t in self.doc if self._names(t)]
        return self._named

    def _names(self, token: Token) -> bool:
        cluster = self.entities.entity_at(token)
        if cluster is not None:
            return cluster.type == "Matter" and token.i == cluster_end(cluster, token)
        if token.tag_ == "VBG" and token.lemma_.lower() in self.heads:  # "hearing identical appeals against X"
            return any(self._names(o) for o in _gerund_objects(token)[:1])
        if not self._matter_noun(token) or len(self._own_words(token)) < 2:
            return False
        stranded = len(self.label(token).split()) > len(list(token.subtree))  # "from the appeal | filed by X"
        return stranded or any(c.dep_ in NAMING_DEPS or (c.dep_ == "prep" and c.lower_ in NAMING_PREPOSITIONS)
                               for c in token.children)

    def antecedent(self, generic: Token) -> Token | None:
        """The head of the nearest earlier phrase naming a matter ``generic`` may stand for; of a
        phrase and one inside it that both fit, the outer."""
        fitting = [t for t in self.named() if t.i < generic.i and not _inside(generic, t) and self.fits(generic, t)]
        if not fitting:
            return None
        found = fitting[-1]
        for token in reversed(fitting[:-1]):
            if _inside(found, token):
                found = token
        return found

    def _word(self, token: Token) -> str:
        if token.tag_ == "VBG" and (objects := _gerund_objects(token)):
            return self._word(objects[0])  # "hearing the appeals": appeals
        cluster = self.entities.entity_at(token)
        if cluster is not None and cluster.type == "Matter":
            return "case"
        return token.lower_ if token.pos_ == "PRON" else token.lemma_.lower()

    def fits(self, generic: Token, named: Token) -> bool:
        """Can the generic phrase headed by ``generic`` stand for the matter headed by ``named``:
        one as many as the other ("the appeals": appeals), a seat only for a seat ("the bench")?"""
        if generic.pos_ == "PRON":
            return named.tag_ != "NNS"
        if named.tag_ == "VBG":
            named = _gerund_objects(named)[0]
        if (generic.tag_ == "NNS") != (named.tag_ == "NNS"):
            return False
        word, other = self._word(generic), self._word(named)
        seats = self.kinds[-1]
        if word == other or (word in self.generic_heads and other not in seats):
            return True
        return any(word in kind and other in kind for kind in self.kinds)


def _gerund_objects(gerund: Token) -> list[Token]:
    """What a gerund acts on: "hearing the appeal", "presiding over the trial"."""
    objects = [c for c in gerund.children if c.dep_ == "dobj"]
    return objects + [o for p in gerund.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]


def _inside(inner: Token, outer: Token) -> bool:
    return outer.left_edge.i <= inner.i <= outer.right_edge.i and outer.i != inner.i


def cluster_end(cluster: Cluster, token: Token) -> int:
    """The last token of the mention of ``cluster`` that holds ``token``."""
    return next((m.end - 1 for m in cluster.mentions if m.start <= token.i < m.end), token.i)
