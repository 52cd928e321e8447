"""Coreference: pronouns and definite descriptions resolved to document entities.

Rules, in the order a careful reader applies them:

* a reflexive ("himself") is the subject of its clause;
* a subject or possessive pronoun prefers the subject of a clause that governs it ("Sessions ...
  but ran anger when he recused"), then the subject of the nearest earlier sentence;
* an object pronoun ("appointed him") is the nearest earlier person in its sentence that is not
  its own clause's subject, then the subject of the nearest earlier sentence;
* "I", "me", "my" inside a quotation are its speaker;
* "the former coach", "the president" name the one person the text has described so;
* narrative pronouns skip sentences that lie wholly inside quotations.

Whatever these rules cannot settle stays unresolved, so it yields no fact.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Generator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kg.extraction.entities import NAME_TAILS, Cluster, EntityIndex, Mention
from kg.extraction.quotes import Quotes
from kg.extraction.syntax import SUBJECT_DEPS, ancestors, clause_subjects, conjuncts
from kg.ontology import default_ontology, organization_words, position_words

THIRD_PERSON = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
REFLEXIVE = {"himself", "herself"}
FIRST_PERSON = {"i", "me", "my", "mine", "myself"}
RELATIVE = {"who", "whom", "that", "which", "whose"}
ORGANIZATION_PRONOUNS = {"it", "its"}
LOOKBACK_SENTENCES = 3


@dataclass(frozen=True)
class Resolution:
    """An entity a token refers to, and how it was found (for confidence)."""

    cluster: Cluster
    how: str  # name | description | pronoun | speaker
    sentences_back: int = 0


PLURAL_PRONOUNS = {"they", "them", "both"}
PLURAL_NOUNS = {"two", "pair", "duo"}
PLURAL_COUNTS = {"both", "two"}


def _plural(token: Token) -> bool:
    """"they", "both", "the two", "the pair", "both candidates", "the two finalists"."""
    lower = token.lower_
    if lower in PLURAL_PRONOUNS:
        return True
    if lower in PLURAL_NOUNS:
        return any(c.lower_ == "the" for c in token.children)
    return token.tag_ == "NNS" and any(c.lower_ in PLURAL_COUNTS and c.dep_ in ("det", "nummod", "predet", "amod") for c in token.children)


# A rule that may ask for other tokens' resolutions: ``found = yield token`` (see Coreference._run).
Steps = Generator[Token, "Resolution | None", "Resolution | None"]


class Coreference:
    """Resolves tokens to entities, lazily and memoised."""

    def __init__(self, doc: Doc, entities: EntityIndex, quotes: Quotes, sents: list[Span],
                 standalone_organizations: frozenset[str] | None = None) -> None:
        self.doc = doc
        # "the club": organisation nouns that name the organisation last named (kg:standaloneOrganizations)
        self.standalone = (default_ontology().cue("standaloneOrganizations") if standalone_organizations is None
                           else standalone_organizations)
        self.entities = entities
        self.quotes = quotes
        self.sents = sents
        self._sent_of = [0] * len(doc)
        for index, sent in enumerate(sents):
            self._sent_of[sent.start : sent.end] = [index] * (sent.end - sent.start)
        self._memo: dict[int, Resolution | None] = {}
        self._descriptors: dict[str, list[tuple[int, Cluster]]] | None = None
        self._owned: dict[str, Cluster] = {}

    # -- public --------------------------------------------------------------------------------

    def resolve(self, token: Token) -> Resolution | None:
        return self._run(self._ask(token))

    def pair(self, token: Token, coordinated_only: bool = False) -> list[Resolution]:
        """The two people a plural refers to ("they", "both", "the two", "the pair", "both
        candidates"): the last coordination of two people before it ("X and Y ... they"), else
        the last two people named, walking back sentence by sentence ("put X at 27% and Y at 24%,
        sending both to a runoff"). A third person on the way settles nothing. ``coordinated_only``:
        only the coordination ("X and Y endorsed Ruiz. They also backed Lind")."""
        if not _plural(token):
            return []
        index = self._sentence(token)
        people: dict[str, tuple[Cluster, int]] = {}
        for back in range(LOOKBACK_SENTENCES + 1):
            if index - back < 0:
                break
            sent = self.sents[index - back]
            end = token.i if back == 0 else sent.end
            found: dict[int, Cluster] = {}
            coordinated: list[Cluster] = []
            for candidate in self.doc[sent.start : end]:
                cluster = self.entities.entity_at(candidate)
                if cluster is None or not self._may_be_person(cluster):
                    continue
                found.setdefault(id(cluster), cluster)
                if candidate.dep_ != "conj":
                    members = {id(c): c for t in conjuncts(candidate) if t.i < end
                               and (c := self.entities.entity_at(t)) is not None and self._may_be_person(c)}
                    if len(members) >= 2:
                        coordinated = list(members.values())
            if len(coordinated) == 2 and not people:
                return [Resolution(c, "pronoun", back) for c in coordinated]
            if coordinated_only and found:
                return []
            for cluster in found.values():  # "Nadia Ferro" ... "Ferro": one person
                surname = cluster.label.split()[-1].lower() if cluster.label else ""
                if surname not in people or len(cluster.label) > len(people[surname][0].label):
                    people[surname] = (cluster, people.get(surname, (cluster, back))[1])
            if len(people) >= 2:
                break
        if len(people) != 2:
            return []
        return [Resolution(cluster, "pronoun", back) for cluster, back in people.values()]

    def speaker(self, token: Token) -> Resolution | None:
        """Who is speaking when ``token`` lies in a quotation."""
        return self._run(self._speaker(token))

    # -- the driver ----------------------------------------------------------------------------

    @staticmethod
    def _ask(token: Token) -> Steps:
        return (yield token)

    def _run(self, steps: Steps) -> Resolution | None:
        """Run rules that ask for other tokens' resolutions (``found = yield token``) on an
        explicit stack: however long a chain of pronouns, nothing recurses. Each token is resolved
        once; a token asked for while its own resolution is under way counts as unresolved."""
        stack: list[tuple[int | None, Steps]] = [(None, steps)]
        answer: Resolution | None = None
        while True:
            key, top = stack[-1]
            try:
                wanted = top.send(answer)
            except StopIteration as done:
                stack.pop()
                answer = done.value
                if key is not None:
                    self._memo[key] = answer
                if not stack:
                    return answer
                continue
            if wanted.i in self._memo:
                answer = self._memo[wanted.i]
            else:
                self._memo[wanted.i] = None  # guards against cycles
                stack.append((wanted.i, self._resolve(wanted)))
                answer = None

    # -- rules ---------------------------------------------------------------------------------

    def _speaker(self, token: Token) -> Steps:
        region = self.quotes.region_of(token)
        if region is None:
            return None
        subject = self.quotes.speaker_token(region)
        if subject is None:
            return None
        found = yield subject
        return Resolution(found.cluster, "speaker", found.sentences_back) if found else None

    def _resolve(self, token: Token) -> Steps:
        cluster = self.entities.entity_at(token)
        if cluster is not None:
            return Resolution(cluster, "name")
        lower = token.lower_
        if lower in FIRST_PERSON:
            return (yield from self._speaker(token))
        if lower in THIRD_PERSON:
            return (yield from self._pronoun(token))
        if lower in ORGANIZATION_PRONOUNS:
            return (yield from self._organization_pronoun(token))
        if lower in RELATIVE and token.head.dep_ in ("relcl", "acl"):
            head = token.head.head  # "X is the largest union that backs Y": the union is X
            if head.dep_ == "attr" and head.pos_ == "NOUN":
                head = next((c for c in head.head.children if c.dep_ in SUBJECT_DEPS), head)
            return (yield head)
        if token.pos_ in ("NOUN", "PROPN"):
            for child in token.children:  # "coach Tommy Tuberville", "the senator, Jeff Sessions"
                if child.dep_ == "appos" and (found := self.entities.entity_at(child)):
                    return Resolution(found, "name")
            if (renamed := self._renamed(token)) is not None:
                return Resolution(renamed, "name")
            if token.lemma_.lower() in position_words() and any(c.lower_ == "the" for c in token.children):
                return self._description(token)
            if token.lemma_.lower() in organization_words():
                return (yield from self._organization(token))
        return None

    def _renamed(self, token: Token) -> Cluster | None:
        """"the backing of her predecessor in the office, Carlos Ibarra": a person described by a
        possessive noun phrase, named in apposition to the noun phrase that holds it (the parser
        hangs the name on the outer noun, as an apposition or as a conjunct without "and").
        Bounded: at most two prepositions up."""
        if token.dep_ != "pobj" or not any(c.dep_ == "poss" for c in token.children):
            return None
        outer = token
        for _ in range(2):
            if outer.dep_ != "pobj" or outer.head.dep_ != "prep" or outer.head.head.pos_ != "NOUN":
                return None
            outer = outer.head.head
            listed = any(c.dep_ == "cc" for c in outer.children)  # a "conj" with no "and" is an apposition
            names = [c for c in outer.children if c.i > token.i and (c.dep_ == "appos" or c.dep_ == "conj" and not listed)]
            if names:
                found = self.entities.entity_at(names[0])
                return found if found is not None and found.type == "Person" else None
        return None

    def _sentence(self, token: Token) -> int:
        return self._sent_of[token.i]

    def _is_person(self, resolution: Resolution | None, lenient: bool) -> bool:
        return resolution is not None and self._person_like(resolution.cluster, lenient)

    def _person_like(self, cluster: Cluster, lenient: bool) -> bool:
        """A person; when ``lenient``, also a name typed once, weakly, as something else."""
        if cluster.type == "Person":
            return True
        return lenient and cluster.type in ("Organization", "Thing") and self.entities.weakly_typed(cluster)

    def _may_be_person(self, cluster: Cluster) -> bool:
        return self._person_like(cluster, lenient=True)

    def _pronoun(self, token: Token) -> Steps:
        lower = token.lower_
        if lower in REFLEXIVE:
            for subject in clause_subjects(token.head):
                if subject.i != token.i:
                    found = yield subject
                    if self._is_person(found, False):
                        return found
            return None
        own: set[int] = set()  # "Moreno conceded and endorsed her": never the clause's own subject
        if token.dep_ not in SUBJECT_DEPS and token.dep_ != "poss":
            for subject in clause_subjects(token.head):
                if subject.i != token.i and (mine := (yield subject)):
                    own.add(id(mine.cluster))
        for lenient in (False, True):  # a weakly typed name only when no person fits
            if token.dep_ in SUBJECT_DEPS or token.dep_ == "poss":
                found = yield from self._governing_subject(token, lenient)
            else:
                found = yield from self._nearest_in_sentence(token, lenient)
            found = found or (yield from self._previous_subject(token, lenient, frozenset(own)))
            if found is not None:
                if found.cluster.type != "Person":  # "he" or "she" settles it
                    found.cluster.votes["Person"] += 1.25
                return found
        return None

    def _governing_subject(self, token: Token, lenient: bool) -> Steps:
        own = token.head
        for ancestor in ancestors(own) if token.dep_ in SUBJECT_DEPS else [own, *ancestors(own)]:
            for subject in clause_subjects(ancestor):
                if subject.i < token.i:
                    found = yield subject
                    if self._is_person(found, lenient):
                        return found
        return None

    def _nearest_in_sentence(self, token: Token, lenient: bool) -> Steps:
        excluded = set()
        for subject in clause_subjects(token.head):
            if subject.i != token.i and (found := (yield subject)):
                excluded.add(id(found.cluster))
        quoted = self.quotes.region_of(token) is not None
        for candidate in reversed(self.doc[self.sents[self._sentence(token)].start : token.i]):
            if not quoted and self.quotes.region_of(candidate):
                continue
            mention = self.entities.entity_at(candidate)
            if mention is not None and id(mention) not in excluded and self._person_like(mention, lenient):
                return Resolution(mention, "pronoun")
        return None

    def _previous_subject(self, token: Token, lenient: bool, skip: frozenset[int] = frozenset()) -> Steps:
        index = self._sentence(token)
        quoted = self.quotes.region_of(token) is not None
        back = 0
        for prev in reversed(self.sents[max(0, index - LOOKBACK_SENTENCES - 2) : index]):
            if not quoted and self.quotes.sentence_is_quoted(prev):
                continue
            back += 1
            if back > LOOKBACK_SENTENCES:
                break
            subjects = [t for t in prev if t.dep_ in SUBJECT_DEPS]
            subjects.sort(key=lambda t: (t.head.dep_ != "ROOT", t.i))
            for subject in subjects:
                if not quoted and self.quotes.region_of(subject):
                    continue
                for candidate in [subject, *(c for c in subject.children if c.dep_ == "poss")]:
                    found = yield candidate  # the subject, then its owner ("Varga's plans include ... He")
                    if found is not None and id(found.cluster) not in skip and self._is_person(found, lenient):
                        return Resolution(found.cluster, "pronoun", back)
            for candidate in reversed(prev):
                mention = self.entities.entity_at(candidate)
                if mention is not None and id(mention) not in skip and self._person_like(mention, lenient):
                    return Resolution(mention, "pronoun", back)
        return None

    def _organization_pronoun(self, token: Token) -> Steps:
        """"The union said it would back X", "The Harbor Guild met on Monday. It endorsed X": "it"
        is the organisation that is the subject of a clause governing it, else the subject of the
        sentence before; anyone else there settles that it is not an organisation we know."""
        own = token.head
        for ancestor in ancestors(own) if token.dep_ in SUBJECT_DEPS else [own, *ancestors(own)]:
            for subject in clause_subjects(ancestor):
                if subject.i < token.i and subject.lower_ not in ORGANIZATION_PRONOUNS:
                    found = yield subject
                    return found if found is not None and found.cluster.type == "Organization" else None
        index = self._sentence(token)
        if index == 0 or self.quotes.region_of(token) is not None:
            return None
        subjects = sorted((t for t in self.sents[index - 1] if t.dep_ in SUBJECT_DEPS), key=lambda t: (t.head.dep_ != "ROOT", t.i))
        for subject in subjects[:1]:
            found = yield subject
            if found is not None and found.cluster.type == "Organization":
                return Resolution(found.cluster, "pronoun", 1)
        return None

    # -- organisations named by their owner ------------------------------------------------------

    def _organization(self, token: Token) -> Steps:
        """"the Trump campaign", "his campaign" -> Trump campaign; "the campaign" -> the last one."""
        head = token.lemma_.lower()
        owners = [c for c in token.children if c.dep_ in ("compound", "poss", "amod", "nmod")]
        for owner in owners:
            found = yield owner
            if found is not None and found.cluster.type == "Organization" and (
                    head in NAME_TAILS or any(c.lower_ == "editorial" for c in token.children)):
                return Resolution(found.cluster, "name")  # "the Law and Justice party", "the Times editorial board"
            if found is not None and found.cluster.type in ("Person", "Organization"):
                label = f"{found.cluster.label} {head}"
                cluster = self._owned.get(label)
                if cluster is None:
                    cluster = Cluster(votes=Counter({"Organization": 1.0}))
                    self._owned[label] = cluster
                    self.entities.clusters.append(cluster)
                cluster.mentions.append(Mention(token.i, token.i + 1, label, None))
                return Resolution(cluster, "description", found.sentences_back)
        if not owners and any(c.lower_ == "the" for c in token.children):
            earlier = [c for label, c in self._owned.items() if label.endswith(" " + head) and c.mentions[0].start < token.i]
            if len(earlier) == 1:
                return Resolution(earlier[0], "description")
            if head in self.standalone:
                return self._recent_organization(token)
        return None

    def _recent_organization(self, token: Token) -> Resolution | None:
        """"the club", "the company": the organisation named last, in this or the two sentences before."""
        start = self.sents[max(0, self._sentence(token) - 2)].start
        for candidate in reversed(self.doc[start : token.i]):
            cluster = self.entities.entity_at(candidate)
            if cluster is not None and cluster.type == "Organization" and id(cluster) not in {id(c) for c in self._owned.values()}:
                return Resolution(cluster, "description")
        return None

    # -- definite descriptions -----------------------------------------------------------------

    def _collect_descriptors(self) -> dict[str, list[tuple[int, Cluster]]]:
        """Position words the text ties to a named person: titles, appositions, copulas."""
        found: dict[str, list[tuple[int, Cluster]]] = {}
        words = position_words()
        for token in self.doc:
            cluster = self.entities.entity_at(token)
            if cluster is None or cluster.type != "Person" or token.i + 1 < len(self.doc) and id(self.entities.entity_at(self.doc[token.i + 1])) == id(cluster):
                continue
            related = [c for c in token.children if c.dep_ in ("compound", "appos")]
            if token.dep_ == "appos":
                related.append(token.head)
            if token.dep_ in SUBJECT_DEPS:
                related += [c for c in token.head.children if c.dep_ == "attr"]
            for word in related:
                if word.lemma_.lower() in words:
                    found.setdefault(word.lemma_.lower(), []).append((word.i, cluster))
        return found

    def _description(self, token: Token) -> Resolution | None:
        if self._descriptors is None:  # collected on first use, once entity types are settled
            self._descriptors = self._collect_descriptors()
        earlier = {id(c): c for i, c in self._descriptors.get(token.lemma_.lower(), []) if i < token.i}
        if len(earlier) != 1:
            return None
        return Resolution(next(iter(earlier.values())), "description")
