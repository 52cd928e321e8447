"""Polarity and attribution: does the text assert a relation, deny it, suppose it or report it?

We climb from the trigger through the clauses that embed it. Negation on any of them denies;
a modal ("could", "may"), a condition ("if") or a governing verb of wanting, asking or planning
makes it hypothetical; a governing verb of refusing or denying negates it; a governing verb of
saying or believing reports it (with the speaker, when the text names one), except a news
attribution after the clause that states it ("X and Y will meet in the runoff, the commission
announced"), which asserts it.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from kg.extraction.lexical import lemma_in
from kg.extraction.quotes import SPEECH_VERBS

NEGATING_VERBS = {
    "deny", "refuse", "decline", "reject", "dispute", "fail", "refute", "rule", "stop", "refrain",
    "hesitate", "balk", "avoid", "cease", "halt", "resist", "oppose", "abandon", "forgo",
}
HYPOTHETICAL_ADJECTIVES = {
    "potential", "possible", "likely", "probable", "expected", "hypothetical", "looming",
    "prospective", "rumored", "rumoured", "planned", "proposed", "mooted", "anticipated", "future",
}
HYPOTHETICAL_VERBS = {
    "ask", "urge", "want", "hope", "recommend", "advise", "plan", "expect", "seek", "try", "attempt", "consider",
    "intend", "demand", "threaten", "wish", "propose", "offer", "request", "pressure", "press",
    "encourage", "invite", "beg", "need", "aim", "prepare", "weigh", "mull", "contemplate",
}
BELIEF_VERBS = {
    "believe", "think", "claim", "allege", "suggest", "assume", "suspect", "rumor", "rumour",
    "speculate", "imply", "insinuate", "imagine", "guess", "fear", "doubt", "accuse",
}
# Neutral verbs of saying: a report attributed with one of them after the clause is asserted.
ATTRIBUTION_VERBS = {"say", "announce", "state", "confirm", "report", "tell"}
CLAIM_NOUNS = {"report", "claim", "rumor", "rumour", "allegation", "speculation", "suggestion", "assertion"}
GOVERNING_VERBS = NEGATING_VERBS | HYPOTHETICAL_VERBS | BELIEF_VERBS | SPEECH_VERBS
HYPOTHETICAL_MODALS = {"could", "might", "may", "would", "should", "can", "must", "ought"}
NEGATIONS = {"not", "n't", "n’t"}  # whatever the parser makes of them ("Didn’t Recuse Herself")
FALSITY_ADVERBS = {"wrongly", "falsely", "mistakenly", "erroneously", "incorrectly", "never"}
HEARSAY_ADVERBS = {"allegedly", "reportedly", "purportedly", "supposedly", "rumoredly", "ostensibly"}
CONDITIONAL_MARKS = {"if", "unless", "whether"}
EMBEDDING_DEPS = {"advmod", "xcomp", "ccomp", "pcomp", "advcl", "acl", "relcl", "conj", "pobj", "prep", "dobj", "attr", "oprd", "nsubj", "nsubjpass", "appos", "compound", "amod"}


@dataclass(frozen=True)
class Stance:
    polarity: str  # positive | negative | hypothetical | reported
    cue: str | None = None
    speaker: Token | None = None  # subject of the verb of saying or believing


def _local(token: Token, trigger: bool = False) -> Stance | None:
    """Negation, modality and conditions marked on ``token`` itself ("no" only on the trigger:
    "no endorsement" denies, "no regrets about recusing" does not)."""
    for child in token.children:
        if child.dep_ == "neg" or child.lower_ in NEGATIONS or (child.dep_ == "advmod" and child.lower_ in FALSITY_ADVERBS):
            return Stance("negative", child.text)
        if child.dep_ == "advmod" and child.lower_ == "longer" and any(c.lower_ == "no" for c in child.children):
            return Stance("negative", "no longer")  # "is no longer recused from the case"
        if trigger and child.dep_ == "det" and child.lower_ == "no":
            return Stance("negative", child.text)
        if trigger and child.dep_ == "amod" and child.lower_ in HYPOTHETICAL_ADJECTIVES:
            return Stance("hypothetical", child.text)  # "a potential runoff between X and Y"
    for child in token.children:
        if child.dep_ == "advmod" and child.lower_ in HEARSAY_ADVERBS:
            return Stance("reported", child.text)
        if child.dep_ == "prep" and child.lower_ == "according":
            source = next((p for to in child.children for p in to.children if p.dep_ == "pobj"), None)
            return Stance("reported", "according to", source)
    for child in token.children:
        if child.tag_ == "MD" and child.lower_ in HYPOTHETICAL_MODALS:
            return Stance("hypothetical", child.text)
        if child.dep_ == "mark" and child.lower_ in CONDITIONAL_MARKS:
            return Stance("hypothetical", child.text)
    return None


def stance(trigger: Token) -> Stance:
    """The polarity of the clause ``trigger`` expresses."""
    token = trigger
    found = _local(token, trigger=True)
    if found:
        return found
    while token.dep_ in EMBEDDING_DEPS and token.head is not token:
        dep, parent = token.dep_, token.head
        lemma = lemma_in(parent, GOVERNING_VERBS) or parent.lemma_.lower()
        complement = dep in ("xcomp", "ccomp", "pcomp") or (dep == "pobj" and parent.dep_ == "prep")
        if dep in ("relcl", "acl") and lemma_in(parent, CLAIM_NOUNS) and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in token.children):
            return Stance("reported", parent.text)  # "reports that X had recused himself"
        if dep == "relcl" or dep == "appos":
            break
        if complement or dep in ("prep", "advmod"):  # "stopped short of endorsing him"
            if lemma in ("have", "be") and any(c.lower_ == "yet" for c in parent.children):
                return Stance("negative", "yet")  # "has yet to endorse"
            if lemma in NEGATING_VERBS:
                negated = _local(parent)  # "would not rule out backing him"
                if negated is not None:
                    return Stance("hypothetical", f"{negated.cue} {parent.text}")
                return Stance("negative", parent.text)
            if lemma in HYPOTHETICAL_VERBS:
                return Stance("hypothetical", parent.text)
            if lemma in ATTRIBUTION_VERBS and dep == "ccomp" and token.i == trigger.i < parent.i:
                # "X recused himself from the case, the department said": news attribution
                subject = next((c for c in parent.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                return Stance("positive", parent.text, subject)
            if lemma in BELIEF_VERBS or (lemma in SPEECH_VERBS and dep == "ccomp"):
                subject = next((c for c in parent.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                return Stance("reported", parent.text, subject)
            if parent.lower_ == "without":
                return Stance("negative", parent.text)
        if dep == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
            break  # a conjoined clause with its own subject stands alone
        found = _local(parent)
        if found and (complement or dep in ("conj", "prep", "pobj", "dobj", "attr", "oprd", "nsubj", "nsubjpass", "compound", "amod")):
            return found
        if dep == "advcl":
            break
        token = parent
    if trigger.sent.text.rstrip().rstrip("”\"' ").endswith("?"):
        return Stance("hypothetical", "?")
    return Stance("positive")
