"""Coreference: pronouns and definite descriptions resolved to document entities.

Rules, in the order a careful reader applies them:

* a reflexive ("himself") is the subject of its clause;
* a subject or possessive pronoun prefers the subject of a clause that governs it ("Ruiz ...
  but upset allies when she stepped aside"), then the subject of the nearest earlier sentence;
* an object pronoun ("appointed him") is the nearest earlier person in its sentence that is not
  its own clause's subject, then the subject of the nearest earlier sentence;
* "I", "me", "my" inside a quotation are its speaker; "we" outside one, after a newspaper's
  editorial board, is that newspaper;
* "the former coach", "the senator", "the ex-soldier", "the 45-year-old" name the one person the
  text tied the noun to (title, honorific, apposition, copula, age), else, but never for a title,
  the one person of the nearest sentence that names anyone;
* "the union", "the paper", "it" name an organisation of the right kind named just before;
* "they", "them" are the last coordination of people or organisations; "all three candidates"
  are the people listed next to it or in the next sentence;
* narrative pronouns skip sentences that lie wholly inside quotations.

Whatever these rules cannot settle stays unresolved, so it yields no fact.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kg.extraction.entities import NAME_TAILS, Cluster, EntityIndex, Mention, newspaper_name
from kg.extraction.gender import compatible, genders, pronoun_gender
from kg.extraction.quotes import Quotes
from kg.extraction.syntax import SUBJECT_DEPS, ancestors, clause_subjects, conjuncts
from kg.ontology import default_ontology, organization_words, position_words

THIRD_PERSON = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
REFLEXIVE = {"himself", "herself"}
FIRST_PERSON = {"i", "me", "my", "mine", "myself"}
RELATIVE = {"who", "whom", "that", "which", "whose"}
NEAREST_REACH = 80  # words a pronoun looks back within its sentence (linear on a run-on sentence)
LOOKBACK_SENTENCES = 3
MAX_GROUP = 6  # agents "they" may stand for: a longer list is a misparse or a crowd
MAX_SCAN = 400  # tokens a description or "it" looks back over at most, however long the sentences
# Honorifics a definite description names by their noun: "Sen. Ana Ruiz ... the senator".
HONORIFIC_NOUNS = {
    "sen": ("senator", "lawmaker"), "rep": ("representative", "congressman", "congresswoman", "lawmaker"),
    "gov": ("governor",), "gen": ("general",), "prof": ("professor",), "atty": ("attorney",),
    "dr": ("doctor", "physician"), "pres": ("president",), "supt": ("superintendent",),
    "congressman": ("congressman", "lawmaker"), "congresswoman": ("congresswoman", "lawmaker"),
    "senator": ("senator", "lawmaker"), "justice": ("justice", "judge", "jurist"), "judge": ("judge", "jurist"),
    "democratic": ("democrat",), "republican": ("republican",), "gop": ("republican",),
}
# Verbs whose subject a description names by the verb's agent noun: "Greer owns the Lions ... the team owner".
AGENT_NOUNS = {"own": "owner", "found": "founder", "lead": "leader", "coach": "coach", "manage": "manager",
               "chair": "chair", "govern": "governor", "edit": "editor", "direct": "director", "host": "host"}
# Descriptions that exclude each other: "the incumbent" is never the person tied to "challenger".
CONTRARY = {"incumbent": ("challenger",), "challenger": ("incumbent",), "democrat": ("republican",),
            "republican": ("democrat",)}
FORMER = frozenset({"former", "ex", "then", "onetime", "one-time", "erstwhile", "retired", "late"})
# Words that make a title another office: a "Deputy Mayor" is not "the mayor".
SUBORDINATE = frozenset({"deputy", "vice", "assistant", "associate", "lieutenant", "under", "sub"})
# Modifiers that make a definite description pick someone out anew rather than refer back.
NOT_ANAPHORIC = frozenset({
    "first", "only", "last", "next", "other", "same", "second", "third", "eventual", "likely",
    "best", "top", "leading", "remaining", "winning", "losing", "ideal", "right", "wrong", "future",
})


def _definite(token: Token) -> bool:
    """"the former mayor", "the ex-soldier": a definite noun phrase that may refer back; not "the
    first candidate", "the candidate who wins", "the leader of the party" (an apposition after a
    comma, "the judge, who ...", may)."""
    first = token.left_edge  # "the" may hang on a compound: "the ex-soldier"
    if first.lower_ != "the" or first.dep_ != "det" or any(c.dep_ == "poss" for c in token.children):
        return False
    for child in token.children:
        if child.dep_ in ("amod", "nummod", "advmod") and child.lower_ in NOT_ANAPHORIC:
            return False
        after_comma = child.i > 0 and token.doc[child.left_edge.i - 1].text == ","
        if (child.dep_ in ("relcl", "acl") or (child.dep_ == "prep" and child.lower_ == "of")) and not after_comma:
            return False
    return True


def _former(word: Token) -> bool:
    """"the former president", "the ex-president": a title its holder no longer holds."""
    return any(c.lower_ in FORMER for c in word.children)


def _sought(token: Token) -> bool:
    """A name's last word where the name is what someone runs for, not who acts: the object of
    "for" ("a candidate for Eastport City Council") or a modifier of a common noun ("the Senate
    primary", "a City Council seat")."""
    head = token
    for _ in range(len(token.sent)):  # to the name's last word
        if head.dep_ not in ("compound", "flat") or head.head.pos_ != "PROPN" or head.head.i <= head.i:
            break
        head = head.head
    if head.dep_ == "compound" and head.head.pos_ == "NOUN":
        return True
    return head.dep_ == "pobj" and head.head.lower_ == "for"


# Where a name is the news outlet a story cites, not an actor in it: "told X", "according to X",
# "in an interview on X's Morning Desk", "said on X", "X reported".
SOURCE_NOUNS = frozenset({"interview", "appearance", "show", "program", "programme", "broadcast", "podcast",
                          "segment", "report", "reporting"})
SOURCE_VERBS = frozenset({"tell", "report", "broadcast", "air"})


def _as_source(token: Token, same_name: Callable[[Token], bool]) -> bool:
    """Is the name whose word ``token`` is (``same_name`` tells its other words) cited as the news
    outlet that carries the story ("a spokesman told Channel 9 News", "according to the Courier",
    "an interview on WXYZ's Morning Desk", "said on CNN", "WXYZ reported"), or part of a title
    ("the Director of Operations")? Such a name is no antecedent for "the organization"."""
    head = token
    for _ in range(len(token.sent)):  # to the name's head word, then past an owned show's name
        if head.head.i != head.i and same_name(head.head):
            head = head.head
        elif head.dep_ == "poss" and head.head.pos_ in ("PROPN", "NOUN"):
            head = head.head  # "WXYZ's Morning Desk", "the Courier's reporting"
        else:
            break
    if head.dep_ in ("dobj", "dative", "nsubj"):
        return head.head.lemma_.lower() in (SOURCE_VERBS - {"tell"} if head.dep_ == "nsubj" else SOURCE_VERBS)
    if head.dep_ != "pobj":
        return head.lemma_.lower() in SOURCE_NOUNS
    prep = head.head
    if prep.lower_ == "of":
        return prep.head.lemma_.lower() in position_words()  # "the Director of Operations"
    return (prep.lower_ == "on" or (prep.lower_ == "to" and prep.head.lower_ == "according")
            or (prep.lower_ in ("with", "to") and prep.head.lemma_.lower() in SOURCE_NOUNS))


def _organization_name(cluster: Cluster) -> bool:
    """"Harbor Workers Union": a name that says it is an organisation's, whatever its type."""
    words = cluster.label.casefold().split()
    return bool(words) and words[-1] in organization_words()


BODY_NAME_WORDS = frozenset({"board", "of", "directors", "trustees", "regents", "governors", "executive", "committee"})


def _body_name(cluster: Cluster) -> bool:
    """"Board of Directors", "Board of Trustees": a name that is only a governing body's."""
    words = cluster.label.casefold().split()
    return bool(words) and words[0] in ("board", "executive") and set(words) <= BODY_NAME_WORDS


def _head_of_name(token: Token) -> Token:
    """From a word of a name to the name's head ("Harbor" of "the Harbor Labor Council": "Council")."""
    for _ in range(6):
        if token.dep_ not in ("compound", "flat") or token.head.i == token.i:
            break
        token = token.head
    return token


def _age(token: Token) -> str | None:
    """The age of "the 45-year-old" ("45"), else ``None``."""
    if token.lower_ != "old":
        return None
    year = next((c for c in token.children if c.lower_ in ("year", "years")), None)
    number = next((c for c in year.children if c.like_num), None) if year is not None else None
    return number.text if number is not None else None


@dataclass(frozen=True)
class Resolution:
    """An entity a token refers to, and how it was found (for confidence)."""

    cluster: Cluster
    how: str  # name | description | pronoun | speaker
    sentences_back: int = 0


PLURAL_PRONOUNS = {"they", "them", "both"}
PLURAL_NOUNS = {"two", "pair", "duo"}
PLURAL_COUNTS = {"both", "two"}
RIVAL_NOUNS = frozenset({"rival", "opponent", "challenger", "competitor", "adversary", "foe"})  # "his opponent"
PEOPLE_NOUNS = frozenset({"man", "woman", "men", "women", "people", "lawmaker", "politician", "official", "leader", "rival"})
_COUNTS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
# "the paper", "the editorial board": the newspaper named last; "the group" may be any organisation.
PRESS_NOUNS = frozenset({"paper", "newspaper", "daily", "tabloid", "broadsheet", "weekly"})
# An organisation's own governing body acts for it: "the union's executive board voted to endorse X".
GOVERNING_BODIES = frozenset({"board", "committee", "executive", "leadership", "membership", "convention"})
GENERIC_ORGANIZATIONS = frozenset({"organization", "organisation", "group", "body"})
EDITORIAL_WE = {"we", "us", "our"}
OPPOSING = {"against", "versus", "vs.", "vs"}  # "Ortiz against Greer ... when they meet in a runoff"


def _plural(token: Token) -> bool:
    """"they", "both", "the two", "the pair", "both candidates", "the two finalists"."""
    lower = token.lower_
    if lower in PLURAL_PRONOUNS:
        return True
    if lower in PLURAL_NOUNS:  # "the two", also where the parser hung "the" elsewhere ("the two advance")
        return any(c.lower_ == "the" for c in token.children) or (token.i > 0 and token.doc[token.i - 1].lower_ == "the")
    return token.tag_ == "NNS" and any(c.lower_ in PLURAL_COUNTS and c.dep_ in ("det", "nummod", "predet", "amod") for c in token.children)


def _addresses_a_pair(token: Token) -> bool:
    """``token`` is the subject of a verb whose object is a plural pronoun ("Lee congratulated
    them both"): someone acting on a pair, not one of it."""
    for _ in range(8):  # from a word of the name to its head: "Governor Ana Lee"
        if token.dep_ not in ("compound", "flat") or token.head.i == token.i:
            break
        token = token.head
    if token.dep_ not in SUBJECT_DEPS:
        return False
    return any(o.dep_ in ("dobj", "dative") and o.lower_ in ("them", "both") for o in token.head.children)


# A rule that may ask for other tokens' resolutions: ``found = yield token`` (see Coreference._run).
Steps = Generator[Token, "Resolution | None", "Resolution | None"]


class Coreference:
    """Resolves tokens to entities, lazily and memoised."""

    def __init__(self, doc: Doc, entities: EntityIndex, quotes: Quotes, sents: list[Span],
                 standalone_organizations: frozenset[str] | None = None,
                 descriptions: tuple[frozenset[str], frozenset[str]] | None = None,
                 gender_words: tuple[frozenset[str], frozenset[str]] | None = None) -> None:
        self.doc = doc
        # "the club": organisation nouns that name the organisation last named (kg:standaloneOrganizations)
        self.standalone = (default_ontology().cue("standaloneOrganizations") if standalone_organizations is None
                           else standalone_organizations)
        # "the ex-soldier", "the candidate": nouns that describe a person named before (kg:personDescriptions,
        # kg:contestDescriptions)
        if descriptions is None:
            descriptions = (default_ontology().cue("personDescriptions"), default_ontology().cue("contestDescriptions"))
        self.person_nouns, self.contest_nouns = descriptions
        # "Mr.", "congresswoman", "wife": what says a person is a man or a woman (kg:masculineWords, kg:feminineWords)
        if gender_words is None:
            gender_words = (default_ontology().cue("masculineWords"), default_ontology().cue("feminineWords"))
        self.gender_words = gender_words
        self._genders: dict[int, str] | None = None
        self.entities = entities
        self.quotes = quotes
        self.sents = sents
        self._sent_of = [0] * len(doc)
        for index, sent in enumerate(sents):
            self._sent_of[sent.start : sent.end] = [index] * (sent.end - sent.start)
        self._memo: dict[int, Resolution | None] = {}
        self._descriptors: dict[str, list[tuple[int, Cluster]]] | None = None
        self._ages: dict[int, str] = {}
        self._owned: dict[str, Cluster] = {}

    # -- public --------------------------------------------------------------------------------

    def resolve(self, token: Token) -> Resolution | None:
        return self._run(self._ask(token))

    def pair(self, token: Token) -> list[Resolution]:
        """The two people a plural refers to ("they", "both", "the two", "the pair", "both
        candidates"): the last coordination of two people before it ("X and Y ... they"), else
        the last two people named, walking back sentence by sentence ("put X at 27% and Y at 24%,
        sending both to a runoff"; an organisation named with "the", weakly typed, is no third
        person: "the Council said"; nor is one who acts on the pair: "Lee congratulated them
        both"). A third person on the way settles nothing."""
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
                if cluster is None or not self._may_be_person(cluster) or _addresses_a_pair(candidate):
                    continue
                found.setdefault(id(cluster), cluster)
                if candidate.dep_ != "conj":
                    members = {id(c): c for t in conjuncts(candidate) if t.i < end
                               and (c := self.entities.entity_at(t)) is not None and self._may_be_person(c)}
                    if len(members) >= 2:
                        coordinated = list(members.values())
                if (rival := self._opposed(candidate)) is not None and id(rival) != id(cluster):
                    coordinated = [rival, cluster]
            if len(coordinated) == 2 and not people:
                return [Resolution(c, "pronoun", back) for c in coordinated]
            for cluster in found.values():  # "Nadia Ferro" ... "Ferro": one person
                surname = cluster.label.split()[-1].lower() if cluster.label else ""
                if surname not in people or len(cluster.label) > len(people[surname][0].label):
                    people[surname] = (cluster, people.get(surname, (cluster, back))[1])
            if len(people) >= 2:
                break
        if len(people) > 2:  # "Ruiz took 49%, with her challenger Lind at 45%, the Council said": the two people
            people = {k: (c, b) for k, (c, b) in people.items()
                      if c.type == "Person" or not (self._definite(c) or _organization_name(c))}  # nor "Socialist Party"
        if len(people) != 2:
            return []
        return [Resolution(cluster, "pronoun", back) for cluster, back in people.values()]

    def people_pair(self, token: Token) -> list[Resolution]:
        """The two people "both men", "the two candidates", "both former presidents", "the pair"
        stand for (see :meth:`pair`): only a plural that describes people ("both races" does not)."""
        lemma = token.lemma_.lower()
        if token.lower_ in PLURAL_PRONOUNS or not _plural(token):
            return []
        if lemma not in PLURAL_NOUNS | PEOPLE_NOUNS | position_words() | self.person_nouns | self.contest_nouns:
            return []
        if self._descriptors is None:
            self._descriptors, self._ages = self._collect_descriptors()
        keys = ("former " + lemma, lemma) if _former(token) else (lemma,)
        tied = {id(c): c for key in keys for i, c in self._descriptors.get(key, []) if i < token.i}
        if tied:  # "Former Presidents A and B ... both former presidents"
            return [Resolution(c, "description") for c in tied.values()] if len(tied) == 2 else []
        if lemma in position_words():
            return []  # a title names whoever holds it, not the last two people named
        return self.pair(token)

    def _definite(self, cluster: Cluster) -> bool:
        """Named with "the" before it ("the Council"): an organisation, not a person."""
        return any(m.start > 0 and self.doc[m.start - 1].lower_ == "the" for m in cluster.mentions)

    def group(self, token: Token) -> list[Resolution]:
        """The agents "they" or "them" stands for: the last coordination of two to MAX_GROUP people
        or organisations ("X, Y and the Harbor Union endorsed Ruiz. They also backed Lind"), in its
        own sentence before it or, walking back, in the nearest sentence that names anyone; a
        sentence that names someone but coordinates nobody settles it as nobody."""
        if token.lower_ not in ("they", "them"):
            return []
        own = {t.i for subject in clause_subjects(token.head) for t in conjuncts(subject)} if token.dep_ not in SUBJECT_DEPS else set()
        index = self._sentence(token)
        for back in range(LOOKBACK_SENTENCES + 1):
            if index - back < 0:
                break
            sent = self.sents[index - back]
            end = token.i if back == 0 else sent.end
            named = False
            last: dict[int, Cluster] = {}
            for candidate in self.doc[max(sent.start, end - MAX_SCAN) : end]:
                cluster = self.entities.entity_at(candidate)
                if cluster is None or cluster.type not in ("Person", "Organization"):
                    continue
                named = True
                if candidate.dep_ != "conj":
                    listed = [t for t in conjuncts(candidate) if t.i < end]
                    members = {id(c): c for t in listed
                               if (c := self.entities.entity_at(t)) is not None and c.type in ("Person", "Organization")}
                    if 2 <= len(members) <= MAX_GROUP:  # "Ortiz and Greer endorsed them": not themselves
                        last = {} if any(t.i in own for t in listed) else members
            if last:
                return [Resolution(c, "pronoun", back) for c in last.values()]
            if named:
                return []
        return []

    def _opposed(self, token: Token) -> Cluster | None:
        """"supporting Ortiz against Greer", "Ortiz versus Greer": the person ``token`` (the object
        of "against") is set against, the head or the verb's object."""
        prep = token.head
        if token.dep_ != "pobj" or prep.lower_ not in OPPOSING:
            return None
        rival = prep.head if prep.head.pos_ in ("PROPN", "NOUN") else next(
            (c for c in prep.head.children if c.dep_ == "dobj" and c.i < prep.i), None)
        found = self.entities.entity_at(rival) if rival is not None else None
        return found if found is not None and self._may_be_person(found) else None

    def members(self, token: Token) -> list[Resolution]:
        """The people a counted plural names ("three candidates", "both judges"), listed in
        apposition ("two judges, Ortiz and Greer"), after a colon ("three judges: A, B and C") or
        as what the next sentence says they are ("... all three candidates. The three candidates
        are A, B and C", "They are A and B"). As many as the count, all people, or none; the
        organisations an organisation noun counts ("two unions, the Harbor Union and X"), likewise."""
        lemma = token.lemma_.lower()
        count = next((_COUNTS.get(c.lower_, int(c.text) if c.text.isdigit() else 0) for c in token.children
                      if c.dep_ in ("nummod", "det", "predet") and (c.like_num or c.lower_ == "both")), 0)
        organizations = lemma in organization_words() | self.standalone  # "two unions, A and B"
        if (token.tag_ not in ("NNS", "NNPS") or not count or self.entities.entity_at(token) is not None
                or not (organizations or lemma in position_words() | self.person_nouns | self.contest_nouns)):
            return []
        heads = [c for c in token.children if c.dep_ == "appos"]
        sentence = self.sents[self._sentence(token)]
        after = self.doc[token.right_edge.i + 1 : sentence.end]
        colon = next((t.i for t in after if t.text == ":"), None)
        if not heads and colon is not None:
            heads = [t for t in self.doc[colon + 1 : sentence.end] if self.entities.entity_at(t) is not None][:1]
            heads = [self._name_head(t) for t in heads]
        if not heads and len(after) > 1 and after[0].text == ",":  # an apposition the parser hung elsewhere
            heads = [self._name_head(t) for t in after[1:4] if self.entities.entity_at(t) is not None][:1]
        index = self._sentence(token)
        if not heads and index + 1 < len(self.sents):
            following = self.sents[index + 1]
            root = following.root
            subject = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None)
            if (root.lemma_ in ("be", "include") and subject is not None
                    and (subject.lemma_.lower() == lemma or subject.lower_ == "they")):
                heads = [c for c in root.children if c.dep_ in ("attr", "dobj")][:1]
        people = {id(c): c for head in heads for t in conjuncts(head) if (c := self.entities.entity_at(t)) is not None}
        if organizations:
            kinds = all(c.type == "Organization" or _organization_name(c) for c in people.values())
        else:
            kinds = all(self._may_be_person(c) and not _organization_name(c) for c in people.values())
        if len(people) != count or not kinds:
            return []
        return [Resolution(c, "description") for c in people.values()]

    def _name_head(self, token: Token) -> Token:
        """The syntactic head of the name ``token`` is part of (its last word, as a rule)."""
        cluster = self.entities.entity_at(token)
        while token.i + 1 < len(self.doc) and cluster is not None and id(self.entities.entity_at(self.doc[token.i + 1])) == id(cluster):
            token = self.doc[token.i + 1]
        return token

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
        if cluster is not None and cluster.type == "Group" and self._description_kind(token) == "person":
            return (yield from self._description(token, "person"))  # "the Republican": a person, not the party
        if cluster is not None and _body_name(cluster):  # "its Board of Directors": the organisation's
            for owner in (c for t in token.doc[token.left_edge.i : token.i + 1] for c in t.children if c.dep_ == "poss"):
                found = yield owner
                if found is not None and found.cluster.type == "Organization":
                    return Resolution(found.cluster, "name", found.sentences_back)
        if cluster is not None:
            return Resolution(cluster, "name")
        lower = token.lower_
        if lower in FIRST_PERSON:
            return (yield from self._speaker(token))
        if lower in THIRD_PERSON:
            return (yield from self._pronoun(token))
        if lower == "whose" and token.dep_ == "poss":  # "Gore, whose endorsement of Dean ...": Gore
            clause = next((a for a in [token.head, *ancestors(token.head)] if a.dep_ == "relcl"), None)
            if clause is not None and clause.head.pos_ in ("PROPN", "NOUN", "PRON"):
                return (yield clause.head)
            return None
        if lower in RELATIVE and token.head.dep_ in ("relcl", "acl"):
            head = token.head.head  # "X is the largest union that backs Y": the union is X
            if head.dep_ == "attr" and head.pos_ == "NOUN":
                head = next((c for c in head.head.children if c.dep_ in SUBJECT_DEPS), head)
            return (yield head)
        if lower in EDITORIAL_WE and self.quotes.region_of(token) is None:
            return (yield from self._editorial(token))
        if lower in ("it", "its") and token.dep_ in (*SUBJECT_DEPS, "poss"):
            return (yield from self._it(token))
        if _age(token) is not None and _definite(token):  # "the 45-year-old"
            return (yield from self._description(token, "age"))
        if token.pos_ in ("NOUN", "PROPN"):
            for child in token.children:  # "coach Tommy Tuberville", "the senator, Jeff Sessions"
                if child.dep_ == "appos" and (found := self.entities.entity_at(child)):
                    return Resolution(found, "name")
            if (renamed := self._renamed(token)) is not None:
                return Resolution(renamed, "name")
            if token.lemma_.lower() in RIVAL_NOUNS and (owner := next((c for c in token.children if c.dep_ == "poss"), None)):
                return (yield from self._rival(token, owner))
            if (kind := self._description_kind(token)) is not None:
                return (yield from self._description(token, kind))
            if token.lemma_.lower() in organization_words() or token.lemma_.lower() in PRESS_NOUNS:
                return (yield from self._organization(token))
        return None

    def _text_before(self, token: Token) -> Iterator[tuple[int, Span]]:
        """(sentences back, text) to search for what ``token`` stands for: its own sentence up to
        it (0), then the ends of the sentences before, skipping quoted ones, within
        LOOKBACK_SENTENCES; each region at most MAX_SCAN tokens."""
        index = self._sentence(token)
        yield 0, self.doc[max(self.sents[index].start, token.i - MAX_SCAN) : token.i]
        back = 0
        for sent in reversed(self.sents[max(0, index - LOOKBACK_SENTENCES - 2) : index]):
            tail = sent[max(0, len(sent) - MAX_SCAN):]
            if self.quotes.sentence_is_quoted(tail):
                continue
            back += 1
            if back > LOOKBACK_SENTENCES:
                return
            yield back, tail

    def _rival(self, token: Token, owner: Token) -> Steps:
        """"Reyes conceded and endorsed his opponent", "her former rival": the one person other than
        the owner named in the text before it (its own sentence, then the sentences before, within
        LOOKBACK_SENTENCES); none when that is more than one."""
        mine = yield owner
        if mine is None or not self._is_person(mine, True):
            return None
        for back, prev in self._text_before(token):
            people = {id(c): c for t in prev if (c := self.entities.entity_at(t)) is not None
                      and self._may_be_person(c) and not _organization_name(c) and id(c) != id(mine.cluster)}
            if not people:
                continue
            if len(people) != 1:
                return None
            found = next(iter(people.values()))
            if found.type != "Person":  # an opponent is a person, whatever the tagger said
                found.votes["Person"] += 1.25
            return Resolution(found, "description", back)
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

    def _fits(self, cluster: Cluster, gender: str | None) -> bool:
        """May a pronoun of ``gender`` ("m", "f" or None) stand for ``cluster`` (see :mod:`kg.extraction.gender`)?"""
        if gender is None:
            return True
        if self._genders is None:  # collected on first use, once entity types are settled
            self._genders = genders(self.doc, self.entities, self.quotes, self.sents, self.gender_words)
        return compatible(gender, cluster, self._genders)

    def _pronoun(self, token: Token) -> Steps:
        lower = token.lower_
        gender = pronoun_gender(token)
        if lower in REFLEXIVE:
            for subject in clause_subjects(token.head):
                if subject.i != token.i:
                    found = yield subject
                    if self._is_person(found, False) and found is not None and self._fits(found.cluster, gender):
                        return found
            return None
        own: set[int] = set()  # "Moreno conceded and endorsed her": never the clause's own subject
        if token.dep_ not in SUBJECT_DEPS and token.dep_ != "poss":
            for subject in clause_subjects(token.head):
                if subject.i != token.i and (mine := (yield subject)):
                    own.add(id(mine.cluster))
        for lenient in (False, True):  # a weakly typed name only when no person fits
            if token.dep_ in SUBJECT_DEPS or token.dep_ == "poss":
                found = yield from self._governing_subject(token, lenient, gender)
                if found is None:  # "He praised his running mate, Palin, a day after her endorsement of X",
                    # "The calls for Kemp to quit grew after he won": no governing subject fits
                    found = yield from self._nearest_in_sentence(token, lenient, gender)
            else:
                found = yield from self._nearest_in_sentence(token, lenient, gender)
            found = found or (yield from self._previous_subject(token, lenient, frozenset(own), gender))
            if found is not None:
                if found.cluster.type != "Person":  # "he" or "she" settles it
                    found.cluster.votes["Person"] += 1.25
                return found
        return None

    def _governing_subject(self, token: Token, lenient: bool, gender: str | None = None) -> Steps:
        own = token.head
        described = own.head.i if own.dep_ == "relcl" else -1  # "the candidate he endorsed": never "he"
        for ancestor in ancestors(own) if token.dep_ in SUBJECT_DEPS else [own, *ancestors(own)]:
            for subject in clause_subjects(ancestor):
                if subject.i < token.i and subject.i != described:
                    found = yield subject
                    if self._is_person(found, lenient) and found is not None and self._fits(found.cluster, gender):
                        return found
        return None

    def _nearest_in_sentence(self, token: Token, lenient: bool, gender: str | None = None) -> Steps:
        """The nearest person before ``token`` in its sentence (of its ``gender`` or none known),
        not its clause's subject, at most NEAREST_REACH words back."""
        excluded = set()
        for subject in clause_subjects(token.head):
            if subject.i != token.i and (found := (yield subject)):
                excluded.add(id(found.cluster))
        quoted = self.quotes.region_of(token) is not None
        start = max(self.sents[self._sentence(token)].start, token.i - NEAREST_REACH)
        for candidate in reversed(self.doc[start : token.i]):
            if not quoted and self.quotes.region_of(candidate):
                continue
            mention = self.entities.entity_at(candidate)
            if mention is not None and id(mention) not in excluded and self._person_like(mention, lenient) and self._fits(mention, gender):
                return Resolution(mention, "pronoun")
        return None

    def _previous_subject(self, token: Token, lenient: bool, skip: frozenset[int] = frozenset(),
                          gender: str | None = None) -> Steps:
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
                    if found is None and gender is not None and self._unseen_owner(candidate):
                        found = Resolution(self.entities.add_bare_name(candidate, "Person"), "name")
                        self._memo[candidate.i] = found
                    if (found is not None and id(found.cluster) not in skip and self._is_person(found, lenient)
                            and self._fits(found.cluster, gender)):
                        return Resolution(found.cluster, "pronoun", back)
            for candidate in reversed(prev):
                mention = self.entities.entity_at(candidate)
                if (mention is not None and id(mention) not in skip and self._person_like(mention, lenient)
                        and self._fits(mention, gender)):
                    return Resolution(mention, "pronoun", back)
        return None

    def _unseen_owner(self, token: Token) -> bool:
        """"Herrera's priorities include ... He": a capitalised owner of a subject that the model
        saw as no entity of any kind, which only a person can be when "he" or "she" goes back to it."""
        return (token.dep_ == "poss" and token.tag_ in ("NN", "NNP") and not token.ent_type_ and token.text[:1].isupper()
                and token.text[1:].islower() and self.entities.entity_at(token) is None
                and token.lemma_.lower() not in position_words() | organization_words())

    # -- organisations named by their owner ------------------------------------------------------

    def _organization(self, token: Token) -> Steps:
        """"the Trump campaign", "his campaign" -> Trump campaign; "the campaign" -> the last one."""
        head = token.lemma_.lower()
        owners = [c for c in token.children if c.dep_ in ("compound", "poss", "amod", "nmod") and not (
            c.dep_ == "amod" and c.text.islower())]  # not "the editorial board"
        if head in GOVERNING_BODIES:  # "the board of Acme Foods", "the board of directors of Acme Foods"
            members = [o for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                       for o in p.children if o.dep_ == "pobj"]
            members += [o for m in members if m.pos_ == "NOUN" for p in m.children if p.dep_ == "prep" and p.lower_ == "of"
                        for o in p.children if o.dep_ == "pobj"]
            owners += [o for o in members if o.pos_ == "PROPN"]
        for owner in owners:
            found = yield owner
            if found is not None and found.cluster.type == "Organization" and (
                    head in NAME_TAILS or any(c.lower_ == "editorial" for c in token.children)
                    or head in GOVERNING_BODIES):
                # "the Law and Justice party", "the Times editorial board", "the union's executive board",
                # "the Acme board", "the board of Acme": an organisation's governing body acts for it
                return Resolution(found.cluster, "name")
            if found is not None and found.cluster.type in ("Person", "Organization"):
                label = f"{found.cluster.label} {head}"
                cluster = self._owned.get(label)
                if cluster is None:
                    cluster = Cluster(votes=Counter({"Organization": 1.0}))
                    self._owned[label] = cluster
                    self.entities.clusters.append(cluster)
                cluster.mentions.append(Mention(token.i, token.i + 1, label, None))
                return Resolution(cluster, "description", found.sentences_back)
        editorial = head == "board" and any(c.lower_ == "editorial" for c in token.children)
        if _definite(token) and (head in PRESS_NOUNS or editorial):  # "the paper", "the editorial board"
            return self._recent_organization(token, press=True)
        if not owners and any(c.lower_ == "the" for c in token.children):
            earlier = [c for label, c in self._owned.items() if label.endswith(" " + head) and c.mentions[0].start < token.i]
            if len(earlier) == 1:
                return Resolution(earlier[0], "description")
            if head in self.standalone:
                return self._recent_organization(token)
        return None

    def _recent_organization(self, token: Token, press: bool = False) -> Resolution | None:
        """"the union", "the party": the last organisation whose name has that noun ("the Harbor
        Workers Union"; for ``press`` nouns, "the paper", a newspaper's name), within
        LOOKBACK_SENTENCES; else (not for the press) the organisation named last in this or the two
        sentences before, unless its name says it is another kind ("the party" is not "the
        Supreme Court")."""
        head = token.lemma_.lower()
        press = press or head in PRESS_NOUNS
        kinds = organization_words() | self.standalone
        index = self._sentence(token)
        near = self.sents[max(0, index - 2)].start
        owned = {id(c) for c in self._owned.values()}
        fallback: Cluster | None = None
        acting = token.dep_ in SUBJECT_DEPS
        start = max(self.sents[max(0, index - LOOKBACK_SENTENCES)].start, token.i - MAX_SCAN)
        for candidate in reversed(self.doc[start : token.i]):
            cluster = self.entities.entity_at(candidate)
            if cluster is None or cluster.type != "Organization" or id(cluster) in owned:
                continue
            if not press and (_sought(candidate) or _as_source(candidate, lambda t, c=cluster: id(self.entities.entity_at(t)) == id(c))):
                continue  # "endorsed for Eastport City Council", "the Senate primary": a seat, no actor;
                # "told Channel 9 News": the outlet that carries the story
            words = [w.casefold() for w in cluster.label.split()]
            if head in words or (press and newspaper_name(cluster.label)):
                return Resolution(cluster, "description")
            if (fallback is None and candidate.i >= near and not press
                    and (head in GENERIC_ORGANIZATIONS or not (words[-1] in kinds and words[-1] != head))):
                fallback = cluster
        if fallback is None and acting and not press:
            # "The Harbor Labor Council ... voted to endorse A. [three sentences] The council also endorsed B":
            # further back, the organisation of that name the text made an actor, as a subject
            wide = max(self.sents[max(0, index - 2 * LOOKBACK_SENTENCES)].start, token.i - 2 * MAX_SCAN)
            for candidate in reversed(self.doc[wide:start]):
                cluster = self.entities.entity_at(candidate)
                if (cluster is not None and cluster.type == "Organization" and id(cluster) not in owned
                        and head in cluster.label.casefold().split() and _head_of_name(candidate).dep_ in SUBJECT_DEPS):
                    return Resolution(cluster, "description")
        return Resolution(fallback, "description") if fallback is not None else None

    # -- definite descriptions -----------------------------------------------------------------

    def _description_kind(self, token: Token) -> str | None:
        """How a definite noun phrase describes a person: by a ``title`` ("the senator"), by what
        they are (``person``: "the ex-soldier") or by their place in a ``contest`` ("the
        candidate"); ``None`` when it does not, or names someone new ("the first candidate",
        "the judge who ...", "the leader of the party")."""
        lemma = token.lemma_.lower()
        if lemma in position_words():
            kind = "title"
        elif lemma in self.person_nouns:
            kind = "person"
        elif lemma in self.contest_nouns:
            kind = "contest"
        else:
            return None
        return kind if _definite(token) and token.tag_ not in ("NNS", "NNPS") else None

    def _collect_descriptors(self) -> tuple[dict[str, list[tuple[int, Cluster]]], dict[int, str]]:
        """What the text ties to each named person: titles ("Sen." as "senator"), descriptors
        ("Incumbent Ana Lind"), appositions ("Ana Ruiz, the populist candidate") and copulas;
        and ages ("Ana Ruiz, 45,"), by cluster."""
        found: dict[str, list[tuple[int, Cluster]]] = {}
        ages: dict[int, str] = {}
        words = position_words() | self.person_nouns | self.contest_nouns
        for token in self.doc:
            cluster = self.entities.entity_at(token)
            if cluster is None or cluster.type != "Person" or token.i + 1 < len(self.doc) and id(self.entities.entity_at(self.doc[token.i + 1])) == id(cluster):
                continue
            related = [c for c in token.children if c.dep_ in ("compound", "appos", "amod")]
            if token.dep_ == "appos":
                related.append(token.head)
            if token.dep_ in SUBJECT_DEPS:
                related += [c for c in token.head.children if c.dep_ == "attr"]
            related += [c for clause in token.children if clause.dep_ == "relcl"  # "Greer, who was elected mayor"
                        for c in clause.children if c.dep_ in ("attr", "oprd")]
            if token.dep_ == "nsubj" and (agent := AGENT_NOUNS.get(token.head.lemma_.lower())):
                found.setdefault(agent, []).append((token.head.i, cluster))  # "Greer owns the team" -> the owner
            related += [m for word in list(related) if word.dep_ in ("appos", "attr") or word.i == token.head.i
                        for m in word.children if m.dep_ in ("amod", "compound")]  # "the populist candidate"
            owners = [cluster]
            if any(w.dep_ == "compound" and w.tag_ in ("NNS", "NNPS") for w in related):  # "Presidents A and B"
                owners += [c for t in token.children if t.dep_ == "conj"
                           and (c := self.entities.entity_at(t)) is not None and c.type == "Person"]
            for word in related:
                if word.like_num and word.dep_ == "appos":
                    ages[id(cluster)] = word.text
                if word.i > 0 and self.doc[word.i - 1].lower_.rstrip("-") in SUBORDINATE:
                    continue  # "Deputy Mayor Ryan Berni" is not "the mayor"
                lemma = word.lemma_.lower().rstrip(".")
                former = _former(word) or (word.dep_ in ("compound", "amod") and any(
                    c.lower_ in FORMER and c.i < word.i for c in token.children))  # "former Gov. Ana Lind"
                for key in HONORIFIC_NOUNS.get(lemma, (lemma,)):
                    if key in words:
                        found.setdefault(("former " if former else "") + key, []).extend((word.i, c) for c in owners)
        return found, ages

    def _description(self, token: Token, kind: str) -> Steps:
        """"the circuit judge", "the ex-soldier", "the incumbent", "the 45-year-old": the one person
        an earlier title, apposition or copula tied the noun to; failing that (not for titles,
        which name whoever holds them), the one person of the nearest earlier sentence that names
        anyone (within LOOKBACK_SENTENCES), or, for a ``person`` description that is a subject,
        that sentence's subject. Never its own clause's subject, nor someone the text ties to a
        contrary description ("the incumbent" is not the challenger), to another age or, for a
        gendered noun ("the congresswoman"), to the other gender."""
        if self._descriptors is None:  # collected on first use, once entity types are settled
            self._descriptors, self._ages = self._collect_descriptors()
        age = _age(token)
        key = f"age {age}" if age is not None else ("former " if _former(token) else "") + token.lemma_.lower()
        if age is not None:
            tied = {id(c): c for c in self.entities.clusters if self._ages.get(id(c)) == age
                    and c.mentions and c.mentions[0].start < token.i}
        else:
            tied = {id(c): c for i, c in self._descriptors.get(key, []) if i < token.i}
        lemma = token.lemma_.lower()
        gender = "m" if lemma in self.gender_words[0] else "f" if lemma in self.gender_words[1] else None
        tied = {k: c for k, c in tied.items() if self._fits(c, gender)}  # "Rep. Ortiz ... the congresswoman"
        known = {k: c for k, c in tied.items() if gender is not None and (self._genders or {}).get(k) == gender}
        tied = known if len(tied) > 1 and len(known) == 1 else tied
        if len(tied) == 1:
            return Resolution(next(iter(tied.values())), "description")
        if tied or kind == "title":
            return None
        own: set[int] = set()
        if token.dep_ not in SUBJECT_DEPS:
            for subject in clause_subjects(token.head):
                if subject.i != token.i and (mine := (yield subject)):
                    own.add(id(mine.cluster))
        contrary = {id(c) for word in CONTRARY.get(key, ()) for _, c in self._descriptors.get(word, [])}
        for back, prev in self._text_before(token):
            # a name typed weakly as something else counts against the others, but is never the answer;
            # one the text ties to a contrary description ("the challenger": not the incumbent) or
            # another gender ("the congresswoman") is no candidate at all
            people = {id(c): c for t in prev if (c := self.entities.entity_at(t)) is not None
                      and self._may_be_person(c) and not _organization_name(c) and id(c) not in own
                      and id(c) not in contrary and self._fits(c, gender)}
            if not people:
                continue
            if len(people) == 1:
                found: Cluster | None = next(iter(people.values()))
            elif kind == "person" and token.dep_ in SUBJECT_DEPS:
                subject = next((t for t in prev if t.dep_ in SUBJECT_DEPS and t.head.dep_ == "ROOT"), None)
                found = self.entities.entity_at(subject) if subject is not None else None
                found = found if found is not None and id(found) in people else None
            else:
                found = None
            if (found is None or found.type != "Person"
                    or (age is not None and self._ages.get(id(found), age) != age)):
                return None
            return Resolution(found, "description", back)
        return None

    # -- "we" in an editorial ----------------------------------------------------------------------

    def _editorial(self, token: Token) -> Steps:
        """"The Tribune Editorial Board ... we endorsed Daley": outside quotation marks, "we" is the
        newspaper whose editorial board or name the text gave last, within 2 x LOOKBACK_SENTENCES."""
        index = self._sentence(token)
        start = self.sents[max(0, index - 2 * LOOKBACK_SENTENCES)].start
        for candidate in reversed(self.doc[max(start, token.i - 4 * MAX_SCAN) : token.i]):
            if self.quotes.region_of(candidate) is not None:
                continue
            cluster = self.entities.entity_at(candidate)
            board = candidate.lemma_.lower() == "board" and any(c.lower_ == "editorial" for c in candidate.children)
            if board:
                found = yield candidate
                if found is not None and found.cluster.type == "Organization":
                    return Resolution(found.cluster, "description")
                owner = next((c for c in candidate.children if c.dep_ in ("compound", "poss")), None)
                cluster = self.entities.entity_at(owner) if owner is not None else None
            if cluster is not None and cluster.type == "Organization" and (board or newspaper_name(cluster.label)):
                return Resolution(cluster, "description")
        return None

    # -- "it": an organisation -------------------------------------------------------------------

    def _it(self, token: Token) -> Steps:
        """"The union said it would back Ruiz", "LIUNA ... It supported Ortiz": the organisation
        that is the subject of a clause governing ``it``, else the last organisation named before it
        in its sentence, else the organisation subject of one of the two sentences before."""
        for ancestor in ancestors(token.head) if token.dep_ in SUBJECT_DEPS else [token.head, *ancestors(token.head)]:
            for subject in clause_subjects(ancestor):
                if subject.i < token.i:
                    found = yield subject
                    if found is not None and found.cluster.type == "Organization":
                        return Resolution(found.cluster, "pronoun")
        sentence = self.sents[self._sentence(token)]
        for candidate in reversed(self.doc[max(sentence.start, token.i - MAX_SCAN) : token.i]):
            if self.entities.entity_at(candidate) is not None or candidate.lemma_.lower() in self.standalone:
                found = yield candidate
                if found is not None and found.cluster.type == "Organization":
                    return Resolution(found.cluster, "pronoun")
        index = self._sentence(token)
        for back in (1, 2):
            if index - back < 0:
                break
            subjects = sorted((t for t in self.sents[index - back] if t.dep_ in SUBJECT_DEPS), key=lambda t: (t.head.dep_ != "ROOT", t.i))
            for subject in subjects:
                found = yield subject
                if found is not None and found.cluster.type == "Organization":
                    return Resolution(found.cluster, "pronoun", back)
        return None
