"""Document structure: headlines, datelines, bylines, photo credits, and where sentences start.

A news text is not one run of sentences. Its first lines are a headline ("Ruiz Wins Runoff For
Mayor"), a byline ("By ANA RUIZ"), a dateline ("MONTGOMERY, Ala. (AP) -"); captions end in a
photo credit ("Ana Ruiz/AP"); a blank line ends whatever came before it; and "Sen.", "Atty." or
"U.S." inside a sentence end nothing. The small parser knows none of this and glues a headline to
the lead, or breaks "Deputy Atty. Gen. Ana Ruiz" in two.

:func:`install` puts the ``kg_structure`` component before the parser (and teaches the tokenizer
the abbreviations it splits). The component only reads the text and sets ``is_sent_start``, so the
text and every character offset stay exactly as given. It records what it found as spans in
``doc.spans["kg_structure"]`` labelled ``headline``, ``dateline``, ``byline`` and ``credit``;
:func:`zones` reads them back.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span

SPANS_KEY = "kg_structure"
_TITLE_END = "kg_title_end"
_ORIGINAL = "kg_original_text"  # the text as given (the parsed text may read its headlines in sentence case)
COMPONENT = "kg_structure"

# Abbreviations the tokenizer would split ("Atty" + "."), which lets the parser end a sentence.
ABBREVIATIONS = (
    "Atty.", "Attys.", "Sr.", "Lt.", "Col.", "Capt.", "Sgt.", "Supt.", "Cmdr.", "Comdr.", "Ald.",
    "Sens.", "Reps.", "Govs.", "Maj.", "Gens.", "Asst.", "Pres.", "Hon.", "Ft.", "Assoc.", "Cpl.",
    "Adm.", "Brig.", "Det.", "Insp.", "Dist.", "Amb.", "Secs.", "Sec.", "Treas.", "Commr.",
)
# After these a sentence never starts: titles and honorifics stand before a name.
_TITLE_ABBREVIATIONS = {a.lower() for a in ABBREVIATIONS if a not in ("Sr.", "Ft.", "Dist.", "Assoc.")} | {
    "sen.", "gov.", "rep.", "gen.", "mr.", "mrs.", "ms.", "dr.", "prof.", "rev.", "st.", "mt.",
    "messrs.", "del.", "u.s.", "u.k.", "u.n.",
}
# After these a sentence starts only when the parser says so and the next word is not a name.
_NAME_ABBREVIATIONS = {"jr.", "sr.", "u.s.", "u.k.", "inc.", "co.", "corp.", "ltd."}
_CLOSING_QUOTES = {'"', "”", "’", "'"}
_INITIAL = re.compile(r"^[A-Z]\.$")

# A document opens with at most this many headline lines (headline, kicker, site name); more
# short lines are a list, whose capitals are names. Later, a headline stands between blank lines.
MAX_HEADLINE_LINES = 3
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”]$")
_CONTINUES = re.compile(r"[,;(\-–—&/]$|\b(?:and|or|of|the|a|an|to|for|by|with|in|on|at|from|as)$", re.I)
_AGENCY = r"(?:AP|AFP|Reuters|Getty(?: Images)?|EPA|EFE|Bloomberg|Xinhua|dpa|UPI|ANP|ANSA|TASS|PTI|IANS|Shutterstock|Alamy|Pool|File|TNS|Sipa|NurPhoto|ZUMA(?: Press)?|Zuma|Wire|[A-Z]{2,6})"
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Za-z.'’]*(?:[ -][A-Z][A-Za-z.'’]*){0,3})"
    r"(?P<parts>(?:,[ ]*[A-Z0-9][A-Za-z0-9.'’]*(?:[ ][A-Z0-9][A-Za-z0-9.,]*){0,2}){0,2})"
    r"[ ]*(?P<comma>,)?[ ]*(?P<agency>\([^()\n]{1,60}\))?[ ]*(?P<dash>—|–|--|-|:)?[ ]*"
)
_DATE_LINE = re.compile(
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ ]+)?"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?[ ]+\d{1,2}(?:,[ ]*\d{4})?"
    r"(?:[ ]*\([^()\n]{1,40}\))?[ ]*(?:—|–|--|-|:)[ ]*"
)
_BYLINE = re.compile(r"(?:By|BY|From)[ ]+[A-Z][\w.'’-]*(?:[ ,]+(?:and[ ]+)?[A-Z][\w.'’-]*){0,6}[ ]*$")
_NAME_WORD = r"[A-Z](?:\.|[A-Za-z'’-]*)"
_CREDIT = re.compile(
    r"(?:\[?(?:File|Photo|Image)[:]?[ ]*)?"
    + _NAME_WORD + r"(?:[ ]" + _NAME_WORD + r"){0,3}(?:[ ]?/[ ]?" + _AGENCY + r")+\]?"
    r"|[A-Z][A-Z.'’-]+(?:[ ][A-Z][A-Z.'’-]+){1,3}[ ]*\(" + _AGENCY + r"\)"
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")
_MINOR = {"a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "with",
          "as", "from", "vs", "v", "into", "over", "after", "amid", "says", "is"}


@dataclass(frozen=True)
class Zone:
    """A stretch of text that is not running prose: ``kind`` is headline, dateline, byline or credit."""

    kind: str
    start: int  # character offsets in the doc's text
    end: int


def title_case(line: str) -> bool:
    """A headline written in title case ("Ruiz Wins Runoff For Mayor"): capitals say nothing there."""
    words = [w for w in _WORD.findall(line) if w.lower() not in _MINOR]
    if len(words) < 2:
        return False
    capital = sum(1 for w in words if w[:1].isupper())
    return capital >= 0.8 * len(words)


def _lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every line's content (without its line break)."""
    out, start = [], 0
    for match in re.finditer(r"\r?\n|\r", text):
        out.append((start, match.start()))
        start = match.end()
    out.append((start, len(text)))
    return out


