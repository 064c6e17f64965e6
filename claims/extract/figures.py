"""Whose figures: the source a numeric claim reports when its sentence names no speaker.

CLAIM-SPEC.md, numeric `speaker`: besides the speaker of an attributed sentence,
a figure's source is the body whose figures, poll, survey, filing or results the
sentence reports, and that source stays with the following sentences of the
paragraph that go on reporting its results. `figure_sources(text, spans,
attributions)` returns, per sentence, the name such a sentence reports (or None);
the pipeline gives it to the sentence's numbers when no attribution covers them.

How a source is found, by the sentence's own words:

* the figures named by their publisher: "data released by the Statistics
  Office", "a survey from Acme Research", "figures compiled by Chart Co";
* the publisher's name before the figures and a reporting verb: "a Beacon
  University poll shows", "official Central Bank lending figures have shown",
  "the NSO data showed", "Harbour Research conducted the survey";
* a reference back to the source named before, which also reopens it in a new
  paragraph: "The poll found", "The survey also suggests", "The figures mean",
  "According to the report", "The institute surveyed"; with no publisher named
  before, a document the article introduced by its title ("the annual census
  of licensed brokers", then "The census shows").

How it is carried: one of the sentences above sets the paragraph's source (an
attributed statement that names figures does too, "Sales rose 4%, figures from
X show"); the following sentences without an attribution of their own keep it.
Any other attribution (a person's words, another body's statement), a new source,
or a new paragraph ends it (the source itself speaking again, "the bank said", does
not): an organisation's "X said" alone is not carried, as
the sentence after it is as often the article's own background. Two carries
cross paragraphs: a poll's shares ("Smith has 45%", "a third of voters are
undecided") keep the poll the article reports until someone else speaks, and a
sentence that ends in a colon ("X points out other figures:") gives its source
to the paragraph that follows. A numeric claim whose sentence has an
attribution is left to that attribution (assemble.py decides whether it covers
the number).
"""

from __future__ import annotations

import re
from functools import lru_cache

from claims.extract.context import lowered_words, may_hold_any
from claims.extract.names import (
    ANSWER_VERBS,
    DEMONYM,
    EVIDENCE_MODIFIERS,
    FUNCTION_WORDS,
    JOINT_NAME,
    clean_name,
    initials,
    is_geo_name,
    is_org_name,
    is_person_name,
)
from claims.extract.periods import about_a_poll
from claims.extract.sentences import paragraph_spans
from claims.normalise import fold_words
from claims.plurals import singular

__all__ = [
    "POLL_KIND",
    "figure_sources",
    "gives_poll_shares",
    "named_source",
    "poll_shaped",
    "reports_poll_shares",
]

_MAX_SENTENCE = 1500
# Nouns for a body of figures a source publishes.
_DATA_NOUN = (
    r"(?i:figures|data|statistics|stats|numbers|polls?|survey|study|report|research|analysis|"
    r"filings?|records|census|estimates|index|results|register|review|projections|count|tally|"
    r"disclosures?|forms?|returns|accounts)"
)
# Verbs by which figures report: "the poll found", "the data showed".
_DATA_VERBS = frozenset(
    """show shows showed shown showing found finds find suggest suggests suggested reveal
    reveals revealed indicate indicates indicated put puts says said confirm confirms
    confirmed estimate estimates estimated released published out give gives gave mean
    means stated states list lists listed""".split()
)
# (every use ends it at a word boundary, so the order of the words does not matter)
_DATA_VERB = rf"(?:{'|'.join(sorted(_DATA_VERBS))})"
# Verbs by which a poll or study tells how it was done: "the survey was based on 1,200
# interviews", "the study included 300 people", "the poll reached 900 adults".
_METHOD_VERB = r"(?:questioned|sampled|contacted|reached|based|included|includes|include)"
# Adverbs and auxiliaries between the figures and their verb.
_FILLER = r"(?:\s+(?:also|further|now|have|has|had|were|was|which|that|just|\w+ly))*"
_ABBR = r"(?P<abbr>\s*\([A-Z][A-Za-z]{1,9}\))?"

