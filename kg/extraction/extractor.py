"""From a parsed document to :class:`~kg.model.Fact` records with their evidence.

Confidence is a product of two parts, each in [0, 1]:

* the frame: how reliably the small parser gets that construction right (active 0.9, passive
  and reciprocal 0.85, title and apposition 0.85, nominal and copula 0.8, agentive 0.8,
  role 0.85, causative and appeal 0.75);
* each argument: a name 1.0, a definite description ("the former coach") 0.85, a quotation's
  speaker 0.9, a pronoun 0.9 in its own sentence and 0.1 less for every sentence further back.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from itertools import combinations

from spacy.tokens import Doc, Span, Token

from kg.documents import Document
from kg.extraction import structure
from kg.extraction.coref import Coreference, Resolution
from kg.extraction.entities import DESCRIPTORS, Cluster, EntityIndex
from kg.extraction.frames import Lexicon, Match, find_matches, lexicon, title_matches
from kg.extraction.lexical import lemma_in
from kg.extraction.matters import Matters
from kg.extraction.polarity import Stance, stance
from kg.extraction.positions import phrase_position, position, title_words
from kg.extraction.quotes import Quotes
from kg.extraction.syntax import clause_subjects, conjuncts
from kg.model import Entity, Evidence, Extraction, Fact
from kg.ontology import (
    Ontology,
    Relation,
    default_ontology,
    organization_words,
    position_words,
)

# Bounds on what one trigger may state, so output grows with the text, not with its lists' products:
MAX_FIELD = 4  # candidates in one runoff (pairs: at most 6)
LIST_LINES = 60  # lines of a list of endorsed candidates read after its opening sentence
LIST_LINE_TOKENS = 25  # longer is a sentence, not a line of a list
MAX_PRODUCT = 36  # subjects x objects when both are lists ("A, B and C endorsed D and E")
ELECTION_WINDOW = (1, 1)  # sentences before and after one that may set its election context
_LEADING = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your"}


def argument_confidence(resolution: Resolution) -> float:
    if resolution.how == "name":
        return 1.0
    if resolution.how == "description":
        return 0.85
    if resolution.how == "speaker":
        return 0.9
    return max(0.5, 0.9 - 0.1 * resolution.sentences_back)


def about_election(sentence: Span, cues: frozenset[str]) -> bool:
    """Does ``sentence`` speak of an election (one of ``cues``: ``kg:cue`` of ``kg:Election``)?"""
    if any(t.lemma_.lower() in cues or t.lower_ in cues for t in sentence):
        return True
    text = sentence.text.lower()
    return any(" " in cue and cue in text for cue in cues)


def phrase_label(token: Token) -> str:
    """A noun phrase's text without leading determiners or possessives, cut at its first comma,
    bracket or dash (so an apposition goes). A relative clause stays: the annotation guide takes
    the passage's own noun phrase ("the appeal that the panel refused to hear")."""
    words = list(token.subtree)
    while words and (words[0].lower_ in _LEADING or words[0].is_punct):
        words.pop(0)
    for cut, word in enumerate(words):
        if word.text in {",", "(", ";", "—", "–"}:
            words = words[:cut]
            break
    while words and words[-1].is_punct:
        words.pop()
    return "".join(w.text_with_ws for w in words).strip()


PHRASE_BREAKS = {",", "(", ";", "—", "–", ":"}


def matter_label(token: Token) -> str:
    """A matter as the passage phrases it: the whole noun phrase with its modifiers and clauses
    ("an inquiry into the contract that ..."), or a gerund with its object ("hearing the appeal"), up to
    the first comma or dash; only a leading "the" is dropped, coordinated matters stand apart."""
    if token.tag_ == "VBG":
        rest = [c for c in token.children if c.dep_ in ("dobj", "prt")]
        rest = rest or [c for c in token.children if c.dep_ == "prep"][:1]  # "presiding over the trial"
        end = max((w.i for c in rest for w in c.subtree), default=token.i)
        for child in sorted(token.children, key=lambda c: c.i):  # "hearing a plea | challenging the order", hung on the gerund
            if (child.i > end and child.left_edge.i == end + 1 and child.dep_ in ("advcl", "acl") and child.tag_ == "VBG"
                    and child.lemma_ not in REASON_VERBS):
                rest.append(child)
                end = child.right_edge.i
        words = [token] + [w for c in rest for w in c.subtree]
    else:
        alternatives = _alternatives(token)  # "the consideration or decision of the case": one matter
        apart = {w.i for c in token.children if c.dep_ in ("conj", "cc", "appos") and not alternatives and not _names(c)
                 for w in c.subtree}
        apart |= {w.i for prep in token.subtree if _manner(prep) or _clause_as_preposition(prep) for w in prep.subtree}
        apart |= {w.i for c in token.children if c.tag_ == "VBG" and c.lemma_ in REASON_VERBS for w in c.subtree}  # "case citing bias"
        words = [w for w in token.subtree if w.i not in apart] + _stranded(token)
    words = sorted({w.i: w for w in words}.values(), key=lambda w: w.i)
    while words and (words[0].lower_ == "the" or words[0].is_punct):
        words.pop(0)
    for cut, word in enumerate(words):
        if cut and word.text in PHRASE_BREAKS and not _kept_aside(words, cut):
            words = words[:cut]
            break
    while words and (words[-1].is_punct or words[-1].is_space) and not _closing(words):
        words.pop()
    return "".join(w.text_with_ws for w in words).strip()


def _closing(words: list[Token]) -> bool:
    """The last word closes a bracket the phrase opened: "... in Khyber-Pakhtunkhwa (KP)"."""
    return words[-1].text == ")" and sum(w.text == "(" for w in words) > sum(w.text == ")" for w in words[:-1])


def _alternatives(token: Token) -> bool:
    """``token`` heads an "or" coordination: "the consideration or decision of the case"."""
    return any(c.dep_ == "cc" and c.lower_ == "or" for c in token.children) and any(c.dep_ == "conj" for c in token.children)


def _names(token: Token) -> bool:
    """A list of names set off at the end of a matter: "the hearings on two projects, Elm Park and
    Bay Point" (the passage's own noun phrase names them)."""
    words = list(token.subtree)
    end = words[-1].i + 1
    last = end >= token.sent.end or token.doc[end].is_punct and token.doc[end].text not in (",", "(")
    return (token.dep_ in ("appos", "npadvmod") and token.pos_ == "PROPN" and last
            and all(w.pos_ in ("PROPN", "DET", "CCONJ") or w.text in (",", "&") for w in words))


def _clause_as_preposition(prep: Token) -> bool:
    """"a corporate appeal as a senior judge had approached him": a conjunction the parser took
    for a preposition, its "object" the subject of a clause whose verb follows."""
    if prep.dep_ != "prep" or prep.lower_ not in ("as", "since", "because", "after", "while"):
        return False
    after = prep.right_edge.i + 1
    doc = prep.doc
    while after < len(doc) and doc[after].is_quote:
        after += 1
    return after < len(doc) and doc[after].pos_ in ("AUX", "VERB") and doc[after].tag_ in ("VBD", "VBZ", "VBP", "MD")