def _ends_in_credit(line: str) -> bool:
    """The line ends with a photo credit ("... (Ana Ruiz / Getty Images)")."""
    core = line.rstrip(" \t)]")
    return any(m.end() >= len(core) for m in _CREDIT.finditer(core))


def find_zones(text: str) -> tuple[list[Zone], set[int]]:
    """The structural zones of ``text`` and the character offsets at which a sentence must start."""
    zones: list[Zone] = []
    starts: set[int] = set()
    lines = _lines(text)
    previous: tuple[int, int] | None = None  # the last non-blank line
    blank_before = True
    in_lead = True  # before the first line that reads as prose
    lead_headlines = 0
    for number, (start, end) in enumerate(lines):
        line = text[start:end]
        stripped = line.strip()
        if not stripped:
            blank_before = True
            continue
        first = start + len(line) - len(line.lstrip())
        last = end - (len(line) - len(line.rstrip()))
        body_start = first
        prev_text = text[previous[0]:previous[1]].strip() if previous else ""
        if blank_before or previous is None:
            starts.add(first)
        elif not _CONTINUES.search(prev_text) and (stripped[:1].isupper() or stripped[:1].isdigit() or stripped[:1] in "\"“'‘•*([—–-"):
            if (_SENTENCE_END.search(prev_text) or in_lead or title_case(prev_text) or len(prev_text.split()) <= 3
                    or _ends_in_credit(prev_text)):  # a caption's "(Ana Ruiz / Getty Images)" ends it
                starts.add(first)
        headline_here = ((in_lead and lead_headlines < MAX_HEADLINE_LINES) or (not in_lead and blank_before)) and _whole(
            stripped, text[lines[number + 1][0]:lines[number + 1][1]].strip() if number + 1 < len(lines) else "")
        line_zone = _line_zone(text, first, last, in_lead, headline_here)
        lead_headlines += line_zone is not None and line_zone.kind == "headline" and in_lead
        if line_zone is not None:
            zones.append(line_zone)
            if line_zone.kind == "dateline":
                body_start = line_zone.end
                while body_start < last and text[body_start].isspace():
                    body_start += 1
                if body_start < last:
                    starts.add(body_start)
        for credit in _CREDIT.finditer(text, body_start, last):
            zones.append(Zone("credit", credit.start(), credit.end()))
            starts.add(credit.start())
            after = credit.end()
            while after < last and text[after] in " \t)]":
                after += 1
            if after < last:
                starts.add(after)
        if body_start < last and (line_zone is None or line_zone.kind == "dateline") and _SENTENCE_END.search(stripped):
            in_lead = False
        previous = (start, end)
        blank_before = False
    if zones and zones[-1].kind == "headline" and previous is not None and zones[-1].end >= previous[0]:
        zones.pop()  # the last line is not a headline: nothing follows it
    return zones, starts


