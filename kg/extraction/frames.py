"""Argument frames: where a relation's trigger finds its subject and object in a parse.

Frames (see the ontology for which relation uses which trigger):

* active      "Trump endorsed Tuberville", "he recused himself from the investigation"
* passive     "Tuberville was endorsed by Trump", "Tuberville, endorsed by Trump"
* reciprocal  "X and Y will face off in a runoff", "X faces Y in the runoff"
* nominal     "Trump's endorsement of Tuberville", "has my approval", "a runoff between X and Y"
* agentive    "Sessions, a supporter of Trump", "Senate candidate Jeff Sessions"
* patient     "Sotomayor, an appointee of Obama" (the noun names the object)
* causative   "Trump forced him to leave his post"
* appeal      "Demirtas urged his supporters to vote for Imamoglu"
* role        "appointed him attorney general", "named her as secretary" (a role on the object)
* title       "campaign manager Michael Glassner", "Sessions, an Alabama senator"
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from kg.extraction.lexical import lemma_in, lemmas
from kg.extraction.syntax import clause_subjects, conjuncts
from kg.extraction.syntax import prep_objects as _prep_objects
from kg.ontology import Ontology, Relation, default_ontology, position_words

NOUN_OBJECT_PREPS = ("of", "for", "behind")
PASSIVE_AGENT_DEPS = {"agent"}
REFLEXIVES = {"himself", "herself", "itself", "themselves", "myself", "yourself", "ourselves"}
TEMPORAL = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"}


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

    verbs: dict[str, list[tuple[Relation, str | None]]]
    nouns: dict[str, list[Relation]]
    agent_nouns: dict[str, list[Relation]]
    causatives: dict[str, list[tuple[Relation, str]]]
    verbs_with_role: dict[str, list[Relation]]
    patient_nouns: dict[str, list[Relation]]
    appeals: dict[str, list[tuple[Relation, str, str | None]]]
    cues: dict[str, frozenset[str]]  # the ontology's kg:CueSet words (receivingVerbs, lightVerbs, ...)

    def cue(self, name: str) -> frozenset[str]:
        return self.cues.get(name, frozenset())


def lexicon(ontology: Ontology | None = None) -> Lexicon:
    """The triggers of ``ontology``'s relations (default: the package's ontology)."""
    verbs: dict[str, list[tuple[Relation, str | None]]] = defaultdict(list)
    nouns: dict[str, list[Relation]] = defaultdict(list)
    agents: dict[str, list[Relation]] = defaultdict(list)
    causatives: dict[str, list[tuple[Relation, str]]] = defaultdict(list)
    with_role: dict[str, list[Relation]] = defaultdict(list)
    patients: dict[str, list[Relation]] = defaultdict(list)
    appeals: dict[str, list[tuple[Relation, str, str | None]]] = defaultdict(list)
    ontology = ontology or default_ontology()
    for rel in ontology.relations.values():
        for verb in rel.verbs_with_role:
            with_role[verb].append(rel)
        for noun in rel.patient_nouns:
            patients[noun].append(rel)
        for cause, action, prep in rel.appeals:
            appeals[cause].append((rel, action, prep))
        for lemma, particle in rel.verbs:
            verbs[lemma].append((rel, particle))
        for noun in rel.nouns:
            nouns[noun].append(rel)
        for noun in rel.agent_nouns:
            agents[noun].append(rel)
        for cause, effect in rel.causatives:
            causatives[cause].append((rel, effect))
    return Lexicon(dict(verbs), dict(nouns), dict(agents), dict(causatives), dict(with_role), dict(patients), dict(appeals), ontology.cues)


def _children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _expand(tokens: list[Token]) -> list[Token]:
    return [c for t in tokens for c in conjuncts(t)]


def _has_context(sentence: Span, rel: Relation) -> bool:
    if not rel.context:
        return True
    text = sentence.text.lower()
    return any(phrase in text for phrase in rel.context)


def _is_passive(verb: Token) -> bool:
    if _children(verb, "nsubjpass", "auxpass"):
        return True
    return verb.tag_ == "VBN" and verb.dep_ == "acl" and not _children(verb, "nsubj")


def _split_role(tokens: list[Token]) -> tuple[list[Token], Token | None]:
    """"appointed Kenji Watanabe finance minister" is often parsed as one noun phrase headed by
    the position: the person is its proper-noun compound (or possessive: "appointed her chief
    executive") and the position is the role."""
    words = position_words()
    for token in tokens:
        if token.lemma_.lower() in words:
            names = [c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"]  # "her chief of staff, Lars Holm"
            names = names or [
                c for c in token.children
                if (c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN") or (c.dep_ == "poss" and c.pos_ == "PRON")
            ]
            if names:
                return [names[-1]], token
            others = [t for t in tokens if t.i != token.i]
            if others:  # "whom ... appointed chief justice": two objects, one of them the role
                return others, token
    return tokens, None


def _role(verb: Token, obj: list[Token]) -> Token | None:
    for child in verb.children:
        if child.dep_ == "oprd" or (child.dep_ == "dobj" and _children(verb, "dative")):
            return child
    for prep in _children(verb, "prep"):
        if prep.lower_ == "as":
            return next(iter(_children(prep, "pobj")), None)
    return None


def _dated_subjects(verb: Token) -> list[Token]:
    """"Trump Wednesday endorsed Justice" is parsed with the name as a modifier of the weekday."""
    for when in _children(verb, "npadvmod", "nsubj"):
        if when.ent_type_ in TEMPORAL and when.i < verb.i:
            names = [c for c in when.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < when.i]
            if names:
                return names[-1:]
    return []


def verb_matches(verb: Token, rel: Relation, particle: str | None, lex: Lexicon) -> Iterator[Match]:
    if particle and not any(c.dep_ == "prt" and c.lower_ == particle for c in verb.children):
        return
    if not _has_context(verb.sent, rel):
        return
    if verb.dep_ == "amod" and verb.tag_ in ("VBN", "VBD"):  # "the Trump-endorsed Tuberville"
        subjects = _children(verb, "npadvmod", "nmod", "compound", "nsubj")
        objects = [verb.head]
        frame = "passive"
    elif _is_passive(verb):
        objects = _expand(_children(verb, "nsubjpass")) or ([verb.head] if verb.dep_ == "acl" else [])
        if not objects and verb.dep_ == "conj":  # "Butler has worked in politics and was appointed by X"
            objects = clause_subjects(verb)
        subjects = _expand([p for a in _children(verb, *PASSIVE_AGENT_DEPS) for p in _children(a, "pobj")])
        frame = "passive"
    else:
        subjects = [s for s in clause_subjects(verb) if s.ent_type_ not in TEMPORAL] or _dated_subjects(verb)
        if verb.dep_ == "acl" and lemma_in(verb.head, lex.cue("decisionNouns")):
            decision = verb.head
            subjects = _children(decision, "poss") + _prep_objects(decision, ("of", "by")) or (
                clause_subjects(decision.head) if decision.dep_ in ("dobj", "attr") else []) or subjects
        if rel.object_prepositions:
            if any(c.dep_ == "dobj" and c.lower_ not in REFLEXIVES for c in verb.children):
                return  # "ran the company for six years": another sense of the verb
            objects = [o for o in _prep_objects(verb, rel.object_prepositions) if o.ent_type_ not in TEMPORAL]
        else:
            objects = _expand(_children(verb, "dative") or _children(verb, "dobj"))
            if rel.role_bearing:
                objects = objects or _children(verb, "oprd")  # "named Marta Ruiz sporting director"
        frame = "active"
    role = None
    if rel.role_bearing:
        objects, described = _split_role(objects)
        role = _role(verb, objects) or described  # "named her aide, Sarah Lee, as chief of staff"
        if role is not None and role.lemma_.lower() in lex.cue("candidacyRoles"):
            return
    if rel.symmetric:
        participants = subjects + objects + _prep_objects(verb, ("with", "against"))
        participants += _children(verb, "intj", "npadvmod", "attr")  # "X faces Y" misparsed
        nouns = _children(verb, "dobj") + [p for prep in _children(verb, "prep") for p in _children(prep, "pobj")]
        for noun in nouns:  # "X will face a runoff against Y", "X advanced to a runoff with Y"
            participants += _prep_objects(noun, ("against", "with", "between"))
        # "X and former coach Y" is often parsed with Y in apposition to X
        participants += [c for p in participants for c in p.children if c.dep_ == "appos"]
        yield Match(rel, verb, "reciprocal", participants, [], pairwise=True)
        return
    yield Match(rel, verb, "role" if role is not None else frame, subjects, objects, role)


def _given_a_post(verb: Token, objects: list[Token]) -> bool:
    """Does the choice ``verb`` give its object a post: "as Y", "for the post", "to lead Y"?"""
    if any(c.dep_ == "prt" for c in verb.children):
        return False  # "picked up", "chose out"
    if _role(verb, objects) is not None or _split_role(objects)[1] is not None:
        return True
    if _prep_objects(verb, ("for",)):
        return True
    return any(c.dep_ in ("xcomp", "advcl") and c.pos_ in ("VERB", "AUX") and c.i > verb.i
               and any(a.lower_ == "to" for a in c.children) for c in verb.children)


def choice_matches(verb: Token, rel: Relation, lex: Lexicon) -> Iterator[Match]:
    """"chose X as Y", "picked X to fill the seat": an appointment only with a post."""
    if _is_passive(verb) or verb.dep_ == "amod":
        objects = _expand(_children(verb, "nsubjpass"))
    else:
        objects = _expand(_children(verb, "dobj"))
    if objects and _given_a_post(verb, objects):
        yield from verb_matches(verb, rel, None, lex)


def causative_matches(verb: Token, rel: Relation, effect: str) -> Iterator[Match]:
    for comp in _children(verb, "xcomp", "advcl"):
        if lemma_in(comp, {effect}) and (comp.dep_ == "xcomp" or any(c.lower_ == "to" for c in comp.children)):
            role = next(iter(_prep_objects(comp, ("as",))), None)
            yield Match(rel, verb, "causative", clause_subjects(verb), _children(verb, "dobj"), role, extra={"effect": comp})


def appeal_matches(verb: Token, rel: Relation, action: str, prep: str | None) -> Iterator[Match]:
    """"X urged voters to vote for Y": X -> Y, when those addressed are no named agent."""
    addressed = _children(verb, "dobj") + [p for on in _children(verb, "prep") if on.lower_ in ("on", "to")
                                           for p in _children(on, "pobj")]
    if any(a.pos_ == "PROPN" or a.ent_type_ or a.lower_ in ("him", "her") for a in addressed):
        return  # "urged Trump to endorse Y" is a request to Trump
    for comp in _children(verb, "xcomp", "advcl", "ccomp") + [c for on in _children(verb, "prep") for p in _children(on, "pobj") for c in _children(p, "acl", "relcl")]:
        if not lemma_in(comp, {action}):
            continue
        objects = _prep_objects(comp, (prep,)) if prep else _expand(_children(comp, "dobj"))
        if objects:
            yield Match(rel, verb, "appeal", clause_subjects(verb), objects, extra={"effect": comp})


def patient_noun_matches(noun: Token, rel: Relation) -> Iterator[Match]:
    """The noun names the object: "X, an appointee of Y", "Y's appointee X", "X is Y's appointee"."""
    givers = _prep_objects(noun, ("of", "by")) + _children(noun, "poss")
    holders: list[Token] = []
    if noun.dep_ in ("attr", "oprd"):
        holders = clause_subjects(noun.head)
    elif noun.dep_ == "appos":
        holders = [noun.head]
    elif noun.dep_ == "compound" and noun.head.pos_ == "PROPN":
        holders = [noun.head]
    holders += _children(noun, "appos")
    if holders and givers:
        yield Match(rel, noun, "agentive", givers, holders)


def noun_matches(noun: Token, rel: Relation, lex: Lexicon) -> Iterator[Match]:
    if not _has_context(noun.sent, rel):
        return
    preps = rel.object_prepositions or NOUN_OBJECT_PREPS
    subjects = _children(noun, "poss") + _prep_objects(noun, ("by", "from"))
    objects = _prep_objects(noun, preps)
    if rel.symmetric:
        participants = _prep_objects(noun, ("between",))
        if len(participants) >= 2:
            yield Match(rel, noun, "nominal", participants, [], pairwise=True)
        return
    if noun.dep_ == "dobj" and noun.head.lemma_ in lex.cue("receivingVerbs"):
        # "Tuberville has my approval", "X won the endorsement of Y"
        givers = subjects or _prep_objects(noun, ("of", "from"))
        yield Match(rel, noun, "nominal", givers, clause_subjects(noun.head))
        return
    if noun.dep_ == "dobj" and lemma_in(noun.head, lex.cue("lightVerbs") | lex.cue("ownerVerbs")):
        if not subjects or all(s.pos_ == "PRON" for s in subjects):
            subjects = clause_subjects(noun.head) or subjects  # "Sessions pledged (his) support for the president"
        objects = objects or _prep_objects(noun.head, preps + ("to",))  # "threw her support behind X"
        objects = objects or _expand(_children(noun.head, "dative"))  # "gave Reid her endorsement"
    if subjects and objects:
        role = None
        if rel.role_bearing:  # "X's appointment of Y as police chief"
            role = next(iter(_prep_objects(noun, ("as",)) + [r for o in objects for r in _prep_objects(o, ("as",))]), None)
        yield Match(rel, noun, "nominal", subjects, objects, role)


def agent_noun_matches(noun: Token, rel: Relation) -> Iterator[Match]:
    """The noun names the subject: "X, a supporter of Y", "X is Y's ally", "Senate candidate X"."""
    preps = rel.object_prepositions or NOUN_OBJECT_PREPS
    objects = _prep_objects(noun, preps) + _children(noun, "poss")
    holders: list[Token] = []
    if noun.dep_ in ("attr", "oprd"):
        holders = clause_subjects(noun.head)
    elif noun.dep_ == "appos":
        holders = [noun.head]
    elif noun.dep_ == "compound" and noun.head.pos_ == "PROPN":
        holders = [noun.head]
        objects += [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    holders += _children(noun, "appos")
    if holders and objects:
        yield Match(rel, noun, "agentive", holders, objects)


def find_matches(sentence: Span, lex: Lexicon) -> Iterator[Match]:
    """Every frame in ``sentence`` of the relations whose triggers ``lex`` holds."""
    for token in sentence:
        verb = token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB")
        noun = token.pos_ in ("NOUN", "PROPN")
        if not (verb or noun):
            continue
        forms = lemmas(token)
        if verb:
            for rel, particle in lex.verbs.get(_first(forms, lex.verbs), ()):
                yield from verb_matches(token, rel, particle, lex)
            for rel, effect in lex.causatives.get(_first(forms, lex.causatives), ()):
                yield from causative_matches(token, rel, effect)
            for rel in lex.verbs_with_role.get(_first(forms, lex.verbs_with_role), ()):
                yield from choice_matches(token, rel, lex)
            for rel, action, prep in lex.appeals.get(_first(forms, lex.appeals), ()):
                yield from appeal_matches(token, rel, action, prep)
        if noun:
            for rel in lex.nouns.get(_first(forms, lex.nouns), ()):
                yield from noun_matches(token, rel, lex)
            for rel in lex.agent_nouns.get(_first(forms, lex.agent_nouns), ()):
                yield from agent_noun_matches(token, rel)
            for rel in lex.patient_nouns.get(_first(forms, lex.patient_nouns), ()):
                yield from patient_noun_matches(token, rel)


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
