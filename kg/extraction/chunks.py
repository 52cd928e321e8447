"""Split long texts into parseable pieces at paragraph, line, sentence or word boundaries.

spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters) and its parser needs memory in
proportion to the text, so a document longer than :data:`MAX_CHUNK` is parsed in pieces. Each
piece keeps its offset in the original text, so evidence offsets stay exact.

The limit is 25,000 characters, a long feature article: bare spaCy (en_core_web_sm) peaks at
544 MiB parsing 100,000-character pieces, 349 MiB at 50,000 and 256 MiB at 25,000 (the model
alone: 170 MiB), and parses the smaller pieces faster (300,000 characters of
``benchmarks/scaling.py``'s generated news, one piece per batch).
"""

from __future__ import annotations

from collections.abc import Iterator

MAX_CHUNK = 25_000
# Preferred cut points, best first: a paragraph break, a line break, a sentence end, a space.
_BOUNDARIES = ("\n\n", "\n", ". ", "! ", "? ", "; ", " ")


def chunks(text: str, limit: int = MAX_CHUNK) -> Iterator[tuple[int, str]]:
    """``(offset, piece)`` pairs covering ``text`` in order, each piece at most ``limit`` characters.

    A cut falls on the best boundary in the second half of the window; text without any boundary
    there (one 10 MB word) is cut at ``limit``. Pieces that hold only whitespace are left out.
    """
    if limit < 2:
        raise ValueError("chunk limit must be at least 2 characters")
    start, length = 0, len(text)
    while start < length:
        end = start + limit
        if end < length:
            floor = start + limit // 2
            for boundary in _BOUNDARIES:
                cut = text.rfind(boundary, floor, end)
                if cut != -1:
                    end = cut + len(boundary)
                    break
        piece = text[start:end]
        if piece.strip():
            yield start, piece
        start = end