_INSIDE_ABBREVIATIONS = _TITLE_ABBREVIATIONS | _NAME_ABBREVIATIONS | {"vs.", "v.", "no.", "nos.", "jan.", "feb.", "aug.",
                                                                  "sept.", "sep.", "oct.", "nov.", "dec."}
_SENTENCE_INSIDE = re.compile(r"(?P<word>\w+)[.!?][\"'”’]?[ ]+[A-Z\"“]")


def _whole(line: str, following: str) -> bool:
    """May ``line`` be a headline: it starts with no lower-case letter, ends with no word that
    needs more ("... appointed two bishops to the"), the line right after it does not go on
    in lower case ("was appointed ...") and no sentence ends inside it ("... States. Bishop X")."""
    if line[:1].islower() or _CONTINUES.search(line) or following[:1].islower():
        return False
    return not any(m.group("word").lower() + "." not in _INSIDE_ABBREVIATIONS and len(m.group("word")) > 1
                   for m in _SENTENCE_INSIDE.finditer(line))


def _line_zone(text: str, first: int, last: int, in_lead: bool, headline: bool) -> Zone | None:
    """The zone a whole line (or its dateline) forms, if any."""
    line = text[first:last]
    credit = next((m for m in _CREDIT.finditer(line) if not line[m.end():].strip(" \t)]")), None)
    if credit is not None and line[:credit.start()].strip():
        line = line[:credit.start()].rstrip()  # a caption: its own sentence ends before the credit
    if _BYLINE.fullmatch(line):
        return Zone("byline", first, last)
    dateline = _dateline(text, first, last)
    if dateline is not None:
        return Zone("dateline", first, dateline)
    if headline and not _SENTENCE_END.search(line) and len(line.split()) <= 25 and (in_lead or title_case(line)):
        return Zone("headline", first, last)
    return None


def _dateline(text: str, first: int, last: int) -> int | None:
    """End offset of a dateline opening the line at ``first`` ("LANSING, Mich. (AP) —", "WASHINGTON:")."""
    date = _DATE_LINE.match(text, first, last)
    if date is not None:
        return date.end()
    match = _DATELINE.match(text, first, last)
    if match is None:
        return None
    place = match.group("place")
    caps = place.replace(".", "").replace(" ", "").replace("-", "").replace("'", "").replace("’", "").isupper()
    if match.group("agency") and (caps or match.group("dash") or match.group("comma")):
        return match.end()
    if caps and len(place) >= 2 and match.group("dash"):
        return match.end()
    return None


