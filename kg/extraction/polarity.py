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
from kg.extraction.syntax import clause_subjects, edges_up
from kg.ontology import Ontology, default_ontology

ENDED_TIMES = {"now", "recently", "today", "yesterday"}  # "until now": a state that has just ended
EMBEDDING_DEPS = {"advmod", "xcomp", "ccomp", "pcomp", "advcl", "acl", "relcl", "conj", "pobj", "prep", "dobj", "attr", "oprd", "nsubj", "nsubjpass", "appos", "compound", "amod"}


@dataclass(frozen=True)
class Stance:
    polarity: str  # positive | negative | hypothetical | reported
    cue: str | None = None
    speaker: Token | None = None  # subject of the verb of saying or believing


def _future(token: Token, o: Ontology) -> str | None:
    """"will" / "shall" on ``token``."""
    return next((c.text for c in token.children if c.tag_ == "MD" and c.lower_ in o.cue("futureModals")), None)


def _backshifted(token: Token, modal: Token, o: Ontology) -> bool:
    """"Ruiz announced that she would back Okoro": the "will" of an announcement told in the past."""
    head = token.head
    return (modal.lower_ == "would" and token.dep_ == "ccomp" and head.tag_ == "VBD"
            and lemma_in(head, o.cue("announcingVerbs")) is not None
            and not any(c.dep_ in ("mark", "advcl") and any(m.lower_ in o.cue("conditionalMarks") for m in c.subtree)
                        for c in token.children))


def _local(token: Token, o: Ontology, trigger: bool = False, scheduled: bool = False) -> Stance | None:
    """Negation, modality and conditions marked on ``token`` itself ("no" only on the trigger:
    "no endorsement" denies, "no regrets about recusing" does not; for a ``scheduled`` relation
    an obligation is set: "must face Y in the runoff")."""
    for child in token.children:
        if child.dep_ == "neg" or child.lower_ in o.cue("negations") or (
                child.dep_ == "advmod" and child.lower_ in o.cue("falsityAdverbs")):
            return Stance("negative", child.text)  # "not" whatever the parser makes of it ("Didn’t Recuse")
        if child.dep_ == "advmod" and child.lower_ == "longer" and any(c.lower_ == "no" for c in child.children):
            return Stance("negative", "no longer")  # "is no longer recused from the case"
        if child.lower_ == "until" and child.i + 1 < len(token.doc) and token.doc[child.i + 1].lower_ in ENDED_TIMES:
            return Stance("negative", f"until {token.doc[child.i + 1].text}")  # "who until now recused himself"
        if trigger and child.dep_ == "det" and child.lower_ == "no":
            return Stance("negative", child.text)
        if trigger and child.dep_ == "amod" and child.lower_ in o.cue("hypotheticalAdjectives"):
            return Stance("hypothetical", child.text)  # "a potential runoff between X and Y"
        if trigger and child.dep_ == "advmod" and child.lower_ in o.cue("habitualAdverbs"):
            return Stance("hypothetical", child.text)  # "a union that traditionally backs Democrats": a habit, no act
    for child in token.children:
        if child.dep_ == "advmod" and child.lower_ in o.cue("hearsayAdverbs"):
            return Stance("reported", child.text)
        if child.dep_ == "advmod" and child.lower_ in o.cue("hedgeAdverbs"):
            return Stance("hypothetical", child.text)  # "will probably face Y"
        if child.dep_ == "prep" and child.lower_ == "according":
            source = next((p for to in child.children for p in to.children if p.dep_ == "pobj"), None)
            if source is not None and lemma_in(source, o.cue("sourceDocuments")):
                continue  # "according to a statement": the source of a fact, not a claim
            if scheduled and child.i > token.i:
                continue  # "X and Y head to a runoff, according to the AP": a count's outcome, told as news
            return Stance("reported", "according to", source)
    for child in token.children:
        if child.tag_ == "MD" and child.lower_ in o.cue("hypotheticalModals") and not (
                scheduled and child.lower_ in o.cue("obligationModals")) and not (trigger and _backshifted(token, child, o)):
            return Stance("hypothetical", child.text)
        if child.dep_ == "mark" and child.lower_ in o.cue("conditionalMarks"):
            return Stance("hypothetical", child.text)
    return None


