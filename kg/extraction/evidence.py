"""What the words around a name say it names, whatever the model's label.

The small spaCy model tags full personal names as organisations or places in slots it has not
learnt ("In District 8, Ana Ruiz will contest against Brad Lind after ..."), and common words,
places and publications as people. Each test here reads one kind of evidence from the text: the
shape of a personal name (:func:`~kg.names.personal_shape`), a slot only a person fills
(:func:`person_slot`), what marks a place or an organisation (:func:`place_slot`,
:func:`called_a_place`, :func:`organisation_slot`), and a common word capitalised by its position
(:func:`capitalised_by_position`). :class:`~kg.extraction.entities.EntityIndex` weighs them.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.names import personal_shape
from kg.ontology import position_words


def _lemma(token: Token) -> str:
    return (token.lemma_ or token.lower_).lower()

# Nouns whose apposition or compound names a person: "candidates Ana Ruiz and ...".
PERSON_NOUNS = frozenset({
    "candidate", "candidates", "nominee", "nominees", "challenger", "challengers", "incumbent", "rival",
    "rivals", "opponent", "contender", "contenders", "frontrunner", "front-runner", "runner-up",
    "councilmember", "councilman", "councilwoman", "alderman", "alderwoman", "lawmaker", "politician",
})
# Verbs of a race whose subject or object is a candidate: "Ruiz will face Lind", "... contest against".
_RACE_VERBS = frozenset({"face", "contest", "battle", "challenge", "unseat", "edge", "trail", "defeat", "beat", "oust"})
# Verbs that give a candidate a share of the vote: "Ruiz finished with 38%", "received 27%".
_SHARE_VERBS = frozenset({"finish", "receive", "take", "win", "garner", "get", "earn", "lead", "land", "place",
                          "poll", "secure", "capture", "collect", "come", "end", "score", "have"})
# Posts only a person holds, unlike "leader", "owner" or "host", which a company or a country may be.
_COMPANY_ROLES = frozenset({"leader", "head", "owner", "chief", "executive", "host", "player", "author", "architect",
                            "founder", "defender", "manager", "representative", "producer", "principal", "anchor",
                            "general", "director", "chair", "engineer", "analyst", "researcher", "scientist"})
_AT_ORGANISATION = frozenset({"at", "by"})
_PUBLISHING = frozenset({"report", "publish", "broadcast", "air"})
# What one does on a platform ("posted on X", "followers on X"): X is a medium, no person.
_ON_A_PLATFORM = frozenset({"post", "write", "say", "announce", "share", "tweet", "publish", "comment", "respond",
                            "reply", "stream", "video", "followers", "follower", "account", "statement", "message",
                            "page", "livestream", "broadcast"})
# Social platforms, which the model often tags as people: media, never persons.
PLATFORMS = frozenset({"twitter", "facebook", "instagram", "tiktok", "youtube", "telegram", "whatsapp", "threads",
                       "truth social", "snapchat", "linkedin", "reddit", "bluesky", "weibo", "wechat", "substack"})
# Tags of words the model reads as common words whatever their capital: "Exit polls", "Calm and wise".
_COMMON_TAGS = frozenset({"NN", "NNS", "JJ", "JJR", "JJS", "RB", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "UH"})


def person_slot(doc: Doc, start: int, end: int) -> bool:
    """Does the name ``doc[start:end]`` fill a slot only a person fills? "X, who ...", "X, 45,",
    "X will face Y", "X will contest against Y", "X finished with 38%", "backing X for mayor",
    "candidates X and Y", "X was sworn in", "X is the governor of Y"."""
    after = doc[end] if end < len(doc) else None
    then = doc[end + 1] if end + 1 < len(doc) else None
    if after is not None and after.text == "," and then is not None:
        if then.lower_ in ("who", "whose"):
            return True
        if (then.text.isdigit() and 18 <= int(then.text) <= 110 and end + 2 < len(doc)
                and doc[end + 2].text in (",", ";")):
            return True  # "Ana Ruiz, 45, ..."
    if after is not None and after.lower_ == "for" and then is not None and _lemma(then) in position_words():
        return True  # "backing X for mayor"
    head = doc[end - 1]
    for _ in range(3):  # "X and Y will face ...": through a conjunction to the verb
        if head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
        else:
            break
    if head.dep_ == "appos" and head.head.lower_ in PERSON_NOUNS:
        return True
    if start > 0 and doc[start - 1].lower_ in PERSON_NOUNS and doc[start - 1].head.i in range(start, end):
        return True  # "challenger Ana Ruiz"
    verb = head.head
    if head.dep_ in ("nsubj", "nsubjpass", "dobj") and _holds_office(verb):
        return True  # "X is the governor of Y", "X was sworn in as governor", "named X as envoy"
    if head.dep_ == "pobj" and verb.lower_ in ("against", "with") and _lemma(verb.head) in _RACE_VERBS:
        return True  # "... contest against Brad Lind"
    if head.dep_ not in ("nsubj", "dobj", "nsubjpass") or verb.i == head.i:
        return False
    lemma = _lemma(verb)
    if head.dep_ in ("nsubj", "nsubjpass") and (lemma == "swear" or lemma == "be" and any(
            _lemma(c) == "swear" and c.tag_ == "VBN" for c in verb.children)):
        return True  # "X was sworn in as governor", "X was on Saturday sworn-in" (parsed as "was" with a clause)
    if head.dep_ == "nsubj" and lemma == "be" and any(
            a.dep_ == "attr" and _lemma(a) in position_words() and any(p.dep_ == "det" for p in a.children)
            and any(p.dep_ == "prep" and p.lower_ == "of" for p in a.children) for a in verb.children):
        return True  # "X is also the governor of Assam"
    if lemma in _RACE_VERBS:
        return True
    if head.dep_ == "nsubj" and lemma in _SHARE_VERBS:
        right = doc[verb.i + 1 : min(len(doc), verb.i + 8, verb.sent.end)]
        return any(t.text == "%" or t.lower_ in ("percent", "per") for t in right)  # "... finished with 38%"
    return False


def _office(noun: Token) -> bool:
    """A post only a person holds: "governor", "attorney general", "Ambassador"."""
    words = position_words()
    if _lemma(noun) in words and _lemma(noun) not in _COMPANY_ROLES:
        return True
    return _lemma(noun) in words and any(c.dep_ == "compound" and _lemma(c) in words and _lemma(c) not in _COMPANY_ROLES
                                         for c in noun.children)  # "attorney general"


def _holds_office(verb: Token) -> bool:
    """Does ``verb`` give its subject or object an office: a copula with one as its attribute ("is
    the governor"), or "as" one ("sworn in as governor", "named ... as envoy"), itself or by the verb
    it governs ("was on Monday sworn-in as governor")?"""
    verbs = [verb] + [c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.pos_ in ("VERB", "AUX")]
    for child in (c for v in verbs for c in v.children):
        if child.dep_ == "attr" and _lemma(child.head) == "be" and _office(child):
            return True
        if child.dep_ == "prep" and child.lower_ == "as" and any(
                g.dep_ == "pobj" and _office(g) for g in child.children):
            return True
    return False


def place_slot(doc: Doc, start: int, end: int) -> bool:
    """Does the text use ``doc[start:end]`` as a place? "Kano, Nigeria" (a place then its state or
    country), "the archbishop of Buenos Aires" (what a post is of)."""
    after = doc[end] if end < len(doc) else None
    if after is not None and after.text == "," and end + 1 < len(doc) and doc[end + 1].ent_type_ == "GPE":
        if doc[start].ent_type_ in ("GPE", "LOC", "") and doc[end + 1].ent_iob_ == "B":
            return True
    head = doc[end - 1]
    prep = head.head
    return (head.dep_ == "pobj" and prep.lower_ == "of" and prep.head.i != prep.i
            and _lemma(prep.head) in position_words())


def called_a_place(doc: Doc, start: int, end: int, place_nouns: frozenset[str]) -> bool:
    """Does a copula call ``doc[start:end]`` a place ("Elm Grove was the one ward she lost", a noun
    of ``place_nouns``, the ontology's ``kg:placeNouns``)?"""
    head = doc[end - 1]
    be = head.head
    return (head.dep_ == "nsubj" and head.pos_ == "PROPN" and be.i != head.i and be.lemma_ == "be"
            and be.pos_ in ("AUX", "VERB")
            and any(a.dep_ == "attr" and a.lemma_.lower() in place_nouns and a.pos_ == "NOUN" for a in be.children))


# Words after which "in X" may be a person: "faith in X", "a stake in X".
_IN_SOMEONE = frozenset({"faith", "trust", "confidence", "interest", "belief", "stake", "share", "role", "part", "put",
                         "believe", "invest", "hope"})


def located_in(doc: Doc, start: int, end: int) -> bool:
    """A one-word name after "in", "across" or "throughout" that places something ("headquarters
    in X", "campaigned across X"; not "faith in X")."""
    head = doc[end - 1]
    prep = head.head
    return (end - start == 1 and head.dep_ == "pobj" and prep.lower_ in ("in", "across", "throughout")
            and prep.head.i != prep.i and prep.head.pos_ in ("NOUN", "VERB") and _lemma(prep.head) not in _IN_SOMEONE)


def organisation_slot(doc: Doc, start: int, end: int) -> bool:
    """Does the text use ``doc[start:end]`` as an organisation or a publication? "the X" (a
    determiner before a name a person's never takes), "at X", "X reported", "according to X"."""
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.lower_ == "the" and before.head.i in range(start, end):
        return True
    head = doc[end - 1]
    if head.dep_ == "pobj" and head.head.lower_ in _AT_ORGANISATION and head.head.head.pos_ != "VERB":
        return True  # "a vice chairman at X"
    if head.dep_ == "nsubj" and _lemma(head.head) in _PUBLISHING:
        return True
    if head.dep_ == "nsubj" and _lemma(head.head) == "break" and any(
            c.lower_ == "news" for c in head.head.children):
        return True  # "X broke the news"
    if (head.dep_ == "pobj" and head.head.lower_ in ("on", "via") and end - start == 1
            and _lemma(head.head.head) in _ON_A_PLATFORM):
        return True  # "wrote on X", "followers on X"
    return (start >= 2 and doc[start - 1].lower_ == "to" and doc[start - 2].lower_ == "according"
            and not personal_shape([t.text for t in doc[start:end]]))


def team_name(doc: Doc, start: int, end: int) -> bool:
    """A name of several words ending in a plural ("the Harbor City Falcons"): a team's or a
    group's, not a person's ("Williams" is tagged singular)."""
    last = doc[end - 1]
    return end - start > 1 and last.tag_ == "NNPS" and last.lower_.endswith("s") and not last.lower_.endswith("ss")


def capitalised_by_position(doc: Doc, start: int, end: int) -> bool:
    """A one-word "name" the model tags as a common word, capitalised only because it begins a
    sentence, a heading or a quotation, that modifies or is coordinated with a lower-case word
    ("Exit polls showed", "'Calm and wise'"; not "Lumbaro has won")."""
    token = doc[start]
    if end - start != 1 or token.tag_ not in _COMMON_TAGS:
        return False
    before = doc[start - 1] if start > 0 else None
    if not (token.is_sent_start or before is None or before.is_punct or before.is_space):
        return False
    modifies = token.dep_ in ("compound", "amod") and token.head.i != token.i and token.head.text.islower()
    return modifies or any(c.dep_ == "conj" and c.text.islower() for c in token.children)