@Language.component(COMPONENT)
def structure_component(doc: Doc) -> Doc:
    """Set sentence starts from the document's structure (before the parser) and record its zones."""
    text = original_text(doc)
    doc.user_data.setdefault(_ORIGINAL, text)
    zones, starts = find_zones(text)
    title_end = doc.user_data.get(_TITLE_END)
    if title_end:  # the document's title opens it: that is the headline, whatever it looks like
        first = len(doc.text) - len(doc.text.lstrip())
        zones = [z for z in zones if z.start >= title_end] + [Zone("headline", first, title_end)]
        after = title_end
        while after < len(doc.text) and doc.text[after].isspace():
            after += 1
        if after < len(doc.text):
            starts.add(after)
    by_char = {token.idx: token.i for token in doc}
    for offset in starts:
        i = by_char.get(offset)
        if i is not None and i > 0:
            doc[i].is_sent_start = True
    inside = {i for span in _spans(doc, zones) for i in range(span.start + 1, span.end)}
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if token.idx in starts or token.is_space:
            continue
        if token.i in inside or (prev.idx in starts and not prev.is_punct):
            token.is_sent_start = False  # no sentence inside a zone, none of one word after a forced start
            continue
        if prev.is_space:
            continue
        if token.text in _CLOSING_QUOTES and prev.text in (".", "!", "?") and not prev.whitespace_:
            token.is_sent_start = False
            continue
        word = prev.text.lower()
        if word in _TITLE_ABBREVIATIONS and (word not in _NAME_ABBREVIATIONS or token.tag_ in ("NNP", "NNPS")):
            token.is_sent_start = False
        elif (word in _NAME_ABBREVIATIONS or _INITIAL.match(prev.text)) and (token.tag_ in ("NNP", "NNPS") or token.text.islower()):
            token.is_sent_start = False
    doc.spans[SPANS_KEY] = _spans(doc, zones)
    return doc


def _spans(doc: Doc, found: list[Zone]) -> list[Span]:
    spans = []
    for zone in found:
        span = doc.char_span(zone.start, zone.end, label=zone.kind, alignment_mode="expand")
        if span is not None and len(span):
            spans.append(span)
    return spans


def prepare(nlp: Language, text: str, title: str | None = None, words: frozenset[str] = frozenset()) -> str | Doc:
    """``text`` as the pipeline should parse it: its title-case headlines in sentence case (see
    :func:`sentence_case_headlines`; the original text is kept in ``doc.user_data`` and read back by
    :func:`original_text`), and its first line marked as the headline when it is the document's
    ``title`` (a JSONL field). The text itself when there is nothing to do. ``words``: see
    :func:`dictionary`."""
    stripped = text.lstrip()
    title_end = None
    if title and title.strip() and stripped.startswith(title.strip()):
        title_end = len(text) - len(stripped) + len(title.strip())
    parsed = sentence_case_headlines(text, title_end, words)
    if title_end is None and parsed == text:
        return text
    doc = nlp.make_doc(parsed)
    if title_end is not None:
        doc.user_data[_TITLE_END] = title_end
    if parsed != text:
        doc.user_data[_ORIGINAL] = text
    return doc


def original_text(doc: Doc) -> str:
    """The text as given (``doc.text`` differs from it only in the case of headline words).
    :func:`structure_component` keeps it in ``doc.user_data``: read many times, made once."""
    original = doc.user_data.get(_ORIGINAL)
    if isinstance(original, str) and len(original) == (doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0):
        return original
    return doc.text


_LETTERS = re.compile(r"[^\W\d_]+")
_BODY_SENTENCE_START = re.compile(r"(?:^|[.!?:…][\"'”’)\]]*\s+|\n\s*|[\"“‘(—–-]\s*)$")


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).casefold()


# Words a headline capitalises that no dictionary of content words lists.
_FUNCTION_WORDS = _MINOR | {
    "about", "above", "across", "against", "ahead", "along", "among", "around", "as", "away", "back", "before",
    "behind", "below", "between", "beyond", "despite", "down", "during", "off", "out", "than", "through",
    "toward", "towards", "under", "until", "up", "upon", "via", "within", "without", "not", "no", "yet", "so",
    "he", "she", "it", "they", "we", "you", "him", "her", "his", "hers", "its", "their", "them", "our", "your",
    "himself", "herself", "itself", "themselves", "who", "whom", "whose", "what", "which", "why", "how", "when",
    "where", "while", "if", "that", "this", "these", "those", "be", "are", "was", "were", "been", "being", "has",
    "have", "had", "do", "does", "did", "will", "would", "can", "could", "may", "might", "must", "shall", "should",
    "all", "any", "each", "every", "both", "either", "neither", "more", "most", "some", "such", "own", "again",
}


