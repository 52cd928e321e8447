"""Argument frames: where a relation's trigger finds its subject and object in a parse.

Frames (see the ontology for which relation uses which trigger):

* active      "Trump endorsed Tuberville", "he recused himself from the investigation"
* passive     "Tuberville was endorsed by Trump", "Tuberville, endorsed by Trump"
* reciprocal  "X and Y will face off in a runoff", "X faces Y in the runoff", "X lost to Y in the
              run-off", "Ana Lee vs. Bob Kim" under a runoff heading
* nominal     "Trump's endorsement of Tuberville", "has my approval", "a runoff between X and Y"
* agentive    "Sessions, a supporter of Trump", "Senate candidate Jeff Sessions", "his opponent in
              the runoff, Y"
* patient     "Sotomayor, an appointee of Obama" (the noun names the object)
* causative   "the mayor forced her to quit the board"
* appeal      "Okoro urged her voters to back Lind"
* role        "appointed him attorney general", "named her as secretary" (a role on the object)
* title       "campaign manager Michael Glassner", "Sessions, an Alabama senator"
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from kg.extraction.lexical import lemma_in, lemmas
from kg.extraction.syntax import clause_subjects, conjuncts, first_conjunct
from kg.extraction.syntax import prep_objects as _prep_objects
from kg.ontology import Ontology, Relation, VerbTrigger, default_ontology, position_words

NOUN_OBJECT_PREPS = ("of", "for", "behind", "around")
PASSIVE_AGENT_DEPS = {"agent"}
ISSUE_PREPS = ("on", "over", "about", "regarding", "concerning")
REFLEXIVES = {"himself", "herself", "itself", "themselves", "myself", "yourself", "ourselves"}
TEMPORAL = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


@dataclass
class Match:
    """Tokens that fill one relation frame (resolved to entities later)."""

    relation: Relation
    trigger: Token
    frame: str
    subjects: list[Token]
    objects: list[Token]
    role: Token | None = None
    pairwise: bool = False  # symmetric: every two participants
    extra: dict[str, Token] = field(default_factory=dict)


@dataclass(frozen=True)
class Lexicon:
    """The triggers of an ontology's relations, by lemma."""

    verbs: dict[str, list[tuple[Relation, VerbTrigger]]]
    nouns: dict[str, list[tuple[Relation, str | None]]]  # lemma -> (relation, required particle: "run off")
    agent_nouns: dict[str, list[Relation]]
    causatives: dict[str, list[tuple[Relation, str]]]
    verbs_with_role: dict[str, list[Relation]]
    patient_nouns: dict[str, list[Relation]]
    appeals: dict[str, list[tuple[Relation, str, str | None]]]
    pair_prepositions: dict[str, list[Relation]]
    cues: dict[str, frozenset[str]]  # the ontology's kg:CueSet words (receivingVerbs, lightVerbs, ...)
    contests: tuple[Relation, ...] = ()  # symmetric relations with a context: who meets whom in a runoff
    abstentions: dict[str, list[tuple[Relation, str | None, str]]] = field(default_factory=dict)  # lemma -> (rel, object, prep)

    def cue(self, name: str) -> frozenset[str]:
        return self.cues.get(name, frozenset())

    @cached_property
    def triggers(self) -> frozenset[str]:
        """Every lemma some table but the cue sets and pair prepositions holds (a word outside it triggers nothing)."""
        tables = (getattr(self, f.name) for f in fields(self) if f.name not in ("cues", "pair_prepositions"))
        return frozenset().union(*(table for table in tables if isinstance(table, dict)))


def lexicon(ontology: Ontology | None = None) -> Lexicon:
    """The triggers of ``ontology``'s relations (default: the package's ontology)."""
    verbs: dict[str, list[tuple[Relation, VerbTrigger]]] = defaultdict(list)
    nouns: dict[str, list[tuple[Relation, str | None]]] = defaultdict(list)
    agents: dict[str, list[Relation]] = defaultdict(list)
    causatives: dict[str, list[tuple[Relation, str]]] = defaultdict(list)
    with_role: dict[str, list[Relation]] = defaultdict(list)
    patients: dict[str, list[Relation]] = defaultdict(list)
    appeals: dict[str, list[tuple[Relation, str, str | None]]] = defaultdict(list)
    pairs: dict[str, list[Relation]] = defaultdict(list)
    ontology = ontology or default_ontology()
    for rel in ontology.relations.values():
        for word in rel.pair_prepositions:
            pairs[word].append(rel)
        for verb in rel.verbs_with_role:
            with_role[verb].append(rel)
        for noun in rel.patient_nouns:
            patients[noun].append(rel)
        for cause, action, prep in rel.appeals:
            appeals[cause].append((rel, action, prep))
        for trigger in rel.verbs:
            verbs[trigger.lemma].append((rel, trigger))
        for noun in rel.nouns:
            lemma, _, particle = noun.partition(" ")
            nouns[lemma].append((rel, particle or None))
        for noun in rel.agent_nouns:
            agents[noun].append(rel)
        for cause, effect in rel.causatives:
            causatives[cause].append((rel, effect))
    contests = tuple(rel for rel in ontology.relations.values() if rel.symmetric and rel.context)
    abstentions: dict[str, list[tuple[Relation, str | None, str]]] = defaultdict(list)
    for rel in ontology.relations.values():
        for phrase in rel.abstentions:
            lemma, *middle, prep = phrase.split()
            abstentions[lemma].append((rel, middle[0] if middle else None, prep))
    return Lexicon(dict(verbs), dict(nouns), dict(agents), dict(causatives), dict(with_role), dict(patients),
                   dict(appeals), dict(pairs), ontology.cues, contests, dict(abstentions))


def _children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _expand(tokens: list[Token]) -> list[Token]:
    return [c for t in tokens for c in conjuncts(t)]


_LOWER_TEXT = "kg_lower_text"
_SENTENCE_MEMO = "kg_sentence_memo"


def _lower_text(doc: Doc) -> str:
    """The document's text in lower case, character for character (token offsets hold), made
    once per document (kept in its user data)."""
    text = doc.user_data.get(_LOWER_TEXT)
    if text is None:
        text = doc.text.lower()
        if len(text) != len(doc.text):  # "İ" lowers to two characters
            text = "".join(c if len(c.lower()) != 1 else c.lower() for c in doc.text)
        doc.user_data[_LOWER_TEXT] = text
    return text


def _per_sentence(question: str, sentence: Span, rel: Relation, test: Callable[[], bool]) -> bool:
    """The answer of ``test()`` to ``question`` about ``sentence`` and ``rel``, worked out once per
    sentence (every verb in it asks) and kept in the document's user data."""
    memo = sentence.doc.user_data.setdefault(_SENTENCE_MEMO, {})
    key = (question, sentence.start, rel.name)
    if key not in memo:
        memo[key] = test()
    return memo[key]


def _has_context(sentence: Span, rel: Relation) -> bool:
    if not rel.context:
        return True
    return _per_sentence("context", sentence, rel, lambda: any(phrase in sentence.text.lower() for phrase in rel.context))


CLAUSAL_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "csubjpass"}
LOCAL_DEPTH = 6  # "defeated Y in the second round of the [June 5] runoff": a verb's own phrase lies a few arcs down


def _local_tokens(head: Token) -> list[Token]:
    """``head`` and its dependents at most LOCAL_DEPTH arcs down, not into embedded clauses
    (bounded: a chain of phrases keeps the walk from every verb of a sentence linear)."""
    out, frontier = [head], [(head, 0)]
    while frontier:
        token, depth = frontier.pop()
        if depth == LOCAL_DEPTH:
            continue
        for child in token.children:
            if child.dep_ not in CLAUSAL_DEPS:
                out.append(child)
                frontier.append((child, depth + 1))
    return out


def _has_local_context(head: Token, rel: Relation) -> bool:
    """A context phrase among ``head``'s own dependents ("defeated Y in the runoff")."""
    if not rel.context:
        return False
    text = _lower_text(head.doc)
    return any(
        text.startswith(phrase, token.idx) for token in _local_tokens(head) for phrase in rel.context
    )


def _previous_sentence(sentence: Span) -> Span | None:
    """The nearest sentence before ``sentence`` with words in it (a headline, for the lead)."""
    doc, start = sentence.doc, sentence.start
    for _ in range(len(doc)):
        if start <= 0:
            return None
        before = doc[start - 1].sent
        if any(not t.is_space for t in before):
            return before
        start = before.start
    return None


CONTEXT_GAP = 2  # sentences without a runoff pairing that may lie between a runoff's mention and a pairing
CONTEXT_REACH = 12  # sentences walked back at most


def _context_before(verb: Token, rel: Relation, trigger: VerbTrigger, lex: Lexicon) -> bool:
    """A runoff named before carries over to this sentence: "Ruritania holds a runoff on
    Sunday. Lind faces Okoro" (a verb of kg:contextCarryingVerbs), and on through a run of such
    pairings ("Three races go to runoffs. In District 2, A will face B. ... In District 5, C
    must face D"), a pending runoff only: not one already won ("X won the runoff. She will face
    Y"), supposed ("could go to a runoff") or denied; "X won the runoff. X defeated Y by ten
    points" (a weak verb in the past, about someone the sentence before names, "X carried the
    county, beating Y" too). Never where this
    sentence speaks of another contest ("faces Y in the general election")."""
    if not rel.context:
        return False
    text = verb.sent.text.lower()
    if any(phrase in text for phrase in lex.cue("otherContestPhrases")):
        return False
    if not trigger.weak:
        return lemma_in(verb, lex.cue("contextCarryingVerbs")) is not None and _pending_runoff_before(verb.sent, rel, lex)
    before = _previous_sentence(verb.sent)
    past = verb.tag_ == "VBD" or (verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.head.tag_ == "VBD")  # "carried X, beating Y"
    if before is None or not _has_context(before, rel) or not past:
        return False
    named = {t.lower_ for t in before if t.pos_ == "PROPN"}
    return any(s.pos_ == "PROPN" and s.lower_ in named for s in clause_subjects(verb) + _local_tokens(verb))


def _avoided(sentence: Span, rel: Relation, lex: Lexicon) -> bool:
    """Is every runoff ``sentence`` names one a verb denies ("avoided a runoff", "failed to force a
    runoff")? Then the sentence pairs no one in it. Decided once per sentence and relation."""
    return bool(rel.context) and _per_sentence("avoided", sentence, rel, lambda: _denied_runoffs(sentence, rel, lex))


def _denied_runoffs(sentence: Span, rel: Relation, lex: Lexicon) -> bool:
    text = _lower_text(sentence.doc)
    named = [t for t in sentence if any(text.startswith(phrase, t.idx) for phrase in rel.context)]
    if not named:
        return False
    negating = _denying_verbs(sentence, lex)
    return bool(named) and bool(negating) and all(
        any(t.i in {d.i for d in _local_tokens(n)} or any(d.i == t.i for x in _children(n, "xcomp") for d in _local_tokens(x))
            for n in negating) for t in named)


def _denying_verbs(sentence: Span, lex: Lexicon) -> list[Token]:
    """The kg:negatingVerbs of ``sentence`` that deny what they govern: not "did not avoid",
    "not by enough to avoid" or "failed to avoid a runoff" (two denials assert it)."""
    negating = [t for t in sentence if t.pos_ in ("VERB", "AUX") and lemma_in(t, lex.cue("negatingVerbs"))
                and not _negations_of(t)]
    twice = {n.i for n in negating if n.dep_ == "xcomp" and lemma_in(n.head, lex.cue("negatingVerbs"))}
    twice |= {n.head.i for n in negating if n.i in twice}
    return [n for n in negating if n.i not in twice]


def _negations_of(verb: Token) -> list[Token]:
    """The "not" that denies ``verb``: its own, or one before it on a sibling ("but not by enough
    to avoid a runoff", "not" hung on "by")."""
    return [t for t in verb.sent if t.dep_ == "neg" and t.i < verb.i and (
        verb.i in (t.head.i, t.head.head.i) or (verb.head.i != verb.i and t.head.head.i == verb.head.i and t.head.i != verb.head.i))]


def _double_negation(sentence: Span, lex: Lexicon) -> set[int]:
    """The negations that deny a denial in ``sentence`` ("not by enough to avoid a runoff")."""
    return {d.i for t in sentence if t.pos_ in ("VERB", "AUX") and lemma_in(t, lex.cue("negatingVerbs"))
            for d in _negations_of(t)}


def _implied_runoff(verb: Token, lex: Lexicon) -> bool:
    """"Neither reached 50%, so they will meet again on June 6": a carrying verb in the future,
    dated or "again", where this sentence or the one before says nobody won outright (a kg:shortfallWords word and a
    kg:majorityPhrases phrase), with no condition ("if no one wins a majority, ...")."""
    if not lemma_in(verb, lex.cue("contextCarryingVerbs")) or not any(
            c.tag_ == "MD" and c.lower_ in lex.cue("futureModals") for c in verb.children):
        return False
    if not any(t.lower_ in ("again", "off") or t.ent_type_ == "DATE" for t in _local_tokens(verb)):
        return False  # a rematch is dated or "again": not "will meet X for coffee"
    for sentence in (verb.sent, _previous_sentence(verb.sent)):
        if sentence is None:
            continue
        if any(t.lower_ in lex.cue("conditionalMarks") | lex.cue("hypotheticalModals") for t in sentence):
            return False
        text = sentence.text.lower()
        if any(phrase in text for phrase in lex.cue("otherContestPhrases")):
            return False
        if any(p in text for p in lex.cue("majorityPhrases")) and any(t.lower_ in lex.cue("shortfallWords") for t in sentence):
            return True
    return False


