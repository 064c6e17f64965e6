"""A number that is the size of one rival's lead over another.

"Smith leads Jones by 6 points", "Jones trails Smith by 40 delegates", "a 214-seat
advantage", "with a lead of more than 300 delegates", "12 votes ahead of Lee", "8
points behind Lee": the figure is a gap between two rivals, whatever is counted
(points, delegates, seats, votes). CLAIM-SPEC `metric` is the measured property: the
lead, named with the rival when the text names one ("lead over Jones"); from the
trailing side, in the text's own words, the margin behind the leader ("margin behind
Smith"). The subject is the rival whose lead or margin it is: the name before "leads"
or "trails", else the one the rest of the pipeline finds. Matching writes both sides
as one figure (normalise.as_lead), so "Jones trails Smith by 6" and "Smith leads Jones
by 6" line up.

Only "lead", "advantage" and "edge" name a lead as a noun: "margin" and "gap" are as
often a profit margin, a margin of error or a pay gap. A lead named without its rival
takes the rival the article gives the same subject's lead elsewhere (name_rivals).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

# A name of up to three capitalised words ("Ann Okafor", "Lee").
_NAME = r"(?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’-]*"
# Words that soften a number without changing what it measures.
_APPROX = (
    r"(?:(?:more\s+than|fewer\s+than|less\s+than|nearly|almost|about|around|roughly|some|"
    r"just|only|at\s+least|over|under|close\s+to|as\s+many\s+as|an?\s+estimated)\s+)*"
)
# "Smith leads Jones by", "Jones continues to trail Smith by more than", "Lee, who
# led Ng by": the verb's subject, the rival after it, then "by" just before the number.
_VERB_BEFORE_RE = re.compile(
    rf"(?P<subject>{_NAME})(?:['’]s?)?(?:,\s+who)?\s+(?:[a-z][\w'’-]*\s+){{0,3}}?"
    r"(?P<verb>leads|lead|led|leading|trails|trail|trailed|trailing|beat|beats|beating|"
    r"tops|topped|outpaced|outpaces)\s+"
    rf"(?P<rival>{_NAME})\s+(?:(?:[a-z][\w'’-]*|[A-Z][\w'’.-]*)\s+){{0,6}}?by\s+{_APPROX}$"
)
# "a lead of", "Smith's lead over Jones of", "an advantage of more than".
_NOUN_BEFORE_RE = re.compile(
    rf"(?:(?P<owner>{_NAME})['’]s?\s+|\b(?:a|an|the|his|her|its|their)\s+)"
    r"(?:[a-z][\w-]*\s+){0,2}?(?:lead|advantage|edge)\s+"
    rf"(?:over\s+(?P<rival>{_NAME})\s+)?(?:of|at|to|stood\s+at)\s+{_APPROX}$"
)
# After the number: "-delegate advantage", " point lead over Jones", " seats ahead of
# Lee", " points behind Lee".
_NOUN_AFTER_RE = re.compile(
    r"(?:[\s-]+(?!lead\b|advantage\b|edge\b|ahead\b|behind\b)[a-z][\w'’-]*){0,2}"
    r"[\s-]+(?:(?P<noun>lead|advantage|edge)\b(?:\s+over\s+(?P<rival>" + _NAME + r"))?"
    r"|(?P<side>ahead\s+of|behind)\s+(?P<other>" + _NAME + r"))"
)
# Capitalised words that open a clause rather than a name.
_NOT_NAMES = frozenset(
    """The A An In On At But And Or So Yet Still Now Then He She It They We I This That
    These Those His Her Their Its Our Entering Going After Before With Without While
    When If As By For From""".split()
)
_WINDOW = 160


@dataclass(frozen=True)
class Lead:
    """The lead a number measures: whose it is when the sentence says, over whom, and
    whether the sentence says it from the trailing side."""

    subject: str | None
    rival: str | None = None
    behind: bool = False

    @property
    def metric(self) -> str:
        if self.behind:
            return f"margin behind {self.rival}"
        return f"lead over {self.rival}" if self.rival else "lead"

    def named_in_full(self, full_name) -> Lead:
        """The leader as the article wrote the name in full ("Smith" -> "Ann Smith"):
        the subject, or the rival a margin is behind. A lead's rival stays as written
        (the key reads it by surname)."""
        subject = full_name(self.subject) if self.subject else None
        rival = full_name(self.rival) if self.rival and self.behind else self.rival
        return Lead(subject, rival, self.behind)


def _name(raw: str | None) -> str | None:
    """A captured name without clause openers before it or a possessive after it."""
    if not raw:
        return None
    words = raw.split()
    while words and words[0] in _NOT_NAMES:
        words = words[1:]
    if not words:
        return None
    return re.sub(r"['’]s?$", "", " ".join(words)) or None


def _lead_metric(rival: str | None) -> str:
    return f"lead over {rival}" if rival else "lead"


def find_lead(sentence: str, start: int, end: int) -> Lead | None:
    """The lead the number at [start, end) of the sentence measures, or None."""
    lo = max(0, start - _WINDOW)
    before = sentence[lo:start]
    if m := _VERB_BEFORE_RE.search(before):
        subject, rival = _name(m["subject"]), _name(m["rival"])
        if rival is not None:
            return Lead(subject, rival, behind=m["verb"].startswith("trail"))
    after = _NOUN_AFTER_RE.match(sentence, end)
    if after is not None:
        if after["side"]:
            other = _name(after["other"])
            if other is None:
                return None
            return Lead(None, other, behind=after["side"].startswith("behind"))
        return Lead(None, _name(after["rival"]))
    if m := _NOUN_BEFORE_RE.search(before):
        return Lead(_name(m["owner"]), _name(m["rival"]))
    return None


def _rival_of(metric: str | None) -> str | None:
    if metric and metric.startswith("lead over "):
        return metric[len("lead over ") :]
    return None


def _same_person(a: str | None, b: str | None) -> bool:
    """One name, written in full or by surname ("Ann Okafor", "Okafor")."""
    if not a or not b:
        return False
    return a == b or a.split()[-1] == b.split()[-1]


def _surname(name: str) -> str:
    return name.split()[-1]


def name_rivals(claims: list) -> list:
    """A lead the text gives without its rival ("Smith's 214-delegate advantage") takes
    the rival the article gives the same subject's lead elsewhere ("lead over Jones"
    said of Smith, "margin behind Smith" said of Jones); failing that, the one other
    name whose figures the article counts in the same unit ("Jones won 40 delegates").
    Left as "lead" when the article names no rival, or more than one."""
    rivals: dict[str, set[str]] = {}
    counted: dict[str | None, set[str]] = {}  # unit -> names with figures in it
    for claim in claims:
        if claim.kind != "numeric" or not claim.subject:
            continue
        if claim.subject[:1].isupper():
            counted.setdefault(claim.unit, set()).add(_surname(claim.subject))
        if not claim.metric:
            continue
        if rival := _rival_of(claim.metric):
            rivals.setdefault(_surname(claim.subject), set()).add(_surname(rival))
        elif claim.metric.startswith("margin behind "):
            leader = claim.metric[len("margin behind ") :]
            rivals.setdefault(_surname(leader), set()).add(_surname(claim.subject))
    out = []
    for claim in claims:
        if claim.kind == "numeric" and claim.metric == "lead" and claim.subject:
            own = _surname(claim.subject)
            found = rivals.get(own) or counted.get(claim.unit, set()) - {own}
            if len(found) == 1:
                claim = replace(claim, metric=_lead_metric(next(iter(found))))
        out.append(claim)
    return out