# "figures released by X", "a survey from X", "polls, including one from X", "research
# conducted for X". A poll's sample may come between ("a poll of 400 registered voters
# released by X").
_NOUN_THEN_NAME = re.compile(
    rf"\b(?P<noun>{_DATA_NOUN})\b(?:\s+of\s+[\d,]+(?:\s+[A-Za-z][\w-]*){{1,4}}?(?=,?\s+(?:released|"
    r"published|conducted|commissioned|carried|by|from)\b))?"
    r"(?:,?\s+(?:including\s+one|released|published|compiled|"
    r"issued|produced|conducted|commissioned|carried\s+out|out|on\s+\w+day|\w+day|last\s+\w+))*"
    r"(?:,?\s+(?:by|from)|\s+(?:conducted|commissioned|prepared|carried\s+out|done)\s+for)"
    rf"\s+(?:the\s+)?(?P<name>{JOINT_NAME}){_ABBR}"
)
# "a Beacon University poll shows", "official Central Bank lending figures have shown".
_NAME_THEN_NOUN = re.compile(
    rf"(?P<name>{JOINT_NAME})(?:['\u2019]s?)?{_ABBR}"
    rf"(?:\s+[a-z][\w-]*){{0,2}}?\s+(?P<noun>{_DATA_NOUN})\b{_FILLER}\s+{_DATA_VERB}\b"
)
# "in a Beacon/Acme poll of 900 voters": a poll is its pollster's without a verb.
# The kinds of poll written between a pollster and its poll: "a Beacon exit poll".
POLL_KIND = r"(?:public|online|telephone|phone|national|statewide|exit|tracking)"
_POLL_BY_NAME = re.compile(
    r"\b(?:[Aa]n?|[Tt]he|[Ii]ts)\s+(?:(?:new|latest|recent|national|weekly|monthly)\s+)?"
    rf"(?P<name>{JOINT_NAME})\s+(?:{POLL_KIND}\s+)?"
    r"(?P<noun>[Pp]oll|[Ss]urvey|(?:polling\s+)?average)\b"
)
# "Harbour Research conducted the poll", "Harbour surveyed 1,000 adults".
_NAME_CONDUCTED = re.compile(
    rf"(?P<name>{JOINT_NAME})(?:\s+\w+ly)?\s+(?P<noun>conducted|carried\s+out|commissioned|"
    r"surveyed|polled|interviewed|questioned)\b"
    # with an object: "the Marines surveyed (60%)" are people a poll asked; not a share
    # straight after "polled", which is a candidate's result ("Okafor polled 12 percent")
    r"(?=\s+[\w$])"
    r"(?!(?<=polled)\s+(?:[a-z]+\s+)?\d[\d.,]*\s*(?:%|percent|per\s+cent|points?)(?!\w))"
)
# "By the Beacon Agency's tally, ...", "by Acme's own estimate": a reckoning the clause
# reports its figures by.
_BY_NAMES_RECKONING = re.compile(
    rf"\b[Bb]y\s+(?:the\s+)?(?P<name>{JOINT_NAME})['\u2019]s?{_ABBR}\s+"
    r"(?:(?:own|latest|unofficial|official|new)\s+)?"
    r"(?P<noun>tally|count|estimates?|reckoning|calculations?|math|measure|figures)\b"
)
# Each pattern with the words (in lower case) one of which its every match holds: a
# pattern is tried only on a sentence that has one.
_PATTERNS = (
    (_NOUN_THEN_NAME, frozenset({"by", "from", "for"})),
    (_NAME_THEN_NOUN, _DATA_VERBS),
    (_POLL_BY_NAME, frozenset({"poll", "survey", "average"})),
    (
        _NAME_CONDUCTED,
        frozenset("conducted carried commissioned surveyed polled interviewed questioned".split()),
    ),
    (
        _BY_NAMES_RECKONING,
        frozenset(
            "tally count estimate estimates reckoning calculation calculations math measure "
            "figures".split()
        ),
    ),
)
# Words one of the patterns needs: looking them up in a set is a cheap test before
# the name patterns (most sentences name no figures).
_SOURCE_WORDS = frozenset(
    """
    figures data statistics stats numbers poll polls survey study report research analysis
    filing filings records census estimates index results register review projections count
    tally average conducted carried commissioned surveyed polled interviewed questioned
    disclosure disclosures form forms returns accounts estimate reckoning calculation
    calculations math measure
    """.split()
)
# What makes a source a poll: its figures are shares of the people it asked.
_POLL_WORDS = frozenset(
    "poll polls survey average polling conducted carried out commissioned surveyed polled "
    "interviewed questioned".split()
)
# "The poll found", "The survey also suggests", "According to the report",
# "The institute surveyed": the source named before.
_BACK_REFERENCE = re.compile(
    r"(?:^|[,;:]\s+|\bthat\s+|\band\s+)(?:[Aa]ccording\s+to\s+)?(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts)"
    r"\s+(?:(?:latest|new|same|monthly|annual|official|quarterly)\s+)?"
    rf"(?P<noun>{_DATA_NOUN}|figure|university|institute|organi[sz]ation|pollster)"
    rf"(?:{_FILLER}\s+(?:{_DATA_VERB}|surveyed|polled|conducted|interviewed|has|had)\b|\s*,)"
)
# ... and a poll's or a study's method: "The poll was based on 1,200 interviews".
_BACK_TO_METHOD = re.compile(
    r"(?:^|[,;:]\s+|\bthat\s+|\band\s+)(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts)"
    r"\s+(?:(?:latest|new|same)\s+)?(?P<noun>poll|survey|study)"
    rf"{_FILLER}\s+{_METHOD_VERB}\b"
)
# Documents an article may name by title ("the review of harbour safety").
_DOCUMENT_NOUNS = frozenset("register report study review census index".split())
# A share in a poll's terms: a percentage or points with the people asked, a lead,
# a rating ("45% of likely voters", "leads by 6 points", "a 40% approval rating").
_PERCENT = re.compile(
    r"\d\s*(?:%|per\s*cent\b|percent\b|(?:percentage\s+)?points?\b)|\bpercent"
    r"|\b(?:a|one|two)[\s-](?:third|quarter|fifth)s?\s+of\b|\bhalf\s+of\b"
)
_POLL_SHAPE = re.compile(
    r"\b(?:voters?|respondents?|adults|electorate|undecided|approv\w*|disapprov\w*|"
    r"favou?rab\w*|unfavou?rab\w*|rating|support\w*|lead|leads|leading|led|trail\w*|"
    r"margin|matchup|match-up|head-to-head|poll\w*|surveyed|ahead|behind)\b"
    r"|\b(?:has|had|with|at|on|earned|earns|garnered|garners|drew|draws)\s+"
    r"(?:just\s+|only\s+|about\s+)?\d+(?:\.\d+)?\s*(?:%|per\s*cent\b|percent\b)"
)
# A share of the people asked and what they answered: "57% say the levy is fair". It
# carries the poll on, but names no one's standing (see poll_shaped).
_ASKED_SHARE = re.compile(rf"\d\s*(?:%|per\s*cent|percent)(?:\s*[–—-])?\s+{ANSWER_VERBS}\b")
# The first word of a two-word place after a pollster's name: "a Beacon New Hampshire poll".
_COMPASS = frozenset("North South East West New Northern Southern Eastern Western".split())