def _pending_runoff_before(sentence: Span, rel: Relation, lex: Lexicon) -> bool:
    """A sentence before ``sentence`` names a runoff still to come, with at most CONTEXT_GAP
    sentences between it and the next that pairs candidates (a contextCarryingVerb)."""
    gap = 0
    before = _previous_sentence(sentence)
    for _ in range(CONTEXT_REACH):
        if before is None:
            return False
        text = before.text.lower()
        if _has_context(before, rel):
            return _pending(before, rel, lex)
        if any(phrase in text for phrase in lex.cue("otherContestPhrases")):
            return False
        if any(lemma_in(t, lex.cue("contextCarryingVerbs")) for t in before if t.pos_ in ("VERB", "AUX")):
            gap = 0
        else:
            gap += 1
            if gap > CONTEXT_GAP:
                return False
        before = _previous_sentence(before)
    return False


def _pending(sentence: Span, rel: Relation, lex: Lexicon) -> bool:
    """``sentence``'s runoff is one still to come and asserted: not decided ("won the runoff",
    "defeated Y in the run-off": a kg:contestOutcomeVerbs verb in the past with the runoff among
    its words), not supposed or denied ("could go to a runoff", "if no one wins", "does not go to
    a runoff": a modal, condition or negation in the sentence)."""
    supposed = (lex.cue("conditionalMarks") | lex.cue("hypotheticalModals") | lex.cue("negations") | {"never"}) - lex.cue("obligationModals")
    if _avoided(sentence, rel, lex):
        return False  # "Ruiz avoided a runoff"
    denials = _double_negation(sentence, lex)
    for token in sentence:
        if token.tag_ in ("VBD", "VBN") and lemma_in(token, lex.cue("contestOutcomeVerbs")) and _has_local_context(token, rel):
            return False
        if token.lower_ in supposed and token.dep_ in ("aux", "neg", "mark", "advmod") and token.i not in denials:
            return False
    return True


def _is_matter(token: Token, rel: Relation) -> bool:
    """The object phrase is headed by a head word of the range ("the case", "hearing the appeal")."""
    words = rel.range_head_words
    return token.lemma_.lower() in words or token.lower_ in words


def _has_particle(token: Token, particle: str) -> bool:
    """"face off", "rallied behind"; a noun the phrase takes as its object too ("take part")."""
    return any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ == particle for c in token.children) or any(
        c.dep_ == "dobj" and c.pos_ == "NOUN" and c.lower_ == particle and not _children(c, "det", "poss") for c in token.children)


def _gerund_objects(token: Token, preps: tuple[str, ...]) -> list[Token]:
    """Objects of ``token``'s prepositions ``preps`` and their gerund clauses ("recused from
    hearing the appeal")."""
    gerunds = [c for prep in _children(token, "prep") if prep.lower_ in preps for c in _children(prep, "pcomp") if c.tag_ == "VBG"]
    return _prep_objects(token, preps) + gerunds


def _perfect_auxiliary(verb: Token) -> Token | None:
    """The "had" of "who had earlier backed Pillai" when the parser made "had" the verb and the
    participle a modifier of its object."""
    doc = verb.doc
    before = verb.i - 1
    while before >= 0 and doc[before].pos_ == "ADV":
        before -= 1
    if before >= 0 and doc[before].lemma_ == "have" and verb.head.head.i == doc[before].i and verb.head.dep_ == "dobj":
        return doc[before]
    return None


def _is_passive(verb: Token) -> bool:
    if _children(verb, "nsubjpass", "auxpass"):
        return True
    if verb.tag_ == "VBN" and verb.dep_ in ("advcl", "conj") and _children(verb, "agent") and _set_off(verb):
        return True  # "..., Ruiz, backed by the Farmers Union, took 21 per cent"
    return verb.tag_ == "VBN" and verb.dep_ == "acl" and not _children(verb, "nsubj")


def _set_off(verb: Token) -> list[Token]:
    """The name a participle set off by commas describes, where the parser hung the participle
    elsewhere: "Ruiz, backed by X," parsed as a clause of the sentence's verb."""
    if verb.tag_ != "VBN" or verb.dep_ not in ("advcl", "conj") or _children(verb, "nsubj", "nsubjpass"):
        return []
    if verb.dep_ == "advcl" and verb.i < verb.head.i and verb.i == verb.sent.start:
        return [s for s in _children(verb.head, "nsubj", "nsubjpass") if s.pos_ == "PROPN"]  # "Backed by X, Y won"
    if verb.i < 2:
        return []
    comma, name = verb.doc[verb.i - 1], verb.doc[verb.i - 2]
    return [name] if comma.text == "," and name.pos_ == "PROPN" else []


def _split_role(tokens: list[Token]) -> tuple[list[Token], Token | None]:
    """"appointed Kenji Watanabe finance minister" is often parsed as one noun phrase headed by
    the position: the person is its proper-noun compound (or possessive: "appointed her chief
    executive") and the position is the role."""
    words = position_words()
    for token in tokens:
        if token.lemma_.lower() in words:
            names = [c for c in token.children if c.dep_ == "appos" and _may_be_person(c)]  # "her chief of staff, Lars Holm"
            names = names or [
                c for c in token.children
                if (c.dep_ in ("compound", "nmod", "amod") and _may_be_person(c)) or (c.dep_ == "poss" and c.pos_ == "PRON")
            ]  # "named Raj Patel police chief": the name is often parsed as a modifier of the post
            if names:
                return [names[-1]], token
            others = [t for t in tokens if t.i != token.i]
            if others and all(t.lemma_.lower() in words for t in others):
                return tokens, None  # "named a new treasurer and a new transport chief": posts only
            if others:  # "whom ... appointed chief justice": two objects, one of them the role
                return others, token
    return tokens, None


def _stranded_subject(verb: Token) -> list[Token]:
    """The name right before a coordinated passive that the parser hung in the clause before:
    "X was appointed finance minister and Y was appointed health secretary"."""
    before = verb.left_edge.i - 1
    if before <= verb.head.i or not _children(verb, "auxpass"):
        return []
    name = verb.doc[before]
    return [name] if name.pos_ == "PROPN" and name.ent_type_ == "PERSON" and name.dep_ in ("conj", "appos") else []


def _set_off_holder(verb: Token, objects: list[Token]) -> list[Token]:
    """"appointed her chief of staff, Ken Ortiz, to the court": the name set off by a comma right
    after a post the verb takes as its object is the appointee (the parser hangs it on the verb)."""
    if len(objects) != 1 or objects[0].lemma_.lower() not in position_words():
        return objects
    after = objects[0].right_edge.i + 2
    named = [c for c in verb.children if c.dep_ in ("npadvmod", "appos", "dobj") and c.pos_ == "PROPN"
             and c.ent_type_ == "PERSON" and c.left_edge.i == after and c.doc[after - 1].text == ","]
    return named or objects


def _one_of(noun: Token) -> list[Token]:
    """"Ortiz was one of three judges appointed by X": the subject of the copula whose "one of"
    the participle's noun is."""
    of = noun.head if noun.dep_ == "pobj" and noun.tag_ == "NNS" else None
    one = of.head if of is not None and of.lower_ == "of" else None
    if one is None or one.lower_ != "one" or one.dep_ != "attr":
        return []
    return clause_subjects(one.head)


def _stray_agent(verb: Token) -> list[Token]:
    """The named object of the first "by" after a participle, before any other verb, wherever the
    parser hung it ("those endorsed in Eastport and nearby towns by the Harbor Union")."""
    for token in verb.doc[verb.i + 1 : verb.sent.end]:
        if token.pos_ in ("VERB", "AUX") or token.text in (";", ":", "(", "—"):
            return []
        if token.lower_ == "by" and token.dep_ == "prep":
            return [p for p in _children(token, "pobj") if p.pos_ == "PROPN" and p.ent_type_ in ("ORG", "PERSON")]
    return []


def _name_end(token: Token) -> Token:
    """The last word of the name a title word or first name belongs to ("Sen." in "Sen. John
    McGuire": "McGuire"), else ``token``."""
    for _ in range(len(token.sent)):
        if token.dep_ not in ("compound", "flat") or token.head.pos_ != "PROPN" or token.head.i <= token.i:
            break
        token = token.head
    return token


def _copula_subjects(noun: Token) -> list[Token]:
    """"Brandt was the lone candidate endorsed by X": the subject of the copula whose attribute
    the participle's noun is."""
    if noun.dep_ != "attr" or noun.head.lemma_ != "be" or noun.tag_ != "NN":
        return []
    return [s for s in clause_subjects(noun.head) if s.pos_ in ("PROPN", "PRON")]


def _appositive_name(noun: Token) -> Token:
    """The name a description stands in apposition to: "Fudge, the former representative appointed
    as housing chief" (the participle hangs on the description)."""
    if noun.dep_ == "appos" and noun.pos_ == "NOUN" and noun.head.pos_ == "PROPN":
        return noun.head
    return noun


def _named_acl_object(verb: Token, bodies: frozenset[str] = frozenset()) -> list[Token]:
    """A participle hung on a name, or on a named organisation's governing body (``bodies``:
    "Acme's board", "the Acme board"), with a named person as its object, or a post the person's
    name modifies: the parse of "Sunak, the prime minister, re-appointed Hunt" and of "Acme's
    board named Ana Ruiz chief executive" (a passive participle takes no such object)."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or _children(verb, "nsubj", "nsubjpass"):
        return []
    head = verb.head
    if head.pos_ != "PROPN" and not (head.lemma_.lower() in bodies and head.pos_ == "NOUN" and any(
            c.dep_ in ("poss", "compound") and c.pos_ == "PROPN" and c.ent_type_ == "ORG" for c in head.children)):
        return []
    return [c for c in verb.children if c.dep_ in ("dobj", "oprd") and (
        (c.pos_ == "PROPN" and c.ent_type_ == "PERSON") or (c.lemma_.lower() in position_words() and any(
            m.dep_ in ("compound", "nmod") and m.ent_type_ == "PERSON" and m.pos_ == "PROPN" for m in c.children)))]


def _post_owners(post: Token) -> list[Token]:
    """Whose post it is, when a person or organisation is named as its owner: "Biden's housing
    chief", "the new Hibernian manager" (the owner of a post fills it)."""
    owners = [c for c in post.children if c.dep_ == "poss" and c.pos_ == "PROPN" and c.ent_type_ in ("PERSON", "ORG")]
    if owners or post.ent_type_:
        return owners  # "the new Metropolitan Archbishop": a title, not an owner
    return [c for c in post.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ == "ORG"]


def _gapped_posts(role: Token) -> list[tuple[Token, Token]]:
    """The further (person, post) pairs coordinated with a first post: "named X as finance chief
    and Y as head of sales" (Y parsed as a conjunct of the first post, its "as" right after it),
    "named X police chief and Y fire chief" (the second post with the name as its modifier)."""
    words = position_words()
    out: list[tuple[Token, Token]] = []
    for conj in conjuncts(role)[1:]:
        if conj.pos_ == "PROPN" and conj.ent_type_ in ("PERSON", ""):
            after = conj.doc[conj.right_edge.i + 1] if conj.right_edge.i + 1 < len(conj.doc) else None
            post = next(iter(_children(after, "pobj")), None) if after is not None and after.lower_ == "as" else None
            if post is not None:
                out.append((conj, post))
        elif conj.lemma_.lower() in words:
            names, post = _split_role([conj])
            if post is not None and names[0].i != conj.i:
                out.append((names[0], post))
    return out


def _candidacy_action(verb: Token, lex: Lexicon) -> bool:
    """Is the choice ``verb`` one to run in an election ("tapped X to take on Y", "picked her to run
    for governor"): a to-infinitive of kg:candidacyActions on it."""
    for clause in _children(verb, "xcomp", "advcl", "ccomp"):
        if not any(c.lower_ == "to" for c in clause.children):
            continue
        particles = {c.lower_ for c in clause.children if c.dep_ in ("prt", "prep")}
        for phrase in lex.cue("candidacyActions"):
            lemma, _, particle = phrase.partition(" ")
            if clause.lemma_.lower() == lemma and (not particle or particle in particles):
                return True
    return False


def _may_be_person(token: Token) -> bool:
    """A name the model did not type as something else ("State Senator", "Native American Affairs")."""
    return token.pos_ == "PROPN" and token.ent_type_ in ("PERSON", "") and token.lemma_.lower() not in position_words()


