"""A number that is the size of one rival's lead over another.

"Smith leads Jones by 6 points", "Jones trails Smith by 40 delegates", "a 90-seat
advantage", "with a lead of more than 300 delegates", "12 votes ahead of Lee", "8 points
behind Lee", "within two points of Lee": the figure is a gap between two rivals in a
count of the contest (points, percentage points, percent, delegates, seats, votes).
CLAIM-SPEC `metric` is the measured property: the lead, named with the rival when the
text names one ("lead over Jones"); from the trailing side, in the text's own words, the
margin behind the leader ("margin behind Smith"). The subject is the rival whose lead or
margin it is: the name before "leads" or "trails", else the one the rest of the pipeline
finds. Matching writes both sides as one figure (normalise.as_lead), so "Jones trails
Smith by 6" and "Smith leads Jones by 6" line up.

Only "lead", "advantage" and "edge" name a lead as a noun: "margin" and "gap" are as
often a profit margin, a margin of error or a pay gap; and only in a contest's count,
so that "$4m ahead of Christmas", "8 hours ahead of London" or "300 homes with lead
pipes" are no leads. "Smith leads by 15 points" is a lead without its rival. A result's
"won by", "beat Jones by", "was decided by" in a contest's count is the margin of
victory, not a standing lead; "by 61 percent to 29 percent" is a score, two shares. A
lead named without its rival takes the rival the article gives the same subject's lead
elsewhere (name_rivals).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from claims.extract import context, places
from claims.extract.names import CALENDAR_NAMES, MODAL, OFFICES, is_person_name
from claims.normalise import LEAD_OVER, MARGIN_BEHIND, surname

__all__ = [
    "BACKED_BEFORE_RE",
    "BACKED_STEMS",
    "PAIR_JOIN_RE",
    "SCORE_AFTER_RE",
    "TIED_AT_RE",
    "TIED_WITH_RE",
    "TIED_WITH_STEMS",
    "contest_pair",
    "find_lead",
    "name_rivals",
    "pair_owner",
    "pair_share",
    "person_like",
    "scored_measure",
]

# The units a contest is counted in: a lead of something else is no rival's lead.
LEAD_UNITS = frozenset({"point", "percentage point", "percent", "delegate", "seat", "vote"})
# The units in which a lead's rival may be guessed from who else the article counts
# (a poll names many candidates in points; a delegate race has two or three).
_RIVAL_UNITS = frozenset({"delegate", "seat", "vote"})

# A name of up to three capitalised words ("Ann Okafor", "Lee").
_NAME = r"(?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’-]*"
_OFFICE = rf"(?:{'|'.join(sorted(OFFICES))})"  # "the Westmarch senator"
# A candidate backed right before a share: "Democrats favored Lee, 72 percent to 8
# percent" (name Lee; the group that backed them stands before the verb).
BACKED_BEFORE_RE = re.compile(
    r"\b(?P<verb>favou?red|favou?rs|preferred|prefers|backed|backs|supported|supports|chose"
    r"|picked)\s+(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’-]*){0,3}),?\s+$"
)
# Every match of BACKED_BEFORE_RE contains one of these (its verb).
BACKED_STEMS = ("favo", "prefer", "back", "support", "chose", "picked")
# Words that soften a number without changing what it measures.
_APPROX = rf"(?:(?:{context.APPROX_WORDS}|under|an?\s+estimated)\s+)*"
# Words that may stand between the rival and "by": an aside, a place, a group of
# voters, the polls ("trailed Lee, the front-runner, in head-to-head polls, by"), never
# a clause of its own ("leads Treasury efforts that cut spending by").
_SCOPE = r"(?:(?!that\b|which\b|who\b|to\b)[^\s.;!?]+\s+){0,12}?"
# "Smith leads Jones by", "Jones continues to trail Smith by more than", "Lee, who
# led Ng by", "Smith finished ahead of Jones in the polls by": the verb's subject, the
# rival after it, then "by" just before the number.
_VERB_BEFORE_RE = re.compile(
    rf"(?P<subject>{_NAME})(?:['’]s?)?(?:,\s+who)?\s+(?:[a-z][\w'’-]*\s+){{0,3}}?"
    r"(?P<verb>leads|lead|led|leading|trails|trail|trailed|trailing|ahead\s+of|behind)\s+"
    rf"(?P<rival>{_NAME}),?\s+{_SCOPE}by\s+{_APPROX}(?:[\d.,]+\s+(?:and|or|to)\s+)?$"
)
# Every match of _VERB_BEFORE_RE contains one of these (its verb).
_LEAD_VERB_STEMS = ("lead", "led", "trail", "ahead", "behind")
# Every match of _NOUN_BEFORE_RE contains one of these (its noun).
_LEAD_NOUNS = ("lead", "advantage", "edge")
# "a lead of", "Smith's lead over Jones narrowed to", "an advantage of more than"; never
# the verb ("the merger could lead to").
_NOUN_BEFORE_RE = re.compile(
    rf"(?:(?P<owner>{_NAME})['’]s?\s+|\b(?:a|an|the|his|her|its|their)\s+)"
    r"(?:(?!could\b|would\b|will\b|may\b|might\b|can\b|should\b|must\b)[a-z][\w-]*\s+){0,2}?"
    rf"(?:lead|advantage|edge)\s+(?:over\s+(?P<rival>{_NAME})\s+)?"
    rf"(?:of|at|stood\s+at|(?:[a-z]+ed|grew|rose|fell|shrank)\s+to)\s+{_APPROX}$"
)
# After the number and its unit word: "-delegate advantage", " point lead over Jones",
# " seats ahead of Lee", " points behind Lee", " points clear of Lee", " votes short of Lee".
_NOUN_AFTER_RE = re.compile(
    r"(?:[\s-]+(?:percentage\s+)?(?:points?|delegates?|seats?|votes?))?"
    r"[\s-]+(?:(?P<noun>lead|advantage|edge)\b(?:\s+over\s+(?P<rival>" + _NAME + r"))?"
    r"|(?P<side>ahead\s+of|clear\s+of|behind|short\s+of|shy\s+of|adrift\s+of)\s+(?P<other>"
    + _NAME
    + r")(?!['’]))"
)
# "within two points of Lee": the gap by which the figure's subject trails Lee.
_WITHIN_BEFORE_RE = re.compile(rf"\bwithin\s+{_APPROX}$")
_COUNT_OF_RIVAL_RE = re.compile(
    r"(?:[\s-]+(?:percentage\s+)?(?:points?|delegates?|seats?|votes?))?\s+of\s+"
    # a rival, whole, not a name that qualifies a thing ("of ECB targets", "of Acme Index
    # highs"): punctuation or a word of the clause's scope follows it
    rf"(?P<other>{_NAME})(?<!['’]s)(?<!['’])\b"
    r"(?=\s*(?:[^\w\s'’]|$)|\s+(?:in|on|at|among|with|and|by|for|from|nationally|overall"
    r"|after|before|as|but|while|since|last|this|according)\b)"
)
# The trailing side's words: the figure is a margin behind the other.
_BEHIND_WORDS = ("behind", "short", "shy", "adrift")
# Capitalised words that open a clause or quantify rather than name.
_NOT_NAMES = frozenset(
    """The A An In On At But And Or So Yet Still Now Then He She It They We I This That
    These Those His Her Their Its Our Entering Going After Before With Without While
    When If As By For From Neither Both No Each Every Either All None""".split()
)
_WINDOW = 160


# "Smith leads by 15 points in Zembla", "Lee is ahead overall by 1.2 million votes",
# "polls have Lee leading by an average of 9 points": a lead said without its rival.
# Only an adverb may stand between the verb and "by" (not "leads efforts that cut
# spending by").
_LEADS_BY_RE = re.compile(
    rf"(?P<subject>{_NAME})\s+(?:(?:now|still|currently|narrowly|comfortably)\s+)?"
    r"(?:leads|led|(?:(?:is|was)\s+)?leading|(?:is|was)\s+ahead)\s+"
    r"(?:(?:overall|nationally|now|still|[a-z]+ly)\s+)?"
    rf"by\s+(?:an\s+average\s+of\s+)?{_APPROX}$"
)
# A candidate "up" or "ahead" by a margin in a poll's finding, without a verb: "polls
# show Okafor up by 10 points", "with Lee ahead by 4" (a share price "up by 5 points" is
# no lead: the sentence must name a poll).
_UP_BY_RE = re.compile(
    rf"(?P<subject>{_NAME})\s+(?:(?:is|was|now|still)\s+)?(?:up|ahead)\s+by\s+{_APPROX}$"
)
# A result's margin: "Lee won the state by 8 points", "Ng beat Lee by 12 points", "the
# seat was decided by fewer than 300 votes", "beating her by more than 14 points".
_WON_BY_RE = re.compile(
    rf"(?:(?P<subject>{_NAME})\s+(?:[a-z]+ly\s+)?)?\b(?:won|wins|winning|beat|beats|beating"
    r"|defeated|defeats|defeating|carried|carries|carrying|crushed|crushing|edged|edging"
    r"|trounced|trouncing|routed|decided)\b(?:\s+(?!by\b)[\w'’.-]+){0,4}?"
    rf"\s+by\s+{_APPROX}$"
)
# The rest of a score after its first share: "by 61 percent to 29 percent" is two shares.
SCORE_AFTER_RE = re.compile(r"(?:\s*(?:%|percent|per\s+cent|points?))?\s+to\s+\d")
# Rivals level in a contest: "Okafor, who was tied with Lee at 42%" is Okafor's share
# (and Lee's), support in a poll.
_TIED_WITH = r"tied\s+with\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,3}at\s+(?:about\s+|around\s+)?$"
# ... or the rivals together: "the candidates were tied at 41%" (not "inflation and
# unemployment were tied at 5%": rivals are people).
_RIVALS_TIED = (
    r"(?:candidates|contenders|rivals|two|both|pair)\s+(?:are|were)\s+(?:now\s+|still\s+)?"
    r"tied\s+at\s+(?:about\s+|around\s+)?$"
)
TIED_AT_RE = re.compile(rf"\b(?:{_TIED_WITH}|{_RIVALS_TIED})")
# Every match of TIED_WITH_RE contains this.
TIED_WITH_STEMS = ("tied",)
TIED_WITH_RE = re.compile(
    rf"(?P<name>{_NAME})(?:,\s+who)?\s+(?:(?:is|was|are|were|has|had|been|now|still)\s+)*"
    rf"{_TIED_WITH}"
)
# Two shares written as a pair: "46 percent to 39 percent", "a 58%-36% lead", "with 46%
# to Lee's 42%". The join after the first share, and the first share before the second;
# a name in the join is the second share's owner.
_PAIR_JOIN = r"(?:\s+to\s+|\s*[-–]\s*)"
PAIR_JOIN_RE = re.compile(_PAIR_JOIN)
_SHARE = r"\d[\d.]*\s*(?:%|percent|per\s+cent)"
# A name that is no possessive: "Lee", not the "Lee's" of "tops Lee's total".
_PLAIN_NAME = rf"{_NAME}(?<!['’]s)(?<!['’])"
_SECOND_SHARE_RE = re.compile(rf"{_PAIR_JOIN}(?:(?P<named>{_NAME})['’]s?\s+)?{_SHARE}")
_PAIR_BEFORE_RE = re.compile(rf"{_SHARE}{_PAIR_JOIN}(?:(?P<named>{_NAME})['’]s?\s+)?$")
# Words of a contest's standing: a pair of shares near one is each rival's support.
_CONTEST_WORD_RE = re.compile(
    r"\b(?:(?:leads?|leading|led|trails?|trailing|trailed|advantage|edge|tops|topping|tied)\b"
    r"|(?:ahead\s+of|behind)\s+(?:the\s+)?[A-Z]|prefer\w*\s+[A-Z]"
    r"|(?P<result>beat|beats|beating|won|wins|winning|defeated|defeats|defeating|carried"
    r"|carries|carrying)\b)"
)
# A move from one level to another is no score: "shares rose 5% to 7%", "approval went
# from 40% to 45%".
_CHANGE_BEFORE_RE = re.compile(
    r"(?:\b(?:rose|rise|rises|rising|risen|fell|fall|falls|falling|fallen|up|down|grew|grow"
    r"|climb\w*|dropped|jumped|slipped|slid|gained|lost|increased|decreased|declined|went"
    r"|moved|edged)\s+(?:by\s+)?|\bfrom\s+)$"
)
# "Smith's 52%-41% lead over Jones", "her 52-41 advantage over Jones": the pair's first
# share is the owner's, the second the rival's.
_PAIR_OWNER_RE = re.compile(rf"(?:(?P<owner>{_NAME})['’]s?|\b(?P<pronoun>[Hh]is|[Hh]er))\s+$")
_PAIR_RIVAL_RE = re.compile(rf"\s+(?:lead|advantage|edge)\s+over\s+(?P<rival>{_NAME})")
# Words between a score's rival and its pair, within the rival's clause: "among women,",
# "in national polls by a slim margin," (never "and", "but" or "though": a new clause).
_PAIR_SCOPE = r"(?:(?!that\b|which\b|who\b|to\b|and\b|but\b|though\b|while\b)[^\s.;!?]+\s+){0,12}?"
# A name that only qualifies the role after it: "the Whig challenger", "the Acme nominee".
_DESCRIBED_RE = re.compile(
    r"\s+(?:challenger|nominee|candidate|contender|rival|opponent|incumbent|front-?runner"
    r"|hopeful|leader|senator|governor|congressman|congresswoman|mayor)\b"
)
# "Smith leads Jones among women, 46% to 39%", "Jones trails Smith by 6 points, 40% to
# 46%": the verb's subject has the pair's first share, its object the second. The leader
# may be set off by an aside: "Smith, the party's nominee, leads Jones".
_SCORE_FRAME_RE = re.compile(
    rf"(?:\b(?P<pronoun>[Hh]e|[Ss]he)|(?:(?P<leader>{_NAME})"
    # or an office of a place: "the Westmarch senator leads Jones"
    rf"|\b[Tt]he\s+(?P<office>{_NAME}\s+{_OFFICE}))(?:,[^,;.]{{1,100}},)?)\s+"
    r"(?:(?:is|was|are|were|now|still"
    r"|well|far|narrowly|comfortably|currently|just|only)\s+)*(?:leads|lead|led|leading|beats"
    r"|beat|beating|tops|topped|topping|ahead\s+of|trails|trail|trailed|trailing|behind)\s+"
    rf"(?:the\s+)?(?P<rival>{_PLAIN_NAME})\b,?\s+{_PAIR_SCOPE}\(?$"
)
# "Smith with a four-point lead, with 46% to": the one the shares are given with.
_WITH_SHARES_RE = re.compile(rf"(?P<leader>{_NAME})\s+with\s+{_PAIR_SCOPE}$")


@dataclass(frozen=True)
class _Pair:
    """Where a share stands in a pair: its side (1 or 2), where the first share starts
    and the second ends, and the name the join gives the second ("to Lee's 42%")."""

    side: int
    first: int
    last: int
    named: str | None


def _pair_of(sentence: str, start: int, end: int) -> _Pair | None:
    if m := _SECOND_SHARE_RE.match(sentence, end):
        return _Pair(1, start, m.end(), m["named"])
    if m := _PAIR_BEFORE_RE.search(sentence, max(0, start - 60), start):
        return _Pair(2, m.start(), end, m["named"])
    return None


def _contest_word(sentence: str, pair: _Pair) -> re.Match | None:
    """The word that makes a pair a contest's score, if one stands near it."""
    if _CHANGE_BEFORE_RE.search(sentence, max(0, pair.first - 30), pair.first):
        return None
    return _CONTEST_WORD_RE.search(sentence, max(0, pair.first - 120), pair.last + 60)