# Words that describe data rather than name who published it, capitalised only when
# they open the sentence: "Available data", "Preliminary figures", "Official statistics".
_DATA_QUALIFIERS = frozenset(
    """available preliminary provisional official recent latest new early earlier final
    revised updated further additional separate fresh current previous weekly monthly
    quarterly annual economic internal published released today today's yesterday
    yesterday's""".split()
)  # "Today's data confirm": when the data came out, not who published them


def _opens_a_name(words: list[str]) -> bool:
    """Whether the first word starts a longer name ("New York Times"), not a
    description of the data before it ("Early returns")."""
    return len(words) > 1 and words[1][:1].isupper()


def _source_name(match: re.Match[str]) -> str | None:
    """The publisher a pattern matched, cleaned; None for a place or a person's title."""
    name, _ = clean_name(match.group("name"))
    if not name:
        return None
    words = re.sub(r"['\u2019]s?$", "", name).split()
    while words and (
        words[0] in ("The", "A", "An", "In", "On", "At", "For", "But", "And")
        or (words[0].lower() in _DATA_QUALIFIERS and not _opens_a_name(words))
    ):
        words = words[1:]  # "Available economic data show": no publisher named
    # "a Beacon/Acme Ohio poll": the poll's state is no part of the pollster; but in
    # "Bank of Zembla figures" the place completes the name ("X of Place").
    while len(words) > 1 and is_geo_name(words[-1]) and words[-2] not in ("of", "for"):
        words = words[:-1]
    if len(words) > 2 and words[-2] in _COMPASS:
        words = words[:-2]  # "... South Dakota", "... New Hampshire"
    if not words:
        return None
    name = " ".join(words)
    if is_geo_name(name) or all(DEMONYM.search(w) or is_geo_name(w) for w in words):
        return None  # "UK figures show": a place publishes nothing
    if len(words) == 1 and name in EVIDENCE_MODIFIERS:
        return None  # "Subsequent estimates put it at": no publisher named
    if (
        is_person_name(name)
        and match.re is _NAME_THEN_NOUN
        and match.group("noun").lower().rstrip("s") not in _FILED_NOUNS
    ):
        # "Smith data" is the data about a person, not a publisher; but what a person
        # files ("Okafor's disclosure form stated") the filer reports
        return None
    abbr = match.group("abbr") if "abbr" in match.re.groupindex else None
    if abbr:
        name = f"{name} ({abbr.strip()[1:-1]})"
    return name


