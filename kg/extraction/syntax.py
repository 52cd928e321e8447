"""Bounded walks over a dependency parse.

spaCy makes a new Python object on every access to a token, so tokens are compared by ``.i``,
never with ``is``. Every walk up the tree stops at the root (a token that is its own head,
whatever its label) and never visits a token twice, so it ends after at most ``len(sent)``
steps even on a malformed tree. Nothing here recurses.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Token

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# "I'm proud to endorse him", "she was quick to back him": adjectives whose complement happened (not
# "reluctant", "unwilling", "free" or "sure to endorse").
FACTIVE_ADJECTIVES = {"proud", "happy", "glad", "pleased", "delighted", "honored", "honoured", "thrilled", "quick", "first"}
# "used Twitter to endorse him": the object of these verbs does not do what the complement says.
INSTRUMENT_VERBS = frozenset({"use", "take", "spend", "seize", "break"})


def is_root(token: Token) -> bool:
    """``token`` is its own head (spaCy's roots; the label need not be ``ROOT``)."""
    return token.head.i == token.i


def ancestors(token: Token) -> Iterator[Token]:
    """``token``'s head, its head's head, ... up to the root, each token at most once."""
    seen = {token.i}
    while not is_root(token):
        token = token.head
        if token.i in seen:
            return
        seen.add(token.i)
        yield token


def edges_up(token: Token) -> Iterator[tuple[Token, Token]]:
    """``(child, head)`` pairs on the path from ``token`` to the root."""
    for head in ancestors(token):
        yield token, head
        token = head


def climb(token: Token, until: Callable[[Token], bool]) -> Token:
    """The nearest ancestor for which ``until`` holds, else the highest one reached."""
    for head in ancestors(token):
        token = head
        if until(token):
            break
    return token


def children(token: Token, *deps: str) -> list[Token]:
    """``token``'s children with one of the labels ``deps``."""
    return [c for c in token.children if c.dep_ in deps]


def conjuncts(token: Token) -> list[Token]:
    """``token`` and the tokens coordinated after it ("he and ... Tuberville"), in text order."""
    return [token, *sorted((c for c in token.conjuncts if c.i > token.i), key=lambda c: c.i)]


def prep_objects(token: Token, preps: tuple[str, ...]) -> list[Token]:
    """Objects (with their conjuncts) of ``token``'s prepositions ``preps``: "support *for* X and Y"."""
    out: list[Token] = []
    for prep in children(token, "prep"):
        if prep.lower_ in preps:
            for pobj in children(prep, "pobj"):
                out.extend(conjuncts(pobj))
    return out


RELATIVE = frozenset({"who", "whom", "that", "which", "whose"})
# A relative clause with one of these describes every member of a coordination before it.
PLURAL_CUES = frozenset({"themselves", "they", "were", "are", "have", "both", "all"})


def first_conjunct(token: Token) -> Token:
    """The first member of the coordination ``token`` belongs to."""
    return climb(token, lambda t: t.dep_ != "conj") if token.dep_ == "conj" else token


def antecedents(clause: Token) -> list[Token]:
    """What a relative clause describes: its head, or the whole coordination the head ends when
    the clause is plural ("Justices A and B, who recused themselves")."""
    head = clause.head
    return conjuncts(first_conjunct(head) if _plural_clause(clause) else head)


def _plural_clause(clause: Token) -> bool:
    return any(c.lower_ in PLURAL_CUES for c in clause.children)


def owners(noun: Token) -> list[Token]:
    """Who a noun belongs to: "her decision", "the decision by Lee"."""
    return children(noun, "poss") + [p for prep in children(noun, "prep") if prep.lower_ == "by" for p in children(prep, "pobj")]


# "I'm proud to endorse him", "she was quick to back him": adjectives whose complement happened (not
# "reluctant", "unwilling", "free" or "sure to endorse").
FACTIVE_ADJECTIVES = {"proud", "happy", "glad", "pleased", "delighted", "honored", "honoured", "thrilled", "quick", "first"}
# "used Twitter to endorse him": the object of these verbs does not do what the complement says.
INSTRUMENT_VERBS = {"use", "take", "spend", "seize", "break"}


def _qualified(verb: Token) -> bool:
    """A modal, a negation or a condition on ``verb`` ("would be", "was not", "if asked, ... is")."""
    return any(c.tag_ == "MD" or c.dep_ == "neg" or (c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)) for c in verb.children)