def _role(verb: Token, obj: list[Token]) -> Token | None:
    taken = {o.i for o in obj}
    for child in verb.children:
        if child.i not in taken and (child.dep_ == "oprd" or (child.dep_ == "dobj" and _children(verb, "dative"))):
            return child
    for prep in _children(verb, "prep"):
        if prep.lower_ == "as":
            return next(iter(_children(prep, "pobj")), None)
    return None


def _dated_subjects(verb: Token) -> list[Token]:
    """"Trump Wednesday endorsed Justice" is parsed with the name as a modifier of the weekday."""
    for when in _children(verb, "npadvmod", "nsubj"):
        if (when.ent_type_ in TEMPORAL or when.lower_ in WEEKDAYS) and when.i < verb.i:
            names = [c for c in when.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < when.i]
            if names:
                return names[-1:]
    return []


def _absolute_subjects(verb: Token) -> list[Token]:
    """"with A and B advancing to the runoff": the names a "with" takes right before a gerund are
    its subject, wherever the parser hung the gerund."""
    if verb.tag_ != "VBG" or verb.i == 0 or _children(verb, "nsubj"):
        return []
    last = verb.doc[verb.i - 1]
    first = first_conjunct(last)
    if first.dep_ != "pobj" or first.head.lower_ != "with" or last.pos_ not in ("PROPN", "NOUN"):
        return []
    return [t for t in conjuncts(first) if t.i < verb.i]


def _auxiliary_subjects(verb: Token) -> list[Token]:
    """"Judge X had on Thursday recused himself": the name the parser made the auxiliary's subject."""
    return [s for aux in _children(verb, "aux") for s in _children(aux, "nsubj", "nsubjpass") if s.pos_ == "PROPN"]


def verb_matches(verb: Token, rel: Relation, trigger: VerbTrigger, lex: Lexicon) -> Iterator[Match]:
    if trigger.particle and not _has_particle(verb, trigger.particle):
        return
    if trigger.reflexive and not any(c.dep_ in ("dobj", "dative") and c.lower_ in REFLEXIVES for c in verb.children):
        return
    carried = False
    if not _has_context(verb.sent, rel):
        if not (_context_before(verb, rel, trigger, lex) or _implied_runoff(verb, lex)):
            return
        carried = True  # "Ruritania holds a runoff on Sunday. Lind faces Okoro"
    if not carried and not _has_local_context(verb, rel) and _avoided(verb.sent, rel, lex):
        return  # "X faced a challenge from Y but avoided a runoff"
    if trigger.weak and rel.context and not carried and not _has_local_context(verb, rel) and not (
            verb.dep_ == "advcl" and verb.tag_ == "VBG" and _has_local_context(verb.head, rel)):
        return  # "beat Y in the first round ... and faces Z in the runoff"; "won the runoff, defeating Y" counts
    if verb.dep_ == "amod" and verb.tag_ in ("VBN", "VBD") and (perfect := _perfect_auxiliary(verb)) is not None:
        subjects = clause_subjects(perfect)  # "Das, who had earlier backed Pillai", "had" parsed as the verb
        objects = [verb.head]
        frame = "active"
    elif (verb.dep_ == "amod" and verb.tag_ in ("VBN", "VBD") and verb.head.pos_ == "PROPN" and verb.head.dep_ == "dobj"
          and verb.head.head.pos_ == "PROPN" and verb.head.head.i < verb.i and not _children(verb.head, "det")):
        subjects = [verb.head.head]  # "Trump previously endorsed Mooney" parsed as a name taking an object
        objects = [verb.head]
        frame = "active"
    elif (verb.dep_ == "amod" and verb.tag_ == "VBD" and verb.head.pos_ == "PROPN" and verb.head.dep_ in ("conj", "appos")
          and verb.i > 1 and verb.doc[verb.i - 1].text == "," and verb.doc[verb.i - 2].pos_ == "PROPN"):
        subjects = [verb.doc[verb.i - 2]]  # "Another union, the Nurses Guild, endorsed Ana Ruiz" parsed as a list of names
        objects = [verb.head]
        frame = "active"
    elif verb.dep_ == "amod" and (verb.tag_ in ("VBN", "VBD") or _adjectival_participle(verb)):  # "the Trump-endorsed Tuberville"
        subjects = _children(verb, "npadvmod", "nmod", "compound", "nsubj") or _children(verb.head, "poss")  # "the union's endorsed candidate"
        objects = [verb.head]
        if verb.head.pos_ == "NOUN":  # "Trump-backed candidate Ben Okoro", "Okoro, the union-backed candidate"
            named = [a for a in _children(verb.head, "appos") if a.pos_ == "PROPN"]  # "his endorsed candidate, Ana Ruiz"
            objects = named or _described(verb.head) or _named(verb.head) or objects  # "the union's endorsed candidates are A and B"
            objects = [_name_end(o) for o in objects]  # "Trump-backed state Sen. John McGuire": the name, not its title
        frame = "passive"
    elif rel.role_bearing and (named := _named_acl_object(verb, lex.cue("governingBodies"))):
        if verb.head.dep_ not in ("ROOT", "nsubj"):
            return  # "X, who was appointed by Y, named Z her deputy": whose act the parse does not tell
        subjects, objects = [verb.head], named  # "Sunak, the prime minister, re-appointed Hunt", parsed as a participle of "Sunak"
        frame = "active"
    elif rel.object_prepositions and _is_passive(verb):  # "Judge Kim is recused from the case"
        if _children(verb, *PASSIVE_AGENT_DEPS):
            return  # "was barred from the case by the court": someone else's act
        subjects = _expand(_children(verb, "nsubjpass")) or ([verb.head] if verb.dep_ == "acl" else [])
        objects = _matter_objects(verb, rel, trigger, lex)
        frame = "active"
    elif _is_passive(verb):
        objects = _expand(_children(verb, "nsubjpass")) or (
            _one_of(verb.head) or _copula_subjects(verb.head) or [_appositive_name(verb.head)] if verb.dep_ == "acl" else []) or _set_off(verb)
        if not objects and verb.dep_ == "conj":  # "X was appointed A and Y was appointed B", Y parsed into the first clause
            objects = _stranded_subject(verb)
        if not objects and verb.dep_ in ("conj", "pcomp"):  # "Ruiz has taught law for years and was appointed by X"
            objects = clause_subjects(verb)  # "Ruiz was sworn in after being appointed by X"
        subjects = _expand([p for a in _children(verb, *PASSIVE_AGENT_DEPS) for p in _children(a, "pobj")])
        if not subjects and not rel.role_bearing:
            subjects = _stray_agent(verb)  # "those endorsed in Eastport and nearby towns by the union"
        if not subjects and rel.role_bearing:  # "was appointed bishop by X": the parser hangs "by" on the role
            subjects = _expand([p for r in _children(verb, "oprd") for by in _children(r, "prep")
                                if by.lower_ == "by" for p in _children(by, "pobj")])
        frame = "passive"
    else:
        subjects = _absolute_subjects(verb) or [
            s for s in clause_subjects(verb) if s.ent_type_ not in TEMPORAL or s.lower_ in ("two", "both", "old")]
        subjects = subjects or _dated_subjects(verb) or _auxiliary_subjects(verb)  # "the two will meet" keeps its subject
        if all(s.pos_ == "NOUN" for s in subjects) and (named := _auxiliary_subjects(verb)):
            subjects = named  # "judge X had on Thursday recused himself": "judge" the verb's, X the auxiliary's
        if verb.dep_ == "acl" and lemma_in(verb.head, lex.cue("decisionNouns") | lex.cue("decreeNouns")):
            decision = verb.head
            announcers = (clause_subjects(decision.head) or _dated_subjects(decision.head)) if decision.dep_ in ("dobj", "attr") else []
            subjects = _children(decision, "poss") + _prep_objects(decision, ("of", "by")) or announcers or subjects
            if all(s.pos_ == "PRON" for s in subjects) and any(a.pos_ == "PROPN" for a in announcers):
                subjects = announcers  # "X Wednesday announced her decision to recuse": the announcer, named
        reduced: list[Token] = []
        if rel.object_prepositions:
            direct = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ not in REFLEXIVES
                      and not (c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].text in ("—", "–", "-", "--"))]  # "— a decision that ..."
            also = [d for d in direct if _is_matter(d, rel) and _added(d)]  # "from this appeal as well as every related matter on X"
            direct = [d for d in direct if d not in also]
            if direct and not (trigger.particle and trigger.weak and all(_is_matter(d, rel) for d in direct)):
                return  # "ran the company for six years": another sense of the verb
            objects = _expand(direct) if direct else _matter_objects(verb, rel, trigger, lex)  # "sat out the arguments"
            objects += also if objects else []
        elif trigger.particle and not rel.symmetric and not rel.role_bearing:
            objects = _expand(_prep_objects(verb, (trigger.particle,)))  # "sided with X", "rallied behind X"
            if _prep_objects(verb, ISSUE_PREPS) or any(_prep_objects(o, ISSUE_PREPS) for o in objects):
                return  # "sided with X on the tax plan": agreement on an issue, not backing
        else:
            objects = _expand(_children(verb, "dative") or _children(verb, "dobj"))
            if rel.role_bearing:
                objects = objects or _children(verb, "oprd")  # "named Marta Ruiz sporting director"
            elif not objects:
                objects = _relative_object(verb)  # "the candidate he endorsed, Sam Brown"
                reduced = [] if objects else _reduced_relative(verb, subjects)
            if reduced:
                subjects, objects = [], reduced  # "Candidates endorsed in Eastport include ...", parsed as a clause
        frame = "passive" if reduced else "active"
    role = None
    if rel.role_bearing:
        objects = _set_off_holder(verb, objects)  # "appointed her chief of staff, Ken Ortiz, to the court"
        objects, described = _split_role([_named_holder(o) for o in objects])  # "appointed Chief of Police Ana Ruiz"
        role = _role(verb, objects) or described  # "named her aide, Sarah Lee, as chief of staff"
        if role is None and lemma_in(verb, lex.cue("strictChoiceVerbs")):
            role = _post_appositive(objects)  # "made Ana Ruiz his foreign minister"
        if role is not None and role.lemma_.lower() in lex.cue("candidacyRoles"):
            return
        if _candidacy_action(verb, lex):
            return  # "Democrats tapped X to take on Y": a nomination for an election
        if role is not None and any(o.lemma_.lower() in lex.cue("awardPeriods") for o in _prep_objects(role, ("of",))):
            return  # "named player of the year": an award
        if role is not None and role.lemma_.lower() in lex.cue("identifyingRoles"):
            return  # "named X as the source of the leak": who someone is, not a post
        if role is not None and lemma_in(role, lex.cue("choiceRoles")) and any(
                o.lemma_.lower() in lex.cue("raceNouns") for o in _prep_objects(role, ("in", "for"))):
            return  # "named X as his pick in the race": a candidate he backs
        if frame == "passive" and not subjects and role is not None and role.i > verb.i:
            subjects = _post_owners(role)  # "was appointed as Biden's housing chief", not "the former Interior Minister was made ..."
    if rel.symmetric:
        objects = [p for o in objects for p in (_children(o, "pobj") if o.pos_ == "ADP" else [o])]  # "lost the runoff to Y", "to" a dative
        if objects and lemma_in(verb, lex.cue("matchmakingVerbs")):
            subjects = []  # "the race pits A against B": the race is no rival
        participants = _participants(verb, subjects + objects, lex.cue("challengeNouns"))
        for pair in _respective(verb, objects, participants) or [participants]:
            yield Match(rel, verb, "reciprocal", pair, [], pairwise=True)
        return
    # "X endorsed Y along with Z": Z is one more subject, wherever the parser hangs "along with"
    co_agents = _co_agents(verb)
    if co_agents:  # "X endorsed Y along with Z, and W": the parser hangs W on the verb
        co_agents += [c for c in _children(verb, "conj") if c.pos_ == "PROPN" and c.i > co_agents[0].i
                      and not _children(c, "prep") and not any(m.i > c.i for m in _children(verb, "prep", "npadvmod"))]
    subjects = _members(subjects + co_agents + [a for o in objects for a in _co_agents(o)])
    subjects = [n for s in subjects for n in (_detached(s) or [_apposed_name(s)])]
    subjects = [s for s in subjects if not _place_aside(s, subjects) and not _listed_plural(s)]
    listed: set[int] = set()
    if subjects and all(_describes_many(s) for s in subjects):
        subjects = _names_for(subjects, verb)  # "endorsed by three unions: A, B and C"
        listed = {s.i for s in subjects}
    if frame == "active":  # "X endorsed Y, as did Z"
        subjects += _members([s for c in _children(verb, "advcl") if c.lemma_ == "do" and any(
            m.dep_ == "mark" and m.lower_ == "as" for m in c.children) for s in _children(c, "nsubj")])
    if frame == "passive":  # "endorsed by the union on Monday — and by Mayor Lind a day later"
        second = _children(verb, "conj") + [c for a in _children(verb, *PASSIVE_AGENT_DEPS) for c in _children(a, "conj")]
        subjects += _members([p for by in second if by.lower_ == "by" for p in _children(by, "pobj")])  # "by X and by Y"
    if not rel.object_is_phrase:
        objects = _members([_candidate(o, lex) for o in objects], co_agents=False)
        if objects and all(_describes_many(o) for o in objects):  # "endorsed three candidates: A, B and C"
            objects = [o for o in _names_for(objects, verb) if o.i not in listed] or objects
        if objects and frame == "active":  # gapping: "backed Ruiz in 2016 and Lind in 2020"
            objects += [c for c in _children(verb, "conj") if c.pos_ == "PROPN"
                        and any(m.i > c.i for m in _children(verb, "prep", "npadvmod"))]
            objects += _gapped(verb, objects)
    objects = [o for o in objects if o.i not in listed]  # the list hangs off the object in the parse
    yield Match(rel, verb, "role" if role is not None else frame, subjects, objects, role)
    if role is not None and objects:
        for person, post in _gapped_posts(role):
            yield Match(rel, verb, "role", subjects, [person], post)