def contest_pair(sentence: str, start: int, end: int) -> bool:
    """Whether the share at [start, end) is one of a pair that scores a contest: "Smith
    leads Jones 46 percent to 39 percent", "with 46% to Lee's 42%", "a 58%-36% lead";
    not "voters back the plan 55%-41%" (no rival's standing) or "shares rose 5% to 7%"."""
    pair = _pair_of(sentence, start, end)
    return pair is not None and _contest_word(sentence, pair) is not None


def pair_share(sentence: str, start: int, end: int) -> str | None:
    """What a share of a contest's scored pair measures: the vote share of a result
    ("Smith beat Jones 51% to 36%"), support in a standing ("leads Jones 46% to 39%")
    or a poll's matchup ("would beat Jones 48% to 44% in the Acme poll"); None when
    the share is no part of a scored pair."""
    pair = _pair_of(sentence, start, end)
    word = _contest_word(sentence, pair) if pair is not None else None
    if word is None:
        return None
    near = (max(0, word.start() - 60), word.end() + 60)
    if (
        word["result"]
        and not _POLL_WORD_RE.search(sentence, *near)
        and not _MODAL_BEFORE_RE.search(sentence, max(0, word.start() - 20), word.start())
    ):
        return "vote share"
    return "support"  # also "Smith would beat Jones 48% to 44%": a matchup, not a result