# Clauses a subject is looked for through ("A decided to try to ... endorse"): a few in real text;
# a bound keeps a long chain of clauses linear instead of quadratic.
CLAUSE_HOPS = 12
MAX_BRACKETED = 5  # words of a name an editor put in brackets


def _bracketed_subject(verb: Token) -> Token | None:
    """"'(Ruiz) has my support,' he wrote": a name in brackets right before a verb with no subject,
    which an editor put in a quotation for a pronoun (the parser hangs it elsewhere)."""
    doc = verb.doc
    close = verb.left_edge.i - 1 if verb.left_edge.i < verb.i else verb.i - 1
    if close < 2 or doc[close].text not in (")", "]"):
        return None
    opening = next((k for k in range(close - 1, max(-1, close - MAX_BRACKETED - 2), -1) if doc[k].text in ("(", "[")), None)
    if opening is None or opening + 1 >= close:
        return None
    words = doc[opening + 1 : close]
    if not all(t.pos_ == "PROPN" for t in words):
        return None
    return next((t for t in words if t.head.i not in range(opening + 1, close)), words[-1])


def clause_subjects(verb: Token) -> list[Token]:
    """The subjects of ``verb``'s clause, following conjunction, control and relative clauses."""
    seen: set[int] = set()
    while verb.i not in seen and len(seen) <= CLAUSE_HOPS:
        seen.add(verb.i)
        subjects = children(verb, *SUBJECT_DEPS)
        if subjects and verb.dep_ == "relcl" and any(s.lower_ in RELATIVE for s in subjects) and _plural_clause(verb):
            return antecedents(verb)  # "Justices A and B, who recused themselves"
        if subjects:
            return [s for subject in subjects for s in conjuncts(subject)]
        if (inserted := _bracketed_subject(verb)) is not None:
            return [inserted]
        if is_root(verb):
            return fronted_subjects(verb)
        if verb.dep_ == "conj":
            verb = verb.head
        elif verb.dep_ == "xcomp":
            objects = [o for o in children(verb.head, "dobj", "dative") if o.tag_ not in ("IN", "WDT")]  # "decided that ...", misparsed
            if objects and verb.head.lemma_ not in INSTRUMENT_VERBS:
                return objects
            verb = verb.head
        elif verb.dep_ == "acl" and verb.tag_ == "VB" and (found := owners(verb.head)):
            return found  # "her decision to recuse herself", "the decision by Lee to name her"
        elif verb.dep_ in ("relcl", "acl"):
            return antecedents(verb)
        elif verb.dep_ == "advcl" and (verb.tag_ == "VBG" or any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children)):
            verb = verb.head  # "endorsing him, she ...", "she broke with tradition to endorse him"
        elif verb.dep_ == "acomp" and verb.lower_ in FACTIVE_ADJECTIVES and not _qualified(verb.head):
            verb = verb.head  # "I'm proud to endorse him", not "I would be proud to"
        elif verb.dep_ == "pcomp":  # "he had no regrets about recusing himself"
            prep = verb.head
            praised = [o for o in children(prep.head, "dobj") if o.tag_ not in ("IN", "WDT")] if prep.lower_ == "for" else []
            if praised and verb.tag_ == "VBG":
                return [s for o in praised for s in conjuncts(o)]  # "criticized him for recusing himself": he recused
            verb = climb(verb, lambda t: t.pos_ in ("VERB", "AUX"))
        else:
            return []
    return []


def fronted_subjects(verb: Token) -> list[Token]:
    """The subject the parser hung in an opening phrase: "In District 5, Ana Ruiz and Bo Kim
    advanced" is often parsed with the names as conjuncts of "District" (or of a word inside the
    phrase). The names are those coordinated after the phrase's comma with a word before it,
    when ``verb`` has no subject of its own."""
    if children(verb, *SUBJECT_DEPS):
        return []
    for prep in children(verb, "prep"):
        if prep.i >= verb.i or prep.i != prep.sent.start:
            continue
        comma = next((t for t in prep.subtree if t.text == ","), None)
        if comma is None:
            return []
        for token in prep.subtree:
            if token.dep_ == "conj" and token.pos_ == "PROPN" and token.i > comma.i and token.head.i < comma.i:
                return conjuncts(token)
    return []