# Documents a person or a body files about itself: "Okafor's disclosure form".
_FILED_NOUNS = frozenset("filing disclosure form return account".split())
# The possessor of a document named by its initials: "Okafor's new PFD form".
_POSSESSOR_BEFORE_RE = re.compile(rf"({JOINT_NAME})['\u2019]s\s+(?:[a-z][\w-]*\s+){{0,2}}$")


# Cached: figure_sources asks it of every sentence, and assemble asks again of a
# sentence whose share may be a poll's.
@lru_cache(maxsize=256)
def named_source(sentence: str) -> tuple[str, bool] | None:
    """The publisher whose figures the sentence reports, when it names one, and
    whether its figures are a poll's."""
    words = set(lowered_words(sentence))
    if _SOURCE_WORDS.isdisjoint(words):
        return None
    best: tuple[int, str, bool] | None = None
    for pattern, needed in _PATTERNS:
        if needed.isdisjoint(words):
            continue  # the name patterns are tried at every word: only where one can match
        for m in pattern.finditer(sentence):
            if best is not None and m.start() >= best[0]:
                break
            name = _source_name(m)
            if pattern is _NAME_THEN_NOUN and (
                owner := _POSSESSOR_BEFORE_RE.search(sentence, max(0, m.start() - 80), m.start())
            ):
                name = clean_name(owner.group(1))[0] or name  # "Okafor's new PFD form"
            if name is not None:
                noun = m.group("noun").lower().split()[0]
                best = (m.start(), name, noun in _POLL_WORDS)
                break
    return None if best is None else (best[1], best[2])