def stance(trigger: Token, future_is_fact: bool = False, ontology: Ontology | None = None) -> Stance:
    """The polarity of the clause ``trigger`` expresses.

    "will" makes it hypothetical ("X will endorse Y" is not yet a fact) unless it is an agent's
    announced decision about its own act ("the governor announced that he will appoint Reyes": reported
    with the announcer as speaker, which the extractor accepts when it is the subject), or
    ``future_is_fact`` (a runoff that "will" be held is scheduled). The cue words are the
    ontology's (``kg:CueSet``).
    """
    o = ontology or default_ontology()
    governing = o.cue("negatingVerbs") | o.cue("hypotheticalVerbs") | o.cue("beliefVerbs") | o.cue("speechVerbs")
    found = _local(trigger, o, trigger=True, scheduled=future_is_fact)
    if found:
        return found
    speaker: Token | None = None
    future = None if future_is_fact else _future(trigger, o)
    if future is None and not future_is_fact and any(c.tag_ == "MD" and _backshifted(trigger, c, o) for c in trigger.children):
        future = "would"  # reported with its announcer, as "will" is
    for token, parent in edges_up(trigger):
        dep = token.dep_
        if dep not in EMBEDDING_DEPS:
            break
        lemma = lemma_in(parent, governing) or parent.lemma_.lower()
        complement = dep in ("xcomp", "ccomp", "pcomp") or (dep == "pobj" and parent.dep_ == "prep") or (
            dep == "advcl" and token.tag_ == "VBG" and token.i > parent.i and token.doc[token.i - 1].text != ","
            and lemma in o.cue("negatingVerbs") | o.cue("hypotheticalVerbs"))  # "has not ruled out endorsing", not "stopped, endorsing"
        if dep == "relcl" and lemma_in(parent, o.cue("reportNouns")) and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in token.children):
            return Stance("reported", parent.text)  # "reports that X had recused himself", parsed as a relative clause
        if dep == "relcl" and parent.pos_ == "NOUN" and lemma in o.cue("hypotheticalVerbs") and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in token.children):
            return Stance("hypothetical", parent.text)  # "demands that he recuse himself", parsed as a relative clause
        if dep == "relcl" and any(c.dep_ == "det" and c.lower_ == "no" for c in parent.children) \
                and parent.lemma_.lower() not in o.cue("emphaticNouns"):
            return Stance("negative", f"no {parent.text}")  # "there is no way I will endorse him"
        if dep == "relcl" or dep == "appos":
            break
        if dep == "nsubjpass" and token.i == trigger.i and lemma_in(parent, o.cue("retractingVerbs")):
            return Stance("negative", parent.text)  # "her endorsement of X was rescinded"
        if dep == "nsubj" and token.i == trigger.i and token.pos_ == "NOUN" and any(
                c.dep_ in ("acomp", "oprd", "attr") and c.lower_ in o.cue("hypotheticalAdjectives") for c in parent.children):
            return Stance("hypothetical", parent.text)  # "a runoff between X and Y looks likely", "is possible"
        if dep in ("nsubj", "nsubjpass") and token.i == trigger.i and token.pos_ in ("NOUN", "PROPN") \
                and parent.lemma_.lower() not in o.cue("eventVerbs"):
            break  # "Ruiz's recusal could delay the case": the main clause's mood is not the recusal's
        if dep in ("acl", "ccomp") and parent.pos_ == "NOUN" and lemma_in(parent, o.cue("reportNouns")) and parent.i < token.i:
            return Stance("reported", parent.text)  # "reports that X had fired Y"
        if dep in ("acl", "advcl") and parent.pos_ == "NOUN" and lemma in o.cue("hypotheticalVerbs") and parent.i < token.i:
            return Stance("hypothetical", parent.text)  # "his pledge to appoint her", "calls for him to tap her"
        if dep == "advcl" and lemma in o.cue("hypotheticalVerbs") and any(c.lower_ == "to" for c in token.children):
            return Stance("hypothetical", parent.text)  # "waiting for the moment to endorse him"
        if dep == "dobj" and token.i == trigger.i and lemma_in(parent, o.cue("retractingVerbs")):
            return Stance("negative", parent.text)  # "rescinded his endorsement of X"
        if dep == "dobj" and token.i == trigger.i and trigger.pos_ == "NOUN" and lemma in o.cue("hypotheticalVerbs") \
                and lemma not in o.cue("givingVerbs") and not (future_is_fact and lemma in o.cue("scheduleWords")):
            return Stance("hypothetical", parent.text)  # "requesting his recusal", "sought her endorsement"
        if dep == "xcomp" and lemma_in(parent, o.cue("hedgeVerbs")):
            return Stance("hypothetical", parent.text)  # "appeared to have endorsed him"
        if dep == "prep" and token.lower_ == "by" and parent.pos_ in ("VERB", "AUX"):
            found = _local(parent, o)  # "weighed in by endorsing him": the means of an act, not a plan
            if found:
                return found
            continue
        if complement or dep in ("prep", "advmod"):  # "stopped short of endorsing him"
            if lemma in ("have", "be") and any(c.lower_ == "yet" for c in parent.children):
                return Stance("negative", "yet")  # "has yet to endorse"
            if lemma in o.cue("negatingVerbs"):
                negated = _local(parent, o)  # "would not rule out backing him"
                if negated is not None:
                    return Stance("hypothetical", f"{negated.cue} {parent.text}")
                return Stance("negative", parent.text)
            if lemma in o.cue("hypotheticalVerbs") and parent.pos_ != "ADP":  # "about to", not "a decision about"
                if not (future_is_fact and lemma in o.cue("scheduleWords")):  # "are set to meet in a runoff"
                    return Stance("hypothetical", parent.text)
            if dep == "prep" and parent.pos_ == "NOUN" and lemma_in(parent, o.cue("intentionNouns")):
                if any(c.dep_ == "det" and c.lower_ == "no" for c in parent.children):
                    return Stance("negative", f"no {parent.text}")  # "has no intention of recusing himself"
                return Stance("hypothetical", parent.text)  # "his intention of stepping aside"
            if token.lower_ == "against" and parent.pos_ == "VERB":
                return Stance("hypothetical", f"{parent.text} against")  # "warned against endorsing"
            if lemma in o.cue("attributionVerbs") and dep == "ccomp" and parent.pos_ in ("VERB", "AUX"):
                source = next((c for c in parent.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if source is not None and any(c.lower_ in o.cue("falseSources") for c in source.children):
                    return Stance("negative", f"{source.text} {parent.text}")  # "false reports said"
                if future is not None:
                    return Stance("reported", f"{parent.text} ... {future}", source)
                speaker = speaker or source
            elif lemma in o.cue("beliefVerbs") or (lemma in o.cue("speechVerbs") and dep == "ccomp"):
                subject = next((c for c in parent.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subject is None and parent.dep_ == "advcl" and parent.lower_.endswith("ing"):
                    subject = next(iter(clause_subjects(parent.head)), None)  # "X conceded, writing that ..."
                return Stance("reported", parent.text, subject)
            if parent.lower_ == "without":
                return Stance("negative", parent.text)
        if dep == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
            break  # a conjoined clause with its own subject stands alone
        found = _local(parent, o)
        purpose = dep == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        if future is None and not future_is_fact and dep in ("xcomp", "conj"):
            future = _future(parent, o)  # "will seek to appoint", "will meet and endorse"
        if found and (complement or purpose or dep in ("conj", "prep", "pobj", "dobj", "attr", "oprd", "nsubj", "nsubjpass", "compound", "amod")):
            return found
        if dep == "advcl" and not purpose:
            break  # a purpose ("could travel to Ohio to endorse him") has its head's mood: go on up
    if trigger.sent.text.rstrip().rstrip("”\"' ").endswith("?"):
        return Stance("hypothetical", "?")
    if future is not None:
        return Stance("hypothetical", future)
    return Stance("positive", speaker=speaker)
