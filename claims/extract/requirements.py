"""A number that is what it takes to reach a goal: a threshold, not someone's count.

"It takes N delegates to win the nomination", "the N votes needed to pass the bill",
"a party needs N seats to form a government", "N required for a majority": the figure
is a requirement, and it is about the goal (CLAIM-SPEC `subject`: what the quantity is
about), measured as "<counted noun> needed to <verb>". Whoever the article is about is
not its subject, unless the sentence says that they need the number ("Smith needs N
more delegates to clinch it": Smith's own shortfall).

Recognised shapes, after the number and its counted noun:

- a participle of need: "N delegates needed / required / necessary to VERB GOAL"
  or "... for GOAL";
- a verb of need before the number whose subject is impersonal or generic: "it
  takes", "a candidate needs", "either party would need", then "to VERB GOAL";

where VERB is one of reaching a goal (win, pass, form, secure, ...): "residents needed
to evacuate" or "gets $1,200 to spend" is no threshold.

The goal is the noun phrase after the verb (or "for"), up to a preposition, a clause
break or four words; a bare "to win." has none and leaves the subject to the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claims.extract import context
from claims.extract.names import CALENDAR_NAMES
from claims.plurals import plural

__all__ = ["Requirement", "Stake", "requirement", "stake", "with_counted_noun"]

# Verbs of reaching a goal: what a threshold is for ("to win", "to pass", "to form").
_GOAL_VERBS = (
    "win|clinch|secure|capture|claim|reach|pass|form|become|qualify|take|carry|earn|"
    "override|block|control|elect|nominate|approve|ratify|seal|lock|command|hold"
)
# The counted noun (two words at most) and the participle of need.
_NEEDED_AFTER_RE = re.compile(
    r"(?P<noun>(?:[\s-]+(?!needed|required|necessary|to\b|for\b)[a-z][\w'’-]*){0,2})"
    rf"\s+(?:needed|required|necessary)\s+(?:(?:to\s+(?P<verb>{_GOAL_VERBS}))|for)\b"
)
_TO_VERB_AFTER_RE = re.compile(
    r"(?P<noun>(?:[\s-]+(?!to\b|for\b)[a-z][\w'’-]*){0,2})"
    rf"\s+to\s+(?P<verb>{_GOAL_VERBS})\b"
)
# A verb of need ending just before the number, with an impersonal or generic subject.
# The generic subject may carry a modifier, capitalised when it is a party's name
# ("a Whig candidate needs").
_GENERIC_NEED_BEFORE_RE = re.compile(
    r"(?:\b[Ii]t|\b(?:[Aa]n?|[Aa]ny|[Ee]ither|[Nn]either|[Ee]ach|[Ee]very)"
    r"(?:\s+[A-Z][\w-]*)?\s+[a-z][\w-]*"
    r"|\b[Ww]hoever|\b[Cc]andidates|\b[Pp]arties)"
    r"\s+(?:(?:would|will|must|still|only|then)\s+)*"
    r"(?:takes?|took|needs?|needed|requires?|required|must\s+(?:win|get|reach|secure))"
    r"\s+(?:(?:the|at\s+least|more\s+than|some|a\s+total\s+of)\s+)?$"
)
# Every verb of _GENERIC_NEED_BEFORE_RE starts with one of these.
_NEED_VERB_STEMS = ("take", "took", "need", "requir", "must")
# Every requirement contains one of these: a verb or participle of need, "necessary", a
# threshold called one (or else a "magic" number, in any case).
_REQUIREMENT_STEMS = (*_NEED_VERB_STEMS, "necessary", "threshold")
_MAGIC_RE = re.compile("magic", re.IGNORECASE)
_DETERMINERS = frozenset("the a an his her their its our your this that".split())
# Words that are no part of the goal's name ("the nomination outright", "... for president").
_GOAL_STOP_RE = re.compile(
    r"\s+(?:for|on|at|in|of|by|with|without|before|after|and|or|but|outright|heading|"
    r"during|this|next|when|if|so|than|from|into|under|over|each|every|per)\b"
    r"|\s*[,.;:!?)\"”’(]|\s*$"
)
# A goal opening with one of these is a clause, not a noun phrase ("were sent home").
_NOT_GOAL_START = frozenset(
    "is are was were be been being has have had do does did will would can could may "
    "might must shall should".split()
)
_GOAL_WORDS = 4


@dataclass(frozen=True)
class Requirement:
    """What a threshold figure is about (None when the sentence names no goal) and what
    it measures."""

    goal: str | None
    metric: str


# A threshold named as one: "the 1,991-delegate threshold (to win ...)", "the 60 vote
# threshold", "the magic 1,991 number", "the magic number of 3,412".
_THRESHOLD_AFTER_RE = re.compile(
    r"(?:[\s-]+(?P<noun>(?!threshold)[a-z][\w'’]*))?\s+threshold\b"
    rf"(?:\s+(?:(?:to|needed\s+to|required\s+to)\s+(?P<verb>{_GOAL_VERBS})\b|for\b))?"
)
_MAGIC_BEFORE_RE = re.compile(r"\bmagic\s+(?:number\s+of\s+)?$", re.IGNORECASE)
_MAGIC_NUMBER_AFTER_RE = re.compile(r"\s+number\b")
# "the 1,991 delegates she needs to win": the full count someone needs, in a relative
# clause after the definite figure (not "Lee needs 40 more delegates to win", a shortfall).
_THE_BEFORE_RE = re.compile(r"\bthe\s+(?:(?:magic|full|required)\s+)?$", re.IGNORECASE)
_NEEDS_CLAUSE_AFTER_RE = re.compile(
    r"(?P<noun>(?:[\s-]+(?!that\b|which\b)[a-z][\w'’-]*){0,2})"
    r"\s+(?:that\s+|which\s+)?(?:he|she|they|it|you|[A-Z][\w'’-]*)\s+"
    r"(?:(?:would|will|still|only)\s+)?(?:needs?|needed|requires?)\s+"
    rf"to\s+(?P<verb>{_GOAL_VERBS})\b"
)
# "1,991 delegates, the number needed to win": the figure named as the number needed.
_NUMBER_NEEDED_AFTER_RE = re.compile(
    r"(?P<noun>(?:[\s-]+[a-z][\w'’-]*){0,2})[\s,\"”’]*[,—–-]\s*[\"”’]?\s*the\s+"
    r"(?:magic\s+)?number\s+(?:of\s+[a-z]+\s+)?(?:needed|required|necessary)\s+"
    rf"(?:to\s+(?P<verb>{_GOAL_VERBS})\b|for\b)"
)
# "To win the nomination, a candidate needs 1,991 delegates": the goal said first.
_PURPOSE_OPENING_RE = re.compile(rf"\s*To\s+(?P<verb>{_GOAL_VERBS})\b")


# Asked for each figure of a sentence: kept for the sentence, or a sentence of
# thousands of figures would be read through once for each.
@lru_cache(maxsize=1)
def _may_state_a_requirement(sentence: str) -> bool:
    """Whether the sentence holds a word that every requirement contains."""
    return context.holds_any(sentence, _REQUIREMENT_STEMS) or bool(_MAGIC_RE.search(sentence))


def requirement(sentence: str, start: int, end: int) -> Requirement | None:
    """The requirement the number at [start, end) of the sentence states, if it is one."""
    if not _may_state_a_requirement(sentence):
        return None  # most sentences state no need: skip the patterns below
    found = _NEEDED_AFTER_RE.match(sentence, end) or _NUMBER_NEEDED_AFTER_RE.match(sentence, end)
    if found is None and _THE_BEFORE_RE.search(sentence, max(0, start - 20), start):
        found = _NEEDS_CLAUSE_AFTER_RE.match(sentence, end)
    lo = max(0, start - 60)
    generic_need = (
        found is None
        and context.holds_any(sentence, _NEED_VERB_STEMS, lo, start)
        and _GENERIC_NEED_BEFORE_RE.search(sentence, lo, start)
    )
    if generic_need:
        found = _TO_VERB_AFTER_RE.match(sentence, end)
        opening = _PURPOSE_OPENING_RE.match(sentence)
        if found is None and opening is not None and opening.end() < start:
            noun = _NOUN_AFTER_RE.match(sentence, end)
            return _requirement(
                noun.group(1) if noun else "", opening["verb"], _goal(sentence, opening.end())
            )
    if found is None:
        return _named_threshold(sentence, start, end)
    return _requirement(
        found.group("noun").strip(" -"), found.group("verb"), _goal(sentence, found.end())
    )


_NOUN_AFTER_RE = re.compile(r"\s+([a-z][\w'’-]*s)\b")


def with_counted_noun(metric: str | None, unit: str | None) -> str | None:
    """A threshold's metric said without its noun ("the magic number of 3,412 needed to
    win"), named by what the article counts with that figure elsewhere ("delegates")."""
    if metric and unit and metric.startswith("needed"):
        return f"{plural(unit)} {metric}"
    if metric == "threshold" and unit:
        return f"{plural(unit)} needed"  # "the magic number of 3,412" delegates
    return metric