_MODAL_BEFORE_RE = re.compile(rf"\b{MODAL}\s+(?:still\s+|[a-z]+ly\s+)?$")


_POLL_WORD_RE = re.compile(r"\b(?:polls?|polling|survey\w*|matchups?|head-to-head)\b", re.I)


# A measure a score is in, named between the rival and the pair: "leads Jones in
# market share, 46% to 39%". Polls and places are where a score stands, not measures.
_MEASURE_IN_SCOPE_RE = re.compile(
    r",?\s+in\s+(?:the\s+)?(?P<measure>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)\s*(?:,|\s+(?:with|by|at)\b|$)"
)
_NOT_MEASURES = frozenset(
    "poll polls survey surveys race primary primaries caucus caucuses state states".split()
)


def scored_measure(sentence: str, start: int, end: int) -> str | None:
    """The measure a scored pair gives, when the sentence names one other than support:
    "Acme leads Globex in market share, 46% to 39%" -> "market share"."""
    pair = _pair_of(sentence, start, end)
    if pair is None:
        return None
    frame = _SCORE_FRAME_RE.search(sentence, max(0, pair.first - _WINDOW), pair.first)
    if frame is None:
        return None
    m = _MEASURE_IN_SCOPE_RE.match(sentence, frame.end("rival"))
    if m is None or m["measure"].split()[-1] in _NOT_MEASURES:
        return None
    return m["measure"]