# What every noun of _BACK_REFERENCE starts with, in lower case.
_BACK_REFERENCE_STEMS = (
    "figure", "data", "statistics", "stats", "numbers", "poll", "survey", "study", "report",
    "research", "analysis", "filing", "records", "census", "estimates", "index", "results",
    "register", "review", "projections", "count", "tally", "university", "institute",
    "organi", "disclosure", "form", "returns", "accounts",
)  # fmt: skip


def refers_back(sentence: str) -> str | None:
    """The noun by which the sentence reports the figures of a source named before
    ("The poll found": "poll"), or None."""
    if not may_hold_any(sentence, _BACK_REFERENCE_STEMS):
        return None  # most sentences: the regex would try every position in vain
    m = _BACK_REFERENCE.search(sentence) or _BACK_TO_METHOD.search(sentence)
    return m.group("noun").lower() if m else None


def document_named(text: str, noun: str) -> str | None:
    """A document the article introduced by its title rather than its publisher:
    "The census shows" after "the annual census of licensed brokers" is that
    census. None when the article never named the noun with an "of" phrase."""
    if noun not in _DOCUMENT_NOUNS:
        return None
    m = re.search(rf"\b{noun}\s+of\s+[\w'\u2019-]+(?:\s+[\w'\u2019-]+){{0,2}}?(?=[.,;:!?]|$)", text)
    return m.group() if m else None


def poll_shaped(sentence: str) -> bool:
    """Whether the sentence states a share in a poll's terms ("Smith has 45%",
    "45% of voters", "leads by 6 points")."""
    return _PERCENT.search(sentence) is not None and _POLL_SHAPE.search(sentence) is not None


def reports_poll_shares(sentence: str) -> bool:
    """Whether the sentence gives a poll's shares: a standing or an answer ("42% say")."""
    return poll_shaped(sentence) or _ASKED_SHARE.search(sentence) is not None


def gives_poll_shares(sentence: str, about_a_poll: bool) -> bool:
    """Whether the sentence gives shares a poll found: in poll terms (reports_poll_shares),
    or any percentage in an article about a poll ("15% enthusiastic and 24% satisfied")
    unless a year dates it ("won 51% of the vote in 2009" is an election's)."""
    if reports_poll_shares(sentence):
        return True
    return about_a_poll and _PERCENT.search(sentence) is not None and not _YEAR.search(sentence)


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _carries(attribution) -> bool:
    """Whether an attributed sentence's source is a body that publishes figures:
    an organisation's statement is, a person's words or a quotation are not."""
    speaker = attribution.speaker
    return (
        attribution.kind == "statement"
        and bool(speaker)
        and is_org_name(speaker)
        and not is_person_name(speaker)
    )


def _gives_figures(attribution, sentence: str) -> bool:
    """Whether an attributed statement not known to be a person's gives figures."""
    speaker = attribution.speaker
    return (
        attribution.kind == "statement"
        and bool(speaker)
        and not is_person_name(speaker)
        and any(map(str.isdigit, sentence))
    )


def _expand(name: str, known: list[str], text: str) -> str:
    """ "Beacon" -> "Beacon University" when the article named the source so before;
    "HRB" -> "Harbour Records Bureau" when the article spelled the initials out."""
    words = name.split()
    for full in reversed(known):
        if full.split()[: len(words)] == words and len(full.split()) > len(words):
            return full
    if len(words) == 1 and 2 <= len(name) <= 8 and name.isupper():
        return defined_acronym(text, name) or name
    return name


# The words of a name spelled out before its acronym, read back from the bracket.
_SPELLED_OUT_RE = re.compile(
    r"(?<![\w'\u2019&.-])((?:[A-Z][\w'\u2019&.-]*)"
    r"(?:\s+(?:of|the|and|for|on|[A-Z][\w'\u2019&.-]*)){0,9})\s*$"
)


