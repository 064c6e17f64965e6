"""Casualty figures: a count of people killed or wounded is about the event, not the
person the article is about.

"the attack that left four Americans dead", "killed 14 people in a mass shooting in
San Bernardino", "the 49 people killed at the club", "the deaths of 130 people in
Paris", "the death toll rose to 52": the number counts the victims of an event, and
news reports it as "<people> killed" or "<people> wounded" (CLAIM-SPEC `metric`: what is
measured), of the event (`subject`: what the quantity is about): the place or name the
sentence gives the event ("the Orlando shooting", "the attack in Benghazi"), else the
place the people were killed in. When the sentence names neither, the subject is left
to the article.

A casualty word is looked for in the number's own clause only: right after the number
and its counted noun ("14 people were killed", "four Americans dead"), or right before
the number ("killing 14", "left 49 dead", "the deaths of 130").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_KILLED = "killed"
_WOUNDED = "wounded"
_KINDS = {
    "killed": _KILLED, "dead": _KILLED, "died": _KILLED, "slain": _KILLED,
    "murdered": _KILLED, "perished": _KILLED, "executed": _KILLED, "massacred": _KILLED,
    "wounded": _WOUNDED, "injured": _WOUNDED, "hurt": _WOUNDED,
}  # fmt: skip
# After the number: up to three words of its counted noun, then the casualty word.
_AFTER_RE = re.compile(
    r"(?P<noun>(?:[\s-]+(?!(?:were|was|who|have|had|are|and|or|but|in|on|at)\b)"
    r"[A-Za-z][\w'’-]*){0,3}?)"
    r"\s+(?:(?:who\s+)?(?:were|was|have\s+been|had\s+been|are|been|being)\s+)?"
    r"(?:(?:shot|gunned|beaten|stabbed)\s+)?"
    r"(?P<word>killed|dead|died|slain|murdered|perished|wounded|injured|hurt)\b"
)
# Before the number: a verb or noun of killing or wounding, then the number.
_BEFORE_RE = re.compile(
    r"\b(?P<word>kill(?:ed|ing|s)?|massacred|murdered|wounded|wounding|injured|injuring|"
    r"gunned\s+down|shot\s+dead|took\s+the\s+lives\s+of|claimed\s+the\s+lives\s+of|"
    r"deaths?\s+of|killing\s+of|death\s+toll\s+(?:of|at|to|rose\s+to|climbed\s+to|reached))"
    r"\s+(?:(?:at\s+least|some|about|nearly|almost|more\s+than|over|another|all|the)\s+)?$",
    re.IGNORECASE,
)
_BEFORE_WINDOW = 60
# "left four Americans dead": the word after the noun says which.
_LEFT_BEFORE_RE = re.compile(r"\b(?:left|leaving|leaves)\s+(?:(?:at\s+least|some)\s+)?$")
# An event a casualty count is of, with the name before it ("the Orlando shooting") or a
# place after it ("the attack in Benghazi").
_EVENTS = (
    "attacks?|shootings?|massacre|bombings?|blast|explosion|crash|fire|(?:earth)?quake|storm|"
    "hurricane|floods?|raid|ambush|siege|riots?|stampede|collapse"
)
_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
_NAMED_EVENT_RE = re.compile(rf"\b(?P<name>{_NAME})\s+(?:[a-z]+\s+)?(?P<event>{_EVENTS})\b")
_EVENT_AT_RE = re.compile(
    rf"\b(?P<event>{_EVENTS})\s+(?:(?:on|at|in|near)\s+(?:the\s+)?)(?P<name>{_NAME})"
)
_PLACE_AFTER_RE = re.compile(rf"^[^.;:]{{0,60}}?\b(?:in|at|near)\s+(?:the\s+)?(?P<name>{_NAME})")
# The clause a number sits in, after a place: "in Benghazi, where four were killed".
_WHERE_BEFORE_RE = re.compile(rf"(?P<name>{_NAME}),?\s+where\s+[^,;]*$")
_WHERE_WINDOW = 80
# How far from the number an event may be named and still be the one counted.
_EVENT_REACH = 120
# "the worst shooting in U.S. history": a superlative's scope, not where it happened.
_HISTORY_RE = re.compile(r"\.?\s+history\b")
_PLACE_BEFORE_RE = re.compile(rf"\b(?:in|at|near)\s+(?:the\s+)?(?P<name>{_NAME})")
# Capitalised words that open a name but are no place: months, days, titles.
_NOT_NAMES = frozenset(
    """January February March April May June July August September October November
    December Monday Tuesday Wednesday Thursday Friday Saturday Sunday The A An In On At
    He She They It We His Her Their Mr Mrs Ms Dr President""".split()
)


@dataclass(frozen=True)
class Casualties:
    """What a casualty count measures ("people killed") and the event it is of, when
    the sentence names one."""

    metric: str
    event: str | None


def casualties(sentence: str, start: int, end: int, noun: str | None) -> Casualties | None:
    """The casualty count the number at [start, end) of the sentence is, if it is one;
    `noun` is its counted noun as written, if any ("people", "Americans")."""
    kind, counted = _kind_after(sentence, end)
    if kind is None:
        kind = _kind_before(sentence, start)
    if kind is None:
        return None
    counted = (noun or counted or "people").strip()
    return Casualties(f"{counted} {kind}", _event(sentence, end))


def _kind_after(sentence: str, end: int) -> tuple[str | None, str | None]:
    found = _AFTER_RE.match(sentence, end)
    if found is None:
        return None, None
    return _KINDS[found.group("word").lower()], found.group("noun").strip(" -") or None


def _kind_before(sentence: str, start: int) -> str | None:
    found = _BEFORE_RE.search(sentence, max(0, start - _BEFORE_WINDOW), start)
    if found is None:
        return None
    word = found.group("word").lower()
    if word.startswith(("wound", "injur")):
        return _WOUNDED
    return _KILLED


def _event(sentence: str, end: int) -> str | None:
    """The event a casualty count is of, as the sentence names it nearest the number:
    "Orlando shooting", "Benghazi attack"; else the place after the number ("in
    Paris"); else None."""
    where = _WHERE_BEFORE_RE.search(sentence, max(0, end - _WHERE_WINDOW), end)
    if where and _clean(where.group("name")):
        return _clean(where.group("name"))  # "Benghazi, where four were killed"
    events = []
    for pattern in (_NAMED_EVENT_RE, _EVENT_AT_RE):
        for found in pattern.finditer(sentence):
            name = _clean(found.group("name"))
            if name and not _HISTORY_RE.match(sentence, found.end()):
                events.append(
                    (abs(found.start() - end), f"{name} {_singular(found.group('event'))}")
                )
    if events and min(events)[0] <= _EVENT_REACH:
        return min(events)[1]
    place = _PLACE_AFTER_RE.match(sentence[end:])
    if place is None:
        before = list(_PLACE_BEFORE_RE.finditer(sentence, 0, end))
        place = before[-1] if before else None  # "in Orlando, where 49 were killed"
    return _clean(place.group("name")) if place else None


def _clean(name: str) -> str | None:
    words = name.rstrip(".").split()
    while words and words[0] in _NOT_NAMES:
        words = words[1:]
    return " ".join(words) or None


def _singular(event: str) -> str:
    return event[:-1] if event.endswith("s") and not event.endswith("ss") else event


_CASUALTY_MEASURE_RE = re.compile(
    r"\b(?:death|deaths|dead|killed|casualt\w*|wounded|injur\w*|victims?|fatalit\w*)\b",
    re.IGNORECASE,
)


def names_casualties(metric: str | None) -> bool:
    """Whether a metric already says the count is of casualties, in the article's own
    words ("death toll", "victims"): it is kept."""
    return bool(metric) and _CASUALTY_MEASURE_RE.search(metric) is not None