def _reduced_relative(verb: Token, subjects: list[Token]) -> list[Token]:
    """"Candidates endorsed in Eastport include A and B": a past participle with no object and
    no auxiliary right after a plural noun the parser made its subject describes that noun
    (the verb's object), when the clause is what an "include" says."""
    if verb.tag_ not in ("VBD", "VBN") or _children(verb, "dobj", "aux", "auxpass") or len(subjects) != 1:
        return []
    noun = subjects[0]
    if noun.i != verb.i - 1 or not _generic(noun) or _including_verb(noun) is None:
        return []
    return [noun]


def _relative_object(verb: Token) -> list[Token]:
    """"the candidate he endorsed late, Sam Brown": the noun a relative clause
    with no object of its own describes is the verb's object (the name in apposition to it, if
    any); not where a preposition is left without its object ("the race he endorsed in")."""
    noun = verb.head
    if verb.dep_ != "relcl" or noun.pos_ != "NOUN" or noun.i > verb.i:
        return []
    subjects = _children(verb, "nsubj")
    if not subjects or any(s.lower_ in RELATIVE_WORDS for s in subjects):
        return []  # "the candidate who endorsed X": the noun is the subject
    if any(p.dep_ == "prep" and not list(p.children) for p in verb.children):
        return []
    return [n for n in _children(noun, "appos") if n.pos_ == "PROPN"] or [noun]


def _candidate(token: Token, lex: Lexicon) -> Token:
    """"endorsed Ana Ruiz's bid for governor", "backed the candidacy of Ana Ruiz": a candidacy
    (kg:candidacyNouns) stands for its candidate, when the text names who it is."""
    if token.lemma_.lower() not in lex.cue("candidacyNouns"):
        return token
    owner = _children(token, "poss") + _prep_objects(token, ("of",))
    owner = owner or [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return owner[0] if owner else token


RELATIVE_WORDS = {"who", "whom", "that", "which"}


def _antecedent(clause: Token) -> Token:
    """What a relative clause describes; a clause hung on the sentence's verb after a comma
    describes the noun before that comma ("the Times and the Post, both of which back Y")."""
    head = clause.head
    if head.pos_ in ("NOUN", "PROPN", "PRON") and head.i < clause.i:
        before = clause.left_edge.i - 1
        doc = clause.doc
        if before >= 1 and doc[before].text == "," and doc[before - 1].pos_ in ("PROPN", "NOUN") and doc[before - 1].i != head.i:
            return doc[before - 1]
    return head


def _among(subjects: list[Token]) -> list[Token]:
    """"Among those who endorsed X were A and B", "A is among the mayors who endorsed X": the
    people the copula names are the subjects, not "those" or "the mayors"."""
    out: list[Token] = []
    for subject in subjects:
        if subject.lower_ in ("both", "all", "each") and subject.head.dep_ == "relcl" and any(
                p.lower_ == "of" and any(w.lower_ in RELATIVE_WORDS for w in p.children) for p in subject.children):
            out += _expand([first_conjunct(_antecedent(subject.head))])  # "X and Y, both of which support Z"
            continue
        holder = subject.head.head if subject.lower_ in RELATIVE_WORDS and subject.head.dep_ == "relcl" else subject
        among = holder.head if holder.dep_ == "pobj" else None
        if among is not None and among.lower_ == "among" and among.dep_ == "prep":
            named = [c for c in among.head.children if c.dep_ in ("nsubj", "nsubjpass", "attr") and c.i != holder.i]
            if named:
                out += _expand(named)
                continue
        out.append(subject)
    return out


CO_AGENT_PREPS = {"along": "with", "together": "with", "alongside": None}


def _co_agents(token: Token) -> list[Token]:
    """"along with Z", "together with Z", "alongside Z" on ``token``."""
    out: list[Token] = []
    for prep in _children(token, "prep"):
        if prep.lower_ in CO_AGENT_PREPS:
            word = CO_AGENT_PREPS[prep.lower_]
            heads = [w for w in prep.children if w.lower_ == word] if word else [prep]
            out += [p for h in heads for p in _children(h, "pobj")]
    return out


def _generic(token: Token) -> bool:
    """A plural common noun that names no one by itself: "three unions", "the candidates"."""
    return token.tag_ == "NNS" and token.pos_ == "NOUN" and not token.ent_type_


def _antecedent_of(token: Token) -> Token:
    """What a relative pronoun stands for ("members who endorsed X": members), else ``token``."""
    if token.lower_ in RELATIVE_WORDS and token.head.dep_ == "relcl":
        return _antecedent(token.head)
    return token


QUANTITY_NOUNS = {"list", "number", "host", "slew", "string", "series", "slate", "handful", "array", "raft", "bevy", "dozen", "range"}
LIST_OPENERS = {"including", "among", "such", "namely", "like", "them"}


def _describes_many(token: Token) -> bool:
    """A plural description ("three unions", "who" for one) or "a list of officials"."""
    token = _antecedent_of(token)
    return _generic(token) or (token.pos_ == "NOUN" and token.lemma_.lower() in QUANTITY_NOUNS and not token.ent_type_
                               and any(_generic(o) for o in _prep_objects(token, ("of",))))


def _names_for(tokens: list[Token], anchor: Token) -> list[Token]:
    """The names plural descriptions stand for (:func:`_named`), else a list after a colon or
    dash that closes ``anchor``'s clause, else the descriptions themselves."""
    return [n for t in tokens for n in _named(t)] or _colon_list(anchor) or tokens


def _named(token: Token) -> list[Token]:
    """The names a plural description (or a relative pronoun for one) stands for, where the
    text lists them: in apposition ("four council members — A, B and C — backed X", "from two
    unions, A and B,"), after "including" / "among them" ("by several groups, among them A and
    B"), after the copula it is the subject of ("the candidates with her backing were: A, B and
    C"), or in the next sentence ("Two unions endorsed X. They are A and B." / "The unions, A and
    B, ..."). "A long list of officials, including A and B" lists the officials."""
    token = _antecedent_of(token)
    if token.pos_ == "NOUN" and token.lemma_.lower() in QUANTITY_NOUNS and not token.ent_type_:
        token = next((o for o in _prep_objects(token, ("of",)) if _generic(o)), token)
    if not _generic(token):
        return []
    names = [c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    examples = [n for n in _members([token], co_agents=False) if n.i != token.i and n.pos_ == "PROPN"]
    if not names and examples:
        return examples  # "several unions, including A and B": some of them, whatever the count
    if not names and token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_ == "be":
        copula = token.head
        names = [c for c in _children(copula, "attr") if c.pos_ == "PROPN"] or _colon_list(copula)
    if not names and (including := _including_verb(token)) is not None:
        return _included(including)  # "candidates endorsed in Eastport include A for mayor, B for council"
    names = names or _set_off_list(token) or _listed_next(token)
    members = _members(names, co_agents=False) if names else []
    count = _count(token)
    return members if count is None or len(members) == count else []  # "two unions": two names, or none


COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "both": 2}


def _including_verb(token: Token) -> Token | None:
    """The "include" whose subject ``token`` is, directly or through a participle the parser
    made a clause ("Candidates endorsed in X include ...")."""
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return None
    head = token.head
    if head.lemma_ != "include" and head.dep_ in ("ccomp", "csubj") and head.tag_ in ("VBD", "VBN"):
        head = head.head
    return head if head.lemma_ == "include" and head.i > token.i else None


LIST_BREAKS = {",", ";", "and", "as well as"}
SEGMENT_ENDS = {"for", "(", "in", "to", "of", "on", "who", "whom", "which", "—", "–", "-"}


def _included(verb: Token) -> list[Token]:
    """The names an "include" lists after it, one a segment between commas and "and": the last
    proper noun before the segment's first preposition or bracket ("Mayor Ana Ruiz for
    re-election, Ward 2 Councilor Ben Okoro for re-election and the Teamsters")."""
    names: list[Token] = []
    segment: list[Token] = []
    for token in [*verb.doc[verb.i + 1 : verb.sent.end], None]:
        if token is None or token.lower_ in LIST_BREAKS or token.is_sent_end and token.is_punct:
            cut = next((k for k, t in enumerate(segment) if t.lower_ in SEGMENT_ENDS), len(segment))
            found = [t for t in segment[:cut] if t.pos_ == "PROPN"]
            if found and found[-1].lemma_.lower() not in position_words():
                names.append(found[-1])
            segment = []
            if token is None or token.is_sent_end:
                break
            continue
        segment.append(token)
    return names


def _count(token: Token) -> int | None:
    """How many a plural says it is ("two unions", "both groups", "12 mayors"), if it says."""
    for child in token.children:
        if child.dep_ in ("nummod", "det", "predet") and (child.lower_ in COUNTS or child.text.isdigit()):
            return COUNTS.get(child.lower_) or int(child.text)
    return None


def _set_off_list(token: Token) -> list[Token]:
    """"endorsements from two unions, the A and the B, in the race": the names after the comma
    that follows a plural, wherever the parser hung them (not a new clause's subject)."""
    doc, at = token.doc, token.right_edge.i + 1
    if at >= len(doc) or doc[at].text != ",":
        return []
    at += 1
    opened = False
    while at < len(doc) and at <= token.right_edge.i + 6 and (doc[at].lower_ in LIST_OPENERS or doc[at].pos_ in ("DET", "ADJ", "ADP")):
        opened = opened or doc[at].lower_ in LIST_OPENERS
        at += 1
    if at >= len(doc) or doc[at].pos_ != "PROPN" or doc[at].ent_type_ not in ("PERSON", "ORG", "NORP"):
        return []
    name = doc[at]
    for _ in range(len(doc)):
        if not (name.dep_ in ("compound", "flat") and name.head.i > name.i and name.head.pos_ == "PROPN"):
            break
        name = name.head  # the name's last word
    if name.dep_ in ("nsubj", "nsubjpass") and not opened:
        return []  # "support from two unions, Ruiz said"
    if not any(c.dep_ == "conj" for c in name.children) and not opened:
        return []  # a list, or a list opened by "including": not one name after a comma
    return [name]


def _listed_next(token: Token) -> list[Token]:
    """"Two unions endorsed X. They are A and B." / "The unions, A and B, represent ...": the
    names the next sentence gives a counted plural (or "they", "the unions")."""
    if not any(c.dep_ == "nummod" or c.lower_ in ("both", "several") for c in token.children):
        return []
    sentence = token.sent
    if sentence.end >= len(token.doc):
        return []
    following = token.doc[sentence.end].sent
    for subject in (t for t in following if t.dep_ in ("nsubj", "nsubjpass")):
        same = subject.lemma_.lower() == token.lemma_.lower() and any(c.lower_ == "the" for c in subject.children)
        if subject.lower_ == "they" or same:
            if same and (appos := [c for c in subject.children if c.dep_ in ("appos", "conj") and c.pos_ == "PROPN"]):
                return appos  # "The unions, A and B, ...", parsed as an apposition or a coordination
            if subject.head.lemma_ in ("be", "include"):
                return [c for c in subject.head.children if c.dep_ in ("attr", "dobj") and c.pos_ == "PROPN"]
    return []


def _apposed_name(token: Token) -> Token:
    """"Ruiz, a Republican who endorsed Okoro": the relative pronoun of a description in
    apposition to a name stands for the name."""
    if token.lower_ not in RELATIVE_WORDS or token.head.dep_ != "relcl":
        return token
    noun = token.head.head
    described = noun.pos_ == "NOUN" or (noun.ent_type_ not in ("PERSON", "ORG") and any(c.dep_ == "det" for c in noun.children))
    if described and noun.dep_ == "appos" and noun.head.pos_ == "PROPN" and noun.head.i < noun.i:
        return noun.head
    return token


def _detached(token: Token) -> list[Token]:
    """"the backing of third-placed rival, centrist Ana Ruiz, who ...": the name in apposition
    to a description of one person, where the parser hung it elsewhere."""
    if token.pos_ != "NOUN" or token.tag_ != "NN" or token.ent_type_ or _children(token, "appos"):
        return []
    doc, after = token.doc, token.right_edge.i + 1
    if after + 1 >= len(doc) or doc[after].text != ",":
        return []
    start = after + 1
    while start < len(doc) and doc[start].pos_ in ("ADJ", "DET") and start < after + 4:
        start += 1
    name = doc[start] if start < len(doc) else None
    if name is None or name.pos_ != "PROPN" or name.ent_type_ not in ("PERSON", "ORG", ""):
        return []
    while name.dep_ in ("compound", "flat") and name.head.i > name.i and name.head.pos_ == "PROPN":
        name = name.head  # the name's last word
    return [name] if name.dep_ in ("npadvmod", "dep", "appos") and name.head.i != token.i else []


def _listed_plural(token: Token) -> bool:
    """"five groups, A, B and C, endorsed X": the plural stands for the names coordinated with it."""
    return _generic(token) and any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in token.children)