@lru_cache(maxsize=256)
def defined_acronym(text: str, acronym: str) -> str | None:
    """The name an article spells out before the acronym in brackets: "the Harbour
    Records Bureau (HRB)" for "HRB"; None when it never does. The name is the
    capitalised run whose capitals' initials are the acronym (a word before the
    name, "the UK Harbour Records Bureau (HRB)", is not part of it). Only the words
    just before each "(HRB)" are read, so a long text costs one scan."""
    bracket = f"({acronym})"
    at = text.find(bracket)
    while at >= 0:
        m = _SPELLED_OUT_RE.search(text, max(0, at - 160), at)
        if m is not None:
            words = m.group(1).split()
            while words and initials(words) != acronym:
                words = words[1:]
            if len(words) > 1:
                return " ".join(words)
        at = text.find(bracket, at + 1)
    return None


def _paragraph_of(spans: list[tuple[int, int]], text: str) -> list[int]:
    """The paragraph index of each sentence span."""
    paragraphs = paragraph_spans(text)
    out, p = [], 0
    for start, _ in spans:
        while p + 1 < len(paragraphs) and paragraphs[p + 1][0] <= start:
            p += 1
        out.append(p)
    return out


# A poll named by its pollster right before the word: "the latest Beacon/Globe survey".
_POLL_BY_NAME_RE = re.compile(
    r"\b(?!(?:The|This|That|A|An|Its|Their|Our|His|Her|Last|Latest|New|Recent)\b)"
    r"([A-Z][\w/&.’'-]*(?:\s+[A-Z][\w/&.’'-]*)*)\s+(?:poll|survey)\b"
)


def _names_another_poll(sentence: str, poll: str) -> bool:
    """Whether the sentence names a poll by a pollster other than `poll`."""
    return any(
        m.group(1) not in poll and poll not in m.group(1)
        for m in _POLL_BY_NAME_RE.finditer(sentence)
    )


# Figures of more than one poll, or of an unnamed other: "Other polls show Lee ahead",
# "recent surveys put", "Depending on which poll you believe".
_MANY_POLLS_RE = re.compile(
    r"\b(?:[Oo]ther|[Ss]everal|[Ss]ome|[Mm]ost|[Mm]any|[Vv]arious|national)\s+(?:recent\s+)?"
    r"(?:polls|surveys)\b|\b(?:which|another)\s+(?:poll|survey)\b"
    # polls in general ("what polls show"), not the voting ("going to the polls")
    r"|(?<!the\s)(?<!exit\s)\b[Pp]olls\s+(?:show|showed|suggest|suggested|indicate|have\s+shown)\b"
)


_DIGIT_RE = re.compile(r"\d")


def _many_polls_first(sentence: str) -> bool:
    """Whether the sentence reports other or several polls before its first figure (the
    figures before "..., while other surveys show" are still the named poll's)."""
    if "oll" not in sentence and "urvey" not in sentence:
        return False  # most sentences name no poll: skip the pattern
    m = _MANY_POLLS_RE.search(sentence)
    if m is None:
        return False
    digit = _DIGIT_RE.search(sentence)
    return digit is None or m.start() < digit.start()


# A verb by which a source named before reports again: "Acme found", "Acme also shows".
_REPORTS_AGAIN_RE = re.compile(
    rf"(?:['\u2019]s\s+(?:data|figures|poll|survey))?{_FILLER}\s+{_DATA_VERB}\b"
)