def pair_owner(sentence: str, start: int, end: int) -> str | None:
    """Whose share of a scored pair the one at [start, end) is, as the sentence names
    the sides: "Smith's 52%-41% lead over Jones" (the owner's name, or "his", "her",
    first; the rival second), "Smith leads Jones among women, 46% to 39%" (the verb's
    subject first, its object second), "Smith with 46% to Jones's 42%". None when the
    share is no part of a scored pair or the sentence does not name its side."""
    pair = _pair_of(sentence, start, end)
    if pair is None or _contest_word(sentence, pair) is None:
        return None
    owner = _PAIR_OWNER_RE.search(sentence, max(0, pair.first - 40), pair.first)
    rival = _PAIR_RIVAL_RE.match(sentence, pair.last)
    if owner is not None and rival is not None:
        if pair.side == 2:
            return _name(rival["rival"])
        return owner["pronoun"] or _name(owner["owner"])
    if frame := _SCORE_FRAME_RE.search(sentence, max(0, pair.first - _WINDOW), pair.first):
        if pair.side == 2:
            if _DESCRIBED_RE.match(sentence, frame.end("rival")):
                return None  # "ahead of the Whig challenger": a description, not a name
            return _name(frame["rival"])
        if frame["office"]:
            return frame["office"]  # "Westmarch senator": its holder is for the caller to find
        return frame["pronoun"].lower() if frame["pronoun"] else _name(frame["leader"])
    if pair.named is None:
        return None
    if pair.side == 2:
        return _name(pair.named)  # "with 46% to Jones's 42%"
    with_frame = _WITH_SHARES_RE.search(sentence, max(0, pair.first - _WINDOW), pair.first)
    return _name(with_frame["leader"]) if with_frame else None  # "Smith with 46% to"


