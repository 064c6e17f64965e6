"""Quotation marks: where quotations run, and the text with their words masked.

A quotation left open at the end of a paragraph continues when the next
paragraph opens with a quote mark (the newspaper convention); such pieces share
a group number so that one speaker covers them all. Masking replaces every
letter inside quotation marks with "x", so that words inside a quotation never
act as a reporting cue or a speaker.
"""

from __future__ import annotations

import bisect
import re

__all__ = ["mask_quotes", "only_quotation", "quote_regions", "regions_overlapping"]

_QUOTE_CHARS = '"\u201c\u201d\u201e\u201f\u00ab\u00bb'


_OPENING = "\u201c\u201e\u00ab"


_CLOSING = "\u201d\u00bb"


_QUOTE_MARK = re.compile(f"[{_QUOTE_CHARS}]")


_PARAGRAPH_LINE = re.compile(r"[^\n]+")


def _is_nickname(text: str, open_at: int, close_at: int, p_start: int, p_end: int) -> bool:
    """A quoted word between two names is a nickname, not a quotation: Jo "JJ" Smith."""
    inner = text[open_at + 1 : close_at]
    if not (0 < len(inner) <= 12 and inner[:1].isupper() and " " not in inner):
        return False
    before = text[max(p_start, open_at - 20) : open_at]
    after = text[close_at + 1 : min(p_end, close_at + 20)]
    return bool(_NAME_BEFORE.search(before) and _NAME_AFTER.match(after))


_NAME_BEFORE = re.compile(r"\b[A-Z][a-z]+[^\S\n]$")


_NAME_AFTER = re.compile(r"[^\S\n][A-Z][a-z]+")


def quote_regions(text: str) -> list[tuple[int, int, int]]:
    """Quoted stretches as (start, end, group): marks included, end exclusive.

    A quotation left open at the end of a paragraph continues when the next
    paragraph opens with a quote mark (the newspaper convention); so does one
    left open when a new opening mark follows (paragraphs run together on one
    line). Such regions share a group number so that one speaker covers them.
    """
    regions: list[tuple[int, int, int]] = []
    group = 0
    carry = False  # the previous paragraph ended inside a quotation
    for para in _PARAGRAPH_LINE.finditer(text):
        p_start, p_end = para.span()
        first = text[p_start:p_end].lstrip()
        if not (carry and first[:1] in _QUOTE_CHARS):
            group += 1
        carry = False
        open_at = -1
        for q in _QUOTE_MARK.finditer(text, p_start, p_end):
            i = q.start()
            opening = _is_opening_mark(text, i, p_start, p_end)
            if open_at < 0:
                if opening:
                    open_at = i
            elif opening:
                # An opening mark inside an open quotation: the old one ran on
                # unclosed, as at a paragraph break; the new one continues it.
                regions.append((open_at, i, group))
                open_at = i
            else:
                if not _is_nickname(text, open_at, i, p_start, p_end):
                    regions.append((open_at, i + 1, group))
                open_at = -1
                group += 1
        if open_at >= 0:
            regions.append((open_at, p_end, group))
            carry = True
    return regions


def _is_opening_mark(text: str, i: int, p_start: int, p_end: int) -> bool:
    """Whether the quote mark at i opens a quotation (by its shape or its neighbours)."""
    ch = text[i]
    if ch in _OPENING:
        # A typo'd closing mark ('unusual,“ said X') closes: a word before, a space after.
        typo = i > p_start and text[i - 1] in ".,;:!?" and (i + 1 >= p_end or text[i + 1] == " ")
        return not typo
    if ch in _CLOSING:
        return False
    before_ok = i == p_start or text[i - 1].isspace() or text[i - 1] in "([{\u2014-:"
    after_ok = i + 1 < p_end and not text[i + 1].isspace() and text[i + 1] not in ".,;:!?)"
    return before_ok and after_ok


# Compiled once: masking and the continuation test run on every sentence.
_QUOTED_LETTER_RE = re.compile(r"[^\s\"\u201c\u201d]")
# The same masking for ASCII text, as a bytes table (translate() is several times
# faster than a substitution per letter): whitespace, as \s reads it, and the
# straight quotation mark stay; every other byte becomes "x".
_KEPT_IN_QUOTES = b' \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"'
_MASK_ASCII = bytes(c if c in _KEPT_IN_QUOTES else ord("x") for c in range(256))
_MASKED_RUN_RE = re.compile(r"x+")
_LETTER_OR_DIGIT_RE = re.compile(r"[A-Za-z0-9]")


def mask_quotes(text: str, regions: list[tuple[int, int, int]]) -> str:
    """The text with every letter inside quotation marks replaced by "x"."""
    if not regions:
        return text
    parts: list[str] = []
    last = 0
    for start, end, _ in regions:
        parts.append(text[last : start + 1])
        inner = text[start + 1 : end]
        if inner.isascii():
            parts.append(inner.encode().translate(_MASK_ASCII).decode())
        else:
            parts.append(_QUOTED_LETTER_RE.sub("x", inner))
        last = end
    parts.append(text[last:])
    return "".join(parts)


def only_quotation(masked_sentence: str) -> bool:
    """Nothing outside quotation marks but punctuation: a continuation sentence."""
    outside = _MASKED_RUN_RE.sub("", masked_sentence)
    return not _LETTER_OR_DIGIT_RE.search(outside)


def regions_overlapping(
    regions: list[tuple[int, int, int]], starts: list[int], start: int, end: int
) -> list[tuple[int, int, int]]:
    """Quote regions that overlap [start, end)."""
    out: list[tuple[int, int, int]] = []
    i = bisect.bisect_left(starts, start)
    j = i - 1
    while j >= 0 and regions[j][1] > start:
        out.insert(0, regions[j])
        j -= 1
    for r in regions[i:]:
        if r[0] >= end:
            break
        out.append(r)
    return out
