"""Sentence and paragraph boundaries as offsets into the unchanged text.

Rules, in order of the cases news text throws at them:

* a blank line always ends a paragraph and so a sentence;
* a single newline ends a sentence when the line before is complete (ends in
  . ! ? or a closing quote), is a headline or list line (next line starts with a
  capital, a quote, a digit or a bullet and the line before does not end in a
  comma, a hyphen or a word that needs a continuation such as "the" or "of");
* otherwise . ! ? (with any closing quotes or brackets after them: `."`) end a
  sentence when whitespace and a capital, digit or opening quote follow;
* except after a title ("Mr.", "Dr.", "Gov."), an initial ("John F. Kennedy"),
  a month before a number ("Jan. 5"), or an abbreviation that can end a
  sentence ("U.S.", "Inc.", "Jr.") unless the next word is a typical sentence
  opener ("the U.S. The next day" splits, "the U.S. Senate" does not).

Decimals ("2.5") never split because a boundary needs whitespace after the mark.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["paragraph_spans", "sentence_spans"]

# A run of marks is tried once, from its first mark and without backtracking:
# "......" would otherwise be retried from every dot (quadratic on long runs).
# The pattern opens with the mark itself (the look-behind that it is the run's first
# follows it), which lets the scan skip straight from one mark to the next.
_BOUNDARY = re.compile(
    r"""[.!?](?<![.!?][.!?])[.!?]*+['"\u2019\u201d)\]]*+"""
    r"""(?=\s+['"\u2018\u201c(\[]{0,2}[A-Z0-9\u00c0-\u00dd])"""
)
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?![ \t\r\f\v]*\n)[^\n]*)*")
# What a word before a full stop is made of, besides letters and digits ("U.S.", "O'Neil").
_MARKS_IN_A_WORD = "_.'\u2019-"
# Abbreviations and initials are short: look no further back than this for one.
_WORD_WINDOW = 40
_NEXT_WORD = re.compile(r"""\s+['"\u2018\u201c(\[]?([\w'\u2019-]+)""")
_INITIALS_RE = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?")  # "U.S.", "J.K."

# Never end a sentence: a name or number follows.
_TITLES = frozenset(
    """
    mr mrs ms messrs dr prof gen col lt sgt capt cmdr adm maj gov sen rep st rev fr
    hon pres supt insp det vs v fig figs approx est ed eds e.g i.e cf al
    mt ft
    """.split()
)
_MONTHS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
# Can end a sentence, but usually do not.
_MAYBE_END = frozenset("inc ltd co corp plc llc jr sr bros etc".split())
# Words that typically open a sentence: after "U.S." or "Inc." they mean a new one.
_OPENERS = frozenset(
    """
    the a an he she it they we i you this that these those there but and so yet in on
    at as for if when while after before however meanwhile mr mrs ms dr its his her
    their our some many most other one his officials analysts critics what why how
    who still now then also earlier later last next since despite although though
    """.split()
)
# A line ending in one of these continues on the next line.
_CONTINUES = frozenset(
    "the a an of to and or but in on at for with by from that which who as is are was".split()
)
_BULLET = re.compile(r"\s*(?:[-*\u2022\u2013\u2014]\s|\d+[.)]\s)")


# Cached: the sentence splitter, the figure sources and the poll test each ask for the
# paragraphs of the same article.
@lru_cache(maxsize=4)
def paragraph_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Offsets of paragraphs (blocks separated by blank lines), trimmed."""
    spans = []
    for m in _PARAGRAPH.finditer(text):
        start, end = _trim(text, m.start(), m.end())
        if start < end:
            spans.append((start, end))
    return tuple(spans)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Offsets (start, end) of each sentence, trimmed of surrounding space."""
    spans: list[tuple[int, int]] = []
    for p_start, p_end in paragraph_spans(text):
        for l_start, l_end in _line_blocks(text, p_start, p_end):
            _split_block(text, l_start, l_end, spans)
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _line_blocks(text: str, p_start: int, p_end: int) -> list[tuple[int, int]]:
    """Split a paragraph at the single newlines that end a sentence or a headline."""
    blocks = []
    start = p_start
    nl = text.find("\n", p_start, p_end)
    while nl >= 0:
        if _newline_ends_sentence(text, start, nl, p_end):
            s, e = _trim(text, start, nl)
            if s < e:
                blocks.append((s, e))
            start = nl + 1
        nl = text.find("\n", nl + 1, p_end)
    s, e = _trim(text, start, p_end)
    if s < e:
        blocks.append((s, e))
    return blocks