# A result's margin is counted in points, votes, seats or delegates; "beat estimates by
# 10 percent" is a firm's result against a forecast, not a contest's.
_RESULT_UNITS = frozenset({"point", "percentage point", "vote", "seat", "delegate"})


@dataclass(frozen=True)
class Lead:
    """The lead a number measures: whose it is when the sentence says, over whom, and
    whether the sentence says it from the trailing side, or a result's margin."""

    subject: str | None
    rival: str | None = None
    behind: bool = False
    result: bool = False

    @property
    def metric(self) -> str:
        if self.result:
            return "margin of victory"
        if self.behind:
            return MARGIN_BEHIND + str(self.rival)
        return LEAD_OVER + self.rival if self.rival else "lead"

    def named_in_full(self, full_name) -> Lead:
        """The leader as the article wrote the name in full ("Smith" -> "Ann Smith"):
        the subject, or the rival a margin is behind. A lead's rival stays as written
        (the key reads it by surname)."""
        subject = full_name(self.subject) if self.subject else None
        rival = full_name(self.rival) if self.rival and self.behind else self.rival
        return Lead(subject, rival, self.behind, self.result)


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


def find_lead(sentence: str, start: int, end: int, unit: str | None) -> Lead | None:
    """The lead the number at [start, end) of the sentence measures, or None. `unit`
    is the number's (None for a bare number, which only "leads X by" makes a lead)."""
    if unit is not None and unit not in LEAD_UNITS:
        return None
    before = sentence[max(0, start - _WINDOW) : start]
    if m := context.search_holding(_VERB_BEFORE_RE, _LEAD_VERB_STEMS, before):
        subject, rival = _name(m["subject"]), _name(m["rival"])
        if rival is not None:
            return Lead(subject, rival, behind=m["verb"].startswith(("trail", "behind")))
    if unit is None:
        return None
    score = SCORE_AFTER_RE.match(sentence, end)  # "leads by 61 percent to 29 percent"
    if not score and (m := _LEADS_BY_RE.search(before)):
        return Lead(_name(m["subject"]))
    if (
        not score
        and (m := _UP_BY_RE.search(before))
        and _POLL_WORD_RE.search(sentence, max(0, start - _WINDOW), end + _WINDOW)
    ):
        return Lead(_name(m["subject"]))  # "polls show Okafor up by 10 points"
    if not score and unit in _RESULT_UNITS and (m := _WON_BY_RE.search(before)):
        return Lead(_name(m["subject"]), result=True)
    after = _NOUN_AFTER_RE.match(sentence, end)
    if after is not None:
        if after["side"]:
            other = _name(after["other"])
            if other is None or _names_a_time(other):
                return None  # "7% ahead of Christmas": a time, not a rival
            return Lead(None, other, behind=after["side"].startswith(_BEHIND_WORDS))
        return Lead(None, _name(after["rival"]))
    if m := context.search_holding(_NOUN_BEFORE_RE, _LEAD_NOUNS, before):
        return Lead(_name(m["owner"]), _name(m["rival"]))
    within = unit != "percent" and _WITHIN_BEFORE_RE.search(before)
    if within and (m := _COUNT_OF_RIVAL_RE.match(sentence, end)):
        other = _name(m["other"])
        if other is not None and not _names_a_time(other) and person_like(other):
            return Lead(None, other, behind=True)  # "polls show Okafor within two points of Lee"
    return None