def _named_threshold(sentence: str, start: int, end: int) -> Requirement | None:
    """A threshold the sentence calls one (see _THRESHOLD_AFTER_RE), else None."""
    if _MAGIC_BEFORE_RE.search(sentence, max(0, start - 25), start):
        noun = _NOUN_AFTER_RE.match(sentence, end)
        if noun is None or _MAGIC_NUMBER_AFTER_RE.match(sentence, end):
            return Requirement(None, "threshold")  # "the magic 1,991 number"
        return _requirement(noun.group(1), None, None)
    found = _THRESHOLD_AFTER_RE.match(sentence, end)
    if found is None:
        return None
    goal = (
        _goal(sentence, found.end())
        if found.group("verb") or found.group().endswith("for")
        else None
    )
    if not found["noun"] and not found["verb"]:
        return Requirement(goal, "threshold")  # "the 15 percent threshold"
    # a counted noun written as a modifier is singular: "a 60-vote threshold"
    return _requirement(plural(found["noun"] or ""), found["verb"], goal)


def _requirement(noun: str, verb: str | None, goal: str | None) -> Requirement:
    need = f"needed to {verb}" if verb else "needed"
    return Requirement(goal, f"{noun} {need}" if noun else need)


def _goal(sentence: str, after: int) -> str | None:
    """The noun phrase a requirement is for, from `after` on, without its determiner."""
    rest = sentence[after:]
    stop = _GOAL_STOP_RE.search(rest)
    words = rest[: stop.start() if stop else len(rest)].split()
    while words and (words[0].lower() in _DETERMINERS or words[0].endswith(("'s", "’s"))):
        words = words[1:]  # "the", "her party's"
    if not words or len(words) > _GOAL_WORDS or not words[-1].isalpha():
        return None
    if words[0].lower() in _NOT_GOAL_START:
        return None
    return " ".join(words)


