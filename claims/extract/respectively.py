"""Figures that a sentence pairs with names in order: "... respectively".

"Both Lee and Ng trailed Park, by 5 and 10 points, respectively": 5 is Lee's and 10
is Ng's. "Park leads in polls from Beacon and Acme, by 8 and 11 points,
respectively": 8 is Beacon's poll and 11 Acme's. The names are the last list of two or
more capitalised names before the figures, not followed by a noun they modify; a list
after "from", "by" or "according to" names sources (the speaker of each figure), any
other the figures' subjects.
Nothing is paired unless the sentence gives as many figures as names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Pairing", "pairing"]

_NAME = r"[A-Z][\w.'’/-]*(?:\s+[A-Z][\w.'’/-]*){0,3}"
# "Lee and Ng", "Lee, Ng and Park", "Ted Lee and Jo Ng"
_NAME_LIST_RE = re.compile(
    rf"(?P<before>\b(?:from|by|to)\s+(?:the\s+)?)?(?:[Bb]oth\s+)?"
    rf"(?P<names>{_NAME}(?:\s*,\s*{_NAME})*,?\s+(?:and|&)\s+{_NAME})"
)
_RESPECTIVELY_RE = re.compile(r"\brespectively\b")
# A lower-case word after the list that makes its names modifiers of a noun ("Facebook
# and Twitter followings"), unless it is the list's verb ("Lee and Ng trailed").
_NOUN_AFTER_RE = re.compile(r"\s+(?P<word>[a-z]+)\b")
_VERB_AFTER_RE = re.compile(
    r"(?:ed|ing)$|^(?:have|has|had|are|were|is|was|lead|leads|trail|trails|won|got|held"
    r"|hold|holds|show|shows|took|take|takes|each|both|respectively|who|which)$"
)
_LIST_SPLIT_RE = re.compile(r"\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+")


@dataclass(frozen=True)
class Pairing:
    """The names a sentence's figures go with, in order, and whether they are the
    figures' sources (else their subjects)."""

    names: tuple[str, ...]
    sources: bool
    end: int  # where the list ends in the sentence: the figures come after it


def pairing(sentence: str, first_figure: int) -> Pairing | None:
    """The names the figures of a "... respectively" sentence go with, from the last
    list of names that ends before the first figure (at `first_figure`), else None."""
    if "respectively" not in sentence or _RESPECTIVELY_RE.search(sentence) is None:
        return None
    found = None
    for m in _NAME_LIST_RE.finditer(sentence, 0, first_figure):
        found = m
    if found is None:
        return None
    after = _NOUN_AFTER_RE.match(sentence, found.end())
    if after is not None and not _VERB_AFTER_RE.search(after["word"]):
        return None  # "Facebook and Twitter followings": whose they are is not said
    names = tuple(n for n in _LIST_SPLIT_RE.split(found["names"]) if n)
    if len(names) < 2:
        return None
    return Pairing(names, sources=found["before"] is not None, end=found.end())