def dictionary(nlp: Language) -> frozenset[str]:
    """The verbs, adjectives and adverbs the pipeline's lemmatizer lists (its ``lemma_index``), with
    their irregular forms; empty when it has none. A headline word the text does not use elsewhere
    goes to lower case only when it is one of them or a function word: nouns, which names also are
    ("Paul", "Moro"), stay as written."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    noun = nlp.vocab.strings.add("noun")
    found: set[str] = set()
    for name in ("lemma_index", "lemma_exc"):
        if lookups.has_table(name):
            for pos, words in lookups.get_table(name).items():
                if pos != noun:
                    found.update(words)
    return frozenset(found)


def _inflected(word: str, words: frozenset[str]) -> bool:
    """``word`` or the word it inflects ("heads", "goes", "nears", "appointed") is in ``words``."""
    if word in words:
        return True
    for suffix, base in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")):
        if word.endswith(suffix) and len(word) >= len(suffix) + 3 and word[: -len(suffix)] + base in words:
            return True
    return False


def _stem(word: str) -> str:
    """A crude stem, enough to see "Appoints" in "appointed" and "Denies" in "denied"."""
    for suffix in ("ing", "ies", "ied", "es", "ed", "s", "e", "y"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def sentence_case_headlines(text: str, title_end: int | None = None, words: frozenset[str] = frozenset()) -> str:
    """``text`` with the words of its title-case headlines ("Mayor Backs Smith in Council Race")
    that are not names in lower case ("Mayor backs Smith in council race"), so that the parser sees
    a verb as a verb and the tagger a name as a name. A word stays as written when it opens the
    headline, has two capitals ("McCain", "GOP", "U.S."), or the text outside its headlines writes it
    capitalised inside a sentence (or only ever capitalised); every character offset stays the
    same. ``title_end``: where the document's title, which opens it, ends (that is a headline)."""
    zones, _ = find_zones(text)
    heads = [(z.start, z.end) for z in zones if z.kind == "headline"]
    if title_end is not None:
        heads = [h for h in heads if h[0] >= title_end] + [(len(text) - len(text.lstrip()), title_end)]
    heads = [(s, e) for s, e in heads if title_case(text[s:e])]
    if not heads:
        return text
    furniture = sorted([(z.start, z.end) for z in zones] + heads)
    body_parts, at = [], 0
    for start, end in furniture:
        body_parts.append(text[at:start] if start > at else "")
        body_parts.append(" " * max(0, end - max(at, start)) if end > at else "")
        at = max(at, end)
    body = "".join(body_parts) + text[at:]
    if not body.strip():
        return text  # nothing but a headline: read it as written
    capitalised: set[str] = set()  # inside a sentence
    opening: set[str] = set()  # at a sentence's start only
    lower: set[str] = set()  # and their stems
    for match in _LETTERS.finditer(body):
        word = match.group()
        key = _fold(word)
        if word[0].islower():
            lower.update((key, _stem(key)))
        elif _BODY_SENTENCE_START.search(body, max(0, match.start() - 4), match.start()):
            opening.add(key)
        else:
            capitalised.add(key)
    out = list(text)
    for start, end in heads:
        for number, match in enumerate(_LETTERS.finditer(text, start, end)):
            word = match.group()
            key = _fold(word)
            common = key in lower or _stem(key) in lower or (
                key not in opening and (key in _FUNCTION_WORDS or _inflected(key, words)))
            keep = (number == 0 or not word[0].isupper() or sum(c.isupper() for c in word) > 1
                    or text[match.end():match.end() + 1] == "." and len(word) <= 3  # "Gov.", "St."
                    or key in capitalised or not common)
            if not keep and len(word) > 1 and len(word.lower()) == len(word):
                out[match.start():match.end()] = word.lower()
    return "".join(out)


def install(nlp: Language) -> Language:
    """Add the abbreviations and the ``kg_structure`` component to ``nlp`` (once; returns it)."""
    if COMPONENT in nlp.pipe_names:
        return nlp
    for abbreviation in ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, before="parser")
    else:
        nlp.add_pipe(COMPONENT, first=True)
    return nlp


def zones(doc: Doc) -> list[Span]:
    """The structural spans recorded by the component (none when it did not run)."""
    return list(doc.spans[SPANS_KEY]) if SPANS_KEY in doc.spans else []
