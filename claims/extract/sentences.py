"""Sentence and paragraph boundaries as offsets into the unchanged text."""

from __future__ import annotations

import re

# A sentence ends at . ! or ? (optionally followed by closing quotes/brackets)
# followed by whitespace and an upper-case letter, digit or opening quote,
# or at a paragraph break.
_BOUNDARY = re.compile(r"""[.!?]['"\u2019\u201d)\]]*(?=\s+['"\u2018\u201c(\[]?[A-Z0-9])|\n\s*\n""")
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "gov",
    "sen", "rep", "st", "jr", "sr", "inc", "ltd", "co", "corp", "no", "vs",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "u.s", "u.k", "e.g", "i.e", "mt", "ft", "approx", "est",
}


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of paragraphs (blocks separated by blank lines), trimmed."""
    spans = []
    for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Offsets (start, end) of each sentence, trimmed of surrounding space."""
    spans: list[tuple[int, int]] = []
    for p_start, p_end in paragraph_spans(text):
        start = p_start
        for m in _BOUNDARY.finditer(text, p_start, p_end):
            if m.group().startswith("\n"):
                continue
            word = re.search(r"([\w.]+)$", text[start : m.start()])
            if word and word.group(1).lower().rstrip(".") in _ABBREVIATIONS:
                continue
            if word and len(word.group(1)) == 1 and word.group(1).isupper():
                continue  # an initial: "John F. Kennedy"
            end = m.end()
            spans.append((start, end))
            start = end
            while start < p_end and text[start].isspace():
                start += 1
        if start < p_end:
            spans.append((start, p_end))
    return spans
