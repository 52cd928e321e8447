"""Polarity and attribution: does the text assert a relation, deny it, suppose it or report it?

We climb from the trigger through the clauses that embed it. Negation on any of them denies;
a modal ("could", "may"), a condition ("if") or a governing verb of wanting, asking or planning
makes it hypothetical; a governing verb of refusing or denying negates it; a governing verb of
saying or believing reports it (with the speaker, when the text names one).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from kg.extraction.lexical import lemma_in
from kg.extraction.quotes import SPEECH_VERBS
from kg.extraction.syntax import edges_up

NEGATING_VERBS = {
    "deny", "refuse", "decline", "reject", "dispute", "fail", "refute", "rule", "stop", "refrain",
    "hesitate", "balk", "avoid", "cease", "halt", "resist", "oppose", "abandon", "forgo",
}
HYPOTHETICAL_ADJECTIVES = {
    "potential", "possible", "likely", "probable", "expected", "hypothetical", "looming",
    "prospective", "rumored", "rumoured", "planned", "proposed", "mooted", "anticipated", "future",
}
HYPOTHETICAL_VERBS = {
    "ask", "urge", "want", "hope", "plan", "expect", "seek", "try", "attempt", "consider",
    "intend", "demand", "threaten", "wish", "propose", "offer", "request", "pressure", "press",
    "encourage", "invite", "beg", "need", "aim", "prepare", "weigh", "mull", "contemplate",
    "call", "pledge", "promise", "vow", "wait", "await",
    # predicative adjectives of what is still to come: "is likely to endorse", "close to naming"
    "likely", "unlikely", "poised", "set", "ready", "close", "due", "about", "eager", "willing",
    "prepared", "expected",
}
# "withdrew his endorsement of X": the nominal fact is taken back.
RETRACTING_VERBS = {"withdraw", "rescind", "revoke", "retract", "pull", "reverse", "cancel", "drop"}
# Neutral attribution: "..., the Vatican said" reports a fact with its source; claims stay reported.
ATTRIBUTION_VERBS = {
    "say", "announce", "confirm", "report", "state", "tell", "add", "write", "tweet", "post",
    "note", "disclose", "declare",
}
# "Reports that X had fired Y were untrue": the content of a report is someone's claim.
REPORT_NOUNS = {"report", "claim", "rumor", "rumour", "allegation", "speculation", "story", "suggestion"}
FALSE_SOURCES = {"false", "fake", "untrue", "erroneous", "inaccurate", "unfounded", "baseless", "bogus"}
# "a runoff would be held if ...": the mood of these verbs is their subject's.
EVENT_VERBS = {"hold", "happen", "occur", "take", "be", "come", "go", "set", "schedule", "loom", "follow"}
SOURCE_DOCUMENTS = {
    "statement", "release", "announcement", "order", "decree", "filing", "record", "document",
    "letter", "website", "communique", "notice", "transcript",
}
BELIEF_VERBS = {
    "believe", "think", "claim", "allege", "suggest", "assume", "suspect", "rumor", "rumour",
    "speculate", "imply", "insinuate", "imagine", "guess", "fear", "doubt", "accuse",
}
GOVERNING_VERBS = NEGATING_VERBS | HYPOTHETICAL_VERBS | BELIEF_VERBS | SPEECH_VERBS
HYPOTHETICAL_MODALS = {"could", "might", "may", "would", "should", "can", "must", "ought"}
FUTURE_MODALS = {"will", "shall", "'ll", "wo"}
FALSITY_ADVERBS = {"wrongly", "falsely", "mistakenly", "erroneously", "incorrectly", "never"}
HEARSAY_ADVERBS = {"allegedly", "reportedly", "purportedly", "supposedly", "rumoredly", "ostensibly"}
CONDITIONAL_MARKS = {"if", "unless", "whether"}
EMBEDDING_DEPS = {"advmod", "xcomp", "ccomp", "pcomp", "advcl", "acl", "relcl", "conj", "pobj", "prep", "dobj", "attr", "oprd", "nsubj", "nsubjpass", "appos", "compound", "amod"}


@dataclass(frozen=True)
class Stance:
    polarity: str  # positive | negative | hypothetical | reported
    cue: str | None = None
    speaker: Token | None = None  # subject of the verb of saying or believing


def _future(token: Token) -> str | None:
    """"will" / "shall" on ``token``."""
    return next((c.text for c in token.children if c.tag_ == "MD" and c.lower_ in FUTURE_MODALS), None)


def _local(token: Token, trigger: bool = False) -> Stance | None:
    """Negation, modality and conditions marked on ``token`` itself ("no" only on the trigger:
    "no endorsement" denies, "no regrets about recusing" does not)."""
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ in FALSITY_ADVERBS):
            return Stance("negative", child.text)
        if trigger and child.dep_ == "det" and child.lower_ == "no":
            return Stance("negative", child.text)
        if trigger and child.dep_ == "amod" and child.lower_ in HYPOTHETICAL_ADJECTIVES:
            return Stance("hypothetical", child.text)  # "a potential runoff between X and Y"
    for child in token.children:
        if child.dep_ == "advmod" and child.lower_ in HEARSAY_ADVERBS:
            return Stance("reported", child.text)
        if child.dep_ == "prep" and child.lower_ == "according":
            source = next((p for to in child.children for p in to.children if p.dep_ == "pobj"), None)
            if source is not None and lemma_in(source, SOURCE_DOCUMENTS):
                continue  # "according to a statement": the source of a fact, not a claim
            return Stance("reported", "according to", source)
    for child in token.children:
        if child.tag_ == "MD" and child.lower_ in HYPOTHETICAL_MODALS:
            return Stance("hypothetical", child.text)
        if child.dep_ == "mark" and child.lower_ in CONDITIONAL_MARKS:
            return Stance("hypothetical", child.text)
    return None


def stance(trigger: Token, future_is_fact: bool = False) -> Stance:
    """The polarity of the clause ``trigger`` expresses.

    "will" makes it hypothetical ("X will endorse Y" is not yet a fact) unless it is an agent's
    announced decision about its own act ("Murphy announced that he will appoint Helmy": reported
    with the announcer as speaker, which the extractor accepts when it is the subject), or
    ``future_is_fact`` (a runoff that "will" be held is scheduled).
    """
    found = _local(trigger, trigger=True)
    if found:
        return found
    speaker: Token | None = None
    future = None if future_is_fact else _future(trigger)
    for token, parent in edges_up(trigger):
        dep = token.dep_
        if dep not in EMBEDDING_DEPS:
            break
        lemma = lemma_in(parent, GOVERNING_VERBS) or parent.lemma_.lower()
        complement = dep in ("xcomp", "ccomp", "pcomp") or (dep == "pobj" and parent.dep_ == "prep")
        if dep == "relcl" or dep == "appos":
            break
        if dep in ("nsubj", "nsubjpass") and token.i == trigger.i and token.pos_ in ("NOUN", "PROPN") \
                and parent.lemma_.lower() not in EVENT_VERBS:
            break  # "Ruiz's recusal could delay the case": the main clause's mood is not the recusal's
        if dep in ("acl", "ccomp") and parent.pos_ == "NOUN" and lemma_in(parent, REPORT_NOUNS) and parent.i < token.i:
            return Stance("reported", parent.text)  # "reports that X had fired Y"
        if dep in ("acl", "advcl") and parent.pos_ == "NOUN" and lemma in HYPOTHETICAL_VERBS and parent.i < token.i:
            return Stance("hypothetical", parent.text)  # "his pledge to appoint her", "calls for him to tap her"
        if dep == "advcl" and lemma in HYPOTHETICAL_VERBS and any(c.lower_ == "to" for c in token.children):
            return Stance("hypothetical", parent.text)  # "waiting for the moment to endorse him"
        if dep == "dobj" and token.i == trigger.i and lemma_in(parent, RETRACTING_VERBS):
            return Stance("negative", parent.text)  # "rescinded his endorsement of X"
        if complement or dep in ("prep", "advmod"):  # "stopped short of endorsing him"
            if lemma in ("have", "be") and any(c.lower_ == "yet" for c in parent.children):
                return Stance("negative", "yet")  # "has yet to endorse"
            if lemma in NEGATING_VERBS:
                negated = _local(parent)  # "would not rule out backing him"
                if negated is not None:
                    return Stance("hypothetical", f"{negated.cue} {parent.text}")
                return Stance("negative", parent.text)
            if lemma in HYPOTHETICAL_VERBS and parent.pos_ != "ADP":  # "about to", not "a decision about"
                return Stance("hypothetical", parent.text)
            if token.lower_ == "against" and parent.pos_ == "VERB":
                return Stance("hypothetical", f"{parent.text} against")  # "warned against endorsing"
            if lemma in ATTRIBUTION_VERBS and dep == "ccomp" and parent.pos_ in ("VERB", "AUX"):
                source = next((c for c in parent.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if source is not None and any(c.lower_ in FALSE_SOURCES for c in source.children):
                    return Stance("negative", f"{source.text} {parent.text}")  # "false reports said"
                if future is not None:
                    return Stance("reported", f"{parent.text} ... {future}", source)
                speaker = speaker or source
            elif lemma in BELIEF_VERBS or (lemma in SPEECH_VERBS and dep == "ccomp"):
                subject = next((c for c in parent.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                return Stance("reported", parent.text, subject)
            if parent.lower_ == "without":
                return Stance("negative", parent.text)
        if dep == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
            break  # a conjoined clause with its own subject stands alone
        found = _local(parent)
        if future is None and not future_is_fact and dep in ("xcomp", "conj"):
            future = _future(parent)  # "will seek to appoint", "will meet and endorse"
        if found and (complement or dep in ("conj", "prep", "pobj", "dobj", "attr", "oprd", "nsubj", "nsubjpass", "compound", "amod")):
            return found
        if dep == "advcl":
            break
    if trigger.sent.text.rstrip().rstrip("”\"' ").endswith("?"):
        return Stance("hypothetical", "?")
    if future is not None:
        return Stance("hypothetical", future)
    return Stance("positive", speaker=speaker)
