"""Named mentions and the document-level entities they belong to.

A news text names one person several ways ("President Trump", "Trump's", "Trump") and the small
spaCy model labels them inconsistently. We collect every named mention, strip titles and
possessives, cluster short forms onto the fullest name, and type each cluster by a vote in which
titles ("President", "Sen.", "coach") outweigh any one NER label.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg.extraction.evidence import (
    PLATFORMS,
    called_a_place,
    capitalised_by_position,
    located_in,
    organisation_slot,
    person_slot,
    place_slot,
    team_name,
)
from kg.extraction.structure import original_text, title_case, zones
from kg.names import PARTY_PLURALS, given_name, given_named, is_part_of, name_key, name_words, non_personal_word, personal_shape
from kg.ontology import default_ontology, honorifics, organization_words, position_words

NER_TYPES = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Place",
    "NORP": "Group",
}
_TRIM_WORDS = {"the", "a", "an", "'s", "’s", "'", "’", "vs", "vs.", "v."}
_TRAILING_POS = {"ADP", "DET", "CCONJ", "PART"}
_SHARES = {"percent", "%", "pct", "points"}
_NEVER_NAMES = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
}
_STATE_CODE = re.compile(r"^[DRI]\s*-\s*[A-Z][A-Za-z.]*$")  # "D-Ala.", "R-Texas": a party and a state
_FURNITURE = {"dateline", "byline", "credit"}
# Words that describe a person and are never part of their name ("Centrist Ana Ruiz").
DESCRIPTORS = frozenset({
    "centrist", "challenger", "speaker", "alderman", "alderwoman", "councilman", "councilwoman",
    "councilmember", "councillor", "councilor", "comedian", "communist", "progressive", "populist",
    "nationalist", "leftist", "moderate", "independent", "businessman", "businesswoman",
    "billionaire", "tycoon", "incumbent", "candidate", "nominee", "rival", "opponent", "activist",
    "pastor", "preacher", "evangelical", "far-right", "far-left", "right-wing", "left-wing",
    "ex-president", "ex-minister", "frontrunner", "front-runner", "veteran", "lawmaker",
    "assemblyman", "assemblywoman", "delegate", "supervisor", "magistrate", "chairperson",
    "atty", "attys", "sens", "reps", "govs", "lt", "deputy", "acting", "interim", "vice", "member",
    "ag", "clerk", "controller", "comptroller", "auditor", "whip", "father", "cardinal", "cornerback",
    "linebacker",
})


def descriptor_words() -> frozenset[str]:
    """Titles' companions and descriptors never part of a name (besides the ontology's titles)."""
    return DESCRIPTORS

_ACRONYM_SKIP = {"of", "and", "the", "for", "&", "de", "la", "del", "in", "on"}
# The last word of a newspaper's name ("the Valley Courier"); "... newspaper" says so too.
_NEWSPAPER_WORDS = {
    "tribune", "times", "post", "journal", "herald", "courier", "gazette", "chronicle", "globe",
    "examiner", "inquirer", "register", "observer", "telegraph", "guardian", "dispatch", "bulletin",
    "sentinel", "star-telegram", "enquirer", "advocate", "argus", "clarion", "courant",
    "ledger", "mercury", "statesman", "democrat-gazette",
}
_PRESS_NOUNS = {"newspaper", "paper", "daily", "tabloid", "weekly", "broadsheet"}
_PERSONAL_PRONOUNS = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
# Honorifics that say what a person was or stands for, and also qualify parties, offices and
# elections ("the Republican primary", "liberal Democrats", "the former Harris County Clerk").
_WEAK_TITLES = {"former", "late", "then", "incumbent", "republican", "democratic", "democrat", "gop", "conservative",
                "liberal", "labour", "socialist", "green"}
_TITLE_WEIGHT = 3.0
_MODIFIER_WEIGHT = 0.5


@dataclass
class Mention:
    """A named mention: the tokens of the name itself (titles stripped)."""

    start: int
    end: int
    name: str
    ner: str | None
    titled: bool = False
    short_for: str | None = None  # the key of the name it abbreviates: "(HDP)" after the party's name

    @property
    def key(self) -> str:
        return name_key(self.name)


@dataclass
class Cluster:
    """One entity within a document."""

    mentions: list[Mention] = field(default_factory=list)
    votes: Counter[str] = field(default_factory=Counter)
    evidence: float = 0.0  # the votes for a person that the words around the mentions give (:meth:`EntityIndex._type_by_evidence`)
    veto: str | None = None  # what the text says it is when it can be no person ("Democrats": a Group)
    _label: tuple[int, str] | None = field(default=None, repr=False, compare=False)  # (mentions, label)

    @property
    def label(self) -> str:
        """The fullest, then commonest name (mentions are only ever added: counted again when one is)."""
        if self._label is None or self._label[0] != len(self.mentions):
            counts = Counter(m.name for m in self.mentions)
            self._label = (len(self.mentions), max(counts, key=lambda n: (len(n.split()), counts[n], n)))
        return self._label[1]

    @property
    def type(self) -> str:
        votes = self.votes + Counter({"Person": self.evidence}) if self.evidence else self.votes
        if not votes:
            return "Thing"
        best = max(sorted(votes), key=lambda t: votes[t])
        if best == "Person" and _organization_name(self.label):
            return "Organization"  # "Labour Party", "Superior Court": never a person
        if best == "Person" and self.veto is not None:
            return self.veto
        return best

    @property
    def aliases(self) -> frozenset[str]:
        label = self.label
        return frozenset(m.name for m in self.mentions if m.name != label)


def _is_title(token: Token) -> bool:
    word = token.lower_.rstrip(".")
    plural = word.endswith("s") and word[:-1] in position_words()  # "named new Bishops"
    return word in honorifics() or word in position_words() or plural


def _is_descriptor(token: Token) -> bool:
    """A title or a descriptor ("Centrist", "Challenger", "Alderman") that never starts a name."""
    return _is_title(token) or token.lower_.rstrip(".") in DESCRIPTORS


def _organization_name(name: str) -> bool:
    """"the Labour Party", "Committee of Inquiry", "Committee for Civil Rights", "Christian Democrats"."""
    words = name.casefold().replace("’", "'").split()
    return bool(words) and (words[-1] in organization_words() or (len(words) > 2 and any(
        w in organization_words() for w in words[:-1]) and ("of" in words or "for" in words))
        or (len(words) > 1 and words[-1] in PARTY_PLURALS))


def _name_tokens(span: Span) -> tuple[int, int] | None:
    """Token range of the bare name in ``span``: no determiner, possessive or leading titles."""
    organization = _organization_bounds(span)
    if organization is not None:
        return organization
    start, end = span.start, span.end
    doc = span.doc
    end = next((k for k in range(start, end) if doc[k].text == ":"), end)  # "Ana Ruiz: Minister of Health"
    while start < end and (doc[start].lower_ in _TRIM_WORDS or _is_title(doc[start]) or doc[start].tag_ in ("VBG", "VBD")):
        start += 1
    while end > start and (doc[end - 1].lower_ in _TRIM_WORDS or doc[end - 1].is_punct or doc[end - 1].is_space
                           or doc[end - 1].pos_ in _TRAILING_POS):
        end -= 1
    if end - start > 2 and doc[end - 1].lower_ in _SHARES and doc[end - 2].pos_ == "NUM":
        end -= 2  # "beating Baig 61.3 percent to 38.7": the name, not its share of the vote
    while start < end and doc[start].pos_ in ("CCONJ", "ADP"):
        start += 1
    if start >= end or not any(t.is_alpha and t.text[:1].isupper() for t in doc[start:end]):
        return None
    start, end = _without_owner(doc, start, end)
    return _without_descriptors(doc, start, end)


def _without_owner(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The person's name in a span the model ran over a possessive or an office: "Baylor's| Ana
    Ruiz" (the coach's team first), "Ana Ruiz|'s HDZ" and "Mr. Ruiz|'s HDZ" (the leader's party
    after), "Minister of Finance| Ana Ruiz" (what the office is of)."""
    for k in range(start + 1, end - 1):
        if doc[k].lower_ in ("'s", "’s"):
            before, after = [t.text for t in doc[start:k]], [t.text for t in doc[k + 1 : end]]
            if given_named(after):
                return k + 1, end
            if given_named(before) or (k == start + 1 and start > 0 and doc[start - 1].lower_.rstrip(".") in honorifics()):
                return start, k
    if (end - start > 2 and start >= 2 and doc[start - 1].lower_ == "of" and _is_title(doc[start - 2])
            and given_named([t.text for t in doc[start + 1 : end]])):
        return start + 1, end
    return start, end