@dataclass(frozen=True)
class Stake:
    """A prize a contest puts up: what is at stake, and in which contest (None when the
    sentence does not name it)."""

    contest: str | None
    metric: str


# The prize after the number and its counted noun: "50 delegates at stake in the
# Zembla primary", "600 delegates are up for grabs Tuesday in Ruritania", "20 seats on
# offer". Not a share of the prize ("31 of the 60 delegates at stake": the 60 is).
_STAKE_AFTER_RE = re.compile(
    r"(?P<noun>(?:[\s-]+(?!are\b|is\b|were\b|was\b|at\b|up\b|on\b)[A-Za-z][\w'’-]*){0,2}?)"
    r"(?:\s+(?:are|is|were|was|remain|remained))?"
    r"\s+(?P<phrase>at\s+stake|up\s+for\s+grabs|on\s+offer)\b"
)
# The contest named right after the prize: "in the Zembla primary", "on Super Tuesday".
_CONTEST_AFTER_RE = re.compile(
    r"\s+(?:[A-Z][a-z]+day\s+)?(?:in|on|at)\s+(?:the\s+)?"
    r"(?P<contest>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
    r"(?:\s+(?:primary|primaries|caucus|caucuses|election|race|contest|vote))?)"
)


# What a contest puts at stake: seats, delegates, votes, or a bare number of them ("with
# 24 at stake"); money at stake is an exposure ("Acme has $5bn at stake"), not a prize.
_PRIZE_UNITS = frozenset({"delegate", "superdelegate", "seat", "vote", None})


def stake(sentence: str, end: int, unit: str | None) -> Stake | None:
    """What the number ending at `end` is at stake in, if it is a prize, else None. Its
    subject is the contest, never the rival the sentence goes on to ("With 26 delegates
    at stake, Lee will gain at least 14"): a stake is no one's count."""
    found = _STAKE_AFTER_RE.match(sentence, end) if unit in _PRIZE_UNITS else None
    if found is None:
        return None
    noun = found["noun"].strip(" -") or (plural(unit) if unit else "")
    phrase = " ".join(found["phrase"].split())
    contest = _CONTEST_AFTER_RE.match(sentence, found.end())
    name = contest["contest"].rstrip(".") if contest else None
    if name in CALENDAR_NAMES:
        name = None  # "at stake on Tuesday", "in March": when, not which contest
    return Stake(name, f"{noun} {phrase}" if noun else phrase)