class _Carry:
    """What the article has said about sources of figures so far, left to right."""

    def __init__(self, text: str) -> None:
        self.text = text
        # In an article about a poll, shares past others' words are that poll's: the
        # first the article names.
        self.poll_article = about_a_poll(text)
        self.article_poll: str | None = None
        self.documents: dict[str, str | None] = {}
        self.current: str | None = None  # the source the paragraph is reporting
        self.last: str | None = None  # the last source of figures named
        self.poll: str | None = None  # the poll the article is reporting
        self.known: list[str] = []  # full names of sources, for short mentions
        # A body's statement about a measure, and the words it uses for it: later
        # sentences with a number that speak of the same measure are its figures.
        self.topic: tuple[str, frozenset[str], int] | None = None

    def name(self, name: str, is_poll: bool) -> str:
        name = _expand(name, self.known, self.text)
        self.known.append(name)
        self.current = self.last = name
        self.poll = name if is_poll else None
        if is_poll and self.article_poll is None and self.poll_article:
            self.article_poll = name
        return name

    def reporting_again(self, sentence: str) -> str | None:
        """A source of figures named before, reporting again by name: "In breaking down
        the results, Acme found ...", "Acme's data show"."""
        for name in reversed(self.known):
            at = sentence.find(name)
            if at >= 0 and _REPORTS_AGAIN_RE.match(sentence, at + len(name)):
                return name
        return None

    def document(self, noun: str) -> str | None:
        """The document the article named by title for a noun, looked up once."""
        if noun not in self.documents:
            self.documents[noun] = document_named(self.text, noun)
        return self.documents[noun]

    def attributed(self, attribution, sentence: str, last_paragraph: int) -> None:
        """An attributed sentence: a person's words end the carry; a body's
        statement is the source a later "the figures show" refers to, and one that
        announces a measure without a figure is the source of the figures that follow
        it up to `last_paragraph`."""
        # the body whose figures the paragraph reports, speaking again ("the bank
        # said"), goes on being their source
        same_body = bool(attribution.speaker) and attribution.speaker == self.current
        self.current = None
        self.topic = None
        found = named_source(sentence)
        if found is not None:
            self.name(*found)  # "Sales rose 4%, figures from X show": X's, and after it
            if attribution.kind != "statement":
                self.current = None  # a quotation that mentions a poll is its speaker's
        elif _carries(attribution):
            self.last = attribution.speaker
            self.poll = None
            if not any(map(str.isdigit, sentence)):
                words = _topic_words(sentence)
                self.topic = (attribution.speaker, words, last_paragraph)
        else:
            self.poll = self.article_poll
            if _gives_figures(attribution, sentence):
                # "Prices rose 2%, says the Beacon building society." then "The
                # figure means ...": the figure's source, whatever the text calls it
                self.last = attribution.speaker
        if same_body and _carries(attribution):
            self.current = attribution.speaker

    def on_topic(self, sentence: str, paragraph: int) -> str | None:
        """The body whose statement the sentence goes on reporting: it gives a number
        and speaks of the measure the statement spoke of ("Prices dipped in May, the
        bureau said." then "The average price fell to $180,000")."""
        if self.topic is None or not any(map(str.isdigit, sentence)):
            return None
        speaker, words, last_paragraph = self.topic
        if paragraph > last_paragraph:
            return None
        # Two words in common ("house prices" and "the average house price"): one is
        # as often a word the background shares ("the city").
        return speaker if len(words & _topic_words(sentence)) >= 2 else None


_LOWER_WORD = re.compile(r"(?<![\w'\u2019-])[a-z][a-z-]*")
# Words that say how a figure moved or who reported it, not what it measures.
_NOT_TOPIC = frozenset(
    """said says say told reported announced added rose risen rise rising fell fallen fall
    falling increased increase decreased decrease dropped drop dipped dip grew grow growth
    climbed slipped jumped slowed showed show shown year month week quarter day time
    about more less than over under some total latest figure number data statistic
    official annual monthly also still only just around almost nearly""".split()
)


def _topic_words(sentence: str) -> frozenset[str]:
    """The common nouns and adjectives a sentence may use for what it measures (lower
    case as written, folded, singular): names say who, not what is measured."""
    opening = sentence.lstrip()
    opening = opening[:1].lower() + opening[1:]  # "Weekday ridership rose": a common word
    lower = " ".join(_LOWER_WORD.findall(opening))
    return frozenset(
        word
        for word in map(singular, fold_words(lower))
        if len(word) > 3 and word not in _NOT_TOPIC and word not in FUNCTION_WORDS
    )


