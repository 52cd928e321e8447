"""Quotations and who said them.

Regions are paired within a paragraph: a curly “ opens and ” closes; straight quotes toggle. An
opening mark with no close in its paragraph is ignored rather than swallowing the narrative,
unless it opens the paragraph: news opens each paragraph of a long quotation with a mark and
closes only the last, so that paragraph is quoted to its end, said by whoever said the next.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kg.extraction.syntax import clause_subjects
from kg.ontology import default_ontology


@dataclass(frozen=True)
class Region:
    start: int  # character offset of the first quoted character
    end: int  # character offset of the closing mark (of the paragraph's end, for an unclosed paragraph)
    unclosed: bool = False  # a paragraph of a quotation that goes on in the next one


def quote_regions(text: str) -> list[Region]:
    regions: list[Region] = []
    if '"' not in text and "“" not in text:
        return regions
    offset = 0
    for paragraph in text.split("\n"):
        open_at: int | None = None
        straight_open: int | None = None
        for i, char in enumerate(paragraph):
            if char == "“":
                open_at = i
            elif char == "”" and open_at is not None:
                regions.append(Region(offset + open_at + 1, offset + i))
                open_at = None
            elif char == '"':
                if straight_open is None:
                    straight_open = i
                else:
                    regions.append(Region(offset + straight_open + 1, offset + i))
                    straight_open = None
        first = len(paragraph) - len(paragraph.lstrip())
        mark = straight_open if straight_open is not None else open_at
        if mark is not None and mark == first and paragraph.strip()[1:].strip():
            regions.append(Region(offset + mark + 1, offset + len(paragraph.rstrip()), unclosed=True))
        offset += len(paragraph) + 1
    return sorted(regions, key=lambda r: r.start)


class Quotes:
    """The quoted regions of a document and their speakers' subject tokens."""

    def __init__(self, doc: Doc, speech_verbs: frozenset[str] | None = None) -> None:
        self.doc = doc
        self.speech_verbs = default_ontology().cue("speechVerbs") if speech_verbs is None else speech_verbs
        self.regions = quote_regions(doc.text)
        self._starts = [r.start for r in self.regions]

    def region_of(self, token: Token) -> Region | None:
        i = bisect_right(self._starts, token.idx) - 1
        if i >= 0 and self.regions[i].start <= token.idx < self.regions[i].end:
            return self.regions[i]
        return None

    def sentence_is_quoted(self, sent: Span) -> bool:
        words = [t for t in sent if not (t.is_punct or t.is_space)]
        return bool(words) and all(self.region_of(t) is not None for t in words)

    def speaker_token(self, region: Region) -> Token | None:
        """Subject of the speech verb that introduces or follows the quotation; for paragraphs of
        one quotation (:class:`Region` ``unclosed``), that of the paragraph before or after."""
        index = self.regions.index(region) if region in self.regions else -1
        found = self._speaker_token(region)
        back, ahead = index, index
        while found is None and 0 < back and self.regions[back - 1].unclosed and self._next_paragraph(self.regions[back - 1], self.regions[back]):
            back -= 1
            found = self._speaker_token(self.regions[back])
        while found is None and 0 <= ahead < len(self.regions) - 1 and self.regions[ahead].unclosed and self._next_paragraph(
                self.regions[ahead], self.regions[ahead + 1]):
            ahead += 1
            found = self._speaker_token(self.regions[ahead])
        return found

    def _next_paragraph(self, first: Region, second: Region) -> bool:
        """Does ``second`` open the paragraph right after ``first``'s?"""
        return self.doc.text[first.end:second.start].strip(" \n\t\r\"“") == ""

    def _speaker_token(self, region: Region) -> Token | None:
        doc = self.doc
        after = doc.char_span(region.end, region.end + 1, alignment_mode="expand")
        before = doc.char_span(max(region.start - 1, 0), region.start, alignment_mode="expand")
        candidates: list[Span] = []
        if after:  # None, or empty where the character after is a word's trailing space
            sent = after[0].sent
            candidates.append(doc[after[0].i : sent.end])
            if sent.end < len(doc) and doc[after[0].i + 1 :sent.end].text.strip(" .,\n") == "":
                candidates.append(doc[sent.end].sent)
        if before:
            sent = before[0].sent
            candidates.append(doc[sent.start : before[0].i])
            colon = before[0].i - 1
            while colon >= 0 and (doc[colon].is_space or doc[colon].text in ('"', "“")):
                colon -= 1
            if colon >= 0 and doc[colon].text == ":" and colon < before[0].i - 1:  # "Lin said:" and the quote below it
                candidates.append(doc[doc[colon].sent.start : colon])
        for span in candidates:
            for token in span:
                if self._speech(token) and self.region_of(token) is None:
                    for child in token.children:
                        if child.dep_ == "nsubj" and self.region_of(child) is None:
                            return child
                    if token.lower_.endswith("ing") and token.dep_ in ("advcl", "conj", "xcomp"):
                        # "X conceded in a tweet, writing, '...'": the participle's subject is its clause's
                        subjects = [s for s in clause_subjects(token.head if token.dep_ == "advcl" else token)
                                    if self.region_of(s) is None]
                        if subjects:
                            return subjects[0]
        return None

    def _speech(self, token: Token) -> bool:
        """A verb of saying, also as a participle the model took for a noun ("..., writing, '...'")."""
        if token.lemma_ in self.speech_verbs:
            return True
        stem = token.lower_.removesuffix("ing")
        return token.dep_ == "advcl" and stem != token.lower_ and (stem in self.speech_verbs or stem + "e" in self.speech_verbs)