def _names_a_time(name: str) -> bool:
    """Whether a name is a day, a month or a holiday: "Super Tuesday", "Labor Day"."""
    words = name.split()
    return words[-1] == "Day" or any(word in CALENDAR_NAMES for word in words)


def _rival_of(metric: str | None) -> str | None:
    if metric and metric.startswith(LEAD_OVER):
        return metric[len(LEAD_OVER) :]
    return None


def name_rivals(claims: list, text: str = "", spans: Sequence[tuple[int, int]] = ()) -> list:
    """A lead the text gives without its rival ("Smith's 90-seat advantage") takes
    the rival the article gives the same subject's lead elsewhere ("lead over Jones"
    said of Smith, "margin behind Smith" said of Jones); failing that, in a count of
    delegates, seats or votes, the one other name whose figures the article counts in
    that unit ("Jones won 40 delegates"); failing that, in such a count, the one name
    with figures that shares far more of the article's sentences with the leader than
    any other (the race the leader is in, where other contests are reported too). Left
    as "lead" when the article names no rival, or no one stands out; a lead in points
    among a group of voters is as often over the whole field."""
    rivals: dict[str, set[str]] = {}
    counted: dict[str | None, set[str]] = {}  # unit -> names with figures in it
    for claim in claims:
        if claim.kind != "numeric" or not claim.subject:
            continue
        if claim.subject[:1].isupper() and claim.unit in _RIVAL_UNITS:
            counted.setdefault(claim.unit, set()).add(surname(claim.subject))
        if not claim.metric:
            continue
        if rival := _rival_of(claim.metric):
            rivals.setdefault(surname(claim.subject), set()).add(surname(rival))
        elif claim.metric.startswith(MARGIN_BEHIND):
            leader = claim.metric[len(MARGIN_BEHIND) :]
            rivals.setdefault(surname(leader), set()).add(surname(claim.subject))
    out = []
    people: set[str] | None = None  # surnames of the people given figures, when needed
    for claim in claims:
        if claim.kind == "numeric" and claim.metric == "lead" and claim.subject:
            own = surname(claim.subject)
            found = rivals.get(own) or counted.get(claim.unit, set()) - {own}
            if len(found) != 1 and claim.unit in _RIVAL_UNITS:
                if people is None:
                    people = _people_with_figures(claims)
                if usual := _usual_rival(own, people - {own}, text, spans):
                    found = {usual}
            if len(found) == 1:
                claim = replace(claim, metric=Lead(claim.subject, next(iter(found))).metric)
        out.append(claim)
    return out