_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
# "The Beacon poll also suggests": the shares just before were the same poll's.
_ALSO_RE = re.compile(r"\b(?:poll|survey)\s+also\b")


def _give_back(
    out: list[str | None],
    i: int,
    name: str,
    spans: list[tuple[int, int]],
    text: str,
    paragraph: list[int],
    attributions: list,
) -> None:
    """A poll named after its shares ("Smith earned 42%, Jones 34%. The Beacon poll also
    found ..."): the unsourced poll-shaped sentences just before it, back to the start
    of its paragraph or the previous one, are that poll's."""
    j = i - 1
    while j >= 0 and paragraph[i] - paragraph[j] <= 1:
        start, end = spans[j]
        if out[j] is not None or attributions[j] is not None:
            break
        sentence = text[start:end]
        if not reports_poll_shares(sentence) or _YEAR_RE.search(sentence):
            break  # "Smith earned 44% in the 2012 primary": a result, not this poll's
        out[j] = name
        j -= 1


def _common_word(name: str, text: str) -> bool:
    """Whether a one-word name is a word the article also writes in lower case."""
    return " " not in name and re.search(rf"\b{re.escape(name.lower())}\b", text) is not None


def figure_sources(text: str, spans: list[tuple[int, int]], attributions: list) -> list[str | None]:
    """Per sentence, the source whose figures it reports when it has no attribution."""
    out: list[str | None] = [None] * len(spans)
    try:
        paragraph = _paragraph_of(spans, text)
    except Exception:  # noqa: BLE001 - a speaker is optional; numbers still count
        return out
    carry = _Carry(text)
    introduced: str | None = None  # the source of a sentence that ends in a colon
    for i, ((start, end), attribution) in enumerate(zip(spans, attributions, strict=False)):
        # A name pattern tried at every word of a sentence is quadratic in its
        # length; a sentence far longer than prose ever has is left unsourced.
        sentence = text[start:end] if end - start <= _MAX_SENTENCE else ""
        if i and paragraph[i] != paragraph[i - 1]:
            carry.current = introduced  # "X lists other figures:" and the list follows
        introduced = None
        if attribution is not None:
            # A statement that is a paragraph by itself (a news lede) announces what
            # the next paragraph reports; otherwise its own paragraph does.
            alone = (i == 0 or paragraph[i - 1] != paragraph[i]) and (
                i + 1 == len(spans) or paragraph[i + 1] != paragraph[i]
            )
            carry.attributed(attribution, sentence, paragraph[i] + alone)
            if sentence.rstrip().endswith(":") and attribution.speaker:
                introduced = carry.current = attribution.speaker
            continue
        found = named_source(sentence)
        if found is not None and _common_word(found[0], text):
            found = None  # "Available data suggest": a sentence's opening word, no source
        if found is not None:
            name = carry.name(*found)
            if found[1] and _ALSO_RE.search(sentence):
                _give_back(out, i, name, spans, text, paragraph, attributions)
        elif (back := refers_back(sentence)) is not None:
            carry.current = carry.last or carry.document(back)
        elif (again := carry.reporting_again(sentence)) is not None:
            carry.current = again  # "Acme found Democrats favored Okafor, 72% to 8%"
        elif _many_polls_first(sentence):
            carry.current = None  # "Other polls show", "depending on which poll": no one's
        elif (
            carry.current is None
            and carry.poll is not None
            and gives_poll_shares(sentence, carry.poll_article)
            and not _names_another_poll(sentence, carry.poll)
        ):
            carry.current = carry.poll  # a poll's shares reported paragraphs later
        out[i] = carry.current or carry.on_topic(sentence, paragraph[i])
    return out
