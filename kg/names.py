"""Spellings of one name: the key two forms of a name share.

"Eric H. Holder Jr.", "Eric Holder" and "ERIC HOLDER" are one name; so are "Inácio" and
"Inacio", and `Jesus "Chuy" Garcia` and "Jesus Garcia". :func:`name_key` folds accents, case,
quoted nicknames, middle initials and generational suffixes away; entity clustering within a
document and resolution across documents both compare names by it. :func:`same_first_name`
says when two first names may be one person's ("Bill" and "William", from
``ontologies/nicknames.tsv``); :func:`given_name` whether a word is a common first name and
:func:`personal_shape` whether a name is shaped like a person's ("Brad Lind", not "Harris
County Clerk").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_NICKNAME = re.compile(r"\s[\"“'‘][^\"“”'‘’\s][^\"“”]{0,20}[\"”'’](?=\s)")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


def fold(text: str) -> str:
    """Accents dropped and typographic apostrophes made plain ("Inácio" -> "Inacio")."""
    if text.isascii():  # nothing to decompose (the common case, and the hot one)
        return text.replace("`", "'")
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_words(name: str) -> list[str]:
    """The folded words of a name without nickname, middle initials or suffix."""
    return list(_name_words(name))


@lru_cache(maxsize=65536)  # names repeat within and across documents; bounded, so memory stays flat
def _name_words(name: str) -> tuple[str, ...]:
    words = [w.strip(".,") for w in fold(_NICKNAME.sub(" ", f" {name} ")).casefold().split()]
    words = [w for w in words if w]
    while len(words) > 1 and words[-1] in SUFFIXES:
        words.pop()
    if len(words) > 2:
        words = [words[0]] + [w for w in words[1:-1] if len(w) > 1] + [words[-1]]
    return tuple(words)


@lru_cache(maxsize=1)
def _formal_names() -> dict[str, frozenset[str]]:
    """Each first name -> the formal names it is a form of ("bill" -> {"william"})."""
    from kg.ontology import ontology_path  # the data file ships with the ontology

    forms: dict[str, set[str]] = {}
    for line in ontology_path("nicknames.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        formal, _, familiar = line.partition("\t")
        formal = formal.strip().casefold()
        for name in [formal, *(f.strip().casefold() for f in familiar.split(","))]:
            if name:
                forms.setdefault(name, set()).add(formal)
    return {name: frozenset(formals) for name, formals in forms.items()}


def same_first_name(a: str, b: str) -> bool:
    """May the first names ``a`` and ``b`` be one person's? Equal once folded, or forms of one
    formal name ("Bill" and "William", "Kate" and "Katie"; not "Bill" and "Robert")."""
    a, b = fold(a).casefold().strip("."), fold(b).casefold().strip(".")
    if a == b:
        return True
    table = _formal_names()
    return bool(table.get(a, frozenset()) & table.get(b, frozenset()))


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    from kg.ontology import ontology_path

    text = ontology_path("given_names.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


def given_name(word: str) -> bool:
    """Is ``word`` a common given name ("Brad", "Ana", "Volodymyr"; ``ontologies/given_names.txt``,
    with every familiar form of ``ontologies/nicknames.tsv``)?"""
    folded = fold(word).casefold().strip(".")
    if "-" in folded.strip("-"):  # "Anne-Marie", "Jean-Luc": every part a given name
        return all(part in _given_names() or part in _formal_names() for part in folded.split("-"))
    return folded in _given_names() or folded in _formal_names()


# Words of the names of places, buildings, bodies, events and laws that are rarely anyone's
# surname ("Park Hill" may be a person; "Harris County", "Texas House", "Primary Runoff Election"
# are not), by what they name.
_NON_PERSONAL = {
    "Place": ("street", "road", "avenue", "boulevard", "square", "city", "county", "beach", "bridge", "hotel",
              "tower", "towers", "center", "centre", "station", "airport", "stadium", "arena", "island", "islands",
              "valley", "creek", "heights", "springs", "district", "state", "province", "region", "palace",
              "mountain", "mountains", "village", "township", "borough", "parish", "plaza", "mall", "market"),
    "Organization": ("times", "news", "media", "radio", "tv", "clerk", "chancery", "senate", "house"),
    "Thing": ("bowl", "act", "poll", "polls", "election", "elections", "runoff", "primary", "caucuses"),
}
NON_PERSONAL_WORDS = {word: kind for kind, words in _NON_PERSONAL.items() for word in words}
PLACE_WORDS = frozenset(NON_PERSONAL_WORDS)
# Plural party and creed words: "Christian Democrats", "Young Republicans" name no person.
PARTY_PLURALS = frozenset({
    "democrats", "republicans", "socialists", "conservatives", "liberals", "greens", "communists",
    "nationalists", "progressives", "libertarians", "social-democrats", "tories", "whigs",
})
_NAME_PARTICLES = frozenset({"de", "da", "do", "dos", "das", "del", "della", "di", "van", "von", "der", "den", "la", "le",
                             "bin", "ibn", "al", "el", "ben", "st.", "mc", "mac", "ter"})


_ARTICLES = frozenset({"al", "el", "la", "le", "los", "las", "les", "il", "lo"})


def personal_shape(words: list[str]) -> bool:
    """Two to four capitalised words, none an organisation's, a place's or a building's ("Brad
    Lind", "Ana María Ruiz", "Thomas R. Nides", "Kristin Gisleson Palmer"); particles ("de",
    "bin") may stand between them."""
    return _personal_shape(tuple(words))


@lru_cache(maxsize=8192)  # asked again and again of a document's names; the memory stays bounded
def _personal_shape(words: tuple[str, ...]) -> bool:
    from kg.ontology import organization_words, position_words  # the ontology's words, read once

    core = words[:1] + tuple(w for w in words[1:] if w.casefold() not in _NAME_PARTICLES)
    if not 2 <= len(core) <= 4 or not 2 <= len(words) <= 5 or core[-1].casefold() in PARTY_PLURALS:
        return False
    for word in core:
        if word.endswith(("'s", "’s")):
            return False  # "Emily's List": a possessive
        bare = word.replace("-", "").replace("'", "").replace("’", "").rstrip(".")
        if not bare.isalpha() or not word[:1].isupper() or (len(bare) > 2 and bare.isupper()):
            return False  # "ATA Alliance", "CNN-IBN" (initials "JD" may be a name's)
        if word.casefold().rstrip(".") in organization_words() or word.casefold() in position_words():
            return False
    return len(core[-1].rstrip(".")) > 1 and not any(w.casefold() in PLACE_WORDS for w in core[1:])


# Particles that begin a surname and are nobody's first name ("Le Pen", "De Luca", "Da Silva"; not
# "Van Taylor", "Al Gore", "Ben Ray Lujan").
_SURNAME_PARTICLES = frozenset({"le", "la", "de", "di", "da", "du", "del", "della", "des", "dos", "das", "lo"})


def surname_only(name: str) -> bool:
    """Is ``name`` a surname alone: one word, or particles then one word ("Le Pen", "de la Cruz",
    "van der Berg"; not "Van Taylor")?"""
    words = name_words(name)
    if len(words) == 1:
        return True
    if len(words) == 2:
        return words[0] in _SURNAME_PARTICLES
    return len(words) <= 4 and all(w in _NAME_PARTICLES or w in _SURNAME_PARTICLES for w in words[:-1])


def ends_with(name: str, surname: str) -> bool:
    """Do the words of ``name`` end with those of ``surname`` ("Marine Le Pen", "Le Pen")?"""
    full, last = name_words(name), name_words(surname)
    return 0 < len(last) < len(full) and full[-len(last):] == last


def non_personal_word(words: list[str]) -> str | None:
    """What a name is when a word after its first, or its only word, names no person's
    (:data:`NON_PERSONAL_WORDS`: "Harris County" a place, "Texas House" an organisation); else None."""
    for word in reversed(words[1:] or words):
        kind = NON_PERSONAL_WORDS.get(word.casefold().rstrip(".,"))
        if kind is not None:
            return kind
    return None


# Vietnamese family names, which come first in a name of three or four short words ("Tran Van Binh").
_FAMILY_FIRST = frozenset({"nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do",
                           "ho", "ngo", "duong", "ly", "luong", "trinh", "dinh", "truong", "lam", "mai", "ha", "cao",
                           "doan", "vuong", "ta", "trieu", "luu", "quach"})


def family_first(words: list[str]) -> bool:
    """A Vietnamese name: three or four capitalised syllables, the first a family name ("Le Thi
    Mai Anh"; not "Le Monde Diplomatique")."""
    folded = [fold(w).casefold() for w in words]
    return (3 <= len(words) <= 4 and folded[0] in _FAMILY_FIRST
            and all(w.isalpha() and w[:1].isupper() and len(w) <= 6 for w in words))


def given_named(words: list[str]) -> bool:
    """Shaped like a personal name, its first word a common given name ("Brad Lind"; not the
    article of "Al Qaeda", "El Planeta"), or a Vietnamese name (:func:`family_first`)."""
    return personal_shape(words) and ((given_name(words[0]) and words[0].casefold() not in _ARTICLES)
                                      or family_first(words))


def name_key(name: str) -> str:
    """The form every spelling of ``name`` shares ("Eric H. Holder Jr." -> "eric holder")."""
    return " ".join(_name_words(name)) or name.casefold()


def is_part_of(short: str, full: str) -> bool:
    """``short`` is the first or last words of ``full`` ("Holder" of "Eric H. Holder Jr.")."""
    s, f = name_words(short), name_words(full)
    return 0 < len(s) < len(f) and (f[-len(s):] == s or f[: len(s)] == s)