# An office named by its place, which stands for the person holding it: "Zembla senator".
_HOLDER_RE = re.compile(rf"{_NAME}\s+{_OFFICE}")


def person_like(name: str) -> bool:
    """A person's full name, an office of a place ("Zembla senator"), or one
    capitalised word that names no place or people."""
    if " " in name:
        return is_person_name(name) or _HOLDER_RE.fullmatch(name) is not None
    return name[:1].isupper() and not places.is_place(name) and places.demonym_country(name) is None


# How far the most frequent companion must outnumber the next for a rival to be read.
_RIVAL_DOMINANCE = 2


def _people_with_figures(claims: list) -> set[str]:
    """The surnames of the people the article gives figures for."""
    return {
        surname(c.subject)
        for c in claims
        if c.kind == "numeric" and c.subject and person_like(c.subject)
    }


def _usual_rival(
    own: str, names: set[str], text: str, spans: Sequence[tuple[int, int]]
) -> str | None:
    """Of `names`, the one that most often shares a sentence with the leader's, when it
    does so at least twice and twice as often as any other."""
    if not names or not text:
        return None
    together: dict[str, int] = dict.fromkeys(names, 0)
    own_re = re.compile(rf"\b{re.escape(own)}\b")
    for start, end in spans:
        sentence = text[start:end]
        if own_re.search(sentence):
            for name in names:
                if re.search(rf"\b{re.escape(name)}\b", sentence):
                    together[name] += 1
    ranked = sorted(together.items(), key=lambda item: -item[1])
    best, count = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if count >= 2 and count >= _RIVAL_DOMINANCE * runner_up:
        return best
    return None