def _kept_aside(words: list[Token], cut: int) -> bool:
    """A break that stays in a matter: a bracketed acronym inside it ("Bureau of Investigation (CBI)
    chief"), or the comma before a closing list of names (:func:`_names`)."""
    word = words[cut]
    if word.text == "(":
        return cut + 2 < len(words) and words[cut + 2].text == ")" and words[cut + 1].text.isupper()
    if word.text == "," and cut + 1 < len(words):
        head = words[cut + 1]
        for _ in range(len(words)):
            if head.head.i == head.i or head.head.i not in {w.i for w in words[cut + 1:]}:
                break
            head = head.head
        return _names(head) and head.right_edge.i == words[-1].i
    return False


MANNER_NOUNS = {"explanation", "comment", "reason", "notice", "elaboration", "fanfare", "effect", "letter", "order", "phone", "email", "statement"}


def _manner(prep: Token) -> bool:
    """"with no explanation", "without comment", "by letter": how someone acted, not part of the matter."""
    return prep.dep_ == "prep" and prep.lower_ in ("with", "without", "by") and any(
        o.dep_ == "pobj" and o.lemma_.lower() in MANNER_NOUNS for o in prep.children)


REASON_VERBS = {"cite", "say", "note", "state", "explain", "claim", "allege", "argue", "insist"}  # "recused from X citing bias"
MATTER_PREPOSITIONS = {"into", "of", "against", "over", "involving", "concerning", "regarding", "about", "between", "by"}


def _stranded(token: Token) -> list[Token]:
    """Modifiers of a matter the parser hung on the verb instead ("stepped aside from an inquiry
    | into the contract", "from the bench | hearing the petition"): the verb's dependents that follow the
    matter's phrase directly."""
    prep = token.head
    if prep.dep_ != "prep" or prep.head.i == prep.i:
        return []
    verb, end = prep.head, token.right_edge.i
    out: list[Token] = []
    siblings = sorted(verb.children, key=lambda c: c.i)
    after = token.doc[end + 1] if end + 1 < len(token.doc) else None
    if after is not None and after.tag_ == "VBG" and after.dep_ in ("advcl", "acl", "xcomp", "pcomp") and after.left_edge.i == after.i \
            and all(a.i != after.i for a in verb.ancestors):  # "deciding to recuse from the bench | hearing the plea", hung higher
        siblings.append(after)
    for sibling in siblings:
        if sibling.i <= prep.i or sibling.left_edge.i != end + 1:
            continue
        if (sibling.dep_ == "prep" and sibling.lower_ in MATTER_PREPOSITIONS and not _manner(sibling)) or (
                sibling.dep_ in ("advcl", "acl", "xcomp", "pcomp") and sibling.tag_ == "VBG" and sibling.lemma_ not in REASON_VERBS):
            out += list(sibling.subtree)
            end = sibling.right_edge.i
    doc = token.doc
    if end + 2 < token.sent.end and doc[end + 1].text == ",":  # "from the hearings on two projects, Elm Park and Bay Point"
        names = doc[end + 2]
        for _ in range(len(token.sent)):
            if names.head.i == names.i or names.head.left_edge.i != end + 2:
                break
            names = names.head
        if _names(names):
            out += [doc[end + 1], *names.subtree]
    return out


_LOCATIVE = {"in", "across", "throughout", "near", "outside"}
_IN_SOMEONE = {"faith", "trust", "confidence", "interest", "belief", "stake", "share", "role", "part", "put", "believe"}


def _locative(token: Token) -> bool:
    """The object of a place preposition ("won the vote in Tacna", "campaigned across Ruritania"),
    not a person's name ("her faith in Lind")."""
    prep = token.head
    return (token.dep_ == "pobj" and token.ent_type_ != "PERSON" and prep.lower_ in _LOCATIVE
            and prep.head.i != prep.i and prep.head.lemma_.lower() not in _IN_SOMEONE)


def _bare_name(token: Token) -> bool:
    """A capitalised noun with no determiner, singular or inside a sentence: a name the model missed."""
    before = token.doc[token.i - 1] if token.i > 0 and not token.is_sent_start else None
    while before is not None and (before.is_punct or before.is_space) and not before.is_sent_start:
        before = before.doc[before.i - 1]
    first = before is None or before.is_punct or before.is_space
    return (
        token.pos_ in ("NOUN", "PROPN")
        and (token.tag_ in ("NN", "NNP") or not first)
        and token.text[:1].isupper()
        and token.text[1:].islower()
        and token.lemma_.lower() not in position_words()
        and not (token.lower_.endswith("s") and token.lower_[:-1] in position_words())  # "named new Bishops"
        and token.lemma_.lower() not in organization_words()
        and token.lower_ not in DESCRIPTORS
        and not any(c.dep_ in ("det", "poss", "amod", "nummod") for c in token.children)
    )


def _came_from(noun: Token) -> list[Token]:
    """"The endorsement came from Gov. Greer": the people or bodies ``noun``, a subject of "come",
    came from (with their conjuncts); none otherwise."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.lemma_.lower() != "come":
        return []
    return [o for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "from"
            for p in prep.children if p.dep_ == "pobj" for o in conjuncts(p)]


PAST_HOLDER_WORDS = {"old", "former", "previous", "outgoing", "last", "departing", "ousted", "retiring", "late", "then"}


RESHUFFLE_RELATION = "appointed"  # the relation whose acts a reshuffle (kg:reshuffleVerbs) makes
EARLIER_WORDS = {"previously", "earlier", "formerly", "once", "first", "originally", "initially"}


def _earlier_act(verb: Token) -> bool:
    """Is the act ``verb`` names dated before the news: a year in a date on it ("in 2012", "in
    November 2012"), "previously", "first", or a past perfect ("had been appointed")?"""
    if any(c.lower_ in EARLIER_WORDS for c in verb.children if c.dep_ == "advmod"):
        return True
    if any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children):
        return True
    dates = [t for prep in verb.children if prep.dep_ == "prep" for t in prep.subtree if t.ent_type_ == "DATE"]
    dates += [t for c in verb.children if c.dep_ == "npadvmod" for t in c.subtree if t.ent_type_ == "DATE"]
    return any(t.like_num and len(t.text) == 4 for t in dates)


def _listed_name(token: Token) -> bool:
    """"Mansfield Okoro" on a line of a list: two to four capitalised words (the last ``token``)
    the model typed as a person or as nothing, none of them a position, an organisation's or a
    descriptor's word."""
    doc, start = token.doc, token.i
    while start > token.sent.start and (doc[start - 1].pos_ == "PROPN" or doc[start - 1].text == "-"):
        start -= 1
    words = [w for w in doc[start : token.i + 1] if w.pos_ == "PROPN"]
    return 2 <= len(words) <= 4 and all(
        w.text[:1].isupper() and w.lemma_.lower() not in position_words() | organization_words()
        and w.lower_ not in DESCRIPTORS and w.ent_type_ in ("", "PERSON") for w in words)


def _generic_group(entity: Entity) -> bool:
    """"Democrats", "Republicans": a one-word plural group name stands for a party's voters or
    members at large, never an endorser (a party is named as one: "the Social Democrats", "the
    Democratic Party"; "the Harlow endorsement" is a person's)."""
    label = entity.label.strip()
    return entity.type == "Group" and " " not in label and label.endswith("s")