def _organization_bounds(span: Span) -> tuple[int, int] | None:
    """An organisation's name ends in an organisation word ("the Green Party", "the Labour party",
    "the pro-Kurdish Peoples' Democratic Party"): its words that look like titles ("Green",
    "Democratic", "Socialist") are part of it; determiners and a leading "pro-X" / "anti-X" are not."""
    doc = span.doc
    start, end = span.start, span.end
    while end > start and (doc[end - 1].lower_ in _TRIM_WORDS or doc[end - 1].is_punct):
        end -= 1
    if end - start < 2 or doc[end - 1].lemma_.lower() not in organization_words() and doc[end - 1].lower_ not in organization_words():
        return None
    while start < end and (doc[start].lower_ in _TRIM_WORDS or doc[start].is_punct or not doc[start].text[:1].isupper()
                           or doc[start].lower_ in _STANCE_PREFIXES):
        if doc[start].lower_ in _STANCE_PREFIXES and start + 2 < end and doc[start + 1].text == "-":
            start += 3  # "pro-Kurdish"
            continue
        start += 1
    if end - start < 2 or not any(t.text[:1].isupper() for t in doc[start:end]):
        return None
    words = doc[start:end]
    if all(_is_title(t) or t.lower_.rstrip(".") in DESCRIPTORS or t.lemma_.lower() in organization_words() for t in words) and not any(
            t.lower_ in honorifics() for t in words):
        return None  # "Supreme Court", "City Council Member": titles and organisation words only
    return start, end


_STANCE_PREFIXES = {"pro", "anti"}


