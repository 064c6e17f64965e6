"""Casualty figures: a count of people killed or wounded is about the event, not the
person the article is about.

"the attack that left 23 civilians dead", "gunmen killed 17 people in a raid in
Maiduguri", "the 31 miners killed at the pit", "the deaths of 12 people in the flood",
"the death toll rose to 64": the number counts the victims of an event, and news
reports it as "<people> killed" or "<people> wounded" (CLAIM-SPEC `metric`: what is
measured), of the event (`subject`: what the quantity is about): the place or name the
sentence gives the event nearest the number ("the Lyon bombing", "the raid in
Maiduguri", "Pelt, where 12 people died"), else the place the people were killed in.
When the sentence names neither, the subject is unknown (None): the person the article
is about is not what the count is of.

A casualty word is looked for in the number's own clause only: right after the number
and its counted noun ("17 people were killed", "23 civilians dead"), or right before
the number ("killing 17", "the deaths of 12"). What is counted must be people: no noun,
a word for people ("civilians", "miners") or a nationality ("Americans"); "the bill
would kill 5,000 jobs" is no toll.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.extract.places import demonym_country

__all__ = ["CASUALTY_WORD", "casualties", "counts_people", "toll_kind"]

_KILLED = "killed"
_WOUNDED = "wounded"
_KINDS = {
    "killed": _KILLED, "dead": _KILLED, "died": _KILLED, "slain": _KILLED,
    "murdered": _KILLED, "perished": _KILLED, "wounded": _WOUNDED, "injured": _WOUNDED,
    "hurt": _WOUNDED,
}  # fmt: skip
# The words of a toll after its number ("31 people killed", "left nine dead").
CASUALTY_WORD = "|".join(_KINDS)
# After the number: up to three words of its counted noun, then the casualty word.
_AFTER_RE = re.compile(
    r"(?P<noun>(?:[\s-]+(?!(?:were|was|who|have|had|are|and|or|but|in|on|at)\b)"
    r"[A-Za-z][\w'’-]*){0,3}?)"
    r"\s+(?:(?:who\s+)?(?:were|was|have\s+been|had\s+been|are|been|being)\s+)?"
    r"(?:(?:shot|gunned|beaten|stabbed)\s+)?"
    rf"(?P<word>{CASUALTY_WORD})\b"
)
# Before the number: a verb or noun of killing or wounding, then the number and maybe
# its counted noun.
_BEFORE_RE = re.compile(
    r"\b(?P<word>kill(?:ed|ing|s)?|massacred|murdered|wounded|wounding|injured|injuring|"
    r"gunned\s+down|shot\s+dead|took\s+the\s+lives\s+of|claimed\s+the\s+lives\s+of|"
    r"deaths?\s+of|killing\s+of|death\s+toll\s+(?:\w+\s+){0,4}?"
    r"(?:of|at|to|rose\s+to|climbed\s+to|reached|stood\s+at))"
    r"\s+(?:(?:at\s+least|some|about|nearly|almost|more\s+than|over|another|all|the)\s+)?$",
    re.IGNORECASE,
)
_BEFORE_WINDOW = 80
# The nouns for people a toll counts, beyond nationalities ("Americans").
_PEOPLE = frozenset(
    """people persons person civilians soldiers troops servicemen police policemen officers
    children kids women men boys girls students workers miners passengers residents
    pilgrims protesters demonstrators militants fighters insurgents rebels victims
    tourists journalists firefighters patients prisoners inmates refugees migrants
    villagers worshippers hostages crew sailors pilots marines guards staff
    employees members fans spectators immigrants adults citizens individuals voters""".split()
)
# An event a casualty count is of, with the name before it ("the Lyon bombing") or a
# place after it ("the raid in Maiduguri").
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
# The clause a number sits in, after a place: "in Arles, where four were killed".
_WHERE_BEFORE_RE = re.compile(rf"(?P<name>{_NAME}),?\s+where\s+[^,;]*$")
_WHERE_WINDOW = 80
# A venue named before the town of such a clause: "the Beacon nightclub in Arles, where
# four were killed" is the nightclub's toll, the town only where it stands.
_VENUE_BEFORE_RE = re.compile(
    rf"\b(?P<venue>{_NAME}\s+(?i:nightclub|club|church|cathedral|mosque|synagogue|temple"
    r"|school|college|university|hotel|mall|market|stadium|arena|theat(?:re|er)|cinema"
    r"|restaurant|cafe|bar|factory|plant|mine|hospital|prison|station|airport|concert))"
    r",?\s+(?:in|at|near)\s+(?:the\s+)?$"
)
# A disaster that struck the whole town, after the toll in its clause: "where 12 died in
# the flood" (not "where 12 were killed, weeks after floods hit the region").
_TOWN_WIDE_AFTER_RE = re.compile(
    r"[^.;,]{0,80}?\b(?:floods?|flooding|(?:earth)?quake|storm|hurricane|cyclone|typhoon"
    r"|tornado|wildfires?|tsunami|landslides?|mudslides?|heatwave|drought)\b",
    re.IGNORECASE,
)
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
    if not _of_people(counted):
        return None
    return Casualties(f"{counted} {kind}", _event(sentence, end))


def _of_people(noun: str) -> bool:
    """Whether a counted noun ("people", "American soldiers", "Syrians") counts people."""
    head = noun.split()[-1]
    return head.lower() in _PEOPLE or demonym_country(head.rstrip("s")) is not None


def counts_people(unit_key: str) -> bool:
    """Whether a stored unit ("count:person", "count:american", "count:civilian") counts
    people; a bare number may."""
    if unit_key in ("", "number"):
        return True
    if not unit_key.startswith("count:"):
        return False
    noun = unit_key.split(":", 1)[1]
    return noun == "person" or _of_people(noun + "s") or _of_people(noun.capitalize())


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
    "Lyon bombing", "Arles attack"; else the place after the number ("in
    Paris"); else None."""
    where = _WHERE_BEFORE_RE.search(sentence, max(0, end - _WHERE_WINDOW), end)
    if where and _clean(where.group("name")):
        start = where.start("name")
        venue = _VENUE_BEFORE_RE.search(sentence, max(0, start - _WHERE_WINDOW), start)
        town_wide = _TOWN_WIDE_AFTER_RE.match(sentence, end) is not None
        if venue and not town_wide and (named := _clean(venue.group("venue"))):
            return named  # "the Beacon nightclub in Arles, where four were killed"
        return _clean(where.group("name"))  # "Arles, where four were killed"
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
        place = before[-1] if before else None  # "in Lyon, where 31 were killed"
    return _clean(place.group("name")) if place else None


def _clean(name: str) -> str | None:
    words = name.rstrip(".").split()
    while words and words[0] in _NOT_NAMES:
        words = words[1:]
    return " ".join(words) or None


def _singular(event: str) -> str:
    return event[:-1] if event.endswith("s") and not event.endswith("ss") else event


_TOLL_RE = re.compile(
    r"\b(?:(?P<killed>death|deaths|dead|killed|fatalit\w*|victims?)|(?P<wounded>wounded|injur\w*))\b",
    re.IGNORECASE,
)


def toll_kind(metric: str | None) -> str | None:
    """'killed' or 'wounded' when a metric measures a toll, in whatever words ("death
    toll", "people killed", "victims", "people injured"); else None."""
    found = _TOLL_RE.search(metric or "")
    if found is None:
        return None
    return _KILLED if found.group("killed") else _WOUNDED
