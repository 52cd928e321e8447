"""The gender a text gives a person, from evidence in the text itself.

kg knows no name's gender; a reader learns it from the text: a title before the name ("Mr. Ortiz",
"Congresswoman Lind", "Madam Speaker"), a noun in apposition or after a copula ("Ortiz, a
businessman", "Lind is the mother of three"), an owner of a spouse ("Ortiz's wife") and the
pronouns that can stand for nobody else ("Lind said she would run": a sentence that names one
person, or the next sentence before it names anyone). Titles weigh 3, nouns 2, pronouns 1; a tie
says nothing. A gendered pronoun then stands only for a person of its gender or of none known
(see :mod:`kg.extraction.coref`).
"""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc, Span, Token

from kg.extraction.entities import Cluster, EntityIndex
from kg.extraction.quotes import Quotes
from kg.extraction.syntax import SUBJECT_DEPS

MASCULINE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMININE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
TITLE_WEIGHT, NOUN_WEIGHT, PRONOUN_WEIGHT = 3.0, 2.0, 1.0
_SPOUSES = {"wife": "m", "husband": "f"}  # "Ortiz's wife": Ortiz is a man (as a rule)
_TITLE_REACH = 3  # tokens before a name a title may stand ("Mrs. Ana Lind", "Congresswoman Ana Lind")


def pronoun_gender(token: Token) -> str | None:
    """"m" for he/him/his/himself, "f" for she/her/hers/herself, else ``None``."""
    lower = token.lower_
    return "m" if lower in MASCULINE_PRONOUNS else "f" if lower in FEMININE_PRONOUNS else None


def genders(doc: Doc, entities: EntityIndex, quotes: Quotes, sents: list[Span],
            words: tuple[frozenset[str], frozenset[str]]) -> dict[int, str]:
    """``id(cluster)`` -> "m" or "f" for every person the text genders (see the module's doc).
    ``words``: the masculine and feminine titles and nouns (kg:masculineWords, kg:feminineWords)."""
    masculine, feminine = words

    def word_gender(token: Token) -> str | None:
        lower = token.lower_
        return "m" if lower in masculine else "f" if lower in feminine else None

    votes: dict[int, dict[str, float]] = defaultdict(lambda: {"m": 0.0, "f": 0.0})
    clusters: dict[int, Cluster] = {}
    for cluster in entities.clusters:
        if cluster.type not in ("Person", "Thing", "Organization") or not cluster.mentions:
            continue
        clusters[id(cluster)] = cluster
        for mention in cluster.mentions:
            for back in range(1, _TITLE_REACH + 1):  # "Mr. Ortiz", "Congresswoman Ana Lind"
                i = mention.start - back
                if i < 0 or doc[i].is_sent_start and back > 1:
                    break
                if (found := word_gender(doc[i])) is not None:
                    votes[id(cluster)][found] += TITLE_WEIGHT
                    break
                if not (doc[i].is_title or doc[i].text.endswith(".")):
                    break
            head = doc[mention.end - 1]
            related = [c for c in head.children if c.dep_ == "appos"]
            if head.dep_ == "appos":
                related.append(head.head)
            if head.dep_ in SUBJECT_DEPS and head.head.lemma_ == "be":
                related += [c for c in head.head.children if c.dep_ == "attr"]
            for word in related:
                if (found := word_gender(word)) is not None:
                    votes[id(cluster)][found] += NOUN_WEIGHT
            if head.dep_ == "poss" and (found := _SPOUSES.get(head.head.lower_)) is not None:
                votes[id(cluster)][found] += NOUN_WEIGHT
    _pronoun_votes(doc, entities, quotes, sents, votes)
    out: dict[int, str] = {}
    for key, vote in votes.items():
        if key in clusters and vote["m"] != vote["f"]:
            out[key] = "m" if vote["m"] > vote["f"] else "f"
    return out


def _pronoun_votes(doc: Doc, entities: EntityIndex, quotes: Quotes, sents: list[Span],
                   votes: dict[int, dict[str, float]]) -> None:
    """A gendered pronoun outside quotations votes for the one person named before it in its
    sentence, or, when its sentence names nobody before it, for the one person of the sentence
    before (also outside quotations). Only a subject, a reflexive or a subject's owner votes."""
    before: dict[int, Cluster] | None = None  # the people of the previous narrative sentence
    for sent in sents:
        if quotes.sentence_is_quoted(sent):
            continue
        named: dict[int, Cluster] = {}
        voted: set[int] = set()
        for token in sent:
            cluster = entities.entity_at(token)
            if cluster is not None:
                if cluster.type == "Person":
                    named[id(cluster)] = cluster
                continue
            gender = pronoun_gender(token)
            if gender is None or quotes.region_of(token) is not None or not _anaphoric(token):
                continue
            people = named if named else (before or {})
            if len(people) == 1:
                key = next(iter(people))
                if key not in voted:  # one vote per person and sentence
                    votes[key][gender] += PRONOUN_WEIGHT
                    voted.add(key)
        before = named
    return None


def _anaphoric(token: Token) -> bool:
    """A subject or reflexive pronoun, or the owner of a subject ("His campaign said"): never the
    object of the one person named before it ("Ortiz praised her" is not about Ortiz)."""
    if token.dep_ in SUBJECT_DEPS or token.lower_ in ("himself", "herself"):
        return True
    return token.dep_ == "poss" and token.head.dep_ in SUBJECT_DEPS


def compatible(gender: str | None, cluster: Cluster, known: dict[int, str]) -> bool:
    """May a pronoun of ``gender`` stand for ``cluster``: no gender either side, or the same."""
    return gender is None or known.get(id(cluster), gender) == gender