def _place_aside(token: Token, subjects: list[Token]) -> bool:
    """"five groups, at a summit held at the Grand Hotel, Eastport, also endorsed X": a name set off
    by commas right after a place phrase is where the place is, not one more subject."""
    doc = token.doc
    start = token.left_edge.i
    if len(subjects) < 2 or start < 2 or doc[start - 1].text != "," or token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    before = doc[start - 2]
    return any(a.dep_ == "pobj" and a.head.lower_ in ("at", "in", "near", "outside") for a in [before, *before.ancestors]
               if a.i < start and token.i not in {w.i for w in a.subtree})


def _gapped(verb: Token, objects: list[Token]) -> list[Token]:
    """"endorsed Ruiz for mayor, Lind for council and Vance for clerk", "backed Ruiz in District 2
    and Lind in the other race": a name the parser coordinated with the object of a preposition
    of the verb (or of its object), that has a phrase of its own after it, is one more object."""
    out: list[Token] = []
    seen = {o.i for o in objects}
    for prep in _children(verb, "prep") + [p for o in objects for p in _children(o, "prep")]:
        for pobj in _children(prep, "pobj"):
            if pobj.ent_type_ in ("PERSON", "ORG"):
                continue
            for name in conjuncts(pobj)[1:]:
                if name.i in seen or name.pos_ != "PROPN" or name.ent_type_ not in ("PERSON", "ORG"):
                    continue
                after = name.right_edge.i + 1
                if _children(name, "prep") or any(c.dep_ == "prep" and c.i == after for c in verb.children):
                    out.append(name)
                    seen.add(name.i)
    return out


NAMING_VERBS = {"know", "call", "name", "dub"}


def _members(tokens: list[Token], co_agents: bool = True) -> list[Token]:
    """Every member of the lists ``tokens`` head: "Reps. A (D-Ill.), B (D-Ill.) and Sens. C and D"
    (names in apposition to a name are list members), "A, along with B", "other newspapers, such
    as C and D" (a common noun's examples stand for it)."""
    out: list[Token] = []
    seen: set[int] = set()
    frontier = list(tokens)
    while frontier:
        token = frontier.pop(0)
        if token.i in seen:
            continue
        seen.add(token.i)
        out.append(token)
        frontier += _co_agents(token) if co_agents else []
        for child in token.children:
            if child.dep_ == "conj" and child.pos_ in ("PROPN", "NOUN", "PRON"):
                frontier.append(child)
            elif child.dep_ in ("nmod", "compound") and child.pos_ == "PROPN" and child.i < token.i and any(
                    c.dep_ == "cc" for c in child.children):
                frontier.append(child)  # "from Ana Ruiz and Carl Lind", misparsed as "Ruiz" modifying "Lind"
            elif (child.dep_ == "appos" and child.pos_ == "PROPN" and not _parenthesised(child) and (
                    (token.pos_ == "PROPN" and (child.ent_type_ in ("PERSON", "ORG") or _children(child, "conj"))
                     and token.lemma_.lower() not in position_words())  # "a retired Judge her new ...": no list
                    or (token.tag_ == "NN" and _children(child, "conj")))):  # "the governor, A, and B"
                frontier.append(child)  # "A, B, Teamsters Local 12 and C": a list goes on through an apposition
            elif (child.dep_ == "npadvmod" and child.pos_ == "PROPN" and child.ent_type_ in ("PERSON", "ORG")
                  and token.ent_type_ == child.ent_type_ and child.i > 0 and child.doc[child.left_edge.i - 1].text == ","):
                frontier.append(child)  # "A, B, C and D announced": "B" misparsed as a modifier of "A"
            elif (child.dep_ == "acl" and child.lemma_ in NAMING_VERBS and token.pos_ == "NOUN"
                  and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)):
                frontier += [n for n in _prep_objects(child, ("as",)) + _children(child, "oprd") if n.pos_ == "PROPN"]  # "a group known as X"
            elif child.dep_ == "prep" and token.tag_ == "NNS" and not token.ent_type_ and (
                    child.lower_ == "including" or (child.lower_ == "as" and any(c.lower_ == "such" for c in child.children))):
                frontier += _children(child, "pobj")
    return out


LIST_MARKS = {":", "—", "–", "--"}


def _colon_list(verb: Token) -> list[Token]:
    """The names listed after a colon or dash that closes ``verb``'s clause ("backed by three
    unions: A, B and C", "won the backing of several groups — A, B and C"), wherever the parser
    hung the first of them."""
    sentence = verb.sent
    colon = next((t for t in sentence if t.i > verb.i and t.text in LIST_MARKS), None)
    if colon is None:
        return []
    first = next((t for t in sentence if t.i > colon.i and t.pos_ == "PROPN" and t.head.i < colon.i), None)
    return _members([first], co_agents=False) if first is not None else []


def _added(token: Token) -> bool:
    """A phrase the parser hung on the verb though "as well as" or "and" joins it to the one before."""
    doc, start = token.doc, token.left_edge.i
    return (start >= 3 and doc[start - 3:start].text.lower() == "as well as") or (start >= 1 and doc[start - 1].lower_ == "and")


def _not_alternatives(objects: list[Token]) -> list[Token]:
    """Matters without the second of "X or Y" ("the consideration or decision of the case" is one
    matter, its label keeps both); "X and Y" are two."""
    return [o for o in objects if not (o.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "or" for c in o.head.children))]


def _matter_objects(verb: Token, rel: Relation, trigger: VerbTrigger, lex: Lexicon) -> list[Token]:
    """Objects of the relation's prepositions, on the verb or its particle ("bowed out of X");
    a weak verb's only when they name a matter ("stepped aside from his post": no)."""
    heads = [verb] + [c for c in verb.children if trigger.particle and c.lower_ == trigger.particle]
    preps = tuple(rel.object_prepositions)
    objects = [o for h in heads for o in (_gerund_objects(h, preps) if rel.object_is_phrase else _prep_objects(h, preps))]
    if not objects and rel.object_is_phrase:  # "recused herself in the case": only a matter's own word
        objects = [o for o in _prep_objects(verb, ("in",)) if _is_matter(o, rel) and o.pos_ == "NOUN"]
    if not objects and rel.object_is_phrase and not trigger.weak:  # "recused himself to hear the bail plea"
        objects = [o for x in _children(verb, "xcomp", "advcl") if x.tag_ == "VB" and _is_matter(x, rel)
                   and any(a.lower_ == "to" for a in _children(x, "aux")) for o in _children(x, "dobj")]
    if objects and rel.object_is_phrase:  # "from the fraud case and the bribery appeal", the second hung on the verb
        objects += [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "NOUN" and c.i > objects[-1].i
                    and _is_matter(c, rel) and any(a.dep_ == "cc" for a in verb.children)]
    objects = [o for o in _not_alternatives(objects) if o.ent_type_ not in TEMPORAL]
    if trigger.gerund:  # "withdrew from hearing the plea", "from the bench"; not "from the race", nor a lawyer "from the case"
        objects = [o for o in objects if o.tag_ == "VBG" or o.lemma_.lower() in lex.cue("judicialSeats")]
    return [o for o in objects if _is_matter(o, rel)] if trigger.weak else objects


OPPONENT_PREPS = ("with", "against", "over", "to")


def _respective(verb: Token, objects: list[Token], participants: list[Token]) -> list[list[Token]]:
    """"A and B will face C and D": as many named rivals before the verb as after it (two or more)
    are so many contests, paired in order, as "respectively" would say; else none."""
    named = sorted((p for p in participants if p.pos_ == "PROPN"), key=lambda t: t.i)
    before = [p for p in named if p.i < verb.i]
    after = [p for p in named if p.i > verb.i]
    if not objects or len(before) < 2 or len(before) != len(after):
        return []
    return [[x, y] for x, y in zip(before, after, strict=True)]


def _participants(verb: Token, found: list[Token], challenges: frozenset[str] = frozenset()) -> list[Token]:
    """Everyone a reciprocal verb pairs: "X faces Y", "X and Y will meet", "X lost to Y",
    "X will face a runoff against Y", "X won a runoff over Y", "X faces a challenge from Y"
    (a noun of ``challenges``)."""
    participants = found + _prep_objects(verb, OPPONENT_PREPS)
    participants += [c for p in found for c in p.children if c.dep_ in ("nmod", "compound") and c.pos_ == "PROPN"
                     and c.i < p.i and any(a.dep_ == "cc" for a in c.children)]  # "Ruiz and Lind" parsed as Ruiz modifying Lind
    participants += _children(verb, "intj", "npadvmod", "attr")  # "X faces Y" misparsed
    participants += [c for share in found + _children(verb, "dobj") if share.lemma_.lower() in MEASURES
                     for c in share.children if c.dep_ in ("nmod", "compound") and c.pos_ == "PROPN"]  # "beating Y 55 percent to 45"
    nouns = _children(verb, "dobj") + [p for prep in _children(verb, "prep") for p in _children(prep, "pobj")]
    for noun in nouns:  # "X will face a runoff against Y", "X advanced to a runoff with Y"
        participants += _prep_objects(noun, OPPONENT_PREPS + ("between",) + (("from",) if noun.lemma_.lower() in challenges else ()))
    participants = _with_appositions(participants)
    participants += _prep_objects_of(participants, ("against", "versus", "vs", "vs."))  # "pitting X against Y"
    participants = [_named_holder(p) for p in participants]
    participants = [p for p in participants if _may_be_candidate(p)]
    groups = [_alternatives(p) for p in participants]
    return [p for p, group in zip(participants, groups, strict=True)
            if group is None or sum(g == group for g in groups) < 2]  # "will face either X or Y"


def _with_appositions(tokens: list[Token]) -> list[Token]:
    """``tokens`` with the names in apposition to them and the names coordinated with those: "X
    and former coach Y" is often parsed with Y in apposition to X, "the top two, A and B" and
    "candidate A and the businessman B" with the list in apposition to a noun (a coordinated noun
    stands for the name in apposition to it); "(R)" is a party, not a person."""
    out, seen = list(tokens), {t.i for t in tokens}
    for token in tokens:
        for name in (c for c in token.children if c.dep_ == "appos" and not _parenthesised(c)):
            listed = [name] + [n for c in name.children if c.dep_ == "conj" for n in (
                [c] if c.pos_ == "PROPN" else [a for a in c.children if a.dep_ == "appos" and a.pos_ == "PROPN"])]
            for found in listed:
                if found.i not in seen:
                    seen.add(found.i)
                    out.append(found)
    return out


def _prep_objects_of(tokens: list[Token], preps: tuple[str, ...]) -> list[Token]:
    seen = {t.i for t in tokens}
    return [o for t in tokens for o in _prep_objects(t, preps) if o.i not in seen]


def _named_holder(token: Token) -> Token:
    """"the former Minister of Finance Ana Ruiz" is often parsed as the position with the
    name as its "of" object: the name stands for the position."""
    if token.lemma_.lower() not in position_words() or token.ent_type_ == "PERSON":
        return token
    named = [o for o in _prep_objects(token, ("of",)) if o.ent_type_ == "PERSON"]
    return named[0] if len(named) == 1 else token


ELECTION_NOUNS = {"election", "elections", "race", "runoff", "run-off", "run", "round", "vote", "ballot", "primary", "poll", "polls",
                  "ballotage", "balotaje"}


MEASURES = {"percent", "%", "point", "vote", "per", "cent", "percentage"}


def _may_be_candidate(token: Token) -> bool:
    """Not a date, a share of the vote ("55 percent") or the election itself ("Race Goes to Runoff");
    "the 90-year-old", which the model tags a date, may be."""
    return ((token.ent_type_ not in ("DATE", "TIME", "PERCENT") or token.lower_ == "old") and token.lower_ not in ELECTION_NOUNS
            and token.lemma_.lower() not in MEASURES)


def _alternatives(token: Token) -> int | None:
    """The first conjunct of the "or" / "nor" coordination ``token`` belongs to ("either X or Y")."""
    first = first_conjunct(token)
    group = conjuncts(first)
    alternative = any(c.dep_ in ("cc", "preconj") and c.lower_ in ("or", "nor", "either", "neither") for m in group for c in m.children)
    return first.i if alternative and len(group) > 1 else None


def _parenthesised(token: Token) -> bool:
    return token.i > 0 and token.doc[token.i - 1].text == "("


POST_NOUNS = {"post", "position", "job", "role", "office", "seat", "board", "council", "commission", "bench", "cabinet", "panel"}