def _without_descriptors(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Cut the titles and descriptors a name starts with: "Centrist Ana Ruiz", "44th Ward Alderman
    Ana Ruiz", "Rival Ana Ruiz" are Ana Ruiz; a name of descriptors alone ("Incumbent") is none."""
    if _organization_name(doc[start:end].text):
        return start, end
    if end - start > 1 and doc[start].lower_ in PARTY_PLURALS:
        start += 1  # "Democrats Ana Ruiz and Bo Lind": the party the people stand for
    if end - start == 1 and doc[start].tag_ in ("NNS", "NNPS") and doc[start].lower_.removesuffix("s") in position_words():
        return None  # "Senators Rand Paul and Ted Cruz": a plural title
    cut = max((k for k in range(start, end) if _is_descriptor(doc[k])), default=None)
    if cut is None:
        return start, end
    if cut == end - 1:
        last = doc[end - 1]
        if last.lower_.rstrip(".") in DESCRIPTORS or (last.tag_ in ("NNS", "NNPS") and last.lemma_.lower() in position_words()):
            return None  # "City Council Member", "Supreme Court Justices": a title, not a name
        return None if all(_is_descriptor(t) or not t.is_alpha for t in doc[start:end]) else (start, end)
    rest = cut + 1
    while rest < end and not (doc[rest].is_alpha and doc[rest].text[:1].isupper()):
        rest += 1
    return (rest, end) if rest < end else None


# Lower-case organisation words that complete a name before them: "the Labour party", "the HDZ party".
NAME_TAILS = {"party", "union", "caucus", "alliance", "coalition", "federation", "league"}
_LIST_WORDS = {",", "and", "&", "of", "for", "the"}


def _tail(doc: Doc, end: int) -> int:
    """``end``, or one past a lower-case organisation word that the name before it modifies."""
    if end < len(doc) and end > 0:
        word, last = doc[end], doc[end - 1]
        if word.lower_ in NAME_TAILS and word.pos_ == "NOUN" and last.head.i == word.i and last.dep_ in ("compound", "amod", "nmod"):
            return end + 1
    return end


def _without_tail(doc: Doc, start: int, end: int) -> str:
    """A name's text; a lower-case organisation word other than "party" names what it is, not
    who: "the Teamsters union" is the Teamsters, "the Labour party" the Labour party."""
    last = doc[end - 1]
    if end - start > 1 and last.lower_ in NAME_TAILS and last.lower_ != "party" and last.text.islower():
        return doc[start : end - 1].text
    return doc[start:end].text


def _listed_name_end(doc: Doc, start: int, end: int) -> int:
    """One past the last word of an organisation name that lists what it stands for, which NER
    cuts at the first comma: "the American Federation of State|, County, and Municipal Employees"."""
    head = next((t for t in doc[start:end] if t.lemma_.lower() in organization_words() and t.text[:1].isupper()
                 and any(p.lower_ == "of" and p.dep_ == "prep" for p in t.children)), None)
    if head is None:
        return end
    right = head.right_edge.i + 1
    if right <= end or right - end > 12:
        return end
    between = doc[end:right]
    if all(t.lower_ in _LIST_WORDS or (t.is_alpha and t.text[:1].isupper()) for t in between) and between[-1].is_alpha:
        return right
    return end


_CAMPUS_WORDS = frozenset({"university", "college"})
MAX_CAMPUS = 4  # words of a campus's place: "at Urbana-Champaign", "at Chapel Hill"


def _campus(doc: Doc, ent: Span, end: int) -> int:
    """One past a university's campus, which NER cuts at "at": "the University of Texas| at
    Austin", "the University of North Carolina| at Chapel Hill" (a capitalised place right after
    "at", hyphenated words whole)."""
    if (ent.label_ != "ORG" or end + 1 >= len(doc) or doc[end].lower_ != "at"
            or not any(t.lower_ in _CAMPUS_WORDS for t in doc[ent.start : end])):
        return end
    stop = end + 1
    while stop < min(len(doc), end + 1 + MAX_CAMPUS):
        token = doc[stop]
        if token.pos_ == "PROPN" and token.text[:1].isupper() and not _is_title(token):
            stop += 1
        elif token.text == "-" and not token.whitespace_ and stop + 1 < len(doc) and doc[stop + 1].text[:1].isupper():
            stop += 2
        else:
            break
    return stop if stop > end + 1 and doc[stop - 1].pos_ == "PROPN" else end


def _complete(ent: Span) -> Span:
    """Extend an NER span over the rest of a name it cut short: "Kim Ji|-woo", "Olaf| Richter",
    "Beatriz| Gomez", "Real| Sociedad", "the Labour| party", "the American Federation of State|,
    County, and Municipal Employees"."""
    doc = ent.doc
    end = _campus(doc, ent, _tail(doc, _listed_name_end(doc, ent.start, ent.end)))
    while end < len(doc):
        token = doc[end]
        if (token.text == "-" and not doc[end - 1].whitespace_ and not token.whitespace_ and end + 1 < len(doc)
                and doc[end + 1].is_alpha and doc[end + 1].pos_ == "PROPN"):
            end += 2
        elif token.pos_ == "PROPN" and token.text[:1].isupper() and not token.ent_type_ and not _is_title(token) and doc[end - 1].pos_ == "PROPN":
            end += 1
        else:
            break
    start = _owners_left(doc, _extend_left(doc, ent.start, end), end)
    return Span(doc, start, end, label=ent.label_) if (start, end) != (ent.start, ent.end) else ent


def _owners_left(doc: Doc, start: int, end: int) -> int:
    """Take in a plural possessive that begins an organisation's name: "the Workers'| Party of
    Verdania", "the Farmers'| Union"."""
    if start >= 2 and doc[start - 1].text in ("'", "’") and _organization_name(doc[start:end].text):
        owner = doc[start - 2]
        if owner.text[:1].isupper() and owner.lower_.endswith("s") and owner.pos_ in ("PROPN", "NOUN"):
            start -= 2
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper() and not doc[start - 1].ent_type_:
                start -= 1
    return start


def _extend_left(doc: Doc, start: int, end: int) -> int:
    """Take in capitalised words that modify the name from the left: "Beatriz| Gomez", "Real| Betis"."""
    while start > 0:
        token = doc[start - 1]
        if (token.pos_ in ("PROPN", "ADJ") and token.text[:1].isupper() and token.text[1:].islower()
                and not token.ent_type_ and not _is_title(token)
                and token.dep_ in ("compound", "amod") and start <= token.head.i < end):
            start -= 1
        else:
            return start
    return start


def _has_title(doc: Doc, start: int, end: int, appositive: bool = True) -> bool:
    """A title stands right before the name or modifies its head ("coach Tommy Tuberville"), or,
    when ``appositive``, stands in apposition to it ("the attorney general, Ana Ruiz")."""
    head = doc[end - 1]
    left = doc[start - 1] if start > 0 else None
    if left is not None and left.text == ")" and start >= 4 and doc[start - 3].text == "(":
        if _is_descriptor(doc[start - 4]):  # "Justice (retd) Ana Ruiz"
            return True
    if (left is not None and left.pos_ in ("PROPN", "NOUN", "ADJ") and (_is_descriptor(left) or left.lower_ in PARTY_PLURALS)
            and left.head.i in range(start, end)):
        return True
    if not appositive:
        return False
    if head.dep_ == "appos" and _is_title(head.head):
        return True
    return any(child.dep_ == "appos" and _is_title(child) for child in head.children)


def _weakly_titled(doc: Doc, start: int, end: int, label: str) -> bool:
    """Is the only title before the name one that also qualifies parties and offices ("the
    Republican Primary", "liberal Democrats") and the name one the model says is no person's and
    that is not shaped like one? Then the title says nothing."""
    left = doc[start - 1] if start > 0 else None
    return (label != "PERSON" and left is not None and left.lower_.rstrip(".") in _WEAK_TITLES
            and not personal_shape([t.text for t in doc[start:end]]))


def _joined_people(doc: Doc) -> list[Span]:
    """NER spans, with two person names that touch made one: the model cuts "Ana Maria| Ruiz"
    in two, while two people are never written side by side without a comma or "and"."""
    out: list[Span] = []
    for ent in doc.ents:
        before = out[-1] if out else None
        if (before is not None and before.label_ == ent.label_ == "PERSON" and before.end == ent.start
                and doc[ent.start].text[:1].isupper() and doc[before.end - 1].whitespace_ == " "
                and not doc[before.end - 1].is_space):  # one name per line of a list
            out[-1] = Span(doc, before.start, ent.end, label="PERSON")
        elif before is not None and (_surname_cut_off(before, ent) or _given_name_cut_off(before, ent)):
            out[-1] = Span(doc, before.start, ent.end, label="PERSON")
        else:
            out.append(ent)
    return out


def _given_name_cut_off(before: Span, ent: Span) -> bool:
    """"Rafiq| Omar Dastan": a person's name whose first word the model took for a group, a place or
    an organisation of its own, modifying the rest with nothing in between (not a party or a title:
    "Democrat Ana Ruiz")."""
    doc = before.doc
    first = doc[before.start]
    words = [t.text for t in doc[before.start : ent.end]]
    return (before.end == ent.start and len(before) == 1 and ent.label_ == "PERSON" and len(ent) >= 2
            and before.label_ in ("NORP", "ORG", "GPE") and first.pos_ == "PROPN" and first.whitespace_ == " "
            and first.dep_ == "compound" and first.head.i in range(ent.start, ent.end)
            and not _is_descriptor(first) and first.lower_ not in PARTY_PLURALS and personal_shape(words))


def _surname_cut_off(before: Span, ent: Span) -> bool:
    """"Bree Lomax| Washington": a person's name whose last word the model took for a place or an
    organisation of its own, the name before it modifying it with nothing in between."""
    doc = before.doc
    words = [t.text for t in doc[before.start : ent.end]]
    return (before.end == ent.start and len(ent) == 1 and len(before) >= 2 and before.label_ in ("PERSON", "ORG")
            and ent.label_ in ("GPE", "ORG", "PERSON") and doc[before.end - 1].whitespace_ == " " and doc[ent.start].pos_ == "PROPN"
            and doc[before.end - 1].dep_ == "compound" and doc[before.end - 1].head.i == ent.start
            and doc[ent.start].dep_ != "compound" and given_named(words[:2]) and personal_shape(words))


def find_mentions(doc: Doc) -> list[Mention]:
    """Named mentions from NER, plus capitalised proper-noun runs NER missed."""
    mentions: list[Mention] = []
    covered: set[int] = set()
    for ent in _joined_people(doc):
        if ent.start in covered:
            continue  # within the name before it, completed
        covered.update(range(ent.start, ent.end))
        if ent.label_ not in NER_TYPES:
            continue
        ent = _complete(ent)
        covered.update(range(ent.start, ent.end))
        bounds = _name_tokens(ent)
        if bounds is None:
            continue
        start, end = bounds
        label = ent.label_
        if label == "NORP" and start > ent.start and personal_shape([t.text for t in doc[start:end]]):
            label = None  # "Democrats Ana Ruiz and ...": the model's label was the party's
        # a place in apposition to a title is where the title holds ("the attorneys general of Ohio, Utah")
        titled = _has_title(doc, start, end, appositive=ent.label_ != "GPE") and not _weakly_titled(doc, start, end, ent.label_)
        mentions.append(Mention(start, end, _without_tail(doc, start, end), label, titled))
    i = 0
    while i < len(doc):
        token = doc[i]
        if i in covered or token.pos_ != "PROPN" or not token.text[:1].isupper():
            i += 1
            continue
        j = i
        while j < len(doc) and j not in covered and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper():
            j += 1
        j = _tail(doc, j) if j not in covered else j
        if _is_title(token) and _organization_bounds(doc[i:j]) is None:
            i += 1  # "Senator Ana Ruiz", but "Labour party"
            continue
        bounds = _name_tokens(doc[_extend_left(doc, i, j) : j])
        last = doc[j - 1]
        if _is_title(last) or (last.dep_ == "compound" and _is_title(last.head) and last.head.i >= j):
            bounds = None  # "Prime Minister", "Museum director": a title, not a name
        if bounds is not None:
            start, end = bounds
            mentions.append(Mention(start, end, _without_tail(doc, start, end), None, _has_title(doc, start, end)))
        i = j
    mentions.sort(key=lambda m: m.start)
    _bracketed_acronyms(doc, mentions)
    mentions = [m for m in mentions if not _title_acronym(doc, m)]
    mentions = _editorial_boards(doc, mentions)
    mentions = _case_names(doc, [m for m in mentions if not never_a_name(m.name)
                                 and not (capitalised_by_position(doc, m.start, m.end) and not given_name(m.name))])
    mentions = _structured(doc, mentions)
    _shared_surnames(doc, mentions)
    return mentions


def _bracketed_acronyms(doc: Doc, mentions: list[Mention]) -> None:
    """"the Peoples' Democratic Party (HDP)": a short capitalised name in brackets right after an
    organisation's name is that organisation's, whatever its letters."""
    for before, mention in zip(mentions, mentions[1:], strict=False):
        short = mention.name
        if (2 <= len(short) <= 8 and short.replace("-", "").isalpha() and short.isupper()
                and mention.start >= 1 and doc[mention.start - 1].text == "(" and before.end == mention.start - 1
                and mention.end < len(doc) and doc[mention.end].text == ")"
                and " " in before.name and before.ner not in ("PERSON", "GPE", "LOC")):
            mention.short_for = before.key


def _shared_surnames(doc: Doc, mentions: list[Mention]) -> None:
    """"Maren and Tomas Vogt": a given name alone, then "and" and a given name with a surname,
    shares the surname (Maren Vogt)."""
    for mention, other in zip(mentions, mentions[1:], strict=False):
        words = other.name.split()
        if (mention.end - mention.start == 1 and other.start == mention.end + 1 and doc[mention.end].lower_ == "and"
                and mention.ner in ("PERSON", None) and other.ner in ("PERSON", None) and len(words) == 2
                and given_name(mention.name) and personal_shape(words)):
            mention.name = f"{mention.name} {words[1]}"


def _title_acronym(doc: Doc, mention: Mention) -> bool:
    """"the Chief Justice of Ruritania (CJR) Ana Ruiz": capitals in brackets that abbreviate the
    title before them, which names no one."""
    short = mention.name
    if not (2 <= len(short) <= 8 and short.isalpha() and short.isupper() and mention.start >= 2
            and doc[mention.start - 1].text == "(" and mention.end < len(doc) and doc[mention.end].text == ")"):
        return False
    sentence = doc[mention.start].sent.start
    words = [t for t in doc[max(sentence, mention.start - 1 - 3 * len(short)) : mention.start - 1]
             if t.is_alpha and t.text[:1].isupper() and t.lower_ not in _ACRONYM_SKIP]
    words = words[-len(short):]
    return (len(words) == len(short) and "".join(t.text[0] for t in words).upper() == short
            and any(_is_descriptor(t) for t in words))


_EDITORIAL = ("editorial board", "editorial page", "editorial team", "editors")


def _editorial_boards(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A newspaper's editorial board speaks for the newspaper: "the Valley Courier Editorial
    Board" and "the Valley Courier's Editorial Board" name the Valley Courier."""
    out: list[Mention] = []
    for mention in mentions:
        key = mention.key
        tail = next((t for t in _EDITORIAL if key == t or key.endswith(" " + t)), None)
        if tail is None:
            out.append(mention)
            continue
        size = len(tail.split())
        if mention.end - mention.start > size:  # "Sun-Times Editorial Board"
            name = doc[mention.start : mention.end - size].text
            out.append(Mention(mention.start, mention.end, name, mention.ner, mention.titled))
            continue
        before = out[-1] if out else None
        owned = (before is not None and mention.start >= 1 and doc[mention.start - 1].lower_ in ("'s", "’s")
                 and before.end == mention.start - 1)
        if owned:  # "the Valley Courier's Editorial Board"
            out.append(Mention(mention.start, mention.end, before.name, before.ner, before.titled))
    return out


def _case_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """"Ortiz v. Delmar Holdings" is one matter, not a person and a company ("Ortiz vs. Lind" is
    a contest between two people)."""
    out: list[Mention] = []
    for mention in mentions:
        before = out[-1] if out else None
        if (before is not None and mention.start == before.end + 1 and before.ner != "CASE"
                and doc[before.end].text in ("v.", "v")):  # "vs." sets rivals against each other
            out[-1] = Mention(before.start, mention.end, doc[before.start:mention.end].text, "CASE")
        else:
            out.append(mention)
    return out


def never_a_name(name: str) -> bool:
    """Weekdays, months and party-state codes ("D-Ala.") are never entities."""
    words = name.casefold().rstrip(".").split()
    return not words or all(w.rstrip(".,") in _NEVER_NAMES for w in words) or bool(_STATE_CODE.match(name))


def _structured(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Mentions as the document's structure allows: none in a dateline, byline or photo credit;
    in a title-case headline ("Ruiz Wins Runoff"), whose capitals say nothing, only the names the
    text below it also uses ("Ruiz")."""
    furniture: set[int] = set()
    headline: set[int] = set()
    text = original_text(doc)
    for span in zones(doc):
        if span.label_ in _FURNITURE:
            furniture.update(range(span.start, span.end))
        elif span.label_ == "headline" and title_case(text[span.start_char:span.end_char]):
            headline.update(range(span.start, span.end))
    if not furniture and not headline:
        return mentions
    body = [m for m in mentions if not (set(range(m.start, m.end)) & (furniture | headline))]
    if not body:  # nothing but a headline: read it as text
        return [m for m in mentions if not (set(range(m.start, m.end)) & furniture)]
    known = {m.key for m in body}
    known |= {w for m in body if m.ner == "PERSON" or " " in m.name for w in m.key.split()}
    kept = list(body)
    for mention in mentions:
        if mention.start in headline:
            confirmed = _confirmed(doc, mention, known)
            if confirmed is not None:
                kept.append(confirmed)
    kept.sort(key=lambda m: m.start)
    return kept


def _confirmed(doc: Doc, mention: Mention, known: set[str]) -> Mention | None:
    """The longest run of ``mention``'s words that the body names ("Trump" of "Trump Sits")."""
    for size in range(mention.end - mention.start, 0, -1):
        for start in range(mention.start, mention.end - size + 1):
            name = doc[start : start + size].text
            if name.casefold() in known:
                return Mention(start, start + size, name, mention.ner if size == mention.end - mention.start else None,
                               mention.titled)
    return None


def _abbreviates(mention: Mention, cluster: Cluster) -> bool:
    """"NRSC" after "the National Republican Senatorial Committee": an acronym of the long form."""
    short = mention.name
    if not (3 <= len(short) <= 7 and short.isalpha() and short.isupper()):
        return False
    words = [w for w in cluster.label.replace("’", "'").split() if w.casefold() not in _ACRONYM_SKIP]
    return len(words) == len(short) and "".join(w[0] for w in words).upper() == short


def _acronym(name: str) -> str:
    """The initials :func:`_abbreviates` compares ("National Republican Senatorial Committee" -> "NRSC")."""
    return "".join(w[0] for w in name.replace("’", "'").split() if w.casefold() not in _ACRONYM_SKIP).upper()


def _fuller(mention: Mention, by_name: dict[str, Cluster], by_edge: dict[str, list[str]],
            by_acronym: dict[str, dict[int, Cluster]], personal: frozenset[str] = frozenset()) -> dict[int, Cluster]:
    """The clusters the short ``mention`` may join (:func:`_may_join`, :func:`_abbreviates`). Only
    names sharing its first or last word, or abbreviated by it, are tried, and two are enough to
    call it ambiguous: a look-up costs the same however many names the text has."""
    found: dict[int, Cluster] = {}
    words = name_words(mention.name) or [mention.key]
    for word in dict.fromkeys((words[0], words[-1])):
        for name in by_edge.get(word, ()):
            cluster = by_name[name]
            if _may_join(mention, name, cluster, mention.key in personal):
                found[id(cluster)] = cluster
                if len(found) > 1:
                    return found
    for key, cluster in by_acronym.get(mention.name, {}).items():
        if _abbreviates(mention, cluster):
            found[key] = cluster
            if len(found) > 1:
                return found
    return found


def newspaper_name(name: str) -> bool:
    """"the Valley Courier": a name whose last word names a newspaper."""
    words = name.split()
    return len(words) > 1 and words[-1].casefold() in _NEWSPAPER_WORDS


def _may_join(mention: Mention, name: str, cluster: Cluster, personal: bool = False) -> bool:
    """May the short ``mention`` join the fuller name ``name`` of ``cluster``? Always when that is a
    person's; a surname that is a person's ("Mr. Vogt", or tagged as a person here or, ``personal``,
    anywhere in the document) also joins a name the model mistyped ("Maren Vogt" tagged as an
    organisation), unless that names a place or an organisation."""
    if not is_part_of(mention.name, name):
        return False
    if cluster.type == "Person":
        return True
    if (" " in mention.key and (mention.ner == "PERSON" or mention.titled) and name_key(name).startswith(mention.key + " ")
            and personal_shape(cluster.label.split()) and all(m.ner not in ("GPE", "LOC") for m in cluster.mentions)):
        return True  # "Ana Maria" of "Ana Maria Ruiz", which the model tagged an organisation
    if newspaper_name(name) and name_key(name).endswith(" " + mention.key):
        return True  # "the Tribune" of "the Valley Tribune"
    if (mention.ner in (None, "ORG") and all(m.ner == mention.ner for m in cluster.mentions)
            and name_key(name).endswith(" " + mention.key) and personal_shape(cluster.label.split())
            and not _organization_name(name)):
        return True  # "Vanu" of "Ilsa Vanu", the model labelling both alike (an organisation, or nothing)
    if (mention.ner == "PERSON" and " " not in mention.key and name_key(name).startswith(mention.key + " ")
            and personal_shape(cluster.label.split()) and not _organization_name(name)
            and all(m.ner not in ("GPE", "LOC") for m in cluster.mentions)):
        return True  # "Yemi" of "Yemi Ashola", the full name the model tagged an organisation
    if (" " in mention.key and mention.ner in ("ORG", None) and personal_shape(cluster.label.split()) and not _organization_name(name)
            and name_key(name).endswith(" " + mention.key) and all(m.ner in ("PERSON", None) for m in cluster.mentions)):
        return True  # "Le Pen" (tagged an organisation) of "Marine Le Pen": a surname of two words
    return ((personal or mention.ner == "PERSON" or (mention.titled and mention.ner is None))
            and name_key(name).endswith(" " + mention.key)
            and not _organization_name(name) and all(m.ner not in ("GPE", "LOC") for m in cluster.mentions))


def _vote(cluster: Cluster, mention: Mention, doc: Doc) -> None:
    after = doc[mention.end] if mention.end < len(doc) else None
    if newspaper_name(mention.name) or (after is not None and after.lower_ in _PRESS_NOUNS and after.pos_ == "NOUN"):
        cluster.votes["Organization"] += _TITLE_WEIGHT  # "the Valley Courier (newspaper)"
        return
    if mention.ner == "CASE":
        cluster.votes["Matter"] += _TITLE_WEIGHT
        return
    if mention.titled:
        cluster.votes["Person"] += _TITLE_WEIGHT
    if mention.ner is None:
        if _organization_name(mention.name) and " " in mention.name:
            cluster.votes["Organization"] += 1.0  # "the Labour party", which NER missed
        return
    head = doc[mention.end - 1]
    modifier = head.dep_ in ("compound", "amod", "nmod") or (head.dep_ == "poss" and head.head.lemma_ in ("campaign", "team", "administration", "agenda"))
    short = len(mention.key.split()) < max(len(m.key.split()) for m in cluster.mentions)
    # a surname the model tags as a person is full evidence ("Varn said" after "Gala Varn" tagged
    # an organisation); a surname tagged otherwise, or a name used as a modifier, counts half
    personal = mention.ner == "PERSON" and not modifier
    if short and not personal and any(m.ner == mention.ner and len(m.key.split()) > len(mention.key.split())
                                      for m in cluster.mentions):
        return  # "Vanu" tagged as "Ilsa Vanu" was: the model's one reading of the name, not a new one
    cluster.votes[NER_TYPES[mention.ner]] += _MODIFIER_WEIGHT if (modifier or short) and not personal else 1.0


def _beside(doc: Doc, mention: Mention, people: set[int]) -> bool:
    """Is ``mention`` coordinated with a person's name ("Ana Ruiz and Brad Lind")?"""
    head = doc[mention.end - 1]
    partners = [c for c in head.children if c.dep_ == "conj"] + ([head.head] if head.dep_ == "conj" else [])
    return any(p.i in people and p.i not in range(mention.start, mention.end) for p in partners)


class EntityIndex:
    """Document entities and which tokens name them."""

    def __init__(self, doc: Doc, place_nouns: frozenset[str] | None = None) -> None:
        """``place_nouns``: the nouns a copula makes a name a place with (default: the ontology's
        ``kg:placeNouns``)."""
        self.doc = doc
        self.place_nouns = default_ontology().cue("placeNouns") if place_nouns is None else place_nouns
        self.clusters: list[Cluster] = []
        self.by_token: dict[int, Cluster] = {}
        self.ambiguous: set[int] = set()
        self._build(find_mentions(doc))

    def _build(self, mentions: list[Mention]) -> None:
        by_name: dict[str, Cluster] = {}
        by_edge: dict[str, list[str]] = {}  # a name's first and last word -> the names with it there
        by_acronym: dict[str, dict[int, Cluster]] = {}  # "NRSC" -> clusters with a name it abbreviates
        # one-word names some mention of which is a person's: the model's tags vary from mention to mention
        personal = frozenset(m.key for m in mentions if " " not in m.key and (m.ner == "PERSON" or (m.titled and m.ner is None)))
        for mention in sorted(mentions, key=lambda m: (-len(m.name.split()), m.short_for is None, m.start)):
            cluster = by_name.get(mention.short_for or mention.key) or by_name.get(mention.key)
            if cluster is None:
                fuller = _fuller(mention, by_name, by_edge, by_acronym, personal)
                if len(fuller) > 1:
                    self.ambiguous.update(range(mention.start, mention.end))
                    continue
                cluster = next(iter(fuller.values()), None)
            if cluster is None:
                cluster = Cluster()
                self.clusters.append(cluster)
            if mention.key not in by_name:
                by_name[mention.key] = cluster
                words = name_words(mention.name) or [mention.key]
                for word in {words[0], words[-1]}:
                    by_edge.setdefault(word, []).append(mention.key)
            by_acronym.setdefault(_acronym(mention.name), {})[id(cluster)] = cluster
            cluster.mentions.append(mention)
            _vote(cluster, mention, self.doc)
        self._add_unlabelled_repeats(by_name)
        self._type_by_evidence()
        self._join_surnames()
        self._type_by_pronouns(mentions)
        for cluster in self.clusters:
            cluster.mentions.sort(key=lambda m: m.start)
            for mention in cluster.mentions:
                for i in range(mention.start, mention.end):
                    self.by_token[i] = cluster

    def _type_by_evidence(self) -> None:
        """Type each name by what the text around its mentions says (:mod:`kg.extraction.evidence`),
        beyond the model's labels: a name only ever tagged a nationality or party ("Democrats") and
        a name used as a place ("the archbishop of Buenos Aires", "Kano, Nigeria") are never people,
        nor a one-word name used as a publication ("X reported"); a name shaped like a person's
        that the model tagged otherwise or not at all is a person when its first word is a given
        name ("Brad Lind"), when it fills a slot only a person fills ("X, who", "X will face Y",
        "X finished with 38%") or stands beside a person ("Ana Ruiz and Brad Lind"), unless the
        text uses it as an organisation ("the X", "at X"). Last, a name that one label of the
        model's types and a copula calls a place ("Elm Grove was the one ward she lost") is a place."""
        doc = self.doc
        for cluster in self.clusters:
            labels = {m.ner for m in cluster.mentions if m.ner}
            words = cluster.label.split()
            titled = any(m.titled and m.ner not in ("GPE", "LOC") for m in cluster.mentions)
            if labels and labels <= {"NORP"}:
                cluster.veto = "Group"
            elif not given_named(words) and not titled and len(words) <= 2 and any(
                    place_slot(doc, m.start, m.end) for m in cluster.mentions):
                cluster.veto = "Place"
            elif (len(cluster.mentions) == 1 and not titled and not given_name(cluster.label)
                  and located_in(doc, cluster.mentions[0].start, cluster.mentions[0].end)):
                cluster.veto = "Place"  # "the campaign's headquarters in X", named once
            elif any(w.endswith(("'s", "’s")) for w in words[:-1]):
                cluster.veto = "Organization"  # "Emily's List": what is someone's, no one
            elif cluster.label.casefold() in PLATFORMS or (not given_named(words) and any(
                    team_name(doc, m.start, m.end) for m in cluster.mentions)):
                cluster.veto = "Organization"  # "Twitter", "the Harbor City Falcons"
            elif non_personal_word(words) is not None:
                cluster.veto = non_personal_word(words)  # "Harris County Clerk", "Texas House", "Senate"
            elif (len(words) == 1 and not titled and "PERSON" in labels
                  and any(organisation_slot(doc, m.start, m.end) for m in cluster.mentions)):
                cluster.veto = "Organization"
        people = {i for c in self.clusters if c.type == "Person" and (given_named(c.label.split()) or c.votes["Person"] >= 2)
                  for m in c.mentions for i in range(m.start, m.end)}  # people by more than one label
        for cluster in self.clusters:
            words = cluster.label.split()
            if cluster.type == "Person" or cluster.veto is not None or not personal_shape(words):
                continue
            if newspaper_name(cluster.label) or any(organisation_slot(doc, m.start, m.end) or m.ner == "CASE"
                                                    for m in cluster.mentions):
                continue
            score = 1.05 if given_named(words) else 0.0  # outweighs one label of the model's
            if any(person_slot(doc, m.start, m.end) or _beside(doc, m, people) for m in cluster.mentions):
                score += 1.25
            if any(m.ner == "PERSON" and " " in m.name for m in cluster.mentions):
                score += 0.25  # a full name the model tags a person once breaks a tie with its other labels
            cluster.evidence = score
        for cluster in self.clusters:  # "Elm Grove was the one ward she lost": one weak label says nothing
            if (cluster.type != "Place" and self.weakly_typed(cluster)
                    and any(called_a_place(doc, m.start, m.end, self.place_nouns) for m in cluster.mentions)):
                cluster.votes["Place"] += 1.25

    def _join_surnames(self) -> None:
        """"Jagdish Mukhi was sworn in ... Mukhi is also the governor": a one-word name the model
        tagged an organisation (or nothing) joins the one person whose full name ends in it, when
        what the text says around that full name typed it a person (the model's tags vary from
        mention to mention); not a name used as a place or an organisation's."""
        owners: dict[str, list[Cluster]] = {}
        for cluster in self.clusters:
            words = cluster.label.split()
            if cluster.type == "Person" and len(words) > 1:
                owners.setdefault(name_key(words[-1]), []).append(cluster)
        for cluster in list(self.clusters):
            keys = {m.key for m in cluster.mentions}
            if cluster.type == "Person" or cluster.veto is not None or len(keys) != 1 or " " in next(iter(keys)):
                continue
            found = owners.get(next(iter(keys)), [])
            if (len(found) != 1 or found[0].evidence <= 0 or _organization_name(cluster.label)
                    or any(m.ner in ("GPE", "LOC", "NORP") for m in cluster.mentions)):
                continue
            found[0].mentions.extend(cluster.mentions)
            self.clusters.remove(cluster)

    def _type_by_pronouns(self, mentions: list[Mention]) -> None:
        """"Lula won the backing of his predecessor": a name the model left untyped (or typed once)
        is a person when a personal pronoun follows it with no other name in between, in its own
        sentence or the next."""
        owner = {id(m): c for c in self.clusters for m in c.mentions}
        named = sorted((m for m in mentions if id(m) in owner), key=lambda m: m.start)
        at = 0
        for token in self.doc:
            if token.lower_ not in _PERSONAL_PRONOUNS:
                continue
            while at < len(named) and named[at].end <= token.i:
                at += 1
            if at == 0:
                continue
            last = named[at - 1]
            cluster = owner[id(last)]
            first_sentence = self.doc[last.start].sent.start
            back = at - 2  # other names in the sentence of the last one, walking back
            while back >= 0 and named[back].start >= first_sentence and id(owner[id(named[back])]) == id(cluster):
                back -= 1
            alone = back < 0 or named[back].start < first_sentence
            near = token.sent.start <= last.start or self.doc[token.sent.start - 1].sent.start <= last.start
            if (near and alone and cluster.type != "Person" and self.weakly_typed(cluster)
                    and cluster.type != "Place" and not _organization_name(cluster.label)):
                cluster.votes["Person"] += 1.25

    def _add_unlabelled_repeats(self, by_name: dict[str, Cluster]) -> None:
        """Capitalised tokens equal to a known one-word name ("Trump" tagged as a verb)."""
        single = {k: c for k, c in by_name.items() if " " not in k}
        words: dict[str, set[int]] = {}
        for cluster in self.clusters:
            if cluster.type == "Person":
                for name in {m.name for m in cluster.mentions if " " in m.name}:
                    parts = name_words(name)
                    for word in {parts[0], parts[-1]}:
                        words.setdefault(word, set()).add(id(cluster))
        by_id = {id(c): c for c in self.clusters}
        for word, ids in words.items():  # "Delaney" for "Frank Delaney", when only one person has it
            if len(ids) == 1 and word not in single:
                single[word] = by_id[next(iter(ids))]
        taken = {i for c in self.clusters for m in c.mentions for i in range(m.start, m.end)}
        for token in self.doc:
            if token.i in taken or not token.text[:1].isupper() or token.i in self.ambiguous:
                continue
            cluster = single.get(name_key(token.text))
            if cluster is not None:
                cluster.mentions.append(Mention(token.i, token.i + 1, token.text, None))

    def add_bare_name(self, token: Token, type_: str | None) -> Cluster:
        """An entity for a capitalised noun the model did not see as a name ("Lula faces ...")."""
        start = min([token.i] + [c.i for c in token.lefts if c.dep_ == "compound" and c.text[:1].isupper()])
        while start < token.i and _is_descriptor(self.doc[start]):  # "Mayor Ilse Kron" is Ilse Kron
            start += 1
        cluster = Cluster(votes=Counter({type_: 1.0}) if type_ else Counter())
        cluster.mentions.append(Mention(start, token.i + 1, self.doc[start : token.i + 1].text, None))
        self.clusters.append(cluster)
        for i in range(start, token.i + 1):
            self.by_token[i] = cluster
        return cluster

    def weakly_typed(self, cluster: Cluster) -> bool:
        """Typed by a single NER label and nothing else: slot evidence may retype it."""
        return sum(cluster.votes.values()) <= 1.0

    def entity_at(self, token: Token) -> Cluster | None:
        return self.by_token.get(token.i)
