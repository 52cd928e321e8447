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
from dataclasses import dataclass

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span

SPANS_KEY = "kg_structure"
_TITLE_END = "kg_title_end"
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
    + _NAME_WORD + r"(?:[ ]" + _NAME_WORD + r"){0,3}(?:/" + _AGENCY + r")+\]?"
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


def find_zones(text: str) -> tuple[list[Zone], set[int]]:
    """The structural zones of ``text`` and the character offsets at which a sentence must start."""
    zones: list[Zone] = []
    starts: set[int] = set()
    lines = _lines(text)
    previous: tuple[int, int] | None = None  # the last non-blank line
    blank_before = True
    in_lead = True  # before the first line that reads as prose
    lead_headlines = 0
    for start, end in lines:
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
            if _SENTENCE_END.search(prev_text) or in_lead or title_case(prev_text) or len(prev_text.split()) <= 3:
                starts.add(first)
        headline_here = (in_lead and lead_headlines < MAX_HEADLINE_LINES) or (not in_lead and blank_before)
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
    zones, starts = find_zones(doc.text)
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


def with_title(nlp: Language, text: str, title: str) -> str | Doc:
    """``text`` to parse, marked so that the component reads its first line as the headline when it
    is the document's ``title`` (a JSONL field); the text itself, unmarked, otherwise."""
    stripped = text.lstrip()
    if not title.strip() or not stripped.startswith(title.strip()):
        return text
    doc = nlp.make_doc(text)
    doc.user_data[_TITLE_END] = len(text) - len(stripped) + len(title.strip())
    return doc


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