SERVING_VERBS = frozenset({"serve", "act"})  # "to serve as acting secretary": a post, for a strict choice verb


def _names_a_post(verb: Token, objects: list[Token]) -> bool:
    """Does ``verb`` name its object's post by a position word: "made her his chief of staff",
    "promoted him to police chief", "elevated her to the board"?"""
    words = position_words()
    roles = [_role(verb, objects), _split_role(objects)[1], _post_appositive(objects)] + _prep_objects(verb, ("as",))
    if any(role is not None and role.lemma_.lower() in words for role in roles):
        return True  # "promoted X as the successor to Y as the company's chief executive"
    if any(c.dep_ == "xcomp" and c.lemma_.lower() in words for c in verb.children):
        return True  # "promoted her to chancellor", the post mistagged as a verb
    if any(o.lemma_.lower() in words for c in _children(verb, "xcomp") if c.lemma_ in SERVING_VERBS
           for o in _prep_objects(c, ("as",))):
        return True  # "designated X to serve as acting secretary"
    return any(o.lemma_.lower() in words or o.lemma_.lower() in POST_NOUNS for o in _prep_objects(verb, ("to",)))


def _post_appositive(objects: list[Token]) -> Token | None:
    """"made Ana Ruiz his foreign minister": a post with an owner, in apposition to the object."""
    return next((a for o in objects for a in _children(o, "appos") if a.lemma_.lower() in position_words()
                 and _children(a, "poss")), None)


def _given_a_post(verb: Token, objects: list[Token], lex: Lexicon) -> bool:
    """Does the choice ``verb`` give its object a post: "as Y", "for the post", "to lead Y"?"""
    if any(c.dep_ == "prt" for c in verb.children):
        return False  # "picked up", "chose out"
    if lemma_in(verb, lex.cue("strictChoiceVerbs")):
        return _names_a_post(verb, objects)
    if _role(verb, objects) is not None or _split_role(objects)[1] is not None:
        return True
    if _prep_objects(verb, ("for",)):
        return True
    if any(o.lemma_.lower() in position_words() or o.lemma_.lower() in POST_NOUNS for o in _prep_objects(verb, ("to",))):
        return True  # "restored her to the post", "picked him to the board"
    return any(c.dep_ in ("xcomp", "advcl") and c.pos_ in ("VERB", "AUX") and c.i > verb.i
               and any(a.lower_ == "to" for a in c.children) for c in verb.children)


def choice_matches(verb: Token, rel: Relation, lex: Lexicon) -> Iterator[Match]:
    """"chose X as Y", "picked X to fill the seat": an appointment only with a post."""
    if _is_passive(verb) or verb.dep_ == "amod":
        objects = _expand(_children(verb, "nsubjpass"))
    else:
        objects = _expand(_children(verb, "dobj"))
    if objects and _given_a_post(verb, objects, lex):
        yield from verb_matches(verb, rel, VerbTrigger(verb.lemma_.lower()), lex)


def causative_matches(verb: Token, rel: Relation, effect: str) -> Iterator[Match]:
    for comp in _children(verb, "xcomp", "advcl"):
        if lemma_in(comp, {effect}) and (comp.dep_ == "xcomp" or any(c.lower_ == "to" for c in comp.children)):
            role = next(iter(_prep_objects(comp, ("as",))), None)
            yield Match(rel, verb, "causative", clause_subjects(verb), _children(verb, "dobj"), role, extra={"effect": comp})


def appeal_matches(verb: Token, rel: Relation, action: str, prep: str | None) -> Iterator[Match]:
    """"X urged voters to vote for Y": X -> Y, when those addressed are no named agent."""
    comps = _children(verb, "xcomp", "advcl", "ccomp") + [c for on in _children(verb, "prep") for p in _children(on, "pobj") for c in _children(p, "acl", "relcl")]
    first = min((c.i for c in comps), default=len(verb.doc))
    addressed = [o for o in _children(verb, "dobj") if o.i < first] + [p for on in _children(verb, "prep") if on.lower_ in ("on", "to")
                                                                     for p in _children(on, "pobj")]
    if any(a.pos_ == "PROPN" or a.ent_type_ or a.lower_ in ("him", "her") for a in addressed):
        return  # "urged Trump to endorse Y" is a request to Trump
    for comp in comps:
        if not lemma_in(comp, {action}):
            continue
        objects = _prep_objects(comp, (prep,)) if prep else _expand(_children(comp, "dobj"))
        if not objects and not prep:  # "urged voters to re-elect X": the parser hangs X on "urged"
            objects = _expand([o for o in _children(verb, "dobj") if o.i > comp.i])
        if objects:
            yield Match(rel, verb, "appeal", clause_subjects(verb), objects, extra={"effect": comp})


def _described(noun: Token) -> list[Token]:
    """Who a role noun describes: "X is a supporter", "X, a supporter", "supporter X", "a supporter,
    X"; plural: "his endorsers include A and B", "among his endorsers are A and B"."""
    holders: list[Token] = []
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "among" else noun.head
    if noun.dep_ in ("nsubj", "pobj") and verb.lemma_ in ("be", "include") and verb.i != noun.i and (
            noun.dep_ == "nsubj" or noun.head.dep_ == "prep"):
        holders = _members([c for c in verb.children if c.dep_ in ("attr", "dobj", "nsubj") and c.i != noun.i
                            and c.pos_ in ("PROPN", "PRON")], co_agents=False)
        if verb.lemma_ == "include" and noun.dep_ == "nsubj" and len(listed := _included(verb)) > len(holders):
            holders = listed  # "its endorsees include A for mayor and B for council", B parsed under "mayor"
    elif noun.dep_ in ("attr", "oprd"):
        holders = clause_subjects(noun.head)
    elif noun.dep_ == "appos" or (noun.dep_ == "compound" and noun.head.pos_ == "PROPN"):
        holders = [noun.head]
    return holders + _children(noun, "appos")


def patient_noun_matches(noun: Token, rel: Relation) -> Iterator[Match]:
    """The noun names the object: "X, an appointee of Y", "Y's appointee X", "X is Y's appointee"."""
    givers = _prep_objects(noun, ("of", "by")) + _children(noun, "poss")
    givers = givers or [c for c in noun.children if c.dep_ == "compound" and c.ent_type_ == "PERSON"]  # "a Trump appointee"
    holders = _described(noun)
    if holders and givers:
        yield Match(rel, noun, "agentive", givers, holders)