# How much text around a newline decides whether it ends a sentence. Slicing the
# whole rest of the paragraph (or the whole line block so far) at every newline
# would make a paragraph of many short lines quadratic.
_NEWLINE_WINDOW = 200


def _newline_ends_sentence(text: str, line_start: int, nl: int, p_end: int) -> bool:
    before_end = nl  # the text before the newline, trailing spaces dropped
    while before_end > line_start and text[before_end - 1].isspace():
        before_end -= 1
    next_start = nl + 1  # where the next line's text begins
    while next_start < p_end and text[next_start].isspace():
        next_start += 1
    if before_end == line_start or next_start == p_end:
        return True
    this_line = max(line_start, text.rfind("\n", line_start, before_end) + 1)
    if _BULLET.match(text, nl + 1, p_end) or _BULLET.match(text, this_line, before_end):
        return True
    before = text[max(line_start, before_end - _NEWLINE_WINDOW) : before_end]
    if before[-1] in ".!?:\"'\u201d\u2019)":
        return True
    if before[-1] in ",;-\u2013\u2014(":
        return False
    last = before.rsplit(None, 1)[-1].lower()
    if last in _CONTINUES:
        return False
    nxt = text[next_start]
    return nxt.isupper() or nxt.isdigit() or nxt in "\"'\u201c\u2018"


def _split_block(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Split one line block at sentence-final punctuation."""
    for m in _BOUNDARY.finditer(text, start, end):
        if _is_abbreviation(text, start, m):
            continue
        s, e = _trim(text, start, m.end())
        if s < e:
            spans.append((s, e))
        start = m.end()
    s, e = _trim(text, start, end)
    if s < e:
        spans.append((s, e))


def _last_word(text: str, lo: int, hi: int) -> str:
    """The run of letters, digits and _MARKS_IN_A_WORD that ends at hi (or before a newline
    there), not reaching back past lo; "" if none. A scan back over one short word: a
    pattern anchored at the end would be tried at every position of the window."""
    if hi > lo and text[hi - 1] == "\n":
        hi -= 1
    k = hi
    while k > lo and (text[k - 1].isalnum() or text[k - 1] in _MARKS_IN_A_WORD):
        k -= 1
    return text[k:hi]


def _is_abbreviation(text: str, start: int, m: re.Match[str]) -> bool:
    """Whether the full stop at m belongs to an abbreviation or an initial."""
    if m.group()[0] != "." or len(m.group().rstrip("'\"\u2019\u201d)]")) > 1:
        return False  # "!", "?", "..." always end
    # A bounded window: searching from the block start would rescan the whole
    # block at every full stop that turns out to be an abbreviation.
    word = _last_word(text, max(start, m.start() - _WORD_WINDOW), m.start()).lstrip("'\u2019-")
    if not word:
        return False
    low = word.lower().rstrip(".")
    nxt_m = _NEXT_WORD.match(text, m.end())
    nxt = nxt_m.group(1) if nxt_m else ""
    if low in _TITLES:
        return True
    if low in ("no", "nos") and word[0] == "N":
        return nxt[:1].isdigit()  # "No. 10", but "the answer was no."
    if low in _MONTHS:
        return nxt[:1].isdigit() or nxt.lower() not in _OPENERS
    if len(word) == 1 and word.isupper():
        return True  # an initial: "John F. Kennedy"
    if _INITIALS_RE.fullmatch(word) or low in _MAYBE_END:
        # "U.S.", "J.K.", "Inc.": a new sentence only if a typical opener follows.
        return nxt.lower() not in _OPENERS
    return False