def _indefinite_post(token: Token) -> bool:
    """"named a retired judge her new chancellor": someone the sentence does not name (an
    appointment it announces, whose appointee a later sentence may name)."""
    return token.lemma_.lower() in position_words() and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)


def _children_of(token: Token, dep: str) -> list[Token]:
    return [c for c in token.children if c.dep_ == dep]


def _tied(cluster: Cluster, type_: str) -> bool:
    """Does ``type_`` have as many votes as the type that won ("Mary Lind" a person, "Lind"
    twice an organisation): then a slot only a person fills settles it."""
    return cluster.votes[type_] > 0 and cluster.votes[type_] >= max(cluster.votes.values())


class DocumentExtractor:
    """Extraction state for one parsed document, or one piece of it starting at ``offset``."""

    def __init__(self, document: Document, doc: Doc, offset: int = 0, ontology: Ontology | None = None,
                 lex: Lexicon | None = None) -> None:
        self.document = document
        self.doc = doc
        self.text = structure.original_text(doc)
        self.offset = offset
        self.ontology = ontology or default_ontology()
        self.lexicon = lex or lexicon(self.ontology)
        self.confidence = self.ontology.frame_confidence
        self.entities = EntityIndex(doc, self.ontology.cue("placeNouns"))
        self.quotes = Quotes(doc, self.ontology.cue("speechVerbs"))
        self.sentences = list(doc.sents)
        self.coref = Coreference(doc, self.entities, self.quotes, self.sentences,
                                 self.ontology.cue("standaloneOrganizations"),
                                 (self.ontology.cue("personDescriptions"), self.ontology.cue("contestDescriptions")),
                                 (self.ontology.cue("masculineWords"), self.ontology.cue("feminineWords")))
        self._entity_cache: dict[int, Entity] = {}
        matter_heads = frozenset().union(*(r.range_head_words for r in self.ontology.relations.values() if r.range == "Matter"))
        self.matters = Matters(doc, matter_heads, self.entities, self.ontology, matter_label)
        self._generic_matters: dict[int, Entity] = {}  # token -> the matter a generic phrase ("the case") stands for
        self.facts: dict[tuple, Fact] = {}
        self._stances: dict[tuple[int, bool], Stance] = {}
        self._announced: dict[str, tuple[int, int, list[tuple[Entity, float]]]] = {}  # relation -> (sentence, token, appointers)
        self._announcements: list[tuple[Match, int, list[tuple[Entity, float]]]] = []  # acts with no named object
        self._agentless: list[tuple[Span, Match, list[tuple[Entity, float]]]] = []  # passives no appointer was found for
        self._claims: list[tuple] = []  # keys of facts the receiver's side claims ("touted Ruiz's endorsement")
        self._retracted: set[tuple[Entity, str, Entity]] = set()  # "withdrew her endorsement of X": taken back
        self._election_relations = {rel.in_election for rel in self.ontology.relations.values() if rel.in_election}
        self._sentence_index = {sent.start: index for index, sent in enumerate(self.sentences)}
        self._election_sentences: list[bool] | None = None  # per sentence, read when a fact needs it

    def entity(self, cluster: Cluster) -> Entity:
        key = id(cluster)
        if key not in self._entity_cache:
            self._entity_cache[key] = Entity(cluster.label, cluster.type, cluster.aliases)
        return self._entity_cache[key]

    def run(self) -> Extraction:
        matches = [(sentence, match) for sentence in self.sentences for match in find_matches(sentence, self.lexicon)]
        self._type_by_slots(matches)
        for sentence, match in matches:
            self._add_match(sentence, match)
        self._add_titles()
        self._add_repeats()
        self._add_agents(matches)
        self._add_announcers(matches)
        self._add_listed(matches)
        self._add_sole_appointer()
        self._add_named_appointees()
        self._drop_headline_restatements()
        self._support_for_candidates()
        self._settle_claims()
        self._merge_matter_forms()
        self._drop_retracted()
        entities = {self.entity(c) for c in self.entities.clusters}
        for fact in self.facts.values():
            entities.update(e for e in (fact.subject, fact.object, fact.position, fact.organization) if e)
        return Extraction(
            doc_id=self.document.id,
            entities=tuple(sorted(entities, key=lambda e: (e.type, e.label))),
            facts=tuple(self.facts.values()),
            sentences=len(self.sentences),
        )

    # -- arguments -----------------------------------------------------------------------------

    def _type_by_slots(self, matches: list[tuple[Span, Match]]) -> None:
        """A name the model typed once, weakly, as an organisation but used where only a person
        fits ("Le Pen and Macron will meet in the runoff") is a person; so is a bare capitalised
        noun in such a slot ("Lula faces Bolsonaro"). A one-word name typed once as a place but
        endorsed is a candidate, a person: nobody endorses a place ("X endorsed Kast"). A place
        never becomes a person by a runoff's slot ("Tacna faces a runoff" after "won in Tacna")."""
        for _, match in matches:
            rel = match.relation
            slots = [(match.subjects, rel.domain)] + [(match.objects, rel.range)] * (not match.pairwise)
            for number, (tokens, cls) in enumerate(slots):
                for token in tokens:
                    cluster = self.entities.entity_at(token)
                    if cluster is None and _bare_name(token):
                        cluster = self.entities.add_bare_name(token, "Person" if cls == "Person" else None)
                    clusters = [cluster] if cluster is not None else []
                    if match.pairwise:  # "Ferro and Okafor led ... the two will meet"
                        clusters += [r.cluster for r in self.coref.pair(token)]
                    for found in clusters:
                        if (cls == "Person" and found.type != "Person" and not self._place(found)
                                and (self.entities.weakly_typed(found) or _tied(found, "Person"))):
                            found.votes["Person"] += 1.25
                        elif (number == 1 and cls == "Agent" and found.type == "Place" and self.entities.weakly_typed(found)
                              and " " not in found.label and token.pos_ == "PROPN"):
                            found.votes["Person"] += 1.25
        for _, match in matches:  # "Garland, who tapped Smith": no place is a "who"
            for token in match.subjects + match.objects:
                if token.lower_ in ("who", "whom") and token.head.dep_ == "relcl":
                    found = self.entities.entity_at(token.head.head)
                    if found is not None and found.type != "Person" and self.entities.weakly_typed(found):
                        found.votes["Person"] += 1.25
        for _, match in matches:  # pronouns may retype their antecedents: settle before any fact
            for token in match.subjects + match.objects:
                self.coref.resolve(token)

    def _place(self, cluster: Cluster) -> bool:
        """Named, every word of it, as a country or city ("Georgia", "Buenos Aires"), or used where
        only a place goes ("won in Tacna", "across Ruritania"): never a person."""
        return any(all(self.doc[i].ent_type_ == "GPE" for i in range(m.start, m.end)) or _locative(self.doc[m.end - 1])
                   for m in cluster.mentions)

    def _argument(self, token: Token, rel: Relation, as_object: bool) -> tuple[Entity, float] | None:
        if as_object and rel.range == "Matter" and (generic := self.matters.generic(token)) is not None:
            return self._matter_named_before(token, generic)
        found = self.coref.resolve(token)
        if found is not None:
            return self.entity(found.cluster), argument_confidence(found)
        if as_object and rel.range == "Matter" and (token.pos_ in ("NOUN", "PROPN") or token.tag_ == "VBG"):
            label = matter_label(token)
            return (Entity(label, "Matter"), 1.0) if label else None
        if as_object and rel.object_is_phrase and token.pos_ in ("NOUN", "PROPN"):
            if token.lemma_.lower() in position_words() and any(c.dep_ in ("det", "poss") for c in token.children):
                return None  # "campaign for the former vice president": a person, not an office
            label = phrase_label(token)
            if not label:
                return None
            kind = self._phrase_type(token, rel)
            if kind == "Position":
                return phrase_position(token, label, self.document.id), 1.0
            return Entity(label, kind), 1.0
        return None

    def _titled(self, token: Token, titles: frozenset[str]) -> bool:
        """Does the passage give the person ``token`` stands for one of ``titles`` ("Justice Elena
        Kagan", "Kagan, a justice ...") in a mention before ``token``?"""
        found = self.coref.resolve(token)
        if found is None or found.cluster.type != "Person":
            return False
        for mention in found.cluster.mentions:
            if mention.start > token.i:
                continue
            before = self.doc[max(0, mention.start - 3):mention.start]
            after = self.doc[mention.end:min(len(self.doc), mention.end + 4)]
            if any(w.lemma_.lower() in titles for w in before) or (
                    len(after) > 2 and after[0].text == "," and any(w.lemma_.lower() in titles for w in after[1:])):
                return True
        return False

    def _matter_named_before(self, token: Token, generic: Token) -> tuple[Entity, float] | None:
        """"recused from the case" (or "from hearing it") after the passage named the case: that
        matter, the generic phrase one of its forms (kg.extraction.matters); the phrase itself
        where nothing before names one ("it": nothing)."""
        local = "" if generic.pos_ == "PRON" else matter_label(token)
        antecedent = self.matters.antecedent(generic)
        cluster = self.entities.entity_at(antecedent) if antecedent is not None else None
        label = cluster.label if cluster is not None else matter_label(antecedent) if antecedent is not None else ""
        first, _, rest = label.partition(" ")
        label = rest if first.lower() in ("a", "an") and rest else label  # named again, it is definite
        if not label and not local:
            return None
        entity = Entity(label, "Matter", frozenset({local} - {"", label})) if label else Entity(local, "Matter")
        self._generic_matters[token.i] = entity
        return entity, 0.9 if label else 1.0

    def _arguments(self, tokens: list[Token], rel: Relation, as_object: bool) -> list[tuple[Entity, float]]:
        """Each token's argument; a counted plural stands for the people it lists ("endorsed all
        three candidates. The three are A, B and C")."""
        out: list[tuple[Entity, float]] = []
        for token in tokens:
            found = self._argument(token, rel, as_object)
            if found is not None:
                out.append(found)
            else:  # "endorsed all three candidates. The three are ...", "met Ortiz and Greer and endorsed them"
                found_all = (self.coref.members(token) or self.coref.people_pair(token)  # "both men endorsed X"
                             or (self.coref.group(token) if as_object and token.lower_ == "them" else []))
                out += [(self.entity(r.cluster), argument_confidence(r)) for r in found_all]
        return out

    def _phrase_type(self, token: Token, rel: Relation) -> str:
        lemma = token.lemma_.lower()
        if lemma in position_words():
            return "Position"
        if lemma in self.ontology.election_words:
            return "Election"
        return rel.range if rel.range not in ("Entity", "Agent") else "Thing"

    def _fits(self, entity: Entity, cls: str) -> bool:
        return entity.type == "Thing" or entity.type in self.ontology.subclasses(cls)

    # -- facts ---------------------------------------------------------------------------------

    def _about_election(self, sentence: Span) -> bool:
        """Is ``sentence`` part of a passage about an election: it, the sentence before it or the one
        after it speaks of one (support for a candidate is told next to the race: "Lind is running
        for mayor. The union is backing her."). Two sentences away is another topic."""
        index = self._sentence_index.get(sentence.start)
        if index is None:
            return about_election(sentence, self.ontology.election_cues)
        if self._election_sentences is None:
            self._election_sentences = [about_election(sent, self.ontology.election_cues) for sent in self.sentences]
        return any(self._election_sentences[max(0, index - ELECTION_WINDOW[0]) : index + ELECTION_WINDOW[1] + 1])

    def _for_office(self, match: Match) -> bool:
        """Support "for mayor", "for the presidency", "for re-election", on the trigger or its
        object ("support for the president" is support for a person)."""
        offices = self.ontology.election_words | self.ontology.cue("offices")

        def office(noun: Token) -> bool:
            lemma = noun.lemma_.lower()
            bare = not any(c.dep_ in ("det", "poss") for c in noun.children)
            return lemma in offices or (bare and lemma in position_words())

        return any(prep.dep_ == "prep" and prep.lower_ == "for" and any(o.dep_ == "pobj" and office(o) for o in prep.children)
                   for token in [match.trigger, *match.objects] for prep in token.children)

    def _stance(self, trigger: Token, subject: Entity | None, rel: Relation | None = None) -> tuple[str, Entity | None]:
        scheduled = rel is not None and rel.scheduled
        found = self._stances.get((trigger.i, scheduled))
        if found is None:  # once per trigger, however many pairs it has
            found = self._stances[(trigger.i, scheduled)] = stance(trigger, future_is_fact=scheduled, ontology=self.ontology)
        speaker = None
        if found.speaker is not None and (res := self.coref.resolve(found.speaker)):
            speaker = self.entity(res.cluster)
        if found.polarity == "reported" and speaker == subject:
            return "positive", self._agent(speaker)
        if found.polarity == "positive" and self.quotes.region_of(trigger) is not None:
            said = self.coref.speaker(trigger)
            speaker = self.entity(said.cluster) if said else None
            return ("positive" if speaker == subject else "reported"), self._agent(speaker)
        return found.polarity, self._agent(speaker)

    def _agent(self, entity: Entity | None) -> Entity | None:
        """``entity`` if it can speak (a person, organisation or group: kg:Agent), else None ("the
        Vatican said" names no speaker kg can record when the Vatican was typed a place)."""
        return entity if entity is not None and entity.type in self.ontology.subclasses("Agent") else None

    def _evidence(self, sentence: Span, trigger: str, frame: str, confidence: float,
                  polarity: str, speaker: Entity | None) -> Evidence:
        raw = self.text[sentence.start_char:sentence.end_char].rstrip()  # as written, not as parsed
        text = raw.lstrip()  # spaCy attaches leading blank lines to the first sentence
        start = self.offset + sentence.start_char + len(raw) - len(text)
        return Evidence(
            doc=self.document.id,
            sentence=text,
            start=start,
            end=start + len(text),
            trigger=trigger,
            frame=frame,
            confidence=round(confidence, 3),
            polarity=polarity,  # type: ignore[arg-type]
            date=self.document.date,
            speaker=speaker,
        )

    def _store(self, fact: Fact) -> None:
        ev = fact.evidence
        key = (fact.subject, fact.relation, fact.object, ev.polarity, ev.start)
        old = self.facts.get(key)
        if old is None or old.evidence.confidence < ev.confidence:
            self.facts[key] = fact

    def _add_match(self, sentence: Span, match: Match) -> None:
        rel = match.relation
        if "untitled" in match.extra:  # "Kagan did not participate": a recusal if the passage titles her a justice
            match.subjects = [s for s in match.subjects if self._titled(s, self.ontology.cue("abstainingTitles"))]
        subjects = self._arguments(match.subjects, rel, False)
        objects = self._arguments([o for o in match.objects if not (rel.role_bearing and _indefinite_post(o))], rel, True)
        if (rel.role_bearing or rel.name in self._election_relations) and not match.pairwise:
            subjects = self._announcer(sentence, match, subjects, objects)
        if match.pairwise:  # "the two will meet in a runoff": a plural stands for the people it names
            subjects += [(self.entity(r.cluster), argument_confidence(r)) for t in match.subjects for r in self.coref.pair(t)]
            unique = {e: c for e, c in subjects}
            if len(unique) > MAX_FIELD:
                return  # a list the parser took for a field of candidates
            pairs = [((a, unique[a]), (b, unique[b])) for a, b in combinations(sorted(unique, key=lambda e: e.label), 2)]
        else:
            if not subjects:  # "X, Y and Z endorsed Ruiz. They also backed Lind"
                subjects = [(self.entity(r.cluster), argument_confidence(r)) for t in match.subjects
                            for r in self.coref.group(t) or self._both(t)]  # "Both have asked their voters to back X"
            if min(len(subjects), len(objects)) > 1 and len(subjects) * len(objects) > MAX_PRODUCT:
                return  # two long lists crossed: a misparse, not len(subjects) x len(objects) statements
            pairs = [(s, o) for s in subjects for o in objects]
        trigger = match.trigger.text
        if "effect" in match.extra:
            trigger = f"{trigger} ... {match.extra['effect'].text}"
        role = self._role(match.role) if match.role is not None else None
        if role is not None and rel.role_relation:  # "appointed him attorney general": he holds it
            for obj, oc in objects:
                polarity, speaker = self._stance(match.trigger, obj, rel)
                if polarity == "positive" and self._fits(obj, "Person"):
                    self._store(Fact(obj, rel.role_relation, role, self._evidence(
                        sentence, trigger, "appointment", self.confidence["appointment"] * oc, polarity, speaker)))
        if rel.in_election and match.frame != "agentive" and (self._about_election(sentence) or self._for_office(match)):
            rel = self.ontology.relations[rel.in_election]  # "the union is supporting Lind for governor"
        generic = {self._generic_matters[t.i] for t in match.objects if t.i in self._generic_matters}
        for (subj, sc), (obj, oc) in pairs:
            if subj == obj or not self._fits(subj, rel.domain) or not self._fits(obj, rel.range):
                continue
            if rel.name in self._election_relations and _generic_group(subj):
                continue  # "got Democrats' nod": a party's voters, not an endorser
            if obj in generic:  # "X recused from the bench hearing A. 'I recuse myself from the case,' X said"
                obj = self._earlier_matter(subj, rel, sentence, obj)
            polarity, speaker = self._stance(match.trigger, subj, rel)
            if polarity == "negative" and self._retraction(match.trigger):
                self._retracted.update((subj, name, obj) for name in (rel.name, rel.in_election) if name)
            if "abstention" in match.extra and polarity == "negative":
                polarity = "positive"  # "took no part in the case": the denial is what asserts the recusal
            confidence = self.confidence[match.frame] * sc * oc
            evidence = self._evidence(sentence, trigger, match.frame, confidence, polarity, speaker)
            self._store(Fact(subj, rel.name, obj, evidence, position=role))
            if "claim" in match.extra:
                self._claims.append((subj, rel.name, obj, polarity, evidence.start))

    def _merge_matter_forms(self) -> None:
        """One matter, all the forms the passage gave it ("the case", "hearing the appeal"), on every fact about it."""
        forms: dict[tuple, frozenset[str]] = defaultdict(frozenset)
        for fact in self.facts.values():
            if fact.object.type == "Matter":
                forms[fact.object.key] |= fact.object.aliases
        for key, fact in list(self.facts.items()):
            obj = fact.object
            if obj.type == "Matter" and forms[obj.key] != obj.aliases:
                self.facts[key] = replace(fact, object=replace(obj, aliases=forms[obj.key]))

    def _earlier_matter(self, subject: Entity, rel: Relation, sentence: Span, generic: Entity) -> Entity:
        """The matter ``subject`` was last said to ``rel`` (recuse from), in ``sentence`` or one of
        the two before, for the generic phrase ``generic`` that stands for it (with its forms
        among that matter's); ``generic`` itself when there is none."""
        index = self._sentence_index.get(sentence.start, 0)
        since = self.offset + self.sentences[max(0, index - 2)].start_char
        end = self.offset + sentence.end_char
        earlier = [f for f in self.facts.values() if f.subject == subject and f.relation == rel.name
                   and f.evidence.polarity == "positive" and since <= f.evidence.start < end and f.object != generic]
        if not earlier:
            return generic
        found = max(earlier, key=lambda f: f.evidence.start).object
        forms = {generic.label, *generic.aliases} - {found.label}
        return Entity(found.label, found.type, found.aliases | forms, found.scope)

    def _support_for_candidates(self) -> None:
        """"The Times and the Post, both of which support the Labour Party" where the text has
        Labour endorsed or in a runoff elsewhere: support for someone the passage makes a
        candidate is an endorsement (kg:inElection), wherever the election is mentioned."""
        relations = self.ontology.relations
        targets = {name: rel.in_election for name, rel in relations.items() if rel.in_election}
        if not targets:
            return
        candidates: set[Entity] = set()
        for fact in self.facts.values():
            rel = relations[fact.relation]
            if fact.relation in targets.values():
                candidates.add(fact.object)
            elif rel.symmetric and rel.context:
                candidates.update((fact.subject, fact.object))
        for key, fact in list(self.facts.items()):
            if fact.relation in targets and fact.object in candidates and fact.evidence.frame != "agentive":
                target = relations[targets[fact.relation]]
                if self._fits(fact.subject, target.domain) and self._fits(fact.object, target.range):
                    del self.facts[key]
                    self._store(replace(fact, relation=target.name))

    def _settle_claims(self) -> None:
        """"The Okoro campaign touted Ruiz's endorsement" but "Ruiz will not say whether she has
        endorsed Okoro": a claim of the receiver's side (kg:claimingVerbs) that the text leaves
        open or denies elsewhere is only reported, with the receiver as its speaker."""
        for key in self._claims:
            fact = self.facts.get(key)
            if fact is None or fact.evidence.polarity != "positive":
                continue
            if not any(f.subject == fact.subject and f.relation == fact.relation and f.object == fact.object
                       and f.evidence.polarity in ("hypothetical", "negative") for f in self.facts.values()):
                continue
            del self.facts[key]
            evidence = replace(fact.evidence, polarity="reported", speaker=self._agent(fact.object))
            self._store(replace(fact, evidence=evidence))

    def _both(self, token: Token) -> list[Resolution]:
        """The two people "both" or "the two" as a subject stand for (the last two people named)."""
        if token.lower_ == "both" or (token.lower_ == "two" and any(c.lower_ == "the" for c in token.children)):
            return self.coref.pair(token)
        return []

    def _retraction(self, trigger: Token) -> bool:
        """"withdrew her endorsement of X", "her backing of X was rescinded": the trigger is what a
        kg:retractingVerbs verb takes back."""
        return trigger.dep_ in ("dobj", "nsubjpass") and lemma_in(trigger.head, self.ontology.cue("retractingVerbs")) is not None

    def _drop_retracted(self) -> None:
        """"Ruiz withdrew her endorsement of Okoro. ... Okoro thanked Ruiz for her support": an
        endorsement the text says was taken back is no fact of the passage, wherever else it is
        told (the earlier act, thanks for it)."""
        for key, fact in list(self.facts.items()):
            if fact.evidence.polarity == "positive" and (fact.subject, fact.relation, fact.object) in self._retracted:
                del self.facts[key]

    def _add_repeats(self) -> None:
        """"Vance endorsed Ortiz. Greer followed suit": the subject of a phrase of repetition
        (kg:repeatPhrases: "follow suit", "do the same", "do so") does what the facts of the nearest earlier
        sentence that has any say, to the same objects (symmetric relations and positions aside)."""
        phrases = [tuple(p.split()) for p in self.ontology.cue("repeatPhrases")]
        verbs = {verb for verb, *_ in phrases}
        for index, sentence in enumerate(self.sentences):
            for token in sentence:
                lemma = token.lemma_.lower()
                if lemma not in verbs:
                    continue
                near = [w for c in token.children for w in (c, *(g for g in c.children if g.dep_ == "advmod"))]
                word = next((c for verb, *_, last in phrases if lemma == verb
                             for c in near if c.lower_ == last and c.i > token.i), None)  # "did so too"
                if word is None:
                    continue
                earlier = self._previous_facts(index)
                if not earlier:
                    continue
                for subject in clause_subjects(token):
                    found = self.coref.resolve(subject)
                    resolutions = [found] if found is not None else self.coref.group(subject)
                    for resolution in resolutions:
                        subj = self.entity(resolution.cluster)
                        for fact in earlier:
                            rel = self.ontology.relations[fact.relation]
                            if subj in (fact.subject, fact.object) or not self._fits(subj, rel.domain):
                                continue
                            polarity, speaker = self._stance(token, subj, rel)
                            confidence = self.confidence["repeat"] * argument_confidence(resolution)
                            evidence = self._evidence(sentence, f"{token.text} {word.text}", "repeat", confidence, polarity, speaker)
                            self._store(Fact(subj, fact.relation, fact.object, evidence))

    def _announcer(self, sentence: Span, match: Match, subjects: list[tuple[Entity, float]],
                   objects: list[tuple[Entity, float]]) -> list[tuple[Entity, float]]:
        """"Pope Leo named new bishops for two dioceses. Father Ruiz has been appointed bishop of
        Ross": an agentless passive of a role-bearing relation takes the agent of an act of it
        with no named object in one of the two sentences before (or of the agentless passive
        before it that took one: a list of appointments). Records such acts, too."""
        rel = match.relation
        index = self._sentence_index[sentence.start]
        trigger = match.trigger
        if subjects and not objects and match.frame == "active" and match.objects:
            self._announced[rel.name] = (index, trigger.i, subjects)
            self._announcements.append((match, index, subjects))
            return subjects
        passive = _children_of(trigger, "nsubjpass") or _children_of(trigger, "auxpass") or (
            not rel.role_bearing and trigger.tag_ in ("VBN", "VBD"))  # "Candidates endorsed in X include A and B"
        if subjects or not objects or match.frame not in ("passive", "role") or not passive:
            return subjects
        found = self._announced.get(rel.name)
        if found is None or found[1] >= trigger.i or found[0] < index - 2:
            announcer = self._announcing_body(match)
            if announcer is not None:
                return [(announcer, 0.8)]  # "X has been named chief executive, Walt Disney Co. said"
            self._agentless.append((sentence, match, objects))
            return subjects  # the act comes first, in this sentence or one of the two before
        self._announced[rel.name] = (index, trigger.i, found[2])  # a list of appointments goes on
        return [(entity, confidence * 0.8) for entity, confidence in found[2]]

    def _announcing_body(self, match: Match) -> Entity | None:
        """The organisation that announces an agentless appointment to a post ("X has been named
        chief executive, the company said"; "the club announced that X has been appointed head
        coach"): a company, club or university announces its own appointments. A person who
        announces one may speak for someone else, and so may an organisation about no post."""
        if match.role is None or match.role.lemma_.lower() not in position_words():
            return None
        polarity, speaker = self._stance(match.trigger, None, match.relation)
        if polarity != "positive" or speaker is None or speaker.type not in self.ontology.subclasses("Organization"):
            return None
        return speaker

    def _add_sole_appointer(self) -> None:
        """"Khan made changes to the federal cabinet ... Shah has been made minister of narcotics
        control": in a document about a reshuffle of a cabinet, board or team (kg:reshuffleVerbs),
        an agentless passive after the reshuffle is the act of its agent, when that agent makes
        more of the document's asserted appointments than any other (and at least two, where there
        are others); not one dated to another year or said to be earlier ("was appointed
        auxiliary bishop in 2012", "had previously been appointed")."""
        agentless = [(sentence, match, objects) for sentence, match, objects in self._agentless
                     if match.relation.name == RESHUFFLE_RELATION]
        if not agentless:
            return
        name = RESHUFFLE_RELATION
        reshuffles = self._reshufflers(agentless[0][1].relation)
        first: dict[Entity, int] = {}
        acts: dict[Entity, set[int]] = defaultdict(set)
        for start, entity in reshuffles + [(f.evidence.start, f.subject) for f in self.facts.values()
                                           if f.evidence.polarity == "positive" and f.relation == name]:
            first[entity] = min(start, first.get(entity, start))
            acts[entity].add(start)
        ranked = sorted(acts, key=lambda e: len(acts[e]), reverse=True)
        if not ranked or ranked[0] not in {entity for _, entity in reshuffles}:
            return
        if len(ranked) > 1 and len(acts[ranked[0]]) < max(2, len(acts[ranked[1]]) + 1):
            return  # another agent appoints as much
        appointer, since = ranked[0], first[ranked[0]]
        appointed = {f.object for f in self.facts.values() if f.relation == name and f.evidence.polarity == "positive"}
        for sentence, match, objects in agentless:
            trigger = match.trigger
            if self.offset + trigger.idx < since or _earlier_act(trigger) or not self._fits(appointer, match.relation.domain):
                continue
            for obj, oc in objects:
                if obj == appointer or obj in appointed:
                    continue
                polarity, speaker = self._stance(trigger, appointer, match.relation)
                if polarity != "positive":
                    continue
                role = self._role(match.role) if match.role is not None else None
                confidence = self.confidence[match.frame] * oc * 0.6
                evidence = self._evidence(sentence, trigger.text, match.frame, confidence, polarity, speaker)
                self._store(Fact(appointer, name, obj, evidence, position=role))

    def _reshufflers(self, rel: Relation) -> list[tuple[int, Entity]]:
        """(offset, agent) of each asserted reshuffle: "X reshuffled the cabinet", "X made changes
        to the federal cabinet", "X shakes up his team"."""
        bodies = self.ontology.cue("governingBodies")
        out: list[tuple[int, Entity]] = []
        for phrase in self.ontology.cue("reshuffleVerbs"):
            verb_lemma, _, rest = phrase.partition(" ")
            for token in self.doc:
                if token.lemma_.lower() != verb_lemma or token.pos_ not in ("VERB", "AUX"):
                    continue
                objects = [c for c in token.children if c.dep_ in ("dobj", "prt")]
                if rest and not any(o.lemma_.lower() == rest or o.lower_ == rest for o in objects):
                    continue  # "make changes", "shake up"
                heads = [token, *objects]
                body = [t for h in heads for t in [*h.children, h] if t.lemma_.lower() in bodies and t.dep_ in ("dobj", "pobj")]
                body += [p for h in heads for prep in h.children if prep.dep_ == "prep" for p in prep.children
                         if p.dep_ == "pobj" and p.lemma_.lower() in bodies]
                if not body or stance(token, ontology=self.ontology).polarity != "positive":
                    continue
                for subject in clause_subjects(token):
                    found = self._argument(subject, rel, False)
                    if found is not None:
                        out.append((self.offset + token.idx, found[0]))
        return out

    def _add_named_appointees(self) -> None:
        """"Pope Leo appointed a new bishop for Ross. The diocese's new bishop will be Father Ana
        Ruiz": an act with no named object, then, in one of the two sentences after, a copula that
        names its object noun (the subject or the attribute is that noun, the other a person)."""
        for match, index, appointers in self._announcements:
            nouns = {o.lemma_.lower() for o in match.objects if o.pos_ == "NOUN"}
            if not nouns:
                continue
            polarity, speaker = self._stance(match.trigger, appointers[0][0], match.relation)
            if polarity != "positive":
                continue
            for sentence in self.sentences[index + 1:index + 3]:
                for be in sentence:
                    if be.lemma_ != "be" or be.pos_ not in ("AUX", "VERB"):
                        continue
                    sides = [c for c in be.children if c.dep_ in ("nsubj", "attr")]
                    if len(sides) != 2 or not any(side.lemma_.lower() in nouns and not any(
                            m.lower_ in PAST_HOLDER_WORDS for m in side.children) for side in sides):
                        continue  # "the new chief is X", not "the old chief was X"
                    if stance(be, future_is_fact=True, ontology=self.ontology).polarity != "positive":
                        continue  # "the new chief could be X"
                    for side in sides:
                        found = self.coref.resolve(side) if side.lemma_.lower() not in nouns else None
                        if found is None:
                            continue
                        cluster = found.cluster
                        if cluster.type != "Person" and self.entities.weakly_typed(cluster) and not self._place(cluster):
                            cluster.votes["Person"] += 1.25  # the post's holder is a person, whatever the tagger said
                        if cluster.type != "Person":
                            continue
                        person = self.entity(found.cluster)
                        for appointer, confidence in appointers:
                            evidence = self._evidence(sentence, match.trigger.text, match.frame,
                                                      self.confidence[match.frame] * confidence * 0.8, polarity, speaker)
                            self._store(Fact(appointer, match.relation.name, person, evidence))

    def _drop_headline_restatements(self) -> None:
        """"Lee recuses himself from contract probe" over "Lee stepped aside from the contract
        investigation that ...": a headline's matter that the body names again, by the same head
        word of kg:Matter for the same person, is the body's (its fuller phrase)."""
        headlines = [(self.offset + z.start_char, self.offset + z.end_char) for z in structure.zones(self.doc) if z.label_ == "headline"]
        if not headlines:
            return

        def heads(fact: Fact) -> set[str]:
            words = self.ontology.relations[fact.relation].range_head_words
            return {w.strip(".,").lower() for w in fact.object.label.split()} & words

        def in_headline(fact: Fact) -> bool:
            return any(start <= fact.evidence.start < end for start, end in headlines)

        body = [f for f in self.facts.values() if f.object.type == "Matter" and not in_headline(f) and f.evidence.polarity == "positive"]
        for key, fact in list(self.facts.items()):
            if fact.object.type != "Matter" or not in_headline(fact):
                continue
            if any(b.subject == fact.subject and b.relation == fact.relation and b.object != fact.object
                   and heads(b) & heads(fact) for b in body):
                del self.facts[key]

    def _add_agents(self, matches: list[tuple[Span, Match]]) -> None:
        """"Ortiz was appointed to the seat. Gov. Greer made the appointment on Friday": the agent
        of an agentless passive is the subject of a light verb (kg:lightVerbs) whose object is the
        relation's noun, definite and with no owner or "of" of its own, or whom that noun "came
        from" ("The endorsement came from Gov. Greer"), in one of the two sentences after it or
        the one before."""
        light = self.ontology.cue("lightVerbs")
        index_of = {sentence.start: k for k, sentence in enumerate(self.sentences)}
        for sentence, match in matches:
            rel = match.relation
            if match.frame != "passive" or match.subjects or not match.objects or match.pairwise or not rel.nouns:
                continue
            here = index_of.get(sentence.start)
            if here is None:
                continue
            objects = [(o, c) for o, c in self._arguments(match.objects, rel, True)
                       if self._stance(match.trigger, o, rel)[0] == "positive"]  # "may be appointed": nothing to find
            for near in (here + 1, here + 2, here - 1) if objects else ():
                if not 0 <= near < len(self.sentences):
                    continue
                noun = next((t for t in self.sentences[near] if t.lemma_.lower() in rel.nouns
                             and (t.dep_ == "dobj" and t.head.lemma_.lower() in light or _came_from(t))
                             and any(c.lower_ == "the" and c.dep_ == "det" for c in t.children)
                             and not any(c.dep_ in ("poss", "prep") for c in t.children)), None)
                if noun is None:
                    continue
                agents = _came_from(noun) or clause_subjects(noun.head)
                for subject in agents:
                    found = self._argument(subject, rel, False)
                    if found is None:
                        continue
                    subj, sc = found
                    for obj, oc in objects:
                        if subj == obj or not self._fits(subj, rel.domain) or not self._fits(obj, rel.range):
                            continue
                        polarity, speaker = self._stance(noun.head, subj, rel)
                        confidence = self.confidence["nominal"] * sc * oc
                        evidence = self._evidence(self.sentences[near], f"{noun.head.text} the {noun.text}", "nominal",
                                                  confidence, polarity, speaker)
                        self._store(Fact(subj, rel.name, obj, evidence))
                break

    def _add_announcers(self, matches: list[tuple[Span, Match]]) -> None:
        """"Michigan's largest union is endorsing Ruiz. The United Carpenters announced the
        endorsement Monday": the subject of a light verb (kg:lightVerbs) whose object is the bare
        definite noun of a relation ("the endorsement", no owner, no "of") made the act the
        nearest of the two sentences before states, to the same objects."""
        light = self.ontology.cue("lightVerbs")
        by_sentence: dict[int, list[Match]] = {}
        for sentence, match in matches:
            by_sentence.setdefault(self._sentence_index[sentence.start], []).append(match)
        for index, sentence in enumerate(self.sentences):
            for noun in sentence:
                if noun.dep_ != "dobj" or noun.head.lemma_.lower() not in light or noun.tag_ != "NN":
                    continue
                if not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) or any(
                        c.dep_ in ("poss", "prep", "compound", "amod") for c in noun.children):
                    continue
                for rel in self.ontology.relations.values():
                    if rel.symmetric or rel.role_bearing or noun.lemma_.lower() not in rel.nouns:
                        continue
                    earlier: list[tuple[Entity, float]] = []
                    for back in (1, 2):
                        earlier = [o for m in by_sentence.get(index - back, []) if rel.name in (m.relation.name, m.relation.in_election)
                                   for o in self._arguments(m.objects, rel, True)]
                        if earlier:
                            break
                    for subject in clause_subjects(noun.head):
                        found = self._argument(subject, rel, False)
                        if found is None or not self._fits(found[0], rel.domain):
                            continue
                        subj, sc = found
                        polarity, speaker = self._stance(noun.head, subj, rel)
                        for obj, oc in earlier:
                            if obj == subj or not self._fits(obj, rel.range):
                                continue
                            confidence = self.confidence["nominal"] * sc * oc * 0.8
                            evidence = self._evidence(sentence, f"{noun.head.text} the {noun.text}", "nominal",
                                                      confidence, polarity, speaker)
                            self._store(Fact(subj, rel.name, obj, evidence))

    def _add_listed(self, matches: list[tuple[Span, Match]]) -> None:
        """"A list of those endorsed by the AFL-CIO is below." / "Ward 3: Ana Ruiz" / "Ward 6: Ben
        Okoro": an asserted endorsement with its endorser but no named candidate, in a sentence that
        ends with a colon or points below (kg:listOpeners), endorses every person named in the
        verbless lines that follow it (headings of no person between them; one full sentence
        may stand between the opener and the list)."""
        openers = self.ontology.cue("listOpeners")
        opening: dict[int, bool] = {}  # sentence start -> does it open a list
        for sentence, match in matches:
            rel = match.relation
            if match.pairwise or rel.name not in self._election_relations or not match.subjects:
                continue
            if sentence.start not in opening:
                opening[sentence.start] = sentence.text.rstrip().endswith(":") or any(t.lower_ in openers for t in sentence)
            if not opening[sentence.start]:
                continue
            if self._arguments(match.objects, rel, True):
                continue  # the sentence names its candidates
            subjects = [(e, c) for e, c in self._arguments(match.subjects, rel, False) if self._fits(e, rel.domain)]
            if not subjects:
                continue
            polarity, speaker = self._stance(match.trigger, subjects[0][0], rel)
            if polarity != "positive":
                continue
            for line, person in self._listed_people(self._sentence_index[sentence.start]):
                for subj, sc in subjects:
                    if subj == person:
                        continue
                    evidence = self._evidence(line, match.trigger.text, "nominal", self.confidence["nominal"] * sc * 0.8,
                                              polarity, speaker)
                    self._store(Fact(subj, rel.name, person, evidence))

    def _listed_people(self, index: int) -> list[tuple[Span, Entity]]:
        """The people named in the verbless lines after sentence ``index`` (at most LIST_LINES),
        up to the next sentence with a verb; one such sentence may come before the list."""
        out: list[tuple[Span, Entity]] = []
        skipped = False
        for line in self.sentences[index + 1 : index + 1 + LIST_LINES]:
            if any(t.pos_ in ("VERB", "AUX") for t in line) or len(line) > LIST_LINE_TOKENS:
                if out or skipped:
                    break
                skipped = True
                continue
            for token in line:
                after = self.doc[token.i + 1 : min(token.i + 3, line.end)]
                if token.pos_ != "PROPN" or (after and (after[0].pos_ == "PROPN" or after[0].text == "-" and len(after) > 1)):
                    continue  # a name's last word ("Ana Ruiz-Lind")
                cluster = self.entities.entity_at(token)
                if cluster is None and _listed_name(token):
                    cluster = self.entities.add_bare_name(token, "Person")
                if cluster is not None and cluster.type == "Person":
                    out.append((line, self.entity(cluster)))
        return out

    def _previous_facts(self, index: int) -> list[Fact]:
        """The positive facts (no positions, no symmetric relations) of the nearest of the two
        sentences before sentence ``index`` that has any."""
        for back in (1, 2):
            if index - back < 0:
                break
            sent = self.sentences[index - back]
            start, end = self.offset + sent.start_char, self.offset + sent.end_char
            found = [f for f in self.facts.values() if start <= f.evidence.start < end and f.evidence.polarity == "positive"
                     and f.position is None and not self.ontology.relations[f.relation].symmetric
                     and f.relation != "holds_position"]
            if found:
                return found
        return []

    def _add_titles(self) -> None:
        rel = self.ontology.relations["holds_position"]
        for cluster in self.entities.clusters:
            if cluster.type != "Person":
                continue
            person = self.entity(cluster)
            for mention in cluster.mentions:
                head = self.doc[mention.end - 1]
                for title, frame, siblings in title_matches(head, mention.start):
                    office = position(title, siblings, self.document.id)
                    if office is None:
                        continue
                    organization = self._organization(title)
                    polarity, speaker = self._stance(title, person) if frame == "copula" else ("positive", None)
                    if frame == "copula" and any(c.lower_ == "will" for c in title.head.children):
                        polarity = "hypothetical"
                    evidence = self._evidence(head.sent, title.text, frame, self.confidence[frame], polarity, speaker)
                    self._store(Fact(person, rel.name, office, evidence, organization=organization))

    def _role(self, role: Token) -> Entity | None:
        """The position a role names; a choice ("named him her pick for attorney general") names
        the position it is for, or none ("named as his pick")."""
        if role.lemma_.lower() in self.ontology.cue("choiceRoles"):
            offices = [o for p in role.children if p.dep_ == "prep" and p.lower_ in ("for", "as")
                       for o in p.children if o.dep_ == "pobj" and o.pos_ == "NOUN"]
            if not offices:
                return None
            role = offices[0]
        if role.pos_ == "PROPN" and role.lemma_.lower() not in position_words():
            return None  # a name the parser took for the role ("named Ana Ruiz")
        return position(role, doc_id=self.document.id)

    def _organization(self, title: Token) -> Entity | None:
        """The organisation a title names ("coach at Auburn University"), not a word of the title
        itself ("Finance" of "Minister of Finance")."""
        candidates = [c for c in title.children if c.dep_ in ("compound", "amod", "poss")]
        for prep in title.children:
            if prep.dep_ == "prep" and prep.lower_ in ("at", "of", "for", "with"):
                candidates += [p for p in prep.children if p.dep_ == "pobj"]
        own = {w.i for w in title_words(title)}
        for token in (c for c in candidates if c.i not in own):
            cluster = self.entities.entity_at(token)
            if cluster is not None and cluster.type == "Organization":
                return self.entity(cluster)
        return None