def noun_matches(noun: Token, rel: Relation, lex: Lexicon, particle: str | None = None) -> Iterator[Match]:
    light = noun.dep_ == "dobj" and lemma_in(noun.head, lex.cue("lightVerbs") | lex.cue("ownerVerbs"))
    if particle and not (_has_particle(noun, particle) or (light and _has_particle(noun.head, particle))):
        return  # "threw her weight behind X": the preposition hangs on the verb
    if not _has_context(noun.sent, rel):
        return
    preps = rel.object_prepositions or NOUN_OBJECT_PREPS
    subjects = _children(noun, "poss") + _prep_objects(noun, ("by", "from"))
    if not subjects and noun.dep_ == "conj" and noun.head.pos_ == "NOUN" and not _children(noun, "det", "poss"):
        subjects = _children(noun.head, "poss")  # "her concession speech and endorsement of X": hers too
    objects = [_candidate(o, lex) for o in _dated_prep_objects(noun, preps)] if not rel.object_is_phrase else _prep_objects(noun, preps)
    if not objects and not rel.object_is_phrase and noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
        objects = [_candidate(o, lex) for p in _children(noun.head, "prep") if p.i == noun.i + 1 and p.lower_ in preps
                   for o in _children(p, "pobj")]  # "speech and endorsement of X": the parser hangs "of X" on "speech"
    if not objects and not rel.symmetric and noun.tag_ == "NNS" and (including := _including_verb(noun)) is not None:
        objects = _included(including)  # "the union's endorsements include A for mayor and B for council"
    if not objects and not rel.object_is_phrase and not rel.symmetric:  # "her endorsement in the primary of X"
        objects = [o for p in _children(noun, "prep") if p.lower_ in ("in", "during")
                   for contest in _children(p, "pobj") if contest.pos_ == "NOUN"
                   for o in _prep_objects(contest, ("of",)) if o.pos_ == "PROPN" and o.ent_type_ in ("PERSON", "")]
    if not subjects and noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.head.pos_ in ("VERB", "AUX"):
        subjects = clause_subjects(noun.head.head)  # "came out in support of X", "spoke in support of X"
    if rel.object_is_phrase and (named := [o for o in _prep_objects(noun, ("of",)) if o.pos_ == "PROPN"]):
        others = tuple(p for p in preps if p != "of")
        matters = _gerund_objects(noun, others) or [  # the parser hung "from hearing X" on the verb
            o for head in noun.ancestors for prep in _children(head, "prep")
            if prep.i == noun.right_edge.i + 1 and prep.lower_ in others for o in _gerund_objects(head, (prep.lower_,))]
        if matters:  # "the recusal of Justice X from hearing the plea": X recused, from the plea
            subjects, objects = named, matters
    agents = _prep_objects(noun, ("by", "from"))
    if agents and all(_describes_many(t) and t.lemma_.lower() not in lex.cue("contestDescriptions") for t in agents):
        listed = _members(_prep_objects(noun, ("including",)), co_agents=False)  # "endorsements from N members, including A"
        agents = [n for t in agents for n in _named(t)] or listed or _names_for(agents, noun)  # "by several groups, among them A and B"
        subjects = _children(noun, "poss") + agents
    owned = _children(noun, "poss") + [c for c in noun.children if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"]
    if agents and not objects and not rel.symmetric and owned:
        subjects, objects = agents, owned  # "Kim's appointment by Gov. Lee": Lee -> Kim; "the Okoro endorsements from A and B"
    if not subjects and not rel.symmetric:  # "won the Harlow endorsement": the name before the noun
        subjects = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == noun.i - 1]
    if rel.symmetric:
        participants = _prep_objects(noun, ("between",))
        if noun.dep_ in ("compound", "amod", "nmod", "nsubj", "nsubjpass"):
            participants += _prep_objects(noun.head, ("between",))  # "a run-off ballot between X and Y", "the runoff is between"
        if len(participants) < 2:
            participants = _contest_opponents(noun, lex)
        if len(participants) >= 2:
            yield Match(rel, noun, "nominal", participants, [], pairwise=True)
        return
    amount = _amount_of(noun)  # "collected a raft of endorsements, including from X"
    received = (noun.dep_ == "dobj" and noun.head.lemma_ in lex.cue("receivingVerbs")) or (
        amount is not None and amount.head.lemma_ in lex.cue("receivingVerbs")
        and lemma_in(amount.head, lex.cue("hypotheticalVerbs")) is None)  # not "sought a slew of endorsements"
    held = noun.dep_ == "pobj" and noun.head.lower_ == "with" and noun.head.dep_ == "prep" and noun.head.head.i != noun.head.i
    grateful = (not objects and noun.dep_ == "pobj" and noun.head.lower_ in ("by", "for") and noun.head.head.i != noun.head.i
                and lemma_in(noun.head.head, lex.cue("gratitudeWords")) is not None)
    if grateful:  # "X thanked Y for her endorsement", "X was honored by Y's endorsement"
        holder = noun.head.head
        backed = clause_subjects(holder) or (clause_subjects(holder.head) if holder.dep_ == "acomp" else [])
        owners = _children(noun, "poss") + _dated_prep_objects(noun, ("of", "from"))
        givers = [o for o in owners if o.pos_ != "PRON"] or _children(holder, "dobj") or owners
        yield Match(rel, noun, "nominal", _members(givers), [_candidate(b, lex) for b in backed])
        return
    if received or held:
        # "Tuberville has my approval", "X won the endorsement of Y", "got the nod from Y";
        # "with the backing of Y, X won", "the candidates with Y's backing"
        givers = subjects or _dated_prep_objects(noun, ("of", "from")) or (_prep_objects(noun.head, ("from",)) if received else [])
        givers += _prep_objects(noun, ("including",))  # "the support of several unions, including X and Y"
        if amount is not None:  # "a string of endorsements, including from X and Y"
            givers += [o for inc in _children(amount, "prep") + _children(amount.head, "prep")
                       if inc.lower_ == "including" and inc.i > amount.i
                       for o in _children(inc, "pobj") + _prep_objects(inc, ("from",))]  # "including" hung on the verb
        givers += [c for c in noun.children if c.dep_ == "conj" and c.pos_ == "PROPN"]  # "of X as well as Y"
        givers += [c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"]  # "from A; B; and C", "endorsements, A and B among them"
        givers = [n for g in _members(givers) for n in (_detached(g) or [g])] or _colon_list(noun)  # "received endorsements from: A, B"
        givers = _not_alternatives(givers)  # "the support of A or B seizing ...": "or" joins another clause, or a choice
        if givers and all(_describes_many(g) for g in givers):  # "the backing of several groups — A, B and C"
            givers = _names_for(givers, noun)
        holder = (amount.head if amount is not None else noun.head) if received else noun.head.head
        for _ in range(6):  # "won the primary for governor with Y's endorsement": "with" hung on the office
            if received or holder.pos_ != "NOUN" or holder.dep_ not in ("pobj", "dobj") or holder.head.i == holder.i:
                break
            holder = holder.head if holder.dep_ == "dobj" else holder.head.head
        claiming = received and lemma_in(holder, lex.cue("claimingVerbs")) is not None
        if claiming and holder.dep_ == "acl" and holder.head.pos_ == "NOUN" and holder.head.dep_ == "dobj" and not holder.head.ent_type_:
            backed = clause_subjects(holder.head.head)  # "the campaign released an ad touting Y's endorsement"
        elif holder.pos_ in ("VERB", "AUX"):
            backed = clause_subjects(holder)
        else:
            backed = [holder] if holder.pos_ in ("NOUN", "PROPN") else []
        backed = [n for b in backed for n in (_named(b) or [_candidate(b, lex)])]  # "the incumbents who had his backing were A and B"
        givers = [g for g in givers if g.lower_ not in {b.lower_ for b in backed}]  # "A and B received endorsements from ..., A from X"
        claim = {"claim": noun.head} if claiming else {}
        yield Match(rel, noun, "nominal", givers, backed, extra=claim)  # "the Okoro campaign touted Ruiz's endorsement"
        return
    if light:
        if not subjects or all(s.pos_ == "PRON" for s in subjects):
            subjects = _members(clause_subjects(noun.head)) or subjects  # "Sessions pledged (his) support for the president"
        objects = objects or _prep_objects(noun.head, preps + ("to",))  # "threw her support behind X"
        if not objects and not _children(noun, "poss") and _prep_objects(noun, ("from",)):
            objects = clause_subjects(noun.head)  # "X announced endorsements from A and B": X received them
        datives = _children(noun.head, "dative")  # "gave Reid her endorsement", "gave the nod to Reid"
        objects = objects or _expand([p for d in datives for p in (_children(d, "pobj") if d.pos_ == "ADP" else [d])])
    if not rel.symmetric and not rel.object_is_phrase:
        by = _prep_objects(noun, ("by",))
        owners = _children(noun, "poss")
        if by and owners and not objects:  # "Okoro's endorsement by the union"
            subjects, objects = by, [_candidate(o, lex) for o in owners]
        if (subjects and not objects and noun.dep_ == "nsubj" and lemma_in(noun.head, lex.cue("benefitVerbs"))
                and not any(c.tag_ == "MD" or c.dep_ == "neg" for c in noun.head.children)):  # not "could give"
            # "the nod from Ruiz gives Okoro a boost", "Ruiz's endorsement boosted Okoro's campaign"
            helped = _children(noun.head, "dative") or _children(noun.head, "dobj")
            objects = [_candidate(o, lex) for o in helped if o.pos_ in ("PROPN", "PRON") or o.lemma_.lower() in lex.cue("candidacyNouns")]
    if rel.role_bearing and not objects and (owners := _children(noun, "poss")) and (by := _nominal_appointer(noun, lex)):
        subjects, objects = by, owners  # "his appointment as prime minister by King X", "X's appointment was approved by Y"
    if rel.role_bearing and not objects and subjects and noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
        objects = [a for attr in _children(noun.head, "attr") for a in (_children(attr, "appos") or [attr])]  # "Y's appointment was X"
    if rel.role_bearing and objects and not subjects:
        subjects = _nominal_appointer(noun, lex)
    if subjects and objects:
        role = None
        if rel.role_bearing:  # "X's appointment of Y as police chief"
            role = next(iter(_prep_objects(noun, ("as",)) + [r for o in objects for r in _prep_objects(o, ("as",))]), None)
        yield Match(rel, noun, "nominal", subjects, objects, role)
        for person, post in _gapped_posts(role) if role is not None else ():  # "the appointments of X as A and Y as B"
            yield Match(rel, noun, "nominal", subjects, [person], post)


def _amount_of(noun: Token) -> Token | None:
    """The quantity noun a plural trigger is counted by, as an object ("won a raft of
    endorsements", "picked up a string of endorsements")."""
    of = noun.head
    if noun.dep_ != "pobj" or noun.tag_ != "NNS" or of.lower_ != "of":
        return None
    amount = of.head
    return amount if amount.lemma_.lower() in QUANTITY_NOUNS and amount.dep_ == "dobj" else None


def _nominal_appointer(noun: Token, lex: Lexicon) -> list[Token]:
    """Who makes the appointment a noun names, where the parse hangs them away from it: "the
    appointment of X as director by Y" ("by" on the post), "the appointment of X was announced by
    Y", "Y signed the decree on the appointment of X" (the issuer of the decree)."""
    by_post = [p for post in _prep_objects(noun, ("as",)) for p in _prep_objects(post, ("by",))]
    if by_post:
        return by_post
    light = lex.cue("lightVerbs")
    announcers = [noun.head] if noun.dep_ == "nsubjpass" else []
    announcers += [c for c in _children(noun, "advcl") if _children(c, "auxpass")]  # the parse of "... as Y was announced by Z"
    for verb in announcers:
        if lemma_in(verb, light):
            return _expand([p for a in _children(verb, "agent") for p in _children(a, "pobj")])
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("on", "of", "for"):
        return []
    holder = noun.head.head  # "the decree on the appointment of X", or "signed the decree | on the appointment"
    for decree in [holder, *_children(holder, "dobj")]:
        if lemma_in(decree, lex.cue("decreeNouns")):
            return _decree_issuers(decree)
    return []


def _decree_issuers(decree: Token) -> list[Token]:
    """Who issued a decree: its owner or "by" agent, or the subject of the verb it is the object of
    ("signed the decree", "issued an order")."""
    owners = _children(decree, "poss") + _prep_objects(decree, ("by",))
    if owners:
        return owners
    return clause_subjects(decree.head) if decree.dep_ in ("dobj", "attr") else []


def _dated_prep_objects(noun: Token, preps: tuple[str, ...]) -> list[Token]:
    """:func:`_prep_objects` of ``noun``, and of a date the parser hung between the noun and its
    phrase ("won the endorsement Monday of the union")."""
    dates = [c for c in noun.children if c.dep_ == "npadvmod" and c.ent_type_ in TEMPORAL and c.i > noun.i]
    return _prep_objects(noun, preps) + [o for d in dates for o in _prep_objects(d, preps)]


def _contest_opponents(noun: Token, lex: Lexicon) -> list[Token]:
    """"X forced a runoff with Y", "X will be in the runoff against Y": the subject of the
    clause the runoff noun belongs to, and the noun's opponent ("avoided a runoff with Y": no)."""
    preps = ("against", "with", "versus", "vs", "vs.")
    if noun.dep_ not in ("dobj", "pobj"):
        return []
    verb, path = noun.head, [noun.head]
    for _ in range(4):  # "X is in the runoff", "X secured a spot in the runoff": up to the clause's verb
        if verb.pos_ in ("VERB", "AUX") or verb.dep_ not in ("prep", "pobj", "dobj") or verb.head.i == verb.i:
            break
        verb = verb.head
        path.append(verb)
    if verb.pos_ not in ("VERB", "AUX") or lemma_in(verb, lex.cue("negatingVerbs")):
        return []
    opponents = _prep_objects(noun, preps) or [  # the parser hangs "with Y" higher up, right after the noun
        o for head in path for prep in _children(head, "prep") if prep.lower_ in preps and prep.i == noun.right_edge.i + 1
        for o in _prep_objects(head, (prep.lower_,))]
    subjects = [s for s in clause_subjects(verb) if s.pos_ in ("PROPN", "PRON", "NOUN")]
    named = [s for s in _expand(_children(verb, "nsubj")) if s.pos_ == "PROPN"]
    if not opponents and verb.lemma_ == "be" and noun.head.lower_ == "in" and noun.tag_ == "NN" and len(named) == 2:
        return named  # "A and B are in a runoff" (not "A and B, who are both in the runoff": a debate's guests)
    if not opponents:
        return []
    return subjects + opponents


def agent_noun_matches(noun: Token, rel: Relation) -> Iterator[Match]:
    """The noun names the subject: "X, a supporter of Y", "X is Y's ally", "Senate candidate X"."""
    if rel.symmetric:
        yield from _opponent_matches(noun, rel)
        return
    preps = rel.object_prepositions or NOUN_OBJECT_PREPS
    objects = _prep_objects(noun, preps) + _children(noun, "poss")
    holders = _described(noun)
    if noun.dep_ == "compound" and noun.head.pos_ == "PROPN":  # "Senate candidate Jeff Sessions"
        objects += [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if holders and objects:
        yield Match(rel, noun, "agentive", holders, objects)


def _opponent_matches(noun: Token, rel: Relation) -> Iterator[Match]:
    """"his opponent in the second round is Y", "X's runoff rival, Y", "Y, X's opponent in the
    runoff": the owner and the person the noun names, when the runoff is the noun's own."""
    if not _has_local_context(noun, rel) and not (noun.dep_ == "compound" and _has_local_context(noun.head, rel)):
        return
    owners = _children(noun, "poss")
    named = [c for c in _children(noun, "appos") if not _parenthesised(c)]
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_ == "be":
        named += _children(noun.head, "attr")
    elif noun.dep_ == "attr":
        named += clause_subjects(noun.head)
    elif noun.dep_ == "appos":
        named.append(noun.head)
    elif noun.dep_ == "compound" and noun.head.pos_ == "PROPN":
        named.append(noun.head)
    if not named and (after := _name_after_comma(noun)) is not None:
        named.append(after)  # "she lost to her runoff opponent, Mayor Y", Y hung on the main verb
    if owners and named:
        yield Match(rel, noun, "agentive", _expand(owners) + _expand(named), [], pairwise=True)


def _name_after_comma(noun: Token) -> Token | None:
    """The name that directly follows ``noun``'s phrase and a comma, wherever the parser hung it:
    the highest proper noun whose phrase starts right after the comma."""
    doc, comma = noun.doc, noun.right_edge.i + 1
    if comma + 1 >= noun.sent.end or doc[comma].text != ",":
        return None
    first = doc[comma + 1]
    name = first
    for _ in range(len(noun.sent)):
        head = name.head
        if head.i == name.i or head.pos_ != "PROPN" or head.left_edge.i != first.i:
            break
        name = head
    return name if name.pos_ == "PROPN" and name.i > first.i or name.ent_type_ == "PERSON" else None


def pair_matches(prep: Token, rel: Relation) -> Iterator[Match]:
    """"Ana Lee vs. Bob Kim" in a sentence about a runoff, or in a list under a runoff heading."""
    if prep.dep_ != "prep" or not (_has_context(prep.sent, rel) or _heading_context(prep, rel)):
        return
    participants = [p for p in [prep.head, *_children(prep, "pobj")] if _may_be_candidate(p)]
    if len(participants) == 2:
        yield Match(rel, prep, "reciprocal", participants, [], pairwise=True)


HEADING_LINES = 30


def _heading_context(token: Token, rel: Relation, pairs: bool = True) -> bool:
    """The lines above ``token``'s line are a list of pairings under a heading with a context
    phrase ("Runoff races:" / "Mayor: Ana Lee vs. Bob Kim" / ...; with ``pairs`` false, lines
    of any kind: "Mayor: Ana Lee (41%) and Bo Kim (33%)")."""
    text = _lower_text(token.doc)
    end = text.rfind("\n", 0, token.idx)
    for _ in range(HEADING_LINES):
        if end < 0:
            return False
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip().lower()
        end = start - 1
        if not line:
            continue
        if any(phrase in line for phrase in rel.context):
            return True
        if pairs and not any(f" {word} " in f" {line} " for word in rel.pair_prepositions):
            return False
    return False


MOTION_PREPS = ("to", "into")


def motion_noun_matches(token: Token, rel: Relation, lex: Lexicon) -> Iterator[Match]:
    """"Ruiz and Lind advance to the runoff", "the two head to a runoff": a reciprocal verb of
    the relation the small parser tagged a noun, with the runoff as its "to" object; those who
    move are its subject, the name it hangs on ("A, who ..., and B, who ..., head to"), or "the
    two" before it."""
    if token.tag_ not in ("NN", "NNS") or not any(
            _has_local_context(prep, rel) for prep in _children(token, "prep") if prep.lower_ in MOTION_PREPS):
        return
    movers = _children(token, "nsubj") + [c for c in token.children if c.dep_ == "nummod" and c.lower_ in ("two", "both")]
    if not movers and token.dep_ in ("appos", "conj") and token.head.pos_ == "PROPN":
        movers = [first_conjunct(token.head)]
    participants = [p for p in _with_appositions(_expand(movers)) if _may_be_candidate(p)]
    if participants:
        yield Match(rel, token, "reciprocal", participants, [], pairwise=True)


def listed_pair_matches(cc: Token, rel: Relation) -> Iterator[Match]:
    """"Runoff races:" / "Mayor: Ana Lee (41%) and Bo Kim (33%)." — two names coordinated in a
    line with no verb, in a sentence about a runoff or in a list under a runoff heading."""
    first = cc.head
    if cc.dep_ != "cc" or any(t.pos_ in ("VERB", "AUX") for t in cc.sent):
        return
    if not (_has_context(cc.sent, rel) or _heading_context(cc, rel, pairs=False)):
        return
    named = [t for t in conjuncts(first) if t.pos_ == "PROPN" and _may_be_candidate(t)]
    if first.lemma_.lower() in MEASURES and first.dep_ == "appos" and first.head.pos_ == "PROPN":
        named = [first.head, *named]  # "A, 38 percent, and B, 30 percent": "and" hung on the share
    elif first.pos_ != "PROPN":
        return
    if len(named) == 2 and first.dep_ != "conj":
        yield Match(rel, cc, "reciprocal", named, [], pairwise=True)


def neither_matches(neither: Token, rel: Relation, lex: Lexicon) -> Iterator[Match]:
    """"The runoff was called because neither Ana Lee nor Bo Kim won half the vote": the two
    named that no one won outright meet in the runoff the sentence names (the runoff noun is the
    trigger, so "if neither ... wins, a runoff would follow" stays a supposition)."""
    first = neither.head
    if neither.dep_ != "preconj" or first.pos_ != "PROPN":
        return
    named = [t for t in conjuncts(first) if t.pos_ == "PROPN"]
    verb = first.head
    if len(named) != 2 or first.dep_ not in ("nsubj", "nsubjpass"):
        return
    supposed = lex.cue("conditionalMarks") | lex.cue("hypotheticalModals") | lex.cue("futureModals")
    if any(c.lower_ in supposed for c in verb.children if c.dep_ in ("mark", "aux")):
        return  # "if neither X nor Y wins", "neither X nor Y will reach 50 percent"
    nouns = {n.partition(" ")[0] for n in rel.nouns}
    runoff = next((t for t in neither.sent if t.pos_ in ("NOUN", "PROPN") and lemma_in(t, nouns)), None)
    if runoff is not None:
        yield Match(rel, runoff, "reciprocal", named, [], pairwise=True)


def victory_matches(noun: Token, rel: Relation) -> Iterator[Match]:
    """"X declared victory over Y in the runoff", "X's runoff win over Y": the winner (the noun's
    owner, else the subject of the verb it is the object of) and the "over" opponent, with the
    runoff among the noun's or that verb's own words."""
    verb = noun.head if noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX") else None
    margins = [m for m in _prep_objects(noun, ("with", "by")) if m.lemma_.lower() in ("margin", "lead")]
    losers = _prep_objects(noun, ("over",)) or [o for head in margins + ([verb] if verb is not None else [])
                                                 for o in _prep_objects(head, ("over",))]  # "declared victory Tuesday over Y"
    if not losers or noun.dep_ not in ("dobj", "nsubj", "attr", "ROOT"):
        return
    if not (_has_local_context(noun, rel) or (verb is not None and _has_local_context(verb, rel))):
        return
    winners = _children(noun, "poss") or (clause_subjects(verb) if verb is not None else [])
    if winners:
        yield Match(rel, noun, "reciprocal", _expand(winners) + losers, [], pairwise=True)


def top_two_matches(two: Token, rel: Relation, lex: Lexicon) -> Iterator[Match]:
    """"The top two candidates were A and B", "the top two finishers, A and B": the two names
    the first two places are, in a sentence that asserts it (no modal, condition or poll, no
    other contest) of a text with a runoff still to come."""
    if two.i == 0 or two.doc[two.i - 1].lower_ != "top":
        return
    head = two.head if two.dep_ in ("nummod", "amod", "compound") and two.head.pos_ == "NOUN" else two
    names = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    if not names and head.dep_ == "nsubj" and head.head.lemma_ == "be":
        names = [a for a in _children(head.head, "attr") if a.pos_ == "PROPN"]
    elif not names and head.dep_ == "attr":
        names = [n for n in clause_subjects(head.head) if n.pos_ == "PROPN"]
    names = _expand(names[:1])
    sentence = two.sent
    words = {t.lower_ for t in sentence}
    supposed = lex.cue("conditionalMarks") | lex.cue("hypotheticalModals") | lex.cue("futureModals") | {"poll", "polls", "survey"}
    if len(names) != 2 or words & supposed:
        return
    text = sentence.text.lower()
    if any(phrase in text for phrase in lex.cue("otherContestPhrases")):
        return
    if _has_context(sentence, rel) or any(_has_context(s, rel) and _pending(s, rel, lex) for s in two.doc.sents):
        yield Match(rel, two, "reciprocal", names, [], pairwise=True)


def abstention_matches(verb: Token, rel: Relation, word: str | None, prep: str, lex: Lexicon) -> Iterator[Match]:
    """"Justice Lee took no part in the case", "did not participate in the decision": a denied
    taking part in a matter is the relation (the extractor reads the denial as the assertion)."""
    heads = [verb]
    denied = any(c.dep_ == "neg" or c.lower_ in lex.cue("negations") or c.lower_ == "never" for c in verb.children)
    if verb.dep_ == "xcomp" and lemma_in(verb.head, lex.cue("abstainingVerbs")):
        denied = True  # "declined to participate in the appeal"
    if word is not None:
        parts = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ == word]
        if not parts:
            return
        heads += parts
        denied = denied or any(c.dep_ == "det" and c.lower_ == "no" for c in parts[0].children)
    objects = [o for h in heads for o in _not_alternatives(_prep_objects(h, (prep,))) if _is_matter(o, rel)]
    titles = lex.cue("abstainingTitles")  # a justice who takes no part recuses; a defendant who does not, boycotts
    subjects = clause_subjects(verb)
    titled = [s for s in subjects if any(w.lemma_.lower() in titles for w in s.subtree)]
    if denied and objects and subjects:  # "Kagan did not participate": titled elsewhere (the extractor checks)
        extra = {"abstention": verb} if titled else {"abstention": verb, "untitled": verb}
        yield Match(rel, verb, "active", titled or subjects, objects, extra=extra)


def up_against_matches(up: Token, rel: Relation) -> Iterator[Match]:
    """"X will be up against Y in the runoff": the copula's subject and its "against" object, with
    the runoff among the copula's own words."""
    be = up.head
    if up.dep_ != "advmod" or be.lemma_ != "be" or not _has_local_context(be, rel):
        return
    rivals = _prep_objects(be, ("against",)) or _prep_objects(up, ("against",))
    participants = [p for p in clause_subjects(be) + rivals if _may_be_candidate(p)]
    if rivals and len(participants) >= 2:
        yield Match(rel, be, "reciprocal", participants, [], pairwise=True)


def choice_between_matches(prep: Token, rel: Relation) -> Iterator[Match]:
    """"Voters will choose between X and Y in the runoff": a verb's "between" pair, with the
    runoff among the verb's own words."""
    if prep.dep_ != "prep" or prep.head.pos_ != "VERB" or not _has_local_context(prep.head, rel):
        return
    participants = [p for p in _prep_objects(prep.head, ("between",)) if _may_be_candidate(p)]
    if len(participants) >= 2:
        yield Match(rel, prep.head, "reciprocal", participants, [], pairwise=True)


def find_matches(sentence: Span, lex: Lexicon) -> Iterator[Match]:
    """Every frame in ``sentence`` of the relations whose triggers ``lex`` holds."""
    for match in _find_matches(sentence, lex):
        if not match.pairwise:
            match.subjects = _among(match.subjects)
        match.subjects = [_whose(t) for t in match.subjects]
        match.objects = [_whose(t) for t in match.objects]
        yield match


def _whose(token: Token) -> Token:
    """"Ruiz, whose endorsement of Okoro ...": "whose" stands for what its relative clause
    describes, else ``token``."""
    if token.lower_ != "whose":
        return token
    clause = token
    for _ in range(len(token.sent)):
        if clause.dep_ == "relcl":
            return _antecedent(clause)
        if clause.head.i == clause.i:
            break
        clause = clause.head
    return token


def _find_matches(sentence: Span, lex: Lexicon) -> Iterator[Match]:
    for token in sentence:
        if token.lower_ == "neither":
            for rel in lex.contests:
                yield from neither_matches(token, rel, lex)
        elif token.lower_ == "between":
            for rel in lex.contests:
                yield from choice_between_matches(token, rel)
        elif token.lower_ in ("and", "&"):
            for rel in lex.contests:
                yield from listed_pair_matches(token, rel)
        elif token.lower_ == "up":
            for rel in lex.contests:  # "X will be up against Y in the runoff"
                yield from up_against_matches(token, rel)
        elif token.lower_ == "two":
            for rel in lex.contests:  # "the top two candidates were A and B"
                yield from top_two_matches(token, rel, lex)
        for rel in lex.pair_prepositions.get(token.lower_, ()):
            yield from pair_matches(token, rel)
        verb = token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB") or _adjectival_participle(token)
        # "a run-off ballot": the modifier is a noun whatever tag the parser gives it
        noun = token.pos_ in ("NOUN", "PROPN") or (token.dep_ in ("amod", "compound") and token.head.pos_ == "NOUN")
        if not (verb or noun):
            continue
        forms = lemmas(token)
        if noun and token.lower_ in ELECTION_NOUNS and not lex.nouns.get(_first(forms, lex.nouns)):
            for rel in lex.contests:  # "a second round between X and Y", "the second-round vote"
                if _has_local_context(token, rel):
                    yield from noun_matches(token, rel, lex)
        if noun and token.lemma_.lower() in lex.cue("victoryNouns"):
            for rel in lex.contests:  # "declared victory over Y in the runoff"
                yield from victory_matches(token, rel)
        if lex.triggers.isdisjoint(forms):
            continue
        if token.pos_ == "NOUN":
            for rel, trigger in lex.verbs.get(_first(forms, lex.verbs), ()):
                if rel.symmetric and rel.context and not trigger.weak and not trigger.particle:
                    yield from motion_noun_matches(token, rel, lex)
        if verb:
            for rel, trigger in lex.verbs.get(_first(forms, lex.verbs), ()):
                yield from verb_matches(token, rel, trigger, lex)
            for rel, effect in lex.causatives.get(_first(forms, lex.causatives), ()):
                yield from causative_matches(token, rel, effect)
            for rel in lex.verbs_with_role.get(_first(forms, lex.verbs_with_role), ()):
                yield from choice_matches(token, rel, lex)
            for rel, action, prep in lex.appeals.get(_first(forms, lex.appeals), ()):
                yield from appeal_matches(token, rel, action, prep)
            for rel, word, prep in lex.abstentions.get(_first(forms, lex.abstentions), ()):
                yield from abstention_matches(token, rel, word, prep, lex)
        if noun:
            for rel, particle in lex.nouns.get(_first(forms, lex.nouns), ()):
                yield from noun_matches(token, rel, lex, particle)
            for rel in lex.agent_nouns.get(_first(forms, lex.agent_nouns), ()):
                yield from agent_noun_matches(token, rel)
            for rel in lex.patient_nouns.get(_first(forms, lex.patient_nouns), ()):
                yield from patient_noun_matches(token, rel)


def _adjectival_participle(token: Token) -> bool:
    """"its endorsed candidates": a participle the tagger took for an adjective."""
    return token.tag_ == "JJ" and token.dep_ == "amod" and token.lower_.endswith("ed")


def _first(forms: tuple[str, ...], table: dict) -> str:
    return next((form for form in forms if form in table), "")


def title_matches(token: Token, start: int) -> Iterator[tuple[Token, str, tuple[Token, ...]]]:
    """Position words tied to the name ``doc[start:token.i + 1]``: (position head, frame, and the
    title's other words where the parser left them as siblings: "Deputy Attorney General X")."""
    words = position_words()
    titles = set()
    compounds = sorted((c for c in token.children if c.dep_ == "compound" and c.i < start), key=lambda c: c.i)
    for child in compounds:
        if child.lemma_.lower() in words and child.i + 1 < start and token.doc[child.i + 1] in compounds:
            if token.doc[child.i + 1].lemma_.lower() in words or token.doc[child.i + 1].pos_ == "PROPN":
                titles.add(child.i)  # not the last word of a flat title: its last word stands for it
    for child in compounds:
        if child.lemma_.lower() in words and child.i not in titles:
            run = [child]
            while run[0].i - 1 >= 0 and token.doc[run[0].i - 1] in compounds:
                run.insert(0, token.doc[run[0].i - 1])
            titles.add(child.i)
            yield child, "title", tuple(run[:-1])
    for child in token.children:
        if child.dep_ == "appos" and child.lemma_.lower() in words and child.i != token.i:
            titles.add(child.i)
            yield child, "apposition", ()
    before = token.doc[start - 1] if start > 0 else None
    if before is not None and before.i not in titles and before.pos_ in ("NOUN", "PROPN") and before.lemma_.lower() in words:
        yield before, "title", ()  # "fire coach Pavel Novak", parsed as two objects
    if token.dep_ == "appos" and token.head.lemma_.lower() in words:
        yield token.head, "apposition", ()
    if token.dep_ in ("nsubj",) and token.head.lemma_ == "be":
        for attr in _children(token.head, "attr"):
            if attr.lemma_.lower() in words:
                yield attr, "copula", ()
